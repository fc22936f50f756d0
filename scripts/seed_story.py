"""The seed story, walked by keyboard and mouse on the real window, with screenshots.

A father reports his son, detained in a basement in Brianka and last heard directly on
19 July; a second-hand report says he was moved; the silence is flagged on 27 July and again
on 3 August, when the case goes to a lawyer as an encrypted export in Russian. Every step is
typed or clicked as a caseworker would (no widget is set from code), on the day it happens:
each day runs in its own process under ``faketime``, on one real vault file.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/seed_story.py [OUT_DIR]

Needs ``faketime``, ``age-keygen`` and ``pdftoppm`` (Debian: faketime, age, poppler-utils).
Writes ``story-<lang>-NN-*.png`` for the screens, in Russian and in English, and the lawyer's
dossier pages as ``story-<lang>-dossier-N.png`` to docs/screenshots/ (or OUT_DIR).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "seed story passphrase 2026"
LAWYER = "Адвокат Петрова"

#: The story's days: (stage, fake clock). Each runs in a fresh process on the same vault.
DAYS = [
    ("report", "2026-07-20 10:15:00"),
    ("move", "2026-07-24 16:40:00"),
    ("first-flag", "2026-07-27 09:05:00"),
    ("second-flag", "2026-08-03 09:10:00"),
]

#: What the caseworker types, per interface language. The people and places are fictional.
WORDS = {
    "ru": {
        "son": "Зайцев Андрей Викторович",
        "search": "Зайцев",
        "unit": "в/ч 12345",
        "region": "Луганская обл.",
        "father": "Зайцев Виктор Петрович",
        "relationship": "отец",
        "place": "Подвал бывшего ОМВД",
        "settlement": "Брянка",
        "report": "Отец: сына задержали 2 июля за отказ возвращаться на позиции.",
        "call": "Звонил отцу с чужого телефона: жив, держат в подвале в Брянке.",
        "moved": "Сокамерник, вышедший на свободу, сказал отцу: Андрея увезли 23 июля.",
    },
    "en": {
        "son": "Zaitsev Andrei Viktorovich",
        "search": "Zaitsev",
        "unit": "Unit 12345",
        "region": "Luhansk oblast",
        "father": "Zaitsev Viktor Petrovich",
        "relationship": "father",
        "place": "Basement of the former police station",
        "settlement": "Brianka",
        "report": "Father: his son was detained on 2 July for refusing to return to the front.",
        "call": "Called his father from someone else's phone: alive, held in a basement.",
        "moved": "A cellmate who was released told the father Andrei was taken away on 23 July.",
    },
}


# -- the orchestrator ----------------------------------------------------------------------
def _casetracker(*args: str, env: dict[str, str], stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "casetracker", *args],
        env=env, input=stdin, capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    return done.stdout


def _needs(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        raise SystemExit(f"{tool} is needed (see this script's docstring)")
    return found


def tell(language: str, out: Path) -> None:
    """Walk the whole story in one language: a new vault, four days, then the lawyer's pages."""
    faketime = _needs("faketime")
    with tempfile.TemporaryDirectory(prefix="casetracker-story-") as tmp:
        work = Path(tmp)
        vault = work / "story.ctvault"
        env = {
            **os.environ,
            "CASETRACKER_LANGUAGE": language,
            "CASETRACKER_KDF_TARGET_MS": "0",
            "CASETRACKER_PASSPHRASE": PASSPHRASE,
            "HOME": str(work),
            "PYTHONPATH": str(ROOT),
        }
        _casetracker("init", str(vault), env=env)
        identity = work / "lawyer.key"
        subprocess.run([_needs("age-keygen"), "-o", str(identity)], check=True, capture_output=True)
        public = next(
            line.split(":", 1)[1].strip()
            for line in identity.read_text().splitlines()
            if line.startswith("# public key:")
        )
        _casetracker("recipients", str(vault), "add", LAWYER, public, env=env)
        for stage, clock in DAYS:
            subprocess.run(
                [faketime, "-f", f"@{clock}", sys.executable, __file__, "--stage", stage,
                 "--language", language, "--vault", str(vault), str(out)],
                env=env, check=True, timeout=600,
            )  # fmt: skip
        bundle = next(work.glob("*.age"))
        opened = work / "opened"
        _casetracker(
            "open-bundle", str(bundle), "--identity", str(identity), "-o", str(opened), env=env
        )
        pdf = next(opened.rglob("*.pdf"))
        for old in out.glob(f"story-{language}-dossier-*.png"):
            old.unlink()
        subprocess.run(
            [
                _needs("pdftoppm"),
                "-r",
                "70",
                "-png",
                str(pdf),
                str(out / f"story-{language}-dossier"),
            ],
            check=True,
        )
        for page in sorted(out.glob(f"story-{language}-dossier-*.png")):
            print(page)


