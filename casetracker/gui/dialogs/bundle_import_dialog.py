"""Open a bundle: decrypt, check, show who signed it, preview the merge, settle conflicts, import.

Opening runs off the GUI thread and trusts nothing until every check passed (see
``sharing/bundle.py``); a refused file is named with what failed and nothing is imported. The
signer is shown by fingerprint and, when known, by name — a person compares the fingerprint
with the sender. The preview is the merge itself, done and rolled back, so it says exactly
what importing would add, update or leave out; importing the same file twice changes nothing
and the preview says so. Records both sides changed are listed side by side, field by field,
with a choice for each (keep ours, the default, or take theirs); they are settled right after
the import, which never overwrites them by itself. A file from a signer who is neither this
organisation nor in the address book is previewed like any other, but "Import" first asks
whether its fingerprint was compared with the sender (``UnknownSignerDialog``).
"""

import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casetracker.gui import file_dialogs
from casetracker.gui.dialogs.unknown_signer_dialog import UnknownSignerDialog
from casetracker.gui.labels import field_label, field_value
from casetracker.gui.locale_format import date_text, datetime_text
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import error_label, fit_to_screen, show_message
from casetracker.gui.widgets.sharing_parts import BusyBar, job_error_text
from casetracker.model.consent_labels import profile_short_label
from casetracker.model.labels import counts_text, record_kind_label
from casetracker.services.bundle_merge import Choice, Conflict, MergeReport
from casetracker.sharing.bundle import MAX_BUNDLE_BYTES, OpenedBundle
from casetracker.sharing.bundle_schema import ANONYMISED, BY_KEY, LAWYER, MERGEABLE
from casetracker.sharing.errors import BundleDecryptError, BundleTampered

ConflictKey = tuple[str, uuid.UUID]


def value_text(entity: str, name: str, value: Any) -> str:
    """A value of a bundle record as people read it (statuses by label, dates as dates)."""
    if isinstance(value, datetime):
        return datetime_text(value)
    if isinstance(value, date):
        return date_text(value)
    spec = BY_KEY.get(entity)
    return field_value(spec.model.__name__ if spec is not None else entity, name, value)


def capitalised(label: str) -> str:
    return label[:1].upper() + label[1:]


