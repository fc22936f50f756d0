"""Screenshots of the main screens with demo data, for the README and the docs.

Run under a virtual display so fonts and styles render as on a desktop:

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshots.py [OUT_DIR]

Writes PNG files to docs/screenshots/ (or OUT_DIR). The data is the fictional demo vault, made
in a temporary folder that is deleted afterwards. Windows are grabbed with QWidget.grab(), so no
window manager is needed.

After the English light set, the same script runs itself three more times, because these need
their environment before Qt starts: the dark theme (``CASETRACKER_THEME=dark``), 200 % scaling
(``QT_SCALE_FACTOR=2``, windows as large as a 1920×1080 screen allows at that scale) and the
Russian interface (``CASETRACKER_LANGUAGE=ru``). ``--variant NAME`` runs one of them alone.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("CASETRACKER_KDF_TARGET_MS", "0")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QImageWriter, QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget
from sharing_screenshots import sharing_screens  # beside this script

from casetracker.gui import translation
from casetracker.gui.app import DEMO_PASSPHRASE, make_demo_workspace
from casetracker.gui.main_window import MainWindow
from casetracker.gui.start_window import StartWindow
from casetracker.gui.style import install_style
from casetracker.gui.vault_session import VaultSession

ROOT = Path(__file__).resolve().parents[1]


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    settle()
    widget.grab().save(str(out / f"{name}.png"))
    print(f"{out / name}.png")


def roster_photo() -> bytes:
    """A fictional 'photo of a list of prisoners' (the kind of evidence fathers send)."""
    image = QImage(900, 640, QImage.Format.Format_RGB32)
    image.fill(QColor("#d9d4c7"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRect(90, 40, 720, 560), QColor("#fbfaf5"))
    painter.setPen(QPen(QColor("#c9d3e6"), 1))
    for y in range(120, 580, 34):
        painter.drawLine(110, y, 790, y)
    painter.setPen(QColor("#23305a"))
    font = QFont("DejaVu Serif", 20)
    font.setItalic(True)
    painter.setFont(font)
    painter.drawText(QRect(90, 60, 720, 40), Qt.AlignmentFlag.AlignHCenter, "Список (подвал)")
    font.setPointSize(15)
    painter.setFont(font)
    surnames = (
        "Смирнов А. И.", "Юсупов Р. М.", "Ершов Д. С.", "Бадмаев Б. Ж.", "Цыбиков А. Б.",
        "Монгуш А. О.", "Щербаков С. Ю.", "Фёдоров К. П.", "Доржиев Ч. Б.", "Орлов В. В.",
        "Захаров И. А.", "Санжиев Ж. Б.",
    )  # fmt: skip
    names = [f"{i}. {surname}" for i, surname in enumerate(surnames, start=1)]
    for i, name in enumerate(names):
        painter.drawText(130, 148 + i * 34, name)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"JPG")).write(image)
    return bytes(data.data())


#: Variant → (environment, file-name prefix, main window size, case window size).
VARIANTS: dict[str, tuple[dict[str, str], str, tuple[int, int], tuple[int, int]]] = {
    "dark": ({"CASETRACKER_THEME": "dark"}, "dark", (1360, 820), (1240, 760)),
    # 1920×1080 at 200 %: 960×540 logical pixels, minus the taskbar and the title bar.
    "scaled": ({"QT_SCALE_FACTOR": "2"}, "scaled-200", (960, 500), (960, 500)),
    "russian": ({"CASETRACKER_LANGUAGE": "ru"}, "ru", (1360, 820), (1240, 760)),
}


def variant(out: Path, name: str) -> None:
    """The screens people judge a theme, a scale or a language by, in one variant."""
    _env, prefix, main_size, case_size = VARIANTS[name]
    qt = QApplication(sys.argv)
    install_style(qt)
    translation.install("ru" if name == "russian" else "")
    if name != "russian":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    folder = Path(tempfile.mkdtemp(prefix="ct-shots-"))
    ws = make_demo_workspace(folder)
    ws.actor = "Анна К."
    session = VaultSession(ws, demo=True)
    shot = 18 + 6 * list(VARIANTS).index(name)

    def save_next(widget: QWidget, what: str) -> None:
        nonlocal shot
        save(widget, out, f"{shot:02d}-{prefix}-{what}")
        shot += 1

    try:
        start = StartWindow(folder / "organisation.ctvault")
        start.resize(*(main_size if name == "scaled" else (680, 480)))
        start.show()
        start.show_unlock(folder / "organisation.ctvault", "")
        save_next(start, "unlock")
        start.close()
        window = MainWindow(session)
        window.resize(*main_size)
        window.show()
        window.today.select_flag("lost_contact", "CT-0001")
        save_next(window, "today")
        window.show_section(1)
        window.cases.search.setText("aleksandr")
        window.cases.refresh()
        save_next(window, "cases-search")
        case = ws.cases.get("CT-0001")
        case_window = window.open_case(case.id)
        assert case_window is not None
        case_window.resize(*case_size)
        save_next(case_window, "case-details")
        dialog = case_window.log_contact()
        dialog.direct.setChecked(True)
        dialog.participants.setText("отец говорил с сыном")
        dialog.note.setPlainText("Звонил сам, жив. Говорит, что их держат там же.")
        if name == "scaled":
            dialog.resize(dialog.minimumSizeHint())
        save_next(dialog, "log-a-contact")
        dialog.reject()
        window.show_section(6)
        save_next(window, "settings")
    finally:
        session.close(discard=True)
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    qt = QApplication(sys.argv)
    install_style(qt)
    translation.install("")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    folder = Path(tempfile.mkdtemp(prefix="ct-shots-"))
    ws = make_demo_workspace(folder)
    ws.actor = "Анна К."
    session = VaultSession(ws, demo=True)
    try:
        start = StartWindow(folder / "organisation.ctvault")
        start.resize(680, 480)
        start.show()
        start.show_unlock(folder / "organisation.ctvault")
        save(start, out, "01-unlock")
        start.show_create()
        start.create_page.passphrase.setText("river candle orbit seventy")
        start.create_page.repeat.setText("river candle orbit seventy")
        save(start, out, "02-create-vault")
        start.close()

        window = MainWindow(session)
        window.resize(1360, 820)
        window.show()
        window.today.select_flag("lost_contact", "CT-0001")
        save(window, out, "03-today")
        window.show_section(1)
        window.cases.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        save(window, out, "04-cases")
        window.cases.search.setText("smirnov")
        window.cases.refresh()
        save(window, out, "05-cases-search-latin-finds-cyrillic")
        window.cases.search.setText("")
        window.cases.refresh()
        window.show_section(2)
        save(window, out, "06-places")
        window.show_section(3)
        save(window, out, "07-people")
        window.show_section(4)
        window.sources.table.selectRow(0)
        save(window, out, "08-sources")
        window.show_section(5)
        save(window, out, "09-reports")
        window.show_section(6)
        save(window, out, "10-settings")

        case = ws.cases.get("CT-0001")
        case_window = window.open_case(case.id)
        assert case_window is not None
        case_window.resize(1240, 760)
        save(case_window, out, "11-case-details")
        case_window.tabs.setCurrentWidget(case_window.timeline)
        save(case_window, out, "12-case-timeline")
        case_window.tabs.setCurrentWidget(case_window.evidence)
        case_window.evidence.sources.clearSelection()
        case_window.evidence.sources.setCurrentIndex(
            case_window.evidence.sources.source_model.index(-1, -1)
        )
        case_window.evidence.attach_bytes(roster_photo(), "spisok-podval.jpg")
        case_window.evidence.attachments.selectRow(0)
        save(case_window, out, "13-case-evidence-viewer")
        case_window.tabs.setCurrentWidget(case_window.relatives)
        save(case_window, out, "14-case-relatives")
        dialog = case_window.log_contact()
        dialog.direct.setChecked(True)
        dialog.participants.setText("отец говорил с сыном")
        dialog.note.setPlainText("Звонил сам, жив. Говорит, что их держат там же.")
        save(dialog, out, "15-log-a-contact")
        dialog.submit()
        case_window.tabs.setCurrentWidget(case_window.contacts)
        save(case_window, out, "16-case-after-logging-a-call")
        window.today.refresh()
        window.show_section(0)
        save(window, out, "17-today-after-the-call")
        sharing_screens(window, session, folder, out)  # 40–47: scripts/sharing_screenshots.py
        print(f"done at {datetime.now():%H:%M}; demo passphrase: {DEMO_PASSPHRASE}")
    finally:
        session.close(discard=True)
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Screenshots of Casetracker with demo data.")
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--variant", choices=sorted(VARIANTS), help="only this variant")
    args = parser.parse_args()
    if args.variant:
        variant(args.out, args.variant)
    else:
        main(args.out)
        for name, (env, *_rest) in VARIANTS.items():
            subprocess.run(
                [sys.executable, __file__, str(args.out), "--variant", name],
                env={**os.environ, **env},
                check=True,
            )
