"""Same man, two cases: a caseworker's verdict on a pair, and merging the pair into one case.

A verdict is one `SamePersonLink` row per pair ("same", with how sure, or "not the same", which
the duplicate finder then never proposes again). ``merge`` moves everything of one case into
the other in one unit of work and hands back an `MergeUndo` that ``unmerge`` uses to put both
cases back exactly as they were (every row of every table, byte for byte; the history of
changes gains entries for both steps).

Every table with a foreign key to ``case.id`` is found from the metadata, so the tables other
parts of the app add later are moved too without being named here. Rows are moved with plain
UPDATEs of their case key (a merge touches only the two cases' rows), each described to the
remembered facts (`storage.database.note_changes`) so the case list and flags are updated for
these two cases only.
"""

import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, Table, UniqueConstraint, delete, insert, inspect, or_, select, update
from sqlalchemy.sql import Executable
from sqlmodel import Session, SQLModel

from casetracker.i18n import Context, translate
from casetracker.model import AuditAction, AuditEntry, Case, FlagState, MergeBase, Priority
from casetracker.model.labels import count_text, field_label, stored_value_label
from casetracker.model.same_person import SameCertainty, SamePersonLink, Verdict
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services import audit, uncertain_dates
from casetracker.services.cases import case_search_key, get_case
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.storage.database import Changes, note_changes, write_count

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

_CASE: Table = Case.__table__  # type: ignore[attr-defined]
_LINK: Table = SamePersonLink.__table__  # type: ignore[attr-defined]
_AUDIT: Table = AuditEntry.__table__  # type: ignore[attr-defined]
_FLAGS: Table = FlagState.__table__  # type: ignore[attr-defined]

# Rows that mean one thing per case: the same relative, source or allegation linked to both
# cases, or a rule's flag state on each, would be a clash after a merge (one of them stays).
NATURAL_KEYS: Mapping[str, tuple[str, ...]] = {
    "caserelative": ("relative_id",),
    "sourcecase": ("source_id",),
    "allegationcase": ("allegation_id",),
    "flagstate": ("rule",),
}
# The history's name for a merge (added) and for its undoing (deleted).
MERGE_ENTITY = "CaseMerge"
# Case columns a merge never copies: identity and bookkeeping.
_OWN_FIELDS = frozenset({"id", "ref", "created_at", "updated_at", "search_key", "status"})
_PRIORITY_ORDER = (Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT)


# -- verdicts -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Link:
    """A verdict on a pair, as seen from one of its cases."""

    other_id: uuid.UUID
    other_ref: str
    other_name: str
    verdict: Verdict
    certainty: SameCertainty | None
    note: str
    decided_by: str
    decided_on: date


# A pair's stored verdict (column values), or None for no verdict: what undo puts back.
LinkState = dict[str, Any] | None


