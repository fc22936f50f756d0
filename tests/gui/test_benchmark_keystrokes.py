"""The benchmark's search figure goes through the real Cases view: each letter a key event
into its search field, timed until the view has shown that prefix's rows; the Cases section's
first showing is timed in the real main window. The view's debounce is back afterwards."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytest import MonkeyPatch

from benchmarks import measure
from casetracker.gui.main_window import MainWindow


def _timers(window: MainWindow) -> list[tuple[bool, int]]:
    children = window.cases.findChildren(QTimer, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [(t.isSingleShot(), t.interval()) for t in children]


def test_each_prefix_is_typed_and_waited_for(window: MainWindow, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setattr(measure, "QUERIES", ("Смир", "21"))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    timers = _timers(window)
    out: dict = {}
    measure.measure_cases_first(app, window, out)
    view = window.cases
    assert window.stack.currentWidget() is view
    assert out["cases_first"]["rows"] == view.proxy.rowCount() > 0
    assert out["cases_first"]["gui_blocked"] >= out["cases_first"]["gui_thread"] > 0

    shown: list[str] = []
    view.model.modelReset.connect(lambda: shown.append(view.search.text()))
    measure.measure_search_in_view(app, view, out)

    assert shown[:4] == ["С", "См", "Сми", "Смир"]  # each prefix shown before the next key
    assert {"2", "21"} <= set(shown)
    assert view.search.text() == ""  # cleared again for what the session does next
    search = out["search"]
    assert search["keystrokes"] == 6 and search["keystroke"]["n"] == 5  # the first on its own
    assert search["first"] > 0
    assert _timers(window) == timers  # the debounce is the view's again
    assert all(ms > 0 for ms in search["debounce_ms"].values())
