"""The in-memory SQLite database: snapshots, reloading, Cyrillic search, no disk use."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from casetracker.storage.database import engine_from_snapshot, snapshot

PEOPLE = ["АЛЕКСАНДР Петров", "Александра", "Ёжиков Олег", "olena", "ALEX"]


def with_people(engine: Engine) -> Engine:
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"))
        conn.execute(
            text(
                "CREATE TABLE note (id INTEGER PRIMARY KEY, "
                "person_id INTEGER NOT NULL REFERENCES person(id), body TEXT)"
            )
        )
        for name in PEOPLE:
            conn.execute(text("INSERT INTO person (name) VALUES (:name)"), {"name": name})
    return engine


def names_matching(engine: Engine, typed: str) -> list[str]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT name FROM person WHERE fold(name) LIKE '%' || fold(:typed) || '%'"),
            {"typed": typed},
        )
        return sorted(row[0] for row in rows)


def test_snapshot_reloads_with_every_row() -> None:
    reloaded = engine_from_snapshot(snapshot(with_people(engine_from_snapshot(None))))
    with reloaded.connect() as conn:
        names = [row[0] for row in conn.execute(text("SELECT name FROM person ORDER BY id"))]
    assert names == PEOPLE


def test_fold_finds_cyrillic_names_whatever_their_case() -> None:
    engine = engine_from_snapshot(snapshot(with_people(engine_from_snapshot(None))))
    assert names_matching(engine, "александр") == ["АЛЕКСАНДР Петров", "Александра"]
    assert names_matching(engine, "ЁЖИКОВ") == ["Ёжиков Олег"]
    assert names_matching(engine, "OLENA") == ["olena"]


def test_fold_passes_null_and_numbers_through() -> None:
    engine = engine_from_snapshot(None)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT fold(NULL), fold(7), fold('ÄÖ')")).one() == (
            None,
            7,
            "äö",
        )


def test_reloaded_database_accepts_writes_and_grows() -> None:
    engine = engine_from_snapshot(snapshot(with_people(engine_from_snapshot(None))))
    before = len(snapshot(engine))
    with engine.begin() as conn:
        for n in range(5000):
            conn.execute(text("INSERT INTO person (name) VALUES (:n)"), {"n": f"имя {n} " * 20})
    assert len(snapshot(engine)) > before * 10
    again = engine_from_snapshot(snapshot(engine))
    with again.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM person")).scalar() == 5000 + len(PEOPLE)


def test_foreign_keys_are_enforced_after_reloading() -> None:
    engine = engine_from_snapshot(snapshot(with_people(engine_from_snapshot(None))))
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text("INSERT INTO note (person_id, body) VALUES (999, 'orphan')"))


def test_sqlite_keeps_journal_and_temporary_data_in_memory() -> None:
    engine = engine_from_snapshot(snapshot(with_people(engine_from_snapshot(None))))
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "memory"
        assert conn.execute(text("PRAGMA temp_store")).scalar() == 2  # MEMORY
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_heavy_work_on_a_reloaded_database_creates_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SQLITE_TMPDIR", str(tmp_path))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    engine = engine_from_snapshot(snapshot(with_people(engine_from_snapshot(None))))
    with engine.begin() as conn:
        for n in range(3000):
            conn.execute(text("INSERT INTO person (name) VALUES (:n)"), {"n": f"{n} " * 100})
        conn.execute(text("CREATE INDEX person_name ON person (name)"))
        conn.execute(text("SELECT name FROM person ORDER BY fold(name) DESC")).all()
    snapshot(engine)
    assert list(tmp_path.iterdir()) == []


def test_snapshot_is_refused_mid_transaction_and_the_transaction_survives() -> None:
    engine = with_people(engine_from_snapshot(None))
    with engine.connect() as conn:
        conn.execute(text("INSERT INTO person (name) VALUES ('uncommitted')"))
        with pytest.raises(RuntimeError):
            snapshot(engine)
        conn.commit()
    assert "uncommitted" in names_matching(engine_from_snapshot(snapshot(engine)), "uncommitted")


def test_snapshot_needs_an_engine_from_this_module() -> None:
    from sqlalchemy import create_engine

    with pytest.raises(TypeError):
        snapshot(create_engine("sqlite://"))


class PrivateBase(DeclarativeBase):
    """Its own registry, so this test table never meets the app's SQLModel metadata."""


class SnapshotRelative(PrivateBase):
    __tablename__ = "relative"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


def test_orm_sessions_work_on_a_reloaded_snapshot() -> None:
    engine = engine_from_snapshot(None)
    PrivateBase.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(SnapshotRelative(name="Мать: ОКСАНА"))
        session.commit()
    reloaded = engine_from_snapshot(snapshot(engine))
    with Session(reloaded) as session:
        query = select(SnapshotRelative).where(func.fold(SnapshotRelative.name).contains("оксана"))
        assert [r.name for r in session.scalars(query)] == ["Мать: ОКСАНА"]
