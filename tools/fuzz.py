"""Seeded fuzzing of the .jmap and survey readers.

    python tools/fuzz.py [--maps N] [--surveys N] [--seed S] [--limit SECONDS]

Mutates the example maps (examples/*.jmap) and example surveys
(examples/surveys/*.csv, plus the CSV and XLSX layouts of
tests/survey_fixtures.py) byte by byte, token by token and value by value
(a list where a kind belongs, a 400-digit number, a lone surrogate, ...),
and reads every mutant the way the app does:

- a map: load; then the layout and the stage badges are worked out, the map
  is saved, and the saved bytes must load strictly (no problem left) and
  save to the same bytes;
- a survey: inspect, count the responses, and import every column the
  inspection suggests into a template map.

The only error allowed is a JourneyError (one line for the user). Prints the
counts: files, read, repaired, refused, tracebacks (each distinct one with a
mutant that shows it), hangs (a file still being read after ``--limit``
seconds) and the slowest file. Exit 1 if there was a traceback or a hang.
The test suite runs a short pass of the same (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from journeymapper.model.errors import JourneyError  # noqa: E402

EXAMPLES = ROOT / "examples"

#: Values put where the file had another one.
HOSTILE_VALUES: tuple[object, ...] = (
    [], {}, None, True, False, 0, -1, 1.5, -1e6, 1e308, 2**63, -(2**63), "", " ", "x" * 10_001,
    "\ud800", "a\udfffb", ["stage"], {"id": "x"}, [[[[]]]], "stage-8", "lane-2", "NaN",
    "9" * 400, "2026-13-45", "#zzzzzz", "done", "occurs_at", [1, "a", None], {"": ""},
)
#: Tokens put in place of a number or a string in the text.
HOSTILE_TOKENS: tuple[str, ...] = (
    "9" * 5000, "-" + "9" * 25, "1e999", "-1e999", "NaN", "Infinity", "1" * 30 + ".5",
    '"\\ud800"', '"\\udc00\\ud800"', "[", "]", "{", "}", "null", '"' + "y" * 20000 + '"',
    "[" * 3000, "0.0e-99999", "-0", "1E+400",
)
#: Cells put in a survey.
HOSTILE_CELLS: tuple[str, ...] = (
    "9" * 400, "-" + "9" * 400, "1e999", "nan", "inf", "\x00", '"', '""', "\ufeff", "5" * 30,
    "Very satisfied" * 100, "x" * 300_000, "Average", "합계", "=1+1", "\u202e5", "½", "５",
    "٣", "10 - Extremely likely", "0,5", "1.", "-0", "\r", "\n\n",
)


@dataclass
class Findings:
    """What a fuzz run found."""

    files: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    tracebacks: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    hangs: list[tuple[str, bytes]] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")


class _Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Hang()


def run_case(findings: Findings, name: str, data: bytes, check: Callable[[bytes], str],
             limit: float) -> None:
    """Read one mutant with ``check``; record its outcome, a traceback or a hang."""
    findings.files += 1
    start = time.perf_counter()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        findings.outcomes[check(data)] += 1
    except JourneyError:
        findings.outcomes["refused"] += 1
    except _Hang:
        findings.hangs.append((name, data))
    except Exception:  # noqa: BLE001 - a finding
        last = traceback.extract_tb(sys.exc_info()[2])[-1]
        key = f"{sys.exc_info()[0].__name__} at {Path(last.filename).name}:{last.lineno}"
        findings.tracebacks.setdefault(key, (traceback.format_exc(), data))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    elapsed = time.perf_counter() - start
    findings.slowest = max(findings.slowest, (elapsed, name))


# ---------------------------------------------------------------- mutations
def _paths(value: object, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paths(child, path + (i,))


def _set(root: object, path: tuple, value: object) -> object:
    if not path:
        return value
    node = root
    for step in path[:-1]:
        node = node[step]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    return root


def _get(root: object, path: tuple) -> object:
    for step in path:
        root = root[step]  # type: ignore[index]
    return root


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    """One to three byte-level edits: flip, delete, insert, duplicate, truncate."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        if not out:
            break
        at = rng.randrange(len(out))
        choice = rng.randrange(6)
        if choice == 0:
            out[at] ^= 1 << rng.randrange(8)
        elif choice == 1:
            del out[at:at + rng.randint(1, 64)]
        elif choice == 2:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif choice == 3:
            end = min(len(out), at + rng.randint(1, 4096))
            out[at:at] = out[at:end]
        elif choice == 4:
            del out[at:]
        else:
            out[at:at] = rng.choice((b'"', b",", b"\n", b"\\", b"\x00", b"\xff", b"\r", b"]"))
    return bytes(out)


