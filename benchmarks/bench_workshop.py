"""Running a workshop on a big map: entering presentation mode on a
5,000-card map (the real window: panels hidden, full screen, the first
stage zoomed to fit, painted), and the cost of one frame of a pan while the
stage and lane headers stay on screen, against the same pan without them."""

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
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

W, H = 1920, 1080


def _window(doc):
    from journeymapper.ui.window import MainWindow

    folder = tempfile.mkdtemp(prefix="jm-bench-settings-")
    settings = QSettings(os.path.join(folder, "bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.set_document(doc, None)
    window.resize(W, H)
    window.show()
    for _ in range(3):
        QApplication.processEvents()
    return window


def _settle(window) -> None:
    QApplication.processEvents()
    window.view.viewport().repaint()


def presentation_ms(doc, repeat: int) -> float:
    """Median time from F5 to the first stage painted in presentation mode."""
    window = _window(doc)
    presentation = window.presentation

    def enter() -> None:
        presentation.enter()
        _settle(window)

    def leave() -> None:
        if presentation.active:
            presentation.leave()
        _settle(window)

    try:
        return median_ms(enter, repeat, setup=leave)
    finally:
        leave()
        window.undo_stack.setClean()
        window.close()
        window.deleteLater()
        QApplication.processEvents()


def pan_frames(doc, frames: int, zoom: float = 1.0, dx: int = 24, dy: int = 16
               ) -> tuple[list[float], list[float]]:
    """Times (ms) of pan frames (scroll by dx, dy px, then the paint Qt does)
    with the headers on screen, and without them: the same view, the same map
    area, batches of frames taken in turn so both see the same machine load."""
    from journeymapper.canvas import MapScene, MapView
    from journeymapper.commands import UndoStack

    scene = MapScene()
    scene.set_document(doc, UndoStack())
    view = MapView(scene)
    view.resize(W, H)
    view.show()
    view.set_zoom(zoom)
    QApplication.processEvents()
    h, v = view.horizontalScrollBar(), view.verticalScrollBar()
    h.setValue(h.minimum() + 400)
    v.setValue(v.minimum() + 500)
    QApplication.processEvents()
    times: dict[bool, list[float]] = {True: [], False: []}
    shown = (False, False)
    batch = 20
    for n in range(2 * (frames // batch + 1)):
        sticky = n % 2 == 0
        view.sticky.visible = sticky
        view.sticky.update()
        QApplication.processEvents()
        for i in range(batch):
            step = 1 if (i // (batch // 2)) % 2 == 0 else -1  # to and fro: same cards
            start = time.perf_counter()
            if dx:
                h.setValue(h.value() + dx * step)
            if dy:
                v.setValue(v.value() + dy * step)
            QApplication.processEvents()
            if n > 1:  # the first two batches warm the caches (text laid out once)
                times[sticky].append((time.perf_counter() - start) * 1000)
        if sticky:
            shown = view.sticky.shown()
    view.close()
    scene.clear_document()
    view.deleteLater()
    QApplication.processEvents()
    assert shown == (True, True), "the headers should be on screen"
    return times[True], times[False]


def _pan_row(name: str, doc, frames: int, **pan) -> Row:
    sticky, plain = pan_frames(doc, frames, **pan)
    return Row(name, statistics.median(sticky), 16, "same pan, no sticky headers",
               statistics.median(plain),
               note=f"best frame {min(sticky):.1f} / {min(plain):.1f} ms")


def rows(quick: bool) -> list[Row]:
    app = QApplication.instance() or QApplication([])  # noqa: F841 - keeps Qt alive
    repeat = 3 if quick else 7
    frames = 60 if quick else 160
    big = generate()
    small = generate(cards=50, links=50, stages=5)
    enter_big = presentation_ms(big, repeat)
    enter_small = presentation_ms(small, repeat)
    screen = QApplication.primaryScreen().size()
    return [
        Row("workshop: enter presentation mode (5k map)", enter_big, 300, "50-card map",
            enter_small, note=f"F5 to the first stage painted; screen {screen.width()}x"
                              f"{screen.height()}"),
        _pan_row("workshop: pan down, headers on screen (5k, 100%)", big, frames, dx=0, dy=24),
        _pan_row("workshop: pan across, headers on screen (5k, 100%)", big, frames, dx=24,
                 dy=0),
        _pan_row("workshop: pan both ways, headers on screen (5k, 100%)", big, frames),
        _pan_row("workshop: pan down, headers on screen (5k, 150%)", big, frames, zoom=1.5,
                 dx=0, dy=24),
    ]
