"""What leaves the app in Russian has no English left: the dossier's pages and every CLI command.

The PDF's text is read back from the file itself (tests/sharing/pdf_text.py), and every word
is checked against the vocabulary of the English source texts and against every stored code
(``detained``, ``call``, ``returned_to_front``…), which a reader must never see.
"""

import re
import uuid
from collections.abc import Iterator
from datetime import datetime
from enum import StrEnum
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from casetracker.cli.main import main
from casetracker.i18n import catalog, ts_file
from casetracker.model import enums
from casetracker.model.labels import TABLE_KINDS, count_text
from casetracker.rules.engine import RULES
from casetracker.rules.flag import Severity
from casetracker.services import demo
from casetracker.services.settings import SPECS
from casetracker.services.sharing import SharingService
from casetracker.services.workspace import Workspace
from casetracker.sharing.bundle import DOSSIER, open_bundle
from casetracker.sharing.redaction import LAWYER_PROFILE, withheld_relatives
from tests.conftest import PASSPHRASE
from tests.i18n.screens import english_words
from tests.sharing.pdf_text import pdf_text

BUNDLE_PASSPHRASE = "a bundle passphrase for the lawyer"
#: Keys and names that are the same in every language: age and ed25519 keys, the KDF's name.
KEYS = re.compile(r"\bage1[0-9a-z]+|ed25519:\S+|\bArgon2id\b")


@pytest.fixture(scope="module")
def vocabulary() -> set[str]:
    """Every word of the app's English source texts."""
    words: set[str] = set()
    for m in ts_file.read(catalog.ts_path("ru")):
        words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", m.source)}
    return words


def stored_codes() -> set[str]:
    """Every identifier the vault stores for a closed vocabulary, and the severities."""
    codes = {s.value for s in Severity}
    for value in vars(enums).values():
        if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum:
            codes |= {member.value for member in value}
    return codes - {enums.AuditAction.IMPORT.value}  # never shown; also a CLI command


def leftovers(text: str, vocabulary: set[str], *, allowed: set[str] = frozenset()) -> set[str]:
    """English words and raw codes left in ``text`` (``allowed``: identifiers one types)."""
    text = KEYS.sub(" ", text)
    for word in sorted(allowed, key=len, reverse=True):
        text = re.sub(rf"(?<![\w.]){re.escape(word)}(?![\w.])", " ", text)
    found = set(english_words(text, vocabulary))
    found |= {code for code in stored_codes() if re.search(rf"(?<![\w-]){code}(?![\w-])", text)}
    return found


# -- the dossier ----------------------------------------------------------------------------
@pytest.fixture
def demo_vault(ws: Workspace) -> Workspace:
    demo.generate(ws, 30, seed=7)
    return ws


def _dossier(ws: Workspace, case_ids: list[uuid.UUID], profile: str) -> str:
    service = SharingService(ws)
    result = service.export(
        case_ids,
        profile=profile,
        passphrase=BUNDLE_PASSPHRASE,
        without_consent_reason="not about consent",
    )
    bundle = open_bundle(result.data, passphrase=BUNDLE_PASSPHRASE)
    return pdf_text(bundle.members[DOSSIER])


def _chosen_cases(ws: Workspace) -> tuple[list[uuid.UUID], uuid.UUID]:
    """A case with something in every section (relatives shown and withheld among them), and
    one whose relatives all withheld consent."""
    service = SharingService(ws)
    source = service.gather(service.select_cases(refs=(), everything=True, status=None))
    alleged = {link.case_id for link in source.of("allegation_cases")}
    cases = sorted(source.of("cases"), key=lambda case: case.ref)
    full = next(case for case in cases if case.id in alleged)
    silent = next(case for case in reversed(cases) if case.id not in alleged)
    for relative, _relationship in ws.relatives.for_case(silent.id):
        ws.relatives.update(relative.id, share_with_lawyer=False)
    for name, consents, case in (
        ("Открытова Мария Петровна", True, full),
        ("Закрытов Олег Ильич", False, full),
        ("Молчанов Игорь Ильич", False, silent),
    ):
        relative = ws.relatives.create(name, share_with_lawyer=consents)
        ws.relatives.link(case.id, relative.id, "брат")
    return [full.id, silent.id], silent.id


