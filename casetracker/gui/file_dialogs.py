"""File choosers that leave no trace: no recent-files entry, no remembered folders.

Native dialogs add chosen files to the desktop's recent documents (GTK's recently-used.xbel,
Windows "Recent items"), so we use Qt's own dialog. That one saves its history, last folder and
sidebar to the "QtProject" settings when it is destroyed, always (Qt has no option against it).
Where those settings are a file (Linux and other Unix desktops), their folder is pointed at
the null device before any chooser opens, so the file can never be made: nothing is written.
Where they are the registry (Windows) or a property list (macOS), Qt cannot be pointed
elsewhere, and the entries it wrote are removed as soon as the chooser closes.
"""

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_OPTIONS = QFileDialog.Option.DontUseNativeDialog


# Where the native settings format is an INI file, so its folder can be moved.
_SETTINGS_ARE_FILES = sys.platform not in ("win32", "darwin")


def write_no_qt_settings() -> None:
    """Qt's own user settings ("QtProject": file-dialog history, colour-dialog colours) go to a
    folder that cannot exist. The app's one setting (``app_settings``) is INI-format, elsewhere."""
    if _SETTINGS_ARE_FILES:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, os.devnull)


def _forget_history() -> None:
    if _SETTINGS_ARE_FILES:
        return  # never written
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.sync()


def _start_dir(start: Path | None) -> str:
    return str(start) if start is not None else str(Path.home())


def open_file(
    parent: QWidget | None, title: str, start: Path | None = None, filter: str = ""
) -> Path | None:
    write_no_qt_settings()
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
    write_no_qt_settings()
    try:
        chosen, _ = QFileDialog.getSaveFileName(
            parent, title, _start_dir(start), filter, options=options
        )
    finally:
        _forget_history()
    return Path(chosen) if chosen else None
