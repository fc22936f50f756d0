"""Slow work (key derivation, reading files) in a worker thread, with the answer as a signal.

``run_in_background(job, on_done, on_failed)`` runs ``job()`` on a ``QThread`` and calls one of
the two callbacks back on the GUI thread. The GUI stays responsive meanwhile; the job must not
touch widgets. A job over an open vault goes through ``VaultSession.run_job`` instead, which
registers it with the vault so that locking cancels it and waits for it.
"""

import contextlib
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

from casetracker.cancellation import CancelToken

# What a job returns: the type its ``on_done`` callback is given, checked by mypy at each call.
# A job only hands its result on, so a ``BackgroundJob[Report]`` is a ``BackgroundJob[object]``.
T_co = TypeVar("T_co", covariant=True)


def named_thread(name: str) -> QThread:
    """A ``QThread`` with a name, which every thread the app starts must have.

    On Linux and macOS a starting ``QThread`` names the system thread after its object name,
    or, when that is empty, after ``metaObject()->className()``. For a thread object made in
    Python that call goes into PySide's meta-object builder on the new thread without the
    GIL, racing with the GUI thread making Python wrappers (the main window being built):
    the kill torture saw the app die of SIGSEGV there about once in 200 unlocks. With a
    name, Qt never asks the meta-object.
    """
    thread = QThread()
    thread.setObjectName(name)
    return thread


def _released() -> None:
    raise RuntimeError("this job has already run")


class _Runner(QObject):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[], object]) -> None:
        super().__init__()
        self._job = job

    def release(self) -> None:
        """Forget the job (its thread has ended), and whatever its closure holds."""
        self._job = _released

    @Slot()
    def run(self) -> None:
        try:
            result = self._job()
        except Exception as exc:  # handed to the GUI thread, which words it
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)


class BackgroundJob(QObject, Generic[T_co]):
    """One job on its own thread, returning a ``T_co``; keep a reference until ``finished``
    fires. The signals carry ``object`` (Qt's), so connect through ``run_in_background``,
    whose callbacks are typed."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self,
        job: Callable[[], T_co],
        parent: QObject | None = None,
        token: CancelToken | None = None,
    ) -> None:
        super().__init__(parent)
        self.token = token  # what cancels it (None: it cannot be stopped half-way)
        self._thread = named_thread("casetracker-job")
        self._runner = _Runner(job)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.succeeded.connect(self._on_succeeded)
        self._runner.failed.connect(self._on_failed)
        self.running = False

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.running = False

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._stop_thread()
        self.succeeded.emit(result)
        self.finished.emit()
        self._release()

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self._stop_thread()
        self.failed.emit(exc)
        self.finished.emit()
        self._release()

    def _release(self) -> None:
        """Once ended, drop the job and the callbacks. A callback naming this job (a lambda
        connected to its own signal) is a cycle through Qt that Python's collector cannot
        see: it would keep the job, its closure and the vault it reads alive after a lock."""
        self._runner.release()
        for signal in (self.succeeded, self.failed, self.finished):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect()

    def wait(self) -> None:
        """Block until the job ends (for shutting down only)."""
        self._thread.quit()
        self._thread.wait()


_RUNNING: set[BackgroundJob[object]] = set()

T = TypeVar("T")


def run_in_background(
    job: Callable[[], T],
    on_done: Callable[[T], None],
    on_failed: Callable[[Exception], None],
    token: CancelToken | None = None,
) -> BackgroundJob[T]:
    """Start ``job`` on a worker thread; the callbacks run on the GUI thread, ``on_done`` with
    what ``job`` returned (the signal carries it untyped; the TypeVar ties the two)."""
    worker = BackgroundJob(job, token=token)
    _RUNNING.add(worker)
    worker.succeeded.connect(on_done)
    worker.failed.connect(on_failed)
    worker.finished.connect(lambda: _RUNNING.discard(worker))
    worker.start()
    return worker
