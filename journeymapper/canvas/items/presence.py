"""Colleagues on the canvas: each one's selection and the card they are
typing in, outlined in their colour with their name.

An overlay item above the cards; it is given rectangles and colours
(:meth:`PresenceOverlay.set_marks`) and knows nothing of sessions, of the
model or of the scene's bookkeeping. The outlines are drawn with cosmetic
pens and the name tags ignore the view's zoom, so both read the same at
any zoom (a map shown whole on a projector is at 30-60 %).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from journeymapper.canvas import style as st

PAD = 4.0         # scene units between a card and its outline
TAG_PX = 13       # the name tag's text, in screen pixels whatever the zoom
TAG_H = 20.0      # the tag's height, screen pixels
TAG_GAP = 4.0     # between two tags on one card, screen pixels


@dataclass(frozen=True)
class Mark:
    """One outline: ``typing`` marks the card someone is typing in."""

    rect: tuple[float, float, float, float]
    colour: str
    name: str
    typing: bool = False

    @property
    def label(self) -> str:
        return f"✎ {self.name}" if self.typing else self.name


class NameTag(QGraphicsItem):
    """A colleague's name on a coloured tag, at the top left of their outline,
    the same size on screen at every zoom; ``shift`` (screen pixels) moves it
    right of the tags already on that card."""

    def __init__(self, mark: Mark, shift: float, font: QFont,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.mark = mark
        self.font = font
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        x, y, _w, _h = mark.rect
        self.setPos(x - PAD, y - PAD)
        width = QFontMetricsF(font).horizontalAdvance(mark.label) + 12
        self.tag = QRectF(shift, -TAG_H - 2, width, TAG_H)

    @property
    def width(self) -> float:
        return self.tag.width()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self.tag.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001 - Qt API
        colour = QColor(self.mark.colour)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(self.tag, 5, 5)
        painter.setFont(self.font)
        painter.setPen(QColor("#ffffff") if colour.lightnessF() < 0.6 else QColor("#111111"))
        painter.drawText(self.tag, Qt.AlignmentFlag.AlignCenter, self.mark.label)


class PresenceOverlay(QGraphicsItem):
    """The outlines of everyone else's selection and typing (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(1000)  # above cards and the inline editor's frame
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.marks: list[Mark] = []
        self.tags: list[NameTag] = []
        self._bounds = QRectF()
        self._font = st.font(TAG_PX, bold=True)

    def set_marks(self, marks: list[Mark]) -> None:
        if marks == self.marks:
            return
        self.prepareGeometryChange()
        self.marks = list(marks)
        bounds = QRectF()
        for mark in marks:
            bounds = bounds.united(QRectF(*mark.rect).adjusted(-PAD - 3, -PAD - 3, PAD + 3,
                                                               PAD + 3))
        self._bounds = bounds
        for tag in self.tags:
            tag.setParentItem(None)
            if tag.scene() is not None:
                tag.scene().removeItem(tag)
        self.tags = []
        shifts: dict[tuple[float, ...], float] = {}
        for mark in marks:
            shift = shifts.get(mark.rect, 0.0)
            tag = NameTag(mark, shift, self._font, self)
            shifts[mark.rect] = shift + tag.width + TAG_GAP
            self.tags.append(tag)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001 - Qt API
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for mark in self.marks:
            pen = QPen(QColor(mark.colour), 3.5 if mark.typing else 2.5)
            pen.setCosmetic(True)  # the same width on screen at any zoom
            if not mark.typing:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(QRectF(*mark.rect).adjusted(-PAD, -PAD, PAD, PAD), 6, 6)
