"""FlagService on a real vault: facts loaded in bulk, thresholds from settings, ack and snooze."""

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import select

from casetracker.model import AuditAction, AuditEntry, CaseStatus, FlagState
from casetracker.rules.flag import Severity
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.services.flags import load_facts
from casetracker.services.workspace import Workspace

from .conftest import AS_OF, Caseload, at, on


def rules_on(caseload: Caseload, ref: str, day: int = 0) -> dict[str, Severity]:
    as_of = AS_OF + timedelta(days=day)
    return {f.rule: f.severity for f in caseload.flags.open_flags(as_of) if f.case_ref == ref}


# -- facts and rules over the vault ---------------------------------------------------------


def test_second_hand_news_does_not_reset_lost_contact(caseload: Caseload) -> None:
    ref = caseload.detained("Смирнов Максим", heard=20)
    caseload.ws.contacts.log(ref, at(1), direct=False, note="Сослуживец передал, что он жив.")
    [flag] = [f for f in caseload.flags.evaluate(AS_OF) if f.rule == "lost_contact"]
    assert flag.numbers["days"] == 20 and flag.severity is Severity.CRITICAL
    caseload.ws.contacts.log(ref, at(0), direct=True)
    assert "lost_contact" not in rules_on(caseload, ref)


def test_a_status_change_to_released_clears_the_silence_flags(caseload: Caseload) -> None:
    ref = caseload.detained("Иванов Юрий", days=40, heard=35)
    assert {"lost_contact", "long_detention", "stale_case"} <= set(rules_on(caseload, ref))
    caseload.ws.cases.set_status(ref, CaseStatus.RELEASED, on=on(0))
    assert rules_on(caseload, ref) == {}


def test_a_transfer_report_starts_the_transfer_clock(caseload: Caseload) -> None:
    ref = caseload.detained("Юсупов Артём", heard=5)
    caseload.ws.contacts.log(ref, at(3), direct=True, reports_transfer=True)
    assert rules_on(caseload, ref) == {"silent_after_transfer": Severity.CRITICAL}


def test_leaving_the_last_known_place_makes_the_whereabouts_unknown(caseload: Caseload) -> None:
    ref = caseload.detained("Ершов Николай", heard=1)
    caseload.ws.custody.end(ref, on(2))
    [flag] = [f for f in caseload.flags.evaluate(AS_OF) if f.rule == "whereabouts_unknown"]
    assert flag.since == on(2) and "Detained, but no current place" in flag.message


def test_men_held_at_one_place_falling_silent_together_flag_the_place(caseload: Caseload) -> None:
    refs = [caseload.detained(f"Бадмаев {n}", heard=16) for n in range(3)]
    [flag] = [f for f in caseload.flags.evaluate(AS_OF) if f.rule == "facility_silence"]
    assert flag.facility_name == "Подвал комендатуры" and flag.case_refs == tuple(refs)


def test_thresholds_are_vault_settings(caseload: Caseload) -> None:
    ref = caseload.detained("Цыбиков Баир", heard=5)
    assert "lost_contact" not in rules_on(caseload, ref)
    caseload.ws.settings.set("lost_contact.held_warning_days", "3")
    assert rules_on(caseload, ref)["lost_contact"] is Severity.WARNING
    with pytest.raises(InvalidInput, match="at least 1"):
        caseload.ws.settings.set("no_lawyer.days", 0)


def test_facts_are_read_in_the_same_few_queries_for_any_number_of_cases(
    caseload: Caseload,
) -> None:
    def queries() -> int:
        seen: list[str] = []

        def count(*_args: object) -> None:
            seen.append("query")

        event.listen(caseload.ws.engine, "before_cursor_execute", count)
        try:
            with caseload.ws.reading() as session:
                load_facts(session)
        finally:
            event.remove(caseload.ws.engine, "before_cursor_execute", count)
        return len(seen)

    caseload.detained("Жамсуев 1", heard=3)
    few = queries()
    for n in range(20):
        caseload.detained(f"Жамсуев {n + 2}", heard=n)
    # six, one for the requests, two for roughly known days
    assert queries() == few <= 9


