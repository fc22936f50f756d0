"""The History tab shows, beside the recorded name, the team member who signed a change."""

from pytestqt.qtbot import QtBot
from sqlmodel import select

from casetracker.gui.main_window import MainWindow
from casetracker.model import AuditEntry, TeamAuthorship, TeamState
from casetracker.services.workspace import Workspace
from casetracker.team.chain import Member, MemberList
from tests.gui.by_hand import open_first_case
from tests.gui.keyboard import show_tab


def _as_if_synced(ws: Workspace) -> None:
    """A vault in a team whose case edit came in a change set Boris signed (the chain's
    checks are the team tests' business: here only what History makes of the result)."""
    ws.cases.create("Смирнов Максим")
    ws.actor = "borya"
    ws.cases.update("CT-0001", lawyer="Кузнецов")
    boris = Member("r_boris", "Борис Смирнов", b"\x01" * 32, b"\x02" * 32, False)
    members = MemberList(b"\x00" * 16, 1, 1, (boris,))
    with ws.session() as session:
        edit = session.exec(select(AuditEntry).where(AuditEntry.actor == "borya")).one()
        session.add(
            TeamState(
                team_id="00" * 16,
                prefix="t",
                dsn="",
                role="r_anna",
                password="",
                signing_key=b"",
                box_key=b"",
                members=members.encode().decode(),
            )
        )
        session.add(TeamAuthorship(entry_id=edit.id.hex, seq=2, author_role="r_boris"))


def test_the_who_column_names_the_signer(main_window: MainWindow, qtbot: QtBot) -> None:
    assert main_window.session is not None
    _as_if_synced(main_window.session.ws)
    main_window.session.committed()
    case_window = open_first_case(main_window)
    tab = case_window.history
    show_tab(case_window, tab)
    model = tab.table.model()
    who = {str(model.index(row, 1).data()) for row in range(model.rowCount())}
    assert "borya (signed by Борис Смирнов)" in who
    assert "tester" in who  # not from the team: the recorded name alone
