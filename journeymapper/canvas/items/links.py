"""Link items: routed arrows between cards, and stage-to-stage arrows and
arcs above the stage headers (loops back in their own colour)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.canvas import style as st
from journeymapper.canvas.items.markers import arrow_head
from journeymapper.layout.geometry import StageLinkShape
from journeymapper.model.links import Link

CORNER = 9.0

translate = QCoreApplication.translate


class ArrowItem(QGraphicsItem):
    """A link drawn as a path with an arrowhead; subclasses place the path."""

    WIDTH = 1.6

    def __init__(self, link: Link, theme: st.Theme, z: float) -> None:
        super().__init__()
        self.link = link
        self.theme = theme
        self.path = QPainterPath()
        self.head: QPolygonF | None = None
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self.setZValue(z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)

    def _set_path(self, path: QPainterPath, head: QPolygonF) -> None:
        self.prepareGeometryChange()
        self.path, self.head = path, head
        self._bounds = path.boundingRect().united(head.boundingRect()).adjusted(-4, -4, 4, 4)
        self._shape = None

    def set_theme(self, theme: st.Theme) -> None:
        self.theme = theme
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(self.path)
        return self._shape

    def colour(self) -> QColor:
        return self.theme["link"]

    def pen(self, colour: QColor) -> QPen:
        pen = QPen(colour, 2.6 if self.isSelected() else self.WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        return pen

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.head is None:
            return
        colour = self.theme["selection"] if self.isSelected() else self.colour()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(self.pen(colour))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(self.path)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPolygon(self.head)


class StageLinkItem(ArrowItem):
    """A leads-to link between stages: a short arrow between neighbouring
    headers, an arc above the headers otherwise; loops back use the loop colour."""

    WIDTH = 2.6

    def __init__(self, link: Link, theme: st.Theme) -> None:
        super().__init__(link, theme, 8)
        self.loop = False

    def set_shape(self, shape: StageLinkShape) -> None:
        """Draw the shape layout.geometry.stage_link_shape chose (the PDF draws the same)."""
        self.loop = shape.loop
        points = [QPointF(x, y) for x, y in shape.points]
        path = QPainterPath(points[0])
        if shape.straight:
            path.lineTo(points[1])
        else:
            path.cubicTo(points[1], points[2], points[3])
        size = 9.0 if shape.straight else 10.0
        self._set_path(path, arrow_head(points[-1], QPointF(*shape.direction), size))
        tip = translate("StageLinkItem", "{source} loops back to {target}") if shape.loop else \
            translate("StageLinkItem", "{source} leads to {target}")
        self.setToolTip(tip.format(source=self.link.source, target=self.link.target))

    def colour(self) -> QColor:
        return self.theme["loop"] if self.loop else self.theme["link"]

    def pen(self, colour: QColor) -> QPen:
        pen = super().pen(colour)
        if self.loop:
            pen.setDashPattern([5, 3])
        return pen
