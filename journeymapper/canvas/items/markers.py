"""Kind markers as small vector paths (never a font glyph), cached per shape."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF


@lru_cache(maxsize=64)
def marker_path(name: str, size: float) -> QPainterPath:
    """The marker ``name`` (see layout.palette.KindStyle.marker) centred on 0,0."""
    s = size / 2
    path = QPainterPath()
    if name in ("circle", "dot"):
        path.addEllipse(QPointF(0, 0), s, s)
        if name == "circle":
            inner = QPainterPath()
            inner.addEllipse(QPointF(0, 0), s * 0.45, s * 0.45)
            path = path.subtracted(inner)
    elif name == "chevron":
        path.addPolygon(QPolygonF([QPointF(-s, -s), QPointF(0, -s), QPointF(s, 0),
                                   QPointF(0, s), QPointF(-s, s), QPointF(0, 0)]))
        path.closeSubpath()
    elif name == "bubble":
        path.addRoundedRect(QRectF(-s, -s, 2 * s, 1.5 * s), s * 0.5, s * 0.5)
        path.addPolygon(QPolygonF([QPointF(-s * 0.4, 0.4 * s), QPointF(-s * 0.6, s),
                                   QPointF(0, 0.4 * s)]))
        path = path.simplified()
    elif name == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -s), QPointF(s, s * 0.8), QPointF(-s, s * 0.8)]))
        path.closeSubpath()
    elif name == "diamond":
        path.addPolygon(QPolygonF([QPointF(0, -s), QPointF(s, 0), QPointF(0, s), QPointF(-s, 0)]))
        path.closeSubpath()
    elif name == "flag":
        path.addRect(QRectF(-s, -s, s * 0.3, 2 * s))
        path.addPolygon(QPolygonF([QPointF(-s * 0.7, -s), QPointF(s, -s * 0.45),
                                   QPointF(-s * 0.7, s * 0.1)]))
        path = path.simplified()
    elif name == "person":
        path.addEllipse(QPointF(0, -s * 0.45), s * 0.45, s * 0.45)
        body = QPainterPath()
        body.addRoundedRect(QRectF(-s * 0.85, s * 0.1, s * 1.7, s * 0.9), s * 0.4, s * 0.4)
        path = path.united(body)
    else:  # square
        path.addRoundedRect(QRectF(-s, -s, 2 * s, 2 * s), s * 0.3, s * 0.3)
    return path


def arrow_head(tip: QPointF, direction: QPointF, size: float = 8.0) -> QPolygonF:
    """A filled arrowhead at ``tip`` pointing along ``direction`` (a unit vector)."""
    dx, dy = direction.x(), direction.y()
    back = QPointF(tip.x() - dx * size, tip.y() - dy * size)
    nx, ny = -dy * size * 0.5, dx * size * 0.5
    return QPolygonF([tip, QPointF(back.x() + nx, back.y() + ny),
                      QPointF(back.x() - nx, back.y() - ny)])
