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


#: a quarter circle as a cubic Bezier: the control points at this fraction of the radius
KAPPA = 0.5523
#: reportlab's factor for the rounded corners of roundRect
CORNER = 0.4472


def circle_ops(cx: float, cy: float, r: float) -> str:
    """A circle's path operators (four Bezier quarters, as reportlab draws it)."""
    k = r * KAPPA
    x0, x1, y0, y1 = cx - r, cx + r, cy - r, cy + r
    return (f"{x1:.2f} {cy:.2f} m {x1:.2f} {cy + k:.2f} {cx + k:.2f} {y1:.2f} {cx:.2f} {y1:.2f} c "
            f"{cx - k:.2f} {y1:.2f} {x0:.2f} {cy + k:.2f} {x0:.2f} {cy:.2f} c "
            f"{x0:.2f} {cy - k:.2f} {cx - k:.2f} {y0:.2f} {cx:.2f} {y0:.2f} c "
            f"{cx + k:.2f} {y0:.2f} {x1:.2f} {cy - k:.2f} {x1:.2f} {cy:.2f} c h")


def round_rect_ops(x: float, y: float, w: float, h: float, r: float) -> str:
    """A rectangle with corners of radius ``r``: its path operators (as roundRect's)."""
    x0, x1, y0, y1 = min(x, x + w), max(x, x + w), min(y, y + h), max(y, y + h)
    t = CORNER * r
    return (f"{x0 + r:.2f} {y0:.2f} m {x1 - r:.2f} {y0:.2f} l "
            f"{x1 - t:.2f} {y0:.2f} {x1:.2f} {y0 + t:.2f} {x1:.2f} {y0 + r:.2f} c "
            f"{x1:.2f} {y1 - r:.2f} l {x1:.2f} {y1 - t:.2f} {x1 - t:.2f} {y1:.2f} {x1 - r:.2f} {y1:.2f} c "
            f"{x0 + r:.2f} {y1:.2f} l {x0 + t:.2f} {y1:.2f} {x0:.2f} {y1 - t:.2f} {x0:.2f} {y1 - r:.2f} c "
            f"{x0:.2f} {y0 + r:.2f} l {x0:.2f} {y0 + t:.2f} {x0 + t:.2f} {y0:.2f} {x0 + r:.2f} {y0:.2f} c h")


def draw_ops(c: Canvas, ops: str, stroke: bool | int = 0, fill: bool | int = 1) -> None:
    """Paint path operators written up front (cheaper than reportlab's path
    methods, which format every number through several calls)."""
    path = c.beginPath()
    path._code.append(ops)  # reportlab's path keeps its operators in _code
    c.drawPath(path, stroke=int(bool(stroke)), fill=int(bool(fill)))


def circle(c: Canvas, cx: float, cy: float, r: float, stroke: bool | int = 0,
           fill: bool | int = 1) -> None:
    draw_ops(c, circle_ops(cx, cy, r), stroke, fill)


def marker(c: Canvas, shape: str, cx: float, cy: float, size: float, fill: str) -> None:
    """A kind marker (see layout.palette.KindStyle.marker) centred on (cx, cy)."""
    r = size / 2
    c.setFillColor(colour(fill))
    c.setStrokeColor(colour(fill))
    c.setLineWidth(max(0.6, size * 0.14))
    p = c.beginPath()
    if shape in ("circle", "dot"):
        circle(c, cx, cy, r if shape == "dot" else r * 0.95, stroke=shape == "circle",
               fill=shape == "dot")
        if shape == "circle":
            circle(c, cx, cy, r * 0.4)
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
        circle(c, cx, cy + r * 0.45, r * 0.45)
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
    dots: dict[bool, list[str]] = {True: [], False: []}
    for i in range(5, 0, -1):
        dots[i <= severity].append(circle_ops(x, cy, size / 2))
        x -= size + gap
    for filled in (False, True):
        if dots[filled]:
            c.setFillColor(colour(on if filled else off))
            draw_ops(c, " ".join(dots[filled]))
    return x + size / 2 + gap
