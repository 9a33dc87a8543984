"""The report's canvas takes short paths for strings and colours: the page it
writes must be the page reportlab writes, operator for operator, for every
kind of text a map holds (ASCII, Korean, characters the font lacks, PDF
string delimiters), aligned left, right and centred."""

from __future__ import annotations

import io
import re
import zlib

import pytest
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from journeymapper.io.pdf.fastcanvas import FastCanvas
from journeymapper.io.pdf.fonts import choose_font

TEXTS = [
    "Store checkout", "price (incl. VAT) \\ 20% off", "", " ", "a\u00a0b", "tab\there",
    "신선마켓 새벽배송", "Mixed 고객 text", "emoji \U0001f600 end", "~`!@#$^&*_+-={}[]|:;'<>,.?/",
    "Store checkout",  # again: the second drawing of a string comes from the store
]


def _page(canvas_class: type[Canvas], font: str, bold: str) -> list[str]:
    buffer = io.BytesIO()
    c = canvas_class(buffer, pagesize=(600, 800), invariant=1, pageCompression=0)
    y = 780.0
    for n, text in enumerate(TEXTS):
        c.setFont(bold if n % 2 else font, 7 + n % 3)
        c.setFillColor(HexColor("#1f6fb2") if n % 2 else Color(0.2, 0.3, 0.4))
        c.setStrokeColor(Color(1, 0, 0))
        c.drawString(20, y, text)
        c.drawRightString(580, y, text)
        c.drawCentredString(300, y, text)
        y -= 20
    c.setFillColor(Color(0, 0, 0, alpha=0.5))  # translucent: reportlab's own path
    c.drawString(20, y, "half")
    c.save()
    data = buffer.getvalue()
    streams = re.findall(rb"stream\r?\n(.*?)endstream", data, re.S)
    pages = []
    for raw in streams:
        try:
            raw = zlib.decompress(raw)
        except zlib.error:
            pass
        text = raw.decode("latin-1")
        if " Tj" in text:
            pages.append(" ".join(text.split()))
    return pages


@pytest.mark.parametrize("texts", [["Store checkout"], ["신선마켓 고객 여정"]])
def test_the_fast_canvas_writes_what_reportlab_writes(texts: list[str]) -> None:
    font = choose_font(texts + TEXTS)
    ours = _page(FastCanvas, font.regular, font.bold)
    theirs = _page(Canvas, font.regular, font.bold)
    assert ours and ours == theirs


def test_a_stamp_is_drawn_once_and_placed_where_asked() -> None:
    """A card frame drawn as a stamp: the drawing runs once, writes nothing
    on the page by itself, leaves the canvas's colours as they were, and each
    placing writes the same operators at another origin."""
    c = FastCanvas(io.BytesIO(), pagesize=(600, 800), invariant=1, pageCompression=0)
    c.setFillColor(Color(0, 0, 1))
    runs = []

    def draw() -> None:
        runs.append(1)
        c.setFillColor(Color(1, 0, 0))
        c.rect(0, 0, 10, 5, stroke=0, fill=1)

    before = list(c._code)
    ops = c.stamp(("box", 10, 5), draw)
    assert c.stamp(("box", 10, 5), draw) == ops and runs == [1]
    assert c._code == before and c._fillColorObj == Color(0, 0, 1)
    assert "1 0 0 rg" in ops and " re" in ops
    c.place(ops, 100, 200)
    c.place(ops, 300, 50)
    assert c._code[-2:] == [f"q 1 0 0 1 100 200 cm {ops} Q", f"q 1 0 0 1 300 50 cm {ops} Q"]
