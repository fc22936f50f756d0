"""The Today model: flags grouped worst first, a consistent Qt item model, rows found directly."""

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from casetracker.gui.models.flag_tree import FLAG_ROLE, FlagTreeModel
from casetracker.gui.vault_session import VaultSession
from casetracker.rules.flag import Severity


def _filled(session: VaultSession) -> FlagTreeModel:
    model = FlagTreeModel()
    cases = {row.id: row for row in session.ws.cases.rows()}
    model.set_flags(session.flags.open_flags(), cases)
    return model


def test_the_model_passes_qts_own_consistency_checks(
    demo_session: VaultSession, qtmodeltester: Any
) -> None:
    model = _filled(demo_session)
    qtmodeltester.check(model, force_py=True)
    model.clear_flags()
    qtmodeltester.check(model, force_py=True)


def test_groups_hold_their_flags_in_order_with_texts_made_on_demand(
    demo_session: VaultSession,
) -> None:
    flags = demo_session.flags.open_flags()
    model = _filled(demo_session)
    seen = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        assert not model.parent(group).isValid()
        label = group.data()
        members = [model.index(r, 0, group) for r in range(model.rowCount(group))]
        assert label.endswith(f"({len(members)})")
        for index in members:
            assert model.parent(index) == group
            flag = index.data(FLAG_ROLE)
            seen.append(flag)
            assert index.siblingAtColumn(0).data() in (flag.case_ref, flag.facility_name)
            assert index.siblingAtColumn(3).data(Qt.ItemDataRole.TextAlignmentRole)
            assert index.data(Qt.ItemDataRole.ToolTipRole) == flag.message
    assert seen == [f for s in (Severity.CRITICAL, Severity.WARNING, Severity.INFO)
                    for f in flags if f.severity is s]  # fmt: skip


def test_find_goes_straight_to_a_flag_row(demo_session: VaultSession) -> None:
    model = _filled(demo_session)
    found = model.find("lost_contact", "CT-0001")
    assert found.isValid()
    flag = model.flag_at(found)
    assert flag is not None and (flag.rule, flag.case_ref) == ("lost_contact", "CT-0001")
    first = model.find()
    assert model.flag_at(first) == model.index(0, 0, model.index(0, 0)).data(FLAG_ROLE)
    assert model.find("lost_contact", "no such case") == QModelIndex()
