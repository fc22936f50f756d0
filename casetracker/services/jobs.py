"""The background jobs running over one open vault, so that closing it stops them first.

Every job that reads or writes the vault off the caller's thread runs inside ``running``:
a cancellable one with its ``CancelToken`` (an export, a bundle check, a spreadsheet check), a
durable write without one (a save, a key change: never cut half-way). ``stop`` — called by
``Workspace.close`` and before the GUI's final save on lock — refuses new jobs, cancels the
cancellable ones, and waits until every job has left; only then may the engine be disposed or
a snapshot taken. A cancelled job ends at its next ``cancellation.check()`` or SQL statement;
a statement already running is interrupted (``interrupt``), so the wait is short
(docs/security.md gives the figures at 20,000 cases).
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from casetracker.cancellation import Cancelled, CancelToken, installed

# How often a waiting ``stop`` interrupts the SQL statements of jobs that are still running.
_INTERRUPT_EVERY_S = 0.05


class Jobs:
    def __init__(self, interrupt: Callable[[], None] | None = None) -> None:
        """``interrupt`` stops the SQL statements running now (from another thread)."""
        self._interrupt = interrupt
        self._changed = threading.Condition()
        self._running: dict[object, CancelToken | None] = {}
        self._accepting = True

    @property
    def count(self) -> int:
        with self._changed:
            return len(self._running)

    @contextmanager
    def running(self, token: CancelToken | None = None) -> Iterator[None]:
        """Run the block as a job of this vault (on the job's own thread).

        With a token the job is cancellable and is refused (``Cancelled``) once the vault is
        closing; any error it raises after being cancelled (an interrupted SQL statement)
        becomes ``Cancelled``. Without one it is a durable write: never refused, waited for.
        """
        key = object()
        with self._changed:
            if token is not None and (not self._accepting or token.cancelled):
                raise Cancelled()
            self._running[key] = token
        try:
            if token is None:
                yield
            else:
                with installed(token):
                    try:
                        yield
                    except Cancelled:
                        raise
                    except Exception as exc:
                        if token.cancelled:
                            raise Cancelled() from exc
                        raise
        finally:
            with self._changed:
                del self._running[key]
                self._changed.notify_all()

    def cancel(self, token: CancelToken) -> None:
        """Cancel one job and wait until it has left (a dialog closed by hand)."""
        token.cancel()
        self._wait(lambda: token not in self._running.values())

    def stop(self) -> None:
        """Refuse new cancellable jobs, cancel the running ones, wait for every job to end."""
        with self._changed:
            self._accepting = False
            for token in self._running.values():
                if token is not None:
                    token.cancel()
        self._wait(lambda: not self._running)

    def _wait(self, done: Callable[[], bool]) -> None:
        """Wait for ``done``, interrupting the statements of cancelled jobs meanwhile; never
        while a job that must not be cut (a write, or one not cancelled) is running."""
        with self._changed:
            while not done():
                running = list(self._running.values())
                if self._interrupt is not None and all(t and t.cancelled for t in running):
                    self._interrupt()
                self._changed.wait(_INTERRUPT_EVERY_S)

    def resume(self) -> None:
        """Accept jobs again: the lock was called off and the vault stays open."""
        with self._changed:
            self._accepting = True
