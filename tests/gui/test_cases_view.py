"""Cases: add and edit, search in Cyrillic and Latin, filters, sorting, possible duplicates."""

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker import cancellation
from casetracker.gui.dialogs.new_case_dialog import NewCaseDialog
from casetracker.gui.main_window import CASES, MainWindow
from casetracker.gui.views import cases_view
from casetracker.gui.views.cases_view import CasesView
from casetracker.model import CaseStatus
from casetracker.services import duplicates


def _search(view: CasesView, qtbot: QtBot, text: str) -> list[str]:
    view.search.clear()
    view.search.setText(text)  # typing, as far as the view can tell
    qtbot.waitUntil(lambda: not view._debounce.isActive(), timeout=2000)
    return view.visible_refs()


def test_new_case_is_created_opened_and_edited(window: MainWindow, qtbot: QtBot) -> None:
    assert window.session is not None
    dialog = window.new_case()
    assert isinstance(dialog, NewCaseDialog)
    dialog.full_name.setText("Тестов Пётр Ильич")
    dialog.military_unit.setText("в/ч 11111")
    dialog.submit()
    assert dialog.case_id is not None
    case_window = window.case_windows[dialog.case_id]
    assert case_window.name.text() == "Тестов Пётр Ильич"
    details = case_window.details
    details.texts["lawyer"].setText("адв. Смирнова")
    assert details.save_button.isEnabled()
    details.save()
    assert window.session.ws.cases.get(dialog.case_id).lawyer == "адв. Смирнова"
    assert not details.save_button.isEnabled()
    case_window.tabs.setCurrentWidget(case_window.history)
    whats = [case_window.history.table.model().index(r, 3).data()
             for r in range(case_window.history.table.model().rowCount())]  # fmt: skip
    assert any("адв. Смирнова" in (w or "") for w in whats)


def test_new_case_dialog_warns_about_a_possible_duplicate(window: MainWindow) -> None:
    assert window.session is not None
    existing = window.session.ws.cases.get("CT-0001").full_name
    dialog = window.new_case()
    assert dialog is not None
    from casetracker.services.search_text import transliterate

    dialog.full_name.setText(transliterate(existing).title())  # the Latin spelling
    dialog.check_duplicates()
    assert "CT-0001" in dialog.duplicates.text()
    dialog.reject()


def test_search_finds_cyrillic_names_from_either_script(window: MainWindow, qtbot: QtBot) -> None:
    window.show_section(CASES)
    view = window.cases
    assert window.session is not None
    surname = window.session.ws.cases.get("CT-0001").full_name.split()[0]
    lower = _search(view, qtbot, surname.lower())
    assert "CT-0001" in lower
    from casetracker.services.search_text import transliterate

    latin = _search(view, qtbot, transliterate(surname).upper())
    assert "CT-0001" in latin and set(lower) <= set(latin)
    assert _search(view, qtbot, "Брянка")  # a place where men are held
    assert _search(view, qtbot, "zzzz nobody") == []


def test_filters_narrow_the_list(window: MainWindow) -> None:
    window.show_section(CASES)
    view = window.cases
    total = len(view.visible_refs())
    view.set_filter(view.status_filter, CaseStatus.DETAINED.value)
    detained = view.visible_refs()
    assert 0 < len(detained) < total
    assert all(
        view.model.row_at(i).status is CaseStatus.DETAINED for i in range(view.model.rowCount())
    )
    view.set_filter(view.flag_filter, "lost_contact")
    assert "CT-0001" in view.visible_refs()
    assert all(any(f.rule == "lost_contact" for f in view.model.flags_of(ref))
               for ref in view.visible_refs())  # fmt: skip
    view.clear_filters()
    unit = view.unit_filter.itemData(1)
    view.set_filter(view.unit_filter, unit)
    assert all(view.model.row_at(i).military_unit == unit for i in range(view.model.rowCount()))
    view.clear_filters()
    place = view.facility_filter.itemData(1)
    view.set_filter(view.facility_filter, place)
    assert view.visible_refs() and all(
        str(view.model.row_at(i).facility_id) == place for i in range(view.model.rowCount())
    )
    view.clear_filters()
    assert len(view.visible_refs()) == total


