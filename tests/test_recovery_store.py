"""The recovery files without Qt: where they live, what a record holds,
damaged records said in one line, a running app told from a crashed one,
and a line cache that serialises snapshot after snapshot as dumps does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from journeymapper.io import jmap
from journeymapper.io.recovery import (
    ENV_DATA_DIR,
    RecoveryStore,
    data_dir,
    instance_in,
)
from journeymapper.io.serialize import LineCache, dumps
from journeymapper.model.elements import Kind
from journeymapper.model.scores import Score, Wave

DEAD = "0123456789abcdef"  # an instance token no running app holds


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


def write_dead(store: RecoveryStore, doc, original: str | None = None, changes: int = 3,
               seq: int = 1) -> str:
    """A record as a crashed app leaves it (its lock is gone)."""
    record_id = store.new_id()
    meta = store.write(record_id, seq, dumps(doc), original=original, title=doc.title,
                       changes=changes, instance=instance_in(store.folder))
    path = store.record_path(record_id)
    body = json.loads(path.read_text())
    body["instance"], body["pid"] = DEAD, 999999
    path.write_text(json.dumps(body))
    assert meta.id == record_id
    return record_id


def test_data_folder_per_platform_and_the_override(tmp_path):
    home = Path("/home/ana")
    assert data_dir({}, "linux", home) == home / ".local/share/journeymapper/journeymapper"
    assert data_dir({"XDG_DATA_HOME": "/data/ana"}, "linux", home) == \
        Path("/data/ana/journeymapper/journeymapper")
    assert data_dir({"XDG_DATA_HOME": "relative/dir"}, "linux", home) == \
        home / ".local/share/journeymapper/journeymapper", "a relative XDG path is ignored"
    assert data_dir({}, "darwin", home) == \
        home / "Library/Application Support/journeymapper/journeymapper"
    assert data_dir({"APPDATA": r"C:\Users\ana\AppData\Roaming"}, "win32", home) == \
        Path(r"C:\Users\ana\AppData\Roaming") / "journeymapper" / "journeymapper"
    assert data_dir({ENV_DATA_DIR: str(tmp_path), "XDG_DATA_HOME": "/x"}, "linux", home) == \
        tmp_path


def test_write_list_load_remove(store, laptop_doc):
    record_id = write_dead(store, laptop_doc, original="/maps/laptop-store.jmap", changes=4)
    [entry] = store.entries()
    assert entry.id == record_id and entry.problem is None and not entry.live
    assert entry.name == "laptop-store.jmap"
    assert entry.meta.changes == 4 and entry.meta.title == laptop_doc.title
    assert entry.meta.saved_at.endswith("+00:00")
    recovered = store.load(entry).document
    assert dumps(recovered) == dumps(laptop_doc)
    store.remove(record_id)
    assert store.entries() == []
    assert [p.suffix for p in store.folder.iterdir()] == [".lock"], "only this app's lock stays"


def test_each_autosave_replaces_the_previous_map_file(store, laptop_doc):
    record_id = store.new_id()
    me = instance_in(store.folder)
    store.write(record_id, 1, dumps(laptop_doc), original=None, title="t", changes=1, instance=me)
    laptop_doc.set_meta("title", "Second autosave")
    store.write(record_id, 2, dumps(laptop_doc), original=None, title="t", changes=2, instance=me)
    maps = sorted(p.name for p in store.folder.glob("*.jmap"))
    assert maps == [f"{record_id}.2.jmap"]
    [entry] = store.entries(include_live=True)
    assert entry.live, "this process's own records are not offered as crashed"
    assert store.entries() == []
    assert store.load(entry).document.title == "Second autosave"


def test_a_crash_between_map_and_record_keeps_the_previous_pair(store, laptop_doc):
    """The map file of autosave 2 is on disk but its record was never written."""
    record_id = write_dead(store, laptop_doc, seq=1)
    (store.folder / f"{record_id}.2.jmap").write_bytes(b'{"half": ')
    [entry] = store.entries()
    assert entry.problem is None
    assert store.load(entry).document.title == laptop_doc.title
    store.clean()
    assert sorted(p.name for p in store.folder.glob("*.jmap")) == [f"{record_id}.1.jmap"]


@pytest.mark.parametrize("damage, expected", [
    ("truncate", "damaged: it is not the map that was autosaved"),
    ("missing", "the recovered map is missing"),
    ("record-garbage", "not a recovery record"),
    ("record-field", "changes: expected a whole number, got -2"),
    ("record-traversal", "map_file: expected"),
])
def test_a_damaged_record_is_one_line_and_never_offered_as_good(store, laptop_doc, damage,
                                                                expected):
    record_id = write_dead(store, laptop_doc)
    map_path = store.folder / f"{record_id}.1.jmap"
    record = store.record_path(record_id)
    body = json.loads(record.read_text())
    if damage == "truncate":
        map_path.write_bytes(map_path.read_bytes()[:500])
    elif damage == "missing":
        map_path.unlink()
    elif damage == "record-garbage":
        record.write_bytes(b"\x00\xff not json")
    elif damage == "record-field":
        record.write_text(json.dumps({**body, "changes": -2}))
    else:
        record.write_text(json.dumps({**body, "map_file": "../../etc/passwd"}))
    [entry] = store.entries()
    problem = str(entry.problem)
    assert expected in problem and "\n" not in problem
    assert str(store.folder) in problem, "the line names the file"
    with pytest.raises(Exception) as caught:
        store.load(entry)
    assert str(caught.value) == problem


def test_a_map_that_does_not_load_is_damaged_at_load(store):
    record_id = store.new_id()
    store.write(record_id, 1, b'{"format_version": "one"}', original=None, title="x",
                changes=1, instance=instance_in(store.folder))
    [entry] = store.entries(include_live=True)
    with pytest.raises(Exception) as caught:
        store.load(entry)
    assert "format_version: expected an integer" in str(caught.value)


def test_unknown_and_malformed_ids_are_refused(store, laptop_doc):
    write_dead(store, laptop_doc)
    for bad in ("deadbeef", "../x", "", "ABCDEF12"):
        with pytest.raises(Exception) as caught:
            store.entry(bad)
        assert "no map to recover has this id" in str(caught.value)


HOLD = r"""
import sys, time
from journeymapper.io.recovery import RecoveryStore, instance_in
from journeymapper.io.serialize import LineCache, dumps
from journeymapper.model.document import JourneyMap
store = RecoveryStore(__import__("pathlib").Path(sys.argv[1]))
doc = JourneyMap.with_default_lanes("Held by another app")
store.write(store.new_id(), 1, dumps(doc), original=None, title=doc.title, changes=1,
            instance=instance_in(store.folder))