def pair(a: uuid.UUID, b: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    """The canonical order a pair is stored in."""
    return (a, b) if a.bytes < b.bytes else (b, a)


def _pair_of(session: Session, a: str | uuid.UUID, b: str | uuid.UUID) -> tuple[Case, Case]:
    first, second = get_case(session, a), get_case(session, b)
    if first.id == second.id:
        raise InvalidInput(translate("same_person", "A case cannot be linked to itself."))
    return first, second


def _link_row(session: Session, a: uuid.UUID, b: uuid.UUID) -> SamePersonLink | None:
    case_a, case_b = pair(a, b)
    stmt = select(SamePersonLink).where(
        SamePersonLink.case_a == case_a,  # type: ignore[arg-type]
        SamePersonLink.case_b == case_b,  # type: ignore[arg-type]
    )
    return session.execute(stmt).scalars().first()


def _state(link: SamePersonLink | None) -> LinkState:
    if link is None:
        return None
    return {
        "verdict": link.verdict,
        "certainty": link.certainty,
        "note": link.note,
        "decided_by": link.decided_by,
        "decided_on": link.decided_on,
    }


def set_link(
    ws: "OpenVault", a: str | uuid.UUID, b: str | uuid.UUID, state: LinkState
) -> LinkState:
    """Give a pair this verdict (None: none), in one unit of work; returns the one it had."""
    with ws.session() as session:
        first, second = _pair_of(session, a, b)
        link = _link_row(session, first.id, second.id)
        before = _state(link)
        if state is None:
            if link is not None:
                session.delete(link)
            return before
        if link is None:
            case_a, case_b = pair(first.id, second.id)
            link = SamePersonLink(case_a=case_a, case_b=case_b, **state)
        else:
            for key, value in state.items():
                setattr(link, key, value)
        session.add(link)
        return before


def mark_same(
    ws: "OpenVault",
    a: str | uuid.UUID,
    b: str | uuid.UUID,
    certainty: SameCertainty,
    note: str = "",
) -> LinkState:
    """Record that two cases are one man (not merged); returns the previous verdict."""
    return set_link(ws, a, b, verdict_state(ws, Verdict.SAME, SameCertainty(certainty), note))


def mark_not_same(
    ws: "OpenVault", a: str | uuid.UUID, b: str | uuid.UUID, note: str = ""
) -> LinkState:
    """Record that two cases are different men: the pair is never proposed as a duplicate."""
    return set_link(ws, a, b, verdict_state(ws, Verdict.NOT_SAME, None, note))


def unmark(ws: "OpenVault", a: str | uuid.UUID, b: str | uuid.UUID) -> LinkState:
    """Forget the verdict on a pair; returns it."""
    return set_link(ws, a, b, None)


def verdict_state(
    ws: "OpenVault", verdict: Verdict, certainty: SameCertainty | None, note: str
) -> dict[str, Any]:
    return {
        "verdict": verdict,
        "certainty": certainty,
        "note": note.strip(),
        "decided_by": ws.actor,
        "decided_on": date.today(),
    }


def certainty_label(certainty: SameCertainty | None) -> str:
    labels = {
        SameCertainty.CERTAIN: translate("same_person", "certain"),
        SameCertainty.LIKELY: translate("same_person", "likely"),
        SameCertainty.POSSIBLE: translate("same_person", "possible"),
    }
    return labels.get(certainty, "") if certainty is not None else ""


def verdict_text(link: Link) -> str:
    """ "possibly the same man as CT-0043 (likely)" or "not the same man as CT-0043"."""
    if link.verdict is Verdict.NOT_SAME:
        return translate("same_person", "not the same man as {ref}").format(ref=link.other_ref)
    return translate("same_person", "the same man as {ref} ({certainty})").format(
        ref=link.other_ref, certainty=certainty_label(link.certainty)
    )


def links_for(ws: "OpenVault", ref_or_id: str | uuid.UUID) -> list[Link]:
    """Every verdict on a pair this case is in, the other case's reference order."""
    with ws.reading() as session:
        case = get_case(session, ref_or_id)
        a, b, case_id = _LINK.c.case_a, _LINK.c.case_b, _CASE.c.id
        joined = or_((case_id == a) & (b == case.id), (case_id == b) & (a == case.id))
        rows = session.execute(
            select(SamePersonLink, Case).join(Case, joined).order_by(_CASE.c.ref)
        ).all()
    return [_link(link, other) for link, other in rows]


def _link(link: SamePersonLink, other: Case) -> Link:
    """A decision as one of its two cases sees it: the other man, and what was decided."""
    return Link(
        other.id,
        other.ref,
        other.full_name,
        link.verdict,
        link.certainty,
        link.note,
        link.decided_by,
        link.decided_on,
    )


def decided_pairs(session: Session, verdict: Verdict) -> set[tuple[uuid.UUID, uuid.UUID]]:
    """Every pair with this verdict, in canonical order."""
    stmt = select(_LINK.c.case_a, _LINK.c.case_b).where(_LINK.c.verdict == verdict)
    return {(a, b) for a, b in session.execute(stmt)}


def pair_verdicts(ws: "OpenVault") -> dict[tuple[uuid.UUID, uuid.UUID], Link]:
    """Every decided pair (canonical order) -> its verdict, seen from the pair's first case."""
    with ws.reading() as session:
        rows = session.execute(
            select(SamePersonLink, Case).join(Case, _CASE.c.id == _LINK.c.case_b)
        ).all()
    return {(link.case_a, link.case_b): _link(link, other) for link, other in rows}


def telling_facts(ws: "OpenVault") -> dict[uuid.UUID, tuple[date | None, str]]:
    """(birth date, unit) of every case: what tells two men of one name apart, in one query."""
    with ws.reading() as session:
        rows = session.execute(select(_CASE.c.id, _CASE.c.birth_date, _CASE.c.military_unit))
        return {case_id: (born, unit) for case_id, born, unit in rows}


# -- merging ------------------------------------------------------------------------------------
@dataclass
class MergeUndo:
    """Everything ``unmerge`` needs to put both cases back as they were before the merge."""

    keep_id: uuid.UUID
    absorb_id: uuid.UUID
    keep_row: dict[str, Any]
    absorb_row: dict[str, Any]
    # (table, case column) -> ids of the absorbed case's rows moved to the kept case.
    moved: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    # Rows removed as clashes, (table, values), in the order to put them back.
    removed: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    # Rows changed in place, (table, id, old values of the changed columns).
    changed: list[tuple[str, Any, dict[str, Any]]] = field(default_factory=list)
    # History entries of the absorbed case, now shown in the kept case's history.
    history: list[uuid.UUID] = field(default_factory=list)
    # The kept case's columns the merge changed, with their values before it: undoing puts
    # back these only, so what was edited or imported on the case since stays.
    keep_changed: dict[str, Any] = field(default_factory=dict)
    # The merge wrote the absorbed case's bundle tombstone (see ``merge``).
    tombstone: bool = False


@dataclass(frozen=True)
class MergeResult:
    keep_ref: str
    absorb_ref: str
    # What moved, in words ("3 contacts in the log"), and what was left as one.
    moved: list[str]
    # Fields of the kept case filled from the absorbed one, by label.
    filled: list[str]
    # Fields whose absorbed value differed and was kept in the notes or aliases, by label.
    noted: list[str]
    undo: MergeUndo


same_person = Context("same_person")  # named as its context, for lupdate


def moved_text(table: str, n: int) -> str:
    """ "3 contacts in the log", "1 task": ``n`` rows of a table, as a merge says what moves."""
    words = {
        "task": lambda: same_person.tr("%n task(s)", "", n),
        "request": lambda: same_person.tr("%n request(s) to officials", "", n),
        "consent": lambda: same_person.tr("%n consent record(s)", "", n),
        "disclosureentry": lambda: same_person.tr("%n line(s) of the disclosure log", "", n),
    }
    if table in words:
        return words[table]()
    text = count_text(table, n)
    # A table no label knows yet (added after this was written): named in general words.
    return same_person.tr("%n other record(s)", "", n) if table in text else text


@cache
def case_keys() -> tuple[tuple[Table, Column[Any]], ...]:
    """Every (table, column) holding a case's id, from the metadata (the other parts' tables
    too); the same-person links are handled on their own."""
    out = []
    for table in SQLModel.metadata.sorted_tables:
        if table is _CASE or table is _LINK:
            continue
        for column in table.columns:
            if any(fk.column.table is _CASE for fk in column.foreign_keys):
                out.append((table, column))
    return tuple(out)


def _natural_key(table: Table, column: Column[Any]) -> tuple[str, ...] | None:
    """The columns that say two rows of the same case are one thing (see ``NATURAL_KEYS``);
    declared unique constraints over the case column count too."""
    if table.name in NATURAL_KEYS and column.name == "case_id":
        return NATURAL_KEYS[table.name]
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint) and column.name in constraint.columns:
            return tuple(c.name for c in constraint.columns if c.name != column.name)
    for index in table.indexes:
        names = [c.name for c in index.columns]
        if index.unique and column.name in names and len(names) > 1:
            return tuple(n for n in names if n != column.name)
    return None


