"""The map canvas on generated maps: opening one, repainting a full-HD
viewport at 100% and zoomed out to the whole map, the cost of one edit
compared with the same edit on a 50-card map, and the link router at 500,
5,000 and 50,000 cards (planning every link, a move that makes a lane
shrink so everything below it moves, and the memory the scene takes).

The window freezes the heap once a map is shown (ui.heap.settle), so full
collections do not walk the map's objects; the boards here do the same."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _harness import Row, median_ms  # noqa: E402
from _maps import cached_map, rss_mb  # noqa: E402
from bench_file import generate  # noqa: E402
from PySide6.QtCore import QPointF, QRectF  # noqa: E402
from PySide6.QtGui import QImage, QPainter, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from journeymapper.canvas import MapScene, MapView  # noqa: E402
from journeymapper.commands import MoveCards, SetField  # noqa: E402
from journeymapper.layout.geometry import layout_map  # noqa: E402
from journeymapper.layout.routing import route_map  # noqa: E402
from journeymapper.model import Kind  # noqa: E402
from journeymapper.ui import heap  # noqa: E402

W, H = 1920, 1080


class Board:
    """A scene and a full-HD view on a document, as the window shows it."""

    def __init__(self, doc, settle: bool = True) -> None:
        self.doc = doc
        self.stack = QUndoStack()
        self.scene = MapScene()
        self.scene.set_document(doc, self.stack)
        self.view = MapView(self.scene)
        self.view.resize(W, H)
        self.view.show()
        QApplication.processEvents()
        if settle:
            self.scene.flush_routes()  # what the idle slices do after the map opens
            heap.settle()
        self.image = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)

    def repaint(self) -> None:
        """Paint what the view shows into a full-HD image, as a frame does."""
        painter = QPainter(self.image)
        self.view.render(painter, QRectF(0, 0, W, H), self.view.viewport().rect())
        painter.end()

    def at_100(self) -> None:
        self.view.reset_zoom()
        geo = self.scene.live.geo
        self.view.centerOn(QPointF(geo.width / 2, geo.height / 2))

    def movable(self, shrink: bool = False) -> tuple[str, tuple[str, str]]:
        """A card to move to the end of a cell of the same lane with room.

        Normally the lane keeps its height (the card leaves a cell that is not
        the fullest); with ``shrink`` it leaves the only fullest cell, so the
        lane shrinks and everything below it moves up."""
        doc = self.doc
        lane = doc.lane_for_kind(Kind.ACTION).id
        cells = sorted((len(doc.cell(s, lane)), s) for s in doc.stage_order)
        source = cells[-1][1] if shrink else cells[len(cells) // 2][1]
        return doc.cell(source, lane)[-1].id, (cells[0][1], lane)

    def close(self) -> None:
        self.view.close()
        self.scene.clear_document()
        gc.unfreeze()


def cpu_ms(fn, repeat: int) -> float:
    """Median processor time of ``fn`` in milliseconds: on a machine shared with
    other work the wall clock also counts the time others ran."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append((time.process_time() - start) * 1000)
    return sorted(times)[len(times) // 2]


def edit_costs(board: Board, repeat: int, shrink: bool = False) -> tuple[float, float]:
    """Per-edit time of moving one card (there and back) and of typing in a field."""
    doc, stack = board.doc, board.stack
    card, (stage, lane) = board.movable(shrink)
    there = doc.element(card).placement.moved(stage=stage, order=doc.next_order((stage, lane)))

    def move() -> None:
        stack.push(MoveCards(doc, {card: there}))
        stack.undo()

    def edit() -> None:
        stack.push(SetField(doc, card, "text", "a changed text that wraps onto a second line"))
        stack.undo()

    return median_ms(move, repeat) / 2, median_ms(edit, repeat) / 2


def open_ms(doc) -> tuple[float, float, float]:
    """Opening a map in the scene (set_document): wall and processor time, and
    the memory the scene took once every route is planned."""
    gc.collect()
    before = rss_mb()
    scene = MapScene()
    start, processor = time.perf_counter(), time.process_time()
    scene.set_document(doc, QUndoStack())
    elapsed = (time.perf_counter() - start) * 1000
    processor = (time.process_time() - processor) * 1000
    scene.flush_routes()
    memory = rss_mb() - before
    scene.clear_document()
    return elapsed, processor, memory


def routing_rows(quick: bool) -> list[Row]:
    """The router at 500, 5,000 and 50,000 cards (as many links)."""
    out = []
    for cards in (500, 5000, 50000):
        doc = cached_map(cards)
        geo = layout_map(doc)
        repeat = 1 if cards == 50000 else (3 if quick else 5)
        route_ms = median_ms(lambda d=doc, g=geo: route_map(d, g), repeat,
                             warmup=0 if cards == 50000 else 1)
        layout = median_ms(lambda d=doc: layout_map(d), repeat, warmup=0)
        opened, opened_cpu, memory = open_ms(doc)
        budget_open = {50000: 5000, 5000: 2500}.get(cards)
        out.append(Row(f"routing: plan every link, {cards:,} cards", route_ms, None,
                       "layout_map", layout, note=f"{doc.link_count():,} links, router alone"))
        out.append(Row(f"canvas: open {cards:,} cards", opened, budget_open, "layout_map", layout,
                       note=f"cpu {opened_cpu:.0f} ms; scene +{memory:.0f} MB with every "
                            "route planned"))
        if cards < 5000:
            continue
        board = Board(doc)
        board.at_100()
        shrink, _ = edit_costs(board, 1 if cards == 50000 else 3, shrink=True)
        plain, _ = edit_costs(board, 3)
        card, (stage, lane) = board.movable(True)
        there = doc.element(card).placement.moved(stage=stage, order=doc.next_order((stage, lane)))

        def there_and_back(c=card, t=there, b=board) -> None:
            b.stack.push(MoveCards(b.doc, {c: t}))
            b.stack.undo()

        processor = cpu_ms(there_and_back, 3) / 2
        out.append(Row(f"canvas: move that resizes a lane ({cards:,} cards)", shrink,
                       500 if cards == 50000 else 50, "move in one cell", plain,
                       note=f"cpu {processor:.0f} ms; everything below moves, the links of "
                            "the two cells are planned again"))
        board.close()
    return out


def rows(quick: bool) -> list[Row]:
    repeat = 5 if quick else 15
    app = QApplication.instance() or QApplication([])  # noqa: F841 - keeps Qt alive
    big_doc = generate()
    small_doc = generate(cards=50, links=50, stages=5)
    layout_ms = median_ms(lambda: layout_map(big_doc), 3)
    open_big = median_ms(lambda: Board(big_doc, settle=False).close(), 3 if quick else 5)
    big, small = Board(big_doc), Board(small_doc)
    big.at_100()
    small.at_100()
    paint_small = median_ms(small.repaint, repeat)
    paint_100 = median_ms(big.repaint, repeat)
    big.view.fit_map()
    fit_zoom = big.view.zoom()
    paint_fit = median_ms(big.repaint, repeat)
    big.at_100()  # edits happen at a working zoom
    move_big, edit_big = edit_costs(big, repeat * 4)
    move_small, edit_small = edit_costs(small, repeat * 4)
    big.close()
    small.close()
    huge = Board(cached_map(20000))
    huge.view.fit_map()
    huge.repaint()  # the first frame draws the zoomed-out picture
    paint_huge = median_ms(huge.repaint, repeat)
    huge_zoom = huge.view.zoom()
    huge.close()
    cards = f"{sum(1 for e in big_doc.elements() if e.kind is not Kind.STAGE)} cards"
    return [
        Row("canvas: open 5k cards / 5k links", open_big, 2500, "layout_map", layout_ms,
            note=f"{cards}; far links planned in idle time"),
        Row("canvas: repaint 1920x1080 at 100%", paint_100, 16, "50-card map", paint_small),
        Row("canvas: repaint 1920x1080, whole map", paint_fit, 16, "50-card map", paint_small,
            note=f"zoom {fit_zoom:.3f}"),
        Row("canvas: repaint 1920x1080, whole 20,000-card map", paint_huge, 16, "50-card map",
            paint_small, note=f"zoom {huge_zoom:.3f}"),
        Row("canvas: move one card (5k map)", move_big * 1000, 2000 * move_small, "50-card map",
            move_small * 1000, unit="us", note="budget: 2x the 50-card map"),
        Row("canvas: edit one field (5k map)", edit_big * 1000, 2000 * edit_small, "50-card map",
            edit_small * 1000, unit="us", note="budget: 2x the 50-card map"),
        *routing_rows(quick),
    ]
