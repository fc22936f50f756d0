"""A contact known by its day only has no time; schema 1 vaults keep their contacts' times."""

from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import text

from casetracker.model import SCHEMA_VERSION
from casetracker.services.workspace import Workspace
from tests.conftest import PASSPHRASE


def test_a_contact_by_day_only_is_stored_at_midnight_with_the_time_unknown(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    ws.contacts.log("CT-0001", datetime(2024, 7, 19, 12, 0), direct=True, time_known=False)
    (event,) = ws.contacts.for_case("CT-0001")
    assert event.time_known is False
    assert event.occurred_at == datetime(2024, 7, 19, 0, 0)


def test_a_schema_1_vault_opens_and_its_contacts_keep_their_time(
    ws: Workspace, vault_path: Path
) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    ws.contacts.log("CT-0001", datetime(2024, 7, 19, 18, 5), direct=True)
    with ws.session() as session:  # make it look as a release with schema 1 wrote it
        session.execute(text("ALTER TABLE contactevent DROP COLUMN time_known"))
        session.execute(text("ALTER TABLE custodyperiod DROP COLUMN ended"))
        session.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    ws.close(save=True)

    reopened = Workspace.open(vault_path, passphrase=PASSPHRASE)
    try:
        (event,) = reopened.contacts.for_case("CT-0001")
        assert event.time_known is True
        assert event.occurred_at.time() == time(18, 5)
        with reopened.reading() as session:
            version = session.execute(
                text("SELECT value FROM meta WHERE key = 'schema_version'")
            ).scalar_one()
        assert int(version) == SCHEMA_VERSION
    finally:
        reopened.close(save=False)


def test_a_schema_2_vault_keeps_its_status_days_and_takes_an_unknown_one(
    ws: Workspace, vault_path: Path
) -> None:
    ws.cases.create("Зайцев Олег Игоревич", detention_date=date(2024, 7, 10))
    with ws.session() as session:  # the table as schema 2 made it: the day required
        table = session.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'statuschange'")
        ).scalar_one()
        session.execute(text("ALTER TABLE statuschange RENAME TO old"))
        session.execute(text("DROP INDEX ix_statuschange_case_id"))
        session.execute(text(table.replace("changed_on DATE", "changed_on DATE NOT NULL")))
        session.execute(text("CREATE INDEX ix_statuschange_case_id ON statuschange (case_id)"))
        session.execute(text("INSERT INTO statuschange SELECT * FROM old"))
        session.execute(text("DROP TABLE old"))
        session.execute(text("ALTER TABLE custodyperiod DROP COLUMN ended"))
        session.execute(text("UPDATE meta SET value = '2' WHERE key = 'schema_version'"))
    ws.close(save=True)

    reopened = Workspace.open(vault_path, passphrase=PASSPHRASE)
    try:
        assert [c.changed_on for c in reopened.cases.status_history("CT-0001")] == [
            date(2024, 7, 10)
        ]
        reopened.cases.create("Кузнецов Олег Петрович")  # no day given: none stored
        assert [c.changed_on for c in reopened.cases.status_history("CT-0002")] == [None]
        with reopened.reading() as session:
            indexes = session.execute(
                text("SELECT name FROM sqlite_master WHERE tbl_name = 'statuschange'")
            ).scalars()
            assert "ix_statuschange_case_id" in set(indexes)
    finally:
        reopened.close(save=False)
