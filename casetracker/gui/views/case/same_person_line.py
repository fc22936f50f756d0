"""A line in the case window's header: the cases this man may be, or is not ("possibly the same
man as CT-0043 (likely)"), each reference a link that opens that case, and a button to mark
another case by hand."""

import html
import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from casetracker.gui.dialogs.same_person_dialogs import SamePersonDialog
from casetracker.gui.vault_session import VaultSession
from casetracker.i18n import format_date
from casetracker.services import same_person
from casetracker.services.same_person import verdict_text


class SamePersonLine(QWidget):
    # The other case of a verdict, chosen (its reference clicked or Enter on it).
    case_requested = Signal(object)  # uuid.UUID

    def __init__(
        self, session: VaultSession, case_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.links = QLabel(self)
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.links.linkActivated.connect(lambda target: self.case_requested.emit(uuid.UUID(target)))
        self.links.setAccessibleName(self.tr("Same man as other cases"))
        self.button = QPushButton(self.tr("Same man as another case…"), self)
        self.button.clicked.connect(self.mark)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.links, 1)
        layout.addWidget(self.button)

    def refresh(self) -> None:
        links = same_person.links_for(self.session.ws, self.case_id)
        texts = [verdict_text(link) for link in links]
        if texts:
            texts[0] = texts[0][:1].upper() + texts[0][1:]
        # An empty label would still take the keyboard focus when the window opens.
        self.links.setVisible(bool(texts))
        self.links.setText(
            "; ".join(
                html.escape(text).replace(
                    link.other_ref, f'<a href="{link.other_id}">{link.other_ref}</a>'
                )
                for text, link in zip(texts, links, strict=True)
            )
        )
        # Who decided, when and why, on hovering.
        self.links.setToolTip(
            "\n".join(
                f"{link.other_ref} {link.other_name}: {format_date(link.decided_on)}"
                + (f", {link.decided_by}" if link.decided_by else "")
                + (f" — {link.note}" if link.note else "")
                for link in links
            )
        )

    def mark(self) -> SamePersonDialog:
        dialog = SamePersonDialog(self.session, self.case_id, None, self.window())
        dialog.finished.connect(lambda _r: self.window().activateWindow())  # keys back here
        dialog.open()
        return dialog
