"""Text for the PDF: NFC normalisation, grapheme clusters, line wrapping,
eliding and markup escaping.

Wrapping breaks at spaces first (Korean separates words with spaces, so
words stay whole); a word wider than the line is broken between grapheme
clusters, so a Hangul syllable, a jamo sequence or a letter with its
combining marks is never split.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from reportlab.pdfbase.pdfmetrics import stringWidth

ELLIPSIS = "\u2026"

Measure = Callable[[str], float]


def nfc(text: str) -> str:
    """NFC-normalised text with control characters (other than newlines) dropped."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():
        return text
    return "".join(c for c in text if c == "\n" or c == "\t" or unicodedata.category(c)[0] != "C"
                   or c in "\u200d\u200c")


def escape_markup(text: str) -> str:
    """Text safe inside reportlab Paragraph markup: ``<b>`` prints as ``<b>``."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _joins_previous(char: str, previous: str) -> bool:
    code = ord(char)
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Mc", "Me"):
        return True
    if code == 0x200D or previous == "\u200d" or 0xFE00 <= code <= 0xFE0F:
        return True
    if 0x1F3FB <= code <= 0x1F3FF:  # emoji skin tone modifiers
        return True
    prev = ord(previous)
    lead = 0x1100 <= prev <= 0x115F or 0xA960 <= prev <= 0xA97C
    vowel = 0x1160 <= prev <= 0x11A7 or 0xD7B0 <= prev <= 0xD7C6
    trail = 0x11A8 <= prev <= 0x11FF or 0xD7CB <= prev <= 0xD7FB
    syllable = 0xAC00 <= prev <= 0xD7A3
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:      # vowel jamo
        return lead or vowel
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:      # trailing jamo
        return vowel or trail or (syllable and (prev - 0xAC00) % 28 == 0)
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97C:      # leading jamo
        return lead
    return False


def _may_join(char: str) -> bool:
    """Whether ``char`` may join the one before it (or make the next join it)."""
    code = ord(char)
    return (unicodedata.category(char)[0] == "M" or code in (0x200C, 0x200D)
            or 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF
            or 0x1100 <= code <= 0x11FF or 0xA960 <= code <= 0xA97C
            or 0xD7B0 <= code <= 0xD7FB or 0xAC00 <= code <= 0xD7A3)


def clusters(text: str) -> list[str]:
    """Split ``text`` into user-perceived characters (grapheme clusters)."""
    if not any(_may_join(c) for c in set(text)):
        return list(text)  # the usual case: every character stands alone
    out: list[str] = []
    for char in text:
        if out and _joins_previous(char, out[-1][-1]):
            out[-1] += char
        else:
            out.append(char)
    return out


#: widths kept per font and size at most (then that store starts afresh)
KEPT_WIDTHS = 50_000
_measures: dict[tuple[str, float], Measure] = {}


def measure_with(font: str, size: float) -> Measure:
    """The width of a string in ``font`` at ``size`` points; each width is
    worked out once (the words and tags of a map repeat on every page)."""
    measure = _measures.get((font, size))
    if measure is None:
        widths: dict[str, float] = {}

        def measure(s: str) -> float:
            width = widths.get(s)
            if width is None:
                if len(widths) >= KEPT_WIDTHS:
                    widths.clear()
                width = widths[s] = stringWidth(s, font, size)
            return width

        _measures[(font, size)] = measure
    return measure


def _break_word(word: str, first_room: float, width: float, measure: Measure) -> list[str]:
    """Pieces of a too-long word: the first fits ``first_room``, the rest ``width``."""
    pieces: list[str] = []
    current = ""
    room = first_room
    for cluster in clusters(word):
        candidate = current + cluster
        if current and measure(candidate) > room:
            pieces.append(current)
            current = cluster
            room = width
        else:
            current = candidate
    pieces.append(current)
    return pieces


def wrap(text: str, width: float, measure: Measure) -> list[str]:
    """Greedy line wrap of ``text`` to ``width`` points; keeps explicit newlines."""
    lines: list[str] = []
    space = measure(" ")
    for paragraph in nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        words = paragraph.replace("\t", " ").split()
        line, line_w = "", 0.0
        for word in words:
            word_w = measure(word)
            if not line:
                if word_w <= width:
                    line, line_w = word, word_w
                    continue
                pieces = _break_word(word, width, width, measure)
            elif line_w + space + word_w <= width:
                line, line_w = f"{line} {word}", line_w + space + word_w
                continue
            elif word_w <= width:
                lines.append(line)
                line, line_w = word, word_w
                continue
            else:
                room = width - line_w - space
                pieces = _break_word(word, room, width, measure)
                if measure(pieces[0]) <= room:
                    pieces[0] = f"{line} {pieces[0]}"
                else:
                    lines.append(line)
                    pieces = _break_word(word, width, width, measure)
            lines.extend(pieces[:-1])
            line = pieces[-1]
            line_w = measure(line)
        lines.append(line)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return lines


def elide(line: str, width: float, measure: Measure, mark: str = ELLIPSIS) -> str:
    """``line`` shortened by whole clusters until ``line + mark`` fits ``width``
    (found by bisection: a long line costs a few measures, not one per cluster)."""
    # no character is narrower than a hair: more than width / 0.5 of them never fit
    limit = int(max(width, 0.0) * 2) + 1
    text = line.rstrip()
    parts = clusters(text[:limit + 16])[:limit]
    low, high = 0, len(parts)  # the longest prefix that fits is in [low, high]
    while low < high:
        middle = (low + high + 1) // 2
        if measure("".join(parts[:middle]) + mark) <= width:
            low = middle
        else:
            high = middle - 1
    return "".join(parts[:low]).rstrip() + mark


def fit_lines(text: str, width: float, max_lines: int, measure: Measure,
              mark: str = ELLIPSIS) -> tuple[list[str], bool]:
    """Wrapped lines, at most ``max_lines``; the last one elided when text was cut.
    Returns (lines, was_cut)."""
    lines = wrap(text, width, measure)
    if max_lines <= 0:
        return [], bool(text.strip())
    if len(lines) <= max_lines:
        return lines, False
    kept = lines[:max_lines]
    kept[-1] = elide(kept[-1], width, measure, mark)
    return kept, True


def single_line(text: str, width: float, measure: Measure, mark: str = ELLIPSIS) -> str:
    """``text`` on one line, elided when wider than ``width``."""
    flat = " ".join(nfc(text).split())
    if measure(flat) <= width:
        return flat
    return elide(flat, width, measure, mark)