def mutate_tokens(rng: random.Random, text: str) -> bytes:
    """Put a hostile token in place of a number, a string, a bracket or a comma."""
    import re

    spots = [m.span() for m in re.finditer(r'-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|"(?:[^"\\]|\\.)*"'
                                          r'|[\[\]{},]', text)]
    start, end = rng.choice(spots)
    return (text[:start] + rng.choice(HOSTILE_TOKENS) + text[end:]).encode("utf-8")


def mutate_values(rng: random.Random, root: dict) -> bytes:
    """Replace, delete or duplicate values anywhere in the JSON tree."""
    import copy

    tree = copy.deepcopy(root)
    paths = list(_paths(tree))
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(paths[1:])
        choice = rng.randrange(5)
        try:
            if choice <= 1:
                _set(tree, path, copy.deepcopy(rng.choice(HOSTILE_VALUES)))
            elif choice == 2:
                _set(tree, path, copy.deepcopy(_get(tree, rng.choice(paths))))
            elif choice == 3:
                parent = _get(tree, path[:-1])
                if isinstance(parent, dict):
                    del parent[path[-1]]
                elif isinstance(parent, list):
                    parent.append(copy.deepcopy(parent[path[-1]]))
            else:
                parent = _get(tree, path[:-1])
                if isinstance(parent, dict):
                    parent[rng.choice(("kind", "id", "fields", "x", "placement", "\ud800"))] = \
                        copy.deepcopy(rng.choice(HOSTILE_VALUES))
        except (KeyError, IndexError, TypeError):
            continue
        paths = list(_paths(tree))
    return json.dumps(tree, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


def map_mutants(seed: int, count: int) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(seed)
    bases = [(p.name, p.read_bytes()) for p in sorted(EXAMPLES.glob("*.jmap"))]
    roots = [(name, json.loads(data)) for name, data in bases]
    for i in range(count):
        kind = rng.randrange(3)
        if kind == 0:
            name, data = rng.choice(bases)
            yield f"{name}#{i}:bytes", mutate_bytes(rng, data)
        elif kind == 1:
            name, data = rng.choice(bases)
            yield f"{name}#{i}:token", mutate_tokens(rng, data.decode("utf-8"))
        else:
            name, root = rng.choice(roots)
            yield f"{name}#{i}:value", mutate_values(rng, root)


def _csv_bases(folder: Path) -> list[tuple[str, bytes]]:
    import survey_fixtures as fx

    paths = sorted((EXAMPLES / "surveys").glob("*.csv"))
    for make in fx.ALL:
        if make is not fx.xlsx:
            paths.append(make(folder))
    return [(p.name, p.read_bytes()) for p in paths]


def _xlsx_bases(folder: Path) -> list[tuple[str, bytes]]:
    import hostile_files as hf
    import survey_fixtures as fx

    return [("answers.xlsx", fx.xlsx(folder).read_bytes()),
            ("plain.xlsx", hf.xlsx_bytes(hf.plain_sheet(hf.sheet_rows(12))))]


def mutate_cells(rng: random.Random, data: bytes) -> bytes:
    """Replace a few cells of a CSV with hostile answers (quoted or not)."""
    text = data.decode("utf-8", "surrogateescape")
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(lines))
        cells = lines[at].split(",")
        cell = rng.choice(HOSTILE_CELLS)
        if rng.random() < 0.5:
            cell = '"' + cell.replace('"', '""') + '"'
        cells[rng.randrange(len(cells))] = cell
        lines[at] = ",".join(cells)
    return "\n".join(lines).encode("utf-8", "surrogateescape")


def mutate_xlsx(rng: random.Random, data: bytes) -> bytes:
    """Mutate one part of a workbook (its XML bytes), or the zip itself."""
    if rng.random() < 0.25:
        return mutate_bytes(rng, data)
    source = zipfile.ZipFile(io.BytesIO(data))
    infos = source.infolist()
    victim = rng.choice(infos).filename
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in infos:
            part = source.read(info)
            if info.filename == victim:
                if rng.random() < 0.5:
                    part = mutate_bytes(rng, part)
                else:
                    import re

                    values = list(re.finditer(rb">([^<]*)<|=\"([^\"]*)\"", part))
                    if values:
                        spot = rng.choice(values)
                        cell = rng.choice(HOSTILE_CELLS + ("99999999999", "XFD1048576", "-5",
                                                           "&lol;", "A0"))
                        new = cell.encode("utf-8", "surrogatepass").replace(b"<", b"&lt;")
                        group = 1 if spot.group(1) is not None else 2
                        part = part[:spot.start(group)] + new + part[spot.end(group):]
            target.writestr(info.filename, part)
    return out.getvalue()


