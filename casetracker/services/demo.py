"""Realistic fictional data for demos, screenshots, tests and benchmarks.

Deterministic for a seed and anchored to ``today`` so that the flags tell a believable morning
story whatever the date: some men heard from yesterday, some silent for weeks, one father who
last heard from his son 37 days ago, a basement whose prisoners fell silent together.
All names, units and numbers are invented.

The demo shows the whole life of a case: all ten statuses (released and home among them),
moves between places, relatives who agreed to be named to a lawyer and some who did not, and a
History tab that reads as if each step had been typed in on its day (the first
``HISTORY_CASES`` cases; beyond them the vault gets one audit entry for the import).

Rows are written in bulk (plain INSERTs of a few hundred cases at a time, no ORM objects, no
query per row), so an organisation-sized vault of 20,000 cases is made in seconds.
"""

import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from sqlalchemy import Table, insert
from sqlmodel import Session, SQLModel, select

from casetracker.model import (
    Allegation,
    AllegationCase,
    AllegationKind,
    Audience,
    AuditAction,
    AuditEntry,
    Case,
    CaseRelative,
    CaseStatus,
    Certainty,
    Channel,
    Consent,
    ConsentHow,
    ContactEvent,
    CustodyPeriod,
    Facility,
    FacilityKind,
    Meta,
    Priority,
    Relative,
    Source,
    SourceCase,
    SourceFacility,
    SourceKind,
    StatusChange,
    Verification,
    utcnow,
)
from casetracker.model.requests import ReplyOutcome, Request, RequestKind
from casetracker.model.tasks import Task
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services import audit
from casetracker.services.audit import created_changes
from casetracker.services.cases import REF_PREFIX, case_search_key
from casetracker.services.facilities import facility_search_key
from casetracker.services.relatives import relative_search_key

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

SURNAMES = (
    "Смирнов", "Иванов", "Юсупов", "Ершов", "Бадмаев", "Цыбиков", "Жамсуев", "Щербаков",
    "Соловьёв", "Фёдоров", "Монгуш", "Ооржак", "Магомедов", "Алиев", "Кузнецов", "Попов",
    "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Морозов", "Волков", "Лебедев",
    "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев",
    "Макаров", "Никитин", "Захаров", "Зайцев", "Доржиев", "Санжиев", "Гармаев", "Дашиев",
)  # fmt: skip
FIRST_NAMES = (
    "Александр", "Алексей", "Юрий", "Дмитрий", "Сергей", "Евгений", "Артём", "Максим",
    "Николай", "Степан", "Баир", "Жаргал", "Аюр", "Чингис", "Айдыс", "Магомед", "Руслан",
    "Иван", "Андрей", "Павел", "Роман", "Виктор", "Олег", "Кирилл",
)  # fmt: skip
PATRONYMICS = (
    "Иванович", "Сергеевич", "Николаевич", "Александрович", "Дмитриевич", "Юрьевич",
    "Баирович", "Петрович", "Викторович", "Олегович",
)  # fmt: skip
REGIONS = ("Бурятия", "Тыва", "Дагестан", "Забайкальский край", "Иркутская обл.", "Калмыкия")
UNITS = ("в/ч 21005", "в/ч 05776", "в/ч 69647", "в/ч 46108", "в/ч 38643", "в/ч 57367")
CASEWORKERS = ("Анна К.", "Мария С.", "Игорь Д.", "Ольга В.")
RELATIONSHIPS = ("отец", "мать", "жена", "брат", "сестра", "сослуживец")
FACILITIES = (
    ("Подвал комендатуры", FacilityKind.BASEMENT, "Брянка", "ЛНР", "ЧВК «Вега»"),
    ("СИЗО-1", FacilityKind.PRETRIAL_PRISON, "Луганск", "ЛНР", "ФСИН"),
    ("Гараж у автобазы", FacilityKind.GARAGE, "Зайцево", "ДНР", "военная полиция"),
    ("Прокуратура гарнизона", FacilityKind.PROSECUTORS_OFFICE, "Новая Каховка",
     "Херсонская обл.", "военная прокуратура"),
    ("Центр содержания военнослужащих", FacilityKind.DETENTION_CENTRE, "Перевальск", "ЛНР",
     "Минобороны"),
    ("Расположение части", FacilityKind.MILITARY_UNIT, "Кадиевка", "ЛНР", "командование части"),
    ("Военный госпиталь", FacilityKind.HOSPITAL, "Ростов-на-Дону", "Ростовская обл.", "Минобороны"),
    ("Подвал школы", FacilityKind.BASEMENT, "Рубежное", "ЛНР", "ЧВК «Вега»"),
)  # fmt: skip
NOTES = (
    "Принудительные работы на складе.",
    "Предлагают вернуться в часть или перейти в штурмовой отряд.",
    "Связь через сослуживца; детали уточнить.",
    "Отец просит не раскрывать его имя.",
    "Жалоба в военную прокуратуру направлена.",
    "",
)  # fmt: skip
STATUS_MIX = (
    (CaseStatus.DETAINED, 30), (CaseStatus.TRANSFERRED, 6), (CaseStatus.WHEREABOUTS_UNKNOWN, 6),
    (CaseStatus.REFUSED, 10), (CaseStatus.SERVING, 8), (CaseStatus.RELEASED, 6),
    (CaseStatus.HOME, 8), (CaseStatus.RETURNED_TO_FRONT, 6),
    (CaseStatus.CONTRACT_TERMINATED, 6), (CaseStatus.DECEASED, 2),
)  # fmt: skip
HELD = {CaseStatus.DETAINED, CaseStatus.TRANSFERRED}

