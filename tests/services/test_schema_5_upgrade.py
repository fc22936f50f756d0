"""A vault written by the release before uncertain dates (schema 4, tests/data/schema-4.vault,
made with that release's own code) opens with every date exact and unchanged."""

import shutil
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import text
from sqlmodel import select

from casetracker.model import SCHEMA_VERSION
from casetracker.model.consent import Audience, Consent, ConsentHow
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.migrations import UNCERTAIN_DATE_COLUMNS
from casetracker.services.workspace import Workspace

SCHEMA_4 = Path(__file__).parent.parent / "data" / "schema-4.vault"


def test_a_schema_4_vault_keeps_every_date_exact(tmp_path: Path) -> None:
    path = tmp_path / "old.vault"
    shutil.copyfile(SCHEMA_4, path)
    ws = Workspace.open(path, passphrase="schema four vault")
    try:
        with ws.reading() as session:
            version = session.execute(
                text("SELECT value FROM meta WHERE key = 'schema_version'")
            ).scalar_one()
            assert int(version) == SCHEMA_VERSION
            for table, column in UNCERTAIN_DATE_COLUMNS:
                codes = session.execute(text(f'SELECT {column}_edtf FROM "{table}"')).scalars()
                assert set(codes) <= {""}, (table, column)
            witnesses = session.execute(text("SELECT witness_case_id FROM contactevent"))
            assert set(witnesses.scalars()) == {None}
        case = ws.cases.get("CT-0001")
        assert (case.birth_date, case.refusal_date, case.detention_date) == (
            date(1991, 2, 28),
            date(2024, 6, 30),
            date(2024, 7, 3),
        )
        assert UncertainDate.from_columns(case.detention_date, case.detention_date_edtf) == (
            UncertainDate.day(date(2024, 7, 3))
        )
        moments = sorted(c.occurred_at for c in ws.contacts.for_case("CT-0001"))
        assert moments == [datetime(2024, 8, 1, 18, 30), datetime(2024, 8, 20)]
    finally:
        ws.close(save=False)


def test_the_old_share_ticks_become_consent_once(tmp_path: Path) -> None:
    """The father was ticked "may share with a lawyer", the mother "with media" (schema 4)."""
    path = tmp_path / "old.vault"
    shutil.copyfile(SCHEMA_4, path)
    ws = Workspace.open(path, passphrase="schema four vault")
    try:
        names = {r.id: r.full_name for r in ws.relatives.all()}
        with ws.reading() as session:
            rows = session.exec(select(Consent)).all()
        given = {(names[c.relative_id], c.audience) for c in rows if c.relative_id}
        assert given == {
            ("Зайцев Игорь Петрович", Audience.LAWYER),
            ("Зайцева Анна", Audience.MEDIA),
        }
        assert all(c.how is ConsentHow.RECORDED_BEFORE and c.withdrawn_on is None for c in rows)
        assert not any(r.share_with_lawyer or r.share_with_media for r in ws.relatives.all())
        ws.save()
    finally:
        ws.close(save=False)
    again = Workspace.open(path, passphrase="schema four vault")  # no second adoption
    try:
        with again.reading() as session:
            assert len(session.exec(select(Consent)).all()) == 2
    finally:
        ws.close(save=False)
