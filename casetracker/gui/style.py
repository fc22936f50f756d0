"""Colours and the application style sheet: calm, readable, severity you can tell at a glance.

Severity is never shown by colour alone: every coloured cell also says the word or the rule.

Two themes with the same roles: light, and dark when the system is dark (Qt's
``QStyleHints.colorScheme``; ``CASETRACKER_THEME=dark|light`` overrides it). Every colour the
app sets itself comes from the active theme, so nothing stays light-on-light or dark-on-dark;
text and background pairs keep a contrast of at least 4.5:1 (WCAG AA, checked in tests/i18n).
"""

import os
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from casetracker.rules.flag import Severity


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str
    alternate: str
    text: str
    muted: str
    border: str
    grid: str
    nav: str
    panel: str
    nav_selected: str
    nav_selected_text: str
    button: str
    highlight: str
    highlighted_text: str
    link: str
    primary: str
    primary_hover: str
    primary_disabled: str
    primary_text: str
    badge: str
    banner: str
    banner_border: str
    start: str
    ok: str
    error: str
    critical: tuple[str, str]  # (text, background)
    warning: tuple[str, str]
    info: tuple[str, str]
    strength_weak: str
    strength_fair: str


LIGHT = Theme(
    name="light",
    window="#efefef",
    base="#ffffff",
    alternate="#f5f6f8",
    text="#202124",
    muted="#5f6368",
    border="#d8dadf",
    grid="#eceef1",
    nav="#f3f4f6",
    panel="#ffffff",
    nav_selected="#dfe7f5",
    nav_selected_text="#0b3d91",
    button="#efefef",
    highlight="#2a7ab0",
    highlighted_text="#ffffff",
    link="#0b57d0",
    primary="#0b57d0",
    primary_hover="#0a4fbd",
    primary_disabled="#a8c1ef",
    primary_text="#ffffff",
    badge="#e8eaed",
    banner="#fff8e1",
    banner_border="#f0d58c",
    start="#eef1f5",
    ok="#1e6b35",
    error="#9b1c1c",
    critical=("#9b1c1c", "#fde8e8"),
    warning=("#7a4a00", "#fff3d6"),
    info=("#1d4f91", "#e8f0fb"),
    strength_weak="#b45309",
    strength_fair="#8a6d00",
)

DARK = Theme(
    name="dark",
    window="#26282c",
    base="#131416",
    alternate="#1c1d20",
    text="#e8eaed",
    muted="#a9aeb4",
    border="#3c4043",
    grid="#2f3236",
    nav="#202124",
    panel="#2e3035",
    nav_selected="#33415c",
    nav_selected_text="#d2e3fc",
    button="#2d2f33",
    highlight="#3a6fc4",
    highlighted_text="#ffffff",
    link="#8ab4f8",
    primary="#2b63c6",
    primary_hover="#3571d9",
    primary_disabled="#3a4a66",
    primary_text="#ffffff",
    badge="#3c4043",
    banner="#3b3320",
    banner_border="#6b5a2a",
    start="#1b1c1f",
    ok="#81c995",
    error="#f28b82",
    critical=("#f28b82", "#4a2323"),
    warning=("#fdd663", "#43381a"),
    info=("#8ab4f8", "#1f3152"),
    strength_weak="#fcad70",
    strength_fair="#fdd663",
)

# Report charts: one colour per case status, and a palette for other lines. Mid tones, the
# same in both themes: each reads on white paper and on the dark theme's near-black base.
CHART_STATUS_COLOURS = {
    "serving": "#7f8c8d",
    "refused": "#f39c12",
    "detained": "#d64541",
    "transferred": "#9b59b6",
    "whereabouts_unknown": "#6e2c00",
    "released": "#27ae60",
    "home": "#2e86c1",
    "returned_to_front": "#566573",
    "contract_terminated": "#48c9b0",
    "deceased": "#b2babb",
}
CHART_COLOURS = (
    "#2e86c1", "#d64541", "#27ae60", "#f39c12", "#9b59b6", "#48c9b0", "#e67e22", "#95a5a6",
)  # fmt: skip

# The active theme's colours; ``install_style`` fills them (item models read them per cell).
SEVERITY_FOREGROUND: dict[Severity, QColor] = {}
SEVERITY_BACKGROUND: dict[Severity, QColor] = {}
MUTED = QColor(LIGHT.muted)
_theme = LIGHT


def current_theme() -> Theme:
    return _theme


