"""Choosing a font that really has the glyphs of a map's text.

A PDF that prints boxes for Korean is worse than no PDF, so the choice is
made on the map's actual characters: a font the user gave, else a TrueType
font found in the usual system folders whose character map covers the text,
else one of reportlab's built-in CJK CID fonts when the text fits its
character set. When nothing covers everything, the best candidate is used
and the missing characters are reported, never hidden.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from journeymapper.i18n import N_, ngettext, plural_message
from journeymapper.model.errors import ExportError

#: reportlab keeps registered fonts and settings in module globals, so font
#: registration and PDF builds run one at a time (re-entrant: a build chooses fonts)
REPORTLAB_LOCK = threading.RLock()

#: Preferred system fonts, best first: (file name, bold file name, sub-font index).
SYSTEM_CANDIDATES: tuple[tuple[str, str, int], ...] = (
    ("malgun.ttf", "malgunbd.ttf", 0),                       # Windows: Malgun Gothic
    ("AppleSDGothicNeo.ttc", "AppleSDGothicNeo.ttc", 0),     # macOS
    ("AppleGothic.ttf", "AppleGothic.ttf", 0),
    ("NanumGothic.ttf", "NanumGothicBold.ttf", 0),           # Linux: fonts-nanum
    ("NanumBarunGothic.ttf", "NanumBarunGothicBold.ttf", 0),
    ("NotoSansKR-Regular.ttf", "NotoSansKR-Bold.ttf", 0),
    ("NotoSansKR[wght].ttf", "NotoSansKR[wght].ttf", 0),
    ("UnDotum.ttf", "UnDotumBold.ttf", 0),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", 0),
    ("Helvetica.ttc", "Helvetica.ttc", 0),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", 0),
    ("arial.ttf", "arialbd.ttf", 0),
    ("Arial.ttf", "Arial Bold.ttf", 0),
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", 0),
    ("ArialUni.ttf", "ArialUni.ttf", 0),
)

#: For Latin-only text, these faces first, in this order: Arial-like faces have
#: the best Latin of the list, and DejaVu Sans before the Korean families (whose
#: Latin is secondary, and whose 4 MB files take a tenth of a second each to read).
LATIN_FIRST = ("arial.ttf", "helvetica.ttc", "liberationsans-regular.ttf", "dejavusans.ttf",
               "notosans-regular.ttf")

#: reportlab's built-in CID fonts and the legacy encoding whose repertoire they cover.
CID_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("HYGothic-Medium", "euc_kr"),
    ("HYSMyeongJo-Medium", "euc_kr"),
    ("HeiseiKakuGo-W5", "shift_jis"),
    ("STSong-Light", "gb2312"),
    ("MSung-Light", "big5"),
)


@dataclass
class FontChoice:
    """The fonts a report is set in and why.

    ``regular``/``bold`` are registered reportlab font names; ``label`` is
    what to tell the user; ``missing`` lists characters the font lacks (empty
    when the text is fully covered)."""

    regular: str
    bold: str
    label: str
    missing: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The family name alone, for the report itself (the label adds the file)."""
        return self.label.split(" (", 1)[0]

    @property
    def complete(self) -> bool:
        return not self.missing

    def describe(self) -> str:
        if not self.missing:
            return self.label
        shown = " ".join(self.missing[:8]) + (" ..." if len(self.missing) > 8 else "")
        count = len(self.missing)
        return ngettext("{font} (lacks {n} character: {chars})",
                        "{font} (lacks {n} characters: {chars})", count).format(
            font=self.label, n=count, chars=shown)


def needed_characters(texts: Iterable[str]) -> set[str]:
    """The printable characters of ``texts`` after NFC normalisation."""
    chars: set[str] = set()
    for text in texts:
        chars.update(unicodedata.normalize("NFC", text))
    return {c for c in chars if not c.isspace() and unicodedata.category(c)[0] != "C"}


def font_dirs() -> list[Path]:
    """The folders fonts are usually installed in, on this platform first."""
    home = Path.home()
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
            home / ".local/share/fonts", Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"), Path("/Library/Fonts"),
            home / "Library/Fonts"]
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        local = os.environ.get("LOCALAPPDATA", "")
        dirs = [Path(windir) / "Fonts"] + ([Path(local) / "Microsoft/Windows/Fonts"] if local else [])
    return [d for d in dirs if d.is_dir()]


@lru_cache(maxsize=1)
def _font_index() -> dict[str, Path]:
    """Font file name (lower case) -> path, for every font under font_dirs()."""
    index: dict[str, Path] = {}
    for folder in font_dirs():
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc")):
                    index.setdefault(name.lower(), Path(root) / name)
    return index


@lru_cache(maxsize=32)
def _load_ttf(path: str, index: int) -> TTFont | None:
    """Register a TrueType font once; None if reportlab cannot use it (e.g. CFF outlines)."""
    digest = hashlib.sha1(f"{path}#{index}".encode()).hexdigest()[:10]
    try:
        font = TTFont(f"JM-{digest}", path, subfontIndex=index)
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        return None
    pdfmetrics.registerFont(font)
    return font


def _ttf_missing(font: TTFont, chars: set[str]) -> list[str]:
    cmap = font.face.charToGlyph
    return sorted(c for c in chars if ord(c) not in cmap)


def _family_label(font: TTFont, path: Path) -> str:
    name = getattr(font.face, "familyName", b"") or b""
    if isinstance(name, bytes):
        name = name.decode("utf-8", "replace")
    return f"{name or path.stem} ({path})"


