"""Realistic fictional data for demos, screenshots, tests and benchmarks.

Deterministic for a seed and anchored to ``today`` so that the flags tell a believable morning
story whatever the date: some men heard from yesterday, some silent for weeks, one father who
last heard from his son 37 days ago, a basement whose prisoners fell silent together.
All names, units and numbers are invented.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlmodel import Session

from casetracker.model import (
    Allegation,
    AllegationCase,
    AllegationKind,
    AuditAction,
    Case,
    CaseRelative,
    CaseStatus,
    Certainty,
    Channel,
    ContactEvent,
    CustodyPeriod,
    Facility,
    FacilityKind,
    Priority,
    Relative,
    Source,
    SourceCase,
    SourceFacility,
    SourceKind,
    StatusChange,
    Verification,
)
from casetracker.services import audit
from casetracker.services.cases import case_search_key, next_ref
from casetracker.services.facilities import facility_search_key
from casetracker.services.relatives import relative_search_key

if TYPE_CHECKING:
    from casetracker.services.workspace import Workspace

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


@dataclass(frozen=True)
class DemoShape:
    """Averages per case; the performance generator raises them."""

    relatives: int = 1
    contacts: int = 5
    custody_periods: int = 1
    status_changes: int = 1
    sources: int = 1
    facilities: int = len(FACILITIES)


def generate(
    ws: "Workspace",
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
        facilities = _facilities(session, rng, today, shape.facilities)
        basement = facilities[0]
        statuses = [s for s, weight in STATUS_MIX for _ in range(weight)]
        all_cases: list[Case] = []
        for i in range(cases):
            status = statuses[i % len(statuses)] if i >= 6 else CaseStatus.DETAINED
            all_cases.append(_case(session, rng, today, i, status, facilities, basement, shape))
        _sources(session, rng, today, all_cases, facilities, basement, shape)
        audit.record(session, ws.actor, AuditAction.IMPORT, "Demo", "demo", cases=cases)
        session.commit()
    ws.dirty = True
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


def _facilities(session: Session, rng: random.Random, today: date, count: int) -> list[Facility]:
    out = []
    for i in range(count):
        name, kind, settlement, region, controller = FACILITIES[i % len(FACILITIES)]
        if i >= len(FACILITIES):
            name = f"{name} №{i // len(FACILITIES) + 1}"
        facility = Facility(
            name=name,
            kind=kind,
            settlement=settlement,
            region=region,
            controlled_by=controller,
            headcount=rng.choice((None, 12, 33, 234)),
            headcount_date=today - timedelta(days=rng.randint(5, 60)),
            headcount_source="сообщения родственников",
        )
        facility.search_key = facility_search_key(facility)
        session.add(facility)
        out.append(facility)
    return out


def _case(
    session: Session,
    rng: random.Random,
    today: date,
    index: int,
    status: CaseStatus,
    facilities: list[Facility],
    basement: Facility,
    shape: DemoShape,
) -> Case:
    refusal = today - timedelta(days=rng.randint(20, 200))
    detention = refusal + timedelta(days=rng.randint(1, 10)) if status in HELD else None
    if index == 0:
        # The case from the brief: the father last heard from his son 37 days ago.
        refusal, detention = today - timedelta(days=60), today - timedelta(days=55)
    case = Case(
        ref=next_ref(session),
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
    case.search_key = case_search_key(case)
    session.add(case)
    start = detention or refusal
    silence = _silence(rng, index, status)
    session.add(StatusChange(case_id=case.id, status=CaseStatus.REFUSED, changed_on=refusal))
    if status != CaseStatus.REFUSED:
        session.add(
            StatusChange(
                case_id=case.id,
                status=status,
                previous_status=CaseStatus.REFUSED,
                changed_on=_status_day(status, start, refusal, today, silence),
                source_note="со слов родственников",
            )
        )
    relatives = []
    for r in range(max(1, round(rng.gauss(shape.relatives, 0.5)))):
        anonymous = index == 0 or rng.random() < 0.15
        relative = Relative(
            full_name="" if anonymous and r == 0 else _name(rng),
            phones=_phone(rng),
            handles=f"@rel{index}_{r}" if rng.random() < 0.4 else "",
            language="ru",
            city=rng.choice(("Улан-Удэ", "Кызыл", "Махачкала", "Чита", "Иркутск")),
            anonymous=anonymous,
            share_with_lawyer=not anonymous and rng.random() < 0.7,
        )
        relative.search_key = relative_search_key(relative)
        session.add(relative)
        session.add(
            CaseRelative(
                case_id=case.id,
                relative_id=relative.id,
                relationship="отец" if index == 0 and r == 0 else rng.choice(RELATIONSHIPS),
            )
        )
        relatives.append(relative)
    if status in HELD or status == CaseStatus.WHEREABOUTS_UNKNOWN or rng.random() < 0.3:
        _custody(session, rng, case, start, facilities, basement, index, shape)
    _contacts(session, rng, today, case, start, relatives, index, shape, silence)
    return case


def _custody(
    session: Session,
    rng: random.Random,
    case: Case,
    start: date,
    facilities: list[Facility],
    basement: Facility,
    index: int,
    shape: DemoShape,
) -> None:
    periods = max(1, round(rng.gauss(shape.custody_periods, 0.7)))
    day = start
    for p in range(periods):
        last = p == periods - 1
        facility = basement if (index < 4 and last) else rng.choice(facilities)
        until = None if last else day + timedelta(days=rng.randint(3, 20))
        if last and case.status == CaseStatus.WHEREABOUTS_UNKNOWN:
            until = day + timedelta(days=2)
        if last and case.status not in HELD and case.status != CaseStatus.WHEREABOUTS_UNKNOWN:
            until = day + timedelta(days=rng.randint(5, 30))
        session.add(
            CustodyPeriod(
                case_id=case.id,
                facility_id=facility.id,
                since=day,
                until=until,
                certainty=rng.choice(list(Certainty)),
            )
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
    session: Session,
    rng: random.Random,
    today: date,
    case: Case,
    start: date,
    relatives: list[Relative],
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
        session.add(
            ContactEvent(
                case_id=case.id,
                occurred_at=when,
                channel=rng.choice(list(Channel)) if not direct else Channel.CALL,
                direct=direct,
                relative_id=rng.choice(relatives).id if relatives else None,
                participants="отец говорил с сыном" if index == 0 and last else "",
                reports_transfer=transfer,
                note=(
                    "Двоих увезли из подвала в СИЗО."
                    if index == 0 and last
                    else ("Сказал, что их переводят, куда — не знает." if transfer else "")
                ),
            )
        )
    if index not in (0, 1, 2, 3) and rng.random() < 0.5:
        # Second-hand news after the last proof of life: does not reset the clock.
        session.add(
            ContactEvent(
                case_id=case.id,
                occurred_at=datetime.combine(
                    min(today, last_proof + timedelta(days=rng.randint(1, 5))), time(19, 0)
                ),
                channel=Channel.MESSAGE,
                direct=False,
                relative_id=relatives[0].id if relatives else None,
                note="Сослуживец передал, что он жив.",
            )
        )


def _sources(
    session: Session,
    rng: random.Random,
    today: date,
    cases: list[Case],
    facilities: list[Facility],
    basement: Facility,
    shape: DemoShape,
) -> None:
    roster = Source(
        title="Фото списка заключённых в подвале",
        kind=SourceKind.PHOTO,
        verification=Verification.UNVERIFIED,
        reference="прислал отец, оригинал у него",
        published_on=today - timedelta(days=40),
    )
    report = Source(
        title="Публикация СМИ: «не менее 234 военнослужащих»",
        kind=SourceKind.MEDIA_REPORT,
        verification=Verification.CORROBORATED,
        reference="https://example.org/report",
        published_on=today - timedelta(days=30),
    )
    session.add_all([roster, report])
    session.add(SourceFacility(source_id=roster.id, facility_id=basement.id))
    session.add(SourceFacility(source_id=report.id, facility_id=basement.id))
    for case in cases[: min(34, len(cases))]:
        session.add(SourceCase(source_id=roster.id, case_id=case.id))
    extra = max(0, round(len(cases) * shape.sources) - 2)
    for i in range(extra):
        case = cases[i % len(cases)]
        source = Source(
            title=rng.choice(
                ("Показания сослуживца", "Рапорт об отказе (копия)", "Голосовое сообщение")
            ),
            kind=rng.choice((SourceKind.TESTIMONY, SourceKind.DOCUMENT)),
            verification=rng.choice(list(Verification)),
            published_on=today - timedelta(days=rng.randint(1, 120)),
        )
        session.add(source)
        session.add(SourceCase(source_id=source.id, case_id=case.id))
    kinds = list(AllegationKind)
    for i, case in enumerate(cases[: max(1, len(cases) // 3)]):
        allegation = Allegation(
            kind=AllegationKind.FORCED_LABOUR if i < 4 else kinds[i % len(kinds)],
            occurred_on=(case.detention_date or case.refusal_date or today) + timedelta(days=2),
            description="Со слов родственников.",
            source_id=roster.id if i < 4 else None,
        )
        session.add(allegation)
        session.add(AllegationCase(allegation_id=allegation.id, case_id=case.id))
