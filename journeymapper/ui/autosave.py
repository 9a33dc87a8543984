"""Autosave: every change of the map a window shows reaches a recovery file
(:mod:`journeymapper.io.recovery`) within a few seconds, untitled maps too.

The first change after a write arms a timer (``delay_ms``, 2 s); when it
fires, the UI thread only takes a snapshot of the map (``doc.snapshot()``:
a few dictionary copies, the values are immutable and shared) and hands it
to a worker thread, which serialises it and writes it atomically. The worker keeps the
serialised lines of the cards between autosaves (serialize.LineCache), so
after the first one it serialises only what changed: the less Python it
runs, the less it competes with the UI thread for the interpreter. Changes made while a
write is under way are written right after it. Writes and removals go
through one worker in order, so a removal is never overtaken by a write.

The record goes when nothing would be lost without it: the map is saved or
undone back to its saved state (the undo stack is clean again), another map
is shown in the window, or the window closes (clean, saved, or Discard at
the prompt).

Signal: ``written(record_id)`` after an autosave is on disk.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer, Signal

from journeymapper.io.recovery import (
    ENV_DATA_DIR,
    Entry,
    Instance,
    RecoveryStore,
    instance_in,
    recovery_dir,
)
from journeymapper.io.serialize import LineCache, dumps
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import JourneyError
from journeymapper.model.events import ChangeSet

if TYPE_CHECKING:
    from journeymapper.ui.window import MainWindow

AUTOSAVE_DELAY_MS = 2000
translate = QCoreApplication.translate


def window_store() -> RecoveryStore:
    """The window's recovery folder: ``$JOURNEYMAPPER_DATA_DIR`` when set, else
    in Qt's AppDataLocation (the folder ``journeymapper recover`` finds too)."""
    if os.environ.get(ENV_DATA_DIR):
        return RecoveryStore(recovery_dir())
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return RecoveryStore(recovery_dir(Path(location)))


@dataclass(frozen=True)
class _Job:
    record_id: str
    seq: int
    snapshot: JourneyMap
    original: str | None
    title: str
    changes: int
    instance: Instance
    lines: LineCache


class _Bridge(QObject):
    """Carries a finished job from the worker thread to the UI thread (queued)."""

    finished = Signal(object, object)   # job, the error or None