def merge_preview(
    ws: "OpenVault", keep: str | uuid.UUID, absorb: str | uuid.UUID
) -> tuple[str, str, list[str]]:
    """(kept ref, absorbed ref, what would move in words), for the confirmation."""
    with ws.reading() as session:
        kept, absorbed = _pair_of(session, keep, absorb)
        counts = _counts(session, absorbed.id)
        return kept.ref, absorbed.ref, [moved_text(t, n) for t, n in counts.items() if n]


def _counts(session: Session, case_id: uuid.UUID) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for table, column in case_keys():
        stmt = select(table.c.id).where(column == case_id)
        counts[table.name] += len(session.execute(stmt).all())
    stmt = select(_AUDIT.c.id).where(_AUDIT.c.case_id == str(case_id))
    counts["auditentry"] = len(session.execute(stmt).all())
    return dict(counts)


class _Writer:
    """Plain SQL writes inside an audited session, each described to the remembered facts."""

    def __init__(self, session: Session, cases: Iterable[uuid.UUID]) -> None:
        self.session = session
        self.cases = frozenset(cases)

    def __call__(self, table: Table, stmt: Executable, ids: Collection[Any] = ()) -> None:
        """Run ``stmt`` on ``table``'s rows ``ids``. They belong to these cases and to any
        other case they name (a contact's witness), before or after the write."""
        self.session.flush()
        columns = [column for t, column in case_keys() if t is table]
        cases = set(self.cases)

        def read() -> None:
            if columns and ids:
                found = self.session.execute(select(*columns).where(table.c.id.in_(ids)))
                cases.update(value for row in found for value in row if value is not None)

        read()
        bind = self.session.get_bind()
        before = write_count(bind)  # type: ignore[arg-type]
        self.session.execute(stmt)
        after = write_count(bind)  # type: ignore[arg-type]
        read()
        if before is not None and after is not None:
            described = None if table is _AUDIT else frozenset(cases)
            note_changes(bind, before, after, Changes({table.name: described}))  # type: ignore[arg-type]


