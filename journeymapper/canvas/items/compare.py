"""The comparison overlay: what changed since the map compared with, drawn
over the canvas in one item.

Added cards get a green frame, changed ones amber, moved ones blue (with
where they came from), and removed cards come back as ghosts: a dashed strip
with their text struck through, under the cards of the cell they were in.
The overlay takes no mouse buttons, so clicks reach the cards beneath; it
is painted in one pass over the marks
that meet the exposed area (a comparison of two 5,000-card maps is one
item, not thousands).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.canvas import style as st
from journeymapper.canvas.items.cards import TEXT_LOD, lod_of

ADDED, REMOVED, CHANGED, MOVED = "added", "removed", "changed", "moved"
COLOURS = {ADDED: "#2e9d4f", REMOVED: "#c62828", CHANGED: "#f09b00", MOVED: "#1e6fd9"}
Z_OVERLAY = 30.0


@dataclass(frozen=True)
class Mark:
    """One change drawn on the canvas: ``rect`` in scene units, ``tag`` the
    word on it ('NEW', 'MOVED from Purchase'), ``text`` a ghost's card text."""

    kind: str
    element_id: str
    rect: tuple[float, float, float, float]
    tag: str
    text: str = ""
    fill: str = ""


class CompareOverlay(QGraphicsItem):
    """Every mark of a comparison, painted above the cards."""

    def __init__(self, theme: st.Theme) -> None:
        super().__init__()
        self.theme = theme
        self.marks: dict[str, list[Mark]] = {}
        self._bounds = QRectF()
        self.setZValue(Z_OVERLAY)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def set_marks(self, marks: list[Mark]) -> None:
        self.prepareGeometryChange()
        self.marks = {}
        bounds = QRectF()
        for mark in marks:
            self.marks.setdefault(mark.element_id, []).append(mark)
            bounds = bounds.united(QRectF(*mark.rect))
        self._bounds = bounds.adjusted(-8, -26, 8, 8)
        self.update()

    def marks_of(self, element_id: str) -> list[Mark]:
        return self.marks.get(element_id, [])

    def set_theme(self, theme: st.Theme) -> None:
        self.theme = theme
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._bounds

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        exposed = option.exposedRect.adjusted(-30, -30, 30, 30)
        text = lod_of(p, option) >= TEXT_LOD
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        tag_font, text_font = st.font(st.TAG_PX, bold=True), QFont(st.font(st.TAG_PX + 2))
        text_font.setStrikeOut(True)
        for marks in self.marks.values():
            for mark in marks:
                rect = QRectF(*mark.rect)
                if not rect.intersects(exposed):
                    continue
                colour = QColor(COLOURS[mark.kind])
                if mark.kind == REMOVED:
                    self._ghost(p, rect, mark, colour, text_font if text else None)
                else:
                    p.setPen(QPen(colour, 4))
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), 10, 10)
                if text:
                    self._tag(p, rect, mark.tag, colour, tag_font, mark.kind == REMOVED)

    def _ghost(self, p: QPainter, rect: QRectF, mark: Mark, colour: QColor, font) -> None:
        """A removed card: a dashed strip with its text struck through."""
        fill = QColor(mark.fill or self.theme["background"].name())
        fill.setAlphaF(0.9)
        pen = QPen(colour, 1.6)
        pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(fill)
        p.drawRoundedRect(rect, 5, 5)
        if font is None:
            return
        p.setFont(font)
        faded = QColor(self.theme["text"])
        faded.setAlphaF(0.7)
        p.setPen(faded)
        inner = rect.adjusted(76, 0, -8, 0)
        text = p.fontMetrics().elidedText(" ".join(mark.text.split()),
                                          Qt.TextElideMode.ElideRight, int(inner.width()))
        p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    @staticmethod
    def _tag(p: QPainter, rect: QRectF, tag: str, colour: QColor, font,
             inside: bool = False) -> None:
        p.setFont(font)
        width = p.fontMetrics().horizontalAdvance(tag) + 12
        top = rect.top() + (rect.height() - 16) / 2 if inside else rect.top() - 11
        box = QRectF(rect.left() + 6, top, width, 16)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(box, 8, 8)
        p.setPen(QColor("#ffffff"))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, tag)
