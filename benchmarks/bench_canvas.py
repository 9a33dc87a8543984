"""The map canvas on a generated map of 5,000 cards and 5,000 links: opening
it, repainting a full-HD viewport at 100% and zoomed out to the whole map,
and the cost of one edit compared with the same edit on a 50-card map."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _harness import Row, median_ms  # noqa: E402
from bench_file import generate  # noqa: E402
from PySide6.QtCore import QPointF, QRectF  # noqa: E402
from PySide6.QtGui import QImage, QPainter, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from journeymapper.canvas import MapScene, MapView  # noqa: E402
from journeymapper.commands import MoveCards, SetField  # noqa: E402
from journeymapper.layout.geometry import layout_map  # noqa: E402
from journeymapper.model import Kind  # noqa: E402

W, H = 1920, 1080


class Board:
    """A scene and a full-HD view on a document."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.stack = QUndoStack()
        self.scene = MapScene()
        self.scene.set_document(doc, self.stack)
        self.view = MapView(self.scene)
        self.view.resize(W, H)
        self.view.show()
        QApplication.processEvents()
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


def rows(quick: bool) -> list[Row]:
    repeat = 5 if quick else 15
    app = QApplication.instance() or QApplication([])  # noqa: F841 - keeps Qt alive
    big_doc = generate()
    small_doc = generate(cards=50, links=50, stages=5)
    layout_ms = median_ms(lambda: layout_map(big_doc), 3)
    open_ms = median_ms(lambda: Board(big_doc).scene.clear_document(), 3 if quick else 5)
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
    shrink_big, _ = edit_costs(big, 3, shrink=True)
    cards = f"{sum(1 for e in big_doc.elements() if e.kind is not Kind.STAGE)} cards"
    return [
        Row("canvas: open 5k cards / 5k links", open_ms, 2500, "layout_map", layout_ms,
            note=cards),
        Row("canvas: repaint 1920x1080 at 100%", paint_100, 16, "50-card map", paint_small),
        Row("canvas: repaint 1920x1080, whole map", paint_fit, 16, "50-card map", paint_small,
            note=f"zoom {fit_zoom:.3f}"),
        Row("canvas: move one card (5k map)", move_big * 1000, 2000 * move_small, "50-card map",
            move_small * 1000, unit="us", note="budget: 2x the 50-card map"),
        Row("canvas: edit one field (5k map)", edit_big * 1000, 2000 * edit_small, "50-card map",
            edit_small * 1000, unit="us", note="budget: 2x the 50-card map"),
        Row("canvas: move that resizes a lane (5k map)", shrink_big, None, "50-card map",
            move_small, note="informative: all below moves; far links follow in slices"),
    ]
