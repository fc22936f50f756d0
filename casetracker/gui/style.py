"""Colours and the application style sheet: calm, readable, severity you can tell at a glance.

Severity is never shown by colour alone: every coloured cell also says the word or the rule.
"""

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QWidget

from casetracker.rules.flag import Severity

SEVERITY_FOREGROUND = {
    Severity.CRITICAL: QColor("#9b1c1c"),
    Severity.WARNING: QColor("#7a4a00"),
    Severity.INFO: QColor("#1d4f91"),
}
SEVERITY_BACKGROUND = {
    Severity.CRITICAL: QColor("#fde8e8"),
    Severity.WARNING: QColor("#fff3d6"),
    Severity.INFO: QColor("#e8f0fb"),
}
MUTED = QColor("#5f6368")

STYLE_SHEET = """
QListWidget#navigation {
    background: #f3f4f6;
    border: none;
    border-right: 1px solid #d8dadf;
    font-size: 11pt;
    padding-top: 8px;
}
QListWidget#navigation::item {
    padding: 9px 14px;
    border-radius: 6px;
    margin: 1px 6px;
    color: #202124;
}
QListWidget#navigation::item:selected {
    background: #dfe7f5;
    color: #0b3d91;
    font-weight: bold;
}
QLabel[role="title"] { font-size: 15pt; font-weight: bold; color: #202124; }
QLabel[role="subtitle"] { color: #5f6368; }
QLabel[role="hint"] { color: #5f6368; }
QLabel[role="error"] { color: #9b1c1c; }
QLabel[role="ok"] { color: #1e6b35; }
QLabel[role="badge"] {
    border-radius: 9px; padding: 2px 10px; background: #e8eaed; color: #202124;
}
QLabel[severity="critical"] { background: #fde8e8; color: #9b1c1c; }
QLabel[severity="warning"] { background: #fff3d6; color: #7a4a00; }
QLabel[severity="info"] { background: #e8f0fb; color: #1d4f91; }
QFrame[role="panel"] {
    background: #ffffff; border: 1px solid #d8dadf; border-radius: 8px;
}
QFrame[role="banner"] {
    background: #fff8e1; border: 1px solid #f0d58c; border-radius: 6px;
}
QPushButton[role="primary"] {
    background: #0b57d0; color: white; border: none; border-radius: 6px; padding: 6px 14px;
    font-weight: bold;
}
QPushButton[role="primary"]:disabled { background: #a8c1ef; }
QPushButton[role="primary"]:hover { background: #0a4fbd; }
QTableView, QTreeView { gridline-color: #eceef1; }
QHeaderView::section { padding: 4px 6px; }
"""


def install_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    font = app.font()
    if font.pointSize() < 10:
        font.setPointSize(10)
        app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)


def set_role(widget: QWidget, role: str) -> None:
    """Give a widget a style role ("title", "hint", "error", …) and restyle it."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def set_severity(widget: QWidget, severity: Severity | None) -> None:
    widget.setProperty("severity", severity.value if severity else "")
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def bold(font: QFont) -> QFont:
    out = QFont(font)
    out.setBold(True)
    return out
