"""JSON from untrusted bytes, with explicit limits, and the canonical form we sign.

Stricter than ``json.loads``: a size limit, UTF-8 only, no duplicate keys (two parsers could
disagree on which one wins), no NaN/Infinity, no floats at all (our formats have none), and
nesting no deeper than ``MAX_DEPTH``. Every failure is a ``BundleFormatError`` (or the error
class the caller passes), never a crash.

Memory: ``json.loads`` turns three bytes (``[],``) into some 64 bytes of Python objects, so a
size limit alone lets a small file fill a laptop's memory. A caller that passes ``max_tokens``
has the structure counted first (``structural_tokens``: every object, list, key and value the
parser would build starts at one of ``{ [ , :`` outside strings), and a document with more is
refused before anything is built. Parsing then holds at most about 100 bytes per token besides
the text itself (docs/security.md).
"""

import json
import re
from typing import Any, NoReturn

from casetracker.i18n import translate
from casetracker.sharing.errors import BundleFormatError, SharingError, too_large

MAX_DEPTH = 16
# The bytes that start a value or key outside strings (the document's own value aside).
_OPENERS = (b"{", b"[", b",", b":")
# Everything but quotes and openers, dropped before strings are cut out (escapes go first).
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'"{[,:')
_STRING = re.compile(rb'"[^"]*"')


def tokens_at_most(untrusted: bytes) -> int:
    """Every ``{ [ , :``, inside strings too: never fewer than the structure holds, and counted
    without a copy of the text (``structural_tokens`` needs some 20 times the text to cut out
    strings, when it must)."""
    return sum(untrusted.count(opener) for opener in _OPENERS)


def structural_tokens(untrusted: bytes, limit: int) -> int:
    """How many ``{ [ , :`` stand outside strings: at most ``limit`` exactly when the true count
    is. A plain count over every byte (strings included; 1 s for 500 MB) settles most documents;
    only when that is over ``limit`` are strings cut out (escaped backslashes and quotes removed,
    then the rest between quotes) and the openers counted again.

    Invalid JSON can fool the string cutting only after its first error, where the parser stops.
    """
    rough = tokens_at_most(untrusted)
    if rough <= limit:
        return rough
    plain = untrusted.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_STRUCTURE)
    outside = _STRING.sub(b"", plain)
    return sum(outside.count(opener) for opener in _OPENERS)


def canonical(value: Any) -> bytes:
    """The one byte form of a JSON value: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def pretty(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False).encode("utf-8")


def loads(
    untrusted: bytes,
    *,
    what: str,
    max_bytes: int,
    max_tokens: int | None = None,
    error: type[SharingError] = BundleFormatError,
) -> Any:
    """The value in ``untrusted``; with ``max_tokens``, refused before parsing when its
    structure (``structural_tokens``) is larger."""
    if len(untrusted) > max_bytes:
        raise error(too_large(what, max_bytes))
    if max_tokens is not None and structural_tokens(untrusted, max_tokens) > max_tokens:
        raise error(
            translate(
                "sharing",
                "{what} holds more entries than its declared counts allow "
                "(more than {n} values and keys).",
            ).format(what=what, n=max_tokens)
        )
    try:
        text = untrusted.decode("utf-8")
    except UnicodeDecodeError:
        raise error(translate("sharing", "{what} is not UTF-8 text.").format(what=what)) from None

    def fail(reason: str) -> NoReturn:
        raise error(
            translate("sharing", "{what} cannot be read: {reason}.").format(
                what=what, reason=reason
            )
        )

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                fail(translate("sharing", "a key appears twice"))
            out[key] = value
        return out

    def no_constant(_name: str) -> NoReturn:
        fail(translate("sharing", "it holds NaN or Infinity"))

    def no_float(_text: str) -> NoReturn:
        fail(translate("sharing", "it holds a fractional number"))

    try:
        value = json.loads(
            text, object_pairs_hook=pairs, parse_constant=no_constant, parse_float=no_float
        )
    except RecursionError:
        fail(translate("sharing", "it is nested too deeply"))
    except ValueError as exc:  # JSONDecodeError, and ints with too many digits
        fail(translate("sharing", "invalid JSON ({detail})").format(detail=type(exc).__name__))
    del text  # as large as the document: not kept while it is walked
    depth, unicode_ok = _shape(value)
    if depth > MAX_DEPTH:
        fail(translate("sharing", "it is nested too deeply"))
    if not unicode_ok:
        fail(translate("sharing", "it holds an escaped character that is not valid Unicode"))
    return value


def _is_unicode(text: str) -> bool:
    """False for a lone surrogate, which JSON's escape ``\\ud800`` decodes to: such a string
    cannot be encoded as UTF-8, so storing, hashing or signing it would fail later."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shape(value: Any) -> tuple[int, bool]:
    """Nesting depth, and whether every key and string is valid Unicode. Walked a level at a
    time holding only the containers of the next level (no recursion, and no entry per scalar:
    a list of a million numbers costs nothing more to walk)."""
    depth = 0
    level: list[Any] = [value] if isinstance(value, dict | list) else []
    if isinstance(value, str) and not _is_unicode(value):
        return 0, False
    while level and depth <= MAX_DEPTH:
        depth += 1
        below: list[Any] = []
        for container in level:
            if isinstance(container, dict):
                if not all(_is_unicode(key) for key in container):
                    return depth, False
                children: Any = container.values()
            else:
                children = container
            for child in children:
                if isinstance(child, dict | list):
                    below.append(child)
                elif isinstance(child, str) and not _is_unicode(child):
                    return depth, False
        level = below
    return depth, True
