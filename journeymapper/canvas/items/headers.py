"""Stage headers (name, goal, score badges as layout.badges decides them)
and lane headers (kind marker, name, card count)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.canvas import style as st
from journeymapper.canvas.items.badgefit import full_width, paint_compact
from journeymapper.canvas.items.cards import TEXT_LOD, lod_of
from journeymapper.canvas.items.markers import marker_path
from journeymapper.canvas.text import TextBlock, elide
from journeymapper.layout.badges import Reading
from journeymapper.layout.palette import KIND_STYLE, readable_on
from journeymapper.model.elements import Element, Lane

INSET = 6.0


class StageHeaderItem(QGraphicsItem):
    """The header of a stage column; drag it to reorder, double-click to rename."""

    def __init__(self, element: Element, theme: st.Theme) -> None:
        super().__init__()
        self.element_id = element.id
        self.theme = theme
        self.w, self.h = 200.0, 60.0
        self.name = ""
        self.sub = ""
        self.badges: list[Reading] = []
        self.highlighted = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(9)
        self.set_element(element)

    def set_geometry(self, x: float, y: float, w: float, h: float) -> None:
        if (w, h) != (self.w, self.h):
            self.prepareGeometryChange()
            self.w, self.h = w, h
        self.setPos(x, y)
        self._relayout()

    def set_element(self, element: Element) -> None:
        self.fields = dict(element.fields)
        self._relayout()

    def set_badges(self, badges: list[Reading]) -> None:
        """The score badges (layout.badges.stage_badges) drawn at the header's foot."""
        self.badges = badges
        self.setToolTip("\n".join(b.tip for b in badges))
        self.update()

    def set_theme(self, theme: st.Theme) -> None:
        self.theme = theme
        self.update()

    def set_highlighted(self, on: bool) -> None:
        self.highlighted = on
        self.update()

    def _relayout(self) -> None:
        width = self.w - 2 * INSET - 20
        self.name = TextBlock(str(self.fields.get("text", "")), st.HEADER_PX, width, 1, bold=True)
        sub = str(self.fields.get("goal") or self.fields.get("description") or "")
        self.sub = elide(sub, st.TAG_PX + 1, False, width)
        self.update()

    def rect(self) -> QRectF:
        return QRectF(INSET, 4, self.w - 2 * INSET, self.h - 8)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(0, 0, self.w, self.h)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = lod_of(p, option)
        r = self.rect()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        selected = self.isSelected()
        p.setPen(QPen(self.theme["selection"], 3) if selected else Qt.PenStyle.NoPen)
        p.setBrush(self.theme["stage_header"])
        p.drawRoundedRect(r, 8, 8)
        if self.highlighted:
            p.setPen(QPen(self.theme["highlight"], 4))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(r.adjusted(-3, -3, 3, 3), 10, 10)
        if lod < TEXT_LOD * 0.6:
            return
        p.setPen(self.theme["stage_text"])
        self.name.draw(p, r.x() + 10, r.y() + 4)
        if self.sub:
            muted = QColor(self.theme["stage_text"])
            muted.setAlphaF(0.72)
            p.setPen(muted)
            p.setFont(st.font(st.TAG_PX + 1))
            p.drawText(QPointF(r.x() + 10, r.y() + 40), self.sub)
        self._paint_badges(p, r)

    def _paint_badges(self, p: QPainter, r: QRectF) -> None:
        if not self.badges:
            return
        if full_width(self.badges) > r.width() - 14:  # every metric, compactly
            paint_compact(p, self.badges, QRectF(r.x() + 8, r.bottom() - 24, r.width() - 16, 19),
                          self.theme)
            return
        f = st.font(st.BADGE_PX, bold=True)
        small = st.font(st.BADGE_PX - 1)
        fm, fs = QFontMetricsF(f), QFontMetricsF(small)
        x, y, h = r.x() + 8, r.bottom() - 24, 19.0
        for b in self.badges:
            main = f"{b.label} {b.value}"
            n_text = f"n={b.n}"
            w = fm.horizontalAdvance(main) + fs.horizontalAdvance(n_text) + 30
            colour = QColor(b.colour)
            box = QRectF(x, y, w, h)
            # the text keeps WCAG AA contrast on the score's colour (as in the PDF);
            # a low-confidence badge gets a dashed rim in the same ink
            text_colour = QColor(readable_on(b.colour))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRoundedRect(box, h / 2, h / 2)
            if b.low:
                pen = QPen(text_colour, 1.2)
                pen.setDashPattern([3, 2])
                p.setPen(pen)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(box.adjusted(2, 2, -2, -2), h / 2 - 2, h / 2 - 2)
            p.setPen(text_colour)
            p.setFont(f)
            p.drawText(QPointF(x + 8, y + 14), main)
            tx = x + 8 + fm.horizontalAdvance(main) + 6
            if b.drift:  # a real change solid, one that may be noise as a hollow outline
                self._paint_trend(p, QPointF(tx + 3, y + h / 2), b.drift, text_colour,
                                  muted=not b.trend)
                p.setPen(text_colour)
            p.setFont(small)
            p.drawText(QPointF(tx + 10, y + 14), n_text)
            x += w + 5

    @staticmethod
    def _paint_trend(p: QPainter, c: QPointF, trend: int, colour: QColor,
                     muted: bool = False) -> None:
        """Up when the score got better than the wave before (by the metric's
        own direction: a lower CES is better), down when worse, as in the PDF."""
        s = 4.0
        if trend > 0:
            tri = [QPointF(c.x(), c.y() - s), QPointF(c.x() + s, c.y() + s * 0.7),
                   QPointF(c.x() - s, c.y() + s * 0.7)]
        else:
            tri = [QPointF(c.x(), c.y() + s), QPointF(c.x() + s, c.y() - s * 0.7),
                   QPointF(c.x() - s, c.y() - s * 0.7)]
        if muted:
            faint = QColor(colour)
            faint.setAlphaF(0.6)
            p.setPen(QPen(faint, 1.0))
            p.setBrush(Qt.BrushStyle.NoBrush)
        else:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
        p.drawPolygon(QPolygonF(tri))


