"""Text and fonts for the PDF: clusters, Korean wrapping, eliding, font choice."""

from __future__ import annotations

import unicodedata

import pytest

from journeymapper.io.pdf import fonts
from journeymapper.io.pdf.fonts import choose_font, needed_characters
from journeymapper.io.pdf.text import clusters, escape_markup, fit_lines, wrap
from journeymapper.model.errors import ExportError


def per_char(width: float = 10.0):
    """A measure where every cluster is ``width`` wide and a space 5."""
    return lambda s: sum(5.0 if c == " " else width for c in clusters(s))


def test_clusters_keep_combining_sequences_whole():
    jamo = "\u1100\u1161\u11a8"               # conjoining jamo: one syllable
    assert clusters(jamo + "a") == [jamo, "a"]
    assert clusters("e\u0301x") == ["e\u0301", "x"]
    assert clusters("\U0001f469\u200d\U0001f4bb!") == ["\U0001f469\u200d\U0001f4bb", "!"]


def test_korean_wraps_at_spaces_and_keeps_words_whole():
    text = "마감 시간 직전 주문이 다음 날 배송으로 넘어간다는 안내가 없다"
    lines = wrap(text, 60, per_char())
    assert len(lines) > 1
    words = set(text.split())
    for line in lines:
        assert all(word in words for word in line.split())
    assert " ".join(lines) == text


def test_a_word_longer_than_the_line_breaks_between_syllables():
    word = "새벽배송신규고객전용할인쿠폰자동적용서비스"
    lines = wrap(word, 50, per_char())
    assert len(lines) > 1 and "".join(lines) == word
    assert all(len(clusters(line)) <= 5 for line in lines)


def test_decomposed_korean_is_normalised_before_wrapping():
    nfd = unicodedata.normalize("NFD", "배송 기사 문 앞")
    lines = wrap(nfd, 1000, per_char())
    assert lines == ["배송 기사 문 앞"]
    # a decomposed syllable is never split even when every cluster has to go
    narrow = wrap(unicodedata.normalize("NFD", "각각각"), 10, per_char())
    assert narrow == ["각", "각", "각"]


def test_fit_lines_elides_the_last_line():
    lines, cut = fit_lines("one two three four five six", 40, 2, per_char(5.0))
    assert cut and len(lines) == 2 and lines[-1].endswith("\u2026")
    lines, cut = fit_lines("one two", 400, 2, per_char(5.0))
    assert lines == ["one two"] and not cut


def test_escape_markup():
    assert escape_markup('<b>x</b> & <a href="u">') == '&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href="u"&gt;'


def test_korean_text_gets_a_font_that_has_every_syllable():
    choice = choose_font(["신선마켓 새벽배송 고객 여정", "똠얌꿍"])
    assert choice.complete, choice.describe()
    assert choice.regular != "Helvetica"


def test_latin_text_is_fully_covered():
    choice = choose_font(["Laptop store: the price-sensitive buyer \u2026 \u201cquote\u201d"])
    assert choice.complete


def test_without_system_fonts_korean_falls_back_to_a_cid_font_and_says_what_it_lacks(monkeypatch):
    monkeypatch.setattr(fonts, "_font_index", lambda: {})
    common = choose_font(["고객 여정 지도"])
    assert common.regular == "HYGothic-Medium" and common.complete
    rare = choose_font(["고객 여정 똠얌꿍"])  # 똠 is outside the KS X 1001 repertoire
    assert "똠" in rare.missing and "lacks" in rare.describe()


def test_user_font_problems_are_one_line_errors(tmp_path):
    with pytest.raises(ExportError, match="font file not found"):
        choose_font(["x"], tmp_path / "nope.ttf")
    fake = tmp_path / "fake.ttf"
    fake.write_text("not a font")
    with pytest.raises(ExportError, match="not a TrueType font"):
        choose_font(["x"], fake)
    with pytest.raises(ExportError, match="is a folder"):
        choose_font(["x"], tmp_path)
    other = tmp_path / "font.otf"
    other.write_bytes(b"OTTO")
    with pytest.raises(ExportError, match="expected a TrueType font"):
        choose_font(["x"], other)


def test_a_user_font_without_hangul_is_refused():
    latin = fonts._font_index().get("dejavusans.ttf")
    if latin is None:
        pytest.skip("DejaVu Sans is not installed")
    with pytest.raises(ExportError, match="lacks 4 character"):
        choose_font(["고객 여정"], latin)
    assert choose_font(["plain"], latin).complete


def test_needed_characters_ignore_spaces_and_controls():
    assert needed_characters(["a b\n\tc\x07"]) == {"a", "b", "c"}
