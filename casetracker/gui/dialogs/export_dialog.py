"""Export for a lawyer: chosen cases as one encrypted, signed file (age format).

Three choices, each explained in plain words — which cases, who can open the file (people in
the address book, or a passphrase typed twice), what may leave (the lawyer profile follows the
relatives' consent; the anonymised one keeps only figures) — and, before anything is written,
a summary of what will be shared and who is withheld. The summary is worked out exactly as the
export will be (the same redaction), off the GUI thread, whenever a choice changes.

Consent follows the profile's audience (services/consent.py): relatives who have not agreed
are withheld; men who have not agreed are named in a box under the summary, and their cases
leave only once the caseworker ticks "send without their consent" and gives a reason, which
the disclosure log keeps. Once the file is written, each case's disclosure log records it.

The file's bytes are encrypted before they reach the disk; its suggested name carries no name
of a person. The success message gives the signing fingerprint the recipient will see.
"""

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from casetracker import cancellation
from casetracker.gui import file_dialogs
from casetracker.gui.dialogs.recipients_dialog import RecipientsDialog
from casetracker.gui.labels import status_label
from casetracker.gui.style import set_role
from casetracker.gui.vault_session import VaultSession
from casetracker.gui.widgets.form_parts import EnumCombo, error_label, fit_to_screen, show_message
from casetracker.gui.widgets.sharing_parts import BusyBar, job_error_text, unbroken
from casetracker.model import CaseStatus
from casetracker.model.labels import counts_lines
from casetracker.services.consent import ConsentService
from casetracker.services.sharing import (
    MIN_BUNDLE_PASSPHRASE_CHARS,
    ExportResult,
    SharingService,
    recipient_fingerprint,
)
from casetracker.sharing.bundle_schema import ANONYMISED, LAWYER, MEDIA, PARTNER
from casetracker.sharing.redaction import PROFILES, redact

# How many withheld people the summary names before it says "and N more".
NAMES_SHOWN = 8


@dataclass(frozen=True)
class WithheldPerson:
    name: str  # "" when no name is recorded
    links: tuple[str, ...]  # "отец, CT-0001": the relationship to each exported case


@dataclass
class ExportSummary:
    """What an export with the current choices would carry (worked out off the GUI thread)."""

    case_ids: list[uuid.UUID]
    profile: str
    with_attachments: bool
    counts: dict[str, int]
    # Relatives of these cases who did not agree to be shared with a lawyer.
    not_shared: list[WithheldPerson] = field(default_factory=list)
    # Relatives shared with a lawyer who stay anonymous: only the relationship travels.
    anonymous: list[WithheldPerson] = field(default_factory=list)
    relatives_total: int = 0
    attachments_available: int = 0
    # References of the men who have not consented to the profile's audience.
    men_without: list[str] = field(default_factory=list)


def summarise(
    service: SharingService, choose: Callable[[], list[uuid.UUID]], profile: str, attach: bool
) -> ExportSummary:
    """The exact redaction the export will apply, without the PDF and the encryption."""
    ids = choose()
    source = service.gather(ids, with_attachments=attach)
    check = ConsentService(service.ws).check_export(ids, profile)
    # The same records as the export's (only counted, so free text is left unscrubbed).
    document = redact(source, PROFILES[profile], datetime.now(), scrub_text=False)
    relatives = source.of("relatives")
    without = {w.relative_id for w in check.relatives_without}
    agreed = {rid for _case, rid in check.consented if rid is not None}
    refs = {case.id: case.ref for case in source.of("cases")}
    links: dict[uuid.UUID, list[str]] = {}
    for link in source.of("case_relatives"):
        text = ", ".join(p for p in (link.relationship, refs.get(link.case_id, "")) if p)
        links.setdefault(link.relative_id, []).append(text)

    def people(wanted: Callable[[Any], bool]) -> list[WithheldPerson]:
        found = [
            WithheldPerson(r.full_name, tuple(sorted(links.get(r.id, []))))
            for r in relatives
            if wanted(r)
        ]
        return sorted(found, key=lambda p: (not p.name, p.name.casefold(), p.links))

    return ExportSummary(
        case_ids=ids,
        profile=profile,
        with_attachments=attach,
        counts=document.counts(),
        not_shared=people(lambda r: r.id in without and r.id not in agreed),
        anonymous=people(lambda r: r.id in agreed and r.anonymous),
        relatives_total=len(relatives),
        attachments_available=len(source.of("attachments")),
        men_without=[ref for _id, ref in check.men_without],
    )


