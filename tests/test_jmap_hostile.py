"""Hostile .jmap files at the io level: huge integers, lone surrogates, wrong
types, colliding ids, over-long texts, deep nesting, files that are not files;
and saving that never crashes on what reached the document."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from journeymapper.io import jmap
from journeymapper.io.jsontext import MAX_INT_DIGITS
from journeymapper.io.serialize import dumps
from journeymapper.model import JourneyMap, Kind
from journeymapper.model.elements import MAX_TEXT, Placement
from journeymapper.model.errors import FileFormatError, JourneyError

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def base_text() -> str:
    return (EXAMPLES / "laptop-store-reviewed.jmap").read_text(encoding="utf-8")


def load_text(tmp_path: Path, text: str, strict: bool = False) -> jmap.LoadResult:
    path = tmp_path / "map.jmap"
    path.write_text(text, encoding="utf-8")
    return jmap.load(path, strict=strict)


def refused(tmp_path: Path, text: str) -> str:
    with pytest.raises(FileFormatError) as info:
        load_text(tmp_path, text)
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'map.jmap'}: ")
    assert "\n" not in message
    return message


def edited(change) -> str:
    root = json.loads(base_text())
    change(root)
    return json.dumps(root, ensure_ascii=False)


def test_a_huge_integer_is_refused_with_its_path_and_line(tmp_path):
    text = base_text().replace('"votes": 9', '"votes": ' + "9" * 5000, 1)
    line = text[:text.index("9" * 5000)].count("\n") + 1
    message = refused(tmp_path, text)
    assert ".fields.votes: a whole number of 5,000 digits" in message
    assert f"(line {line}, column " in message
    assert f"expected at most {MAX_INT_DIGITS} digits" in message


def test_integers_of_twenty_digits_still_load(tmp_path):
    """Any 64-bit integer is fine (a newer writer's extra field may hold one)."""
    text = edited(lambda r: r.update(workshop_id=-(2**63), other=10**19))
    doc = load_text(tmp_path, text).document
    assert doc.extra["workshop_id"] == -(2**63)


def test_a_lone_surrogate_is_refused_but_escaped_pairs_and_backslashes_load(tmp_path):
    def text_of(value: str) -> str:
        root = json.loads(base_text())
        root["elements"][3]["fields"]["text"] = "@@"
        return json.dumps(root, ensure_ascii=False).replace('"@@"', value)

    message = refused(tmp_path, text_of('"broken \\ud800 text"'))
    assert "elements[3].fields.text:" in message and '"\\ud800" is a lone surrogate' in message
    assert "lone surrogate" in refused(tmp_path, text_of('"\\udc00"'))
    doc = load_text(tmp_path, text_of('"smile \\ud83d\\ude00 and \\\\ud800"')).document
    card = doc.element(json.loads(base_text())["elements"][3]["id"])
    assert card.text == "smile \U0001f600 and \\ud800"


def test_a_lane_id_equal_to_an_element_id_names_both(tmp_path):
    def change(root):
        root["lanes"].append({"id": root["elements"][2]["id"], "name": "x", "kind": "note"})
    message = refused(tmp_path, edited(change))
    element = json.loads(base_text())["elements"][2]["id"]
    assert message.endswith(f'lanes[7].id: "{element}" is also the id of elements[2]; '
                            "expected every id to be used once")


@pytest.mark.parametrize("where, change, place", [
    ("element kind", lambda r: r["elements"][0].update(kind=["stage"]), "elements[0].kind"),
    ("element kind", lambda r: r["elements"][0].update(kind={"a": 1}), "elements[0].kind"),
    ("lane kind", lambda r: r["lanes"][2].update(kind=[1]), "lanes[2].kind"),
    ("placement stage", lambda r: r["elements"][0]["placement"].update(stage=["s"]),
     "elements[0].placement.stage"),
    ("placement lane", lambda r: r["elements"][0]["placement"].update(lane={"x": 1}),
     "elements[0].placement.lane"),
    ("stage list", lambda r: r["stages"].append({"id": 1}), "stages[5]"),
    ("wave label", lambda r: r["waves"][1].update(label=["x"]), "waves[1]"),
    ("settings", lambda r: r.update(settings="dark"), "settings"),
])
def test_a_container_where_a_text_belongs_is_named(tmp_path, where, change, place):
    message = refused(tmp_path, edited(change))
    assert f": {place}" in message, where


@pytest.mark.parametrize("change, problem", [
    (lambda r: r["links"][0].update(kind=["next"]), "links[0].kind: expected one of "),
    (lambda r: r["links"][1].update(target=[1]), "links[1].target: expected the id of an "
                                                 "element, got a list; link dropped"),
    (lambda r: r["scores"][0].update(wave={"q": 1}), "scores[0].wave: expected a wave listed "
                                                     "in 'waves', got an object"),
    (lambda r: r["scores"][0].update(metric=["csat"]), "scores[0].metric: expected one of"),
    (lambda r: r["scores"][0].update(name=["x"]), "scores[0].name: expected text"),
    (lambda r: r["scores"][0].update(touchpoint={"id": "x"}), "scores[0].touchpoint: "),
    (lambda r: r["scores"][0].update(distribution=[1, 2]), "scores[0].distribution: expected "
                                                           "an object, got a list"),
    (lambda r: r["scores"][0]["distribution"].update({"4": -3}), "scores[0].distribution.4: "),
    (lambda r: r["scores"][0]["scale"].update(max="7"), "scores[0].scale.max: expected a "
                                                        "finite number"),
    (lambda r: r["scores"][0]["scale"].update(better=["up"]), "scores[0].scale.better"),
    (lambda r: r["scores"][0]["scale"].update(integer="yes"), "scores[0].scale.integer"),
    (lambda r: r["scores"][0].update(source=[]), "scores[0].source: expected an object"),
    (lambda r: r.update(title=["x"]), "title: expected text, got a list; ignored"),
])
def test_wrong_types_in_repairable_places_are_dropped_and_reported(tmp_path, change, problem):
    result = load_text(tmp_path, edited(change))
    assert any(p.startswith(problem) for p in result.problems), result.problems
    jmap.save(result.document, tmp_path / "again.jmap")       # what loads also saves...
    again = jmap.load(tmp_path / "again.jmap", strict=True)   # ...and loads cleanly
    assert again.problems == []


def test_texts_over_the_limit_are_trimmed_and_reported(tmp_path):
    long = "가" * (MAX_TEXT + 5)

    def change(root):
        root["title"] = long
        root["lanes"][0]["name"] = long
        root["elements"][3]["fields"]["text"] = long
        pain = next(e for e in root["elements"] if e["kind"] == "pain_point")
        pain["fields"]["evidence"] = ["short", long]
    result = load_text(tmp_path, edited(change))
    assert len(result.problems) == 4
    assert all(f"{MAX_TEXT + 5:,} characters, trimmed to the {MAX_TEXT:,} a text may have" in p
               for p in result.problems)
    doc = result.document
    assert doc.title == "가" * MAX_TEXT
    assert doc.lanes[0].name == "가" * MAX_TEXT
    pain = next(doc.elements(Kind.PAIN_POINT))
    assert tuple(pain.fields["evidence"]) == ("short", "가" * MAX_TEXT)
    with pytest.raises(FileFormatError, match=r"title: 10,005 characters, trimmed .* \(and 3 "
                                              r"more\)"):
        load_text(tmp_path, edited(change), strict=True)
    exactly = edited(lambda r: r.update(title="x" * MAX_TEXT))
    assert load_text(tmp_path, exactly, strict=True).document.title == "x" * MAX_TEXT


def test_deep_nesting_in_kept_parts_is_refused_before_it_can_break_a_save(tmp_path):
    deep: list = []
    for _ in range(200):
        deep = [deep]
    message = refused(tmp_path, edited(lambda r: r["elements"][0].update(sticker=deep)))
    assert "elements[0].sticker: nested deeper than 32 levels" in message
    ok: list = []
    for _ in range(20):
        ok = [ok]
    doc = load_text(tmp_path, edited(lambda r: r.update(workshop=ok))).document
    assert json.loads(dumps(doc))["workshop"] == ok


def test_saving_never_crashes_on_a_lone_surrogate_in_the_document(tmp_path):
    doc = JourneyMap.with_default_lanes("half \ud800 a character")
    stage = doc.add_stage("Stage \udfff")
    doc.add_card(Kind.NOTE, stage, doc.lane_for_kind(Kind.NOTE).id if doc.lane_for_kind(
        Kind.NOTE) else doc.lanes[0].id, "note \ud83d")
    path = tmp_path / "m.jmap"
    jmap.save(doc, path)
    again = jmap.load(path, strict=True).document
    assert again.title == "half \ufffd a character"
    assert again.stages()[0].text == "Stage \ufffd"


def test_a_non_finite_number_is_refused_by_the_model_and_never_saved(tmp_path):
    doc = JourneyMap.with_default_lanes("t")
    stage = doc.add_stage("s")
    card = doc.add_card(Kind.ACTION, stage, doc.lanes[1].id, "a")
    with pytest.raises(JourneyError, match=r"placement\.dx: expected a number"):
        doc.move_element(card, Placement(stage, doc.lanes[1].id, 0, float("nan"), 0.0))
    doc.set_extra("from_a_newer_writer", {"zoom": float("nan")})  # values kept as they came
    with pytest.raises(JourneyError, match=r"cannot save: .*from_a_newer_writer.* is not a finite "
                                           r"number"):
        jmap.save(doc, tmp_path / "m.jmap")
    assert not list(tmp_path.iterdir())


def _within(seconds: float, action) -> BaseException | None:
    """Run ``action`` in a thread; fail the test if it is still running after ``seconds``."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            action()
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    return outcome[0]


def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.jmap"
    os.mkfifo(fifo)
    start = time.perf_counter()
    error = _within(5, lambda: jmap.load(fifo))
    assert isinstance(error, FileFormatError)
    assert str(error) == f"{fifo}: not a regular file (a named pipe); expected a .jmap file"
    assert time.perf_counter() - start < 1


def test_devices_and_folders_are_refused_before_reading(tmp_path):
    error = _within(5, lambda: jmap.load("/dev/zero"))
    assert str(error) == "/dev/zero: not a regular file (a device); expected a .jmap file"
    with pytest.raises(FileFormatError, match="is a folder, not a .jmap file"):
        jmap.load(tmp_path)
