"""Cases search, typed: men found by name come first; the others say where they were found."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from casetracker.gui.main_window import CASES, MainWindow
from casetracker.gui.models.case_table import CaseTableModel
from casetracker.gui.views.cases_view import CasesView

FOUND = len(CaseTableModel.COLUMNS)  # the "Found in" column, there while a search is typed


def _open_cases(window: MainWindow) -> CasesView:
    nav = window.nav
    rect = nav.visualItemRect(nav.item(CASES))
    QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.cases
    return window.cases


def _type(view: CasesView, qtbot: QtBot, text: str) -> list[tuple[str, str, str]]:
    """Click into the search box, replace what is there by ``text``; (ref, name, found in)."""
    QTest.mouseClick(view.search, Qt.MouseButton.LeftButton)
    qtbot.keyClick(view.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.search, Qt.Key.Key_Backspace)
    if text:
        QTest.keyClicks(view.search, text)
    qtbot.waitUntil(lambda: not view._debounce.isActive(), timeout=2000)
    model = view.table.model()
    columns = model.columnCount()
    return [
        (
            model.index(r, 0).data(),
            model.index(r, 1).data(),
            model.index(r, FOUND).data() if columns > FOUND else "",
        )
        for r in range(model.rowCount())
    ]


def _brianka_story(window: MainWindow) -> dict[str, str]:
    """Beside the demo's men held in Brianka: one named so, one whose note and one whose
    unit says it."""
    assert window.session is not None
    cases = window.session.ws.cases
    named = cases.create("Брянцев Олег Петрович").ref
    noted = cases.create(
        "Яковлев Пётр", notes="Сослуживец видел его в Брянке у комендатуры в июле, жив."
    ).ref
    unit = cases.create("Орлов Никита", military_unit="Брянский полк").ref
    window.session.committed()
    return {"named": named, "noted": noted, "unit": unit}


def test_name_matches_come_first_and_the_others_say_where(window: MainWindow, qtbot: QtBot) -> None:
    refs = _brianka_story(window)
    view = _open_cases(window)
    rows = _type(view, qtbot, "bryan")  # Latin finds Cyrillic
    found = [ref for ref, _name, _where in rows]
    assert found[0] == refs["named"] and rows[0][2] == ""
    held_at = [ref for ref, _name, where in rows if where.startswith("place: ")]
    assert found[1:3] == [refs["noted"], refs["unit"]] and found[3:] == held_at
    where = {ref: text for ref, _name, text in rows}
    assert where[refs["unit"]] == "unit: Брянский полк"
    assert where[refs["noted"]].startswith("note: ") and "в Брянке" in where[refs["noted"]]
    held = [text for ref, _name, text in rows if ref not in refs.values()]
    assert held and all(text.startswith("place: ") and "Брянка" in text for text in held)
    assert view.table.horizontalHeader().sortIndicatorSection() == FOUND


def test_clearing_the_search_gives_back_the_list_as_it_was_sorted(
    window: MainWindow, qtbot: QtBot
) -> None:
    _brianka_story(window)
    view = _open_cases(window)
    before = [ref for ref, _n, _w in _type(view, qtbot, "")]
    assert before == sorted(before)
    _type(view, qtbot, "bryan")
    after = _type(view, qtbot, "")
    assert [ref for ref, _n, _w in after] == before
    assert view.table.model().columnCount() == FOUND  # no "Found in" without a search


def test_a_column_clicked_while_searching_keeps_its_order(window: MainWindow, qtbot: QtBot) -> None:
    _brianka_story(window)
    view = _open_cases(window)
    _type(view, qtbot, "bryan")
    header = view.table.horizontalHeader()
    name_x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(name_x, header.height() // 2)
    )
    rows = _type(view, qtbot, "bryank")
    names = [name for _ref, name, _w in rows]
    assert names == sorted(names, key=str.casefold)
    assert header.sortIndicatorSection() == 1
