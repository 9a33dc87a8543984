"""Text styles and the one table look used throughout the report."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

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
        self._lead_h: dict[tuple[bool, float], float] = {}
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

    def lead_height(self, first_page: bool, width: float) -> float:
        """The height of what leads the rows: the caption, the intro (on the
        first page) and the header."""
        key = (first_page, width)
        if key not in self._lead_h:
            at = 0 if first_page else 1
            self._lead_h[key] = self.table(at, at).wrap(width, 1e9)[1]
        return self._lead_h[key]

    def table(self, start: int, end: int) -> Table:
        """Table rows ``start`` to ``end`` (exclusive) under the caption, the intro
        (on the first page only) and the header."""
        lead = (self.top if start == 0 else self.top[:1] if self.captioned else []) + [self.header]
        first = len(lead) - 1  # the header row's index
        data = lead + self.physical[start:end]
        repeat: int | tuple[int, ...] = (0, first) if self.captioned else 1
        table = Table(data, colWidths=self.widths, repeatRows=repeat, splitInRow=0,
                      hAlign="LEFT")
        table.setStyle(TableStyle(self._style(start, end, first)))
        return table

    def _style(self, start: int, end: int, first: int) -> list[tuple]:
        st = self.st
        style: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), st.cell.font),  # empty cells too: no base-14 font
            ("FONTSIZE", (0, first + 1), (-1, -1), st.cell.size),
            ("LEADING", (0, first + 1), (-1, -1), st.cell.line_height),
            ("TEXTCOLOR", (0, first + 1), (-1, -1), shapes.colour(st.cell.colour)),
            *[("ALIGN", (i, first + 1), (i, -1), "RIGHT") for i in self.numeric],
            ("BACKGROUND", (0, first), (-1, first), shapes.colour(HEAD_FILL)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ]
        for row in range(first):
            style += [("SPAN", (0, row), (-1, row)), ("LEFTPADDING", (0, row), (-1, row), 0)]
        # a few commands for the whole table (a table splits across pages by
        # replaying its commands, so one per row would cost a long table dearly),
        # then one for each run of highlighted rows and each row that runs on below
        zebra = [shapes.colour(c) for c in ZEBRA]
        style += [("ROWBACKGROUNDS", (0, first + 1), (-1, -1), zebra[start % 2:] + zebra[:start % 2]),
                  ("LINEBELOW", (0, first + 1), (-1, -1), 0.4, shapes.colour("#dde1e6"))]
        offset = first + 1 - start  # table row of a physical row
        warm_runs: list[list[int]] = []
        seen = set()
        for p in range(start, end):
            n, a, b = self.span_of[p]
            warm = n in self.highlight
            if warm:
                if warm_runs and warm_runs[-1][1] == p - 1:
                    warm_runs[-1][1] = p
                else:
                    warm_runs.append([p, p])
            if n in seen:
                continue
            seen.add(n)
            if n in self.rules and a >= start:
                style.append(("LINEABOVE", (0, a + offset), (-1, a + offset), 1.0,
                              shapes.colour("#90a4ae")))
            if b > a:  # a long row's parts read as one
                lo, hi = max(a, start), min(b, end - 1)
                fill = shapes.colour("#fff4e0" if warm else ZEBRA[a % 2])
                if not warm:
                    style.append(("BACKGROUND", (0, lo + offset), (-1, hi + offset), fill))
                if lo <= min(b - 1, hi):
                    style += [("LINEBELOW", (0, lo + offset), (-1, min(b - 1, hi) + offset), 0.4,
                               fill),
                              ("BOTTOMPADDING", (0, lo + offset), (-1, min(b - 1, hi) + offset),
                               0)]
                if max(a + 1, lo) <= hi:
                    style.append(("TOPPADDING", (0, max(a + 1, lo) + offset), (-1, hi + offset), 0))
        style += [("BACKGROUND", (0, a + offset), (-1, b + offset), shapes.colour("#fff4e0"))
                  for a, b in warm_runs]
        return style


class RowWindow(Flowable):
    """A data table from one of its table rows on, laid out a page at a time.

    A reportlab Table splits across pages by copying and measuring all its
    remaining rows at every page, which costs a table of thousands of rows
    dearly. This one works out from the rows' heights how many go on the
    page and hands the frame a Table of just those, and itself for the rest."""

    def __init__(self, spec: _TableSpec, start: int) -> None:
        super().__init__()
        self.spec, self.start = spec, start
        self.hAlign = "LEFT"
        self._table: Table | None = None

    def _fitting(self, avail_width: float, avail_height: float) -> tuple[int, float, bool]:
        """How many rows from ``start`` fit ``avail_height`` under the lead,
        their height with it, and whether those are all the rows left."""
        spec = self.spec
        height = spec.lead_height(self.start == 0, avail_width)
        end = self.start
        while True:
            if spec.ensure(end + 1) <= end:
                return end - self.start, height, True
            if height + spec.heights[end] > avail_height:
                return end - self.start, height + spec.heights[end], False
            height += spec.heights[end]
            end += 1

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        count, height, whole = self._fitting(avail_width, avail_height)
        if not whole:  # more than fits: the frame splits this
            self._table = None
            self.width, self.height = sum(self.spec.widths), height
            return self.width, self.height
        self._table = self.spec.table(self.start, self.start + count)
        self.width, self.height = self._table.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        count, _height, whole = self._fitting(avail_width, avail_height)
        while count > 0:
            table = self.spec.table(self.start, self.start + count)
            if table.wrap(avail_width, avail_height)[1] <= avail_height:
                rest = [] if whole else [RowWindow(self.spec, self.start + count)]
                return [table, *rest]
            count -= 1  # the table worked a height out otherwise: one row fewer
        return []

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        assert self._table is not None, "drawn before it was found to fit"
        self._table.drawOn(canvas, x, y, _sW)
