"""Every screen of the app, built over a demo vault, and what a person reads or hears on it.

Shared by the Russian-screens test (no English may remain) and the accessibility tests (every
control named, every control reachable by keyboard).
"""

import re
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from casetracker.gui.main_window import MainWindow
from casetracker.gui.start_window import StartWindow
from casetracker.gui.vault_session import VaultSession
from casetracker.model import CaseStatus

#: Controls a person operates (labels and frames only show).
INTERACTIVE = (
    QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit,
    QAbstractItemView, QTabBar,
)  # fmt: skip


def screens(session: VaultSession, tmp: Path) -> Iterator[tuple[str, QWidget]]:
    """(name, top-level widget) for every section, case tab, dialog and start page."""
    from casetracker.gui.dialogs.allegation_dialog import AllegationDialog
    from casetracker.gui.dialogs.bundle_import_dialog import BundleImportDialog
    from casetracker.gui.dialogs.export_dialog import ExportDialog
    from casetracker.gui.dialogs.facility_dialog import FacilityDialog
    from casetracker.gui.dialogs.import_wizard import ImportWizard
    from casetracker.gui.dialogs.log_contact_dialog import LogContactDialog
    from casetracker.gui.dialogs.move_dialog import MoveDialog
    from casetracker.gui.dialogs.new_case_dialog import NewCaseDialog
    from casetracker.gui.dialogs.recipients_dialog import RecipientsDialog
    from casetracker.gui.dialogs.relative_dialog import RelativeDialog
    from casetracker.gui.dialogs.source_dialog import SourceDialog
    from casetracker.gui.dialogs.status_dialog import StatusDialog
    from casetracker.gui.dialogs.unknown_signer_dialog import UnknownSignerDialog

    window = MainWindow(session)
    window.resize(1280, 800)
    window.show()
    for row, view in enumerate(window.views):
        window.show_section(row)
        _select_first(view)
        yield f"section {window.nav.item(row).text()}", window
    case_id = session.ws.cases.get("CT-0001").id
    case_window = window.open_case(case_id)
    assert case_window is not None
    for index in range(case_window.tabs.count()):
        case_window.tabs.setCurrentIndex(index)
        _select_first(case_window.tabs.currentWidget())
        yield f"case tab {case_window.tabs.tabText(index)}", case_window
    dialogs: list[QDialog] = [
        LogContactDialog(session, case_id, window),
        LogContactDialog(session, None, window),
        NewCaseDialog(session, window),
        StatusDialog(session, case_id, CaseStatus.DETAINED, window),
        MoveDialog(session, case_id, window),
        AllegationDialog(session, case_id, window),
        FacilityDialog(session, window),
        RelativeDialog(session, case_id=case_id, parent=window),
        SourceDialog(session, case_id=case_id, parent=window),
        ExportDialog(session, [case_id], window),
        RecipientsDialog(session, window),
        BundleImportDialog(session, window),
        UnknownSignerDialog("3F2A 91C0 7B44 E812 0D5C", True, window),
        ImportWizard(session, window),
    ]
    for dialog in dialogs:
        dialog.show()
        yield type(dialog).__name__, dialog
        dialog.reject()
    start = StartWindow(tmp / "organisation.ctvault")
    start.show()
    for show, name in (
        (start.show_welcome, "welcome"),
        (start.show_create, "create"),
        (lambda: start.show_unlock(tmp / "organisation.ctvault"), "unlock"),
        (lambda: start.recovery.show_key("ABCD-EFGH-IJKL-MNOP"), "recovery"),
    ):
        show()
        if name == "recovery":
            start.pages.setCurrentWidget(start.recovery)
        yield f"start page {name}", start
    start.close()
    window.teardown()
    window.close()


def _select_first(view: QWidget | None) -> None:
    """Select the first row of each list, so detail panels show what they show for a record."""
    if view is None:
        return
    for item_view in view.findChildren(QAbstractItemView):
        model = item_view.model()
        if model is not None and model.rowCount() and not isinstance(item_view, QHeaderView):
            first = model.index(0, 0)
            if model.rowCount(first):  # a tree: the first leaf
                first = model.index(0, 0, first)
            item_view.setCurrentIndex(first)


