"""Card items: a card in a cell, an emotion chip, and a persona in the top strip.

Each item shows one element. ``set_element`` refreshes it from the model
(the scene calls it on FieldChanged); painting uses text laid out once, and
skips text when it would be too small to read.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.canvas import style as st
from journeymapper.canvas.items.cardfooter import FOOTER_H, footer_text, paint_footer, wrapped_tip
from journeymapper.canvas.items.markers import marker_path
from journeymapper.canvas.text import TextBlock, elide
from journeymapper.layout.palette import KIND_STYLE, persona_initials
from journeymapper.model.elements import Element, Kind
from journeymapper.words import card_meta, kind_tag

TEXT_LOD = 0.45     # below this zoom, text is unreadable: draw blocks only
DETAIL_LOD = 0.2    # below this, a plain rectangle
HANDLE_R = 7.0
RADIUS = 7.0


def lod_of(painter: QPainter, option: QStyleOptionGraphicsItem) -> float:
    return option.levelOfDetailFromTransform(painter.worldTransform())


class BaseCardItem(QGraphicsItem):
    """What every element item shares: its id, geometry, theme, selection,
    search highlight and persona dimming."""

    #: above lane headers (9), stage arcs (8) and the emotion curve (4)
    Z = 20.0

    def __init__(self, element: Element, theme: st.Theme) -> None:
        super().__init__()
        self.element_id = element.id
        self.kind = element.kind
        self.theme = theme
        self.w, self.h = 100.0, 40.0
        self.highlighted = False
        self.hovered = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(self.Z)

    # ------------------------------------------------------------ geometry
    def set_geometry(self, x: float, y: float, w: float, h: float) -> None:
        if (w, h) != (self.w, self.h):
            self.prepareGeometryChange()
            self.w, self.h = w, h
            self.relayout_text()
        self.setPos(x, y)

    def rect(self) -> QRectF:
        return QRectF(0, 0, self.w, self.h)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(-4, -4, self.w + 8 + HANDLE_R, self.h + 9)

    def shape(self) -> QPainterPath:
        """The card and, while it shows, its link handle (so a press there hits)."""
        path = QPainterPath()
        path.addRoundedRect(self.rect(), RADIUS, RADIUS)
        if self.hovered or self.isSelected():
            path.addEllipse(self.handle_centre(), HANDLE_R + 3, HANDLE_R + 3)
        return path

    # ------------------------------------------------------------ state
    def set_element(self, element: Element) -> None:
        self.kind = element.kind
        self.fields = dict(element.fields)
        self.relayout_text()
        self.update()

    def relayout_text(self) -> None:
        """Lay the text out again for the current size (override)."""

    def set_theme(self, theme: st.Theme) -> None:
        self.theme = theme
        self.update()

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.update()

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.hovered = False
        self.update()

    # ------------------------------------------------------------ link handle
    def handle_centre(self) -> QPointF:
        return QPointF(self.w, self.h / 2)

    def handle_contains(self, local: QPointF) -> bool:
        """True when ``local`` (item coordinates) is on the link handle."""
        c = self.handle_centre()
        return (local.x() - c.x()) ** 2 + (local.y() - c.y()) ** 2 <= (HANDLE_R + 3) ** 2

    def _paint_frame(self, p: QPainter, fill: QColor, border: QColor, lod: float,
                     radius: float = RADIUS) -> None:
        r = self.rect()
        if lod >= TEXT_LOD:  # a soft edge under the card, cheaper than a blurred shadow
            p.fillRect(QRectF(radius * 0.6, r.bottom(), r.width() - radius * 1.2, 2.2),
                       self.theme.shadow)
        selected = self.isSelected()
        pen = QPen(self.theme["selection"] if selected else border, 2.5 if selected else 1.2)
        p.setPen(pen)
        p.setBrush(QBrush(fill))
        p.drawRoundedRect(r, radius, radius)
        if self.highlighted:
            p.setPen(QPen(self.theme["highlight"], 4))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(r.adjusted(-3, -3, 3, 3), radius + 2, radius + 2)

    def _paint_handle(self, p: QPainter) -> None:
        if not (self.hovered or self.isSelected()):
            return
        c = self.handle_centre()
        p.setPen(QPen(self.theme["background"], 2))
        p.setBrush(self.theme["selection"])
        p.drawEllipse(c, HANDLE_R, HANDLE_R)
        p.setPen(QPen(QColor("#ffffff"), 1.6))
        p.drawLine(QPointF(c.x() - 3.5, c.y()), QPointF(c.x() + 3.5, c.y()))
        p.drawLine(QPointF(c.x() + 1, c.y() - 3), QPointF(c.x() + 3.5, c.y()))
        p.drawLine(QPointF(c.x() + 1, c.y() + 3), QPointF(c.x() + 3.5, c.y()))

    def _paint_marker(self, p: QPainter, x: float, y: float, size: float, colour: QColor) -> None:
        p.save()
        p.translate(x, y)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPath(marker_path(KIND_STYLE[self.kind].marker, size))
        p.restore()


class CardItem(BaseCardItem):
    """A card in a cell: kind marker and tag, wrapped text, kind details."""

    def __init__(self, element: Element, theme: st.Theme) -> None:
        super().__init__(element, theme)
        self.fields = dict(element.fields)
        self._block: TextBlock | None = None
        #: (footer, meta, tag), worked out when first needed
        self._words: tuple[str, str, str] | None = None

    def relayout_text(self) -> None:
        """The text is laid out again when next painted (a map of thousands of
        cards opens without laying out the text of cards never shown)."""
        self._block = None
        self._words = None

    def _texts(self) -> tuple[str, str, str]:
        if self._words is None:
            # an opportunity's owner, due date and votes are on its footer line
            self._words = (footer_text(self.kind, self.fields), card_meta(self.kind, self.fields),
                           kind_tag(self.kind))
        return self._words

    @property
    def footer(self) -> str:
        return self._texts()[0]

    @property
    def meta(self) -> str:
        """The short text beside the kind tag (owner, channel, ...)."""
        return self._texts()[1]

    @property
    def tag(self) -> str:
        return self._texts()[2]

    @property
    def block(self) -> TextBlock:
        if self._block is None:
            text = str(self.fields.get("text", ""))
            width = self.w - 2 * st.TEXT_PAD
            room = self.h - st.TAG_H - 6 - (FOOTER_H if self.footer else 0)
            lines = max(1, int(room // (st.CARD_PX * 1.32)))
            self._block = TextBlock(text, st.CARD_PX, width, lines)
            self.setToolTip(wrapped_tip(text, self.footer) if self._block.cut else "")
        return self._block

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = lod_of(p, option)
        kc = self.theme.kind(self.kind)
        fill = kc.fill
        if self.kind is Kind.NOTE and not self.theme.dark:
            fill = QColor(str(self.fields.get("colour", "#fff2a8")))
        if lod < DETAIL_LOD:
            p.fillRect(self.rect(), kc.border if self.isSelected() else fill)
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_frame(p, fill, kc.border, lod)
        p.fillRect(QRectF(1.5, 5, 4, self.h - 10), kc.border)
        if lod < TEXT_LOD:
            return
        self._paint_marker(p, 16, 12, 10, kc.accent)
        p.setPen(kc.accent)
        p.setFont(st.font(st.TAG_PX, bold=True))
        p.drawText(QPointF(27, 16), self.tag)
        self._paint_details(p, kc.accent)
        p.setPen(self.theme.card_text)
        self.block.draw(p, st.TEXT_PAD, st.TAG_H + 1)
        if self.footer:
            paint_footer(p, self.footer, self.w, self.h, kc.accent)
        self._paint_handle(p)

    def _paint_details(self, p: QPainter, accent: QColor) -> None:
        """Severity dots for pain points, the short meta text for the rest."""
        if self.kind is Kind.PAIN_POINT:
            severity = int(self.fields.get("severity", 3))
            for i in range(5):
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(accent if i < severity else self.theme["grid"])
                p.drawEllipse(QPointF(self.w - 52 + i * 10, 12), 3.4, 3.4)
            return
        if self.meta:
            p.setFont(st.font(st.TAG_PX, bold=True))
            room = self.w - 10 - 35 - p.fontMetrics().horizontalAdvance(self.tag)
            p.setFont(st.font(st.TAG_PX))
            p.setPen(self.theme["muted"])
            text = elide(self.meta, st.TAG_PX, False, room)
            width = p.fontMetrics().horizontalAdvance(text)
            p.drawText(QPointF(self.w - 10 - width, 16), text)


class EmotionItem(BaseCardItem):
    """An emotion point: a chip whose height in the lane is its score."""

    Z = 22.0  # above the cards it may overlap

    def __init__(self, element: Element, theme: st.Theme) -> None:
        super().__init__(element, theme)
        self.fields = dict(element.fields)
        self.label = ""

    def relayout_text(self) -> None:
        score = int(self.fields.get("score", 0))
        text = str(self.fields.get("text", ""))
        self.label = elide(f"{score:+d}  {text}".strip(), st.TAG_PX + 2, True, self.w - 30)
        self.setToolTip(f"{text} ({score:+d})")

    def set_element(self, element: Element) -> None:
        self.fields = dict(element.fields)
        super().set_element(element)

    def preview_score(self, score: int) -> None:
        """Show ``score`` while the point is dragged (the model changes on release)."""
        self.fields["score"] = score
        self.relayout_text()
        self.update()

    def handle_contains(self, local: QPointF) -> bool:
        return False  # emotions only join a persona; no link handle

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = lod_of(p, option)
        kc = self.theme.kind(Kind.EMOTION)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_frame(p, kc.fill, kc.border, lod, radius=self.h / 2)
        score = int(self.fields.get("score", 0))
        colour = _score_tint(score, self.theme)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(QPointF(16, self.h / 2), 7, 7)
        if lod < TEXT_LOD:
            return
        p.setPen(self.theme.card_text)
        p.setFont(st.font(st.TAG_PX + 2, bold=True))
        p.drawText(QRectF(28, 0, self.w - 32, self.h), Qt.AlignmentFlag.AlignVCenter, self.label)


def _score_tint(score: int, theme: st.Theme) -> QColor:
    if score > 0:
        return QColor("#2ea043")
    if score < 0:
        return QColor("#d32f2f")
    return theme["muted"]


class PersonaItem(BaseCardItem):
    """A persona in the top strip: avatar initials, name, role, quote."""

    def __init__(self, element: Element, theme: st.Theme) -> None:
        super().__init__(element, theme)
        self.fields = dict(element.fields)
        self.quote: TextBlock | None = None
        self.name = ""
        self.role = ""

    def relayout_text(self) -> None:
        text_x = 76
        self.name = elide(str(self.fields.get("text", "")), st.CARD_PX + 2, True,
                          self.w - text_x - 10)
        role = " · ".join(str(self.fields.get(k, "")) for k in ("role", "age_group", "segment")
                          if self.fields.get(k))
        self.role = elide(role, st.TAG_PX + 1, False, self.w - text_x - 10)
        quote = str(self.fields.get("quote", ""))
        self.quote = TextBlock(f"“{quote}”" if quote else "", st.TAG_PX + 2,
                               self.w - text_x - 10, 3, italic=True)
        self.setToolTip(quote if self.quote.cut else "")

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = lod_of(p, option)
        kc = self.theme.kind(Kind.PERSONA)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_frame(p, kc.fill, kc.border, lod)
        centre = QPointF(38, self.h / 2)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(kc.border)
        p.drawEllipse(centre, 27, 27)
        if lod < TEXT_LOD:
            return
        p.setPen(QColor("#ffffff"))
        p.setFont(st.font(st.CARD_PX + 3, bold=True))
        p.drawText(QRectF(centre.x() - 27, centre.y() - 27, 54, 54),
                   Qt.AlignmentFlag.AlignCenter, persona_initials(self.fields))
        p.setPen(self.theme.card_text)
        p.setFont(st.font(st.CARD_PX + 2, bold=True))
        p.drawText(QPointF(76, 24), self.name)
        p.setPen(kc.accent)
        p.setFont(st.font(st.TAG_PX + 1))
        p.drawText(QPointF(76, 40), self.role)
        p.setPen(self.theme["muted"])
        if self.quote is not None:
            self.quote.draw(p, 76, 46)
        self._paint_handle(p)


def item_class(kind: Kind, lane_kind: Kind | None, in_strip: bool) -> type[BaseCardItem]:
    """Which item shows an element of ``kind`` placed in a lane of ``lane_kind``."""
    if kind is Kind.EMOTION and lane_kind is Kind.EMOTION and not in_strip:
        return EmotionItem
    if kind is Kind.PERSONA:
        return PersonaItem
    return CardItem