def _withheld_line(n: int) -> str:
    """The Russian line for ``n`` withheld relatives, in its plural form."""
    if n % 10 == 1 and n % 100 != 11:
        return f"Скрыт {n} родственник"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"Скрыты {n} родственника"
    return f"Скрыто {n} родственников"


def test_a_russian_dossier_has_no_english_word_and_no_stored_code(
    russian_hook: None, demo_vault: Workspace, vocabulary: set[str]
) -> None:
    cases, _ = _chosen_cases(demo_vault)
    text = _dossier(demo_vault, cases, "lawyer")
    squeezed = " ".join(text.split())
    for heading in (
        "Досье",
        "Сведения",
        "История статусов",
        "Где содержался",
        "Родственники и контакты",
        "Журнал контактов",
        "Источники",
        "Нарушения",
        "Сигналы",
    ):
        assert heading in squeezed
    assert "Задержан" in squeezed and "Звонок" in squeezed
    assert "Открытова Мария Петровна" in squeezed and "Закрытов" not in squeezed
    assert re.search(r"Скрыт[оы]? \d+ родственник\w*: нет согласия на передачу сведений", squeezed)
    assert not leftovers(text, vocabulary)


def test_withheld_relatives_are_counted_instead_of_none_recorded(
    russian_hook: None, demo_vault: Workspace
) -> None:
    _cases, silent = _chosen_cases(demo_vault)
    source = SharingService(demo_vault).gather([silent])
    n = withheld_relatives(source, LAWYER_PROFILE)[silent]
    text = " ".join(_dossier(demo_vault, [silent], "lawyer").split())
    relatives = text.split("Родственники и контакты", 1)[1].split("Журнал контактов", 1)[0]
    assert relatives.strip() == _withheld_line(n) + ": нет согласия на передачу сведений"
    assert "ничего не записано" not in relatives


def test_an_anonymised_russian_dossier_names_statuses_and_rules_in_words(
    russian_hook: None, demo_vault: Workspace, vocabulary: set[str]
) -> None:
    service = SharingService(demo_vault)
    everyone = service.select_cases(refs=(), everything=True, status=None)
    text = _dossier(demo_vault, everyone, "anonymised")
    squeezed = " ".join(text.split())
    assert "Сигналы по правилам" in squeezed and "Пропала связь" in squeezed
    assert not leftovers(text, vocabulary)
    assert not {rule.id for rule in RULES} & set(re.findall(r"[a-z_]+", text))


def test_a_dossier_section_starts_with_its_title_and_header_on_every_page(
    russian_hook: None, demo_vault: Workspace
) -> None:
    """A long contact log runs over pages: each page it reaches opens with its title and header."""
    from tests.sharing.pdf_text import pdf_pages

    service = SharingService(demo_vault)
    case = service.select_cases(refs=("CT-0001",), everything=False, status=None)
    for day in range(1, 29):
        demo_vault.contacts.log(
            "CT-0001",
            datetime(2026, 2, day, 9, 0),
            direct=True,
            note="Жив, просит передать лекарства. " * 4,
        )
    result = service.export(
        case,
        profile="lawyer",
        passphrase=BUNDLE_PASSPHRASE,
        without_consent_reason="not about consent",
    )
    pdf = open_bundle(result.data, passphrase=BUNDLE_PASSPHRASE).members[DOSSIER]
    pages = [" ".join(page.split()) for page in pdf_pages(pdf)]
    log_pages = [page for page in pages[1:] if "Жив, просит" in page]
    assert len(log_pages) >= 2
    for page in log_pages:
        assert "Журнал контактов Когда Канал" in page
    for page in pages:  # no title or header is the last thing on a page
        body = page.rsplit(" ", 1)[0]  # without the page number
        assert not body.endswith(
            ("Журнал контактов", "Когда Канал Слышали его самого? Кто Что сказано")
        )