def internal(widget: QWidget, top: QWidget) -> bool:
    """Qt's own parts (scroll bars, headers, calendar pop-ups, a combo's line edit)."""
    node: QWidget | None = widget
    while node is not None and node is not top:
        if node.objectName().startswith("qt_") or isinstance(
            node, QScrollBar | QHeaderView | QCalendarWidget
        ):
            return True
        if node is not widget and isinstance(node, QComboBox | QAbstractSpinBox | QLineEdit):
            return True
        node = node.parentWidget()
    return False


def shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.window() is top.window()


def controls(top: QWidget) -> Iterator[QWidget]:
    for widget in top.findChildren(QWidget):
        if isinstance(widget, INTERACTIVE) and shown(widget, top) and not internal(widget, top):
            yield widget


# -- what is read ---------------------------------------------------------------------------
def texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every string on the screen, in tooltips and for screen readers."""
    yield "window title", top.windowTitle()
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and (not shown(widget, top) or internal(widget, top)):
            continue
        kind = type(widget).__name__
        for attr in ("toolTip", "accessibleName", "accessibleDescription", "statusTip"):
            yield f"{kind}.{attr}", getattr(widget, attr)()
        if isinstance(widget, QLabel | QAbstractButton):
            yield f"{kind}.text", widget.text()
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield f"{kind}.placeholder", widget.placeholderText()
        if isinstance(widget, QGroupBox):
            yield f"{kind}.title", widget.title()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{kind}.item", widget.itemText(i)
        if isinstance(widget, QAbstractSpinBox):
            yield f"{kind}.special", widget.specialValueText()
            for attr in ("prefix", "suffix"):
                if hasattr(widget, attr):
                    yield f"{kind}.{attr}", getattr(widget, attr)()
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield f"{kind}.tab", widget.tabText(i)
                yield f"{kind}.tabTip", widget.tabToolTip(i)
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            model = widget.model()
            if model is not None:
                yield from _model_texts(model, kind)
        for action in widget.actions():
            yield from _action_texts(action)
    if isinstance(top, QMainWindow):
        for menu_action in top.menuBar().actions():
            yield from _action_texts(menu_action)


def _action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    yield "action.text", action.text()
    yield "action.toolTip", action.toolTip()
    menu = action.menu()
    if menu is not None:
        for sub in menu.actions():
            yield from _action_texts(sub)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # QAbstractListModel keeps it private: one column
        return 1


def _model_texts(model: QAbstractItemModel, kind: str) -> Iterator[tuple[str, str]]:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    for column in range(_columns(model, QModelIndex())):
        for role in roles:
            yield (
                f"{kind}.header",
                str(model.headerData(column, Qt.Orientation.Horizontal, role) or ""),
            )

    def rows(parent: QModelIndex, depth: int) -> Iterator[tuple[str, str]]:
        for row in range(min(model.rowCount(parent), 40)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in roles:
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield f"{kind}.cell", value
            if depth < 2:
                yield from rows(model.index(row, 0, parent), depth + 1)

    yield from rows(QModelIndex(), 0)


#: Allowed Latin in a Russian interface: the product, keys, formats, units, demo data's links.
ALLOWED = re.compile(
    r"Casetracker|Caps Lock|\b(Ctrl|Shift|Alt|Meta|Esc|Enter|Del)\b(\+\S+)?|"
    r"https?://\S+|@\w+|\b(age1|age|CSV|XLSX|PDF|JSON|UTC|SHA-256|ZIP|ed25519)\b|"
    r"\*\.\w+|\.\w+\b|\bCT-\d+|\bdemo passphrase\b|[A-Z0-9]{4}(-[A-Z0-9]{4})+|\bExcel\b|"
    r"(?<!\w)/\S+|\S+\.ctvault",
    re.IGNORECASE,
)


def english_words(text: str, vocabulary: set[str]) -> list[str]:
    """Words of the app's English wording left in ``text``."""
    text = ALLOWED.sub(" ", re.sub(r"<[^>]+>", " ", text))
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() in vocabulary]
