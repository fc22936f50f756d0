"""Choosing a file leaves no history: Qt's "QtProject" settings are never written.

Qt's file dialog saves its history and last folder to ``QtProject.conf`` when it is destroyed.
The check runs in a child process whose home and configuration folders are fresh temporary
ones (Qt reads their place once per process), opens the app's chooser, answers it by pasting
a path and pressing Enter, and then looks at every file the child could have written.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.private_home import private_env

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication(["casetracker-tests"])
    from tests.gui.keyboard import answer_file_chooser
    from casetracker.gui import file_dialogs
    target = Path(sys.argv[1])
    answer_file_chooser(target)
    chosen = file_dialogs.open_file(None, "Open", target.parent.parent)
    print("chosen:", chosen)
    """
)


def test_choosing_a_file_writes_no_dialog_history(tmp_path: Path) -> None:
    home = tmp_path / "home"
    folder = tmp_path / "files" / "Qhistorymarker"
    folder.mkdir(parents=True)
    target = folder / "list.csv"
    target.write_text("ref\n")
    env = private_env(home)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(target)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert f"chosen: {target}" in done.stdout, done.stderr
    written = [p for p in home.rglob("*") if p.is_file()] if home.exists() else []
    assert [p for p in written if p.name == "QtProject.conf"] == []
    assert [p for p in written if b"Qhistorymarker" in p.read_bytes()] == []