def survey_mutants(seed: int, count: int, folder: Path) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(seed)
    csvs, workbooks = _csv_bases(folder), _xlsx_bases(folder)
    for i in range(count):
        kind = rng.randrange(6)
        if kind <= 1:
            name, data = rng.choice(csvs)
            yield f"{name}#{i}:bytes", mutate_bytes(rng, data)
        elif kind <= 3:
            name, data = rng.choice(csvs)
            yield f"{name}#{i}:cells", mutate_cells(rng, data)
        else:
            name, data = rng.choice(workbooks)
            yield f"{name}#{i}:xlsx", mutate_xlsx(rng, data)


# ---------------------------------------------------------------- checks
def check_map(data: bytes) -> str:
    """Load a mutant; a map that loads must lay out, save, and load back cleanly."""
    from journeymapper.io import jmap
    from journeymapper.io.serialize import dumps
    from journeymapper.layout.badges import stage_badges
    from journeymapper.layout.geometry import layout_map

    result = jmap.loads(data, "fuzz.jmap")
    layout_map(result.document)
    stage_badges(result.document)
    saved = dumps(result.document)
    again = jmap.loads(saved, "saved.jmap", strict=True)
    if dumps(again.document) != saved:
        raise AssertionError("save -> load -> save changed the bytes")
    return "repaired" if result.problems else "read"


def survey_checker(folder: Path) -> Callable[[bytes], str]:
    from journeymapper.io.survey import (
        ImportOptions,
        Mapping,
        count_responses,
        inspect_survey,
        plan_import,
    )
    from journeymapper.templates import new_from_template

    doc = new_from_template("ecommerce")
    stages = doc.stage_order
    target = folder / "fuzz-survey"

    def check(data: bytes) -> str:
        target.write_bytes(data)
        inspection = inspect_survey(target, doc=doc)
        count_responses(inspection)
        mappings = [Mapping(info.column.index, info.stage or stages[i % len(stages)],
                            info.metric, (1.0, 10.0) if info.metric == "mean" else None)
                    for i, info in enumerate(inspection.columns) if info.metric]
        seen: set[tuple[str, str]] = set()
        unique = []
        for m in mappings:
            if m.metric == "quotes" or (m.stage, m.metric) not in seen:
                seen.add((m.stage, m.metric))
                unique.append(m)
        if unique:
            plan_import(doc, inspection.survey, inspection.layout, unique,
                        ImportOptions(wave="fuzz"))
        return "read"

    return check


def fuzz(maps: int, surveys: int, seed: int, limit: float) -> Findings:
    findings = Findings()
    for name, data in map_mutants(seed, maps):
        run_case(findings, name, data, check_map, limit)
    with tempfile.TemporaryDirectory(prefix="jm-fuzz-") as tmp:
        folder = Path(tmp)
        check = survey_checker(folder)
        for name, data in survey_mutants(seed, surveys, folder):
            run_case(findings, name, data, check, limit)
    return findings


def report(findings: Findings, seconds: float) -> str:
    lines = [f"files: {findings.files} in {seconds:.1f} s",
             "outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(findings.outcomes.items())),
             f"tracebacks: {sum(1 for _ in findings.tracebacks)} distinct",
             f"hangs: {len(findings.hangs)}",
             f"slowest: {findings.slowest[0]:.2f} s ({findings.slowest[1]})"]
    for key, (trace, data) in findings.tracebacks.items():
        lines.append(f"--- {key} (mutant of {len(data)} bytes)\n{trace}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=int, default=12_000)
    parser.add_argument("--surveys", type=int, default=4_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=float, default=10.0,
                        help="seconds one file may take before it counts as a hang")
    parser.add_argument("--save", metavar="DIR", help="write the mutants that failed here")
    args = parser.parse_args()
    start = time.perf_counter()
    findings = fuzz(args.maps, args.surveys, args.seed, args.limit)
    print(report(findings, time.perf_counter() - start))
    if args.save and (findings.tracebacks or findings.hangs):
        out = Path(args.save)
        out.mkdir(parents=True, exist_ok=True)
        for i, (_key, (_trace, data)) in enumerate(findings.tracebacks.items()):
            (out / f"traceback-{i}.bin").write_bytes(data)
        for i, (_name, data) in enumerate(findings.hangs):
            (out / f"hang-{i}.bin").write_bytes(data)
    return 1 if findings.tracebacks or findings.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
