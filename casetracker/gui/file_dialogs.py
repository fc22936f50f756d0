"""File choosers that leave no trace: no recent-files entry, no remembered folders.

Native dialogs add chosen files to the desktop's recent documents (GTK's recently-used.xbel,
Windows "Recent items"), and Qt's own dialog writes its history and last folder to the
"QtProject" settings. We use Qt's dialog and wipe what it stored as soon as it closes.
"""

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_OPTIONS = QFileDialog.Option.DontUseNativeDialog


def _forget_history() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.sync()


def _start_dir(start: Path | None) -> str:
    return str(start) if start is not None else str(Path.home())


def open_file(
    parent: QWidget | None, title: str, start: Path | None = None, filter: str = ""
) -> Path | None:
    try:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, title, _start_dir(start), filter, options=_OPTIONS
        )
    finally:
        _forget_history()
    return Path(chosen) if chosen else None


def save_file(
    parent: QWidget | None,
    title: str,
    start: Path | None = None,
    filter: str = "",
    *,
    confirm_overwrite: bool = True,
) -> Path | None:
    options = _OPTIONS if confirm_overwrite else _OPTIONS | QFileDialog.Option.DontConfirmOverwrite
    try:
        chosen, _ = QFileDialog.getSaveFileName(
            parent, title, _start_dir(start), filter, options=options
        )
    finally:
        _forget_history()
    return Path(chosen) if chosen else None
