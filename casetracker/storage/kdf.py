"""Passphrase key derivation: Argon2id, calibrated per machine, never below a fixed floor.

Argon2id is memory-hard, so guessing passphrases on a GPU costs memory as well as time.
The parameters are stored in each passphrase slot, so a vault created on a fast desktop
opens anywhere; they are calibrated when a vault is created or its passphrase changes.

Environment:
    CASETRACKER_KDF_TARGET_MS  Whole milliseconds one derivation should take when a vault
        is created (default 500). Meant for tests and very slow machines. It can only
        lower the cost down to `FLOOR`, never below: 0 or a negative value means FLOOR.
        A value that is not an integer is ignored.
"""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from casetracker.storage.errors import KdfTooCostly, VaultDamaged

KEY_LENGTH = 32
SALT_LENGTH = 16
DEFAULT_TARGET_SECONDS = 0.5
TARGET_ENV_VAR = "CASETRACKER_KDF_TARGET_MS"

# Calibration never asks for more than this, so a fast machine does not create a vault that
# a modest laptop (4 GiB RAM) cannot open.
MAX_CALIBRATED_MEMORY_KIB = 1024 * 1024
MAX_CALIBRATED_ITERATIONS = 16

# Anything a file asks for beyond these is treated as hostile: it would let a crafted file
# make us allocate unbounded memory or spin for minutes before saying "wrong passphrase".
MAX_FILE_MEMORY_KIB = 4 * 1024 * 1024
MAX_FILE_ITERATIONS = 64
MAX_FILE_LANES = 64
# Unlocking tries every passphrase slot (so success and failure cost the same), one after the
# other: the work adds up, the memory does not. All slots together may ask for no more work
# (memory x passes) than one slot at the ceiling, not up to MAX_SLOTS times that.
MAX_TOTAL_WORK = MAX_FILE_MEMORY_KIB * MAX_FILE_ITERATIONS


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes over that memory, and parallel lanes."""

    memory_kib: int
    iterations: int
    lanes: int

    def at_least_floor(self) -> bool:
        """True when every cost is at or above the documented floor."""
        return (
            self.memory_kib >= FLOOR.memory_kib
            and self.iterations >= FLOOR.iterations
            and self.lanes >= FLOOR.lanes
        )


# The documented floor: 64 MiB, 2 passes, 1 lane (RFC 9106's second recommended option
# uses 64 MiB with 3 passes; 2 passes keeps old laptops under a second). Never go below it.
FLOOR = KdfParams(memory_kib=65536, iterations=2, lanes=1)


def params_from_untrusted(untrusted: object) -> KdfParams:
    """Check KDF parameters read from a file; reject weak or absurd values as damage."""
    if not isinstance(untrusted, dict) or untrusted.get("algorithm") != "argon2id":
        raise VaultDamaged("header")
    values: list[int] = []
    for name in ("memory_kib", "iterations", "lanes"):
        value = untrusted.get(name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise VaultDamaged("header")
        values.append(value)
    params = KdfParams(memory_kib=values[0], iterations=values[1], lanes=values[2])
    if (
        not params.at_least_floor()
        or params.memory_kib > MAX_FILE_MEMORY_KIB
        or params.iterations > MAX_FILE_ITERATIONS
        or params.lanes > MAX_FILE_LANES
        or params.memory_kib < 8 * params.lanes
    ):
        raise VaultDamaged("header")
    return params


def check_total_work(untrusted: Iterable[KdfParams]) -> None:
    """Refuse key slots that together ask for more derivation work than one slot may.

    Called on a header before any derivation runs, so a forged file costs nothing to refuse.
    """
    if sum(p.memory_kib * p.iterations for p in untrusted) > MAX_TOTAL_WORK:
        raise KdfTooCostly()


def params_to_json(params: KdfParams) -> dict[str, object]:
    """The header form of the parameters; the algorithm name leaves room for a successor."""
    return {
        "algorithm": "argon2id",
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
    }


def derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Derive a 32-byte key-encryption key from a passphrase.

    NFC normalisation makes "é" typed as one code point or as e + accent give the same key,
    which matters when a vault is opened from another OS or keyboard layout.
    """
    if not params.at_least_floor():
        raise ValueError("KDF parameters are below the documented floor")
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    kdf = Argon2id(
        salt=salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def _seconds_for(params: KdfParams) -> float:
    """Time one derivation with a throwaway passphrase and salt."""
    start = time.perf_counter()
    derive("calibration", b"\x00" * SALT_LENGTH, params)
    return time.perf_counter() - start


def calibrate(target_seconds: float = DEFAULT_TARGET_SECONDS) -> KdfParams:
    """Find parameters where one derivation takes about `target_seconds` on this machine.

    Memory is raised first (it is what hurts attackers most), doubling while the predicted
    time stays within the target, then passes are added. Argon2 time grows linearly with
    memory x passes, so a few measurements suffice. Never returns less than FLOOR.
    """
    if target_seconds <= 0:
        return FLOOR
    params = FLOOR
    elapsed = _seconds_for(params)
    while elapsed < target_seconds and params.memory_kib * 2 <= MAX_CALIBRATED_MEMORY_KIB:
        if elapsed * 2 > target_seconds * 1.25:
            break
        candidate = replace(params, memory_kib=params.memory_kib * 2)
        try:
            candidate_elapsed = _seconds_for(candidate)
        except MemoryError:
            break
        params, elapsed = candidate, candidate_elapsed
    if elapsed < target_seconds:
        per_pass = elapsed / params.iterations
        wanted = round(target_seconds / per_pass) if per_pass > 0 else params.iterations
        params = replace(
            params, iterations=max(params.iterations, min(wanted, MAX_CALIBRATED_ITERATIONS))
        )
    return params


def target_seconds_from_env() -> float:
    """The calibration target, honouring CASETRACKER_KDF_TARGET_MS when it is an integer."""
    raw = os.environ.get(TARGET_ENV_VAR)
    if raw is None:
        return DEFAULT_TARGET_SECONDS
    try:
        return int(raw.strip()) / 1000
    except ValueError:
        return DEFAULT_TARGET_SECONDS


def default_params() -> KdfParams:
    """Parameters for a new vault or passphrase on this machine (calibrated, >= FLOOR)."""
    return calibrate(target_seconds_from_env())
