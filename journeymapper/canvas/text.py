"""Text fitting for cards: wrap into a box, elide the last line, and cache
the result so painting never lays text out again."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QStaticText, QTextLayout, QTextOption

from journeymapper.canvas.style import font


@lru_cache(maxsize=20_000)
def wrap(text: str, px: int, bold: bool, width: float, max_lines: int
         ) -> tuple[tuple[str, ...], bool]:
    """The lines ``text`` takes in ``width`` at ``px`` pixels (at most
    ``max_lines``) and whether it was cut; a cut last line ends in '…'."""
    f = font(px, bold)
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n")]
    spans: list[tuple[int, int, int]] = []  # paragraph, start, length
    for n, paragraph in enumerate(paragraphs):
        layout = QTextLayout(paragraph, f)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while len(spans) <= max_lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            spans.append((n, line.textStart(), line.textLength()))
        layout.endLayout()
        if len(spans) > max_lines:
            break
    lines = [paragraphs[n][s:s + ln].rstrip() for n, s, ln in spans[:max_lines]]
    cut = len(spans) > max_lines
    if cut:
        n, start, _ = spans[max_lines - 1]
        rest = " ".join([paragraphs[n][start:], *paragraphs[n + 1:]])
        lines[-1] = QFontMetricsF(f).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return tuple(lines), cut


@lru_cache(maxsize=20_000)
def elide(text: str, px: int, bold: bool, width: float) -> str:
    """One line of ``text`` that fits ``width``."""
    return QFontMetricsF(font(px, bold)).elidedText(" ".join(text.split()),
                                                    Qt.TextElideMode.ElideRight, width)


class TextBlock:
    """Pre-laid-out lines drawn with QStaticText (cheap to paint again)."""

    __slots__ = ("lines", "cut", "line_h", "font")

    def __init__(self, text: str, px: int, width: float, max_lines: int,
                 bold: bool = False, italic: bool = False) -> None:
        lines, self.cut = wrap(text, px, bold, width, max_lines)
        self.font = font(px, bold, italic)
        self.line_h = QFontMetricsF(self.font).lineSpacing()
        self.lines = []
        for line in lines:
            s = QStaticText(line)
            s.setTextFormat(Qt.TextFormat.PlainText)
            self.lines.append(s)

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_h

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        painter.setFont(self.font)
        for i, s in enumerate(self.lines):
            painter.drawStaticText(QPointF(x, y + i * self.line_h), s)
