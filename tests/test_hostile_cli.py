"""Every hostile file through the command line, in a fresh subprocess each:
exit 1, one line naming the file and the place, the map's bytes unchanged,
nothing written, under 10 s and 500 MB."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import hostile_files as hf
import pytest
import survey_fixtures as fx

SECONDS = 10.0
PEAK_MB = 500.0
#: Commands that refuse a map with problems (it would be saved without them, or is checked).
STRICT = ("validate", "upgrade", "survey")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def _check_bounds(run: hf.Run) -> None:
    for result in run.results:
        assert result["code"] not in ("traceback", "hang"), result["err"]
        assert result["seconds"] < SECONDS, (result["argv"], result["seconds"])
    assert run.peak_mb < PEAK_MB, run.peak_mb


@dataclass
class Written:
    path: Path
    folder: Path
    before: dict[str, bytes]
    run: hf.Run | None = None


def _run_all(root: Path, cases: tuple[hf.Case, ...], kind: str) -> dict[str, Written]:
    """Write every case into its own folder, then run them all in one subprocess
    (each case's commands as one group with its own peak memory)."""
    written: dict[str, Written] = {}
    groups = []
    for case in cases:
        folder = root / f"{kind}-{case.name}"
        folder.mkdir()
        if kind == "map":
            path = case.write(folder)
            commands = hf.map_commands(path, folder, fx.google_forms_en(folder))
        else:
            map_path = folder / "shop.jmap"
            shutil.copy(hf.BASE_MAP, map_path)
            path = case.write(folder)
            commands = hf.survey_commands(path, map_path)
        written[case.name] = Written(path, folder, _files(folder))
        groups.append(commands)
    for case, run in zip(cases, hf.run_cli(groups, limit=SECONDS)):
        written[case.name].run = run
    return written


@pytest.fixture(scope="module")
def map_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Written]:
    return _run_all(tmp_path_factory.mktemp("hostile-maps"), hf.MAP_CASES, "map")


@pytest.fixture(scope="module")
def survey_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Written]:
    return _run_all(tmp_path_factory.mktemp("hostile-surveys"), hf.SURVEY_CASES, "survey")


@pytest.mark.parametrize("case", hf.MAP_CASES, ids=lambda c: c.name)
def test_hostile_map_through_every_command(map_runs: dict[str, Written], case: hf.Case) -> None:
    written = map_runs[case.name]
    path, run = written.path, written.run
    assert run is not None
    _check_bounds(run)
    for result in run.results:
        command = result["argv"][0]
        if case.fatal or command in STRICT:
            assert result["code"] == 1, result
            line = _one_line(result["err"])
            assert str(path) in line, line
            # validate lists every problem on stdout, then says how many on stderr
            named = result["out"] if command == "validate" and not case.fatal else line
            assert re.search(case.place, named), (named, case.place)
        else:
            assert result["code"] == 0, result
            assert re.search(case.place, result["out"] + result["err"]), result
    after = _files(written.folder)
    if case.fatal:
        assert after == written.before            # nothing written at all
    else:
        assert {k: after[k] for k in written.before} == written.before
        assert set(after) - set(written.before) <= {"out.png", "out.pdf"}


@pytest.mark.parametrize("case", hf.SURVEY_CASES, ids=lambda c: c.name)
def test_hostile_survey_through_every_command(survey_runs: dict[str, Written],
                                              case: hf.Case) -> None:
    written = survey_runs[case.name]
    assert written.run is not None
    _check_bounds(written.run)
    for result in written.run.results:
        assert result["code"] == 1, result
        line = _one_line(result["err"])
        assert written.path.name in line, line
        assert re.search(case.place, line), (line, case.place)
    assert _files(written.folder) == written.before


def test_files_that_only_look_hostile_import_quickly(tmp_path: Path) -> None:
    """A sheet that declares A1:XFD1048576 (as some spreadsheets write) and a column of
    400-digit numbers next to a valid answer are read, not refused."""
    map_path = tmp_path / "shop.jmap"
    shutil.copy(hf.BASE_MAP, map_path)
    wide = hf.huge_dimension_xlsx(tmp_path)
    big = hf.big_number_csv(tmp_path)
    commands = [["survey", "inspect", str(wide)], ["survey", "inspect", str(big)],
                ["survey", "import", str(map_path), str(big), "--column",
                 "#2=Purchase:csat", "-o", str(tmp_path / "out.jmap")],
                ["survey", "import", str(map_path), str(wide), "--column",
                 "#2=Purchase:csat", "-o", str(tmp_path / "out2.jmap")]]
    run, = hf.run_cli([commands], limit=SECONDS)
    _check_bounds(run)
    inspect_wide, inspect_big, import_big, import_wide = run.results
    assert inspect_wide["code"] == 0 and "responses: 7" in inspect_wide["out"]
    assert inspect_big["code"] == 0 and "responses: 7" in inspect_big["out"]
    assert import_big["code"] == 0, import_big
    assert "6 answers not a whole number 1..5" in import_big["out"]
    assert import_wide["code"] == 0, import_wide
