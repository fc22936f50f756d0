"""What the app may say about itself when something goes wrong: never a record's content.

An exception's message can quote the data it failed on (an ``IntegrityError`` lists the
values, a ``KeyError`` its key), and so can a traceback's source lines and locals. So an
unexpected error is described by its kind and code locations only (``describe``).

``--debug`` turns on a log (stderr or a file the person names) for support. It is redacted
twice: the app's log lines name records by reference or id, never by content (by
construction), and ``RedactNames`` replaces, in every line, each word of every person's name
known to the open vault (cases, their aliases, relatives) with ``[name]``, catching also a
careless future log line and Russian case endings (a name word is matched as a word's start).
Qt-free: the CLI and the GUI share it.
"""

import logging
import re
import sys
import traceback
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import TextIO

LOGGER = logging.getLogger("casetracker")
LOGGER.addHandler(logging.NullHandler())  # no debug log: nothing, not Python's last resort
PLACEHOLDER = "[name]"
# Name words this long or longer also hide the words they begin (Зайцев → Зайцева).
STEM_LENGTH = 4

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"\w+")


def code_path(filename: str) -> str:
    """A frame's file, relative to the installation (a home folder's name stays out)."""
    path = Path(filename)
    try:
        return path.resolve().relative_to(_PACKAGE_ROOT).as_posix()
    except (ValueError, OSError):
        return path.name


def describe(kind: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> str:
    """``ValueError (after KeyError)`` and one ``at file:line in function`` per frame."""
    kinds = [kind.__name__]
    seen = {id(exc)}
    cause = exc.__cause__ or exc.__context__ if exc is not None else None
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        kinds.append(type(cause).__name__)
        cause = cause.__cause__ or cause.__context__
    lines = [kinds[0] + "".join(f" (after {k})" for k in kinds[1:])]
    frames = traceback.StackSummary.extract(traceback.walk_tb(tb), lookup_lines=False)
    for frame in frames:  # places only: no source lines, no locals
        lines.append(f"  at {code_path(frame.filename)}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


def say(text: str, level: int = logging.ERROR) -> None:
    """One content-free line on stderr, and in the debug log too if that is a file."""
    print(f"Casetracker: {text}", file=sys.stderr, flush=True)
    if any(isinstance(h, logging.FileHandler) for h in LOGGER.handlers):
        LOGGER.log(level, text)


class RedactNames(logging.Filter):
    """Replaces every word of the known person names in each record's final text."""

    def __init__(self) -> None:
        super().__init__()
        self._words: frozenset[str] = frozenset()

    def remember(self, names: Iterable[str]) -> None:
        words = {
            word.casefold()
            for name in names
            for word in _WORD.findall(name)
            if len(word) >= 2 and not word.isdigit()
        }
        self._words = frozenset(words)  # replaced whole: log calls from other threads see one

    def forget(self) -> None:
        self._words = frozenset()

    def redact(self, text: str) -> str:
        words = self._words
        if not words:
            return text
        return _WORD.sub(
            lambda m: PLACEHOLDER if self._is_name(m.group(), words) else m.group(), text
        )

    @staticmethod
    def _is_name(word: str, words: frozenset[str]) -> bool:
        folded = word.casefold()
        if folded in words:
            return True
        return any(folded[:k] in words for k in range(STEM_LENGTH, len(folded)))

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if record.exc_info and record.exc_info[0] is not None:
            text += "\n" + describe(*record.exc_info)
            record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        record.msg, record.args = self.redact(text), None
        return True


# The one filter of the debug log; the GUI tells it the open vault's names.
NAMES = RedactNames()


def start_debug_log(target: str, stream: TextIO | None = None) -> logging.Handler:
    """Log at DEBUG level to ``target`` ("-": stderr), every line through ``NAMES``."""
    handler: logging.Handler
    if target == "-":
        handler = logging.StreamHandler(stream or sys.stderr)
    else:
        handler = logging.FileHandler(target, mode="a", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(NAMES)
    LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.DEBUG)
    return handler


def stop_debug_log(handler: logging.Handler) -> None:
    LOGGER.removeHandler(handler)
    handler.close()
    if not LOGGER.handlers:
        LOGGER.setLevel(logging.NOTSET)