print("written", flush=True)
time.sleep(60)
"""


def test_a_running_app_is_told_from_a_crashed_one_by_its_lock(store):
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(store.folder)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "written"
        assert store.entries() == [], "a running app's map is not offered"
        [live] = store.entries(include_live=True)
        assert live.live and live.meta.pid == child.pid
        store.clean()
        assert len(list(store.folder.glob("*.lock"))) == 1, "a live lock stays"
    finally:
        child.kill()
        child.wait()
    [entry] = store.entries()
    assert not entry.live and entry.meta.title == "Held by another app"
    store.clean()
    assert not list(store.folder.glob("*.lock")), "the dead app's lock file is cleaned"


def test_a_snapshot_serialises_as_the_map_was_whatever_changes_after(laptop_doc):
    """What the autosave worker writes is the map at the moment of the snapshot."""
    doc = laptop_doc
    before = dumps(doc)
    snapshot = doc.snapshot()
    lines = LineCache()
    stage = doc.stage_order[0]
    card = doc.cell(stage, doc.lane_for_kind(Kind.ACTION).id)[0]
    doc.set_field(card.id, "text", "Changed after the snapshot")
    doc.move_element(card.id, card.placement.moved(dx=12.5))
    doc.set_meta("title", "Another title")
    new = doc.add_card(Kind.PAIN_POINT, stage, doc.lane_for_kind(Kind.PAIN_POINT).id, "New")
    doc.link(new, next(iter(doc.elements(Kind.TOUCHPOINT))).id)
    doc.put_scores([Score(stage, "2027-Q1", "csat", 80.0, 40)], [Wave("2027-Q1")])
    doc.rename_wave("2027-Q1", "2027-Q2")
    doc.remove_element(new)   # its link goes along
    assert dumps(snapshot, lines) == before
    assert dumps(doc.snapshot(), lines) == dumps(doc)


def test_a_line_cache_gives_the_same_bytes_edit_after_edit(laptop_doc):
    """Autosave keeps the serialised lines of unchanged cards between snapshots."""
    doc = laptop_doc
    lines = LineCache()
    assert dumps(doc.snapshot(), lines) == dumps(doc)
    stage = doc.stage_order[1]
    lane = doc.lane_for_kind(Kind.THOUGHT).id
    for step in range(6):
        card = doc.add_card(Kind.THOUGHT, stage, lane, f"Thought {step}")
        doc.set_field(card, "text", f"Thought {step}, reworded")
        if step % 2:
            doc.remove_element(card)
        if step == 3:
            doc.set_stage_order(reversed(doc.stage_order))
        assert dumps(doc.snapshot(), lines) == dumps(doc)


def test_a_line_cache_writes_every_example_as_saved(laptop_path, korean_path):
    for path in (laptop_path, korean_path, laptop_path.with_name("laptop-store-reviewed.jmap")):
        doc = jmap.load(path, strict=True).document
        assert dumps(doc.snapshot(), LineCache()) == path.read_bytes()