# -- the command line -----------------------------------------------------------------------
@pytest.fixture
def russian_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CASETRACKER_LANGUAGE", "ru")
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", PASSPHRASE)
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def _commands(folder: Path) -> list[list[str]]:
    vault = str(folder / "v.ctvault")
    (folder / "bundle-pass").write_text(BUNDLE_PASSPHRASE, encoding="utf-8")
    (folder / "new-pass").write_text("another long passphrase here", encoding="utf-8")
    (folder / "sheet.csv").write_text(
        "ФИО,Статус,Дата рождения\nПетров Пётр Петрович,задержан,01.02.1990\n", encoding="utf-8"
    )
    return [
        ["demo", vault, "--cases", "12"],
        ["info", vault],
        ["cases", vault],
        ["cases", vault, "--status", "detained"],
        ["log-contact", vault, "--case", "CT-0001", "--date", "2026-07-19", "--direct"],
        ["flags", vault, "--as-of", "2026-08-03"],
        ["ack", vault, "--case", "CT-0001", "--rule", "lost_contact", "--note", "звонили"],
        ["settings", vault],
        ["settings", vault, "autolock_minutes", "10"],
        ["report", vault],
        ["report", vault, "--which", "silence-weeks", "--csv", "y7.csv", "--with-refs"],
        ["report", vault, "--which", "silence-weeks", "--csv", "y7.csv"],
        ["check", vault],
        ["backups", vault],
        ["keys", vault],
        ["recipients", vault, "list"],
        [
            "export",
            vault,
            "--all",
            "--bundle-passphrase-file",
            "bundle-pass",
            "--profile",
            "lawyer",
            "-o",
            "out.age",
            "--without-consent",
            "нет связи",
        ],
        ["open-bundle", "out.age", "--bundle-passphrase-file", "bundle-pass"],
        [
            "import-bundle",
            vault,
            "out.age",
            "--bundle-passphrase-file",
            "bundle-pass",
            "--dry-run",
        ],
        ["import", vault, "sheet.csv", "--dry-run"],
        ["import", vault, "x9.csv"],
        ["open-bundle", "x9.age"],
        [
            "export",
            vault,
            "--all",
            "--bundle-passphrase-file",
            "bundle-pass",
            "--profile",
            "anonymised",
            "--without-consent",
            "статистика",
            "-o",
            "x9/x9.age",
        ],
        ["restore", vault, "--backup", "1"],
        ["recovery-key", vault],
        ["passwd", vault, "--new-passphrase-file", "new-pass"],
    ]


def test_every_cli_command_answers_in_russian(
    russian_cli: Path, capsys: pytest.CaptureFixture[str], vocabulary: set[str]
) -> None:
    typed = {rule.id for rule in RULES} | set(SPECS)  # identifiers one types after an option
    found: dict[str, set[str]] = {}
    for command in _commands(russian_cli):
        main(command)
        captured = capsys.readouterr()
        for stream in (captured.out, captured.err):
            words = leftovers(stream.replace("casetracker:", " "), vocabulary, allowed=typed)
            if words:
                found[" ".join(command[:1] + command[2:])] = words
    assert not found, "\n".join(f"{k}: {sorted(v)}" for k, v in found.items())


def test_os_errors_are_said_in_a_russian_sentence(
    russian_cli: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["open-bundle", "x9.age"]) == 1
    err = capsys.readouterr().err
    assert err == "casetracker: Не удалось прочитать x9.age: такого файла или папки нет.\n"