_KEEP: list[object] = []


# -- one day, inside the app ---------------------------------------------------------------
def run_day(stage: str, language: str, vault: Path, out: Path) -> None:
    from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import (
        QAbstractButton,
        QApplication,
        QComboBox,
        QDialog,
        QDialogButtonBox,
        QFileDialog,
        QLineEdit,
        QPushButton,
        QWidget,
    )

    from casetracker.gui.app import App
    from casetracker.gui.app_settings import AppSettings
    from casetracker.gui.dialogs.export_dialog import ExportDialog
    from casetracker.gui.style import install_style
    from casetracker.gui.views.case.case_window import CaseWindow

    words = WORDS[language]
    qt = QApplication([sys.argv[0]])
    _KEEP.append(qt)  # destroyed last, at exit, after every window
    install_style(qt)
    shots = iter(range(100))
    prefix = {"report": 0, "move": 20, "first-flag": 40, "second-flag": 60}[stage]

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.01)

    def wait_for(condition: Callable[[], object], timeout: float = 60.0) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError(f"{stage}: the app did not get there in time")
            QApplication.processEvents()
            time.sleep(0.01)

    def shot(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"story-{language}-{prefix + next(shots):02d}-{name}.png"
        widget.window().grab().save(str(path))
        print(path)

    def click(widget: QWidget) -> None:
        if isinstance(widget, QPushButton):
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
        settle(0.05)

    def keys(target: QWidget, text: str) -> None:
        """Type ``text``; QTest.keyClicks knows ASCII only, so other letters go as key events."""
        for char in text:
            if char.isascii():
                QTest.keyClicks(target, char)
            else:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                    )

    def type_into(widget: QWidget, text: str) -> None:
        """Click into a field, select what is there and type, as a person does."""
        widget.window().activateWindow()
        click(widget)
        target = QApplication.focusWidget() or widget
        QTest.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        keys(target, text)
        settle(0.05)

    def choose(combo: QComboBox, text: str) -> None:
        """Open a list and pick the entry by typing its first letters, then Enter."""
        combo.setFocus(Qt.FocusReason.TabFocusReason)
        keys(combo, text)
        settle(0.6)  # a combo box's keyboard search keeps typed letters for a moment

    def press(widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        widget.window().activateWindow()
        wait_for(widget.window().isActiveWindow, timeout=10)
        QTest.keyClick(QApplication.focusWidget() or widget, key, modifier)
        settle(0.05)

    def ok_button(dialog: QWidget) -> QAbstractButton:
        box = dialog.findChild(QDialogButtonBox)
        return next(
            b for b in box.buttons()
            if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole
        )  # fmt: skip

    def in_modal(steps: Callable[[Any], None], kind: type = QDialog) -> None:
        """Run ``steps`` on the next modal dialog once it shows (from inside its exec())."""

        def go() -> None:
            modal = QApplication.activeModalWidget()
            if not isinstance(modal, kind) or isinstance(modal, ExportDialog):
                QTimer.singleShot(50, go)
                return
            steps(modal)

        QTimer.singleShot(50, go)

    # Unlock: type the passphrase, press Enter.
    settings = AppSettings(vault.parent / "settings" / "Casetracker.ini")
    settings.remember_vault(vault)  # as after the first unlock on this laptop
    app = App(default_path=vault, settings=settings)
    app.start()
    start = app.start_window
    wait_for(lambda: start.page is start.unlock)
    if stage == "report":
        shot(start, "unlock")
    type_into(start.unlock.passphrase, PASSPHRASE)
    press(start.unlock.passphrase, Qt.Key.Key_Return)
    wait_for(lambda: app.window is not None)
    window = app.window
    assert window is not None
    window.resize(1280, 800)
    settle(1.0)

    def open_case() -> object:
        window.show_section(1)
        type_into(window.cases.search, words["search"])
        settle(0.8)
        table = window.cases.table
        rect = table.visualRect(table.model().index(0, 1))
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        wait_for(case_window)
        found = case_window()
        found.resize(1100, 760)
        settle(1.0)
        return found

    def case_window() -> Any:
        return next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, CaseWindow) and w.isVisible()
            ),
            None,
        )

    def export_dialog() -> Any:
        return next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog)), None
        )

    if stage == "report":
        # The father calls: a new case, typed in.
        press(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        wait_for(lambda: QApplication.activeModalWidget() is not None)
        dialog = QApplication.activeModalWidget()
        type_into(dialog.full_name, words["son"])
        type_into(dialog.birth_date, "14.03.1999")
        type_into(dialog.home_region, words["region"])
        type_into(dialog.military_unit, words["unit"])
        type_into(dialog.refusal_date, "01.07.2026")
        type_into(dialog.detention_date, "02.07.2026")
        type_into(dialog.notes, words["report"])
        shot(dialog, "new-case-typed")
        click(ok_button(dialog))
        wait_for(lambda: QApplication.activeModalWidget() is None)
        settle(1.0)
        case = open_case()
        shot(case, "case-new")

        # The father: added with consent to share with a lawyer.
        case.tabs.setCurrentWidget(case.relatives)
        settle()

        def father(dialog: QWidget) -> None:
            type_into(dialog.full_name, words["father"])
            type_into(dialog.relationship, words["relationship"])
            type_into(dialog.phones, "+7 900 000-00-00")
            click(dialog.share_with_lawyer)
            shot(dialog, "relative-father")
            click(ok_button(dialog))

        in_modal(father)
        click(case.relatives.add_button)
        settle()

        # Where he is held: a new place, typed in.
        def held(dialog: QWidget) -> None:
            type_into(dialog.new_name, words["place"])
            type_into(dialog.new_settlement, words["settlement"])
            type_into(dialog.since, "02.07.2026")
            shot(dialog, "place-basement")
            click(ok_button(dialog))

        in_modal(held)
        click(case.move_button)
        settle()

        # He himself called on 19 July at 18:00: proof of life.
        press(case, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        wait_for(lambda: QApplication.activeModalWidget() is not None)
        log = QApplication.activeModalWidget()
        type_into(log.when, "19.07.2026 18:00")
        click(log.direct)
        type_into(log.note, words["call"])
        shot(log, "log-direct-call")
        click(ok_button(log))
        settle(1.0)
        shot(case, "case-after-call")

    elif stage == "move":
        case = open_case()
        press(case, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        wait_for(lambda: QApplication.activeModalWidget() is not None)
        log = QApplication.activeModalWidget()
        type_into(log.when, "24.07.2026")
        click(log.second_hand)
        click(log.transfer)
        type_into(log.note, words["moved"])
        shot(log, "log-second-hand-move")
        click(ok_button(log))
        settle(1.0)
        case.tabs.setCurrentWidget(case.timeline)
        shot(case, "case-timeline")

    elif stage == "first-flag":
        window.show_section(0)
        shot(window, "today")

    elif stage == "second-flag":
        window.show_section(0)
        shot(window, "today")
        case = open_case()
        case.tabs.setCurrentWidget(case.history)
        shot(case, "case-history")
        window.activateWindow()
        window.show_section(1)
        table = window.cases.table
        rect = table.visualRect(table.model().index(0, 1))
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        window.export_action.trigger()
        wait_for(lambda: export_dialog() is not None)
        settle(1.0)
        export = export_dialog()
        click(export.to_people)
        item = export.recipient_list.item(0)
        rect = export.recipient_list.visualItemRect(item)
        QTest.mouseClick(
            export.recipient_list.viewport(), Qt.MouseButton.LeftButton,
            pos=rect.topLeft() + QPoint(10, rect.height() // 2),
        )  # fmt: skip
        press(export.recipient_list, Qt.Key.Key_Space)  # tick the lawyer
        click(export.lawyer_radio)
        wait_for(lambda: export.summary is not None)
        if export.consent_reason.isVisible():  # he is held incommunicado: nobody could ask him
            type_into(export.consent_reason, "Содержится без связи; отец просит адвоката")
        shot(export, "export-for-lawyer")
        target = vault.parent / "for-lawyer.age"

        def save_as(dialog: QWidget) -> None:
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            type_into(name, str(target))
            press(name, Qt.Key.Key_Return)

        in_modal(save_as, QFileDialog)
        click(export.export_button)
        wait_for(lambda: target.exists() and export.done_panel.isVisible(), timeout=120)
        shot(export, "export-done")

    wait_for(lambda: window.save_text() != "" and "…" not in window.save_text(), timeout=60)
    settle(1.0)
    app.lock()
    app.shutdown()
    start.close()
    qt.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--stage", choices=[s for s, _ in DAYS])
    parser.add_argument("--language", choices=sorted(WORDS))
    parser.add_argument("--vault", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.stage:
        run_day(args.stage, args.language, args.vault, args.out)
        return
    for language in [args.language] if args.language else ["ru", "en"]:
        tell(language, args.out)


if __name__ == "__main__":
    main()
