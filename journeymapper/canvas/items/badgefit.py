"""Stage badges when they do not all fit at full size: one compact strip
with every metric of the stage (a coloured dot, the label, the value and
the trend), so no metric hides behind "+2". The full badges (value, trend,
n) are drawn by the header when they fit; the tooltip always lists all."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPolygonF

from journeymapper.canvas import style as st
from journeymapper.layout.badges import Reading

GAP = 8.0


def full_width(badges: list[Reading]) -> float:
    """The room the full badges take, side by side."""
    fm = QFontMetricsF(st.font(st.BADGE_PX, bold=True))
    fs = QFontMetricsF(st.font(st.BADGE_PX - 1))
    return sum(fm.horizontalAdvance(f"{b.label} {b.value}") + fs.horizontalAdvance(f"n={b.n}")
               + 35 for b in badges)


def _label(b: Reading, short: bool) -> str:
    return f"{b.label[:4] if short else b.label} {b.value}"


def _compact_width(badges: list[Reading], px: int, short: bool) -> float:
    fm = QFontMetricsF(st.font(px, bold=True))
    return sum(fm.horizontalAdvance(_label(b, short)) + 14 + (7 if b.trend else 0)
               for b in badges) + GAP * (len(badges) - 1) + 12


def paint_compact(p: QPainter, badges: list[Reading], box: QRectF, theme: st.Theme) -> None:
    """Every badge in one strip inside ``box`` (its height is the strip's)."""
    px, short = st.BADGE_PX - 1, False
    for px, short in ((st.BADGE_PX - 1, False), (st.BADGE_PX - 2, False),
                      (st.BADGE_PX - 2, True)):
        if _compact_width(badges, px, short) <= box.width():
            break
    strip = QColor(theme["stage_text"])
    strip.setAlphaF(0.1)
    width = min(box.width(), _compact_width(badges, px, short))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(strip)
    p.drawRoundedRect(QRectF(box.left(), box.top(), width, box.height()),
                      box.height() / 2, box.height() / 2)
    f = st.font(px, bold=True)
    fm = QFontMetricsF(f)
    x, mid = box.left() + 7, box.center().y()
    p.setFont(f)
    for b in badges:
        text = _label(b, short)
        need = fm.horizontalAdvance(text) + 14 + (7 if b.trend else 0)
        if x + need > box.right() + 1:
            break
        colour = QColor(b.colour)
        if b.low:
            pen = QPen(colour, 1.6)
            pen.setDashPattern([2, 1.5])
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
        else:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
        p.drawEllipse(QPointF(x + 4, mid), 4, 4)
        p.setPen(theme["stage_text"])
        p.drawText(QPointF(x + 11, mid + fm.ascent() / 2 - 1), text)
        x += 11 + fm.horizontalAdvance(text) + 3
        if b.trend:
            s = 3.5
            tip = -s if b.trend > 0 else s
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawPolygon(QPolygonF([QPointF(x + 2, mid + tip), QPointF(x + 2 + s, mid - tip),
                                     QPointF(x + 2 - s, mid - tip)]))
            x += 7
        x += GAP
