"""Where uncertain dates are read: the case list (in words, sorted by the earliest day), the
timeline, the contacts and allegations tabs and the case window's header."""

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.gui.main_window import MainWindow
from casetracker.gui.models.case_table import CaseTableModel
from casetracker.gui.views.case.timeline_tab import entry_date_text
from casetracker.model import AllegationKind, CaseStatus
from casetracker.model.uncertain_date import UncertainDate
from casetracker.services.timeline import case_timeline
from casetracker.services.workspace import Workspace
from tests.gui.keyboard import new_case_window, show_tab, vault_of

JULY = UncertainDate.month(2024, 7, approximate=True)
FIRST_WEEK = UncertainDate.between(date(2024, 7, 1), date(2024, 7, 8))


def test_case_list_words_the_detention_and_sorts_by_its_earliest_day(
    qtbot: QtBot, ws: Workspace
) -> None:
    ws.cases.create("A", detention_date=date(2024, 7, 3))
    ws.cases.create("B", detention_date=JULY)
    ws.cases.create("C")
    ws.cases.create("D", detention_date=UncertainDate.before(date(2024, 6, 30)))
    model = CaseTableModel()
    model.set_rows(ws.cases.rows())
    column = model.columns.index("detained")
    shown = {
        model.index(r, 1).data(): model.index(r, column).data() for r in range(model.rowCount())
    }
    assert shown == {
        "A": "03.07.2024",
        "B": "about July 2024",
        "C": "—",
        "D": "before 30 June 2024",
    }
    # A long range may be cut short in a narrow column: the tooltip says it whole.
    (row_b,) = [r for r in range(model.rowCount()) if model.index(r, 1).data() == "B"]
    assert model.index(row_b, column).data(Qt.ItemDataRole.ToolTipRole) == "about July 2024"
    model.sort(column, Qt.SortOrder.AscendingOrder)
    order = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert order == ["D", "B", "A", "C"]  # July's earliest day (1st) comes before the 3rd


def test_timeline_contacts_and_allegations_show_words(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    case_window = new_case_window(qtbot, main_window)
    ws = vault_of(main_window)
    ws.cases.set_status(case_window.case_id, CaseStatus.RELEASED, on=JULY)
    ws.contacts.log(case_window.case_id, FIRST_WEEK, direct=True)
    ws.evidence.add_allegation(
        next(iter(AllegationKind)), [case_window.case_id], occurred_on=UncertainDate.year(2023)
    )
    words = {entry_date_text(e) for e in case_timeline(ws, case_window.case_id)}
    assert {"about July 2024", "between 1 and 8 July 2024", "2023"} <= words

    case_window.refresh()
    assert case_window.status_since.text() == "(about July 2024)"
    # Heard himself some day that week: counted from its first day, said as known.
    assert case_window.proof.text().endswith("days ago (between 1 and 8 July 2024)")
    show_tab(case_window, case_window.contacts)
    table = case_window.contacts.table
    assert table.model().index(0, 0).data(Qt.ItemDataRole.DisplayRole) == (
        "between 1 and 8 July 2024"
    )


def test_a_bundle_conflict_on_a_date_code_reads_in_words(qtbot: QtBot) -> None:
    from casetracker.gui.labels import field_value
    from casetracker.model.labels import field_label

    assert field_label("detention_date_edtf") == "detention date — how exact"
    assert field_value("Case", "detention_date_edtf", "2024-07~") == "about July 2024"
    assert field_value("Case", "detention_date_edtf", "") == "—"
