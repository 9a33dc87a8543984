"""Text styles and the one table look used throughout the report."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Table, TableStyle

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
               intro: list[str] = ()) -> Table:
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
    first = len(top)  # the header row's index
    data: list[list[object]] = top + [[TextBlock(h, st.cell_head_right if i in numeric
                                                 else st.cell_head)
                                       for i, h in enumerate(head)]]
    room = [w - 2 * PADDING - 0.5 for w in widths]
    spans: list[tuple[int, int]] = []  # each logical row's first and last table row
    for row in rows:
        physical = _physical_rows(row, room, st, numeric)
        spans.append((len(data), len(data) + len(physical) - 1))
        data += physical
    repeat: int | tuple[int, ...] = (0, first) if caption is not None else 1
    table = Table(data, colWidths=widths, repeatRows=repeat, splitInRow=0, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), st.cell.font),  # empty cells too: no base-14 font
        ("FONTSIZE", (0, first + 1), (-1, -1), st.cell.size),
        ("LEADING", (0, first + 1), (-1, -1), st.cell.line_height),
        ("TEXTCOLOR", (0, first + 1), (-1, -1), shapes.colour(st.cell.colour)),
        *[("ALIGN", (i, first + 1), (i, -1), "RIGHT") for i in numeric],
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
    # then one for each highlighted row and each row that runs on below
    style += [("ROWBACKGROUNDS", (0, first + 1), (-1, -1), [shapes.colour(c) for c in ZEBRA]),
              ("LINEBELOW", (0, first + 1), (-1, -1), 0.4, shapes.colour("#dde1e6"))]
    warm = set(highlight)
    runs: list[list[int]] = []  # consecutive highlighted table rows: one command each run
    for n, (a, b) in enumerate(spans, start=1):
        if n in warm:
            if runs and runs[-1][1] == a - 1:
                runs[-1][1] = b
            else:
                runs.append([a, b])
        if b > a:  # a long row's parts read as one
            fill = "#fff4e0" if n in warm else ZEBRA[(a - first - 1) % 2]
            if n not in warm:
                style.append(("BACKGROUND", (0, a), (-1, b), shapes.colour(fill)))
            style += [("LINEBELOW", (0, a), (-1, b - 1), 0.4, shapes.colour(fill)),
                      ("BOTTOMPADDING", (0, a), (-1, b - 1), 0),
                      ("TOPPADDING", (0, a + 1), (-1, b), 0)]
    style += [("BACKGROUND", (0, a), (-1, b), shapes.colour("#fff4e0")) for a, b in runs]
    for n in rules:
        if 1 <= n <= len(spans):
            row = spans[n - 1][0]
            style.append(("LINEABOVE", (0, row), (-1, row), 1.0, shapes.colour("#90a4ae")))
    table.setStyle(TableStyle(style))
    return table
