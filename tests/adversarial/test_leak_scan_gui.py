"""SECURITY.md rule 1, traced: a scripted GUI session (with a bundle export) under strace,
then every file the process wrote, created or removed is listed and searched.

tests/gui/test_no_plaintext_after_gui_session.py searches the folders the app is expected
to write to. This one does not trust expectations: strace records every file-system call
of every thread (torture/leak_scan.py), so a write anywhere on the machine — a cache, a
temp file deleted again, a crash file — is found, and the bytes of every write are searched
too. The marker must appear nowhere, in UTF-8 or UTF-16. The listing of touched paths is
printed (shown with pytest -s, and on failure).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.required_tools import needs_tool
from torture.common import MARKER
from torture.leak_scan import run_traced_session, strace_available, traced

WHY_NOT = strace_available()
needs_strace = needs_tool(not WHY_NOT, WHY_NOT)


@needs_strace
def test_a_traced_gui_session_writes_the_marker_nowhere(tmp_path: Path) -> None:
    result, _logs = run_traced_session(tmp_path)
    print("\n".join(["touched paths (kind, state, path):", *result.listing]))
    written = [line.split("\t")[-1] for line in result.listing if not line.startswith("read")]
    assert any(p.endswith("vault/org.ctvault") for p in written)
    assert any(p.endswith("exports/cases.age") for p in written)
    assert any(".blobs/" in p for p in written)
    assert result.scanned_written_bytes > 10_000  # the vault saves were seen being written
    assert result.hits == []


LEAKY = """
import os, sys, tempfile
from pathlib import Path
marker = sys.argv[1]
with tempfile.NamedTemporaryFile("wb", delete=False) as stream:
    stream.write(("deleted again: " + marker).encode("utf-16-le"))
os.unlink(stream.name)
Path(sys.argv[2]).write_text("kept: " + marker, encoding="utf-8")
"""


@needs_strace
def test_the_scan_finds_a_marker_in_a_kept_file_and_in_a_deleted_one(tmp_path: Path) -> None:
    """The negative control: a process that does leak is caught, both ways."""
    kept = tmp_path / "kept.txt"
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    command = [sys.executable, "-c", LEAKY, MARKER, str(kept)]
    result = traced(command, env, tmp_path / "strace", timeout=60)
    assert f"{kept} (file on disk)" in result.hits
    assert f"{kept} (bytes written during the session)" in result.hits
    deleted = [h for h in result.hits if not h.startswith(str(kept))]
    assert len(deleted) == 1 and deleted[0].endswith("(bytes written during the session)")
