"""Platypus flowables of the report: wrapped text without markup, and bookmarks
(the map pages are io.pdf.mappages).

User text is never parsed as markup: TextBlock wraps and draws plain
strings, so ``<b>`` or ``&amp;`` in a card print as typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from journeymapper.io.pdf import shapes
from journeymapper.io.pdf.text import measure_with, wrap


@dataclass(frozen=True)
class TextStyle:
    font: str
    size: float
    colour: str = "#1f2328"
    leading: float = 0.0
    align: str = "left"

    @property
    def line_height(self) -> float:
        return self.leading or self.size * 1.28


class TextBlock(Flowable):
    """Plain text wrapped to the available width (see text.wrap); splits between lines."""

    def __init__(self, text: str, style: TextStyle, lines: list[str] | None = None) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.lines = lines
        self._fixed = lines is not None
        self._wrapped_at = -1.0
        self.width = 0.0
        # a piece of a split block knows its height before it is wrapped again
        # (a table splitting a row asks for it first)
        self.height = len(lines) * style.line_height if lines is not None else 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if not self._fixed and avail_width != self._wrapped_at:
            self.lines = wrap(self.text, max(avail_width - 0.5, 4.0),
                              measure_with(self.style.font, self.style.size))
            self._wrapped_at = avail_width
        assert self.lines is not None
        self.width = avail_width
        self.height = len(self.lines) * self.style.line_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        assert self.lines is not None
        fit = int(avail_height // self.style.line_height)
        if fit < 1 or fit >= len(self.lines):
            return []
        return [TextBlock(self.text, self.style, self.lines[:fit]),
                TextBlock(self.text, self.style, self.lines[fit:])]

    def draw(self) -> None:
        c: Canvas = self.canv
        s = self.style
        c.setFont(s.font, s.size)
        c.setFillColor(shapes.colour(s.colour))
        lead = s.line_height
        for i, line in enumerate(self.lines or []):
            y = self.height - (i + 1) * lead + (lead - s.size) / 2 + s.size * 0.2
            if s.align == "center":
                c.drawCentredString(self.width / 2, y, line)
            elif s.align == "right":
                c.drawRightString(self.width, y, line)
            else:
                c.drawString(0, y, line)


class Anchor(Flowable):
    """An invisible mark: a bookmark key and, optionally, outline entries.

    ``entries`` are (title, key, level); keys may be bookmarked later on."""

    def __init__(self, key: str, entries: list[tuple[str, str, int]] | None = None) -> None:
        super().__init__()
        self.key = key
        self.entries = entries or []
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key, fit="XYZ", left=0, top=self.canv._pagesize[1])
        for title, key, level in self.entries:
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
