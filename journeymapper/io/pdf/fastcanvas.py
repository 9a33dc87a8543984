"""A reportlab canvas with short paths for what a report does most: plain
strings, colours, and compressing its pages.

reportlab's ``drawString`` builds a text object, measures and formats the
string through several layers for each call; a report of thousands of cards
and table rows makes hundreds of thousands of them. For the common case (a
TrueType font, no character or word spacing, no render mode, no shaping)
this canvas writes the same operators reportlab would, in one step, and
keeps the encoded form of a string for the next time it is drawn in the same
font and size (tags, headers and labels repeat on every page). Printable
ASCII, which reportlab's readable subsetting gives codes of their own in the
first subset, is written as it is, without the per-character walk of
``TTFont.splitString``. Opaque RGB
colours, set tens of thousands of times, keep their operator too. Any other
case goes to reportlab as before.

What looks the same many times over (the frame, marker and tag of every
card of a kind and size) can be drawn once as a *stamp* and placed again
with a translation: ``stamp`` keeps the operators a drawing wrote, ``place``
writes them at another origin.

Pages are compressed at zlib level 4 rather than 6: a 20,000-card map's
100 MB of page drawing compresses in 1.4 s instead of 3.6 s, into a file a
tenth larger. They are written as binary streams, not in ASCII85 (reportlab's
default, for channels that were not 8-bit clean): encoding the compressed
pages as text and that text again for the file took longer than the
compression and made the file a quarter larger.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Hashable

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

#: encoded strings kept per canvas at most (then the store starts afresh)
KEPT = 50_000
#: stamps kept per canvas at most (then the store starts afresh)
KEPT_STAMPS = 5_000
FLATE_LEVEL = 4


class QuickFlate(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's Flate filter at FLATE_LEVEL."""

    def encode(self, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text,
                             FLATE_LEVEL)


QUICK_FLATE = QuickFlate()


