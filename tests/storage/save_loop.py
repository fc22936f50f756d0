"""Run by test_kill_during_save.py: open a vault and save growing payloads until killed.

Usage: python save_loop.py VAULT RECOVERY_KEY LAST_INDEX
Prints "ready" once the vault is open, then "saved N" after each save has returned.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from casetracker.storage.vault_file import VaultFile


def payload_for(index: int) -> bytes:
    """Payload number `index`: self-describing, incompressible, growing with the index."""
    head = f"payload {index:08d}|".encode()
    return head + hashlib.shake_256(head).digest(512 + 97 * index)


def index_of(payload: bytes) -> int:
    """The number a payload from `payload_for` carries (it is checked by recomputing it)."""
    return int(payload[len(b"payload ") : len(b"payload ") + 8])


def main(argv: list[str]) -> None:
    path, recovery_key, index = Path(argv[1]), argv[2], int(argv[3])
    vault = VaultFile.open(path, recovery_key=recovery_key)
    print("ready", flush=True)
    while True:
        index += 1
        vault.save(payload_for(index))
        print(f"saved {index}", flush=True)


if __name__ == "__main__":
    main(sys.argv)
