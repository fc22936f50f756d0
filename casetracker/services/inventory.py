"""What a vault holds, in numbers, and whether its contents are whole."""

from typing import TYPE_CHECKING

from sqlalchemy import func, text
from sqlmodel import SQLModel, select

from casetracker.i18n import translate
from casetracker.model import Attachment

if TYPE_CHECKING:
    from casetracker.services.open_vault import OpenVault


def table_counts(ws: "OpenVault") -> dict[str, int]:
    counts = {}
    with ws.reading() as session:
        for name, table in sorted(SQLModel.metadata.tables.items()):
            if name in {"meta", "setting"}:
                continue
            counts[name] = session.exec(select(func.count()).select_from(table)).one()
    return counts


def integrity_problems(ws: "OpenVault") -> list[str]:
    """SQLite's own check, foreign keys, and every attachment decrypting to its hash."""
    import hashlib

    from casetracker.storage.errors import VaultDamaged

    problems: list[str] = []
    with ws.reading() as session:
        result = session.connection().execute(text("PRAGMA integrity_check")).scalars().all()
        if result != ["ok"]:
            problems.append(translate("services", "The database inside the vault reports damage."))
        if session.connection().execute(text("PRAGMA foreign_key_check")).first():
            problems.append(
                translate("services", "Some records point to records that no longer exist.")
            )
        attachments = list(session.exec(select(Attachment)))
    for attachment in attachments:
        try:
            data = ws.attachments.store.get(attachment.blob_name, attachment.blob_key)
        except VaultDamaged as exc:
            problems.append(
                translate("services", "Attachment {id}: {problem}").format(
                    id=attachment.id, problem=exc
                )
            )
            continue
        if hashlib.sha256(data).hexdigest() != attachment.sha256:
            problems.append(
                translate(
                    "services", "Attachment {id}: its content does not match its hash."
                ).format(id=attachment.id)
            )
    return problems
