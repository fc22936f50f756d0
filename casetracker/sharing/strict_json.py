"""JSON from untrusted bytes, with explicit limits, and the canonical form we sign.

Stricter than ``json.loads``: a size limit, UTF-8 only, no duplicate keys (two parsers could
disagree on which one wins), no NaN/Infinity, no floats at all (our formats have none), and
nesting no deeper than ``MAX_DEPTH``. Every failure is a ``BundleFormatError`` (or the error
class the caller passes), never a crash.
"""

import json
from typing import Any, NoReturn

from casetracker.i18n import translate
from casetracker.sharing.errors import BundleFormatError, SharingError, too_large

MAX_DEPTH = 16


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
    error: type[SharingError] = BundleFormatError,
) -> Any:
    if len(untrusted) > max_bytes:
        raise error(too_large(what, max_bytes))
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
    """Nesting depth, and whether every key and string is valid Unicode. No recursion (the
    loader already bounded the depth by the stack)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, level)
            for key, child in item.items():
                if not _is_unicode(key):
                    return deepest, False
                stack.append((child, level + 1))
        elif isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((v, level + 1) for v in item)
        elif isinstance(item, str) and not _is_unicode(item):
            return deepest, False
    return deepest, True