def _row(session: Session, table: Table, row_id: Any) -> dict[str, Any]:
    found = session.execute(select(table).where(table.c.id == row_id)).mappings().first()
    if found is None:
        raise NotFound(translate("same_person", "A record of the case is no longer in the vault."))
    return dict(found)


def merge(ws: "OpenVault", keep: str | uuid.UUID, absorb: str | uuid.UUID) -> MergeResult:
    """Merge ``absorb`` into ``keep`` in one unit of work, losing nothing (see module doc).

    Every row of the absorbed case moves to the kept one; where both hold the same thing (the
    same relative, source or allegation, a rule's flag state) one row stays: the kept case's,
    or for flags the more watchful state. Fields empty in the kept case are filled from the
    absorbed one; a differing value is written into the notes (names into the aliases), and
    the absorbed reference becomes an alias, so typing it still finds the man.
    """
    with ws.session() as session:
        kept, absorbed = _pair_of(session, keep, absorb)
        write = _Writer(session, (kept.id, absorbed.id))
        undo = MergeUndo(
            kept.id, absorbed.id, _row(session, _CASE, kept.id), _row(session, _CASE, absorbed.id)
        )
        moved: dict[str, int] = defaultdict(int)
        for table, column in case_keys():
            _move_rows(session, write, undo, table, column, kept.id, absorbed.id, moved)
        _move_links(session, write, undo, kept.id, absorbed.id)
        _withdrawals_hold(session, write, undo, kept.id)
        history = list(
            session.execute(
                select(_AUDIT.c.id).where(_AUDIT.c.case_id == str(absorbed.id))
            ).scalars()
        )
        if history:
            write(
                _AUDIT,
                update(_AUDIT).where(_AUDIT.c.id.in_(history)).values(case_id=str(kept.id)),
            )
        undo.history = history
        moved["auditentry"] = len(history)
        session.expunge(absorbed)
        write(_CASE, delete(_CASE).where(_CASE.c.id == absorbed.id))
        filled, noted = _merge_fields(kept, undo.absorb_row)
        kept.search_key = case_search_key(kept)
        session.add(kept)
        session.flush()
        after = _row(session, _CASE, kept.id)
        undo.keep_changed = {name: old for name, old in undo.keep_row.items() if after[name] != old}
        # A bundle that still holds the absorbed case must not bring it back as a second man:
        # the bundle merge skips a record known from bundles and missing here (deleted_here).
        if session.get(MergeBase, ("cases", absorbed.id)) is None:
            session.add(MergeBase(entity="cases", record_id=absorbed.id, digest=""))
            undo.tombstone = True
        # One entry in the kept case's history: "merge added — case merged in: CT-0002 …".
        audit.record(
            session, ws.actor, AuditAction.CREATE, MERGE_ENTITY, str(absorbed.id), str(kept.id),
            **_merge_fields_of(undo.keep_row, undo.absorb_row, undone=False),
        )  # fmt: skip
        return MergeResult(
            kept.ref,
            absorbed.ref,
            [moved_text(t, n) for t, n in moved.items() if n],
            filled,
            noted,
            undo,
        )


