"""kill -9 after edits in the real window: a child process opens the main
window, types cards through the view, waits for the autosave and is killed
with SIGKILL. Then ``recover --list`` shows the map, ``recover`` gives the
edits back, and the next window start offers it."""

# ruff: noqa: F811 - the window fixtures are shared with test_window by import

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_window import activate, laptop_copy, make_window, settings_dir  # noqa: F401

from journeymapper.cli import main
from journeymapper.io import jmap
from journeymapper.io.recovery import ENV_DATA_DIR, RecoveryStore
from journeymapper.ui.startup import start

CHILD = Path(__file__).resolve().parent / "autosave_child.py"
TEXTS = ["Asks a friend which laptop", "배송이 너무 느려요", "Compares two shops"]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> RecoveryStore:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    return RecoveryStore.default()


class Child:
    """The window in its own process, up to the point where its edits are autosaved."""

    def __init__(self, tmp_path: Path, map_path: Path | None = None) -> None:
        settings = tmp_path / "child-settings"
        settings.mkdir(exist_ok=True)
        args = [sys.executable, str(CHILD), str(settings), *TEXTS]
        if map_path is not None:
            args += ["--map", str(map_path)]
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, env=env)
        line = self.process.stdout.readline()
        if not line:
            self.process.wait(10)
            pytest.fail(f"the child window stopped: {self.process.stderr.read()[-2000:]}")
        self.report = json.loads(line)

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        assert self.process.wait(10) == -signal.SIGKILL

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        for stream in (self.process.stdout, self.process.stderr):
            stream.close()


@pytest.fixture
def child(tmp_path: Path, data):
    made: list[Child] = []

    def spawn(map_path: Path | None = None) -> Child:
        made.append(Child(tmp_path, map_path))
        return made[-1]

    yield spawn
    for c in made:
        c.close()


def listed(capsys, *extra: str) -> list[dict]:
    assert main(["recover", "--list", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_kill_9_after_typing_then_recover_from_the_command_line(child, capsys, tmp_path):
    running = child()
    assert running.report["changes"] == len(TEXTS)
    assert listed(capsys) == [], "a running window's map is not offered as crashed"
    [live] = listed(capsys, "--all")
    assert live["live"] and live["id"] == running.report["record"]

    running.kill()
    [entry] = listed(capsys)
    assert entry["id"] == running.report["record"]
    assert entry["original"] is None and entry["changes"] == len(TEXTS)
    assert entry["title"] == "E-commerce customer journey" and entry["damaged"] is None

    out = tmp_path / "recovered.jmap"
    assert main(["recover", entry["id"], "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"{out}: recovered Untitled")
    recovered = jmap.load(out, strict=True).document
    assert set(TEXTS) <= {e.text for e in recovered.elements()}


def test_kill_9_then_the_next_window_start_offers_it(child, capsys, qtbot, make_window,
                                                    laptop_copy, data):
    saved = laptop_copy.read_bytes()
    running = child(laptop_copy)
    running.kill()
    record_id = running.report["record"]
    [entry] = listed(capsys)
    assert entry["name"] == laptop_copy.name and entry["original"] == str(laptop_copy.resolve())

    window = make_window()
    window.dialogs.script("recover", {record_id: "recover"})
    start(window)
    [offered] = window.dialogs.offered
    assert offered.id == record_id and offered.meta.changes == len(TEXTS)
    assert set(TEXTS) <= {e.text for e in window.document.elements()}
    assert window.path == laptop_copy.resolve() and window.isWindowModified()
    assert laptop_copy.read_bytes() == saved, "recovering does not write the saved file"
    window.autosave.wait()
    assert listed(capsys) == [], "the recovered map is this window's now"

    window.save()
    assert set(TEXTS) <= {e.text for e in jmap.load(laptop_copy, strict=True).document.elements()}
    window.autosave.wait()
    assert listed(capsys, "--all") == []