def _ttf_choice(path: Path, bold_path: Path | None, index: int, chars: set[str]) -> FontChoice | None:
    regular = _load_ttf(str(path), index)
    if regular is None:
        return None
    missing = _ttf_missing(regular, chars)
    bold_name = regular.fontName
    if bold_path is not None and bold_path != path:
        bold = _load_ttf(str(bold_path), index)
        if bold is not None and not _ttf_missing(bold, chars):
            bold_name = bold.fontName
    return FontChoice(regular.fontName, bold_name, _family_label(regular, path), missing)


def user_font(path: str | os.PathLike[str], chars: set[str]) -> FontChoice:
    """The font at ``path`` (a .ttf, or a .ttc with ``#N`` for the N-th face);
    ExportError when it cannot be used or lacks characters of the map."""
    text = str(path)
    index = 0
    if "#" in text and text.rsplit("#", 1)[1].isdigit():
        text, number = text.rsplit("#", 1)
        index = int(number)
    target = Path(text).expanduser()
    if target.is_dir():
        raise ExportError(N_("{file}: is a folder; expected a TrueType font file (.ttf or .ttc)"),
                          file=target)
    if not target.is_file():
        raise ExportError(N_("{file}: font file not found"), file=target)
    if target.suffix.lower() not in (".ttf", ".ttc"):
        raise ExportError(N_("{file}: expected a TrueType font (.ttf or .ttc), got {suffix!r}"),
                          file=target, suffix=target.suffix)
    choice = _ttf_choice(target, None, index, chars)
    if choice is None:
        raise ExportError(N_("{file}: not a TrueType font reportlab can embed "
                             "(PostScript-outline and broken fonts cannot be used)"), file=target)
    if choice.missing:
        raise ExportError(plural_message(
            "{file}: this font lacks {n} character the map uses ({chars}); pick a font that has it",
            "{file}: this font lacks {n} characters the map uses ({chars}); pick a font that has "
            "them", len(choice.missing), file=target, chars=" ".join(choice.missing[:8])))
    return choice


def _fits_legacy(chars: set[str], encoding: str) -> list[str]:
    """Characters outside a legacy character set (one or two bytes each; the
    euc_kr codec spells syllables outside KS X 1001 as 8-byte jamo sequences,
    which the CID font's CMap does not know)."""
    missing = []
    for c in chars:
        try:
            if len(c.encode(encoding)) > 2:
                missing.append(c)
        except UnicodeEncodeError:
            missing.append(c)
    return sorted(missing)


def _cid_choice(name: str, chars: set[str], encoding: str) -> FontChoice:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(name))
    return FontChoice(name, name, f"{name} (built-in CID font, not embedded)",
                      _fits_legacy(chars, encoding))


def _bundled_vera(chars: set[str]) -> FontChoice | None:
    """Bitstream Vera, which reportlab ships (free to embed), when it has every character."""
    import reportlab

    folder = Path(reportlab.__file__).resolve().parent / "fonts"
    choice = _ttf_choice(folder / "Vera.ttf", folder / "VeraBd.ttf", 0, chars)
    return choice if choice is not None and choice.complete else None


def _latin_rank(candidate: tuple[str, str, int]) -> int:
    name = candidate[0].lower()
    return LATIN_FIRST.index(name) if name in LATIN_FIRST else len(LATIN_FIRST)


def covers(choice: FontChoice, char: str) -> bool:
    """Whether the chosen regular font has a glyph for ``char``."""
    font = pdfmetrics.getFont(choice.regular)
    if isinstance(font, TTFont):
        return ord(char) in font.face.charToGlyph
    encoding = dict(CID_CANDIDATES).get(choice.regular)
    return not _fits_legacy({char}, encoding or "cp1252")


def choose_font(texts: Iterable[str], user_path: str | os.PathLike[str] | None = None,
                preferred: str | os.PathLike[str] | None = None) -> FontChoice:
    """The best font for ``texts``: the user's font, the preference, a system
    TrueType font that covers the text (embedded, so it prints the same
    everywhere), Helvetica for Latin-1 text, a fitting CID font, else the
    candidate that lacks the fewest characters (with ``missing`` filled)."""
    with REPORTLAB_LOCK:
        return _choose(needed_characters(texts), user_path, preferred)


def _choose(chars: set[str], user_path: str | os.PathLike[str] | None,
            preferred: str | os.PathLike[str] | None) -> FontChoice:
    if user_path:
        return user_font(user_path, chars)
    if preferred:
        try:
            return user_font(preferred, chars)
        except ExportError:
            pass  # a stale preference must not block an export; choose below
    latin = not _fits_legacy(chars, "cp1252")
    candidates = SYSTEM_CANDIDATES
    if latin:  # Arial-like faces first: their Latin is the best of the list
        candidates = tuple(sorted(SYSTEM_CANDIDATES, key=_latin_rank))
    fallbacks: list[FontChoice] = []
    index = _font_index()
    for regular, bold, sub in candidates:
        path = index.get(regular.lower())
        if path is None:
            continue
        choice = _ttf_choice(path, index.get(bold.lower()), sub, chars)
        if choice is None:
            continue
        if choice.complete:
            return choice
        fallbacks.append(choice)
    if latin:  # no system font fits: reportlab's own Bitstream Vera, embedded like the rest
        vera = _bundled_vera(chars)
        if vera is not None:
            return vera
        return FontChoice("Helvetica", "Helvetica-Bold", "Helvetica (built-in, not embedded)")
    for name, encoding in CID_CANDIDATES:
        choice = _cid_choice(name, chars, encoding)
        if choice.complete:
            return choice
        fallbacks.append(choice)
    return min(fallbacks, key=lambda c: len(c.missing))
