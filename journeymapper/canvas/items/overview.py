"""Painting a very large map zoomed far out.

Thousands of items each painted from Python cannot fill a frame in time, so
when the view is zoomed out past the point where text is readable the scene
hides the cards and the link layer and this one item paints every card as a
coloured block and every link as a thin line, in a few batched calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.model.elements import Kind

if TYPE_CHECKING:
    from journeymapper.canvas.scene import MapScene


class OverviewItem(QGraphicsItem):
    """Cards as blocks and links as lines, rebuilt lazily after a change."""

    def __init__(self) -> None:
        super().__init__()
        self._blocks: dict[Kind, list[QRectF]] | None = None
        self._lines: list[QLineF] = []
        self._bounds = QRectF()
        self.setZValue(6)
        self.setVisible(False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def invalidate(self) -> None:
        self._blocks = None
        if self.isVisible():
            self.update()

    @property
    def _scene(self) -> MapScene:
        # asked of Qt each time: holding the scene would make a reference cycle
        return self.scene()

    def _rebuild(self) -> None:
        scene = self._scene
        self._blocks = {}
        self._lines = []
        if scene.live is None or scene.doc is None:
            return
        cards = scene.live.geo.cards
        for element_id, item in scene.cards.items():
            x, y, w, h = cards[element_id]
            self._blocks.setdefault(item.kind, []).append(QRectF(x, y, w, h))
        for (s, t), item in scene.links.items():
            if s in cards and t in cards and not hasattr(item, "set_headers"):
                (sx, sy, sw, sh), (tx, ty, tw, th) = cards[s], cards[t]
                self._lines.append(QLineF(sx + sw / 2, sy + sh / 2, tx + tw / 2, ty + th / 2))
        new = scene.map_rect()
        if new != self._bounds:
            self.prepareGeometryChange()
            self._bounds = new

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        if self._blocks is None and self.isVisible():
            self._rebuild()
        if self._bounds.isNull() and self.scene() is not None:
            return self._scene.map_rect()
        return self._bounds

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self._blocks is None:
            self._rebuild()
        theme = self._scene.theme
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pen = QPen(theme["link"], 0)  # cosmetic hairline
        p.setPen(pen)
        p.drawLines(self._lines)
        p.setPen(Qt.PenStyle.NoPen)
        for kind, rects in (self._blocks or {}).items():
            p.setBrush(theme.kind(kind).border)
            p.drawRects(rects)
        scene = self._scene
        chosen = [QRectF(*scene.live.geo.cards[i]) for i in scene.kept_selection
                  if scene.live is not None and i in scene.live.geo.cards]
        if chosen:  # the selection stays visible: its blocks in the selection colour
            p.setBrush(theme["selection"])
            p.drawRects(chosen)
