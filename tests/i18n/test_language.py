"""The language follows the system, a setting switches it, and Russian reads right: plurals
("1 день", "2 дня", "5 дней"), dates as 31.12.2025, the CLI's help and errors."""

import re
from datetime import date
from pathlib import Path

import pytest

from casetracker import i18n
from casetracker.cli.main import main
from casetracker.i18n import catalog
from casetracker.rules import wording
from tests.conftest import PASSPHRASE


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "ru_UA.UTF-8"}, "ru"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}, "ru"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),
        ({"LANGUAGE": "ru:en", "LANG": "en_US.UTF-8"}, "ru"),
        ({"LANGUAGE": "ru", "LANG": "C"}, "en"),  # gettext ignores LANGUAGE in the C locale
        ({"CASETRACKER_LANGUAGE": "ru", "LANG": "en_US.UTF-8"}, "ru"),
        ({"CASETRACKER_LANGUAGE": "en", "LANG": "ru_RU.UTF-8"}, "en"),
        ({"LANG": "uk_UA.UTF-8"}, "en"),  # no Ukrainian catalogue yet: the source language
    ],
)
def test_the_language_follows_the_system_locale(environ: dict[str, str], expected: str) -> None:
    assert catalog.system_language(environ) == expected


@pytest.mark.parametrize(
    ("days", "russian"),
    [(1, "1 день"), (2, "2 дня"), (4, "4 дня"), (5, "5 дней"), (11, "11 дней"),
     (12, "12 дней"), (21, "21 день"), (22, "22 дня"), (25, "25 дней"), (101, "101 день"),
     (111, "111 дней"), (0, "0 дней")],
)  # fmt: skip
def test_rules_write_russian_plurals(russian_hook: None, days: int, russian: str) -> None:
    assert wording.days(days) == russian


def test_english_plurals_need_no_translator() -> None:
    i18n.install()
    assert (wording.days(1), wording.days(2), wording.days(37)) == ("1 day", "2 days", "37 days")


def test_russian_dates_are_day_first_with_four_digit_years(russian_hook: None) -> None:
    assert wording.day(date(2025, 7, 19)) == "19.07.2025"


def test_the_gui_writes_russian_dates_plurals_and_qts_own_words(russian_gui: None) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from casetracker.gui import labels, locale_format
    from casetracker.model import CaseStatus

    assert locale_format.date_text(date(2025, 7, 19)) == "19.07.2025"
    ago = locale_format.days_ago_text(date(2025, 6, 12), today=date(2025, 7, 19))
    assert ago == "37 дней назад (12.06.2025)"
    assert locale_format.days_text(22) == "22 дня"
    assert labels.status_label(CaseStatus.WHEREABOUTS_UNKNOWN) == "Местонахождение неизвестно"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"
    assert wording.days(5) == "5 дней"  # the Qt-free rules follow the GUI's language too


# -- the command line ------------------------------------------------------------------------
@pytest.fixture
def russian_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASETRACKER_LANGUAGE", raising=False)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", PASSPHRASE)


def _english_words() -> set[str]:
    """Words of the English --help text, which must not survive in the Russian one."""
    from casetracker.i18n import ts_file

    words = set()
    for m in ts_file.read(catalog.ts_path("ru")):
        if m.context in ("cli", "argparse"):
            words |= {w.lower() for w in re.findall(r"[A-Za-z]{4,}", m.source)}
    return words


def _identifiers() -> set[str]:
    """What a user types, so it stays as it is: command names, argument names, choices."""
    import argparse

    from casetracker.cli.main import build_parser

    names: set[str] = set()
    parsers = [build_parser()]
    while parsers:
        parser = parsers.pop()
        for action in parser._actions:
            names.add(str(action.dest))
            names.update(str(c) for c in action.choices or ())
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())
    return {part.lower() for n in names for part in re.split(r"[-_]", n)}


def _prose(text: str) -> str:
    """Help text without option names, metavars, choices and environment variable names."""
    text = re.sub(r"(?<![\w])-{1,2}[\w-]+", " ", text)
    text = re.sub(r"\{[^}]*\}|\b[A-Z][A-Z0-9_]+\b|\S+\.\w+|casetracker", " ", text)
    words = re.findall(r"[A-Za-z_]+", text)
    return " ".join(w for w in words if w.lower() not in _identifiers())


@pytest.mark.parametrize("command", [[], ["log-contact"], ["export"], ["flags"], ["ack"]])
def test_cli_help_follows_lang(
    russian_locale: None, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("использование: casetracker")
    assert "показать эту справку и выйти" in out
    leftovers = set(re.findall(r"[A-Za-z]{4,}", _prose(out))) & _english_words()
    assert not {w for w in leftovers if w.lower() in _english_words()}, leftovers


def test_cli_usage_errors_and_failures_are_russian(
    russian_locale: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit):
        main(["flags"])
    assert "casetracker flags: ошибка: нужно указать: vault" in capsys.readouterr().err
    assert main(["cases", str(tmp_path / "missing.ctvault")]) == 1
    assert capsys.readouterr().err.startswith("casetracker: Файл хранилища не найден.")


def test_cli_reports_flags_in_russian(
    russian_locale: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    vault = tmp_path / "demo.ctvault"
    assert main(["demo", str(vault), "--cases", "12"]) == 0
    assert "Добавлено вымышленных дел: 12." in capsys.readouterr().out
    assert main(["flags", str(vault)]) == 0
    out = capsys.readouterr().out
    today = date.today().strftime("%d.%m.%Y")
    assert out.startswith(f"Открытые сигналы на {today}: критических — ")
    assert re.search(r"Нет подтверждения жизни с \d\d\.\d\d\.\d{4} — \d+ (день|дня|дней)", out)


def test_the_vaults_language_setting_switches_the_app_at_unlock(
    qtbot: object, tmp_path: Path
) -> None:
    from pytestqt.qtbot import QtBot

    from casetracker.gui.app import App
    from casetracker.gui.app_settings import AppSettings
    from casetracker.services import preferences
    from casetracker.services.workspace import Workspace
    from casetracker.storage.kdf import FLOOR

    assert isinstance(qtbot, QtBot)
    path = tmp_path / "org.ctvault"
    ws, _key = Workspace.create(path, PASSPHRASE, kdf=FLOOR)
    ws.settings.set(preferences.LANGUAGE, "ru")
    ws.close(save=True)
    settings = AppSettings(tmp_path / "settings.ini")
    settings.remember_vault(path)
    app = App(settings=settings, default_path=path)
    app.start()
    try:
        for language, today in (("ru", "Сегодня"), ("en", "Today")):
            app.start_window.unlock.passphrase.setText(PASSPHRASE)
            app.start_window.unlock.unlock()
            qtbot.waitUntil(lambda: app.window is not None, timeout=20000)
            assert app.window is not None and app.session is not None
            assert app.window.nav.item(0).text() == today, language
            app.session.ws.settings.set(preferences.LANGUAGE, "en")  # for the next unlock
            app.lock()
    finally:
        app.shutdown()
        app.start_window.close()