# Cases whose steps are also in the audit log (the History tab): every case of the 60-case
# demo, and no more at any scale, so 20,000 cases are made as fast as before.
HISTORY_CASES = 60


def _interleaved(mix: tuple[tuple[CaseStatus, int], ...]) -> list[CaseStatus]:
    """Each status as often as its weight, spread evenly (smooth weighted round robin), so the
    first few dozen cases already show every status."""
    total = sum(weight for _, weight in mix)
    credit = dict.fromkeys((status for status, _ in mix), 0)
    out = []
    for _ in range(total):
        for status, weight in mix:
            credit[status] += weight
        chosen = max(credit, key=lambda status: credit[status])
        credit[chosen] -= total
        out.append(chosen)
    return out


@dataclass(frozen=True)
class DemoShape:
    """How much there is per case; the defaults make the 60-case demo, benchmarks raise them.

    ``relatives``, ``contacts`` and ``sources`` are averages over all cases. ``custody_periods``
    is the average for a case held somewhere at all (about three cases in five; the rest were
    never detained). Every case has its refusal as first status change and, unless he is still
    only refusing, the change to his current status; ``status_changes`` above 2 adds moves
    between places held (``transferred``/``detained``) in between.
    """

    relatives: float = 1
    contacts: float = 5
    custody_periods: float = 1
    status_changes: int = 1
    sources: float = 1
    facilities: int = len(FACILITIES)


# Cases made between two bulk writes: large enough to amortise, small enough to keep memory low.
_BATCH = 500

# Parents before children, so every foreign key points at a row already written.
_TABLES: tuple[type[SQLModel], ...] = (
    Facility, Case, Relative, CaseRelative, StatusChange, CustodyPeriod, ContactEvent,
    Source, SourceFacility, SourceCase, Allegation, AllegationCase, Request, Task, Consent,
)  # fmt: skip


def _table(model: type[SQLModel]) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


def _column_defaults(model: type[SQLModel]) -> dict[str, Any]:
    """Each column's plain default (None where it has none or a computed one)."""
    out: dict[str, Any] = {}
    for column in _table(model).columns:
        default = column.default
        scalar = default is not None and default.is_scalar
        out[column.name] = default.arg if scalar else None  # type: ignore[union-attr]
    return out


_DEFAULTS = {model: _column_defaults(model) for model in _TABLES}


class _CaseDates(NamedTuple):
    """What the sources and allegations need to know about a case made earlier."""

    id: uuid.UUID
    detention_date: date | None
    refusal_date: date | None


