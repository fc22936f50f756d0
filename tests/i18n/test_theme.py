"""Readable in a dark theme and at 200 %: theme colours keep WCAG AA contrast, the GUI sets no
colour of its own outside the themes, and every window fits a 1920×1080 screen at 200 %."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from casetracker.gui import style
from casetracker.gui.vault_session import VaultSession
from casetracker.services import demo
from casetracker.services.workspace import Workspace
from tests.i18n.screens import screens

GUI = Path(__file__).resolve().parents[2] / "casetracker" / "gui"
#: 1920×1080 at 200 %, less a title bar and a task bar.
SCREEN_AT_200 = (960, 500)


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.redF()) + 0.7152 * channel(q.greenF()) + 0.0722 * channel(q.blueF())


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _pairs(t: style.Theme) -> Iterator[tuple[str, str, str]]:
    backgrounds = (
        ("base", t.base), ("window", t.window), ("alternate", t.alternate), ("panel", t.panel)
    )  # fmt: skip
    for name, bg in backgrounds:
        yield f"text on {name}", t.text, bg
        yield f"muted on {name}", t.muted, bg
        yield f"error on {name}", t.error, bg
        yield f"ok on {name}", t.ok, bg
        for severity in (t.critical, t.warning, t.info):
            yield f"severity {severity[0]} on {name}", severity[0], bg
    for severity in (t.critical, t.warning, t.info):
        yield f"severity badge {severity}", severity[0], severity[1]
    yield "primary button", t.primary_text, t.primary
    yield "selected section", t.nav_selected_text, t.nav_selected
    yield "section", t.text, t.nav
    yield "badge", t.text, t.badge
    yield "banner", t.text, t.banner
    yield "selection", t.highlighted_text, t.highlight
    yield "link", t.link, t.base


@pytest.mark.parametrize("theme", [style.LIGHT, style.DARK], ids=lambda t: t.name)
def test_theme_text_keeps_aa_contrast(theme: style.Theme) -> None:
    weak = [(what, round(contrast(fg, bg), 2)) for what, fg, bg in _pairs(theme)]
    assert [w for w in weak if w[1] < 4.5] == []


def test_the_gui_sets_no_colour_outside_the_themes() -> None:
    colour = re.compile(r"#[0-9a-fA-F]{3,8}\b|QColor\(\s*[\"']|Qt\.GlobalColor\.|rgb\(")
    found = [
        f"{path.relative_to(GUI)}:{n}: {line.strip()}"
        for path in sorted(GUI.rglob("*.py"))
        if path.name != "style.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if colour.search(line)
    ]
    assert found == []


@pytest.fixture
def dark(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CASETRACKER_THEME", "dark")
    before = (qapp.palette(), qapp.styleSheet())
    style.install_style(qapp)
    yield
    qapp.setPalette(before[0])
    qapp.setStyleSheet(before[1])
    style.apply_theme(qapp, style.LIGHT)


def test_a_dark_system_gets_the_dark_theme(dark: None, qapp: QApplication) -> None:
    window = qapp.palette().color(QPalette.ColorRole.Window)
    assert window.lightness() < 64
    assert style.current_theme() is style.DARK
    assert style.SEVERITY_FOREGROUND[style.Severity.CRITICAL] == QColor(style.DARK.critical[0])
    assert "background: " + style.DARK.panel in qapp.styleSheet()


@pytest.fixture
def russian_session(russian_gui: None, ws: Workspace) -> Iterator[VaultSession]:
    demo.generate(ws, 40)
    ws.save()
    session = VaultSession(ws, demo=True)
    yield session
    session.close(discard=True)


def test_every_window_fits_a_screen_at_200_percent(
    russian_session: VaultSession, qtbot: QtBot, tmp_path: Path
) -> None:
    """In Russian, the longer language: a window's smallest size fits 960×500 logical pixels."""
    too_big: dict[str, tuple[int, int]] = {}
    for name, top in screens(russian_session, tmp_path):
        QWidget.adjustSize  # noqa: B018 (layouts settle on show)
        hint = top.minimumSizeHint().expandedTo(top.minimumSize())
        if hint.width() > SCREEN_AT_200[0] or hint.height() > SCREEN_AT_200[1]:
            too_big[name] = (hint.width(), hint.height())
    assert too_big == {}
