"""Text styles and the one table look used throughout the report."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.flowables import TextBlock, TextStyle
from journeymapper.io.pdf.text import fit_lines, measure_with, nfc, wrap
from journeymapper.layout.palette import palette

INK = palette(False)["text"]
MUTED = palette(False)["muted"]
HEAD_FILL = palette(False)["stage_header"]
PADDING = 5.0


@dataclass
class Styles:
    """The report's text styles, in the chosen font."""

    regular: str
    bold: str

    def __post_init__(self) -> None:
        r, b = self.regular, self.bold
        self.title = TextStyle(b, 28, INK, 34)
        self.subtitle = TextStyle(r, 13, MUTED, 18)
        self.h1 = TextStyle(b, 18, INK, 24)
        self.h2 = TextStyle(b, 13, INK, 18)
        self.body = TextStyle(r, 10, INK, 14)
        self.quote = TextStyle(r, 12, "#5e35b1", 16)
        self.label = TextStyle(b, 8.5, MUTED, 11)
        self.note = TextStyle(r, 8, MUTED, 10.5)
        self.cell = TextStyle(r, 8.5, INK, 11)
        self.cell_right = TextStyle(r, 8.5, INK, 11, "right")
        self.cell_head = TextStyle(b, 8.5, "#ffffff", 11)
        self.cell_head_right = TextStyle(b, 8.5, "#ffffff", 11, "right")
        self.callout = TextStyle(b, 10, "#c62828", 14)


#: a table row never grows taller than this: a longer cell goes on in the
#: rows below, so the table breaks between rows (a row taller than a page
#: cannot be placed at all)
CHUNK_H = 400.0
ZEBRA = ("#ffffff", "#f4f6f8")