class _Rows:
    """New rows kept as plain values and written with one INSERT per table and batch.

    Rows carry every column (defaults filled in), in the order they were made, so the vault
    holds exactly what building model objects one by one would have written.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._pending: dict[type[SQLModel], list[dict[str, Any]]] = {m: [] for m in _TABLES}
        self._history: list[dict[str, Any]] = []

    def add(self, model: type[SQLModel], **values: Any) -> dict[str, Any]:
        now = utcnow()
        row = {**_DEFAULTS[model], "id": uuid.uuid4(), "created_at": now, "updated_at": now}
        row.update(values)
        self._pending[model].append(row)
        return row

    def mark(self) -> dict[type[SQLModel], int]:
        """Where each table's pending rows end now (rows are written only between cases)."""
        return {model: len(rows) for model, rows in self._pending.items()}

    def since(self, mark: dict[type[SQLModel], int], model: type[SQLModel]) -> list[dict[str, Any]]:
        return self._pending[model][mark[model] :]

    def told(
        self, at: datetime, actor: str, action: AuditAction, entity: str, row: dict[str, Any],
        case_id: uuid.UUID, changes: dict[str, list[Any]],
    ) -> None:  # fmt: skip
        """An audit entry, as the session hook would have written it at ``at``."""
        self._history.append(
            {
                "id": uuid.uuid4(),
                "at": min(at, utcnow()),
                "actor": actor,
                "action": action,
                "entity": entity,
                "entity_id": str(row["id"]),
                "case_id": str(case_id),
                "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
            }
        )

    def write(self) -> None:
        connection = self._session.connection()
        for model in _TABLES:
            rows = self._pending[model]
            if rows:
                connection.execute(insert(_table(model)), rows)
                rows.clear()
        if self._history:
            connection.execute(insert(_table(AuditEntry)), self._history)
            self._history.clear()


class _Refs:
    """``cases.next_ref`` for many new cases: the same references, without a query per case."""

    def __init__(self, session: Session) -> None:
        self._meta = session.get(Meta, "next_ref") or Meta(key="next_ref", value="1")
        self._number = int(self._meta.value)
        self._taken = set(session.exec(select(Case.ref)))

    def next(self) -> str:
        while True:
            ref = f"{REF_PREFIX}{self._number:04d}"
            self._number += 1
            if ref not in self._taken:
                self._taken.add(ref)
                return ref

    def store(self, session: Session) -> None:
        self._meta.value = str(self._number)
        session.add(self._meta)


def _search_key(function: Callable[[Any], str], row: dict[str, Any]) -> str:
    """The services' own search key function, applied to a row that is not an object yet."""
    return function(SimpleNamespace(**row))


def generate(
    ws: "OpenVault",
    cases: int = 60,
    *,
    seed: int = 7,
    today: date | None = None,
    shape: DemoShape | None = None,
) -> int:
    """Fill the vault with fictional cases; returns how many were added."""
    rng = random.Random(seed)
    today = today or date.today()
    shape = shape or DemoShape()
    with Session(ws.engine, expire_on_commit=False) as session:
        rows = _Rows(session)
        refs = _Refs(session)
        facilities = _facilities(rows, rng, today, shape.facilities)
        basement = facilities[0]
        statuses = _interleaved(STATUS_MIX)
        all_cases: list[_CaseDates] = []
        for i in range(cases):
            status = statuses[i % len(statuses)] if i >= 6 else CaseStatus.DETAINED
            all_cases.append(
                _case(rows, refs.next(), rng, today, i, status, facilities, basement, shape)
            )
            if (i + 1) % _BATCH == 0:
                rows.write()
        _sources(rows, rng, today, all_cases, facilities, basement, shape)
        _requests(rows, today, all_cases)
        _tasks(rows, today, all_cases)
        rows.write()
        refs.store(session)
        audit.record(session, ws.actor, AuditAction.IMPORT, "Demo", "demo", cases=cases)
        session.commit()
    ws.record_change()
    return cases


def _phone(rng: random.Random) -> str:
    a, b, c, d = (
        rng.randint(10, 99),
        rng.randint(100, 999),
        rng.randint(10, 99),
        rng.randint(10, 99),
    )
    return f"+7 9{a} {b}-{c}-{d}"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(FIRST_NAMES)} {rng.choice(PATRONYMICS)}"


def _facilities(rows: _Rows, rng: random.Random, today: date, count: int) -> list[uuid.UUID]:
    out = []
    for i in range(count):
        name, kind, settlement, region, controller = FACILITIES[i % len(FACILITIES)]
        if i >= len(FACILITIES):
            name = f"{name} №{i // len(FACILITIES) + 1}"
        facility = rows.add(
            Facility,
            name=name,
            kind=kind,
            settlement=settlement,
            region=region,
            controlled_by=controller,
            headcount=rng.choice((None, 12, 33, 234)),
            headcount_date=today - timedelta(days=rng.randint(5, 60)),
            headcount_source="сообщения родственников",
        )
        facility["search_key"] = _search_key(facility_search_key, facility)
        out.append(facility["id"])
    return out


