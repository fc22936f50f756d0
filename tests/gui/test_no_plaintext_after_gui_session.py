"""SECURITY rule 1 for the GUI: after a scripted session nothing readable is left on disk.

The session (create a vault, add cases holding the marker, a relative, contacts, an image and
a text attachment viewed in the app, a copied phone number, every section shown, search, lock,
quit) runs in a subprocess whose HOME, TMPDIR and XDG folders point into tmp_path, so Qt's
settings and caches land where we scan them: raw, UTF-8 and UTF-16.
"""

import subprocess
import sys
from pathlib import Path

from tests.conftest import MARKER
from tests.private_home import private_env

NEEDLES = [MARKER, *MARKER.split()]


def _encodings(text: str) -> list[bytes]:
    return [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def scan(roots: list[Path]) -> list[str]:
    patterns = [p for needle in NEEDLES for p in _encodings(needle)]
    hits = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                data = path.read_bytes()
                if any(p in data for p in patterns):
                    hits.append(str(path))
    return hits


def test_gui_session_leaves_no_marker_in_vault_config_cache_data_or_temp(tmp_path: Path) -> None:
    home, tmp, vault_dir = tmp_path / "home", tmp_path / "tmp", tmp_path / "vault"
    for folder in (home, tmp, vault_dir):
        folder.mkdir()
    env = private_env(
        home,
        tmp,
        XDG_RUNTIME_DIR=str(tmp / "runtime"),
        QT_QPA_PLATFORM="offscreen",
        CASETRACKER_KDF_TARGET_MS="0",
    )
    (tmp / "runtime").mkdir(mode=0o700)
    vault = vault_dir / "org.ctvault"
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.scripted_session", str(vault)],
        env=env, cwd=root, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    files = [p for r in (vault_dir, home, tmp) for p in r.rglob("*") if p.is_file()]
    assert vault.exists() and any(".blobs" in str(p) for p in files)
    settings = home / ".config" / "Casetracker" / "Casetracker.ini"
    assert settings.exists()
    lines = [
        line
        for line in settings.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("[")
    ]
    assert lines == [f"last_path={vault}"]
    assert scan([vault_dir, home, tmp]) == []