# -- acknowledging and snoozing -------------------------------------------------------------


def test_an_acknowledged_flag_stays_hidden_until_it_gets_worse(caseload: Caseload) -> None:
    ref = caseload.detained("Щербаков Степан", heard=8)  # lost_contact warning, critical at 14
    caseload.flags.acknowledge("lost_contact", case=ref, note="Адвокат едет", as_of=AS_OF)
    assert "lost_contact" not in rules_on(caseload, ref, day=0)
    assert "lost_contact" not in rules_on(caseload, ref, day=5)
    assert rules_on(caseload, ref, day=6)["lost_contact"] is Severity.CRITICAL


@pytest.mark.parametrize(("day", "shown"), [(2, False), (3, True), (4, True)])
def test_a_snoozed_flag_comes_back_the_day_the_snooze_ends(
    caseload: Caseload, day: int, shown: bool
) -> None:
    ref = caseload.detained("Монгуш Айдыс", heard=20)  # already critical
    state = caseload.flags.acknowledge(
        "lost_contact", case=ref, note="Ждём звонка", snooze_days=3, as_of=AS_OF
    )
    assert state.snoozed_until == on(-3)
    assert ("lost_contact" in rules_on(caseload, ref, day=day)) == shown


def test_a_snoozed_flag_comes_back_early_when_it_gets_worse(caseload: Caseload) -> None:
    ref = caseload.detained("Ооржак Чингис", heard=12)  # warning; critical in 2 days
    caseload.flags.acknowledge("lost_contact", case=ref, note="x", snooze_days=10, as_of=AS_OF)
    assert "lost_contact" not in rules_on(caseload, ref, day=1)
    assert rules_on(caseload, ref, day=2)["lost_contact"] is Severity.CRITICAL


def test_an_acknowledgement_belongs_to_one_occurrence(caseload: Caseload) -> None:
    ref = caseload.detained("Алиев Руслан", heard=8)
    caseload.flags.acknowledge("lost_contact", case=ref, note="знаем", as_of=AS_OF)
    caseload.ws.contacts.log(ref, at(-1), direct=True)  # heard again the next day
    assert "lost_contact" not in rules_on(caseload, ref, day=2)
    # Silent again for a week: a new occurrence, shown although it is only a warning.
    assert rules_on(caseload, ref, day=8)["lost_contact"] is Severity.WARNING


def test_acknowledging_is_audited_with_the_note(caseload: Caseload) -> None:
    ref = caseload.detained("Магомедов Магомед", heard=9)
    caseload.flags.acknowledge("lost_contact", case=ref, note="Отец на связи", as_of=AS_OF)
    with caseload.ws.reading() as session:
        [entry] = session.exec(
            select(AuditEntry).where(AuditEntry.action == AuditAction.ACKNOWLEDGE)
        ).all()
        [state] = session.exec(select(FlagState)).all()
    changes = json.loads(entry.changes)
    assert entry.actor == "tester" and entry.entity_id == str(state.id)
    assert changes["rule"] == "lost_contact" and changes["note"] == "Отец на связи"
    assert changes["severity"] == "warning" and changes["since"] == on(2).isoformat()
    assert state.first_seen == on(2) and state.acknowledged_by == "tester"


def test_acknowledging_again_updates_the_one_record(caseload: Caseload) -> None:
    ref = caseload.detained("Кузнецов Иван", heard=9)
    caseload.flags.acknowledge("lost_contact", case=ref, note="a", as_of=AS_OF)
    caseload.flags.acknowledge("lost_contact", case=ref, note="b", snooze_days=2, as_of=AS_OF)
    with caseload.ws.reading() as session:
        [state] = session.exec(select(FlagState)).all()
    assert state.note == "b" and state.snoozed_until == on(-2)