def _case(
    rows: _Rows,
    ref: str,
    rng: random.Random,
    today: date,
    index: int,
    status: CaseStatus,
    facilities: list[uuid.UUID],
    basement: uuid.UUID,
    shape: DemoShape,
) -> _CaseDates:
    mark = rows.mark()
    refusal = today - timedelta(days=rng.randint(20, 200))
    detention = refusal + timedelta(days=rng.randint(1, 10)) if status in HELD else None
    if index == 0:
        # The case from the brief: the father last heard from his son 37 days ago.
        refusal, detention = today - timedelta(days=60), today - timedelta(days=55)
    case = rows.add(
        Case,
        ref=ref,
        full_name=_name(rng),
        name_is_changed=rng.random() < 0.1,
        birth_date=date(rng.randint(1970, 2003), rng.randint(1, 12), rng.randint(1, 28)),
        home_region=rng.choice(REGIONS),
        military_unit=rng.choice(UNITS),
        contract_type=rng.choice(("контракт", "мобилизован", "контракт")),
        contract_start=refusal - timedelta(days=rng.randint(90, 400)),
        refusal_date=refusal,
        detention_date=detention,
        status=status,
        priority=rng.choice((Priority.NORMAL, Priority.NORMAL, Priority.HIGH, Priority.URGENT)),
        caseworker=rng.choice(CASEWORKERS),
        lawyer=rng.choice(("", "", "адв. Петрова Е.")) if index > 5 else "",
        notes=rng.choice(NOTES),
    )
    if index % 9 == 6:  # "born around 1985": what a comrade, not a mother, tells
        born = UncertainDate.year(case["birth_date"].year, approximate=True)
        case["birth_date"], case["birth_date_edtf"] = born.column_day, born.to_edtf()
    taken = ""
    if detention is not None and index % 7 == 3:  # "taken some day in the first week"
        taken = UncertainDate.between(detention, detention + timedelta(days=4)).to_edtf()
        case["detention_date_edtf"] = taken
    case["search_key"] = _search_key(case_search_key, case)
    case_id = case["id"]
    start = detention or refusal
    silence = _silence(rng, index, status)
    rows.add(StatusChange, case_id=case_id, status=CaseStatus.REFUSED, changed_on=refusal)
    if status != CaseStatus.REFUSED:
        current_since = _status_day(status, start, refusal, today, silence)
        previous = _moves(rows, rng, case_id, status, refusal, current_since, shape)
        change = rows.add(
            StatusChange,
            case_id=case_id,
            status=status,
            previous_status=previous,
            changed_on=current_since,
            source_note="со слов родственников",
        )
        if taken and current_since == detention:  # detained on that day, known as roughly
            change["changed_on_edtf"] = taken
    relatives = []
    for r in range(max(1, round(rng.gauss(shape.relatives, 0.5)))):
        anonymous = index == 0 or rng.random() < 0.15
        relative = rows.add(
            Relative,
            full_name="" if anonymous and r == 0 else _name(rng),
            phones=_phone(rng),
            handles=f"@rel{index}_{r}" if rng.random() < 0.4 else "",
            language="ru",
            city=rng.choice(("Улан-Удэ", "Кызыл", "Махачкала", "Чита", "Иркутск")),
            anonymous=anonymous,
            share_with_lawyer=not anonymous and rng.random() < 0.7,
        )
        relative["search_key"] = _search_key(relative_search_key, relative)
        rows.add(
            CaseRelative,
            case_id=case_id,
            relative_id=relative["id"],
            relationship="отец" if index == 0 and r == 0 else rng.choice(RELATIONSHIPS),
        )
        relatives.append(relative["id"])
    _consent(rows, case_id, index, refusal, today)
    if status in HELD or status == CaseStatus.WHEREABOUTS_UNKNOWN or rng.random() < 0.3:
        _custody(rows, rng, case_id, status, start, facilities, basement, index, shape)
    _contacts(rows, rng, today, case_id, start, relatives, index, shape, silence)
    if index < HISTORY_CASES:
        _history(rows, mark, case)
    return _CaseDates(case_id, detention, refusal)


