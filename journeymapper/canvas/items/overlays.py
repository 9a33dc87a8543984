"""Marks laid over the map's items: the current cell, a lock, dots of a
vote, a card hidden until its round is revealed.

Marks on a card or header are its child items, so they move with it and
hide with it (the overview); they accept no mouse buttons, so a click goes
to the card underneath. They draw what they are told: the workshop
controller decides what each shows (ui/workshop.py).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.canvas import style as st
from journeymapper.canvas.items.cards import RADIUS, TEXT_LOD, lod_of
from journeymapper.canvas.text import TextBlock

DOT_COLOUR = QColor("#e8590c")
MINE_COLOUR = QColor("#1971c2")


class _Mark(QGraphicsItem):
    """A child mark: no buttons, no focus, drawn above its parent."""

    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setZValue(5)


class CellMarker(QGraphicsItem):
    """The current cell: where N types a new card, where arrows have led."""

    def __init__(self, theme: st.Theme) -> None:
        super().__init__()
        self.theme = theme
        self.box = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(3)  # above the lane bands, below headers and cards
        self.setVisible(False)

    def set_theme(self, theme: st.Theme) -> None:
        self.theme = theme
        self.update()

    def show_rect(self, rect: QRectF | None) -> None:
        if rect is None:
            self.setVisible(False)
            return
        rect = rect.adjusted(3, 3, -3, -3)
        if rect != self.box:
            self.prepareGeometryChange()
            self.box = rect
        self.setVisible(True)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self.box.adjusted(-2, -2, 2, 2)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        colour = QColor(self.theme["selection"])
        fill = QColor(colour)
        fill.setAlphaF(0.07)
        pen = QPen(colour, 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(pen)
        p.setBrush(fill)
        p.drawRoundedRect(self.box, 8, 8)


def _lock_path(size: float) -> tuple[QPainterPath, QPainterPath]:
    """A padlock ``size`` wide, its top left at (0, 0): (body, shackle)."""
    path = QPainterPath()
    body = QRectF(0, size * 0.45, size, size * 0.6)
    path.addRoundedRect(body, size * 0.12, size * 0.12)
    shackle = QPainterPath()
    shackle.moveTo(size * 0.22, size * 0.48)
    shackle.lineTo(size * 0.22, size * 0.3)
    shackle.arcTo(QRectF(size * 0.22, 0, size * 0.56, size * 0.56), 180, -180)
    shackle.lineTo(size * 0.78, size * 0.48)
    return path, shackle


class LockMark(_Mark):
    """A padlock in the corner of a locked card, stage header or lane header."""

    SIZE = 14.0

    def __init__(self, parent: QGraphicsItem, theme: st.Theme, tip: str) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setToolTip(tip)
        self.place()

    def place(self) -> None:
        self.setPos(-6, -8)  # on the top left corner, clear of the text and the vote badge

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(-3, -3, self.SIZE + 6, self.SIZE * 1.05 + 6)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        body, shackle = _lock_path(self.SIZE)
        colour = QColor("#495057") if not self.theme.dark else QColor("#dee2e6")
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.theme["background"])
        p.drawEllipse(QPointF(self.SIZE / 2, self.SIZE * 0.55), self.SIZE * 0.85, self.SIZE * 0.85)
        p.setPen(QPen(colour, 2.0))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(shackle)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPath(body)


class VoteMark(_Mark):
    """Dots on a card during a vote: the voter's own along its bottom edge
    (blue) and, when counts show, the total in a badge on its top right
    corner (orange) with its rank among the top three."""

    def __init__(self, parent: QGraphicsItem, theme: st.Theme) -> None:
        super().__init__(parent)
        self.theme = theme
        self.mine = 0
        self.total: int | None = None
        self.rank: int | None = None
        self._size = (0.0, 0.0)
        self.setZValue(9)  # above a hidden sheet: a vote may take face-down cards too

    def set_counts(self, mine: int, total: int | None, rank: int | None = None) -> None:
        if (mine, total, rank) != (self.mine, self.total, self.rank):
            self.mine, self.total, self.rank = mine, total, rank
            self.update()
        self.place()

    def place(self) -> None:
        parent = self.parentItem()
        size = (getattr(parent, "w", 100.0), getattr(parent, "h", 40.0))
        if size != self._size:
            self.prepareGeometryChange()
            self._size = size

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        w, h = self._size
        return QRectF(-50, -20, w + 70, h + 30)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        w, h = self._size
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        x = 14.0
        shown = min(self.mine, 12)
        for _ in range(shown):
            p.setPen(QPen(QColor("#ffffff"), 1.5))
            p.setBrush(MINE_COLOUR)
            p.drawEllipse(QPointF(x, h), 6, 6)
            x += 13
        if self.mine > shown:
            p.setPen(MINE_COLOUR)
            p.setFont(st.font(st.TAG_PX, bold=True))
            p.drawText(QPointF(x, h + 4), f"+{self.mine - shown}")
        if not self.total:
            return
        text = str(self.total)
        p.setFont(st.font(st.CARD_PX + 2, bold=True))
        advance = p.fontMetrics().horizontalAdvance(text)
        badge = QRectF(w - advance / 2 - 14, -17, max(25.0, advance + 15), 25)
        p.setPen(QPen(QColor("#ffffff"), 2))
        p.setBrush(DOT_COLOUR)
        p.drawRoundedRect(badge, 13, 13)
        p.setPen(QColor("#ffffff"))
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        if self.rank is not None and self.rank <= 3:
            label = f"#{self.rank}"
            p.setFont(st.font(st.TAG_PX + 1, bold=True))
            room = QRectF(badge.left() - 38, badge.top() + 2, 34, badge.height() - 6)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#ffffff") if not self.theme.dark else QColor("#212529"))
            p.drawRoundedRect(room.adjusted(6, 4, 0, -4), 6, 6)
            p.setPen(DOT_COLOUR)
            p.drawText(room.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignCenter, label)


class HiddenSheet(_Mark):
    """A face-down card: it covers a card typed during a silent round, so
    its text shows to nobody until the round is revealed (or, in a session,
    only to its author: then the sheet is not there)."""

    def __init__(self, parent: QGraphicsItem, theme: st.Theme, label: str, tip: str) -> None:
        super().__init__(parent)
        self.theme = theme
        self.label = label
        self.block: TextBlock | None = None
        self.setToolTip(tip)
        self.setZValue(8)
        self.place()

    def place(self) -> None:
        parent = self.parentItem()
        size = (getattr(parent, "w", 100.0), getattr(parent, "h", 40.0))
        if self.block is None or size != self._size:
            self.prepareGeometryChange()
            self._size = size
            self.block = TextBlock(self.label, st.CARD_PX, size[0] - 20, 2, bold=True)

    _size = (0.0, 0.0)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        w, h = self._size
        return QRectF(-1, -1, w + 2, h + 2)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        w, h = self._size
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fill = QColor("#5c6bc0") if not self.theme.dark else QColor("#3949ab")
        shape = QPainterPath()
        shape.addRoundedRect(QRectF(0, 0, w, h), RADIUS, RADIUS)
        p.setPen(QPen(fill.darker(130), 1.2))
        p.setBrush(fill)
        p.drawPath(shape)
        p.save()
        p.setClipPath(shape)
        p.setPen(QPen(QColor(255, 255, 255, 28), 6))
        for x in range(-int(h), int(w) + 1, 18):
            p.drawLine(QPointF(x, 0), QPointF(x + h, h))
        p.restore()
        if lod_of(p, option) < TEXT_LOD or self.block is None:
            return
        p.setPen(QColor("#ffffff"))
        self.block.draw(p, 10, h / 2 - 12)
