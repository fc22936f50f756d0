"""Settings are generated from the declared specs; backups are listed and can be restored."""

import pytest
from PySide6.QtWidgets import QSpinBox

from casetracker.gui.main_window import SETTINGS, MainWindow
from casetracker.services.settings import SPECS


def test_every_declared_setting_has_an_editor_with_its_limits(window: MainWindow) -> None:
    window.show_section(SETTINGS)
    page = window.settings
    assert set(SPECS) <= set(page.editors)
    spin = page.editors["lost_contact.held_warning_days"]
    assert isinstance(spin, QSpinBox)
    spec = SPECS["lost_contact.held_warning_days"]
    assert (spin.minimum(), spin.maximum()) == (spec.minimum, spec.maximum)
    assert spin.value() == spec.default


def test_saving_thresholds_name_and_auto_lock(window: MainWindow) -> None:
    assert window.session is not None
    ws = window.session.ws
    window.show_section(SETTINGS)
    page = window.settings
    page.editors["autolock_minutes"].setValue(12)  # type: ignore[attr-defined]
    page.editors["caseworker_name"].setText("Анна К.")  # type: ignore[attr-defined]
    page.editors["lost_contact.held_critical_days"].setValue(60)  # type: ignore[attr-defined]
    page.save()
    assert page.message.text().startswith("Settings saved")
    assert ws.settings.get("autolock_minutes") == 12
    assert ws.actor == "Анна К."
    # A higher threshold turns CT-0001's critical lost-contact flag (37 days) into a warning.
    flag = next(f for f in window.session.flags.open_flags() if f.case_ref == "CT-0001"
                and f.rule == "lost_contact")  # fmt: skip
    assert flag.severity.value == "warning"


def test_out_of_range_values_are_refused_in_plain_words(window: MainWindow) -> None:
    page = window.settings
    page.editors["backups_kept"].setValue(0)  # type: ignore[attr-defined]
    # The spin box itself keeps values in range; the declared minimum is the floor.
    assert page.value_of("backups_kept") == SPECS["backups_kept"].minimum


def test_backups_are_listed_and_one_can_be_restored(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.session is not None
    ws = window.session.ws
    before = ws.cases.count()
    ws.cases.create("Временный Случай")
    ws.compact()  # as quitting does: the file replaced is kept (a save only appends)
    window.show_section(SETTINGS)
    page = window.settings
    page.refresh()
    backups = page.backups.records()
    assert backups, "each compaction keeps the previous file"
    page.restore(1)  # the version before the temporary case
    assert ws.cases.count() == before
