"""The scripted GUI session of tests/gui/scripted_session.py, plus a bundle export.

Usage: python -m torture.gui_session VAULT_PATH EXPORT_FOLDER

Create a vault, add cases holding the marker, a relative, contacts, an image and a text
attachment viewed in the app, a copied phone number, every section shown, a search; then,
before lock and quit, export every case (with attachments, the dossier PDF rendered by Qt)
as a passphrase bundle into EXPORT_FOLDER. The export goes through `SharingService`, the
service the GUI's export dialog calls, in the same (GUI) process, so whatever Qt or the
PDF renderer writes is written by this process and seen by the leak scan.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from casetracker.gui.app import App
from casetracker.services.sharing import SharingService
from tests.gui import scripted_session

BUNDLE_PASSPHRASE = "leak scan bundle passphrase"


def export_step(folder: Path) -> Callable[[App], None]:
    def export(app: App) -> None:
        assert app.session is not None
        service = SharingService(app.session.ws)
        result = service.export(
            service.select_cases(everything=True),
            profile="lawyer",
            passphrase=BUNDLE_PASSPHRASE,
            with_attachments=True,
            without_consent_reason="not about consent",
        )
        service.write_bundle(folder / "cases.age", result.data)

    return export


if __name__ == "__main__":
    scripted_session.main(Path(sys.argv[1]), before_lock=export_step(Path(sys.argv[2])))