def _set_theme(theme: Theme) -> None:
    global _theme
    _theme = theme
    for severity, (fg, bg) in (
        (Severity.CRITICAL, theme.critical),
        (Severity.WARNING, theme.warning),
        (Severity.INFO, theme.info),
    ):
        SEVERITY_FOREGROUND[severity] = QColor(fg)
        SEVERITY_BACKGROUND[severity] = QColor(bg)
    MUTED.setRgba(QColor(theme.muted).rgba())


_set_theme(LIGHT)


def style_sheet(t: Theme) -> str:
    return f"""
QListWidget#navigation {{
    background: {t.nav};
    border: none;
    border-right: 1px solid {t.border};
    font-size: 11pt;
    padding-top: 8px;
}}
QListWidget#navigation::item {{
    padding: 9px 14px;
    border-radius: 6px;
    margin: 1px 6px;
    color: {t.text};
}}
QListWidget#navigation::item:selected {{
    background: {t.nav_selected};
    color: {t.nav_selected_text};
    font-weight: bold;
}}
QListWidget#navigation::item:focus {{ border: 1px solid {t.highlight}; }}
StartWindow {{ background: {t.start}; }}
QLabel[role="title"] {{ font-size: 15pt; font-weight: bold; color: {t.text}; }}
QLabel[role="subtitle"] {{ color: {t.muted}; }}
QLabel[role="hint"] {{ color: {t.muted}; }}
QLabel[role="error"] {{ color: {t.error}; }}
QLabel[role="ok"] {{ color: {t.ok}; }}
QLabel[role="badge"] {{
    border-radius: 9px; padding: 2px 10px; background: {t.badge}; color: {t.text};
}}
QLabel[role="recovery-key"] {{
    background: {t.alternate}; color: {t.text}; border: 1px dashed {t.muted};
    border-radius: 8px; padding: 16px;
}}
QLabel[severity="critical"] {{ background: {t.critical[1]}; color: {t.critical[0]}; }}
QLabel[severity="warning"] {{ background: {t.warning[1]}; color: {t.warning[0]}; }}
QLabel[severity="info"] {{ background: {t.info[1]}; color: {t.info[0]}; }}
QFrame[role="panel"] {{
    background: {t.panel}; border: 1px solid {t.border}; border-radius: 8px;
}}
QFrame[role="banner"] {{
    background: {t.banner}; border: 1px solid {t.banner_border}; border-radius: 6px;
}}
QPushButton[role="primary"] {{
    background: {t.primary}; color: {t.primary_text}; border: none; border-radius: 6px;
    padding: 6px 14px; font-weight: bold;
}}
QPushButton[role="primary"]:disabled {{ background: {t.primary_disabled}; color: {t.muted}; }}
QPushButton[role="primary"]:hover {{ background: {t.primary_hover}; }}
QPushButton[role="primary"]:focus {{ outline: none; border: 2px solid {t.text}; }}
QTableView, QTreeView {{ gridline-color: {t.grid}; }}
QHeaderView::section {{ padding: 4px 6px; }}
"""


def palette(t: Theme) -> QPalette:
    """Fusion's palette in the theme's colours (the dark one is built, not guessed)."""
    p = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, t.window),
        (role.WindowText, t.text),
        (role.Base, t.base),
        (role.AlternateBase, t.alternate),
        (role.ToolTipBase, t.base),
        (role.ToolTipText, t.text),
        (role.PlaceholderText, t.muted),
        (role.Text, t.text),
        (role.Button, t.button),
        (role.ButtonText, t.text),
        (role.BrightText, t.error),
        (role.Highlight, t.highlight),
        (role.HighlightedText, t.highlighted_text),
        (role.Link, t.link),
        (role.LinkVisited, t.link),
        (role.Light, QColor(t.button).lighter(130).name()),
        (role.Midlight, QColor(t.button).lighter(115).name()),
        (role.Mid, t.border),
        (role.Dark, QColor(t.button).darker(160).name()),
        (role.Shadow, "#000000"),
    ):
        p.setColor(r, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(disabled, r, QColor(t.muted))
    return p


def system_is_dark(app: QGuiApplication) -> bool:
    forced = os.environ.get("CASETRACKER_THEME", "").strip().lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(app: QApplication, theme: Theme) -> None:
    _set_theme(theme)
    app.setPalette(palette(theme))
    app.setStyleSheet(style_sheet(theme))


def install_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    font = app.font()
    if font.pointSize() < 10:
        font.setPointSize(10)
        app.setFont(font)
    apply_theme(app, DARK if system_is_dark(app) else LIGHT)
    # Follow the system when it switches between light and dark while the app runs.
    app.styleHints().colorSchemeChanged.connect(
        lambda _scheme: apply_theme(app, DARK if system_is_dark(app) else LIGHT)
    )


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