class FastCanvas(Canvas):
    """A Canvas whose drawString, drawRightString and drawCentredString take a
    short path for TrueType fonts, setFillColor and setStrokeColor one for
    opaque RGB colours, and whose save compresses at FLATE_LEVEL."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._encoded: dict[tuple[str, float, float, str], str] = {}
        self._colours: dict[tuple[float, float, float, str], str] = {}
        #: font name -> whether printable ASCII is its own code in the first subset
        self._readable: dict[str, bool] = {}
        self._stamps: dict[Hashable, str] = {}

    def _colour(self, colour: object, alpha: object, op: str, state: str) -> str | None:
        """The operator setting an opaque RGB ``colour`` while nothing is
        translucent, or None when reportlab must set it."""
        if alpha is not None or type(colour) is not Color or colour.alpha != 1 \
                or self._enforceColorSpace or self._extgstate.getValue(state) != 1:
            return None
        key = (colour.red, colour.green, colour.blue, op)
        code = self._colours.get(key)
        if code is None:
            self._doc.ensureMinPdfVersion("transparency")  # as reportlab's alpha=1 does
            code = self._colours[key] = f"{fp_str(key[:3])} {op}"
        return code

    def setFillColor(self, aColor, alpha=None):  # noqa: N802, N803 (reportlab API)
        code = self._colour(aColor, alpha, "rg", "ca")
        if code is None:
            super().setFillColor(aColor, alpha)
        else:
            self._fillColorObj = aColor
            self._code.append(code)

    def setStrokeColor(self, aColor, alpha=None):  # noqa: N802, N803 (reportlab API)
        code = self._colour(aColor, alpha, "RG", "CA")
        if code is None:
            super().setStrokeColor(aColor, alpha)
        else:
            self._strokeColorObj = aColor
            self._code.append(code)

    def _operators(self, text: str) -> str | None:
        """The text-showing operators of ``text`` in the current font, or None
        when reportlab must draw it (not a TrueType font)."""
        name, size, leading = self._fontname, self._fontsize, self._leading
        key = (name, size, leading, text)
        ops = self._encoded.get(key)
        if ops is not None:
            return ops
        font = getFont(name)
        if not font._dynamicFont or not isinstance(text, str):
            return None
        doc = self._doc
        head = f"{fp_str(size)} Tf {fp_str(leading)} TL"
        if text and text.isascii() and text.isprintable() and self._ascii_readable(name, font):
            ops = f"{font.getSubsetInternalName(0, doc)} {head} ({self._escape(text)}) Tj"
        else:
            parts = []
            for subset, chunk in font.splitString(text, doc):
                parts.append(f"{font.getSubsetInternalName(subset, doc)} {head} "
                             f"({self._escape(chunk)}) Tj")
            ops = " ".join(parts)
        if len(self._encoded) >= KEPT:
            self._encoded.clear()
        self._encoded[key] = ops
        return ops

    def _ascii_readable(self, name: str, font) -> bool:
        """Whether ``font`` gives every printable ASCII character its own code
        in subset 0 in this document (reportlab's asciiReadable state, with
        every such glyph in the font), so such text needs no splitting."""
        readable = self._readable.get(name)
        if readable is None:
            assigned = font._assignState(self._doc).assignments
            readable = self._readable[name] = all(assigned.get(n) == n for n in range(32, 127))
        return readable

    def _show(self, x: float, y: float, text: str, simple: bool) -> bool:
        if not simple or not self.bottomup:
            return False
        ops = self._operators(text)
        if ops is None:
            return False
        self._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {ops} T* ET")
        return True

    def drawString(self, x, y, text, mode=None, charSpace=0, direction=None,  # noqa: N802
                   wordSpace=None, shaping=False):
        simple = mode is None and not charSpace and not wordSpace and not direction \
            and not shaping
        if not self._show(x, y, text, simple):
            super().drawString(x, y, text, mode, charSpace, direction, wordSpace, shaping)

    def drawRightString(self, x, y, text, mode=None, charSpace=0, direction=None,  # noqa: N802
                        wordSpace=None, shaping=False):
        simple = mode is None and not charSpace and not wordSpace and not direction \
            and not shaping and isinstance(text, str)
        if not simple or not self._show(x - stringWidth(text, self._fontname, self._fontsize),
                                        y, text, True):
            super().drawRightString(x, y, text, mode, charSpace, direction, wordSpace, shaping)

    def drawCentredString(self, x, y, text, mode=None, charSpace=0, direction=None,  # noqa: N802
                          wordSpace=None, shaping=False):
        simple = mode is None and not charSpace and not wordSpace and not direction \
            and not shaping and isinstance(text, str)
        if not simple or not self._show(
                x - 0.5 * stringWidth(text, self._fontname, self._fontsize), y, text, True):
            super().drawCentredString(x, y, text, mode, charSpace, direction, wordSpace,
                                      shaping)

    def stamp(self, key: Hashable, draw: Callable[[], None]) -> str:
        """The operators ``draw()`` writes (drawing at the origin), kept under
        ``key``: drawn once, then given again. Nothing is drawn on the page,
        and the canvas's state is as it was before."""
        ops = self._stamps.get(key)
        if ops is None:
            self.saveState()
            mark = len(self._code)
            draw()
            ops = " ".join(self._code[mark:])
            self.restoreState()
            del self._code[mark - 1:]  # the q, the drawing and the Q
            if len(self._stamps) >= KEPT_STAMPS:
                self._stamps.clear()
            self._stamps[key] = ops
        return ops

    def place(self, ops: str, x: float, y: float) -> None:
        """Draw a stamp's operators with their origin at (x, y)."""
        self._code.append(f"q 1 0 0 1 {fp_str(x, y)} cm {ops} Q")

    def save(self) -> None:
        # reportlab picks its one Flate filter from its module, and ASCII85 or
        # not from its settings, when it writes the file (builds run one at a
        # time: fonts.REPORTLAB_LOCK)
        usual, a85 = pdfdoc.PDFZCompress, rl_config.useA85
        pdfdoc.PDFZCompress, rl_config.useA85 = QUICK_FLATE, 0
        try:
            super().save()
        finally:
            pdfdoc.PDFZCompress, rl_config.useA85 = usual, a85
