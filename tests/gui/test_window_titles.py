"""A case window's title (on the taskbar, in the window switcher, in a shared screen) carries
the case reference, not the man's name, unless the vault's settings allow names."""

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casetracker.gui.main_window import SETTINGS, MainWindow
from casetracker.services import preferences
from tests.gui.by_hand import open_first_case, open_section
from tests.gui.keyboard import click, click_mark


def every_title() -> list[str]:
    return [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_case_window_title_is_the_reference_until_names_are_allowed(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.session is not None
    ws = window.session.ws
    case_window = open_first_case(window)
    case = case_window.case
    assert case is not None and case.full_name
    assert case_window.windowTitle() == case.ref
    assert not [t for t in every_title() if case.full_name in t]

    settings = open_section(window, SETTINGS)
    assert settings is window.settings
    box = settings.editors[preferences.NAMES_IN_TITLES]
    click_mark(qtbot, box)  # type: ignore[arg-type]
    click(qtbot, settings.save_button)
    assert ws.settings.get(preferences.NAMES_IN_TITLES) is True
    assert case_window.windowTitle() == f"{case.ref} — {case.full_name}"

    click_mark(qtbot, box)  # type: ignore[arg-type]
    click(qtbot, settings.save_button)
    assert ws.settings.get(preferences.NAMES_IN_TITLES) is False
    assert case_window.windowTitle() == case.ref
