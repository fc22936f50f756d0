"""The benchmark's search figure goes through the real Cases view: each letter a key event
into its search field, timed until the view has shown that prefix's rows; the Cases section's
first showing is timed in the real main window. The view's debounce is back afterwards. The
unlock is timed through the real app, from the unlock page to the window."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytest import MonkeyPatch

pytest.importorskip("resource", reason="the benchmarks measure memory with POSIX resource")

from benchmarks import measure
from casetracker.gui.main_window import MainWindow
from casetracker.services.workspace import Workspace
from tests.conftest import PASSPHRASE


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
    assert out["cases_first"]["rows"] == view.model.rowCount() > 0
    assert out["cases_first"]["gui_blocked"] >= out["cases_first"]["gui_thread"] > 0

    shown: list[str] = []
    view.model.modelReset.connect(lambda: shown.append(view.search.text()))
    measure.measure_search_in_view(app, view, out)

    assert shown[:4] == ["С", "См", "Сми", "Смир"]  # each prefix shown before the next key
    assert {"2", "21"} <= set(shown)
    assert view.search.text() == ""  # cleared again for what the session does next
    search = out["search"]
    assert search["keystrokes"] == 6 and search["typed"]["n"] == 5  # the first on its own
    assert search["first"] > 0
    assert _timers(window) == timers  # the debounce is the view's again
    assert all(ms > 0 for ms in search["debounce_ms"].values())


def test_unlock_is_timed_through_the_real_app(
    vault_path: Path, ws: Workspace, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    ws.close()
    monkeypatch.setattr(measure, "BENCHMARK_PASSPHRASE", PASSPHRASE)
    out: dict = {"unlock": {}}
    measure.measure_unlock_through_app(vault_path, tmp_path, out)
    first = out["unlock"]["through_app"]
    assert first["kdf"] > 0 and first["after_kdf"] > 0  # the passphrase's KDF ran and is apart
    assert first["again"]["after_kdf"] > 0
    Workspace.open(vault_path, passphrase=PASSPHRASE).close()  # locked again: its lock is free
