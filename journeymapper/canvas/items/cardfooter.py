"""What a card shows beyond its text: the footer line of an opportunity
(owner, due date, votes) and the tooltip with the full text, wrapped."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtGui import QColor, QPainter

from journeymapper.canvas import style as st
from journeymapper.canvas.text import elide
from journeymapper.model.elements import Kind

translate = QCoreApplication.translate

FOOTER_H = 17.0
TIP_WIDTH = 420  # px: a long card's tooltip wraps instead of crossing the screen



def footer_text(kind: Kind, fields: dict) -> str:
    """'Dana · due 2026-06-12 · 3 votes' for an opportunity; '' for the rest
    and for an opportunity with none of them."""
    if kind is not Kind.OPPORTUNITY:
        return ""
    parts = []
    owner = " ".join(str(fields.get("owner", "")).split())
    if owner:
        parts.append(owner)
    due = str(fields.get("due", ""))
    if due:
        parts.append(translate("CardItem", "due {date}").format(date=due))
    votes = int(fields.get("votes", 0) or 0)
    if votes:
        parts.append(translate("CardItem", "%n vote(s)", None, votes))
    return " · ".join(parts)


def paint_footer(p: QPainter, text: str, width: float, height: float, colour: QColor) -> None:
    """The footer line at the foot of a card ``width`` x ``height``."""
    p.setPen(colour)
    p.setFont(st.font(st.TAG_PX + 1, bold=True))
    p.drawText(QPointF(st.TEXT_PAD, height - 7), elide(text, st.TAG_PX + 1, True,
                                                       width - 2 * st.TEXT_PAD))


def wrapped_tip(text: str, extra: str = "") -> str:
    """A tooltip showing all of ``text`` (wrapped at a readable width; its
    line breaks kept), with ``extra`` below it in a smaller line."""
    body = html.escape(text.strip()).replace("\n", "<br>")
    tail = f"<br><small>{html.escape(extra)}</small>" if extra else ""
    return f"<div style='width: {TIP_WIDTH}px'>{body}{tail}</div>" if len(text) > 60 \
        else f"<div>{body}{tail}</div>"
