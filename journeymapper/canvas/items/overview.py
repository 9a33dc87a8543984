"""Painting a very large map zoomed far out.

Thousands of items each painted from Python cannot fill a frame in time, so
when the view is zoomed out past the point where text is readable the scene
hides the cards and the link layer and this one item paints every card as a
coloured block and every link along its route (the same routes the link
layer draws, as hairlines). The picture is drawn once into an image at the
view's scale and the image is what each frame paints, until the map changes
or the zoom moves far enough to need a sharper or a smaller one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.canvas.items.linklayer import Route
from journeymapper.layout.palette import LINK_STYLE
from journeymapper.model.elements import Kind

if TYPE_CHECKING:
    from journeymapper.canvas.scene import MapScene

MAX_SIDE = 4096  # pixels per side of the cached picture


class OverviewItem(QGraphicsItem):
    """Cards as blocks and links as lines, from a picture remade after a change."""

    def __init__(self) -> None:
        super().__init__()
        self._blocks: dict[Kind, list[QRectF]] | None = None
        self._lines: dict[object, list[QLineF]] = {}
        self._bounds = QRectF()
        self._image: QImage | None = None
        self._image_scale = 0.0
        self._image_theme = None
        self.setZValue(6)
        self.setVisible(False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def invalidate(self) -> None:
        self._blocks = None
        self._image = None
        if self.isVisible():
            self.update()

    @property
    def _scene(self) -> MapScene:
        # asked of Qt each time: holding the scene would make a reference cycle
        return self.scene()

    def _rebuild(self) -> None:
        scene = self._scene
        self._blocks = {}
        self._lines = {}
        if scene.live is None or scene.doc is None:
            return
        cards = scene.live.geo.cards
        for element_id, item in scene.cards.items():
            rect = cards.get(element_id)
            if rect is not None:
                self._blocks.setdefault(item.kind, []).append(QRectF(*rect))
        for item in scene.links.values():
            if isinstance(item, Route):
                points = item.points
                if points:
                    lines = self._lines.setdefault(item.link.kind, [])
                    lines.extend(QLineF(*a, *b) for a, b in zip(points, points[1:]))
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

    def _picture(self, scale: float) -> QImage | None:
        """The map drawn at ``scale`` pixels per unit (kept while the zoom stays near)."""
        theme = self._scene.theme
        if self._blocks is None:
            self._rebuild()
            self._image = None
        bounds = self._bounds
        if bounds.isEmpty():
            return None
        scale = min(scale, MAX_SIDE / bounds.width(), MAX_SIDE / bounds.height())
        if self._image is not None and self._image_theme is theme \
                and 0.75 <= scale / self._image_scale <= 1.5:
            return self._image
        w, h = max(1, round(bounds.width() * scale)), max(1, round(bounds.height() * scale))
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        p = QPainter(image)
        p.scale(w / bounds.width(), h / bounds.height())
        p.translate(-bounds.left(), -bounds.top())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        dark = theme.dark
        for kind, lines in self._lines.items():
            style = LINK_STYLE.get(kind)
            pen = QPen(QColor(style.colour_for(dark)) if style else theme["link"], 0)
            p.setPen(pen)  # cosmetic hairlines
            p.drawLines(lines)
        p.setPen(Qt.PenStyle.NoPen)
        for kind, rects in (self._blocks or {}).items():
            p.setBrush(theme.kind(kind).border)
            p.drawRects(rects)
        p.end()
        self._image, self._image_scale, self._image_theme = image, scale, theme
        return image

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        scale = option.levelOfDetailFromTransform(p.worldTransform())
        image = self._picture(max(scale, 1e-3))
        if image is not None:
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            p.drawImage(self._bounds, image)
        scene = self._scene
        chosen = [QRectF(*scene.live.geo.cards[i]) for i in scene.kept_selection
                  if scene.live is not None and i in scene.live.geo.cards]
        if chosen:  # the selection stays visible: its blocks in the selection colour
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(scene.theme["selection"])
            p.drawRects(chosen)
