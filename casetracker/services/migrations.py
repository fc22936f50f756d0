"""Schema versions of the tables inside a vault, and the steps between them.

The file format has its own version (storage/migrations.py); this one tracks the tables. A vault
written by an older release is upgraded in memory on open and saved in the new shape on the next
save; a vault from a newer release is refused rather than half-understood.
"""

from collections.abc import Callable

from sqlalchemy import Engine, text
from sqlmodel import Session, SQLModel

from casetracker.i18n import translate
from casetracker.model import SCHEMA_VERSION as SCHEMA_VERSION  # what callers upgrade to
from casetracker.model import Meta
from casetracker.services.consent import adopt_legacy_flags
from casetracker.services.errors import ServiceError


def _contact_time_known(session: Session) -> None:
    """Schema 2: a contact may be known by its day only. Older contacts keep their time shown
    (time_known true): a 12:00 written by the old command line cannot be told from a real one."""
    session.execute(
        text("ALTER TABLE contactevent ADD COLUMN time_known BOOLEAN NOT NULL DEFAULT 1")
    )


def _status_day_optional(session: Session) -> None:
    """Schema 3: a status change may have no known day. SQLite cannot drop NOT NULL from a
    column, so the table is rebuilt from its own definition with that one constraint gone."""
    rows = session.execute(
        text("SELECT type, sql FROM sqlite_master WHERE tbl_name = 'statuschange' AND sql NOT NULL")
    ).all()
    table = next(sql for kind, sql in rows if kind == "table")
    indexes = [sql for kind, sql in rows if kind == "index"]
    relaxed = table.replace("changed_on DATE NOT NULL", "changed_on DATE")
    session.execute(text("ALTER TABLE statuschange RENAME TO statuschange_v2"))
    for sql in indexes:
        name = sql.split(" ON ")[0].split()[-1]
        session.execute(text(f"DROP INDEX {name}"))
    session.execute(text(relaxed))
    session.execute(text("INSERT INTO statuschange SELECT * FROM statuschange_v2"))
    session.execute(text("DROP TABLE statuschange_v2"))
    for sql in indexes:
        session.execute(text(sql))


def _custody_ended(session: Session) -> None:
    """Schema 4: a stay may have ended on a day not known, so "ended" is its own column. Until
    now a stay ended exactly when it had an end day."""
    session.execute(text("ALTER TABLE custodyperiod ADD COLUMN ended BOOLEAN NOT NULL DEFAULT 0"))
    session.execute(text("UPDATE custodyperiod SET ended = 1 WHERE until IS NOT NULL"))


def _uncertain_dates(session: Session) -> None:
    """Schema 5: every date of an event may be known only roughly (model/uncertain_date.py).
    The new code columns start empty, which says "exact": every existing date stays as it was.
    A contact may also be a "seen by" report tied to the witness's own case."""
    for table, column in UNCERTAIN_DATE_COLUMNS:
        if f"{column}_edtf" not in _columns(session, table):
            session.execute(
                text(
                    f"ALTER TABLE \"{table}\" ADD COLUMN {column}_edtf VARCHAR NOT NULL DEFAULT ''"
                )
            )
    if "witness_case_id" not in _columns(session, "contactevent"):
        session.execute(
            text(
                "ALTER TABLE contactevent ADD COLUMN witness_case_id CHAR(32) "
                'REFERENCES "case" (id) ON DELETE SET NULL'
            )
        )
        session.execute(
            text("CREATE INDEX ix_contactevent_witness_case_id ON contactevent (witness_case_id)")
        )


def _merge_bases_by_field(session: Session) -> None:
    """Schema 6: a merge base keeps the shared values of the version last exchanged, so a bundle
    merges field by field (services/bundle_merge.py). Older bases keep their digest only and
    are read as before, record by record. A vault without the table gets it whole later."""
    found = _columns(session, "mergebase")
    for column in ("shared_values", "versions_seen"):
        if found and column not in found:
            session.execute(
                text(f"ALTER TABLE mergebase ADD COLUMN {column} VARCHAR NOT NULL DEFAULT ''")
            )


def _columns(session: Session, table: str) -> set[str]:
    """A table's columns. Schema 5's step skips those already there: the tests emulate older
    vaults by taking one column away from today's tables, not this step's."""
    return {row[1] for row in session.execute(text(f'PRAGMA table_info("{table}")'))}


# (table, date column) pairs that gained an ``_edtf`` column in schema 5.
UNCERTAIN_DATE_COLUMNS = (
    ("case", "birth_date"),
    ("case", "refusal_date"),
    ("case", "detention_date"),
    ("statuschange", "changed_on"),
    ("custodyperiod", "since"),
    ("custodyperiod", "until"),
    ("contactevent", "occurred_at"),
    ("allegation", "occurred_on"),
)


def _consent_from_ticks(session: Session) -> None:
    """Schema 5: a relative's old "may share with a lawyer / with media" tick becomes consent
    rows (services/consent.py), dated the day of the upgrade and marked as recorded before
    consent was tracked; the tick is then cleared."""
    adopt_legacy_flags(session)


# to_version -> data step run once that version's tables exist (its new tables included)
DATA_STEPS: dict[int, Callable[[Session], None]] = {5: _consent_from_ticks}

# from_version -> step upgrading the schema to from_version + 1
STEPS: dict[int, Callable[[Session], None]] = {
    1: _contact_time_known,
    2: _status_day_optional,
    3: _custody_ended,
    4: _uncertain_dates,
    5: _merge_bases_by_field,
}


class NewerSchema(ServiceError):
    def __init__(self, found: int) -> None:
        super().__init__(
            translate(
                "services",
                "This vault was written by a newer Casetracker (data version {found}). "
                "Update the app to open it.",
            ).format(found=found)
        )


def schema_version(session: Session) -> int:
    meta = session.get(Meta, "schema_version")
    return int(meta.value) if meta else 0


def initialise(engine: Engine) -> None:
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        session.merge(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
        session.merge(Meta(key="next_ref", value="1"))
        session.commit()


def upgrade(engine: Engine, steps: dict[int, Callable[[Session], None]] | None = None) -> int:
    """Bring the tables to SCHEMA_VERSION; returns the version found before."""
    steps = STEPS if steps is None else steps
    with Session(engine) as session:
        found = schema_version(session)
        if found > SCHEMA_VERSION:
            raise NewerSchema(found)
        version = found
        while version < SCHEMA_VERSION:
            steps[version](session)
            version += 1
        # Tables added in later versions appear without a step of their own.
        SQLModel.metadata.create_all(session.get_bind())
        for crossed in range(found + 1, SCHEMA_VERSION + 1):
            if found and crossed in DATA_STEPS:
                DATA_STEPS[crossed](session)
        session.merge(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
        session.commit()
    return found