def test_a_place_flag_is_acknowledged_by_the_place_name_in_any_case(caseload: Caseload) -> None:
    refs = [caseload.detained(f"Доржиев {n}", heard=16) for n in range(3)]
    caseload.flags.acknowledge(
        "facility_silence", facility="подвал КОМЕНДАТУРЫ", note="Знаем, ищем", as_of=AS_OF
    )
    assert not [f for f in caseload.flags.open_flags(AS_OF) if f.rule == "facility_silence"]
    assert [r.hidden for r in caseload.flags.review(AS_OF, case=refs[0])].count(True) == 1


def test_acknowledging_a_flag_that_is_not_raised_says_so(caseload: Caseload) -> None:
    ref = caseload.detained("Попов Олег", heard=1)
    with pytest.raises(InvalidInput, match=f"{ref} has no lost_contact flag on 26.07.2024"):
        caseload.flags.acknowledge("lost_contact", case=ref, note="x", as_of=AS_OF)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"rule": "silence"}, InvalidInput, "There is no rule called silence"),
        ({"note": "  "}, InvalidInput, "Add a short note"),
        ({"snooze_days": 0}, InvalidInput, "from 1 to 365 days"),
        ({"case": None}, InvalidInput, "Say which case or which place"),
        ({"case": "CT-9999"}, NotFound, "There is no case CT-9999"),
        ({"case": None, "facility": "Гараж"}, NotFound, "There is no place called Гараж"),
    ],
)
def test_acknowledge_refuses_bad_requests_in_plain_words(
    caseload: Caseload, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    ref = caseload.detained("Волков Павел", heard=9)
    args: dict[str, Any] = {"rule": "lost_contact", "case": ref, "note": "x", "as_of": AS_OF}
    with pytest.raises(error, match=message):
        caseload.flags.acknowledge(**{**args, **kwargs})


def test_open_flags_filter_by_severity_and_by_case(caseload: Caseload) -> None:
    silent = [caseload.detained(f"Лебедев {n}", heard=16) for n in range(3)]
    fresh = caseload.detained("Орлов Кирилл", days=3, heard=0)
    critical = caseload.flags.open_flags(AS_OF, severity=Severity.CRITICAL)
    assert {f.severity for f in critical} == {Severity.CRITICAL}
    about_one = caseload.flags.open_flags(AS_OF, case=silent[0].lower())
    assert {f.rule for f in about_one} == {"lost_contact", "facility_silence"}
    assert caseload.flags.open_flags(AS_OF, case=fresh) == []


def test_evaluation_leaves_the_vault_clean(ws: Workspace, caseload: Caseload) -> None:
    caseload.detained("Семёнов Андрей", heard=20)
    ws.save()
    caseload.flags.open_flags(AS_OF)
    caseload.flags.review(AS_OF)
    assert not ws.dirty


def test_a_day_before_the_acknowledgement_still_shows_the_flag(caseload: Caseload) -> None:
    ref = caseload.detained("Никитин Роман", heard=9)
    caseload.flags.acknowledge("lost_contact", case=ref, note="x", as_of=AS_OF)
    assert "lost_contact" in rules_on(caseload, ref, day=-1)
    assert "lost_contact" not in rules_on(caseload, ref, day=0)


def test_flags_can_be_acknowledged_by_id_as_the_desktop_app_does(caseload: Caseload) -> None:
    refs = [caseload.detained(f"Зайцев {n}", heard=16) for n in range(3)]
    flags = caseload.flags.open_flags(AS_OF)
    case_flag = next(f for f in flags if f.case_ref == refs[0])
    place_flag = next(f for f in flags if f.rule == "facility_silence")
    caseload.flags.acknowledge(case_flag.rule, case=case_flag.case_id, note="x", as_of=AS_OF)
    caseload.flags.acknowledge(
        place_flag.rule, facility=place_flag.facility_id, note="y", snooze_days=2, as_of=AS_OF
    )
    assert case_flag.case_id is not None
    remaining = caseload.flags.open_flags(AS_OF, case=case_flag.case_id)
    assert case_flag not in remaining and place_flag not in remaining
