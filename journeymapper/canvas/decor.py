"""Decorations: what a MapView paints over the map in viewport pixels.

A decoration is not a scene item: it belongs to one view (the timer, the
pointer highlight, a hint, presentation mode's spotlight).
``MapView.add_decoration`` takes one; the view paints decorations after
the items (``drawForeground``) and, when the map scrolls, repaints the
places a *fixed* decoration covers (before and after the scroll), since Qt
moves the pixels of a scrolled viewport as they are.

- :class:`Spotlight`: presentation mode's current stage; the rest is dimmed.
- :class:`PointerHalo`: a highlight around the mouse pointer.
- :class:`Banner`: a box of text at a corner or the centre (the timer, the
  first-run hint); ``on_click`` makes it a button.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPen

from journeymapper.canvas import style as st

if TYPE_CHECKING:
    from journeymapper.canvas.view import MapView


class Decoration:
    """Base: override ``rects`` and ``paint``; ``press`` to take clicks."""

    #: stays put on screen while the map scrolls (so it is repainted after a scroll)
    fixed = True
    visible = True
    #: painted above decorations of a lower layer (the map's own dimming lowest)
    layer = 20

    def rects(self, view: MapView) -> list[QRect]:
        """Where it paints now, in viewport pixels."""
        return []

    def paint(self, p: QPainter, view: MapView) -> None: ...

    def press(self, view: MapView, event: QMouseEvent) -> bool:
        """A mouse press at ``event.position()``; True when it was used."""
        return False


class Spotlight(Decoration):
    """Dims the map outside one stage column (presentation mode)."""

    fixed = False
    layer = 0

    def __init__(self) -> None:
        self.stage: str | None = None
        self.visible = False

    def paint(self, p: QPainter, view: MapView) -> None:
        scene = view.map_scene()
        if self.stage is None or scene.live is None or self.stage not in scene.live.geo.columns:
            return
        x, y, w, h = scene.live.geo.columns[self.stage]
        x0 = view.mapFromScene(QPointF(x, y)).x()
        x1 = view.mapFromScene(QPointF(x + w, y)).x()
        size = view.viewport().size()
        shade = QColor(0, 0, 0, 70 if scene.theme.dark else 46)
        p.fillRect(QRectF(0, 0, max(0, x0), size.height()), shade)
        p.fillRect(QRectF(x1, 0, max(0, size.width() - x1), size.height()), shade)


class PointerHalo(Decoration):
    """A soft ring around the mouse pointer, for a room watching a projector."""

    RADIUS = 26
    layer = 30

    def __init__(self) -> None:
        self.visible = False
        self.at: QPoint | None = None

    def rects(self, view: MapView) -> list[QRect]:
        if not self.visible or self.at is None:
            return []
        r = self.RADIUS + 4
        return [QRect(self.at.x() - r, self.at.y() - r, 2 * r, 2 * r)]

    def move_to(self, view: MapView, at: QPoint | None) -> None:
        self.at = at
        view.refresh_decoration(self)  # where it was painted and where it is now

    def paint(self, p: QPainter, view: MapView) -> None:
        if self.at is None:
            return
        c = QPointF(self.at)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(QColor(255, 80, 60, 200), 3))
        p.setBrush(QColor(255, 214, 10, 70))
        p.drawEllipse(c, self.RADIUS, self.RADIUS)


class Banner(Decoration):
    """Lines of text in a rounded box at a corner (``"top-right"``) or the
    ``"centre"``; the first line ``size`` px tall, the rest smaller."""

    def __init__(self, anchor: str = "top-right", size: int = 28) -> None:
        self.anchor = anchor
        self.size = size
        self.lines: list[str] = []
        self.visible = False
        self.colour: QColor | None = None   # the box (None: the theme's)
        self.text_colour: QColor | None = None
        self.on_click: Callable[[], None] | None = None
        self.margin = 16

    def set_lines(self, lines: list[str]) -> None:
        self.lines = list(lines)

    def box(self, view: MapView) -> QRectF:
        if not self.lines:
            return QRectF()
        big, small = st.font(self.size, bold=True), st.font(max(11, self.size // 2))
        fm_big, fm_small = QFontMetricsF(big), QFontMetricsF(small)
        width = max([fm_big.horizontalAdvance(self.lines[0])]
                    + [fm_small.horizontalAdvance(line) for line in self.lines[1:]])
        height = fm_big.height() + sum(fm_small.height() + 2 for _ in self.lines[1:])
        pad = self.size * 0.45
        w, h = width + 2 * pad, height + 2 * pad * 0.7
        size = view.viewport().size()
        if self.anchor == "centre":
            x, y = (size.width() - w) / 2, (size.height() - h) / 2
        elif self.anchor == "top-left":
            x, y = self.margin, self.margin
        elif self.anchor == "bottom-right":
            x, y = size.width() - w - self.margin, size.height() - h - self.margin
        else:
            x, y = size.width() - w - self.margin, self.margin
        return QRectF(x, y, w, h)

    def rects(self, view: MapView) -> list[QRect]:
        if not self.visible or not self.lines:
            return []
        return [self.box(view).toAlignedRect().adjusted(-3, -3, 3, 3)]

    def paint(self, p: QPainter, view: MapView) -> None:
        if not self.lines:
            return
        theme = view.map_scene().theme
        box = self.box(view)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fill = self.colour or QColor(theme["stage_header"])
        p.setPen(QPen(theme.shadow, 2))
        p.setBrush(fill)
        p.drawRoundedRect(box, 12, 12)
        text = self.text_colour or QColor(theme["stage_text"])
        p.setPen(text)
        pad = self.size * 0.45
        big = st.font(self.size, bold=True)
        small = st.font(max(11, self.size // 2))
        y = box.top() + pad * 0.7
        p.setFont(big)
        h = QFontMetricsF(big).height()
        p.drawText(QRectF(box.left(), y, box.width(), h), Qt.AlignmentFlag.AlignCenter,
                   self.lines[0])
        y += h
        p.setFont(small)
        for line in self.lines[1:]:
            h = QFontMetricsF(small).height()
            p.drawText(QRectF(box.left() + pad, y + 2, box.width() - 2 * pad, h),
                       Qt.AlignmentFlag.AlignCenter, line)
            y += h + 2

    def press(self, view: MapView, event: QMouseEvent) -> bool:
        if not self.visible or self.on_click is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        if self.box(view).contains(event.position()):
            self.on_click()
            return True
        return False