def local_time(utc: datetime) -> datetime:
    """A bundle's creation time (UTC, as written in the manifest) on this computer's clock."""
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class BundleImportDialog(QDialog):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.bundle: OpenedBundle | None = None
        self.preview: MergeReport | None = None
        self.applied: MergeReport | None = None
        self.choices: dict[ConflictKey, Choice] = {}
        # The signer's name here ("" when unknown: importing then asks first).
        self.known_as = ""
        # Application-modal: a job shares the vault's one database with the GUI thread.
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("Open a bundle"))
        fit_to_screen(self, 900, 640)  # may shrink (200 %)

        # The file and how to open it ----------------------------------------------------
        self.open_area = QWidget(self)
        self.file_field = QLineEdit(self.open_area)
        self.file_field.setReadOnly(True)
        self.file_field.setAccessibleName(self.tr("Bundle file"))
        self.file_field.setPlaceholderText(self.tr("An encrypted file (.age) from a partner"))
        self.choose_button = QPushButton(self.tr("Choose file…"), self.open_area)
        self.choose_button.setAccessibleName(self.tr("Choose the bundle file"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_field, 1)
        file_row.addWidget(self.choose_button)
        self.with_key = QRadioButton(
            self.tr("With this organisation's key (the sender made it for us)"), self.open_area
        )
        self.with_passphrase = QRadioButton(self.tr("With a passphrase:"), self.open_area)
        self.how = QButtonGroup(self)
        self.how.addButton(self.with_key)
        self.how.addButton(self.with_passphrase)
        self.with_key.setChecked(True)
        self.passphrase = QLineEdit(self.open_area)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("The file's passphrase"))
        self.passphrase.setPlaceholderText(self.tr("the passphrase the sender told you"))
        self.passphrase.textEdited.connect(lambda _t: self.with_passphrase.setChecked(True))
        self.open_button = QPushButton(self.tr("Open and check"), self.open_area)
        self.open_button.setAccessibleName(self.tr("Open and check the bundle"))
        set_role(self.open_button, "primary")
        self.open_button.clicked.connect(self.open_chosen)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.with_passphrase)
        secret_row.addWidget(self.passphrase, 1)
        secret_row.addWidget(self.open_button)
        open_form = QFormLayout(self.open_area)
        open_form.setContentsMargins(0, 0, 0, 0)
        open_form.addRow(self.tr("File"), file_row)
        open_form.addRow(self.tr("Open it"), self.with_key)
        open_form.addRow("", secret_row)

        # The check ---------------------------------------------------------------------
        self.check_panel = QFrame(self)
        set_role(self.check_panel, "panel")
        # What the panel shows comes from the file or its error: plain text, never markup.
        self.check_text = QLabel(self.check_panel)
        self.check_text.setWordWrap(True)
        self.check_text.setTextFormat(Qt.TextFormat.PlainText)
        self.check_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signer_fingerprint = QLabel(self.check_panel)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setPointSize(max(fixed.pointSize(), 12))
        fixed.setBold(True)
        self.signer_fingerprint.setFont(fixed)
        self.signer_fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.signer_fingerprint.setAccessibleName(self.tr("Signer's fingerprint"))
        self.signer_name = QLabel(self.check_panel)
        self.signer_name.setWordWrap(True)
        self.signer_name.setTextFormat(Qt.TextFormat.PlainText)
        self.made = QLabel(self.check_panel)
        self.made.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.made, "hint")
        self.signer_block = QWidget(self.check_panel)
        signer_form = QFormLayout(self.signer_block)
        signer_form.setContentsMargins(0, 0, 0, 0)
        signer_form.addRow(self.tr("Signed by"), self.signer_fingerprint)
        signer_form.addRow("", self.signer_name)
        signer_form.addRow("", self.made)
        self.preview_text = QLabel(self.check_panel)
        self.preview_text.setWordWrap(True)
        self.preview_text.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Reachable with Tab, so the verdict can be read by keyboard and screen reader.
        for label, name in ((self.check_text, self.tr("Result of the check")),
                            (self.preview_text, self.tr("What importing would do"))):  # fmt: skip
            label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            label.setAccessibleName(name)
        check_layout = QVBoxLayout(self.check_panel)
        check_layout.addWidget(self.check_text)
        check_layout.addWidget(self.signer_block)
        check_layout.addWidget(self.preview_text)
        self.signer_block.hide()
        self.check_panel.hide()

        # Conflicts ---------------------------------------------------------------------
        self.conflicts_box = QGroupBox(self.tr("Changed on both sides: choose which to keep"), self)
        self.conflict_list = QListWidget(self.conflicts_box)
        self.conflict_list.setAccessibleName(self.tr("Records changed on both sides"))
        self.conflict_list.setWordWrap(True)
        self.conflict_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.conflict_list.currentRowChanged.connect(self._show_conflict)
        self.diff_table = QTableWidget(0, 3, self.conflicts_box)
        self.diff_table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("In this vault (ours)"), self.tr("In the file (theirs)")]
        )
        self.diff_table.setAccessibleName(self.tr("The differences, field by field"))
        self.diff_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff_table.setWordWrap(True)
        self.diff_table.verticalHeader().hide()
        header = self.diff_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keep_ours = QRadioButton(self.tr("Keep ours"), self.conflicts_box)
        self.take_theirs = QRadioButton(self.tr("Take theirs"), self.conflicts_box)
        self.decision = QButtonGroup(self)
        self.decision.addButton(self.keep_ours)
        self.decision.addButton(self.take_theirs)
        self.keep_ours.toggled.connect(self._decided)
        self.all_ours = QPushButton(self.tr("Keep ours for all"), self.conflicts_box)
        self.all_theirs = QPushButton(self.tr("Take theirs for all"), self.conflicts_box)
        self.all_ours.clicked.connect(lambda: self.choose_all(Choice.OURS))
        self.all_theirs.clicked.connect(lambda: self.choose_all(Choice.THEIRS))
        decision_row = QHBoxLayout()
        decision_row.addWidget(self.keep_ours)
        decision_row.addWidget(self.take_theirs)
        decision_row.addStretch(1)
        decision_row.addWidget(self.all_ours)
        decision_row.addWidget(self.all_theirs)
        right = QWidget(self.conflicts_box)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.diff_table, 1)
        right_layout.addLayout(decision_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self.conflicts_box)
        splitter.addWidget(self.conflict_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        conflicts_hint = QLabel(
            self.tr(
                "Both this vault and the sender changed these records since they last matched. "
                "Nothing is overwritten unless you choose \u201ctake theirs\u201d."
            ),
            self.conflicts_box,
        )
        conflicts_hint.setWordWrap(True)
        set_role(conflicts_hint, "hint")
        conflicts_layout = QVBoxLayout(self.conflicts_box)
        conflicts_layout.addWidget(conflicts_hint)
        conflicts_layout.addWidget(splitter, 1)
        self.conflicts_box.hide()

        self.message = error_label(self)
        self.busy = BusyBar(session, self)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(self.tr("Import into the vault"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.apply)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.open_area)
        layout.addWidget(self.check_panel)
        layout.addWidget(self.conflicts_box, 1)
        layout.addStretch(0)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.busy.finished.connect(self._update_buttons)
        self._update_buttons()

    # -- opening ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Open a bundle"),
            None,
            self.tr("Encrypted files (*.age);;All files (*)"),
        )
        if path is not None:
            self.set_path(path)

    def set_path(self, path: Path) -> None:
        self._forget()
        self.path = path
        self.file_field.setText(str(path))
        self.file_field.setCursorPosition(0)
        self._update_buttons()

    def open_chosen(self) -> None:
        if self.path is None:
            show_message(self.message, self.tr("Choose the file first."))
            return
        self.open_path(
            self.path, self.passphrase.text() if self.with_passphrase.isChecked() else None
        )

    def open_path(self, path: Path, passphrase: str | None = None) -> bool:
        """Read, decrypt and check ``path`` off the GUI thread, then preview the merge."""
        if self.busy.busy:
            return False
        if passphrase is not None and not passphrase:
            show_message(self.message, self.tr("Type the file's passphrase first."))
            return False
        if self.path != path:
            self.set_path(path)
        (self.with_key if passphrase is None else self.with_passphrase).setChecked(True)
        self._forget()
        service = self.session.ws.sharing

        def job() -> OpenedBundle:
            with path.open("rb") as handle:
                # One byte over the limit is enough for the check to refuse it.
                untrusted = handle.read(MAX_BUNDLE_BYTES + 1)
            if passphrase is not None:
                return service.open(untrusted, passphrase=passphrase)
            return service.open(untrusted)

        show_message(self.message, "")
        self.check_panel.hide()
        return self.busy.run(
            self.tr("Decrypting and checking the signature…"), job, self._opened, self._refused
        )

    def _refused(self, exc: Exception) -> None:
        reason = job_error_text(exc)
        if isinstance(exc, BundleTampered):
            text = self.tr(
                "This file was refused: it was altered after it was signed (%1 failed). "
                "Nothing was imported. Ask the sender for a new copy."
            ).replace("%1", self._part_name(exc.part))
            text += "\n" + reason
        elif isinstance(exc, BundleDecryptError) and self.with_key.isChecked():
            text = self.tr("This file could not be opened with our key. Nothing was imported.")
            text += "\n" + reason + "\n"
            text += self.tr(
                "If the sender gave you a passphrase, choose \u201cWith a passphrase\u201d."
            )
        else:
            text = self.tr("This file could not be opened. Nothing was imported.") + "\n" + reason
        self.check_text.setText(text)
        set_role(self.check_text, "error")
        self.signer_block.hide()
        self.preview_text.clear()
        self.check_panel.show()

    def _part_name(self, part: str) -> str:
        return {
            "manifest signature": self.tr("the signature"),
            "creator fingerprint": self.tr("the signer's fingerprint"),
            "missing member": self.tr("the list of parts: one is missing"),
            "extra member": self.tr("the list of parts: one was added"),
            "member hash": self.tr("the checksum of a part"),
        }.get(part, part)

    def _opened(self, result: OpenedBundle) -> None:
        self.bundle = result
        self.passphrase.clear()
        manifest = result.manifest
        self.check_text.setText(self.tr("\u2713 Decrypted, signature and every part check out."))
        set_role(self.check_text, "ok")
        self.signer_fingerprint.setText(result.signer_fingerprint)
        known = self.known_as = self.session.ws.sharing.signer_known_as(result)
        if known:
            self.signer_name.setText(self.tr("Known here as: %1").replace("%1", known))
            set_role(self.signer_name, "")
        else:
            self.signer_name.setText(
                self.tr(
                    "Not in your address book. Call the sender and compare this fingerprint "
                    "before you trust what the file says."
                )
            )
            set_role(self.signer_name, "error")
        profile = (
            self.tr("anonymised figures")
            if manifest.profile == ANONYMISED
            else self.tr("for a lawyer")
            if manifest.profile == LAWYER
            else profile_short_label(manifest.profile)
        )
        self.made.setText(
            self.tr("Made on %1, %2. Holds: %3.")
            .replace("%1", datetime_text(local_time(manifest.created_at)))
            .replace("%2", profile)
            .replace("%3", counts_text(manifest.counts))
        )
        self.signer_block.show()
        self.check_panel.show()
        if result.document.profile == ANONYMISED:
            self.preview_text.setText(
                self.tr(
                    "This file holds anonymised figures only — no names, no identities — so it "
                    "cannot be merged into the vault."
                )
            )
            set_role(self.preview_text, "hint")
            return
        if result.document.profile not in MERGEABLE:
            self.preview_text.setText(
                self.tr(
                    "This file was made for media: it leaves out too much to be merged into the "
                    "vault. Open it to read it; nothing here changes."
                )
            )
            set_role(self.preview_text, "hint")
            return
        self.preview_text.setText(self.tr("Working out what importing would change…"))
        set_role(self.preview_text, "hint")
        service = self.session.ws.sharing
        bundle = result
        self.busy.run(
            self.tr("Comparing the file with the vault (nothing is written)…"),
            lambda: service.preview_import(bundle),
            self._previewed,
            self._preview_failed,
            writes=True,
        )

    def _preview_failed(self, exc: Exception) -> None:
        self.preview_text.setText(job_error_text(exc))
        set_role(self.preview_text, "error")

    def _previewed(self, report: MergeReport) -> None:
        self.preview = report
        self.preview_text.setText(self.preview_words(report))
        set_role(self.preview_text, "")
        self.choices = {(c.entity, c.record_id): Choice.OURS for c in report.conflicts}
        self.conflict_list.clear()
        for conflict in report.conflicts:
            item = QListWidgetItem(self.conflict_list)
            item.setData(Qt.ItemDataRole.UserRole, (conflict.entity, conflict.record_id))
            self._label_item(item, conflict)
        self.conflicts_box.setVisible(bool(report.conflicts))
        if report.conflicts:
            self.conflict_list.setCurrentRow(0)
        self.import_button.setDefault(True)
        set_role(self.import_button, "primary")
        set_role(self.open_button, "")

    def preview_words(self, report: MergeReport) -> str:
        if report.changes == 0 and not report.conflicts:
            text = self.tr(
                "Everything in this file is already in the vault: importing it again changes "
                "nothing."
            )
            if report.skipped:
                text += " " + self.skipped_words(report)
            return text
        lines = []
        if sum(report.added.values()):
            lines.append(
                self.tr("Importing would add: %1.").replace("%1", counts_text(report.added))
            )
        if sum(report.updated.values()):
            lines.append(
                self.tr("It would update, with the sender's newer version: %1.").replace(
                    "%1", counts_text(report.updated)
                )
            )
        if sum(report.unchanged.values()):
            lines.append(
                self.tr("Already here, unchanged: %1.").replace("%1", counts_text(report.unchanged))
            )
        if report.skipped:
            lines.append(self.skipped_words(report))
        for old, new in report.renumbered:
            lines.append(
                self.tr("Case %1 in the file becomes %2 here (the reference is taken).")
                .replace("%1", old)
                .replace("%2", new)
            )
        if report.conflicts:
            lines.append(
                self.tr(
                    "Changed on both sides: %n record(s). Choose below which version to keep.",
                    "",
                    len(report.conflicts),
                )
            )
        return "\n".join(lines)

    def skipped_words(self, report: MergeReport) -> str:
        reasons: dict[str, int] = {}
        for skipped in report.skipped:
            reasons[skipped.reason] = reasons.get(skipped.reason, 0) + 1
        words = {
            "kept_ours": lambda n: self.tr(
                "%n record(s) you changed since the last import (yours are kept)", "", n
            ),
            "older": lambda n: self.tr("%n record(s) older than what you have", "", n),
            "deleted_here": lambda n: self.tr(
                "%n record(s) deleted here after an earlier import (they stay deleted)", "", n
            ),
            "parent_missing": lambda n: self.tr(
                "%n record(s) whose case or place is not here", "", n
            ),
        }
        parts = [
            words[reason](n) if reason in words else f"{n} {reason}"
            for reason, n in sorted(reasons.items())
        ]
        return self.tr("Left out: %1.").replace("%1", "; ".join(parts))

    # -- conflicts --------------------------------------------------------------------------
    def _conflict(self, row: int) -> Conflict | None:
        if self.preview is None or not 0 <= row < len(self.preview.conflicts):
            return None
        return self.preview.conflicts[row]

    def _label_item(self, item: QListWidgetItem, conflict: Conflict) -> None:
        choice = self.choices.get((conflict.entity, conflict.record_id), Choice.OURS)
        verdict = self.tr("keep ours") if choice is Choice.OURS else self.tr("take theirs")
        label = conflict.label or record_kind_label(conflict.entity)
        item.setText(f"{label} ({record_kind_label(conflict.entity)}) — {verdict}")

    def _show_conflict(self, row: int) -> None:
        conflict = self._conflict(row)
        self.diff_table.setRowCount(0)
        if conflict is None:
            return
        self.diff_table.setRowCount(len(conflict.diffs))
        for i, diff in enumerate(conflict.diffs):
            for column, text in enumerate(
                (capitalised(field_label(diff.name)),
                 value_text(conflict.entity, diff.name, diff.ours),
                 value_text(conflict.entity, diff.name, diff.theirs))
            ):  # fmt: skip
                self.diff_table.setItem(i, column, QTableWidgetItem(text))
        self.diff_table.resizeRowsToContents()
        choice = self.choices.get((conflict.entity, conflict.record_id), Choice.OURS)
        self.keep_ours.blockSignals(True)
        (self.keep_ours if choice is Choice.OURS else self.take_theirs).setChecked(True)
        self.keep_ours.blockSignals(False)

    def _decided(self, _checked: bool) -> None:
        row = self.conflict_list.currentRow()
        conflict = self._conflict(row)
        if conflict is None:
            return
        choice = Choice.OURS if self.keep_ours.isChecked() else Choice.THEIRS
        self.choose(row, choice)

    def choose(self, row: int, choice: Choice) -> None:
        conflict = self._conflict(row)
        if conflict is None:
            return
        self.choices[(conflict.entity, conflict.record_id)] = choice
        item = self.conflict_list.item(row)
        if item is not None:
            self._label_item(item, conflict)
        if row == self.conflict_list.currentRow():
            self._show_conflict(row)

    def choose_all(self, choice: Choice) -> None:
        if self.preview is None:
            return
        for row in range(len(self.preview.conflicts)):
            self.choose(row, choice)

    # -- importing --------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        busy = self.busy.busy
        self.open_area.setEnabled(not busy and self.applied is None)
        self.open_button.setEnabled(not busy and self.path is not None and self.applied is None)
        ready = (
            self.bundle is not None
            and self.preview is not None
            and self.applied is None
            and (self.preview.changes > 0 or bool(self.preview.conflicts))
        )
        self.import_button.setEnabled(ready and not busy)
        self.conflicts_box.setEnabled(not busy and self.applied is None)

    def apply(self) -> bool:
        if self.bundle is None or self.preview is None or self.busy.busy:
            return False
        service = self.session.ws.sharing
        bundle, choices = self.bundle, dict(self.choices)
        trust: str | None = None
        remember_as = ""
        if not self.known_as:
            question = UnknownSignerDialog(
                bundle.signer_fingerprint, bool(bundle.manifest.creator.age_recipient), self
            )
            answer = question.exec()
            remember_as = question.remember_as
            question.deleteLater()
            if answer != QDialog.DialogCode.Accepted or self.bundle is not bundle:
                return False  # cancelled, or the dialog was closed (the lock) meanwhile
            trust = bundle.signer_fingerprint

        def job() -> tuple[MergeReport, list[tuple[Conflict, Choice]]]:
            report = service.import_bundle(bundle, trust_fingerprint=trust, remember_as=remember_as)
            decisions = [
                (c, choices.get((c.entity, c.record_id), Choice.OURS)) for c in report.conflicts
            ]
            if decisions:
                service.resolve_conflicts(decisions)
            return report, decisions

        show_message(self.message, "")
        started = self.busy.run(
            self.tr("Importing…"), job, self._applied, self._apply_failed, writes=True
        )
        self._update_buttons()
        return started

    def _apply_failed(self, exc: Exception) -> None:
        show_message(
            self.message,
            self.tr("Nothing was imported: %1").replace("%1", job_error_text(exc)),
        )

    def _applied(self, result: tuple[MergeReport, list[tuple[Conflict, Choice]]]) -> None:
        report, decisions = result
        self.applied = report
        self.bundle = None
        if report.signer_known_as and not self.known_as:  # added to the address book just now
            self.known_as = report.signer_known_as
            self.signer_name.setText(self.tr("Known here as: %1").replace("%1", self.known_as))
            set_role(self.signer_name, "")
        ours = sum(1 for _c, choice in decisions if choice is Choice.OURS)
        theirs = len(decisions) - ours
        lines = [
            self.tr("Imported: %1 added, %2 updated.")
            .replace("%1", str(sum(report.added.values())))
            .replace("%2", str(sum(report.updated.values())))
        ]
        if decisions:
            lines.append(
                self.tr("Changed on both sides: kept ours for %1, took theirs for %2.")
                .replace("%1", str(ours))
                .replace("%2", str(theirs))
            )
        for old, new in report.renumbered:
            lines.append(
                self.tr("Case %1 from the file is %2 here.").replace("%1", old).replace("%2", new)
            )
        self.preview_text.setText("\n".join(lines))
        set_role(self.preview_text, "ok")
        self.conflicts_box.setEnabled(False)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setFocus()
        if report.changes or decisions:
            self.session.committed()

    # -- closing ----------------------------------------------------------------------------
    def _forget(self) -> None:
        """Drop the decrypted bundle and everything shown from it."""
        self.bundle = None
        self.preview = None
        self.applied = None
        self.choices = {}
        self.known_as = ""
        self.conflict_list.clear()
        self.diff_table.setRowCount(0)
        self.conflicts_box.hide()
        self.check_panel.hide()
        self.preview_text.clear()
        set_role(self.open_button, "primary")
        set_role(self.import_button, "")

    def reject(self) -> None:
        """Cancel or close; the lock calls it too, so a running job is waited for, not left."""
        self.busy.abandon()
        self.passphrase.clear()
        self._forget()
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.busy.busy:
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy.busy:
            event.ignore()
            return
        super().closeEvent(event)
