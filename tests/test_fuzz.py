"""A short, seeded fuzz pass over the map and survey readers (tools/fuzz.py runs
longer ones): thousands of mutants of the example files, and not one traceback
or hang; only one-line JourneyErrors."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import fuzz  # noqa: E402

LIMIT = 10.0


def _check(findings: fuzz.Findings, kinds: set[str]) -> None:
    assert not findings.tracebacks, fuzz.report(findings, 0)
    assert not findings.hangs, [name for name, _ in findings.hangs]
    assert findings.slowest[0] < LIMIT
    assert kinds <= set(findings.outcomes), findings.outcomes   # the mutants reach every path


def test_fuzzed_maps_never_raise_anything_but_a_journey_error():
    findings = fuzz.Findings()
    for name, data in fuzz.map_mutants(seed=20261005, count=2500):
        fuzz.run_case(findings, name, data, fuzz.check_map, LIMIT)
    _check(findings, {"read", "repaired", "refused"})
    assert findings.files == 2500


def test_fuzzed_surveys_never_raise_anything_but_a_journey_error():
    findings = fuzz.Findings()
    with tempfile.TemporaryDirectory() as tmp:
        check = fuzz.survey_checker(Path(tmp))
        for name, data in fuzz.survey_mutants(seed=20261005, count=700, folder=Path(tmp)):
            fuzz.run_case(findings, name, data, check, LIMIT)
    _check(findings, {"read", "refused"})
    assert findings.files == 700
