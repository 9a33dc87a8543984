"""How to read the map: the kind markers, severity dots, score badges, loop
arcs and the emotion curve, drawn with the same shapes and colours as the map."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from journeymapper import words
from journeymapper.i18n import _
from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.text import measure_with
from journeymapper.layout.palette import KIND_STYLE, palette
from journeymapper.model.elements import Kind
from journeymapper.model.scores import LOW_CONFIDENCE_N

ROW = 18.0
INK = palette(False)["text"]
MUTED = palette(False)["muted"]


class Legend(Flowable):
    """Two rows: the card kinds, then the marks the map adds to them."""

    def __init__(self, regular: str, bold: str) -> None:
        super().__init__()
        self.regular, self.bold = regular, bold
        self.width = self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, 14 + 2 * ROW
        return self.width, self.height

    def _label(self, c: Canvas, x: float, y: float, text: str) -> float:
        c.setFont(self.regular, 8.5)
        c.setFillColor(shapes.colour(INK))
        c.drawString(x, y - 3, text)
        return x + measure_with(self.regular, 8.5)(text) + 16

    def draw(self) -> None:
        c: Canvas = self.canv
        c.setFont(self.bold, 8.5)
        c.setFillColor(shapes.colour(MUTED))
        c.drawString(0, self.height - 9, _("HOW TO READ THE MAP"))
        y = self.height - 14 - ROW / 2
        x = 0.0
        for kind in (Kind.ACTION, Kind.THOUGHT, Kind.EMOTION, Kind.TOUCHPOINT, Kind.PAIN_POINT,
                     Kind.OPPORTUNITY, Kind.GOAL, Kind.NOTE, Kind.PERSONA):
            style = KIND_STYLE[kind]
            shapes.marker(c, style.marker, x + 5, y, 9, style.accent)
            x = self._label(c, x + 13, y, words.kind_label(kind))
        y -= ROW
        x = shapes.severity_dots(c, 42, y, 4, 5.0, KIND_STYLE[Kind.PAIN_POINT].border, "#f3c1c1")
        x = self._label(c, 48, y, _("severity 4 of 5"))
        c.setFillColor(shapes.colour("#5a9e4b"))
        c.roundRect(x, y - 6, 24, 12, 2, stroke=0, fill=1)
        shapes.trend_arrow(c, x + 12, y, 6, True, "#ffffff")
        x = self._label(c, x + 30, y, _("score badge: latest wave, change (arrow: real at 95%), n"))
        c.setStrokeColor(shapes.colour("#5a9e4b"))
        c.setDash(2, 1.5)
        c.roundRect(x, y - 6, 24, 12, 2, stroke=1, fill=0)
        c.setDash()
        x = self._label(c, x + 30, y, _("n* = fewer than {n} answers").format(n=LOW_CONFIDENCE_N))
        loop = palette(False)["loop"]
        c.setStrokeColor(shapes.colour(loop))
        c.setLineWidth(1.5)
        c.bezier(x, y - 4, x + 4, y + 6, x + 20, y + 6, x + 24, y - 4)
        shapes.arrowhead(c, x + 23, y, x + 24, y - 4, 5, loop)
        x = self._label(c, x + 30, y, _("journey loops back"))
        c.setStrokeColor(shapes.colour(palette(False)["curve"]))
        c.setLineWidth(2)
        c.bezier(x, y - 4, x + 8, y + 8, x + 16, y - 8, x + 24, y + 4)
        self._label(c, x + 30, y, _("emotion curve"))
