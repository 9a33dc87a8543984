"""``journeymapper recover``: list what a crash left, write one to a file
(never silently over the saved map), discard one; one line and exit 1 for a
bad id or a damaged file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_recovery_store import write_dead

from journeymapper.cli import main
from journeymapper.io.recovery import ENV_DATA_DIR, RecoveryStore, local_time
from journeymapper.io.serialize import dumps
from journeymapper.templates import new_from_template


@pytest.fixture
def store(tmp_path: Path, monkeypatch) -> RecoveryStore:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    return RecoveryStore.default()


def run(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_list_shows_each_map_and_says_which_are_damaged(store, capsys, laptop_doc):
    saved = write_dead(store, laptop_doc, original="/maps/laptop-store.jmap", changes=4)
    untitled = write_dead(store, new_from_template("ecommerce-ko", "새 여정"), changes=1)
    broken = write_dead(store, laptop_doc)
    (store.folder / f"{broken}.1.jmap").write_bytes(b"{}")
    code, out, err = run(capsys, "recover", "--list")
    assert code == 0 and err == []
    assert len(out) == 3
    by_id = {line.split()[0]: line for line in out}
    when = local_time(store.entry(saved).meta.saved_at)
    assert by_id[saved] == (f"{saved}  {when}  4 unsaved changes  laptop-store.jmap  "
                            "/maps/laptop-store.jmap")
    assert by_id[untitled] == (f"{untitled}  {when}  1 unsaved change   Untitled (새 여정)  "
                               "never saved")
    assert by_id[broken].startswith(f"{broken}  cannot be recovered: {store.folder}")
    assert out[-1] == by_id[broken], "damaged ones come last"

    code, out, _ = run(capsys, "recover", "--list", "--json")
    listed = {item["id"]: item for item in json.loads("\n".join(out))}
    assert listed[saved] == {"id": saved, "name": "laptop-store.jmap", "title": laptop_doc.title,
                             "original": "/maps/laptop-store.jmap",
                             "saved_at": store.entry(saved).meta.saved_at, "changes": 4,
                             "live": False, "damaged": None}
    assert listed[untitled]["name"] is None and listed[untitled]["title"] == "새 여정"
    assert "it is not the map that was autosaved" in listed[broken]["damaged"]


def test_empty_list(store, capsys):
    assert run(capsys, "recover", "--list") == (0, [f"no maps to recover ({store.folder})"], [])
    assert run(capsys, "recover", "--list", "--json") == (0, ["[]"], [])


def test_recover_writes_the_autosaved_map(store, capsys, tmp_path, laptop_doc):
    laptop_doc.set_meta("title", "After the workshop")
    record_id = write_dead(store, laptop_doc, original=str(tmp_path / "laptop.jmap"), changes=2)
    out_path = tmp_path / "recovered.jmap"
    code, out, err = run(capsys, "recover", record_id, "-o", str(out_path))
    assert code == 0 and err == []
    assert out_path.read_bytes() == dumps(laptop_doc)
    assert out[0].startswith(f"{out_path}: recovered laptop.jmap as autosaved ")
    assert out[0].endswith("(2 unsaved changes)")
    assert record_id in out[1], "the record stays until it is discarded"
    assert store.entry(record_id).problem is None


def test_recover_never_writes_over_the_saved_map_silently(store, capsys, tmp_path, laptop_path,
                                                          laptop_doc):
    original = tmp_path / "laptop.jmap"
    shutil.copy(laptop_path, original)
    saved_bytes = original.read_bytes()
    laptop_doc.set_meta("title", "Recovered title")
    record_id = write_dead(store, laptop_doc, original=str(original))
    code, out, err = run(capsys, "recover", record_id, "-o", str(original))
    assert code == 1 and out == []
    assert err == [f"journeymapper: {original}: is the saved file of this map; recovering over "
                   "it would replace what was saved (write another file, or add --force)"]
    assert original.read_bytes() == saved_bytes
    other = tmp_path / "other.jmap"
    other.write_bytes(b"keep me")
    code, _, err = run(capsys, "recover", record_id, "-o", str(other))
    assert code == 1 and err == [f"journeymapper: {other}: exists already (use --force to "
                                 "overwrite)"]
    assert other.read_bytes() == b"keep me"
    code, _, _ = run(capsys, "recover", record_id, "-o", str(original), "--force")
    assert code == 0
    assert original.read_bytes() == dumps(laptop_doc)
    assert original.with_name("laptop.jmap.bak").read_bytes() == saved_bytes


def test_bad_id_and_damaged_record_are_one_line_exit_1(store, capsys, tmp_path, laptop_doc):
    out_path = tmp_path / "out.jmap"
    code, out, err = run(capsys, "recover", "12345678", "-o", str(out_path))
    assert (code, out) == (1, [])
    assert err == ["journeymapper: 12345678: no map to recover has this id (see 'journeymapper "
                   "recover --list')"]
    record_id = write_dead(store, laptop_doc)
    store.record_path(record_id).write_text('{"format": 1, "id": 7}')
    code, out, err = run(capsys, "recover", record_id, "-o", str(out_path))
    assert code == 1 and len(err) == 1
    assert err[0].startswith(f"journeymapper: {record_id}: cannot be recovered: ")
    assert "id: expected the record's own id" in err[0]
    assert not out_path.exists()


def test_discard_and_usage(store, capsys, laptop_doc):
    record_id = write_dead(store, laptop_doc)
    assert run(capsys, "recover", "--discard", record_id) == \
        (0, [f"{record_id}: recovery file removed"], [])
    assert store.entries() == []
    code, _, err = run(capsys, "recover", "--discard", record_id)
    assert code == 1 and "no map to recover has this id" in err[0]
    for args in (("recover",), ("recover", "abcdef12"), ("recover", "--list", "abcdef12")):
        with pytest.raises(SystemExit) as exit_:
            main(list(args))
        assert exit_.value.code == 2
        capsys.readouterr()