def test_info_counts_records_in_words(
    russian_cli: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = str(russian_cli / "v.ctvault")
    assert main(["demo", vault, "--cases", "5"]) == 0
    capsys.readouterr()
    assert main(["info", vault]) == 0
    out = capsys.readouterr().out
    assert "  5 дел\n" in out
    assert "contactevent" not in out and "contact_events" not in out


def test_a_spreadsheet_imports_status_note_reads_in_russian_in_the_dossier(
    russian_cli: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = russian_cli / "v.ctvault"
    assert main(["init", str(vault)]) == 0
    (russian_cli / "sheet.csv").write_text(
        "ФИО,Статус,Дата рождения\nПетров Пётр Петрович,задержан,01.02.1990\n", encoding="utf-8"
    )
    assert main(["import", str(vault), "sheet.csv"]) == 0
    capsys.readouterr()
    catalog.install_for_cli()  # main() installed Russian; keep it for the dossier below
    with Workspace.open(vault, passphrase=PASSPHRASE, actor="tester") as ws:
        cases = SharingService(ws).select_cases(refs=(), everything=True, status=None)
        text = " ".join(_dossier(ws, cases, "lawyer").split())
    history = text.split("История статусов", 1)[1].split("Где содержался", 1)[0]
    assert "Задержан импорт из таблицы" in history


#: Each section's title and its column names, as the dossier writes them (English source).
SECTIONS = {
    "Facts": (),
    "Flags": ("Severity", "Since", "What"),
    "Status history": ("Date", "Status", "Source"),
    "Custody timeline": ("Place", "From", "Until", "How sure", "Source", "Note"),
    "Relatives and contacts": ("Relationship", "Name", "Phones", "Handles"),
    "Contact log": ("When", "Channel", "Heard himself?", "Who", "What was said"),
    "Sources": ("Source", "Kind", "Verification", "Published", "Reference"),
    "Allegations": ("Kind", "Date", "Description", "Source"),
}


def test_no_page_of_a_dossier_ends_with_a_title_or_a_column_header(
    russian_hook: None, demo_vault: Workspace
) -> None:
    """Measured on 30 demo cases (61 pages): before, 5 pages ended with a section's title and
    2 with its column header, the rows following overleaf."""
    from casetracker.i18n import translate
    from tests.sharing.pdf_text import pdf_pages

    service = SharingService(demo_vault)
    everyone = service.select_cases(refs=(), everything=True, status=None)
    result = service.export(
        everyone,
        profile="lawyer",
        passphrase=BUNDLE_PASSPHRASE,
        without_consent_reason="not about consent",
    )
    pdf = open_bundle(result.data, passphrase=BUNDLE_PASSPHRASE).members[DOSSIER]
    endings = set()
    for title, columns in SECTIONS.items():
        endings.add(translate("dossier", title))
        if columns:
            endings.add(" ".join(" ".join(translate("dossier", c) for c in columns).split()))
    orphans = []
    for number, page in enumerate(pdf_pages(pdf), start=1):
        body = " ".join(page.split()).removesuffix(str(number)).strip()  # without its number
        orphans += [(number, end) for end in endings if body.endswith(end)]
    assert not orphans


def test_the_history_of_changes_shows_the_import_note_in_russian(russian_hook: None) -> None:
    from casetracker.gui.labels import field_value
    from casetracker.model.labels import IMPORT_NOTE

    assert field_value("StatusChange", "source_note", IMPORT_NOTE) == "импорт из таблицы"
    assert field_value("StatusChange", "source_note", "со слов отца") == "со слов отца"
    assert field_value("Case", "status", "returned_to_front") == "Отправлен обратно на фронт"


def test_every_table_of_the_vault_is_counted_in_words() -> None:
    """`info` and bundle reports count each table in words; a new table needs its words."""
    tables = set(SQLModel.metadata.tables) - {"meta", "setting"}
    assert tables <= set(TABLE_KINDS), sorted(tables - set(TABLE_KINDS))
    assert all(not count_text(table, 2).endswith(table) for table in tables)