def _consent(rows: _Rows, case_id: uuid.UUID, index: int, refusal: date, today: date) -> None:
    """The man's own word, passed on by his family after his last call: a third of the men
    agreed to a lawyer, half to being counted in statistics; the rest could not be asked.
    Chosen by the case's number, not drawn, so every other demo fact stays as it was."""
    given = min(today, refusal + timedelta(days=3))
    for audience, wanted in (
        (Audience.LAWYER, index % 3 == 1),
        (Audience.STATISTICS, index % 2 == 0),
    ):
        if wanted:
            rows.add(
                Consent,
                case_id=case_id,
                audience=audience,
                given_on=given,
                how=ConsentHow.THROUGH_RELATIVE,
                given_through="со слов родственников",
            )


class _Story:
    """One case's audit entries, each dated as if that step had been recorded on its day."""

    def __init__(self, rows: _Rows, case: dict[str, Any]) -> None:
        self._rows, self._case_id, self._actor = rows, case["id"], case["caseworker"]

    def added(self, at: datetime, entity: str, row: dict[str, Any], **shown: Any) -> None:
        changes = created_changes({**row, **shown})
        self._rows.told(at, self._actor, AuditAction.CREATE, entity, row, self._case_id, changes)

    def changed(self, at: datetime, entity: str, row: dict[str, Any], field: str, old: Any) -> None:
        changes = {field: [audit.plain(old), audit.plain(row[field])]}
        self._rows.told(at, self._actor, AuditAction.UPDATE, entity, row, self._case_id, changes)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def _history(rows: _Rows, mark: dict[type[SQLModel], int], case: dict[str, Any]) -> None:
    """The case's History tab: the case as first entered (refused, no detention date, no lawyer
    yet) with its relatives, then each status change, move (closing the place before) and
    contact, and the edits that added the detention date and the lawyer."""
    story = _Story(rows, case)
    refusal: date = case["refusal_date"]
    story.added(_at(refusal, 10), "Case", case, status=CaseStatus.REFUSED, detention_date=None,
                lawyer="")  # fmt: skip
    for link in rows.since(mark, CaseRelative):
        story.added(_at(refusal, 10, 5), "CaseRelative", link)
    for change in rows.since(mark, StatusChange):
        day, previous = change["changed_on"], change["previous_status"]
        story.added(_at(day, 11), "StatusChange", change)
        if previous is not None:
            now_case = {**case, "status": change["status"]}
            story.changed(_at(day, 11, 1), "Case", now_case, "status", previous)
    before: dict[str, Any] | None = None
    for period in rows.since(mark, CustodyPeriod):
        if before is not None:
            story.changed(_at(period["since"], 12), "CustodyPeriod", before, "until", None)
        story.added(_at(period["since"], 12, 1), "CustodyPeriod", period, until=None, ended=False)
        before = period
    if before is not None and before["until"] is not None:
        story.changed(_at(before["until"], 12), "CustodyPeriod", before, "until", None)
    for contact in rows.since(mark, ContactEvent):
        story.added(contact["occurred_at"] + timedelta(minutes=20), "ContactEvent", contact)
    if case["detention_date"] is not None:
        story.changed(_at(case["detention_date"], 9), "Case", case, "detention_date", None)
    if case["lawyer"]:
        story.changed(_at(refusal + timedelta(days=7), 15), "Case", case, "lawyer", "")


def _moves(
    rows: _Rows,
    rng: random.Random,
    case_id: uuid.UUID,
    status: CaseStatus,
    refusal: date,
    until: date,
    shape: DemoShape,
) -> CaseStatus:
    """Status changes between the refusal and the current status; returns the last one's."""
    previous = CaseStatus.REFUSED
    extra = max(0, shape.status_changes - 2)
    if not extra:
        return previous  # no random draw: the default demo stays as it always was
    span = max(1, (until - refusal).days)
    days = sorted(rng.randint(1, span) for _ in range(extra))
    for k, offset in enumerate(days):
        moved = CaseStatus.DETAINED if k % 2 == 0 else CaseStatus.TRANSFERRED
        if moved in (status, previous):
            continue
        rows.add(
            StatusChange,
            case_id=case_id,
            status=moved,
            previous_status=previous,
            changed_on=min(until, refusal + timedelta(days=offset)),
            source_note="со слов родственников",
        )
        previous = moved
    return previous


