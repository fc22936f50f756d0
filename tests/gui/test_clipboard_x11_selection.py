"""X11 offers merely selected text to every program (the middle-button "primary selection"):
the guard marks it and takes it back like a copy. Qt's offscreen platform has no selection, so
this runs the app's guard in a child on a private X server (Xvfb), typing and selecting by keys.
"""

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from casetracker.gui.clipboard_guard import SECRET_MARKS
from tests.required_tools import needs_tool

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's"),
    needs_tool(shutil.which("xvfb-run") is not None, "xvfb-run is not installed (Debian xvfb)"),
]

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import json
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QClipboard, QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit
    app = QApplication(["casetracker-tests"])
    from casetracker.gui.clipboard_guard import clipboard_guard
    guard = clipboard_guard()
    guard.clear_after_ms = 300
    field = QLineEdit()
    field.show()
    QTest.qWaitForWindowExposed(field)  # no window manager here to make it active
    QTest.keyClicks(field, "CT-0042 Ivanov")
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    QTest.qWait(100)
    clipboard = QGuiApplication.clipboard()
    selected = clipboard.mimeData(QClipboard.Mode.Selection)
    report = {"text": selected.text(), "formats": list(selected.formats())}
    QTest.qWait(600)
    report["after"] = clipboard.text(QClipboard.Mode.Selection)
    print(json.dumps(report))
    """
)


def test_selected_text_is_marked_and_taken_back() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="xcb")
    done = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", CHILD],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr[-2000:]
    report = json.loads(lines[-1])
    assert report["text"] == "CT-0042 Ivanov"
    assert set(SECRET_MARKS) <= set(report["formats"])
    assert report["after"] == ""
