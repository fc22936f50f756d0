"""Typed failures of bundles and spreadsheets, each with a message a person understands.

Messages never quote case data: they name the part of a file that failed (a member name is
shown only after it has passed the name checks, otherwise a cleaned, shortened form).
``SharingError`` is the one type the CLI and GUI catch at the edge.
"""

from casetracker.i18n import translate


class SharingError(Exception):
    """Base of every failure in ``casetracker.sharing``; ``str()`` is the message to show."""


class KeyFormatError(SharingError):
    """A public key, identity file or signing key is not in the expected form."""


class BundleError(SharingError):
    """A bundle could not be made or opened."""


class BundleDecryptError(BundleError):
    """age could not decrypt the file: wrong key or passphrase, or the file was altered."""


class BundleTampered(BundleError):
    """The bundle decrypted but its content does not match the signed manifest.

    ``part`` names what failed: "manifest signature", "creator fingerprint", "missing member",
    "extra member", "member hash".
    """

    def __init__(self, part: str, message: str) -> None:
        super().__init__(message)
        self.part = part


class BundleFormatError(BundleError):
    """The content is not a bundle this version understands (or breaks an explicit limit)."""


class HostileArchive(BundleFormatError):
    """The ZIP inside tries something no bundle of ours does (path traversal, a link, a bomb)."""


class SpreadsheetError(SharingError):
    """A spreadsheet or a column mapping cannot be read as a whole."""


def shown_name(untrusted_name: str) -> str:
    """A member name safe to print in a one-line error: no control characters, short."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in untrusted_name)
    return cleaned if len(cleaned) <= 60 else cleaned[:57] + "…"


def too_large(what: str, limit: int) -> str:
    return translate("sharing", "{what} is larger than the limit of {mb} MB.").format(
        what=what, mb=max(1, limit // (1024 * 1024))
    )