def chunks(text: str, style: TextStyle, width: float) -> list[TextBlock]:
    """``text`` wrapped to ``width`` as TextBlocks of at most CHUNK_H each (rows
    of a table that can break between any two of them)."""
    lines = wrap(text, max(width - 0.5, 4.0), measure_with(style.font, style.size))
    per_row = max(1, int(CHUNK_H // style.line_height))
    return [TextBlock(text, style, lines[i:i + per_row]) for i in range(0, len(lines), per_row)] \
        or [TextBlock("", style, [])]


def _physical_rows(row: list[str], room: list[float], st: Styles, numeric: tuple[int, ...]
                   ) -> list[list[object]]:
    """One logical row as table rows: plain strings for one-line cells (the
    table draws those fastest), wrapped TextBlocks for the rest, and as many
    rows as the tallest cell needs at CHUNK_H each."""
    measure = measure_with(st.cell.font, st.cell.size)
    line_h = st.cell.line_height
    cells: list[object] = []
    wrapped: dict[int, list[str]] = {}
    for i, v in enumerate(str(v) for v in row):
        if "\n" not in v and len(v) < 400 and measure(v) <= room[i] and v == nfc(v):
            cells.append(v)
        else:
            wrapped[i] = wrap(v, max(room[i] - 0.5, 4.0), measure)
            cells.append(None)
    per_row = max(1, int(CHUNK_H // line_h))
    count = max([1] + [-(-len(lines) // per_row) for lines in wrapped.values()])
    out = []
    for chunk in range(count):
        physical: list[object] = []
        for i, cell in enumerate(cells):
            if i in wrapped:
                lines = wrapped[i][chunk * per_row:(chunk + 1) * per_row]
                style = st.cell_right if i in numeric else st.cell
                physical.append(TextBlock(str(row[i]), style, lines) if lines else "")
            else:
                physical.append(cell if chunk == 0 else "")
        out.append(physical)
    return out


def data_table(head: list[str], rows: list[list[str]], widths: list[float], st: Styles,
               highlight: list[int] = (), rules: list[int] = (),
               numeric: tuple[int, ...] = (), caption: str | None = None,
               intro: list[str] = ()) -> Flowable:
    """A table with a dark repeated header, zebra rows and wrapped cells, that
    breaks across pages between rows (a cell of any length goes on in the rows
    below it); ``highlight`` rows (1 = the first data row) get a warm
    background, ``rules`` rows a heavier line above. A ``caption`` (and its
    ``intro`` lines) go above the header; the caption repeats with the header
    on every page the table runs to."""
    top: list[list[object]] = []
    if caption is not None:  # a heading: two lines at most (the text is printed in full elsewhere)
        total = sum(widths)
        shown = fit_lines(caption, total - 1, 2, measure_with(st.h2.font, st.h2.size))[0]
        top.append([TextBlock(caption, st.h2, shown)] + [""] * (len(head) - 1))
        body = measure_with(st.body.font, st.body.size)
        per_row = max(1, int(CHUNK_H // st.body.line_height))
        for text in intro:
            lines = wrap(text, total - 1, body)
            top += [[TextBlock(text, st.body, lines[i:i + per_row])] + [""] * (len(head) - 1)
                    for i in range(0, len(lines), per_row)]
    header = [TextBlock(h, st.cell_head_right if i in numeric else st.cell_head)
              for i, h in enumerate(head)]
    spec = _TableSpec(top, header, caption is not None, rows, widths, st, numeric,
                      set(highlight), set(rules))
    return RowWindow(spec, 0)


class _TableSpec:
    """What a data table is made of; its rows are wrapped into table rows
    when a page first needs them, and kept."""

    def __init__(self, top: list[list[object]], header: list[object], captioned: bool,
                 rows: list[list[str]], widths: list[float], st: Styles,
                 numeric: tuple[int, ...], highlight: set[int], rules: set[int]) -> None:
        self.top, self.header, self.captioned = top, header, captioned
        self.rows, self.widths, self.st, self.numeric = rows, widths, st, numeric
        self.highlight, self.rules = highlight, rules
        self.room = [w - 2 * PADDING - 0.5 for w in widths]
        #: the table rows made so far, each with its row (1 = the first) and
        #: the first and last table row of that row
        self.physical: list[list[object]] = []
        self.span_of: list[tuple[int, int, int]] = []
        #: each table row's height, as the table will work it out
        self.heights: list[float] = []
        self._lead_h: dict[bool, list[float]] = {}
        self._next = 0

    def ensure(self, count: int) -> int:
        """Make table rows until there are ``count`` (or all); how many there are."""
        while len(self.physical) < count and self._next < len(self.rows):
            made = _physical_rows(self.rows[self._next], self.room, self.st, self.numeric)
            self._next += 1
            a = len(self.physical)
            self.physical += made
            self.span_of += [(self._next, a, a + len(made) - 1)] * len(made)
            line = self.st.cell.line_height
            for part, row in enumerate(made):
                content = max(len(c.lines or ()) * c.style.line_height
                              if isinstance(c, TextBlock) else line for c in row)
                self.heights.append(content + (4 if part == 0 else 0)
                                    + (4 if part == len(made) - 1 else 0))
        return len(self.physical)

    def lead(self, first_page: bool) -> list[list[object]]:
        """The rows above the table rows: the caption, the intro (on the first
        page only) and the header."""
        return (self.top if first_page else self.top[:1] if self.captioned else []) \
            + [self.header]

    def lead_heights(self, first_page: bool) -> list[float]:
        """The heights of the lead's rows (a caption or intro line spans the table)."""
        if first_page not in self._lead_h:
            total = sum(self.widths)
            heights = []
            for row in self.lead(first_page):
                if row is self.header:
                    h = max(cell.wrap(w - 2 * PADDING, 1e9)[1]
                            for cell, w in zip(row, self.widths))
                else:
                    h = row[0].wrap(total - PADDING, 1e9)[1]
                heights.append(h + 8)
            self._lead_h[first_page] = heights
        return self._lead_h[first_page]

    def lead_height(self, first_page: bool) -> float:
        return sum(self.lead_heights(first_page))

    def draw(self, c: Canvas, start: int, end: int, top: float) -> None:
        """Table rows ``start`` to ``end`` (exclusive) under their lead, from
        ``top`` down: as a reportlab Table with this look would draw them
        (backgrounds, then the cells, then the rules), in a few calls a row."""
        st, widths, total = self.st, self.widths, sum(self.widths)
        lefts = [sum(widths[:i]) for i in range(len(widths))]
        lead = self.lead(start == 0)
        heights = self.lead_heights(start == 0)
        cells: list[tuple[float, float, int, object]] = []  # (top of cell, row top, column, value)
        lines: list[tuple[float, float, str]] = []           # (y, width, colour)
        y = top
        for row, h in zip(lead, heights):
            if row is self.header:
                c.setFillColor(shapes.colour(HEAD_FILL))
                c.rect(0, y - h, total, h, stroke=0, fill=1)
                for i, cell in enumerate(row):
                    cells.append((y - 4, h, i, cell))
            else:
                cells.append((y - 4, h, -1, row[0]))
            y -= h
        for p in range(start, end):
            n, a, b = self.span_of[p]
            h = self.heights[p]
            if n in self.highlight:
                fill = "#fff4e0"
            else:
                fill = ZEBRA[(a if b > a else p) % 2]
            c.setFillColor(shapes.colour(fill))
            c.rect(0, y - h, total, h, stroke=0, fill=1)
            pad = 4 if p == a else 0
            for i, cell in enumerate(self.physical[p]):
                if cell != "":
                    cells.append((y - pad, h, i, cell))
            if p == b:
                lines.append((y - h, 0.4, "#dde1e6"))
            if p == a and n in self.rules:
                lines.append((y, 1.0, "#90a4ae"))
            y -= h
        font, size = st.cell.font, st.cell.size
        c.setFont(font, size, st.cell.line_height)
        c.setFillColor(shapes.colour(st.cell.colour))
        for cell_top, _h, i, cell in cells:
            if isinstance(cell, str):
                if i in self.numeric:
                    c.drawRightString(lefts[i] + widths[i] - PADDING, cell_top - size, cell)
                else:
                    c.drawString(lefts[i] + PADDING, cell_top - size, cell)
                continue
            assert isinstance(cell, TextBlock)
            room = total - PADDING if i < 0 else widths[i] - 2 * PADDING
            _w, ch = cell.wrap(room, 1e9)
            cell.drawOn(c, 0 if i < 0 else lefts[i] + PADDING, cell_top - ch)
            c.setFont(font, size, st.cell.line_height)
            c.setFillColor(shapes.colour(st.cell.colour))
        for at, width, colour in lines:
            c.setStrokeColor(shapes.colour(colour))
            c.setLineWidth(width)
            c.line(0, at, total, at)


class RowWindow(Flowable):
    """A data table from one of its table rows on, laid out a page at a time.

    A reportlab Table splits across pages by copying and measuring all its
    remaining rows at every page, which costs a table of thousands of rows
    dearly. This one knows its rows' heights, so a page takes the rows that
    fit and the rest goes on as another RowWindow; it draws them itself."""

    def __init__(self, spec: _TableSpec, start: int, end: int | None = None) -> None:
        super().__init__()
        self.spec, self.start = spec, start
        self.hAlign = "LEFT"
        #: the rows of one page, once a split has chosen them
        self.fixed = end
        self._end = start if end is None else end

    def _fitting(self, avail_height: float) -> tuple[int, float, bool]:
        """How many rows from ``start`` fit ``avail_height`` under the lead,
        their height with it, and whether those are all the rows left."""
        spec = self.spec
        height = spec.lead_height(self.start == 0)
        end = self.start
        if self.fixed is not None:
            return self.fixed - end, height + sum(spec.heights[end:self.fixed]), True
        while True:
            if spec.ensure(end + 1) <= end:
                return end - self.start, height, True
            if height + spec.heights[end] > avail_height:
                return end - self.start, height + spec.heights[end], False
            height += spec.heights[end]
            end += 1

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        count, height, _whole = self._fitting(avail_height)
        self._end = self.start + count
        self.width, self.height = sum(self.spec.widths), height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        count, _height, whole = self._fitting(avail_height)
        if count == 0 or self.fixed is not None:
            return []
        page = RowWindow(self.spec, self.start, self.start + count)
        return [page] if whole else [page, RowWindow(self.spec, self.start + count)]

    def draw(self) -> None:
        self.spec.draw(self.canv, self.start, self._end, self.height)
