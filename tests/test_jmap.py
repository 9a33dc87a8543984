"""The .jmap format: round trips, determinism, atomic save, untrusted input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from journeymapper.io import atomic, jmap
from journeymapper.io.migrations import FORMAT_VERSION, migrate
from journeymapper.io.serialize import dumps
from journeymapper.model import JourneyMap, Kind, Score
from journeymapper.model.errors import FileFormatError, JourneyError

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def small_map() -> JourneyMap:
    doc = JourneyMap.with_default_lanes("작은 지도")
    s1, s2 = doc.add_stage("인식"), doc.add_stage("구매")
    tp = doc.add_card(Kind.TOUCHPOINT, s1, doc.lane_for_kind(Kind.TOUCHPOINT).id, "검색")
    pain = doc.add_card(Kind.PAIN_POINT, s2, doc.lane_for_kind(Kind.PAIN_POINT).id,
                        "배송비가 마지막에 보인다", severity=4)
    doc.link(pain, tp)
    doc.link(s2, s1)
    doc.put_scores([Score(s1, "2026-Q3", "nps", 1 / 3 * 100, 42, 3,
                          distribution={"9": 20, "3": 6})])
    return doc


def write(tmp_path: Path, content: bytes | str, name: str = "map.jmap") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def valid_root() -> dict:
    return json.loads(dumps(small_map()))


@pytest.mark.parametrize("name", ["laptop-store.jmap", "dawn-delivery-ko.jmap"])
def test_examples_load_cleanly_and_resave_byte_identical(name):
    data = (EXAMPLES / name).read_bytes()
    result = jmap.loads(data, name)
    assert result.problems == []
    assert dumps(result.document) == data


def test_save_load_save_is_byte_identical_and_keeps_korean(tmp_path):
    doc = small_map()
    path = tmp_path / "m.jmap"
    jmap.save(doc, path)
    first = path.read_bytes()
    assert "배송비가 마지막에 보인다".encode() in first  # UTF-8, not \u escapes
    again = jmap.load(path).document
    assert again.scores()[0].value == 1 / 3 * 100  # full precision survives
    jmap.save(again, path)
    assert path.read_bytes() == first


def test_save_keeps_one_backup(tmp_path):
    path = tmp_path / "m.jmap"
    doc = small_map()
    jmap.save(doc, path)
    before = path.read_bytes()
    doc.set_meta("title", "Changed")
    jmap.save(doc, path)
    assert (tmp_path / "m.jmap.bak").read_bytes() == before
    mode = path.stat().st_mode & 0o777
    assert (tmp_path / "m.jmap.bak").stat().st_mode & 0o777 == mode  # not private 0600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.jmap", "m.jmap.bak"]


def test_interrupted_save_leaves_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "m.jmap"
    jmap.save(small_map(), path)
    before = path.read_bytes()

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", crash)
    doc = small_map()
    doc.set_meta("title", "Never written")
    with pytest.raises(JourneyError, match="could not save: No space left on device"):
        jmap.save(doc, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.jmap"]  # no temp file left behind


def test_save_into_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(JourneyError, match="does not exist"):
        jmap.save(small_map(), tmp_path / "nope" / "m.jmap")


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"   \n", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not UTF-8 text"),
    (b'{"format_version": 1, "elements": [', "truncated"),
    (b"[1, 2, 3]", "expected a JSON object at the top, got a list"),
    (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    (b'{"title": "x"}', "format_version: expected an integer, got null"),
    (b'{"format_version": "1"}', 'format_version: expected an integer, got "1"'),
    (b'{"format_version": 99}', "made by a newer journeymapper (format version 99); "
                                f"this one reads up to {FORMAT_VERSION}"),
])
def test_unreadable_files_say_why(tmp_path, content, message):
    path = write(tmp_path, content)
    with pytest.raises(FileFormatError) as info:
        jmap.load(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_absurdly_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(jmap, "MAX_FILE_BYTES", 1024)
    path = write(tmp_path, b'{"format_version": 1, "title": "' + b"x" * 2000 + b'"}')
    with pytest.raises(FileFormatError, match="larger than"):
        jmap.load(path)


def mutate(tmp_path: Path, change) -> Path:
    root = valid_root()
    change(root)
    return write(tmp_path, json.dumps(root, ensure_ascii=False))


def _pain_index(root: dict) -> int:
    return next(i for i, e in enumerate(root["elements"]) if e["kind"] == "pain_point")


def test_field_out_of_range_is_named_and_repaired(tmp_path):
    def change(root):
        root["elements"][_pain_index(root)]["fields"]["severity"] = 9
    path = mutate(tmp_path, change)
    index = _pain_index(valid_root())
    result = jmap.load(path)
    assert result.problems == [
        f"elements[{index}].severity: expected an integer 1..5, got 9; reset to 3"]
    with pytest.raises(FileFormatError, match=rf"elements\[{index}\]\.severity: expected an "
                                              r"integer 1..5, got 9"):
        jmap.load(path, strict=True)


def test_duplicate_ids_are_fatal_and_named(tmp_path):
    def change(root):
        root["elements"].append(dict(root["elements"][0]))
    path = mutate(tmp_path, change)
    with pytest.raises(FileFormatError, match=r"elements\[\d+\]\.id: duplicate id '.+' "
                                              r"\(also elements\[0\]\)"):
        jmap.load(path)


def test_link_to_missing_id_is_dropped_and_reported(tmp_path):
    def change(root):
        pain = root["elements"][_pain_index(root)]["id"]
        root["links"].append({"source": pain, "target": "ghost-1", "kind": "occurs_at"})
    result = jmap.load(mutate(tmp_path, change))
    assert result.problems == ["links[2].target: no element with id \"ghost-1\"; link dropped"]
    assert result.document.link_count() == 2


def test_wrong_types_are_named(tmp_path):
    def change(root):
        root["elements"] = {"not": "a list"}
    with pytest.raises(FileFormatError, match="elements: expected a list, got an object"):
        jmap.load(mutate(tmp_path, change))

    def change2(root):
        root["elements"][0]["placement"] = "A1"
    with pytest.raises(FileFormatError, match=r"elements\[0\]\.placement: expected an object"):
        jmap.load(mutate(tmp_path, change2))


def test_unknown_fields_survive_a_round_trip(tmp_path):
    def change(root):
        root["workshop"] = {"room": "4F"}
        root["elements"][0]["sticker"] = "star"
        root["elements"][0]["fields"]["mood_colour"] = "#ff0000"
    path = mutate(tmp_path, change)
    doc = jmap.load(path).document
    out = json.loads(dumps(doc))
    assert out["workshop"] == {"room": "4F"}
    assert out["elements"][0]["sticker"] == "star"
    assert out["elements"][0]["fields"]["mood_colour"] == "#ff0000"


def test_migrations_run_one_step_at_a_time():
    calls = []

    def v0_to_v1(data):
        calls.append(0)
        data["stages"] = data.pop("columns")
        return data

    def v1_to_v2(data):
        calls.append(1)
        data["lanes_renamed"] = True
        return data

    old = {"format_version": 0, "columns": ["s-1"]}
    new = migrate(old, 0, target=2, registry={0: v0_to_v1, 1: v1_to_v2})
    assert calls == [0, 1]
    assert new == {"format_version": 2, "stages": ["s-1"], "lanes_renamed": True}
    with pytest.raises(KeyError):
        migrate({"format_version": 0}, 0, target=2, registry={0: v0_to_v1})


def test_older_version_without_a_migration_is_a_clear_error(tmp_path):
    root = valid_root()
    root["format_version"] = 0
    path = write(tmp_path, json.dumps(root))
    with pytest.raises(FileFormatError, match="no migration from format version 0"):
        jmap.load(path)


def test_missing_and_folder_paths(tmp_path):
    with pytest.raises(FileFormatError, match="no such file"):
        jmap.load(tmp_path / "nothing.jmap")
    with pytest.raises(FileFormatError, match="is a folder"):
        jmap.load(tmp_path)


def test_new_files_get_normal_permissions(tmp_path):
    path = tmp_path / "m.jmap"
    jmap.save(small_map(), path)
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_published_schema_accepts_what_we_write():
    import jsonschema

    schema = json.loads((EXAMPLES.parent / "resources" / "jmap.schema.json").read_text())
    for doc in (small_map(),):
        jsonschema.validate(json.loads(dumps(doc)), schema)
    for name in ("laptop-store.jmap", "dawn-delivery-ko.jmap"):
        jsonschema.validate(json.loads((EXAMPLES / name).read_text(encoding="utf-8")), schema)


@pytest.mark.parametrize("token, shown", [
    ("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity"), ("1e999", "1e999"),
])
def test_non_finite_numbers_are_refused_with_their_place(tmp_path, token, shown):
    """Python's json reads NaN/Infinity and 1e999 (as inf); a .jmap must not hold them,
    or the next save fails half-way."""
    text = dumps(small_map()).decode("utf-8")
    value = f'"value": {json.dumps(1 / 3 * 100)}'
    assert value in text
    line = text[:text.index(value)].count("\n") + 1
    path = write(tmp_path, text.replace(value, f'"value": {token}'))
    with pytest.raises(FileFormatError) as info:
        jmap.load(path)
    message = str(info.value)
    assert str(path) in message and f"line {line}" in message and shown in message
    assert "\n" not in message


@pytest.mark.parametrize("metric, value, scale, want", [
    ("csat", 250, {}, "a percentage 0..100"),
    ("nps", -101.5, {}, "a number -100..+100"),
    ("nps", 1e300, {}, "a number -100..+100"),
    ("ces", 9, {"min": 1, "max": 7}, "a number 1..7"),
])
def test_score_value_outside_its_metric_is_dropped_and_named(tmp_path, metric, value, scale,
                                                             want):
    """A CSAT of 250% typed into the file would otherwise be shown as is (or crash)."""
    def change(root):
        root["scores"][0].update(metric=metric, value=value, scale=scale)
    result = jmap.load(mutate(tmp_path, change))
    assert len(result.problems) == 1
    assert result.problems[0].startswith(f"scores[0].value: expected {want}, got ")
    assert result.problems[0].endswith("; score dropped")
    assert result.document.scores() == []


def test_duplicate_keys_are_fatal_and_named(tmp_path):
    """json keeps the last of two equal keys silently; a hand edit must not vanish."""
    path = write(tmp_path, '{"format_version": 1, "title": "a",\n "title": "b"}')
    with pytest.raises(FileFormatError, match=r'not valid JSON: the key "title" appears twice '
                                              r'in one object'):
        jmap.load(path)


def test_ids_with_superscript_digits_save(tmp_path):
    """'²' is a digit to str.isdigit but not to int(); an id holding it must still save."""
    def change(root):
        root["elements"][_pain_index(root)]["id"] = "pain-3²"
    doc = jmap.load(mutate(tmp_path, change)).document
    assert "pain-3²" in doc
    jmap.save(doc, tmp_path / "again.jmap")
    assert "pain-3²" in jmap.load(tmp_path / "again.jmap").document


def test_save_over_a_read_only_file_is_refused(tmp_path):
    """os.replace would swap a read-only file silently (the folder is writable)."""
    path = tmp_path / "locked.jmap"
    jmap.save(JourneyMap.with_default_lanes("old"), path)
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        with pytest.raises(JourneyError, match=r"locked\.jmap: the file is read-only"):
            jmap.save(small_map(), path)
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["locked.jmap"]
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("content, message", [
    ('{"format_version": 1,\n "title": "x",\n}', "line 3, column 1: a comma before '}' "
                                                  "(trailing commas are not JSON)"),
    ('{"format_version": 1, "authors": ["a", ]}', "line 1, column 40: a comma before ']' "
                                                   "(trailing commas are not JSON)"),
    ("\ufeff{}".encode("utf-16"), "saved as UTF-16; expected UTF-8 (save it again as UTF-8)"),
])
def test_hand_edit_slips_are_explained(tmp_path, content, message):
    path = write(tmp_path, content)
    with pytest.raises(FileFormatError) as info:
        jmap.load(path)
    assert str(info.value).startswith(f"{path}: ")
    assert str(info.value).endswith(message)


def test_save_through_a_symlink_updates_the_file_it_points_to(tmp_path):
    """os.replace on the link itself would turn it into a separate file and leave the
    shared map it points to unchanged."""
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "journey.jmap"
    jmap.save(JourneyMap.with_default_lanes("old"), real, backup=False)
    link = tmp_path / "journey.jmap"
    link.symlink_to(real)
    jmap.save(small_map(), link)
    assert link.is_symlink()
    assert jmap.load(real).document.title == "작은 지도"
    assert (shared / "journey.jmap.bak").exists()
