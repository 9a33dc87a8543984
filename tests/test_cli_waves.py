"""`journeymapper waves`: list, rename, re-date and delete survey waves from a script."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from journeymapper.cli import main
from journeymapper.io import jmap
from journeymapper.model import Score, Wave

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def scored(tmp_path: Path) -> Path:
    path = tmp_path / "지도.jmap"
    shutil.copy(EXAMPLES / "dawn-delivery-ko.jmap", path)
    doc = jmap.load(path).document
    first, second = doc.stage_order[:2]
    doc.put_scores([Score(first, "2026-Q2", "csat", 62.0, 120), Score(first, "2026-Q3", "csat", 71.0, 140),
                    Score(second, "2026-Q3", "nps", 22.0, 25)],
                   [Wave("2026-Q2", "2026-06-30"), Wave("2026-Q3")])
    jmap.save(doc, path, backup=False)
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_waves_with_their_score_counts(capsys, scored):
    code, out, _ = run(capsys, "waves", str(scored), "--json")
    assert code == 0
    assert json.loads(out) == [{"label": "2026-Q2", "date": "2026-06-30", "scores": 1},
                               {"label": "2026-Q3", "date": "", "scores": 2}]


def test_rename_date_and_delete(capsys, scored):
    assert run(capsys, "waves", str(scored), "--rename", "2026-Q3", "3분기")[0] == 0
    assert run(capsys, "waves", str(scored), "--date", "3분기", "2026-09-30")[0] == 0
    doc = jmap.load(scored).document
    assert [(w.label, w.date) for w in doc.waves] == [("2026-Q2", "2026-06-30"), ("3분기", "2026-09-30")]
    assert sorted(s.wave for s in doc.scores()) == ["2026-Q2", "3분기", "3분기"]
    code, out, _ = run(capsys, "waves", str(scored), "--delete", "2026-Q2")
    assert code == 0 and "its 1 score" in out
    assert [s.wave for s in jmap.load(scored).document.scores()] == ["3분기", "3분기"]


def test_bad_requests_change_nothing(capsys, scored):
    before = scored.read_bytes()
    code, _, err = run(capsys, "waves", str(scored), "--rename", "2025-Q1", "x")
    assert code == 1 and err.strip() == (f"journeymapper: {scored}: no wave '2025-Q1'; "
                                         "expected one of 2026-Q2, 2026-Q3")
    code, _, err = run(capsys, "waves", str(scored), "--rename", "2026-Q2", "2026-Q3")
    assert code == 1 and "exists already" in err
    code, _, err = run(capsys, "waves", str(scored), "--date", "2026-Q2", "30.06.2026")
    assert code == 1 and "'30.06.2026': expected a real date YYYY-MM-DD" in err
    assert scored.read_bytes() == before


@pytest.mark.parametrize("date", ["2026-13-45", "2026-02-30", "0000-01-01"])
def test_a_date_that_is_not_on_the_calendar_is_refused(capsys, scored, date):
    before = scored.read_bytes()
    code, _, err = run(capsys, "waves", str(scored), "--date", "2026-Q2", date)
    assert code == 1
    assert err.strip() == (f"journeymapper: {scored}: date {date!r}: expected a real date "
                           "YYYY-MM-DD")
    assert scored.read_bytes() == before


def test_output_elsewhere_leaves_the_map_and_makes_no_backup_of_out(capsys, scored, tmp_path):
    """-o OUT: MAP untouched; an existing OUT is replaced without an OUT.bak
    (the .bak is for saving in place, as 'survey import' does)."""
    before = scored.read_bytes()
    out = tmp_path / "renamed.jmap"
    out.write_bytes(before)
    code, _, err = run(capsys, "waves", str(scored), "--rename", "2026-Q3", "Q3", "-o", str(out))
    assert code == 0, err
    assert scored.read_bytes() == before
    assert [w.label for w in jmap.load(out).document.waves] == ["2026-Q2", "Q3"]
    assert not (tmp_path / "renamed.jmap.bak").exists()
    code, _, _ = run(capsys, "waves", str(scored), "--delete", "2026-Q2")
    assert code == 0 and (tmp_path / "지도.jmap.bak").read_bytes() == before
