"""How to read the map: the kind markers, the link styles, severity dots,
score badges, loop arcs and the emotion curve, drawn with the same shapes
and colours as the map. Items flow onto as many lines as the page needs."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from journeymapper import words
from journeymapper.i18n import _
from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.text import measure_with, single_line
from journeymapper.layout.palette import KIND_STYLE, LINK_ORDER, LINK_STYLE, palette
from journeymapper.model.elements import Kind
from journeymapper.model.scores import LOW_CONFIDENCE_N

ROW = 16.0
FONT = 8.5
INK = palette(False)["text"]
MUTED = palette(False)["muted"]
GOOD = "#2e7d32"

#: an item: the width of its sample and how to draw it at (x, y middle)
Item = tuple[float, str, Callable[[Canvas, float, float], None]]


def _kind(kind: Kind) -> Item:
    style = KIND_STYLE[kind]
    return (10.0, words.kind_label(kind), lambda c, x, y: shapes.marker(c, style.marker, x + 5, y, 9,
                                                               style.accent))


def _link(kind) -> Item:
    style = LINK_STYLE[kind]

    def draw(c: Canvas, x: float, y: float) -> None:
        c.setStrokeColor(shapes.colour(style.colour))
        c.setLineWidth(style.width * 0.8)
        if style.dash:
            c.setDash(list(style.dash))
        c.line(x, y, x + 18, y)
        c.setDash()
        shapes.arrowhead(c, x + 18, y, x + 24, y, 6, style.colour)

    return (24.0, words.link_label(kind), draw)


def _severity(c: Canvas, x: float, y: float) -> None:
    shapes.severity_dots(c, x + 38, y, 4, 5.0, KIND_STYLE[Kind.PAIN_POINT].border, "#f3c1c1")


def _badge(c: Canvas, x: float, y: float) -> None:
    c.setFillColor(shapes.colour(GOOD))
    c.roundRect(x, y - 6, 24, 12, 2, stroke=0, fill=1)
    shapes.trend_arrow(c, x + 12, y, 6, True, "#ffffff")


def _low(c: Canvas, x: float, y: float) -> None:
    c.setStrokeColor(shapes.colour(GOOD))
    c.setLineWidth(1)
    c.setDash(2, 1.5)
    c.roundRect(x, y - 6, 24, 12, 2, stroke=1, fill=0)
    c.setDash()


def _loop(c: Canvas, x: float, y: float) -> None:
    loop = palette(False)["loop"]
    c.setStrokeColor(shapes.colour(loop))
    c.setLineWidth(1.5)
    c.setDash(5, 3)
    c.bezier(x, y - 4, x + 4, y + 6, x + 20, y + 6, x + 24, y - 4)
    c.setDash()
    shapes.arrowhead(c, x + 23, y, x + 24, y - 4, 5, loop)


def _curve(c: Canvas, x: float, y: float) -> None:
    c.setStrokeColor(shapes.colour(palette(False)["curve"]))
    c.setLineWidth(2)
    c.bezier(x, y - 4, x + 8, y + 8, x + 16, y - 8, x + 24, y + 4)


def _exit(bold: str) -> Callable[[Canvas, float, float], None]:
    def draw(c: Canvas, x: float, y: float) -> None:
        c.setFillColor(shapes.colour("#ffffff"))
        c.setStrokeColor(shapes.colour("#2962ff"))
        c.setLineWidth(0.9)
        c.circle(x + 5, y, 4.6, stroke=1, fill=1)
        c.setFillColor(shapes.colour("#2962ff"))
        c.setFont(bold, 6)
        c.drawCentredString(x + 5, y - 2.1, "1")

    return draw


def items(bold: str) -> list[list[Item]]:
    """The legend's groups, each starting on a new line."""
    kinds = [_kind(k) for k in (Kind.ACTION, Kind.THOUGHT, Kind.EMOTION, Kind.TOUCHPOINT,
                                Kind.PAIN_POINT, Kind.OPPORTUNITY, Kind.GOAL, Kind.NOTE,
                                Kind.PERSONA)]
    links = [_link(k) for k in LINK_ORDER]
    marks: list[Item] = [
        (40.0, _("severity 4 of 5"), _severity),
        (24.0, _("score badge: latest wave, change (arrow up: better, real at 95%), n"),
         _badge),
        (24.0, _("n* = fewer than {n} answers").format(n=LOW_CONFIDENCE_N), _low),
        (24.0, _("journey loops back"), _loop),
        (24.0, _("emotion curve"), _curve),
        (10.0, _("a link that leaves the tile: where it goes is listed under the map"),
         _exit(bold)),
    ]
    return [kinds, links, marks]


class Legend(Flowable):
    """The legend's items, flowing onto as many lines as the width needs."""

    def __init__(self, regular: str, bold: str, lines: list | None = None,
                 title: bool = True) -> None:
        super().__init__()
        self.regular, self.bold = regular, bold
        self.width = self.height = 0.0
        self._fixed = lines is not None
        self._lines: list[list[tuple[float, Item]]] = lines or []
        self._title = title

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Between two lines of items, when the page has room for some."""
        self.wrap(avail_width, avail_height)
        fit = int((avail_height - (14 if self._title else 0)) // ROW)
        if fit < 1 or fit >= len(self._lines):
            return []
        return [Legend(self.regular, self.bold, self._lines[:fit], self._title),
                Legend(self.regular, self.bold, self._lines[fit:], False)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._fixed:
            self.width = avail_width
            self.height = (14 if self._title else 0) + ROW * len(self._lines)
            return self.width, self.height
        measure = measure_with(self.regular, FONT)
        lines: list[list[tuple[float, Item]]] = []
        for group in items(self.bold):
            line: list[tuple[float, Item]] = []
            x = 0.0
            for item in group:
                sample, label, _draw = item
                width = min(sample + 4 + measure(label), avail_width)
                if line and x + width > avail_width:
                    lines.append(line)
                    line, x = [], 0.0
                line.append((x, item))
                x += width + 14
            if line:
                lines.append(line)
        self._lines = lines
        self.width, self.height = avail_width, 14 + ROW * len(lines)
        return self.width, self.height

    def draw(self) -> None:
        c: Canvas = self.canv
        head = 14 if self._title else 0
        if self._title:
            c.setFont(self.bold, FONT)
            c.setFillColor(shapes.colour(MUTED))
            c.drawString(0, self.height - 9, _("HOW TO READ THE MAP"))
        measure = measure_with(self.regular, FONT)
        for row, line in enumerate(self._lines):
            y = self.height - head - ROW / 2 - row * ROW
            for x, (sample, label, draw) in line:
                draw(c, x, y)
                c.setFont(self.regular, FONT)
                c.setFillColor(shapes.colour(INK))
                text = single_line(label, self.width - x - sample - 4, measure)
                c.drawString(x + sample + 4, y - 3, text)
