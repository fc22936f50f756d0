"""Merge bases from before schema 6 (a digest only) keep working after the upgrade, and the
field-by-field merge never touches a field only we changed (hypothesis, on the rule and on
the real merge over an in-memory database)."""

import json
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from casetracker.model import SCHEMA_VERSION, Case, MergeBase
from casetracker.services.bundle_merge import Merger, weigh
from casetracker.services.migrations import initialise
from casetracker.services.workspace import Workspace
from casetracker.sharing.bundle import OpenedBundle
from casetracker.sharing.bundle_schema import BundleRecord, CasesDocument
from casetracker.storage.database import engine_from_snapshot
from tests.conftest import PASSPHRASE
from tests.services.test_bundle_merge_round_trip import receive, send
from tests.sharing.conftest import introduce, make_workspace


def test_a_schema_5_base_still_tells_their_edit_from_ours(tmp_path: Path) -> None:
    a = make_workspace(tmp_path / "a" / "a.ctvault", "anna")
    b_path = tmp_path / "b" / "b.ctvault"
    b = make_workspace(b_path, "boris")
    introduce(a, b)
    try:
        ref = a.cases.create("Иванов Иван Иванович", military_unit="в/ч 21005").ref
        receive(b, send(a, b, ref, recorded=False))
        with b.session() as session:  # as the release before schema 6 left it
            session.execute(text("ALTER TABLE mergebase DROP COLUMN shared_values"))
            session.execute(text("ALTER TABLE mergebase DROP COLUMN versions_seen"))
            session.execute(text("UPDATE meta SET value = '5' WHERE key = 'schema_version'"))
        b.close(save=True)
        b = Workspace.open(b_path, passphrase=PASSPHRASE)
        with b.reading() as session:
            version = session.execute(
                text("SELECT value FROM meta WHERE key = 'schema_version'")
            ).scalar_one()
            bases = session.exec(select(MergeBase)).all()
        assert int(version) == SCHEMA_VERSION == 6
        assert bases and all(m.shared_values == "" and m.digest for m in bases)

        a.cases.update(ref, lawyer="адв. Петрова")
        report = receive(b, send(a, b, ref))
        assert report.conflicts == [] and report.updated["cases"] == 1
        assert b.cases.get(ref).lawyer == "адв. Петрова"
        with b.reading() as session:
            case_id = b.cases.get(ref).id
            base = session.get(MergeBase, ("cases", case_id))
            assert base is not None
            assert json.loads(base.shared_values)["lawyer"] == "адв. Петрова"
    finally:
        a.close(save=False)
        b.close(save=False)


_VALUE = st.sampled_from(["", "a", "b", "c", None])
_FIELDS = ("x", "y", "z")


@settings(max_examples=300, deadline=None)
@given(
    theirs=st.fixed_dictionaries({n: _VALUE for n in _FIELDS}),
    ours=st.fixed_dictionaries({n: _VALUE for n in _FIELDS}),
    ancestor=st.dictionaries(st.sampled_from(_FIELDS), _VALUE),
)
def test_a_field_is_changed_only_when_only_they_changed_it(
    theirs: dict[str, str | None], ours: dict[str, str | None], ancestor: dict[str, str | None]
) -> None:
    taken, conflicting = weigh(theirs, ours, ancestor)
    assert not set(taken) & set(conflicting)
    for name in _FIELDS:
        known = name in ancestor
        if name in taken:
            assert known and ours[name] == ancestor[name] != theirs[name]
        elif theirs[name] != ours[name]:
            # Not taken: only we changed it (kept), or it is listed for a person.
            only_ours = known and theirs[name] == ancestor[name]
            assert only_ours or name in conflicting
        if name in conflicting:
            assert theirs[name] != ours[name]
            assert not known or (ours[name] != ancestor[name] != theirs[name])


_CASE_FIELDS = ("lawyer", "military_unit", "tags")
_TEXT = st.sampled_from(["", "a", "b", "c"])
_SENT = datetime(2024, 1, 1, 12, 0)


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """One in-memory database for every example (no vault file: the merge alone)."""
    made = engine_from_snapshot(None)
    initialise(made)
    yield made
    made.dispose()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    ours=st.fixed_dictionaries({n: _TEXT for n in _CASE_FIELDS}),
    theirs=st.fixed_dictionaries({n: _TEXT for n in _CASE_FIELDS}),
    ancestor=st.dictionaries(st.sampled_from(_CASE_FIELDS), _TEXT),
)
def test_a_merge_changes_a_field_only_where_only_they_changed_it(
    engine: Engine, ours: dict[str, str], theirs: dict[str, str], ancestor: dict[str, str]
) -> None:
    """Through the real merge of a bundle record against a stored base: a field is written
    only where ours is the ancestor's and theirs is not; every other difference is ours kept
    or a conflict naming exactly the fields both changed (or whose ancestor is unknown)."""
    case_id = uuid.uuid4()
    with Session(engine) as session:
        case = Case(id=case_id, ref=f"CT-{case_id.hex[:8]}", full_name="Иванов")
        for name, value in ours.items():
            setattr(case, name, value)
        session.add(case)
        session.add(
            MergeBase(
                entity="cases",
                record_id=case_id,
                digest="",
                bundle_updated_at=_SENT,
                shared_values=json.dumps(ancestor),
                versions_seen=json.dumps({"at": [_SENT.isoformat()]}),
            )
        )
        session.commit()
        record = BundleRecord(case_id, dict(theirs), _SENT, datetime(2024, 2, 1))
        document = CasesDocument("lawyer", datetime(2024, 2, 1), {"cases": [record]})
        bundle = cast(OpenedBundle, SimpleNamespace(document=document, signer_fingerprint=""))
        report = Merger(session, bundle, None).run()
        session.commit()
        merged = session.get(Case, case_id)
        assert merged is not None
        taken = {n for n in _CASE_FIELDS if ours[n] == ancestor.get(n) != theirs[n]}
        both = {
            n
            for n in _CASE_FIELDS
            if theirs[n] != ours[n] and n not in taken and theirs[n] != ancestor.get(n)
        }
        for name in _CASE_FIELDS:
            assert getattr(merged, name) == (theirs[name] if name in taken else ours[name])
        listed = {d.name for c in report.conflicts for d in c.diffs}
        assert listed == both
