"""What a new passphrase must be, and a rough idea of how hard it is to guess.

Qt-free so the CLI and the GUI apply the same rule. The strength estimate is deliberately
simple (length and variety, with a penalty for repeats): it guides people toward several
words, it does not promise anything.
"""

import math
from dataclasses import dataclass
from enum import IntEnum

# The shortest passphrase a new vault or a passphrase change accepts.
MIN_PASSPHRASE_CHARS = 10


class Strength(IntEnum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


@dataclass(frozen=True)
class StrengthEstimate:
    strength: Strength
    # Rough bits of guessing work, for a meter (0–100 scale is ``min(bits, 100)``).
    bits: int


def long_enough(passphrase: str) -> bool:
    return len(passphrase.strip()) >= MIN_PASSPHRASE_CHARS


def estimate(passphrase: str) -> StrengthEstimate:
    """Length times variety; a passphrase of four or more words comes out strong."""
    text = passphrase.strip()
    if not text:
        return StrengthEstimate(Strength.TOO_SHORT, 0)
    pool = 0
    if any(ch.islower() for ch in text):
        pool += 33 if any("\u0400" <= ch <= "\u04ff" for ch in text) else 26
    if any(ch.isupper() for ch in text):
        pool += 26
    if any(ch.isdigit() for ch in text):
        pool += 10
    if any(not ch.isalnum() for ch in text):
        pool += 20
    distinct = len(set(text))
    # Repeating one character or a short pattern adds little.
    effective = min(len(text), distinct * 2)
    bits = int(effective * math.log2(max(pool, 2)))
    if not long_enough(text):
        return StrengthEstimate(Strength.TOO_SHORT, bits)
    words = len(text.split())
    if bits >= 80 or (words >= 4 and bits >= 60):
        return StrengthEstimate(Strength.STRONG, bits)
    if bits >= 50:
        return StrengthEstimate(Strength.FAIR, bits)
    return StrengthEstimate(Strength.WEAK, bits)