def test_sorting_by_days_since_proof_of_life(window: MainWindow) -> None:
    view = window.cases
    view.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    days = [view.model.index(r, 4).data() for r in range(view.model.rowCount())]
    numbers = [int(d) for d in days if d != "—"]
    assert numbers == sorted(numbers, reverse=True)


def test_possible_duplicates_are_pointed_out_when_a_worker_has_found_them(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list is there at once; the pairs are worked out on a worker thread (seconds at
    100,000 cases), and the banner appears when they are known."""
    assert window.session is not None
    ws = window.session.ws
    ws.cases.create("Кузьмин Аркадий Петрович")
    ws.cases.create("Kuzmin Arkadii Petrovich")
    window.session.committed()
    gui_thread = threading.get_ident()
    ran_on: list[int] = []
    real = duplicates.find_pairs

    def finding(*args: Any) -> list[duplicates.DuplicatePair]:
        ran_on.append(threading.get_ident())
        return real(*args)

    monkeypatch.setattr(duplicates, "find_pairs", finding)
    window.show_section(CASES)
    view = window.cases
    assert view.model.rowCount() == 62  # usable at once
    qtbot.waitUntil(view.duplicates_banner.isVisible, timeout=5_000)
    assert ran_on and gui_thread not in ran_on
    assert not view.duplicates_pending()
    assert "CT-0061 / CT-0062" in view.duplicates_text.text()
    qtbot.mouseClick(view.duplicates_button, Qt.MouseButton.LeftButton)
    names = {view.model.row_at(i).full_name for i in range(view.model.rowCount())}
    assert {"Кузьмин Аркадий Петрович", "Kuzmin Arkadii Petrovich"} <= names
    assert view.duplicates_button.text() == "Show all"


def test_a_failed_search_for_duplicates_is_said_and_ends_the_wait(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def failing(*_args: Any) -> list[duplicates.DuplicatePair]:
        raise RuntimeError("no memory left")

    monkeypatch.setattr(duplicates, "find_pairs", failing)
    monkeypatch.setattr(cases_view, "show_error", lambda _parent, _exc, title: shown.append(title))
    view = window.cases
    with qtbot.waitSignal(view.duplicates_ready, timeout=5_000):
        window.show_section(CASES)
    assert shown == ["Possible duplicates could not be found"]
    assert not view.duplicates_pending() and view.model.rowCount() == 60


def test_locking_while_duplicates_are_worked_out_stops_the_job(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lock cancels and joins the job: nothing reads the vault after it closes, and the
    banner of a locked vault never appears."""
    session = window.session
    assert session is not None
    started, stopped = threading.Event(), threading.Event()

    def slow(*_args: Any) -> list[duplicates.DuplicatePair]:
        started.set()
        while True:  # as a long search would, until the lock cancels it
            time.sleep(0.01)
            try:
                cancellation.check()
            except cancellation.Cancelled:
                stopped.set()
                raise

    monkeypatch.setattr(duplicates, "find_pairs", slow)
    window.show_section(CASES)
    view = window.cases
    assert started.wait(5)
    assert view.duplicates_pending()
    session.stop_jobs()  # what locking does first
    assert stopped.is_set()
    session.close(discard=True)
    view.set_session(None)
    qtbot.wait(50)
    assert not view.duplicates_pending() and not view.duplicates_banner.isVisibleTo(view)


def test_a_keystroke_does_not_re_evaluate_the_rules(
    window: MainWindow, qtbot: QtBot, monkeypatch
) -> None:
    window.show_section(CASES)
    assert window.session is not None
    calls: list[int] = []
    real = window.session.flags.open_flags
    monkeypatch.setattr(
        window.session.flags, "open_flags", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    surname = window.session.ws.cases.get("CT-0001").full_name.split()[0]
    assert "CT-0001" in _search(window.cases, qtbot, surname)
    assert calls == []
