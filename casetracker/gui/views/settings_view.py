"""Settings, generated from the declared settings (``casetracker.services.settings.SPECS``).

General settings first (who you are, language, auto-lock, backups kept), then every rule
threshold, each with its own label and limits. Below them: Security (change the passphrase, a new
recovery key), Team (views/team_settings.py), and the encrypted backups beside the vault, with
restore.
"""

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import caseworker_name, style
from casetracker.gui.dialogs.vault_key_dialogs import ChangePassphraseDialog, NewRecoveryKeyDialog
from casetracker.gui.error_messages import error_text
from casetracker.gui.locale_format import datetime_text, size_text
from casetracker.gui.models.column_table import Column
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.views.letter_templates_box import LetterTemplatesBox
from casetracker.gui.views.team_settings import TeamSettingsBox
from casetracker.gui.widgets.form_parts import error_label, show_message
from casetracker.gui.widgets.record_table import RecordTable
from casetracker.model.request_labels import request_kind_label
from casetracker.rules.thresholds import REQUEST_REPLY_DAYS
from casetracker.services import backup_restore, preferences
from casetracker.services.settings import SPECS, SettingSpec
from casetracker.storage.backups import BackupInfo


def setting_label(spec: SettingSpec) -> str:
    return QCoreApplication.translate("settings", spec.label)


