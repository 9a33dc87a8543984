"""Text styles and the one table look used throughout the report."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Table, TableStyle

from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.flowables import TextBlock, TextStyle
from journeymapper.io.pdf.text import measure_with, nfc
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


def data_table(head: list[str], rows: list[list[str]], widths: list[float], st: Styles,
               highlight: list[int] = (), rules: list[int] = (),
               numeric: tuple[int, ...] = (), caption: str | None = None,
               intro: list[str] = ()) -> Table:
    """A table with a dark repeated header, zebra rows, wrapped cells that may
    split across pages; ``highlight`` rows (1 = the first data row) get a warm
    background, ``rules`` rows a heavier line above. A ``caption`` (and its
    ``intro`` lines) go above the header; the caption repeats with the header
    on every page the table runs to."""
    top: list[list[object]] = []
    if caption is not None:
        top.append([TextBlock(caption, st.h2)] + [""] * (len(head) - 1))
        top += [[TextBlock(line, st.body)] + [""] * (len(head) - 1) for line in intro]
    first = len(top)  # the header row's index
    data: list[list[object]] = top + [[TextBlock(h, st.cell_head_right if i in numeric
                                                 else st.cell_head)
                                       for i, h in enumerate(head)]]
    measure = measure_with(st.cell.font, st.cell.size)
    room = [w - 2 * PADDING - 0.5 for w in widths]
    for row in rows:
        # one-line cells stay plain strings (the table draws those fastest); longer
        # ones become TextBlocks that wrap by words and may split across pages
        data.append([v if "\n" not in v and len(v) < 400 and measure(v) <= room[i] and v == nfc(v)
                     else TextBlock(v, st.cell_right if i in numeric else st.cell)
                     for i, v in enumerate(str(v) for v in row)])
    repeat: int | tuple[int, ...] = (0, first) if caption is not None else 1
    table = Table(data, colWidths=widths, repeatRows=repeat, splitInRow=1, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, first + 1), (-1, -1), st.cell.font),
        ("FONTSIZE", (0, first + 1), (-1, -1), st.cell.size),
        ("LEADING", (0, first + 1), (-1, -1), st.cell.line_height),
        ("TEXTCOLOR", (0, first + 1), (-1, -1), shapes.colour(st.cell.colour)),
        *[("ALIGN", (i, first + 1), (i, -1), "RIGHT") for i in numeric],
        ("BACKGROUND", (0, first), (-1, first), shapes.colour(HEAD_FILL)),
        ("ROWBACKGROUNDS", (0, first + 1), (-1, -1), [shapes.colour("#ffffff"),
                                                      shapes.colour("#f4f6f8")]),
        ("LINEBELOW", (0, first + 1), (-1, -1), 0.4, shapes.colour("#dde1e6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    for row in range(first):
        style += [("SPAN", (0, row), (-1, row)), ("LEFTPADDING", (0, row), (-1, row), 0)]
    for row in highlight:
        style.append(("BACKGROUND", (0, row + first), (-1, row + first), shapes.colour("#fff4e0")))
    for row in rules:
        style.append(("LINEABOVE", (0, row + first), (-1, row + first), 1.0,
                      shapes.colour("#90a4ae")))
    table.setStyle(TableStyle(style))
    return table