def _move_rows(
    session: Session,
    write: _Writer,
    undo: MergeUndo,
    table: Table,
    column: Column[Any],
    keep_id: uuid.UUID,
    absorb_id: uuid.UUID,
    moved: dict[str, int],
) -> None:
    rows = [dict(r) for r in session.execute(select(table).where(column == absorb_id)).mappings()]
    if not rows:
        return
    key = _natural_key(table, column)
    stay: list[Any] = []
    if key is not None:
        kept = {
            tuple(r[k] for k in key): dict(r)
            for r in session.execute(select(table).where(column == keep_id)).mappings()
        }
        for row in rows:
            twin = kept.get(tuple(row[k] for k in key))
            if twin is None or _resolve(session, write, undo, table, twin, row):
                stay.append(row["id"])
    else:
        stay = [row["id"] for row in rows]
    if stay:
        write(
            table,
            update(table).where(table.c.id.in_(stay)).values({column.name: keep_id}),
            stay,
        )
        undo.moved[(table.name, column.name)] = stay
    moved[table.name] += len(rows)


def _resolve(
    session: Session,
    write: _Writer,
    undo: MergeUndo,
    table: Table,
    kept: dict[str, Any],
    absorbed: dict[str, Any],
) -> bool:
    """One of two rows that mean one thing stays; True when it is the absorbed one (moved)."""
    if table is _FLAGS:
        winner, loser = (
            (absorbed, kept) if _watchful(absorbed) < _watchful(kept) else (kept, absorbed)
        )
        first_seen = min(kept["first_seen"], absorbed["first_seen"])
        _remove(write, undo, table, loser)
        if winner["first_seen"] != first_seen:
            _change(write, undo, table, winner, {"first_seen": first_seen})
        return winner is absorbed
    # Kept case's row stays; what it lacks (e.g. the relationship) comes from the other one.
    fill = {
        name: value
        for name, value in absorbed.items()
        if name not in ("id", "created_at", "updated_at")
        and kept.get(name) in (None, "")
        and value not in (None, "")
    }
    _remove(write, undo, table, absorbed)
    if fill:
        _change(write, undo, table, kept, fill)
    return False


def _watchful(state: Mapping[str, Any]) -> tuple[bool, date, date]:
    """Sorts the flag state that keeps a flag in sight first: not acknowledged, not snoozed,
    else snoozed the shortest."""
    silenced = state["acknowledged_on"] is not None or state["snoozed_until"] is not None
    return (silenced, state["snoozed_until"] or date.min, state["acknowledged_on"] or date.min)


def _remove(write: _Writer, undo: MergeUndo, table: Table, row: dict[str, Any]) -> None:
    write(table, delete(table).where(table.c.id == row["id"]), [row["id"]])
    undo.removed.append((table.name, row))


def _change(
    write: _Writer, undo: MergeUndo, table: Table, row: dict[str, Any], values: dict[str, Any]
) -> None:
    write(table, update(table).where(table.c.id == row["id"]).values(values), [row["id"]])
    undo.changed.append((table.name, row["id"], {k: row[k] for k in values}))


# Consent columns the merge reads: one person's consent to one audience, given and withdrawn.
_CONSENT_COLUMNS = frozenset({"case_id", "relative_id", "audience", "given_on", "withdrawn_on"})


