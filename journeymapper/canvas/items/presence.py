"""Colleagues on the canvas: each one's selection and the card they are
typing in, outlined in their colour with their name.

An overlay item above the cards; it is given rectangles and colours
(:meth:`PresenceOverlay.set_marks`) and knows nothing of sessions, of the
model or of the scene's bookkeeping.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from journeymapper.canvas import style as st

PAD = 4.0
TAG_PX = 11


@dataclass(frozen=True)
class Mark:
    """One outline: ``typing`` marks the card someone is typing in."""

    rect: tuple[float, float, float, float]
    colour: str
    name: str
    typing: bool = False


class PresenceOverlay(QGraphicsItem):
    """The outlines of everyone else's selection and typing (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(1000)  # above cards and the inline editor's frame
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.marks: list[Mark] = []
        self._bounds = QRectF()
        self._font = QFont(st.FONT_FAMILY if hasattr(st, "FONT_FAMILY") else "")
        self._font.setPixelSize(TAG_PX)
        self._font.setBold(True)

    def set_marks(self, marks: list[Mark]) -> None:
        if marks == self.marks:
            return
        self.prepareGeometryChange()
        self.marks = list(marks)
        bounds = QRectF()
        for mark in marks:
            bounds = bounds.united(QRectF(*mark.rect).adjusted(-PAD - 2, -PAD - 20, PAD + 2,
                                                               PAD + 2))
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001 - Qt API
        metrics = QFontMetricsF(self._font)
        painter.setFont(self._font)
        for mark in self.marks:
            colour = QColor(mark.colour)
            rect = QRectF(*mark.rect).adjusted(-PAD, -PAD, PAD, PAD)
            pen = QPen(colour, 3.0 if mark.typing else 2.0)
            if not mark.typing:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 6, 6)
            label = f"✎ {mark.name}" if mark.typing else mark.name
            width = metrics.horizontalAdvance(label) + 10
            tag = QRectF(rect.left(), rect.top() - 17, width, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(tag, 4, 4)
            painter.setPen(QColor("#ffffff") if colour.lightnessF() < 0.6 else QColor("#111111"))
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)