def _custody(
    rows: _Rows,
    rng: random.Random,
    case_id: uuid.UUID,
    status: CaseStatus,
    start: date,
    facilities: list[uuid.UUID],
    basement: uuid.UUID,
    index: int,
    shape: DemoShape,
) -> None:
    periods = max(1, round(rng.gauss(shape.custody_periods, 0.7)))
    day = start
    for p in range(periods):
        last = p == periods - 1
        facility = basement if (index < 4 and last) else rng.choice(facilities)
        until = None if last else day + timedelta(days=rng.randint(3, 20))
        if last and status == CaseStatus.WHEREABOUTS_UNKNOWN:
            until = day + timedelta(days=2)
        if last and status not in HELD and status != CaseStatus.WHEREABOUTS_UNKNOWN:
            until = day + timedelta(days=rng.randint(5, 30))
        rows.add(
            CustodyPeriod,
            case_id=case_id,
            facility_id=facility,
            since=day,
            until=until,
            ended=until is not None,
            certainty=rng.choice(list(Certainty)),
        )
        day = until or day


def _silence(rng: random.Random, index: int, status: CaseStatus) -> int:
    """How long ago he was last heard directly: spread so every severity shows up."""
    if index == 0:
        return 37
    if index < 4:
        return 16 + index % 2  # the basement cluster falls silent within a day
    if status == CaseStatus.WHEREABOUTS_UNKNOWN:
        return 9 + index % 20  # nobody has heard from him since he vanished
    return rng.choice((0, 1, 2, 3, 5, 6, 8, 10, 12, 15, 20, 25, 33, 45))


def _status_day(status: CaseStatus, start: date, refusal: date, today: date, silence: int) -> date:
    """When the current status began: vanished men went missing after their last call."""
    if status in HELD:
        return start
    if status == CaseStatus.WHEREABOUTS_UNKNOWN:
        return max(refusal, today - timedelta(days=silence - 2))
    return refusal + timedelta(days=3)


def _contacts(
    rows: _Rows,
    rng: random.Random,
    today: date,
    case_id: uuid.UUID,
    start: date,
    relatives: list[uuid.UUID],
    index: int,
    shape: DemoShape,
    silence: int,
) -> None:
    last_proof = today - timedelta(days=silence)
    if last_proof < start:
        last_proof = start
    count = max(1, round(rng.gauss(shape.contacts, 2)))
    span = max(1, (last_proof - start).days)
    for c in range(count):
        last = c == count - 1
        day = last_proof if last else start + timedelta(days=rng.randint(0, span))
        direct = last or rng.random() < 0.4
        transfer = last and index in (4, 5)
        when = datetime.combine(day, time(rng.randint(8, 21), rng.choice((0, 15, 30, 45))))
        rows.add(
            ContactEvent,
            case_id=case_id,
            occurred_at=when,
            channel=rng.choice(list(Channel)) if not direct else Channel.CALL,
            direct=direct,
            relative_id=rng.choice(relatives) if relatives else None,
            participants="отец говорил с сыном" if index == 0 and last else "",
            reports_transfer=transfer,
            note=(
                "Двоих увезли из подвала в СИЗО."
                if index == 0 and last
                else ("Сказал, что их переводят, куда — не знает." if transfer else "")
            ),
        )
    if index not in (0, 1, 2, 3) and rng.random() < 0.5:
        # Second-hand news after the last proof of life: does not reset the clock.
        rows.add(
            ContactEvent,
            case_id=case_id,
            occurred_at=datetime.combine(
                min(today, last_proof + timedelta(days=rng.randint(1, 5))), time(19, 0)
            ),
            channel=Channel.MESSAGE,
            direct=False,
            relative_id=relatives[0] if relatives else None,
            note="Сослуживец передал, что он жив.",
        )


