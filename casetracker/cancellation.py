"""Stopping slow work early: a token each background job carries and a cheap check for loops.

Locking must neither close the database under a job still reading it nor wait minutes behind
an export of 20,000 cases. So a job runs with a ``CancelToken`` installed for its thread, and
long loops (collecting rows, redacting, laying out the dossier, reading a spreadsheet) call
``check()``, which raises ``Cancelled`` once the token is cancelled; a cancelled job runs no
further SQL statement (``storage.database`` checks before each one) and one already running is
stopped by ``storage.database.interrupt``. The token is per thread, so code deep in sharing/
or storage/ needs no extra parameter, and code outside any job (the CLI, the GUI thread) pays
one attribute lookup.

It sits beside ``i18n`` at the top of the package because loops in every layer call it.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from casetracker.i18n import translate


class Cancelled(Exception):
    """The job was stopped before it finished (the vault is being locked); it changed nothing."""

    def __init__(self) -> None:
        super().__init__(
            translate("cancellation", "Stopped before it finished: the vault is being locked.")
        )


class CancelToken:
    """Set once, from any thread; read by the job's thread."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout_s: float) -> bool:
        """Sleep until cancelled or ``timeout_s`` passes; True when cancelled."""
        return self._event.wait(timeout_s)


_local = threading.local()


def current() -> CancelToken | None:
    """The token of the job running on this thread (None outside a job)."""
    token: CancelToken | None = getattr(_local, "token", None)
    return token


def cancelled() -> bool:
    """Whether this thread's job has been cancelled (False outside a job)."""
    token = getattr(_local, "token", None)
    return token is not None and token.cancelled


def check() -> None:
    """Raise ``Cancelled`` if this thread's job has been cancelled; call it in long loops."""
    if cancelled():
        raise Cancelled()


@contextmanager
def installed(token: CancelToken) -> Iterator[CancelToken]:
    """Run the block as the job ``token`` belongs to (on this thread only)."""
    previous = current()
    _local.token = token
    try:
        yield token
    finally:
        _local.token = previous
