"""Small vector shapes drawn on a reportlab canvas: kind markers, arrowheads,
trend arrows and severity dots. They never depend on a font's glyphs.

Coordinates are in the canvas's current user space with y pointing up.
"""

from __future__ import annotations

import math
from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas


@lru_cache(maxsize=256)
def colour(hex_value: str) -> HexColor:
    return HexColor(hex_value)


def marker(c: Canvas, shape: str, cx: float, cy: float, size: float, fill: str) -> None:
    """A kind marker (see layout.palette.KindStyle.marker) centred on (cx, cy)."""
    r = size / 2
    c.setFillColor(colour(fill))
    c.setStrokeColor(colour(fill))
    c.setLineWidth(max(0.6, size * 0.14))
    p = c.beginPath()
    if shape in ("circle", "dot"):
        c.circle(cx, cy, r if shape == "dot" else r * 0.95, stroke=shape == "circle",
                 fill=shape == "dot")
        if shape == "circle":
            c.circle(cx, cy, r * 0.4, stroke=0, fill=1)
        return
    if shape == "triangle":
        p.moveTo(cx, cy + r)
        p.lineTo(cx + r, cy - r * 0.8)
        p.lineTo(cx - r, cy - r * 0.8)
    elif shape == "diamond":
        p.moveTo(cx, cy + r)
        p.lineTo(cx + r, cy)
        p.lineTo(cx, cy - r)
        p.lineTo(cx - r, cy)
    elif shape == "chevron":
        p.moveTo(cx - r, cy + r)
        p.lineTo(cx + r * 0.1, cy + r)
        p.lineTo(cx + r, cy)
        p.lineTo(cx + r * 0.1, cy - r)
        p.lineTo(cx - r, cy - r)
        p.lineTo(cx - r * 0.1, cy)
    elif shape == "bubble":
        c.ellipse(cx - r, cy - r * 0.55, cx + r, cy + r * 0.85, stroke=0, fill=1)
        p.moveTo(cx - r * 0.5, cy - r * 0.3)
        p.lineTo(cx - r * 0.8, cy - r)
        p.lineTo(cx - r * 0.05, cy - r * 0.4)
    elif shape == "flag":
        c.rect(cx - r, cy - r, size * 0.12, size, stroke=0, fill=1)
        p.moveTo(cx - r, cy + r)
        p.lineTo(cx + r, cy + r * 0.45)
        p.lineTo(cx - r, cy - r * 0.1)
    elif shape == "person":
        c.circle(cx, cy + r * 0.45, r * 0.45, stroke=0, fill=1)
        p.moveTo(cx - r * 0.85, cy - r)
        p.curveTo(cx - r * 0.85, cy, cx + r * 0.85, cy, cx + r * 0.85, cy - r)
    else:  # square
        c.rect(cx - r * 0.85, cy - r * 0.85, size * 0.85, size * 0.85, stroke=0, fill=1)
        return
    p.close()
    c.drawPath(p, stroke=0, fill=1)


def arrowhead_path(path, x0: float, y0: float, x1: float, y1: float, size: float) -> None:
    """Add a closed arrowhead at (x1, y1), pointing away from (x0, y0), to ``path``."""
    angle = math.atan2(y1 - y0, x1 - x0)
    spread = 0.45
    path.moveTo(x1, y1)
    path.lineTo(x1 - size * math.cos(angle - spread), y1 - size * math.sin(angle - spread))
    path.lineTo(x1 - size * math.cos(angle + spread), y1 - size * math.sin(angle + spread))
    path.close()


def arrowhead(c: Canvas, x0: float, y0: float, x1: float, y1: float, size: float,
              fill: str) -> None:
    """A filled arrowhead at (x1, y1) pointing away from (x0, y0)."""
    p = c.beginPath()
    arrowhead_path(p, x0, y0, x1, y1, size)
    c.setFillColor(colour(fill))
    c.drawPath(p, stroke=0, fill=1)


def trend_arrow(c: Canvas, cx: float, cy: float, size: float, up: bool, fill: str) -> None:
    """A small up or down triangle for a change between waves."""
    r = size / 2
    p = c.beginPath()
    if up:
        p.moveTo(cx, cy + r)
        p.lineTo(cx + r, cy - r)
        p.lineTo(cx - r, cy - r)
    else:
        p.moveTo(cx, cy - r)
        p.lineTo(cx + r, cy + r)
        p.lineTo(cx - r, cy + r)
    p.close()
    c.setFillColor(colour(fill))
    c.drawPath(p, stroke=0, fill=1)


def severity_dots(c: Canvas, right: float, cy: float, severity: int, size: float,
                  on: str, off: str) -> float:
    """Five dots ending at ``right``, ``severity`` of them filled; returns the left edge."""
    gap = size * 0.45
    x = right - size / 2
    for i in range(5, 0, -1):
        c.setFillColor(colour(on if i <= severity else off))
        c.circle(x, cy, size / 2, stroke=0, fill=1)
        x -= size + gap
    return x + size / 2 + gap