def _sources(
    rows: _Rows,
    rng: random.Random,
    today: date,
    cases: list[_CaseDates],
    facilities: list[uuid.UUID],
    basement: uuid.UUID,
    shape: DemoShape,
) -> None:
    roster = rows.add(
        Source,
        title="Фото списка заключённых в подвале",
        kind=SourceKind.PHOTO,
        verification=Verification.UNVERIFIED,
        reference="прислал отец, оригинал у него",
        published_on=today - timedelta(days=40),
    )["id"]
    report = rows.add(
        Source,
        title="Публикация СМИ: «не менее 234 военнослужащих»",
        kind=SourceKind.MEDIA_REPORT,
        verification=Verification.CORROBORATED,
        reference="https://example.org/report",
        published_on=today - timedelta(days=30),
    )["id"]
    rows.add(SourceFacility, source_id=roster, facility_id=basement)
    rows.add(SourceFacility, source_id=report, facility_id=basement)
    for case in cases[: min(34, len(cases))]:
        rows.add(SourceCase, source_id=roster, case_id=case.id)
    extra = max(0, round(len(cases) * shape.sources) - 2)
    for i in range(extra):
        case = cases[i % len(cases)]
        source = rows.add(
            Source,
            title=rng.choice(
                ("Показания сослуживца", "Рапорт об отказе (копия)", "Голосовое сообщение")
            ),
            kind=rng.choice((SourceKind.TESTIMONY, SourceKind.DOCUMENT)),
            verification=rng.choice(list(Verification)),
            published_on=today - timedelta(days=rng.randint(1, 120)),
        )["id"]
        rows.add(SourceCase, source_id=source, case_id=case.id)
    kinds = list(AllegationKind)
    for i, case in enumerate(cases[: max(1, len(cases) // 3)]):
        allegation = rows.add(
            Allegation,
            kind=AllegationKind.FORCED_LABOUR if i < 4 else kinds[i % len(kinds)],
            occurred_on=(case.detention_date or case.refusal_date or today) + timedelta(days=2),
            description="Со слов родственников.",
            source_id=roster if i < 4 else None,
        )["id"]
        rows.add(AllegationCase, allegation_id=allegation, case_id=case.id)


# The demo's requests (kind, addressee, days ago sent, days ago replied, outcome): one late,
# one refused, one answered, one still within its time.
_REQUESTS: tuple[tuple[RequestKind, str, int, int | None, ReplyOutcome | None], ...] = (
    (RequestKind.MILITARY_PROSECUTOR, "Военная прокуратура гарнизона", 45, None, None),
    (RequestKind.MILITARY_INVESTIGATORS, "Военный следственный отдел", 40, 8, ReplyOutcome.REFUSED),
    (RequestKind.OMBUDSMAN, "Уполномоченный по правам человека", 48, 20, ReplyOutcome.ANSWERED),
    (RequestKind.RED_CROSS, "МККК, Центральное агентство по розыску", 10, None, None),
)


def _requests(rows: _Rows, today: date, cases: list[_CaseDates]) -> None:
    """A few requests on men held for long enough (never before his refusal or detention);
    draws nothing from the random generator, so the rest of the demo is unchanged."""
    long_held = [
        c
        for c in cases[1:]
        if (c.detention_date or c.refusal_date or today) <= today - timedelta(days=50)
    ]
    for number, (case, (kind, addressee, sent, replied, outcome)) in enumerate(
        zip(long_held, _REQUESTS, strict=False), start=1
    ):
        rows.add(
            Request,
            case_id=case.id,
            kind=kind,
            addressee=addressee,
            sent_on=today - timedelta(days=sent),
            outgoing_number=f"{number}/{today.year}",
            signed_by="Юрист организации",
            replied_on=None if replied is None else today - timedelta(days=replied),
            reply_outcome=outcome,
            reply_text="" if outcome is None else "Ответ получен по почте.",
        )


# Tasks caseworkers left themselves: (due in days from today, what, who, done days ago).
_TASKS: tuple[tuple[int, str, str, int | None], ...] = (
    (-2, "Позвонить отцу: нет ли новостей из части", "Анна", None),
    (-1, "Отправить досье адвокату", "Мария", None),
    (0, "Проверить, пришёл ли ответ из военной прокуратуры", "Анна", None),
    (2, "Перезвонить матери в пятницу", "Олег", None),
    (5, "Сверить фото списка из подвала с делами", "", None),
    (12, "Договориться о встрече с адвокатом", "Мария", None),
    (-4, "Записать звонок брата", "Анна", 3),
)


def _tasks(rows: _Rows, today: date, cases: list[_CaseDates]) -> None:
    """A few tasks, overdue, due this week and later, on the first men; draws nothing from
    the random generator, so the rest of the demo is unchanged."""
    for case, (due, title, assignee, done) in zip(cases[1:], _TASKS, strict=False):
        rows.add(
            Task,
            case_id=case.id,
            title=title,
            assignee=assignee,
            due_on=today + timedelta(days=due),
            done_on=None if done is None else today - timedelta(days=done),
            done_by="" if done is None else assignee,
        )
