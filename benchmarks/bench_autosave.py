"""Autosave of a generated 5,000-card / 5,000-link map in a real main window:
after each edit, the time the autosave takes on the UI thread (the snapshot
and handing it to the worker; budget one 60 Hz frame) and in all (until the
recovery file is written and fsync'ed), against io.serialize.dumps of the
same map alone. Also the longest pause of the event loop while the worker
writes, against the longest pause of the same loop with nothing to write."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _harness import Row, median_ms  # noqa: E402
from bench_file import generate  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from journeymapper.commands import SetField  # noqa: E402
from journeymapper.io.recovery import ENV_DATA_DIR  # noqa: E402
from journeymapper.io.serialize import dumps  # noqa: E402
from journeymapper.model import Kind  # noqa: E402

FRAME_MS = 16


class Ticker:
    """A 1 ms timer on the UI thread that records the longest gap between its ticks."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self.tick)
        self.longest = 0.0
        self.last = 0.0

    def start(self) -> None:
        self.longest = 0.0
        self.clock.start()
        self.last = 0.0
        self.timer.start()

    def tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def rows(quick: bool) -> list[Row]:
    from journeymapper.ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="jm-bench-autosave-"))
    os.environ[ENV_DATA_DIR] = str(folder / "data")
    window = MainWindow(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.show()
    doc = generate()
    window.set_document(doc, None)
    window.scene.flush_routes()  # a settled canvas: no link routing left for the event loop
    app.processEvents()
    autosave = window.autosave
    autosave.delay_ms = 60_000  # the benchmark starts each autosave itself
    cards = [e.id for e in doc.elements(Kind.ACTION)]
    repeat = 5 if quick else 15
    ui_ms: list[float] = []
    total_ms: list[float] = []
    pauses: list[float] = []
    ticker = Ticker()
    for i in range(repeat):
        window.push(SetField(doc, cards[i], "text", f"Edited in round {i}"))
        app.processEvents()
        loop = QEventLoop()
        autosave.written.connect(loop.quit)
        ticker.start()
        start = time.perf_counter()
        assert autosave.save_now()
        loop.exec()
        total_ms.append((time.perf_counter() - start) * 1000)
        pauses.append(ticker.stop())
        autosave.written.disconnect(loop.quit)
        ui_ms.append(autosave.last_ui_ms)
    idle: list[float] = []
    for _ in range(repeat):
        loop = QEventLoop()
        QTimer.singleShot(round(statistics.median(total_ms)), loop.quit)
        ticker.start()
        loop.exec()
        idle.append(ticker.stop())
    dumps_ms = median_ms(lambda: dumps(doc), 3 if quick else 7)
    written = sum(p.stat().st_size for p in (folder / "data" / "recovery").glob("*.jmap"))
    window.undo_stack.setClean()
    window.close()
    window.deleteLater()
    app.processEvents()
    return [
        Row("autosave: UI thread per autosave, 5k cards", statistics.median(ui_ms), FRAME_MS,
            "serialize.dumps", dumps_ms, note=f"worst {max(ui_ms):.1f} ms of {repeat}"),
        Row("autosave: in all (snapshot to fsync'ed file)", statistics.median(total_ms), 2000,
            "serialize.dumps", dumps_ms, note=f"{written / 1e6:.1f} MB per autosave"),
        Row("autosave: longest event-loop pause while writing", statistics.median(pauses),
            None, "same loop, idle", statistics.median(idle),
            note=f"worst {max(pauses):.1f} ms"),
    ]
