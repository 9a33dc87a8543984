"""Toolbar icons drawn as small vector shapes with QPainter.

Drawing them keeps the look the same on every platform and theme (the
style's standard icons differ per platform and some are missing offscreen),
and they stay crisp at projector sizes. ``icon(name, colour)`` paints one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

SIZE = 64  # drawn at 64 px; Qt scales down for the toolbar's icon size
STROKE = 5.0


def _plus(p: QPainter, cx: float, cy: float, r: float, colour: QColor) -> None:
    """A filled disc with a plus: the 'add' badge in the corner of add icons."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#2e7d32"))
    p.drawEllipse(QPointF(cx, cy), r, r)
    pen = QPen(QColor("#ffffff"), STROKE * 0.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.drawLine(QPointF(cx - r * 0.5, cy), QPointF(cx + r * 0.5, cy))
    p.drawLine(QPointF(cx, cy - r * 0.5), QPointF(cx, cy + r * 0.5))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(_pen(colour))


def _pen(colour: QColor, width: float = STROKE) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _arrow(p: QPainter, tip: QPointF, dx: float, dy: float, size: float) -> None:
    """A filled arrowhead at ``tip`` pointing along (dx, dy) (a unit vector)."""
    nx, ny = -dy, dx
    back = QPointF(tip.x() - dx * size, tip.y() - dy * size)
    poly = QPolygonF([tip, back + QPointF(nx * size * 0.6, ny * size * 0.6),
                      back - QPointF(nx * size * 0.6, ny * size * 0.6)])
    brush = p.brush()
    p.setBrush(p.pen().color())
    p.drawPolygon(poly)
    p.setBrush(brush)


def _new(p: QPainter, c: QColor) -> None:
    page = QPolygonF([QPointF(14, 6), QPointF(40, 6), QPointF(52, 18), QPointF(52, 58),
                      QPointF(14, 58)])
    p.drawPolygon(page)
    p.drawPolyline(QPolygonF([QPointF(40, 6), QPointF(40, 18), QPointF(52, 18)]))
    _plus(p, 46, 48, 13, c)


def _open(p: QPainter, c: QColor) -> None:
    p.drawPolyline(QPolygonF([QPointF(8, 52), QPointF(8, 12), QPointF(24, 12), QPointF(30, 18),
                              QPointF(50, 18), QPointF(50, 26)]))
    p.drawPolygon(QPolygonF([QPointF(8, 52), QPointF(18, 28), QPointF(58, 28),
                             QPointF(48, 52)]))


def _save(p: QPainter, c: QColor) -> None:
    p.drawPolygon(QPolygonF([QPointF(8, 8), QPointF(46, 8), QPointF(56, 18), QPointF(56, 56),
                             QPointF(8, 56)]))
    p.drawRect(QRectF(18, 8, 24, 14))
    p.drawRect(QRectF(16, 34, 32, 22))


def _undo(p: QPainter, c: QColor, mirror: bool = False) -> None:
    if mirror:
        p.translate(SIZE, 0)
        p.scale(-1, 1)
    path = QPainterPath(QPointF(16, 26))
    path.cubicTo(QPointF(30, 12), QPointF(56, 16), QPointF(54, 38))
    path.cubicTo(QPointF(52, 50), QPointF(40, 54), QPointF(30, 54))
    p.drawPath(path)
    _arrow(p, QPointF(10, 32), -0.6, 0.8, 16)


def _card(p: QPainter, c: QColor) -> None:
    p.drawRoundedRect(QRectF(6, 12, 42, 32), 6, 6)
    p.drawLine(QPointF(14, 24), QPointF(38, 24))
    p.drawLine(QPointF(14, 33), QPointF(30, 33))
    _plus(p, 48, 46, 13, c)


def _stage(p: QPainter, c: QColor) -> None:
    p.setBrush(c)
    p.drawRoundedRect(QRectF(6, 6, 36, 12), 3, 3)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawLine(QPointF(6, 24), QPointF(6, 58))
    p.drawLine(QPointF(42, 24), QPointF(42, 40))
    _plus(p, 48, 46, 13, c)


def _lane(p: QPainter, c: QColor) -> None:
    p.setBrush(c)
    p.drawRect(QRectF(4, 14, 12, 22))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawLine(QPointF(22, 14), QPointF(58, 14))
    p.drawLine(QPointF(22, 36), QPointF(34, 36))
    _plus(p, 48, 46, 13, c)


def _link(p: QPainter, c: QColor) -> None:
    p.drawRoundedRect(QRectF(4, 6, 22, 16), 4, 4)
    p.drawRoundedRect(QRectF(38, 42, 22, 16), 4, 4)
    path = QPainterPath(QPointF(26, 14))
    path.cubicTo(QPointF(44, 14), QPointF(20, 50), QPointF(34, 50))
    p.drawPath(path)
    _arrow(p, QPointF(38, 50), 1, 0, 12)


def _fit(p: QPainter, c: QColor) -> None:
    for x, y, sx, sy in ((6, 6, 1, 1), (58, 6, -1, 1), (6, 58, 1, -1), (58, 58, -1, -1)):
        p.drawPolyline(QPolygonF([QPointF(x, y + sy * 16), QPointF(x, y),
                                  QPointF(x + sx * 16, y)]))
    p.drawRect(QRectF(20, 22, 24, 20))


def _magnifier(p: QPainter, c: QColor) -> None:
    p.drawEllipse(QPointF(26, 26), 17, 17)
    p.setPen(_pen(c, STROKE * 1.6))
    p.drawLine(QPointF(39, 39), QPointF(56, 56))
    p.setPen(_pen(c))


def _zoom_selection(p: QPainter, c: QColor) -> None:
    _magnifier(p, c)
    pen = _pen(c, 3)
    pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.drawRect(QRectF(17, 18, 18, 16))


def _survey(p: QPainter, c: QColor) -> None:
    p.drawLine(QPointF(6, 58), QPointF(58, 58))
    p.setBrush(c)
    for i, h in enumerate((14, 26, 20)):
        p.drawRect(QRectF(8 + i * 14, 56 - h, 8, h))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawLine(QPointF(52, 6), QPointF(52, 34))
    _arrow(p, QPointF(52, 42), 0, 1, 14)


def _pdf(p: QPainter, c: QColor) -> None:
    p.drawPolygon(QPolygonF([QPointF(8, 6), QPointF(30, 6), QPointF(40, 16), QPointF(40, 58),
                             QPointF(8, 58)]))
    for y in (26, 36, 46):
        p.drawLine(QPointF(16, y), QPointF(32, y))
    p.drawLine(QPointF(44, 34), QPointF(56, 34))
    p.drawLine(QPointF(50, 22), QPointF(50, 44))
    _arrow(p, QPointF(50, 52), 0, 1, 12)


PAINTERS: dict[str, Callable[[QPainter, QColor], None]] = {
    "new": _new, "open": _open, "save": _save, "undo": _undo,
    "redo": lambda p, c: _undo(p, c, mirror=True), "card": _card, "stage": _stage,
    "lane": _lane, "link": _link, "fit": _fit, "find": _magnifier,
    "zoom_selection": _zoom_selection, "survey": _survey, "pdf": _pdf,
}


def icon(name: str, colour: QColor | str) -> QIcon:
    """The icon ``name`` (a key of PAINTERS) in ``colour``."""
    c = QColor(colour)
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(_pen(c))
    p.setBrush(Qt.BrushStyle.NoBrush)
    PAINTERS[name](p, c)
    p.end()
    return QIcon(pixmap)
