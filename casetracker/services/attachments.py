"""Encrypted files attached to sources or cases, read back only into memory."""

import hashlib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import col, select

from casetracker.i18n import translate
from casetracker.model import Attachment
from casetracker.services.errors import InvalidInput, NotFound
from casetracker.storage.blob_store import BlobStore

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault

# Larger files are refused: the vault is not an archive for video, and memory is finite.
MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024


class AttachmentService:
    def __init__(self, workspace: "OpenVault") -> None:
        self.ws = workspace

    @property
    def store(self) -> BlobStore:
        return BlobStore(self.ws.path)

    def add(
        self,
        data: bytes,
        filename: str,
        *,
        media_type: str = "application/octet-stream",
        source_id: uuid.UUID | None = None,
        case_id: uuid.UUID | None = None,
    ) -> Attachment:
        with (
            self.storing(
                data, filename, media_type=media_type, source_id=source_id, case_id=case_id
            ) as attachment,
            self.ws.session() as session,
        ):
            session.add(attachment)
            return attachment

    @contextmanager
    def storing(
        self,
        data: bytes,
        filename: str,
        *,
        media_type: str = "application/octet-stream",
        source_id: uuid.UUID | None = None,
        case_id: uuid.UUID | None = None,
    ) -> Iterator[Attachment]:
        """Encrypt ``data`` into a new blob and yield its row, for the caller to add in its own
        unit of work (a reply and its scan are one change); the blob goes again if that fails."""
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise InvalidInput(
                translate("services", "This file is larger than 64 MB and cannot be attached.")
            )
        if source_id is None and case_id is None:
            raise InvalidInput(
                translate("services", "An attachment belongs to a source or a case.")
            )
        name, key = self.store.put(data)
        try:
            yield Attachment(
                source_id=source_id,
                case_id=case_id,
                filename=Path(filename).name,
                media_type=media_type,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                blob_name=name,
                blob_key=key,
            )
        except BaseException:
            self.store.delete(name)
            raise

    def read(self, attachment_id: uuid.UUID) -> bytes:
        """Decrypted content in memory; the caller decides whether the user saves a copy."""
        with self.ws.reading() as session:
            attachment = session.get(Attachment, attachment_id)
            if attachment is None:
                raise NotFound(translate("services", "This attachment is not in the vault."))
            return self.store.get(attachment.blob_name, attachment.blob_key)

    def for_source(self, source_id: uuid.UUID) -> list[Attachment]:
        with self.ws.reading() as session:
            stmt = select(Attachment).where(Attachment.source_id == source_id)
            return list(session.exec(stmt.order_by(col(Attachment.filename))))

    def for_case(self, case_id: uuid.UUID) -> list[Attachment]:
        with self.ws.reading() as session:
            stmt = select(Attachment).where(Attachment.case_id == case_id)
            return list(session.exec(stmt.order_by(col(Attachment.filename))))

    def delete(self, attachment_id: uuid.UUID) -> None:
        """Drop the row (and with it the only key), then the blob file."""
        with self.ws.session() as session:
            attachment = session.get(Attachment, attachment_id)
            if attachment is None:
                return
            name = attachment.blob_name
            session.delete(attachment)
        self.ws.save()
        self.store.delete(name)
