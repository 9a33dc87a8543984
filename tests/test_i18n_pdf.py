"""A map is labelled in its own language: the PDF and the rendered picture of
a Korean map carry Korean tags, statuses and headings whatever language the
interface or the CLI speaks, and an English map stays English."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader

from journeymapper import i18n
from journeymapper.io import jmap
from journeymapper.io.pdf import ExportOptions, build_pdf
from journeymapper.words import KIND_TAGS

ROOT = Path(__file__).resolve().parent.parent
KOREAN = ROOT / "examples" / "dawn-delivery-ko.jmap"
ENGLISH_TAGS = [tag for tag in KIND_TAGS.values()]


def pdf_text(doc) -> str:
    data, _result = build_pdf(doc, ExportOptions(exported="2026-11-02"))
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_korean_maps_pdf_has_korean_tags_and_headings_and_no_english_tag_words(korean_doc):
    i18n.set_language("en")  # the interface speaks English: the map still speaks Korean
    text = pdf_text(korean_doc)
    for korean in ("고객 여정 지도", "불편 사항", "개선 기회", "접점", "행동", "생각",  # tags, headings
                   "가장 심각한 불편 사항", "우선순위가 가장 높은 개선 기회", "지도 읽는 법",
                   "진행 중", "계획됨", "모바일 앱", "배송",                      # statuses, channels
                   "2026년 10월 5일"):                                            # the cover's date
        assert korean in text, korean
    for english in ENGLISH_TAGS + ["MOST SEVERE PAIN POINTS", "HOW TO READ THE MAP",
                                   "in progress", "mobile app", "Stage details"]:
        assert english not in text, english


def test_an_english_map_stays_english_under_a_korean_interface(laptop_doc):
    with i18n.using_language("ko"):
        text = pdf_text(laptop_doc)
    assert "PAIN POINT" in text and "MOST SEVERE PAIN POINTS" in text
    assert "불편 사항" not in text and "고객 여정 지도" not in text


def test_the_cli_labels_the_pdf_in_the_maps_language(tmp_path, monkeypatch, capsys):
    from journeymapper.cli import main

    monkeypatch.setenv("LANG", "C")
    monkeypatch.delenv("LANGUAGE", raising=False)
    out = tmp_path / "dawn.pdf"
    assert main(["export", str(KOREAN), "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {out}: ")  # the CLI speaks English
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "불편 사항" in text and "PAIN POINT" not in text


def test_render_labels_the_picture_in_the_maps_language(tmp_path):
    from journeymapper.canvas.render import render_map

    korean = jmap.load(KOREAN).document
    target = tmp_path / "dawn.svg"
    render_map(korean, target, width=1200)
    drawn = svg_words(target)  # Qt's SVG writes each word as its own text element
    assert {"불편", "사항", "개선", "기회", "진행", "계획됨", "모바일", "앱"} <= drawn
    assert not {"PAIN", "POINT", "OPPORTUNITY", "TOUCHPOINT", "ACTION", "planned"} & drawn
    laptop = jmap.load(ROOT / "examples" / "laptop-store.jmap").document
    with i18n.using_language("ko"):
        render_map(laptop, target, width=1200)
    assert {"PAIN", "POINT"} <= svg_words(target) and "불편" not in svg_words(target)


def svg_words(path: Path) -> set[str]:
    texts = re.findall(r">([^<>]+)</text>", path.read_text(encoding="utf-8"))
    return {word for text in texts for word in text.split()}
