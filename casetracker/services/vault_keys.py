"""How the vault is opened: a new passphrase, a new recovery key.

Both the GUI (Settings → Security, and the page after unlocking with the recovery key) and the
CLI (``passwd``, ``recovery-key``) come here, so the passphrase policy is applied in one place.
The data key never changes: only the key slots that wrap it are rewritten, with the backups.
"""

from casetracker.i18n import translate
from casetracker.services.errors import InvalidInput
from casetracker.services.passphrase_policy import MIN_PASSPHRASE_CHARS, long_enough
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import KdfParams


class PassphraseTooShort(InvalidInput):
    pass


def check_policy(passphrase: str) -> None:
    """Refuse a new passphrase the policy does not allow."""
    if not long_enough(passphrase):
        raise PassphraseTooShort(
            translate(
                "passphrase", "A passphrase needs at least {n} characters; several words are best."
            ).format(n=MIN_PASSPHRASE_CHARS)
        )


def change_passphrase(ws: Workspace, new: str, *, kdf: KdfParams | None = None) -> None:
    """Lock the vault under ``new`` from now on; the recovery key keeps working.

    ``kdf=None`` calibrates the key derivation for this machine (about half a second).
    """
    check_policy(new)
    ws.file.change_passphrase(new, kdf)


def new_recovery_key(ws: Workspace) -> str:
    """Make a new recovery key and return it, to be shown once; the old key stops working."""
    return ws.file.replace_recovery_key()
