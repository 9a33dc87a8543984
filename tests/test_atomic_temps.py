"""Temporary files of saves: named recognisably, removed by the next save of the
same file when no running save holds them, and kill -9 during a save never
corrupts the map nor leaves a temporary file behind the next save."""

from __future__ import annotations

import fcntl
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journeymapper.io import atomic, jmap
from journeymapper.io.serialize import dumps
from journeymapper.model import JourneyMap, Kind

ROOT = Path(__file__).resolve().parent.parent
HEX = "0123456789abcdef"


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def leftover(folder: Path, name: str, token: str | None = None, age: float = 0.0) -> Path:
    token = token or "".join(random.choice(HEX) for _ in range(12))
    path = folder / f".{name}.{token}.tmp"
    path.write_bytes(b'{"format_version": 1, "elem')
    if age:
        moment = time.time() - age
        os.utime(path, (moment, moment))
    return path


def test_the_temporary_file_is_named_after_the_map(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(source, target):
        seen.append(Path(source).name)
        real_replace(source, target)

    monkeypatch.setattr(atomic.os, "replace", spy)
    jmap.save(JourneyMap.with_default_lanes("a"), tmp_path / "map.jmap")
    jmap.save(JourneyMap.with_default_lanes("b"), tmp_path / "map.jmap")
    pattern = atomic.temp_pattern(tmp_path / "map.jmap")
    assert len(seen) == 3                       # the first save, the .bak, the second save
    assert all(pattern.match(name) and pattern.match(name).group("new") for name in seen)
    assert seen[1].startswith(".map.jmap.bak.") and seen[2].startswith(".map.jmap.")


def test_the_next_save_removes_only_stale_temporary_files_of_that_map(tmp_path):
    path = tmp_path / "map.jmap"
    jmap.save(JourneyMap.with_default_lanes("a"), path)
    stale = leftover(tmp_path, "map.jmap")
    stale_bak = leftover(tmp_path, "map.jmap.bak")
    old_style_old = leftover(tmp_path, "map.jmap", token="ab_9xyz0", age=3600)
    old_style_new = leftover(tmp_path, "map.jmap", token="cd_1xyz0")     # may be running
    others = [leftover(tmp_path, "other.jmap"), tmp_path / ".map.jmap.notours.tmp",
              tmp_path / "map.jmap.tmp", tmp_path / ".map.jmap.0123456789abcdef.tmp"]
    for other in others[1:]:
        other.write_bytes(b"keep")
    busy = leftover(tmp_path, "map.jmap")
    holder = os.open(busy, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)          # a save in progress elsewhere holds its file
    try:
        jmap.save(JourneyMap.with_default_lanes("b"), path)
    finally:
        os.close(holder)
    gone = {stale.name, stale_bak.name, old_style_old.name}
    kept = {old_style_new.name, busy.name, *(o.name for o in others)}
    left = set(temps(tmp_path))
    assert not gone & left
    assert kept <= left
    assert jmap.load(path, strict=True).document.title == "b"


def test_cleaning_does_not_follow_symlinks(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    link = tmp_path / f".map.jmap.{'a' * 12}.tmp"
    link.symlink_to(target)
    jmap.save(JourneyMap.with_default_lanes("a"), tmp_path / "map.jmap")
    assert target.read_text() == "keep me" and link.is_symlink()


def _big_map_bytes() -> tuple[bytes, bytes]:
    doc = JourneyMap.with_default_lanes("kill test")
    stages = [doc.add_stage(f"Stage {i}") for i in range(8)]
    lane = doc.lane_for_kind(Kind.ACTION).id
    for i in range(4000):
        doc.add_card(Kind.ACTION, stages[i % 8], lane, f"card {i}: " + "words " * 20)
    first = dumps(doc)
    doc.set_meta("title", "kill test, second version")
    return first, dumps(doc)


SAVER = r"""
import sys
from journeymapper.io.atomic import atomic_write_bytes
payloads = [open(sys.argv[2], "rb").read(), open(sys.argv[3], "rb").read()]
print("ready", flush=True)
i = 0
while True:
    atomic_write_bytes(sys.argv[1], payloads[i % 2], backup=True)
    i += 1
"""


def test_kill_9_during_saves_never_corrupts_and_the_next_save_cleans_up(tmp_path):
    first, second = _big_map_bytes()
    a, b = tmp_path / "a.bin", tmp_path / "b.bin"
    a.write_bytes(first)
    b.write_bytes(second)
    folder = tmp_path / "maps"
    folder.mkdir()
    path = folder / "map.jmap"
    path.write_bytes(first)
    rng = random.Random(8)
    kills, corrupt, left_behind, cleaned = 12, 0, 0, 0
    for _ in range(kills):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(path), str(a), str(b)],
                                 stdout=subprocess.PIPE, cwd=ROOT)
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.005, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        for name in ("map.jmap", "map.jmap.bak"):
            data = (folder / name).read_bytes() if (folder / name).exists() else first
            if data not in (first, second):
                corrupt += 1
        found = len(temps(folder))
        left_behind += found
        atomic.atomic_write_bytes(path, first, backup=True)       # the next save
        cleaned += found - len(temps(folder))
        assert temps(folder) == []
    assert corrupt == 0                                       # each is one of the two maps...
    assert jmap.loads(first, strict=True).problems == []      # ...which both load cleanly
    assert jmap.loads(second, strict=True).problems == []
    assert left_behind > 0, "no kill landed inside a save: the test proves nothing"
    assert cleaned == left_behind
    print(f"\n{kills} kills: 0 corrupt, {left_behind} temporary files left, "
          f"{cleaned} removed by the next save")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_saving_over_a_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.jmap"
    os.mkfifo(fifo)
    start = time.perf_counter()
    with pytest.raises(Exception, match=r"not a regular file \(a named pipe\); not overwritten"):
        jmap.save(JourneyMap.with_default_lanes("a"), fifo)
    assert time.perf_counter() - start < 2