def _withdrawals_hold(
    session: Session, write: _Writer, undo: MergeUndo, keep_id: uuid.UUID
) -> None:
    """A consent withdrawn in one case stays withdrawn in the merged one: a consent the same
    person gave the same audience in the other case, before that withdrawal and still standing,
    is withdrawn on the same day (the man and his relatives are the same people in both)."""
    table = SQLModel.metadata.tables.get("consent")
    if table is None or not set(table.c.keys()) >= _CONSENT_COLUMNS:
        return
    moved = set(undo.moved.get((table.name, "case_id"), ()))
    groups: dict[tuple[Any, Any], list[dict[str, Any]]] = defaultdict(list)
    for row in session.execute(select(table).where(table.c.case_id == keep_id)).mappings():
        groups[(row["relative_id"], row["audience"])].append(dict(row))
    for rows in groups.values():
        for standing in [r for r in rows if r["withdrawn_on"] is None]:
            later = [
                r["withdrawn_on"]
                for r in rows
                if r["withdrawn_on"] is not None
                and (r["id"] in moved) != (standing["id"] in moved)
                and r["withdrawn_on"] >= standing["given_on"]
            ]
            if later:
                _change(write, undo, table, standing, {"withdrawn_on": min(later)})


def _move_links(
    session: Session, write: _Writer, undo: MergeUndo, keep_id: uuid.UUID, absorb_id: uuid.UUID
) -> None:
    """The absorbed case's verdicts become the kept case's (its own verdict on another pair
    wins); the verdict on the merged pair itself goes (the merge says more)."""
    rows = session.execute(
        select(_LINK).where(or_(_LINK.c.case_a == absorb_id, _LINK.c.case_b == absorb_id))
    ).mappings()
    for row in [dict(r) for r in rows]:
        other = row["case_b"] if row["case_a"] == absorb_id else row["case_a"]
        if other == keep_id or _link_row(session, keep_id, other) is not None:
            _remove(write, undo, _LINK, row)
        else:
            case_a, case_b = pair(keep_id, other)
            _change(write, undo, _LINK, row, {"case_a": case_a, "case_b": case_b})


def _empty(value: Any) -> bool:
    return value is None or value == "" or value is False


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def _joined(*texts: str) -> str:
    seen: dict[str, str] = {}
    for text in texts:
        for part in _split(text):
            seen.setdefault(part.casefold(), part)
    return "; ".join(seen.values())


def _value_text(name: str, value: Any) -> str:
    label = stored_value_label("Case", name, value)
    if label is not None:
        return label
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def _merge_date(
    kept: Case,
    absorbed: Mapping[str, Any],
    name: str,
    filled: list[str],
    noted: list[str],
    lines: list[str],
) -> None:
    """One date that may be uncertain (``detention_date`` with ``detention_date_edtf``): taken
    whole when the kept case has none, else the other value is noted in words."""
    mine = uncertain_dates.read(kept, name)
    theirs = UncertainDate.from_columns(absorbed[name], absorbed[f"{name}_edtf"] or "")
    if theirs is None or mine == theirs:
        return
    if mine is None:
        uncertain_dates.store(kept, name, theirs)
        filled.append(field_label(name))
    else:
        lines.append(f"{field_label(name)}: {uncertain_dates.describe(theirs)}")
        noted.append(field_label(name))


