"""The Today model: one row per man, worst first, consistent for Qt, rows found directly."""

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from casetracker.gui.models.flag_tree import FLAG_ROLE, FlagTreeModel
from casetracker.gui.vault_session import VaultSession


def _filled(session: VaultSession) -> FlagTreeModel:
    model = FlagTreeModel()
    cases = {row.id: row for row in session.ws.cases.rows()}
    model.set_subjects(session.flags.open_by_subject(), cases)
    return model


def test_the_model_passes_qts_own_consistency_checks(
    demo_session: VaultSession, qtmodeltester: Any
) -> None:
    model = _filled(demo_session)
    qtmodeltester.check(model, force_py=True)
    model.clear_flags()
    qtmodeltester.check(model, force_py=True)


def test_each_man_is_one_row_with_his_other_flags_as_children(
    demo_session: VaultSession,
) -> None:
    model = _filled(demo_session)
    shown = []
    for top in range(model.rowCount()):
        row = model.index(top, 0)
        assert not model.parent(row).isValid()
        children = [model.index(r, 0, row) for r in range(model.rowCount(row))]
        assert all(model.parent(child) == row for child in children)
        shown.append(row.data(FLAG_ROLE))
        shown.extend(child.data(FLAG_ROLE) for child in children)
    assert sorted(map(id, shown)) == sorted(map(id, demo_session.flags.open_flags()))
    subjects = [model.index(r, 0).data(FLAG_ROLE).subject for r in range(model.rowCount())]
    assert len(subjects) == len(set(subjects)), "a man appears on one row only"


def test_find_goes_straight_to_a_flag_row_or_child(demo_session: VaultSession) -> None:
    model = _filled(demo_session)
    found = model.find("lost_contact", "CT-0001")
    assert found.isValid()
    flag = model.flag_at(found)
    assert flag is not None and (flag.rule, flag.case_ref) == ("lost_contact", "CT-0001")
    entry = next(e for e in model.subjects if e.others)
    other = entry.others[-1]
    child = model.find(other.rule, other.subject)
    assert model.parent(child).isValid() and model.flag_at(child) == other
    assert model.flag_at(model.find()) == model.index(0, 0).data(FLAG_ROLE)
    assert model.find("lost_contact", "no such case") == QModelIndex()


def test_only_a_man_with_other_flags_may_have_children(demo_session: VaultSession) -> None:
    """The view lays out every row to size its columns; a row that says it never has children
    is not asked to count them."""
    model = _filled(demo_session)
    never = Qt.ItemFlag.ItemNeverHasChildren
    rows = [model.index(top, 0) for top in range(model.rowCount())]
    assert any(model.rowCount(row) for row in rows) and not all(model.rowCount(r) for r in rows)
    for row in rows:
        assert bool(model.flags(row) & never) == (model.rowCount(row) == 0)
        for child in range(model.rowCount(row)):
            assert model.flags(model.index(child, 0, row)) & never