class Autosaver(QObject):
    """The autosave of one window. ``last_ui_ms``: time the last autosave took
    on the UI thread. Signal: ``written(record_id)``."""

    written = Signal(str)

    def __init__(self, window: MainWindow, store: RecoveryStore | None = None,
                 delay_ms: int = AUTOSAVE_DELAY_MS) -> None:
        super().__init__(window)
        self.window = window
        self.store = store if store is not None else window_store()
        self.delay_ms = delay_ms
        self.last_ui_ms = 0.0
        self._doc: JourneyMap | None = None
        self._lines = LineCache()   # used by the worker only
        self._record_id = self.store.new_id()
        self._seq = 0
        self._base_changes = 0
        self._on_disk = False
        self._busy = False
        self._again = False
        self._closed = False
        self._instance: Instance | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._finished)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)
        window.document_changed.connect(self._shown)
        window.undo_stack.cleanChanged.connect(self._clean_changed)
        window.closed.connect(self.close)

    # -------------------------------------------------------------- state
    @property
    def record_id(self) -> str:
        return self._record_id

    @property
    def on_disk(self) -> bool:
        """Is there a recovery file of the map shown (written or adopted)?"""
        return self._on_disk

    def idle(self) -> bool:
        """Nothing waiting to be written: no timer armed, no write under way."""
        return not (self._timer.isActive() or self._busy or self._again)

    def unsaved_changes(self) -> int:
        """Undo steps between the map shown and its saved state (plus those
        recovered with it)."""
        stack = self.window.undo_stack
        clean = stack.cleanIndex()
        steps = abs(stack.index() - clean) if clean >= 0 else stack.index()
        return self._base_changes + steps

    def _dirty(self) -> bool:
        return (not self._closed and self._doc is not None and self._doc is self.window.document
                and not self.window.undo_stack.isClean())

    # -------------------------------------------------------------- following the window
    def _shown(self, doc: JourneyMap) -> None:
        """Another map in the window: the previous one's record goes."""
        self._timer.stop()
        self._again = False
        self._forget()
        if self._doc is not None:
            self._doc.changes.disconnect(self._changed)
        self._doc = doc
        self._lines = LineCache()
        self._base_changes = 0
        doc.changes.connect(self._changed)

    def _changed(self, _changes: ChangeSet | None = None) -> None:
        if not self._dirty():
            return
        if self._busy:
            self._again = True
        elif not self._timer.isActive():
            self._timer.start(self.delay_ms)

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self._timer.stop()
            self._base_changes = 0
            self._forget()
        else:
            self._changed()

    def adopt(self, entry: Entry) -> None:
        """The map shown was recovered from ``entry``: its record becomes this
        window's (so no other start offers it), kept until the map is saved."""
        assert entry.meta is not None
        self._record_id = entry.id
        self._seq = int(entry.meta.map_file.split(".")[1])
        self._base_changes = entry.meta.changes
        self._on_disk = True
        try:
            self._executor.submit(self.store.claim, entry.id, self._claim())
        except JourneyError as exc:
            self._failed(exc)

    def _claim(self) -> Instance:
        if self._instance is None:
            self._instance = instance_in(self.store.folder)
        return self._instance

    def _forget(self) -> None:
        """Remove the record of the map shown (after any write under way)."""
        if self._on_disk or self._busy:
            self._executor.submit(self.store.remove, self._record_id)
        self._on_disk = False
        self._record_id = self.store.new_id()
        self._seq = 0

    # -------------------------------------------------------------- writing
    def save_now(self) -> bool:
        """Start an autosave of the map shown now; False when there is nothing
        to write or a write is already under way (it is repeated after it)."""
        if not self._dirty() or self._doc is None:
            return False
        if self._busy:
            self._again = True
            return False
        start = time.perf_counter()
        try:
            instance = self._claim()
        except JourneyError as exc:
            self._failed(exc)
            return False
        path = self.window.path
        self._seq += 1
        job = _Job(self._record_id, self._seq, self._doc.snapshot(),
                   str(path) if path is not None else None, self.window.document.title,
                   self.unsaved_changes(), instance, self._lines)
        self._busy = True
        self._executor.submit(self._write, job)
        self.last_ui_ms = (time.perf_counter() - start) * 1000
        return True

    def _write(self, job: _Job) -> None:
        """In the worker thread: serialise the snapshot and write it."""
        try:
            self.store.write(job.record_id, job.seq, dumps(job.snapshot, job.lines),
                             original=job.original,
                             title=job.title, changes=job.changes, instance=job.instance)
        except Exception as exc:  # noqa: BLE001 - any failure is said in the status bar
            self._bridge.finished.emit(job, exc)
        else:
            self._bridge.finished.emit(job, None)

    def _finished(self, job: _Job, error: Exception | None) -> None:
        self._busy = False
        if self._closed:
            return
        if error is not None:
            self._failed(error)
        elif job.record_id == self._record_id:
            self._on_disk = True
            self.written.emit(job.record_id)
        if self._again:
            self._again = False
            self._changed()

    def _failed(self, error: Exception) -> None:
        self.window.show_message(translate("Autosaver", "Autosave failed: {reason}").format(
            reason=str(error)))

    def wait(self) -> None:
        """Block until every write and removal asked for so far is done (tests, close)."""
        self._executor.submit(lambda: None).result()

    def close(self) -> None:
        """The window closed: its record goes, the worker stops."""
        if self._closed:
            return
        self._timer.stop()
        self._forget()
        self._closed = True
        if self._doc is not None:
            self._doc.changes.disconnect(self._changed)
        self._executor.shutdown(wait=True)


def install(window: MainWindow) -> None:
    """Give ``window`` its autosave (``window.autosave``)."""
    window.autosave = Autosaver(window)