class LaneHeaderItem(QGraphicsItem):
    """The label of a lane row; drag to reorder, double-click to rename."""

    def __init__(self, lane: Lane, theme: st.Theme) -> None:
        super().__init__()
        self.lane = lane
        self.theme = theme
        self.w, self.h = 150.0, 100.0
        self.count = 0
        self.block: TextBlock | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(9)
        self.set_lane(lane)

    @property
    def lane_id(self) -> str:
        return self.lane.id

    def set_lane(self, lane: Lane) -> None:
        self.lane = lane
        self.block = TextBlock(lane.name, st.LANE_PX, self.w - 38, 3, bold=True)
        self.update()

    def set_geometry(self, x: float, y: float, w: float, h: float) -> None:
        if (w, h) != (self.w, self.h):
            self.prepareGeometryChange()
            self.w, self.h = w, h
        self.setPos(x, y)

    def set_theme(self, theme: st.Theme) -> None:
        self.theme = theme
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(0, 0, self.w, self.h)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        r = self.boundingRect()
        p.fillRect(r, self.theme["lane_header"])
        kc = self.theme.kind(self.lane.kind)
        p.fillRect(QRectF(r.right() - 4, r.top(), 4, r.height()), kc.border)
        if self.isSelected():
            p.setPen(QPen(self.theme["selection"], 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(r.adjusted(1.5, 1.5, -1.5, -1.5))
        if lod_of(p, option) < TEXT_LOD * 0.6:
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.save()
        p.translate(17, 21)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(kc.accent)
        p.drawPath(marker_path(KIND_STYLE[self.lane.kind].marker, 13))
        p.restore()
        p.setPen(self.theme["text"])
        if self.block is not None:
            self.block.draw(p, 30, 11)
