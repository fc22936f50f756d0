"""Letters: templates stored in the vault, filled from a case and its request."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import select

from casetracker.model import Case, LetterTemplate
from casetracker.model.letters import GENERAL, TEMPLATE_KINDS
from casetracker.model.requests import Request, RequestKind
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services import letter_defaults
from casetracker.services.errors import NotFound
from casetracker.services.letters import (
    BLANK,
    PLACEHOLDERS,
    LetterService,
    UnknownPlaceholder,
    date_fact,
    day_in_words,
    fill_text,
)
from casetracker.services.workspace import Workspace

TODAY = date(2026, 12, 4)
EVERY_PLACEHOLDER = "\n".join(f"{p.name}=" + "{" + p.name + "}" for p in PLACEHOLDERS)


def _case(ws: Workspace, **fields: object) -> Case:
    case = ws.cases.create(
        "Иванов Иван Иванович",
        birth_date=date(1995, 3, 12),
        military_unit="в/ч 12345",
        refusal_date=date(2024, 7, 1),
        detention_date=date(2024, 7, 8),
        caseworker="Петрова А. С.",
        **fields,
    )
    ws.custody.move_to_new_place(case.ref, "Подвал комендатуры", "Брянка", since=date(2024, 7, 8))
    return case


def _request(ws: Workspace, case: Case) -> Request:
    with ws.session() as session:
        request = Request(
            case_id=case.id,
            kind=RequestKind.OMBUDSMAN,
            addressee="Уполномоченный по правам человека в РФ",
            sent_on=date(2024, 8, 1),
            outgoing_number="17/2024",
            signed_by="Сидоров П. П.",
        )
        session.add(request)
    return request


def _lines(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines())


def test_every_placeholder_is_filled_from_the_case_and_its_request(ws: Workspace) -> None:
    case = _case(ws)
    request = _request(ws, case)
    letters = LetterService(ws)
    letters.save_template(GENERAL, body=EVERY_PLACEHOLDER)
    filled = letters.fill(case.ref, GENERAL, request_id=request.id, today=TODAY)
    assert _lines(filled.text) == {
        "ФИО": "Иванов Иван Иванович",
        "дата рождения": "12.03.1995",
        "воинская часть": "в/ч 12345",
        "место содержания": "Подвал комендатуры, Брянка",
        "дата задержания": "08.07.2024",
        "дата отказа": "01.07.2024",
        "статус": "отказался от участия в боевых действиях",
        "номер дела": case.ref,
        "сотрудник": "Петрова А. С.",
        "сегодня": "4 декабря 2026 г.",
        "адресат": "Уполномоченный по правам человека в РФ",
        "исходящий номер": "17/2024",
        "дата отправки": "01.08.2024",
        "подписал": "Сидоров П. П.",
    }
    assert filled.missing == ()


def test_a_request_chooses_its_kind_of_template_and_may_be_named_by_its_start(
    ws: Workspace,
) -> None:
    case = _case(ws)
    request = _request(ws, case)
    filled = LetterService(ws).fill(case.ref, request_id=str(request.id)[:8], today=TODAY)
    assert filled.kind == RequestKind.OMBUDSMAN.value
    assert "Кому: Уполномоченный по правам человека в РФ" in filled.text
    assert "Исх. № 17/2024 от 01.08.2024" in filled.text
    # As the requests command shows it (hex), or with the dashes of the full id.
    for shown in (request.id.hex[:8], str(request.id)[:13], str(request.id)):
        assert LetterService(ws).fill(case.ref, request_id=shown).kind == "ombudsman"
    with pytest.raises(NotFound, match=case.ref):
        LetterService(ws).fill(case.ref, request_id="00000000")


def test_facts_the_vault_lacks_are_blank_lines_and_listed_once(ws: Workspace) -> None:
    case = ws.cases.create("Петров Пётр")
    filled = LetterService(ws).fill(case.ref, RequestKind.MILITARY_PROSECUTOR.value, today=TODAY)
    assert filled.missing == (
        "адресат",
        "сотрудник",
        "исходящий номер",
        "дата отправки",
        "дата задержания",
        "дата рождения",
        "воинская часть",
        "дата отказа",
        "место содержания",
    )
    assert "дата рождения: " + BLANK in filled.text
    assert "{" not in filled.text and "}" not in filled.text
    assert "Петров Пётр" in filled.text


def test_an_unknown_placeholder_is_named_never_left_in(ws: Workspace) -> None:
    letters = LetterService(ws)
    with pytest.raises(UnknownPlaceholder) as refused:
        letters.save_template(GENERAL, body="{ФИО} {дата рожденья} {адрес} {")
    assert refused.value.names == ["дата рожденья", "адрес", "{"]
    assert "{дата рожденья}" in str(refused.value)
    assert letters.template(GENERAL).body == letter_defaults.DEFAULTS[GENERAL].body
    # A template stored some other way (an older version, a merged vault) is refused on filling.
    with ws.session() as session:
        row = session.get(LetterTemplate, letters.template(GENERAL).id)
        assert row is not None
        row.body, row.edited = "Уважаемый {звание}", True
        session.add(row)
    case = ws.cases.create("Петров Пётр")
    with pytest.raises(UnknownPlaceholder, match="звание"):
        letters.fill(case.ref, GENERAL)


def test_placeholders_ignore_case_and_spacing_and_double_braces_print_braces() -> None:
    text, missing = fill_text("{{x}} { фио } {Дата  Рождения} }}", {"ФИО": "Иван"})
    assert text == "{x} Иван " + BLANK + " }"
    assert missing == ("дата рождения",)


def test_defaults_are_stored_on_first_use_and_an_edit_is_kept_until_reset(
    ws: Workspace,
) -> None:
    with ws.reading() as session:
        assert len(session.exec(select(LetterTemplate)).all()) == 0
    letters = LetterService(ws)
    assert [t.kind for t in letters.templates()] == list(TEMPLATE_KINDS)
    with ws.reading() as session:
        assert len(session.exec(select(LetterTemplate)).all()) == len(TEMPLATE_KINDS)
    kind = RequestKind.COURT.value
    letters.save_template(kind, body="Прошу сообщить о {ФИО}.", title="Мой суд")
    kept = LetterService(ws).template(kind)
    assert (kept.body, kept.title, kept.edited) == ("Прошу сообщить о {ФИО}.", "Мой суд", True)
    reset = letters.reset_template(kind)
    assert (reset.body, reset.edited) == (letter_defaults.DEFAULTS[kind].body, False)
    assert reset.title == letter_defaults.DEFAULTS[kind].title


def test_an_unedited_template_follows_the_apps_new_wording_an_edited_one_does_not(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    letters = LetterService(ws)
    letters.templates()
    letters.save_template(GENERAL, body="Своё {ФИО}")
    court = RequestKind.COURT.value
    for kind in (court, GENERAL):
        monkeypatch.setitem(
            letter_defaults.DEFAULTS,
            kind,
            letter_defaults.DefaultTemplate(kind, "Новое", "Новый текст {ФИО}"),
        )
    assert letters.template(court).body == "Новый текст {ФИО}"
    assert letters.template(GENERAL).body == "Своё {ФИО}"


def test_a_read_only_vault_offers_the_defaults_without_storing_them(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = ws.cases.create("Петров Пётр")
    monkeypatch.setattr(type(ws), "read_only", property(lambda _self: True))
    filled = LetterService(ws).fill(case.ref, RequestKind.HOSPITAL.value, today=TODAY)
    assert "ЗАПРОС О ПОСТУПЛЕНИИ" in filled.text
    with ws.reading() as session:
        assert len(session.exec(select(LetterTemplate)).all()) == 0


def test_an_unknown_kind_of_template_is_refused_in_words(ws: Workspace) -> None:
    with pytest.raises(NotFound, match="general"):
        LetterService(ws).template("police")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (UncertainDate.day(date(2024, 7, 8)), "08.07.2024"),
        (UncertainDate.day(date(2024, 7, 8), approximate=True), "около 08.07.2024"),
        (UncertainDate.month(2024, 7), "июль 2024 г."),
        (UncertainDate.month(2024, 7, approximate=True), "около июля 2024 г."),
        (UncertainDate.year(2024), "2024 г."),
        (
            UncertainDate.between(date(2024, 7, 1), date(2024, 7, 8)),
            "между 01.07.2024 и 08.07.2024",
        ),
        (UncertainDate.before(date(2024, 7, 8)), "не позднее 08.07.2024"),
        (UncertainDate.after(date(2024, 7, 1)), "не ранее 01.07.2024"),
        (UncertainDate.unknown(), ""),
        (None, ""),
    ],
)
def test_uncertain_dates_are_written_as_known(value: UncertainDate | None, words: str) -> None:
    assert date_fact(value, "ru") == words


def test_an_uncertain_detention_date_reaches_the_letter_as_written(ws: Workspace) -> None:
    case = _case(ws)
    with ws.session() as session:
        row = session.get(Case, case.id)
        assert row is not None
        row.detention_date, row.detention_date_edtf = date(2024, 7, 1), "2024-07~"
        row.birth_date, row.birth_date_edtf = None, "XXXX"
        session.add(row)
    filled = LetterService(ws).fill(case.ref, RequestKind.COMMANDER.value, today=TODAY)
    assert "был задержан (около июля 2024 г.)" in filled.text
    assert "дата рождения" in filled.missing


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2026, 1, 1), "1 января 2026 г."),
        (date(2026, 5, 9), "9 мая 2026 г."),
        (date(2026, 12, 31), "31 декабря 2026 г."),
    ],
)
def test_today_is_written_in_russian_words(day: date, words: str) -> None:
    assert day_in_words(day, "ru") == words


def test_every_default_template_names_only_known_placeholders_and_the_law(
    ws: Workspace,
) -> None:
    case = _case(ws)
    request = _request(ws, case)
    for kind in TEMPLATE_KINDS:
        filled = LetterService(ws).fill(case.ref, kind, request_id=request.id, today=TODAY)
        assert "Иванов Иван Иванович" in filled.text
        assert "4 декабря 2026 г." in filled.text
        assert filled.missing == (), kind
        # State bodies answer appeals under the law on citizens' appeals; the ombudsman, the
        # investigators and the Red Cross under their own (or none).
        if kind in ("military_prosecutor", "commander", "court", "hospital", GENERAL):
            assert "№ 59-ФЗ" in filled.text, kind
    prosecutor = letter_defaults.DEFAULTS[RequestKind.MILITARY_PROSECUTOR.value].body
    assert "«О прокуратуре Российской Федерации»" in prosecutor
    ombudsman = letter_defaults.DEFAULTS[RequestKind.OMBUDSMAN.value].body
    assert "«Об Уполномоченном по правам человека в Российской Федерации»" in ombudsman


def test_a_date_code_this_version_cannot_read_gives_its_day_not_a_failure(
    ws: Workspace,
) -> None:
    case = _case(ws)
    with ws.session() as session:
        row = session.get(Case, case.id)
        assert row is not None
        row.detention_date_edtf = "2024-07-08?%"
        session.add(row)
    filled = LetterService(ws).fill(case.ref, RequestKind.COMMANDER.value, today=TODAY)
    assert "был задержан (08.07.2024)" in filled.text


def test_a_vault_from_before_letters_gets_its_templates_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "old.vault"
    shutil.copyfile(Path(__file__).parent.parent / "data" / "schema-4.vault", path)
    ws = Workspace.open(path, passphrase="schema four vault")
    try:
        filled = LetterService(ws).fill("CT-0001", RequestKind.COURT.value, today=TODAY)
        assert "ОБРАЩЕНИЕ О ПРЕДОСТАВЛЕНИИ СВЕДЕНИЙ" in filled.text
        with ws.reading() as session:
            assert len(session.exec(select(LetterTemplate)).all()) == len(TEMPLATE_KINDS)
    finally:
        ws.close(save=False)


_LITERAL = st.text(st.characters(exclude_characters="{}"), max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_LITERAL, st.sampled_from([p.name for p in PLACEHOLDERS]), st.booleans()),
        max_size=6,
    ),
    _LITERAL,
)
def test_any_template_of_known_placeholders_fills_completely(
    parts: list[tuple[str, str, bool]], tail: str
) -> None:
    """Text between placeholders stays as written; each placeholder becomes its fact or a
    blank, and no brace is left."""
    body = "".join(text + "{" + name + "}" for text, name, _known in parts) + tail
    facts = {name: "«" + name.upper() + "»" for _text, name, known in parts if known}
    filled, missing = fill_text(body, facts)
    expected = "".join(text + (facts.get(name) or BLANK) for text, name, _known in parts) + tail
    assert filled == expected
    assert set(missing) == {name for _t, name, _k in parts if name not in facts}