class SettingsView(QWidget):
    restored = Signal()
    settings_saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        self.editors: dict[str, QWidget] = {}
        title = QLabel(self.tr("Settings"), self)
        style.set_role(title, "title")
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        general = QGroupBox(self.tr("General"), content)
        general_form = QFormLayout(general)
        for key in preferences.GENERAL_KEYS:
            if key == preferences.CASEWORKER_NAME:
                self._own_name_rows(general_form, general)
                continue
            general_form.addRow(setting_label(SPECS[key]), self._editor(SPECS[key], general))
        rules = QGroupBox(self.tr("When the rules raise flags"), content)
        rules_form = QFormLayout(rules)
        reply_keys = {t.key for t in REQUEST_REPLY_DAYS.values()}
        for key in preferences.THRESHOLD_KEYS:
            if key in SPECS and key not in reply_keys:
                rules_form.addRow(setting_label(SPECS[key]), self._editor(SPECS[key], rules))
        content_layout.addWidget(general)
        content_layout.addWidget(rules)
        content_layout.addWidget(self._reply_days_box(content))
        others = preferences.other_keys()
        if others:
            more = QGroupBox(self.tr("Other"), content)
            more_form = QFormLayout(more)
            for key in others:
                more_form.addRow(setting_label(SPECS[key]), self._editor(SPECS[key], more))
            content_layout.addWidget(more)
        self.save_button = QPushButton(self.tr("Save settings"), content)
        style.set_role(self.save_button, "primary")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(content)
        self.message.setWordWrap(True)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addWidget(self.save_button)
        content_layout.addLayout(save_row)
        self.letters = LetterTemplatesBox(content)
        content_layout.addWidget(self.letters)
        content_layout.addWidget(self._security_box(content))
        self.team = TeamSettingsBox(content)
        content_layout.addWidget(self.team)

        backups = QGroupBox(self.tr("Encrypted backups beside the vault"), content)
        self.backups: RecordTable[BackupInfo] = RecordTable(
            [
                Column(self.tr("No."), lambda b: str(b.number), sort=lambda b: b.number),
                Column(
                    self.tr("Saved"),
                    lambda b: datetime_text(b.mtime.replace(tzinfo=None)),
                    sort=lambda b: b.mtime.timestamp(),
                ),
                Column(
                    self.tr("Kind"),
                    lambda b: self.tr("daily") if b.kind == "daily" else self.tr("recent version"),
                ),
                Column(self.tr("Size"), lambda b: size_text(b.size), sort=lambda b: b.size),
            ],
            backups,
            stretch_column=1,
        )
        self.backups.setMinimumHeight(160)
        self.restore_button = QPushButton(self.tr("Restore selected backup…"), backups)
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_message = error_label(backups)
        hint = QLabel(
            self.tr(
                "Restoring replaces the current data with the backup. The current state is "
                "kept as a backup first, so a restore can itself be undone."
            ),
            backups,
        )
        hint.setWordWrap(True)
        style.set_role(hint, "hint")
        backups_layout = QVBoxLayout(backups)
        backups_layout.addWidget(hint)
        backups_layout.addWidget(self.backups)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.backup_message, 1)
        restore_row.addStretch(1)
        restore_row.addWidget(self.restore_button)
        backups_layout.addLayout(restore_row)
        content_layout.addWidget(backups)
        content_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)

    def _own_name_rows(self, form: QFormLayout, parent: QWidget) -> None:
        """The caseworker's own name: kept for this computer's user, not for the whole vault."""
        label = self.tr("Your name (recorded in History)")
        editor = self._editor(SPECS[preferences.CASEWORKER_NAME], parent)
        editor.setAccessibleName(label)
        form.addRow(label, editor)
        hint = QLabel(
            self.tr(
                "Kept for you, the user of this computer: each person who opens this vault "
                "from their own account is recorded under their own name. Empty: your "
                "account's user name."
            ),
            parent,
        )
        hint.setWordWrap(True)
        style.set_role(hint, "hint")
        form.addRow(hint)

    def _reply_days_box(self, parent: QWidget) -> QGroupBox:
        """Days each kind of body has to reply to a request (rule ``unanswered_request``)."""
        box = QGroupBox(self.tr("Days an official body has to reply to a request"), parent)
        form = QFormLayout(box)
        hint = QLabel(
            self.tr(
                "Counted from the day the request was sent; a request still without a reply "
                "the day after is flagged. 30 days is the term of the law on citizens' appeals "
                "(59-FZ, art. 12); the Red Cross and the ombudsman have no fixed term, so "
                "their numbers are from practice."
            ),
            box,
        )
        hint.setWordWrap(True)
        style.set_role(hint, "hint")
        form.addRow(hint)
        for kind, threshold in REQUEST_REPLY_DAYS.items():
            form.addRow(request_kind_label(kind), self._editor(SPECS[threshold.key], box))
        return box

    def _security_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Security"), parent)
        hint = QLabel(
            self.tr(
                "The passphrase opens the vault every day. The recovery key opens it when the "
                "passphrase is forgotten; keep it on paper, away from this laptop."
            ),
            box,
        )
        hint.setWordWrap(True)
        style.set_role(hint, "hint")
        self.change_passphrase_button = QPushButton(self.tr("Change passphrase…"), box)
        self.change_passphrase_button.clicked.connect(self.change_passphrase)
        self.recovery_key_button = QPushButton(self.tr("New recovery key…"), box)
        self.recovery_key_button.clicked.connect(self.new_recovery_key)
        self.security_message = error_label(box)
        style.set_role(self.security_message, "ok")
        row = QHBoxLayout()
        row.addWidget(self.change_passphrase_button)
        row.addWidget(self.recovery_key_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.security_message)
        return box

    def change_passphrase(self) -> ChangePassphraseDialog | None:
        if self.session is None:
            return None
        dialog = ChangePassphraseDialog(self.session, self)
        dialog.accepted.connect(
            lambda: show_message(
                self.security_message,
                self.tr("The passphrase was changed. The recovery key still works."),
            )
        )
        dialog.open()
        return dialog

    def new_recovery_key(self) -> NewRecoveryKeyDialog | None:
        if self.session is None:
            return None
        dialog = NewRecoveryKeyDialog(self.session, self)
        dialog.accepted.connect(
            lambda: show_message(
                self.security_message,
                self.tr("A new recovery key was made; the old one no longer opens the vault."),
            )
        )
        dialog.open()
        return dialog

    def _editor(self, spec: SettingSpec, parent: QWidget) -> QWidget:
        editor: QWidget
        if spec.key == preferences.LANGUAGE:
            combo = QComboBox(parent)
            combo.addItem(self.tr("As the system"), "")
            combo.addItem("English", "en")
            combo.addItem("Русский", "ru")
            combo.setMaximumWidth(260)
            editor = combo
        elif spec.type is bool:
            editor = QCheckBox(parent)
        elif spec.type is int:
            spin = QSpinBox(parent)
            spin.setRange(spec.minimum if spec.minimum is not None else 0,
                          spec.maximum if spec.maximum is not None else 1_000_000)  # fmt: skip
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setMaximumWidth(140)
            editor = spin
        else:
            editor = QLineEdit(parent)
        editor.setObjectName(f"setting:{spec.key}")
        editor.setAccessibleName(setting_label(spec))
        self.editors[spec.key] = editor
        return editor

    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        self.letters.set_session(session)
        self.team.set_session(session)
        self.message.clear()
        show_message(self.security_message, "")
        if session is None:
            self.backups.clear()
            for editor in self.editors.values():
                if isinstance(editor, QLineEdit):
                    editor.clear()
        else:
            self.refresh()

    def refresh(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        self.letters.set_session(self.session)
        self.team.session = self.session
        self.team.refresh()
        values = self.session.ws.settings.all()
        for key, editor in self.editors.items():
            value = values.get(key, SPECS[key].default)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, QLineEdit):
                editor.setText(str(value))
        own = caseworker_name.own_name(self.session.ws, self.session.app_settings)
        self.editors[preferences.CASEWORKER_NAME].setText(own)  # type: ignore[attr-defined]
        self.backups.set_records(backup_restore.backups(self.session.ws))

    def value_of(self, key: str) -> Any:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def save(self) -> None:
        if self.session is None:
            return
        ws = self.session.ws
        current = ws.settings.all()
        own_settings = self.session.app_settings
        try:
            for key in self.editors:
                value = self.value_of(key)
                if key != preferences.CASEWORKER_NAME and current.get(key) != value:
                    ws.settings.set(key, value)
            name = self.value_of(preferences.CASEWORKER_NAME)
            if name != caseworker_name.own_name(ws, own_settings):
                ws.actor = caseworker_name.save_own_name(ws, own_settings, name)
        except Exception as exc:
            self.message.setText(error_text(exc))
            style.set_role(self.message, "error")
            return
        language_changed = current.get(preferences.LANGUAGE) != self.value_of(preferences.LANGUAGE)
        text = self.tr("Settings saved.")
        if language_changed:
            text += " " + self.tr("The new language applies the next time you unlock.")
        self.message.setText(text)
        style.set_role(self.message, "ok")
        self.session.committed()
        self.settings_saved.emit()

    def restore_selected(self) -> None:
        if self.session is None:
            return
        backup = self.backups.current_record()
        if backup is None:
            show_message(self.backup_message, self.tr("Select the backup to restore."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore this backup?"),
            self.tr("The data will go back to how it was on %1. Continue?").replace(
                "%1", datetime_text(backup.mtime.replace(tzinfo=None))
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore(backup.number)

    def restore(self, number: int) -> None:
        assert self.session is not None
        self.session.saver.stop()
        try:
            backup_restore.restore(self.session.ws, number)
        except Exception as exc:
            show_message(self.backup_message, error_text(exc))
            return
        finally:
            self.session.saver.resume()
        show_message(self.backup_message, "")
        self.session.undo_stack.clear()
        self.restored.emit()
        self.session.committed()
