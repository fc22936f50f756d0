"""A session closed on a worker thread must not undo another thread's unit of work.

All sessions of a vault share one SQLite connection; closing a session rolls its connection
back. A report or an export reading on a worker, finishing while the GUI thread is between
the flush and the commit of an edit, used to undo that edit silently.
"""

from __future__ import annotations

import threading

from sqlmodel import select

from casetracker.model import Case
from casetracker.services.workspace import Workspace


def _read_on_a_worker(ws: Workspace) -> None:
    def read() -> None:
        with ws.reading() as session:
            session.exec(select(Case)).all()

    worker = threading.Thread(target=read)
    worker.start()
    worker.join()


def test_a_worker_session_closing_mid_edit_leaves_the_edit(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    with ws.session() as session:
        case = session.exec(select(Case)).one()
        case.notes = "звонила мать"
        session.add(case)
        session.flush()  # written to the connection, not yet committed
        _read_on_a_worker(ws)  # its session closes here: a rollback on the shared connection
    with ws.reading() as session:
        assert session.exec(select(Case)).one().notes == "звонила мать"


def test_a_units_own_failure_still_rolls_it_back(ws: Workspace) -> None:
    ws.cases.create("Зайцев Олег Игоревич")
    try:
        with ws.session() as session:
            case = session.exec(select(Case)).one()
            case.notes = "не сохранится"
            session.add(case)
            session.flush()
            raise RuntimeError("the action failed")
    except RuntimeError:
        pass
    with ws.reading() as session:
        assert session.exec(select(Case)).one().notes == ""
