"""Lock means gone (SECURITY.md rule 7), checked on the objects themselves.

tests/gui/test_lock.py checks what a person sees (windows closed, the unlock screen, a few
models empty). This goes under the surface, over every QAbstractItemModel under the main
window and an open case window with its log-a-contact dialog:

- every model that showed vault data (a case, place or person's name) is empty or deleted
  once the lock has returned to the event loop (case windows and dialogs are deleted with
  deleteLater, i.e. on the next turn of the loop), and no model still alive shows any;
- the workspace's SQLite connection is closed (an in-memory database is freed with it);
- after Python's garbage collector ran, no Workspace, VaultFile, Engine, VaultSession or
  organisation-key row is alive anywhere: the data key, the decrypted snapshot and the
  organisation's private keys have no live reference left.

Models that survive hold only the app's own labels (section names, enum values, calendar
days). What Python cannot promise beyond this (copies of immutable bytes in freed memory)
is written in docs/security.md, "Known limits".
"""

from __future__ import annotations

import gc
import sqlite3
import weakref
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casetracker.gui.app import App
from casetracker.gui.app_settings import AppSettings
from casetracker.services import demo
from casetracker.services.sharing import SharingService
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.conftest import PASSPHRASE


def _open_app(tmp_path: Path) -> tuple[App, Workspace]:
    ws = Workspace.create(tmp_path / "vault" / "org.ctvault", PASSPHRASE, kdf=FLOOR)[0]
    demo.generate(ws, 30)
    ws.save()
    app = App(settings=AppSettings(tmp_path / "settings.ini"), default_path=ws.path)
    app.start()
    app._opened(ws)  # what the unlock page does once the passphrase opened the vault
    return app, ws


def _vault_strings(ws: Workspace) -> set[str]:
    """Names only the decrypted vault knows: cases, places, people."""
    names = {c.full_name for c in ws.cases.rows()}
    names |= {f.name for f in ws.facilities.all()}
    names |= {r.full_name for r in ws.relatives.all() if r.full_name}
    return names


def _shown(model: QAbstractItemModel) -> set[str]:
    """Every display string of a model's top rows and columns, split on " — " too."""
    texts: set[str] = set()
    for row in range(min(model.rowCount(), 500)):
        for column in range(50):  # list models keep columnCount() private
            index = model.index(row, column)
            if not index.isValid():
                break
            value = index.data()
            if isinstance(value, str):
                texts.add(value)
                texts.update(part.strip() for part in value.split("—"))
    return texts


def _flush_deletions() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QApplication.processEvents()


def test_after_lock_models_are_empty_and_no_key_holder_is_alive(
    qtbot: QtBot, tmp_path: Path
) -> None:
    app, ws = _open_app(tmp_path)
    window = app.window
    assert window is not None and app.session is not None
    case_window = window.open_case(ws.cases.get("CT-0001").id)
    assert case_window is not None
    case_window.log_contact()
    for section in range(len(window.views)):
        window.show_section(section)
        QApplication.processEvents()
    org = SharingService(ws)._org_keys()  # the age identity and the Ed25519 signing key
    secrets = _vault_strings(ws)
    models = window.findChildren(QAbstractItemModel) + case_window.findChildren(QAbstractItemModel)
    data_models = [m for m in models if _shown(m) & secrets]
    assert len(data_models) >= 5  # the case table, flags, places, people, the dialog's cases…
    connection = ws.state.connection
    alive: dict[str, weakref.ref[Any]] = {
        "Workspace": weakref.ref(ws),
        "VaultFile": weakref.ref(ws.file),
        "Engine": weakref.ref(ws.engine),
        "VaultSession": weakref.ref(app.session),
        "OrgKeys row": weakref.ref(org),
    }
    vault_file = ws.file
    del ws, org, window, case_window

    assert app.lock()
    assert vault_file.closed and vault_file._payload is None and not vault_file._pending
    with pytest.raises(sqlite3.ProgrammingError):  # disposed: the in-memory database is freed
        connection.execute("select 1")
    _flush_deletions()
    assert [m for m in data_models if shiboken6.isValid(m) and m.rowCount()] == []
    still_showing = [m for m in models if shiboken6.isValid(m) and _shown(m) & secrets]
    assert still_showing == []
    del vault_file, connection, models, data_models, still_showing

    gc.collect()
    assert [name for name, ref in alive.items() if ref() is not None] == []
    assert app.is_locked and app.start_window.page is app.start_window.unlock
    app.shutdown()
    app.start_window.close()
