"""The emotion lane's curve: a smooth line through the emotion points, with
a dashed neutral line, redrawn live while a point is dragged."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.canvas import style as st
from journeymapper.layout.geometry import smooth_segments


def smooth_path(points: list[tuple[float, float]]) -> QPainterPath:
    """The emotion curve through ``points`` (sorted by x), as the layout defines it."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(QPointF(*points[0]))
    for _, c1, c2, end in smooth_segments(points):
        path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*end))
    return path


class EmotionCurveItem(QGraphicsItem):
    """Drawn behind the emotion chips of one emotion lane."""

    def __init__(self, theme: st.Theme) -> None:
        super().__init__()
        self.theme = theme
        self.lane = QRectF()
        self.points: dict[str, tuple[float, float]] = {}
        self.curve = QPainterPath()
        self.setZValue(4)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_lane(self, rect: QRectF) -> None:
        if rect != self.lane:
            self.prepareGeometryChange()
            self.lane = QRectF(rect)

    def set_points(self, points: dict[str, tuple[float, float]]) -> None:
        self.points = dict(points)
        self._rebuild()

    def move_point(self, element_id: str, point: tuple[float, float] | None) -> None:
        """Change (or drop, with None) one point and redraw; used live in drags."""
        if point is None:
            self.points.pop(element_id, None)
        else:
            self.points[element_id] = point
        self._rebuild()

    def _rebuild(self) -> None:
        self.curve = smooth_path(sorted(self.points.values()))
        self.update()

    def set_theme(self, theme: st.Theme) -> None:
        self.theme = theme
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self.lane

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.lane.isEmpty():
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        mid = self.lane.center().y()
        pen = QPen(self.theme["grid"], 1.4)
        pen.setDashPattern([6, 4])
        p.setPen(pen)
        p.drawLine(QPointF(self.lane.left(), mid), QPointF(self.lane.right(), mid))
        if len(self.points) < 2:
            return
        colour = self.theme["curve"]
        area = QPainterPath(self.curve)
        first, last = min(self.points.values()), max(self.points.values())
        area.lineTo(last[0], mid)
        area.lineTo(first[0], mid)
        area.closeSubpath()
        grad = QLinearGradient(0, self.lane.top(), 0, self.lane.bottom())
        top, bottom = QColor("#2ea043"), QColor("#d32f2f")
        top.setAlpha(40)
        bottom.setAlpha(40)
        grad.setColorAt(0.0, top)
        grad.setColorAt(0.5, QColor(0, 0, 0, 0))
        grad.setColorAt(1.0, bottom)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(grad)
        p.drawPath(area)
        p.setPen(QPen(colour, 3.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(self.curve)