class ExportDialog(QDialog):
    def __init__(
        self,
        session: VaultSession,
        selected: Sequence[uuid.UUID] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.selected = list(dict.fromkeys(selected))
        self.summary: ExportSummary | None = None
        self.result_info: ExportResult | None = None
        self.saved_to: Path | None = None
        self._summary_stale = False
        self._summary_request = 0
        self._closing = False  # rejected (by hand or by the lock): no new job may start
        # Application-modal: a job shares the vault's one database with the GUI thread.
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("Export for a lawyer"))
        fit_to_screen(self, 1010, 640)  # Russian needs 984 px; may shrink (200 %)
        rows = session.ws.cases.rows()
        by_status: dict[CaseStatus, int] = {}
        for row in rows:
            by_status[row.status] = by_status.get(row.status, 0) + 1

        # 1. Which cases -------------------------------------------------------------------
        cases_box = QGroupBox(self.tr("1. Which cases"), self)
        self.selected_radio = QRadioButton(
            self.tr("The %n selected case(s)", "", len(self.selected)), cases_box
        )
        self.selected_radio.setEnabled(bool(self.selected))
        self.all_radio = QRadioButton(
            self.tr("Every case in the vault (%n)", "", len(rows)), cases_box
        )
        self.status_radio = QRadioButton(self.tr("Every case with the status"), cases_box)
        self.status_combo = EnumCombo(
            CaseStatus,
            lambda s: f"{status_label(s)} ({by_status.get(s, 0)})",
            cases_box,
        )
        self.status_combo.setAccessibleName(self.tr("Status of the cases to export"))
        self.status_combo.set_value(CaseStatus.DETAINED)
        self.which = QButtonGroup(self)
        for button in (self.selected_radio, self.all_radio, self.status_radio):
            self.which.addButton(button)
        (self.selected_radio if self.selected else self.all_radio).setChecked(True)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_radio)
        status_row.addWidget(self.status_combo, 1)
        cases_layout = QVBoxLayout(cases_box)
        cases_layout.addWidget(self.selected_radio)
        if not self.selected:
            no_selection = QLabel(
                self.tr("(To export only some cases, select them in the Cases list first.)"),
                cases_box,
            )
            set_role(no_selection, "hint")
            cases_layout.addWidget(no_selection)
        cases_layout.addWidget(self.all_radio)
        cases_layout.addLayout(status_row)

        # 2. Who can open it ---------------------------------------------------------------
        to_box = QGroupBox(self.tr("2. Who can open the file"), self)
        self.to_people = QRadioButton(
            self.tr("People in the address book — only they can open it, with their own key"),
            to_box,
        )
        self.recipient_list = QListWidget(to_box)
        self.recipient_list.setAccessibleName(self.tr("Recipients: tick who may open the file"))
        self.recipient_list.setMaximumHeight(110)
        self.recipient_list.setWordWrap(True)
        self.recipient_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.no_recipients = QLabel(
            self.tr(
                "The address book is empty. Add the lawyer's public key first, or use a passphrase."
            ),
            to_box,
        )
        self.no_recipients.setWordWrap(True)
        set_role(self.no_recipients, "hint")
        self.address_book_button = QPushButton(self.tr("Address book…"), to_box)
        self.address_book_button.setAccessibleName(self.tr("Open the address book"))
        self.address_book_button.clicked.connect(self.open_address_book)
        self.to_passphrase = QRadioButton(
            self.tr("A passphrase — for someone who has no key yet"), to_box
        )
        self.passphrase = QLineEdit(to_box)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase for the file"))
        self.passphrase.setPlaceholderText(
            self.tr("At least %n characters", "", MIN_BUNDLE_PASSPHRASE_CHARS)
        )
        self.repeat = QLineEdit(to_box)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("The passphrase again"))
        self.repeat.setPlaceholderText(self.tr("The same passphrase again"))
        passphrase_hint = QLabel(
            self.tr(
                "Tell it by phone or in person — never in the same message as the file. "
                "It is not the vault's passphrase."
            ),
            to_box,
        )
        passphrase_hint.setWordWrap(True)
        set_role(passphrase_hint, "hint")
        self.to = QButtonGroup(self)
        self.to.addButton(self.to_people)
        self.to.addButton(self.to_passphrase)
        people_row = QHBoxLayout()
        people_row.addWidget(self.to_people, 1)
        people_row.addWidget(self.address_book_button)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.passphrase)
        secret_row.addWidget(self.repeat)
        to_layout = QVBoxLayout(to_box)
        to_layout.addLayout(people_row)
        to_layout.addWidget(self.recipient_list)
        to_layout.addWidget(self.no_recipients)
        to_layout.addWidget(self.to_passphrase)
        to_layout.addLayout(secret_row)
        to_layout.addWidget(passphrase_hint)
        self.passphrase.textEdited.connect(lambda _t: self.to_passphrase.setChecked(True))
        self.recipient_list.itemChanged.connect(lambda _i: self.to_people.setChecked(True))

        # 3. What to share -----------------------------------------------------------------
        what_box = QGroupBox(self.tr("3. What may leave"), self)
        self.lawyer_radio = QRadioButton(
            self.tr("For a lawyer: the case files, as far as the relatives agreed"), what_box
        )
        self.partner_radio = QRadioButton(
            self.tr("For a partner organisation: the case files, as far as people agreed"),
            what_box,
        )
        self.media_radio = QRadioButton(
            self.tr("For media: what the men and relatives agreed a journalist may see"), what_box
        )
        self.anonymised_radio = QRadioButton(
            self.tr("Anonymised: figures for statistics and advocacy, no names"), what_box
        )
        self.profile = QButtonGroup(self)
        self.profile.addButton(self.lawyer_radio)
        self.profile.addButton(self.partner_radio)
        self.profile.addButton(self.media_radio)
        self.profile.addButton(self.anonymised_radio)
        self.lawyer_radio.setChecked(True)
        self.profile_help = QLabel(what_box)
        self.profile_help.setWordWrap(True)
        set_role(self.profile_help, "hint")
        self.attachments = QCheckBox(
            self.tr("Include attached files (photos, scans) — encrypted inside the file"),
            what_box,
        )
        what_layout = QVBoxLayout(what_box)
        what_layout.addWidget(self.lawyer_radio)
        what_layout.addWidget(self.partner_radio)
        what_layout.addWidget(self.media_radio)
        what_layout.addWidget(self.anonymised_radio)
        what_layout.addWidget(self.profile_help)
        what_layout.addWidget(self.attachments)

        self.choices = QWidget(self)
        choices_layout = QVBoxLayout(self.choices)
        choices_layout.setContentsMargins(0, 0, 0, 0)
        choices_layout.addWidget(cases_box)
        choices_layout.addWidget(to_box)
        choices_layout.addWidget(what_box)
        choices_layout.addStretch(1)

        # What will be shared ------------------------------------------------------------
        summary_box = QGroupBox(self.tr("What will be shared"), self)
        self.summary_text = QLabel(summary_box)
        self.summary_text.setWordWrap(True)
        self.summary_text.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.summary_text.setAccessibleName(self.tr("What will be shared"))
        scroll = QScrollArea(summary_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.summary_text)
        self.done_panel = QFrame(summary_box)
        set_role(self.done_panel, "panel")
        self.done_title = QLabel(self.tr("\u2713 Saved, encrypted"), self.done_panel)
        set_role(self.done_title, "ok")
        self.done_text = QLabel(self.done_panel)
        self.done_text.setWordWrap(True)
        self.done_text.setTextFormat(Qt.TextFormat.PlainText)
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.done_text.setAccessibleName(self.tr("The file was saved"))
        done_layout = QVBoxLayout(self.done_panel)
        done_layout.addWidget(self.done_title)
        done_layout.addWidget(self.done_text)
        self.done_panel.hide()
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.addWidget(scroll, 1)
        # Beside the summary and the Export button, where it cannot be scrolled out of sight.
        summary_layout.addWidget(self._consent_box())
        summary_layout.addWidget(self.done_panel)

        # The choices scroll when the screen is short (200 % scaling) rather than being cut off.
        choices_scroll = QScrollArea(self)
        choices_scroll.setWidgetResizable(True)
        choices_scroll.setFrameShape(QFrame.Shape.NoFrame)
        choices_scroll.setWidget(self.choices)
        choices_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        choices_scroll.setMinimumWidth(
            self.choices.minimumSizeHint().width()
            + choices_scroll.verticalScrollBar().sizeHint().width()
        )
        columns = QHBoxLayout()
        columns.addWidget(choices_scroll, 3)
        columns.addWidget(summary_box, 2)

        self.message = error_label(self)
        self.busy = BusyBar(session, self)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        set_role(self.export_button, "primary")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.choose_file_and_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(150)
        self._summary_timer.timeout.connect(self.update_summary)
        toggles: list[QAbstractButton] = [
            self.selected_radio, self.all_radio, self.status_radio, self.lawyer_radio,
            self.partner_radio, self.media_radio, self.anonymised_radio, self.attachments,
        ]  # fmt: skip
        for toggle in toggles:
            toggle.toggled.connect(self._choices_changed)
        self.status_combo.currentIndexChanged.connect(self._status_chosen)
        self.busy.finished.connect(self._job_finished)
        self.load_recipients()
        self._show_profile_help()
        self.update_summary()

    # -- choices ----------------------------------------------------------------------------
    def load_recipients(self, checked: Sequence[str] = ()) -> None:
        if not self.session.is_open:
            return
        keep = set(checked) or set(self.checked_recipients())
        self.recipient_list.blockSignals(True)
        self.recipient_list.clear()
        for recipient in self.session.ws.sharing.recipients():
            role = f" ({recipient.role})" if recipient.role else ""
            item = QListWidgetItem(
                f"{recipient.name}{role} — {unbroken(recipient_fingerprint(recipient))}",
                self.recipient_list,
            )
            item.setData(Qt.ItemDataRole.UserRole, recipient.name)
            item.setToolTip(item.text())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if recipient.name in keep else Qt.CheckState.Unchecked
            )
        self.recipient_list.blockSignals(False)
        empty = self.recipient_list.count() == 0
        self.recipient_list.setVisible(not empty)
        self.no_recipients.setVisible(empty)
        self.to_people.setEnabled(not empty)
        if empty:
            self.to_passphrase.setChecked(True)
        elif self.to.checkedButton() is None:
            self.to_people.setChecked(True)
        if self.recipient_list.count() == 1 and not empty:
            self.recipient_list.item(0).setCheckState(Qt.CheckState.Checked)
        if not empty:
            self.recipient_list.setCurrentRow(0)

    def checked_recipients(self) -> list[str]:
        out = []
        for row in range(self.recipient_list.count()):
            item = self.recipient_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_recipients(self, names: Sequence[str]) -> None:
        """Tick exactly these address-book names (and send to people, not a passphrase)."""
        for row in range(self.recipient_list.count()):
            item = self.recipient_list.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) in names
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self.to_people.setChecked(True)

    def open_address_book(self) -> None:
        dialog = RecipientsDialog(self.session, self)
        dialog.finished.connect(lambda _r: self.load_recipients())
        dialog.show()

    def profile_name(self) -> str:
        if self.anonymised_radio.isChecked():
            return ANONYMISED
        if self.partner_radio.isChecked():
            return PARTNER
        return MEDIA if self.media_radio.isChecked() else LAWYER

    def _consent_box(self) -> QGroupBox:
        """The men's own consent: shown only when some have not given it for this audience."""
        self.consent_box = QGroupBox(self.tr("The men's own consent"), self)
        self.consent_missing = QLabel(self.consent_box)
        self.consent_missing.setWordWrap(True)
        # Short: a checkbox does not wrap, and a long one widened the dialog past its screen.
        self.without_consent = QCheckBox(self.tr("Send without their consent:"), self.consent_box)
        self.consent_reason = QLineEdit(self.consent_box)
        self.consent_reason.setAccessibleName(self.tr("Why they are sent without their consent"))
        self.consent_reason.setPlaceholderText(
            self.tr("e.g. held incommunicado; his father asked for a lawyer")
        )
        self.consent_reason.textEdited.connect(
            lambda text: self.without_consent.setChecked(bool(text.strip()))
        )
        hint = QLabel(
            self.tr("The reason is kept in each of these cases' disclosure log."), self.consent_box
        )
        hint.setWordWrap(True)
        set_role(hint, "hint")
        box = QVBoxLayout(self.consent_box)
        box.addWidget(self.consent_missing)
        box.addWidget(self.without_consent)
        box.addWidget(self.consent_reason)
        box.addWidget(hint)
        self.consent_box.hide()
        return self.consent_box

    def _show_consent(self, summary: ExportSummary | None) -> None:
        missing = summary.men_without if summary is not None else []
        self.consent_box.setVisible(bool(missing))
        if missing:
            cut = len(missing) > NAMES_SHOWN
            shown = ", ".join(missing[:NAMES_SHOWN]) + (" …" if cut else "")
            text = self.tr(
                "No consent from the man to this audience in %n case(s): %1.", "", len(missing)
            ).replace("%1", shown)
            self.consent_missing.setText(text.replace("….", "…") if cut else text)
            self._fit_consent_box()

    def _fit_consent_box(self) -> None:
        """Tall enough for its wrapped lines: the summary above takes the rest, not these."""
        layout = self.consent_box.layout()
        width = self.consent_box.width()
        if layout is not None and width > 0 and layout.hasHeightForWidth():
            self.consent_box.setMinimumHeight(layout.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.consent_box.isVisible():
            self._fit_consent_box()

    def _status_chosen(self, _index: int) -> None:
        if self.status_radio.isChecked():
            self._choices_changed()
        else:
            self.status_radio.setChecked(True)

    def _show_profile_help(self) -> None:
        if self.profile_name() == MEDIA:
            text = self.tr(
                "For a journalist: the men's names, status, region, unit and dates, places "
                "(without the settlement), the kinds and dates of contacts and allegations. "
                "A relative is named only if they agreed to media; no phone numbers, messengers, "
                "cities or notes leave, no source titles, no attached files."
            )
        elif self.profile_name() == PARTNER:
            text = self.tr(
                "What a lawyer would get — facts, status history, custody, contact log, "
                "sources, allegations — but a relative is included only if they agreed to be "
                "shared with a partner organisation; anonymous ones only by relationship. The "
                "partner can merge the file into their own vault."
            )
        elif self.profile_name() == LAWYER:
            text = self.tr(
                "Everything about the chosen cases — facts, status history, custody, contact "
                "log, sources, allegations — but a relative is included only if they agreed to "
                "be shared with a lawyer. A relative who stays anonymous is never named: only "
                "the relationship (for example \u201cfather\u201d) leaves. The names and phone "
                "numbers of everyone withheld are also removed from notes, as written in their "
                "records."
            )
        else:
            text = self.tr(
                "Only what statistics need: status and its history, home region, unit, dates, "
                "places, and the dates and kinds of contacts and allegations. No names, no "
                "relatives, no notes or words of contacts, no source titles, no attached files. "
                "Every record gets a new random number, so two such files cannot be matched."
            )
        self.profile_help.setText(text)
        anonymised = self.profile_name() not in (LAWYER, PARTNER)
        if anonymised:
            self.attachments.setChecked(False)
        self.attachments.setEnabled(not anonymised)

    def _choices_changed(self, *_args: object) -> None:
        self._show_profile_help()
        self._summary_request += 1
        self.summary = None
        self.done_panel.hide()
        self._summary_timer.start()
        self._update_buttons()

    def _chooser(self) -> Callable[[], list[uuid.UUID]]:
        service = self.session.ws.sharing
        if self.selected_radio.isChecked():
            ids = list(self.selected)
            return lambda: ids
        if self.status_radio.isChecked():
            status = self.status_combo.value()
            return lambda: service.select_cases(status=status)
        return lambda: service.select_cases(everything=True)

    # -- summary ----------------------------------------------------------------------------
    def update_summary(self) -> None:
        if self._closing or not self.session.is_open:
            return
        if self.busy.busy:
            self._summary_stale = True
            return
        self._summary_stale = False
        service = self.session.ws.sharing
        choose, profile = self._chooser(), self.profile_name()
        attach = self.attachments.isChecked()
        request = self._summary_request
        self.summary_text.setText(self.tr("Counting what will be shared…"))
        self.busy.run(
            self.tr("Counting what will be shared…"),
            lambda: summarise(service, choose, profile, attach),
            lambda summary: self._summary_ready(summary, request),
            lambda exc: self._summary_failed(exc, request),
        )

    def _summary_ready(self, summary: ExportSummary, request: int) -> None:
        if request != self._summary_request:
            return  # the choices changed meanwhile; _job_finished works it out again
        self.summary = summary
        self.summary_text.setText(self.summary_words(summary))
        self._show_consent(summary)

    def _summary_failed(self, exc: Exception, request: int) -> None:
        if request == self._summary_request:
            self.summary = None
            self.summary_text.setText(job_error_text(exc))

    def _job_finished(self) -> None:
        if self.busy.busy:
            return
        self.choices.setEnabled(True)
        if self._summary_stale:
            self.update_summary()
        self._update_buttons()

    def person_words(self, person: WithheldPerson) -> str:
        name = person.name or self.tr("No name recorded")
        return f"{name} ({'; '.join(person.links)})" if person.links else name

    def summary_words(self, summary: ExportSummary) -> str:
        counts = summary.counts
        if summary.profile != ANONYMISED:
            lines = [self.tr("The file will hold:")]
        else:
            lines = [self.tr("Figures only, no names:")]
        lines += ["• " + line for line in counts_lines(counts)]
        if summary.men_without:
            lines.append(
                self.tr(
                    "No consent from the man to this audience in %n case(s): see below.",
                    "",
                    len(summary.men_without),
                )
            )
        if summary.profile != ANONYMISED:
            if summary.profile == MEDIA:
                pass  # a media file never carries attachments
            elif summary.with_attachments:
                lines.append(self.tr("Attached files travel encrypted inside the file."))
            elif summary.attachments_available:
                lines.append(
                    self.tr(
                        "%n attached file(s) stay here (not included).",
                        "",
                        summary.attachments_available,
                    )
                )
            lines.append("")
            if summary.not_shared or summary.anonymous:
                lines.append(self.tr("Withheld, following consent:"))
                refused = {
                    MEDIA: self.tr("%1 — did not agree to be shared with media"),
                    PARTNER: self.tr("%1 — did not agree to be shared with a partner organisation"),
                }.get(summary.profile, self.tr("%1 — did not agree to be shared with a lawyer"))
                for person in summary.not_shared[:NAMES_SHOWN]:
                    lines.append("• " + refused.replace("%1", self.person_words(person)))
                for person in summary.anonymous[:NAMES_SHOWN]:
                    lines.append(
                        "• "
                        + self.tr("%1 — stays anonymous: only the relationship leaves").replace(
                            "%1", self.person_words(person)
                        )
                    )
                hidden = max(0, len(summary.not_shared) - NAMES_SHOWN) + max(
                    0, len(summary.anonymous) - NAMES_SHOWN
                )
                if hidden:
                    lines.append("• " + self.tr("and %n more", "", hidden))
                lines.append(
                    self.tr(
                        "Their names and phone numbers are also removed from notes, where "
                        "written as in their records. Check the notes for other spellings."
                    )
                )
            elif summary.relatives_total:
                lines.append(self.tr("Every relative of these cases agreed to be shared."))
            else:
                lines.append(self.tr("No relatives are recorded for these cases."))
        else:
            lines.append("")
            lines.append(
                self.tr(
                    "No names leave: not the men's, not their %n relative(s)'; no notes, no "
                    "source titles, no attached files.",
                    "",
                    summary.relatives_total,
                )
            )
        lines.append("")
        lines.append(self.tr("Signed with this organisation's key, fingerprint:"))
        lines.append(unbroken(self.session.ws.sharing.keys().fingerprint))
        return "\n".join(lines)

    # -- export -----------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        self.export_button.setEnabled(
            self.summary is not None and not self.busy.busy and self.session.is_open
        )

    def check_choices(self) -> str:
        """What is missing before exporting, in plain words ("" when all is set)."""
        if self.summary is None:
            return self.tr("Wait until the summary of what will be shared is ready.")
        if self.summary.men_without and not (
            self.without_consent.isChecked() and self.consent_reason.text().strip()
        ):
            return self.tr(
                "Some men have not consented to this audience: tick “Send their cases "
                "without their consent” and say why, or record their consent first."
            )
        if self.to_people.isChecked():
            if not self.checked_recipients():
                return self.tr("Tick who may open the file, or choose a passphrase instead.")
            return ""
        secret = self.passphrase.text()
        if len(secret.strip()) < MIN_BUNDLE_PASSPHRASE_CHARS:
            return self.tr(
                "The passphrase needs at least %n characters.", "", MIN_BUNDLE_PASSPHRASE_CHARS
            )
        if secret != self.repeat.text():
            return self.tr("The two passphrases are not the same.")
        return ""

    def suggested_name(self) -> str:
        # Never a person's name in a file name: the file may sit in a mail or on a stick.
        return f"casetracker-{self.profile_name()}-{date.today().isoformat()}.age"

    def choose_file_and_export(self) -> None:
        problem = self.check_choices()
        if problem:
            show_message(self.message, problem)
            return
        path = file_dialogs.save_file(
            self,
            self.tr("Save the encrypted file"),
            Path.home() / self.suggested_name(),
            self.tr("Encrypted files (*.age)"),
        )
        if path is not None:
            self.export_to(path, overwrite=path.exists())

    def export_to(self, path: Path, *, overwrite: bool = False) -> bool:
        """Export with the current choices to ``path``; False when something is missing."""
        problem = self.check_choices()
        if problem or self.summary is None or self.busy.busy:
            show_message(self.message, problem)
            return False
        show_message(self.message, "")
        if not path.name.lower().endswith(".age"):
            path = path.with_name(path.name + ".age")
            overwrite = False
        service = self.session.ws.sharing
        ids, profile = list(self.summary.case_ids), self.summary.profile
        attach = self.summary.with_attachments
        to_people = self.to_people.isChecked()
        names = self.checked_recipients() if to_people else []
        secret = None if to_people else self.passphrase.text()
        reason = self.consent_reason.text().strip() if self.summary.men_without else None

        def job() -> ExportResult:
            result = service.export(
                ids,
                profile=profile,
                recipients=names,
                passphrase=secret,
                with_attachments=attach,
                without_consent_reason=reason,
            )
            cancellation.check()  # locked meanwhile: no file (a write, once begun, finishes)
            service.write_bundle(path, result.data, overwrite=overwrite)
            return result

        self.choices.setEnabled(False)
        self.done_panel.hide()
        started = self.busy.run(
            self.tr("Making the dossier, signing and encrypting…"),
            job,
            lambda result: self._exported(result, path),
            self._export_failed,
        )
        self._update_buttons()
        return started

    def _exported(self, result: ExportResult, path: Path) -> None:
        if self.session.is_open and self.session.ws.read_only:
            show_message(
                self.message,
                self.tr("The vault is read-only: this export is not in its disclosure log."),
            )
        elif self.session.is_open:
            # The file is written: each case's disclosure log says so (one unit of work).
            try:
                self.session.ws.sharing.record_disclosure(result)
            except Exception as exc:
                show_message(self.message, job_error_text(exc))
            self.session.committed()
        self.result_info = ExportResult(
            data=b"",
            profile=result.profile,
            counts=result.counts,
            recipients=result.recipients,
            signer_fingerprint=result.signer_fingerprint,
            with_passphrase=result.with_passphrase,
        )
        self.saved_to = path
        self.passphrase.clear()
        self.repeat.clear()
        if result.with_passphrase:
            who = self.tr(
                "It opens with the passphrase: tell it to the recipient by phone or in person."
            )
        else:
            who = self.tr("Only %1 can open it.").replace("%1", ", ".join(result.recipients))
        self.done_text.setText(
            "\n".join(
                [
                    str(path),
                    who,
                    self.tr(
                        "Signed by this organisation, fingerprint %1. The recipient sees the "
                        "same fingerprint when opening the file: read it to them to compare."
                    ).replace("%1", unbroken(result.signer_fingerprint)),
                ]
            )
        )
        self.done_panel.show()
        self.close_button.setText(self.tr("Close"))
        self.export_button.setDefault(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _export_failed(self, exc: Exception) -> None:
        show_message(self.message, job_error_text(exc))

    # -- closing ----------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel or close; the lock calls it too: a running job is cancelled and waited for,
        and no new one starts (counting again would read a vault about to be closed)."""
        self._closing = True
        self._summary_timer.stop()
        self.busy.abandon()
        self.passphrase.clear()
        self.repeat.clear()
        self.summary = None
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.busy.busy:
            return  # the file is being written; closing now would leave it half-told
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy.busy:
            event.ignore()
            return
        super().closeEvent(event)
