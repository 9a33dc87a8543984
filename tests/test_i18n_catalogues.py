"""The translation catalogues: complete, current and compiled, for both the
window (Qt .ts/.qm) and everything outside Qt (gettext .po/.mo); the words
every view shares; the CLI in the language of LANG."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journeymapper import i18n, words
from journeymapper.i18n import format_date, format_number, using_language
from journeymapper.model.elements import CARD_KINDS, CHANNELS, STATUSES, Kind
from journeymapper.model.links import LinkKind
from journeymapper.templates import list_templates, new_from_template

ROOT = Path(__file__).resolve().parent.parent


def load_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module
    spec.loader.exec_module(module)
    return module


def test_catalogues_are_complete_current_and_compiled():
    """No unfinished entry in the .ts, no empty msgstr in the .po, nothing the
    extraction finds that a catalogue lacks (or keeps that the code dropped),
    placeholders kept, and the shipped .qm / .mo compiled from them."""
    problems = load_tool().problems()
    assert problems == [], "\n".join(problems[:40]) + \
        "\n(run: python tools/i18n.py update, translate, python tools/i18n.py compile)"


def test_the_checker_notices_an_untranslated_string_and_a_call_lupdate_cannot_read(tmp_path,
                                                                                      monkeypatch):
    tool = load_tool()
    package = tmp_path / "journeymapper"
    package.mkdir()
    (package / "new.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "from journeymapper.i18n import _\n"
        "def f(items):\n"
        "    QCoreApplication.translate('New', 'A new button')\n"
        "    QCoreApplication.translate('New', '%n thing(s)', None, len(items))\n"
        "    return _('A new word')\n", encoding="utf-8")
    monkeypatch.setattr(tool, "PACKAGE", package)
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    found = "\n".join(tool.problems())
    assert "not extracted yet: 'A new word'" in found
    assert "not extracted yet: New: 'A new button'" in found
    assert "new.py:5: pyside6-lupdate cannot read this call" in found


def test_the_catalogues_ship_in_the_package():
    folder = ROOT / "resources" / "i18n"
    assert (folder / "ko" / "LC_MESSAGES" / "journeymapper.mo").is_file()
    assert (folder / "journeymapper_ko.qm").is_file()
    assert (folder / "journeymapper_en.qm").is_file()  # the English plural forms


def test_every_code_the_model_stores_has_a_word_in_korean():
    with using_language("ko"):
        for kind in Kind:
            for text in (words.kind_label(kind), words.kind_tag(kind),
                         words.kind_in_sentence(kind)):
                assert text and not any("a" <= c.lower() <= "z" for c in text.replace("KPI", ""))
        for code in CHANNELS:
            assert words.channel_label(code) != code
        for code in STATUSES:
            assert words.status_label(code) != code
        for link in LinkKind:
            assert not words.link_label(link).isascii()
        assert words.status_label("in progress") == "진행 중"
        assert words.channel_label("mobile app") == "모바일 앱"
        assert words.metric_label("mean", "ease") == "평균 ease"


def test_the_korean_template_lanes_and_card_tags_agree():
    """A lane '불편 사항' holds cards tagged '불편 사항', not 'PAIN POINT'."""
    doc = new_from_template("ecommerce-ko")
    assert words.map_language(doc) == "ko"
    with words.in_map_language(doc):
        for lane in doc.lanes:
            assert lane.name == words.kind_tag(lane.kind) == words.lane_name(lane.kind)
    example = json.loads((ROOT / "examples" / "dawn-delivery-ko.jmap").read_text("utf-8"))
    assert example["language"] == "ko"
    with using_language("ko"):
        for lane in example["lanes"]:
            assert lane["name"] == words.kind_tag(Kind(lane["kind"]))


def test_templates_know_their_language():
    languages = {t.name: t.language for t in list_templates()}
    assert languages == {"buyers-journey": "en", "ecommerce": "en", "ecommerce-ko": "ko",
                         "flywheel": "en"}
    assert new_from_template("ecommerce").meta["language"] == "en"


def test_plurals_read_naturally_in_both_languages():
    assert words.cards(1) == "1 card" and words.cards(6) == "6 cards"
    assert words.kind_count(Kind.OPPORTUNITY, 2) == "2 opportunities"
    with using_language("ko"):
        assert words.cards(1) == "카드 1장" and words.cards(6) == "카드 6장"
        assert words.kind_count(Kind.PERSONA, 3) == "페르소나 3명"


def test_refusals_are_sentences_in_each_language():
    english = str(words.link_refusal(Kind.OPPORTUNITY, Kind.TOUCHPOINT))
    assert english.startswith("an opportunity cannot link to a touchpoint (it can: addresses "
                              "a pain point)")
    with using_language("ko"):
        korean = str(words.link_refusal(Kind.OPPORTUNITY, Kind.TOUCHPOINT))
    assert korean == "개선 기회 → 접점 연결은 할 수 없습니다 (가능한 연결: 해결: 불편 사항)"
    assert "cannot start a link" in str(words.link_refusal(Kind.NOTE, Kind.STAGE))


def test_dates_and_numbers_are_written_by_language():
    assert format_date("2026-10-05") == "5 October 2026"
    assert format_number(1234567.25, 1) == "1,234,567.3"
    assert format_number(-0.2) == "0" and format_number(62.5) == "63"
    assert format_number(4, sign=True) == "+4"
    with using_language("ko"):
        assert format_date("2026-10-05") == "2026년 10월 5일"
        assert format_number(1234.5, 1) == "1,234.5"
    assert format_date("not a date") == "not a date"


def test_a_language_scope_does_not_leak_into_the_process():
    i18n.set_language("en")
    with using_language("ko"):
        assert words.kind_tag(Kind.NOTE) == "메모"
    assert words.kind_tag(Kind.NOTE) == "NOTE"
    assert all(k in words.KIND_TAGS for k in CARD_KINDS)


def run_cli(env_lang: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(env_lang)
    return subprocess.run([sys.executable, "-m", "journeymapper", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)


@pytest.fixture
def bad_map(tmp_path: Path) -> Path:
    doc = json.loads((ROOT / "examples" / "laptop-store.jmap").read_text("utf-8"))
    doc["elements"][0]["fields"]["text"] = 12
    doc["settings"]["emotion_range"] = 7
    path = tmp_path / "bad.jmap"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_cli_errors_in_korean_under_a_korean_locale(bad_map: Path):
    done = run_cli({"LANG": "ko_KR.UTF-8"}, "validate", str(bad_map))
    assert done.returncode == 1
    assert done.stderr.strip() == f"journeymapper: {bad_map}: 문제 2건 발견"
    problems = done.stdout.splitlines()
    assert len(problems) == 2 and all(line.startswith(f"{bad_map}: ") for line in problems)
    assert "2 또는 3이어야 합니다" in done.stdout and "텍스트가 필요합니다" in done.stdout
    assert "expected" not in done.stdout
    done = run_cli({"LC_ALL": "ko_KR.UTF-8"}, "validate", str(ROOT / "nowhere.jmap"))
    assert done.returncode == 1 and "파일" in done.stderr and "no such file" not in done.stderr
    done = run_cli({"LANG": "ko_KR.UTF-8"}, "validate")
    assert done.returncode == 2 and "사용법: " in done.stderr and "다음 인수가 필요합니다" in done.stderr


def test_cli_errors_in_english_under_the_c_locale(bad_map: Path):
    done = run_cli({"LANG": "C"}, "validate", str(bad_map))
    assert done.returncode == 1
    assert done.stderr.strip() == f"journeymapper: {bad_map}: 2 problems found"
    assert "settings.emotion_range: expected 2 or 3, got 7; using 2" in done.stdout
    done = run_cli({"LANG": "C"}, "validate")
    assert done.returncode == 2 and "usage: " in done.stderr


def test_cli_help_in_korean():
    done = run_cli({"LC_MESSAGES": "ko_KR.UTF-8"}, "export", "--help")
    assert done.returncode == 0
    assert "쓸 PDF" in done.stdout and "옵션" in done.stdout and "사용법: " in done.stdout
