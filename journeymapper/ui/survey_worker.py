"""Reading a survey file off the GUI thread.

:class:`PlanTask` runs an import plan on a QThreadPool thread and reports
progress, the result, a failure or a cancellation through Qt signals, which
reach the dialog queued on its own thread. Cancelling sets an event that the
reading pass checks between blocks of rows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from journeymapper.io.survey import Cancelled, ImportResult
from journeymapper.model.errors import JourneyError


class _Signals(QObject):
    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class PlanTask(QRunnable):
    """Runs ``job(progress)`` on a pool thread; reports through ``signals``."""

    def __init__(self, job: Callable[[Callable[[int, int], bool]], ImportResult]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.job = job
        self.signals = _Signals()
        self.stop = threading.Event()
        self._percent = -1

    def _progress(self, done: int, total: int) -> bool:
        percent = int(100 * done / total) if total else 0
        if percent != self._percent:
            self._percent = percent
            self.signals.progress.emit(percent)
        return not self.stop.is_set()

    def run(self) -> None:
        try:
            result = self.job(self._progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except JourneyError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug must not kill the thread silently
            self.signals.failed.emit(QCoreApplication.translate(
                "PlanTask", "could not read the survey: {error}: {reason}").format(
                    error=type(exc).__name__, reason=exc))
        else:
            self.signals.finished.emit(result)