def _merge_fields(kept: Case, absorbed: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """Fill ``kept`` from the absorbed case's values; (labels filled, labels noted)."""
    filled: list[str] = []
    noted: list[str] = []
    lines: list[str] = []
    aliases = [kept.aliases, absorbed["aliases"], absorbed["ref"]]
    if absorbed["full_name"].strip().casefold() != kept.full_name.strip().casefold():
        aliases.append(absorbed["full_name"])
        noted.append(field_label("full_name"))
    kept.aliases = _joined(*aliases)
    kept.tags = _joined(kept.tags, absorbed["tags"])
    if absorbed["priority"] is not None and _rank(absorbed["priority"]) > _rank(kept.priority):
        kept.priority = Priority(absorbed["priority"])
        filled.append(field_label("priority"))
    if absorbed["status"] != kept.status:
        lines.append(f"{field_label('status')}: {_value_text('status', absorbed['status'])}")
    columns = inspect(Case).mapper.column_attrs
    special = {"full_name", "aliases", "tags", "priority", "notes"}
    for attr in columns:
        name = attr.key
        if name in _OWN_FIELDS or name in special or name not in absorbed:
            continue
        if name.endswith("_edtf"):  # merged with its date below: a day and its code go together
            continue
        if f"{name}_edtf" in absorbed:
            _merge_date(kept, absorbed, name, filled, noted, lines)
            continue
        mine, theirs = getattr(kept, name), absorbed[name]
        if _empty(theirs) or mine == theirs:
            continue
        if _empty(mine):
            setattr(kept, name, theirs)
            filled.append(field_label(name))
        else:
            lines.append(f"{field_label(name)}: {_value_text(name, theirs)}")
            noted.append(field_label(name))
    if absorbed["notes"].strip() and absorbed["notes"].strip() not in kept.notes:
        lines.append(absorbed["notes"].strip())
    if lines:
        head = translate("same_person", "From the merged case {ref}:").format(ref=absorbed["ref"])
        block = "\n".join([head, *lines])
        kept.notes = f"{kept.notes.rstrip()}\n\n{block}" if kept.notes.strip() else block
    return filled, noted


def _merge_fields_of(
    keep: Mapping[str, Any], absorb: Mapping[str, Any], *, undone: bool
) -> dict[str, list[str | None]]:
    """A merge's audit entry: which case went into which (as values added, or when the merge
    is undone, as last values deleted)."""
    texts = {
        "merged_case": f"{absorb['ref']} {absorb['full_name']}",
        "merged_into": f"{keep['ref']} {keep['full_name']}",
    }
    return {k: [v, None] if undone else [None, v] for k, v in texts.items()}


def _rank(priority: Any) -> int:
    try:
        return _PRIORITY_ORDER.index(Priority(priority))
    except ValueError:
        return 1


def unmerge(ws: "OpenVault", undo: MergeUndo) -> None:
    """Put both cases back exactly as they were before ``merge`` returned ``undo``.

    Rows added to the kept case since the merge stay with it; the history of changes keeps the
    merge and gains an entry for its undoing.
    """
    tables = SQLModel.metadata.tables
    with ws.session() as session:
        if session.get(Case, undo.keep_id) is None:
            raise NotFound(translate("same_person", "The merged case is no longer in the vault."))
        taken = session.execute(
            select(_CASE.c.id).where(_CASE.c.ref == undo.absorb_row["ref"])
        ).first()
        if taken is not None:
            raise InvalidInput(
                translate(
                    "same_person",
                    "The merge cannot be undone: another case now has the reference {ref}.",
                ).format(ref=undo.absorb_row["ref"])
            )
        write = _Writer(session, (undo.keep_id, undo.absorb_id))
        write(_CASE, insert(_CASE).values(undo.absorb_row))
        if undo.keep_changed:
            kept = update(_CASE).where(_CASE.c.id == undo.keep_id).values(undo.keep_changed)
            write(_CASE, kept)
        if undo.tombstone:
            tombstone = session.get(MergeBase, ("cases", undo.absorb_id))
            if tombstone is not None:
                session.delete(tombstone)
        for (name, column), ids in undo.moved.items():
            table = tables[name]
            stmt = update(table).where(table.c.id.in_(ids)).values({column: undo.absorb_id})
            write(table, stmt, ids)
        for name, row_id, old in reversed(undo.changed):
            table = tables[name]
            write(table, update(table).where(table.c.id == row_id).values(old), [row_id])
        for name, row in undo.removed:
            table = tables[name]
            write(table, insert(table).values(row), [row["id"]])
        if undo.history:
            write(
                _AUDIT,
                update(_AUDIT)
                .where(_AUDIT.c.id.in_(undo.history))
                .values(case_id=str(undo.absorb_id)),
            )
        for case_id in (undo.keep_id, undo.absorb_id):
            audit.record(
                session, ws.actor, AuditAction.DELETE, MERGE_ENTITY, str(undo.absorb_id),
                str(case_id), **_merge_fields_of(undo.keep_row, undo.absorb_row, undone=True),
            )  # fmt: skip
