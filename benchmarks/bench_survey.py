"""Survey import: 1,000,000 responses x 5 rated columns (about 30 MB of CSV,
generated into a temp folder), imported and aggregated into scores, against
a bare ``csv.reader`` pass over the same file; and an XLSX of 10,000 x 20
answers inspected and counted, against a bare openpyxl read-only pass that
parses with the standard library (what the bounded, defusedxml reading costs).
Each measurement runs in a fresh subprocess so its peak memory (VmHWM) is its
own."""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _harness import Row  # noqa: E402

RESPONSES = 1_000_000
HEADER = ["Respondent", "Date", "How satisfied were you with Awareness?",
          "How satisfied were you with Consideration?", "How likely are you to recommend us?",
          "How easy was it to buy?", "How satisfied were you with Advocacy?"]

IMPORT = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from journeymapper.io.survey import ImportOptions, Mapping, inspect_survey, plan_import
from journeymapper.templates import new_from_template
start = time.perf_counter()
doc = new_from_template("ecommerce")
ids = {{s.text: s.id for s in doc.stages()}}
inspection = inspect_survey({path!r})
maps = [Mapping(2, ids["Awareness"], "csat"), Mapping(3, ids["Consideration"], "csat"),
        Mapping(4, ids["Purchase"], "nps"), Mapping(5, ids["Purchase"], "ces"),
        Mapping(6, ids["Advocacy"], "csat")]
result = plan_import(doc, inspection.survey, inspection.layout, maps, ImportOptions(wave="b"))
elapsed = time.perf_counter() - start
assert result.responses == {responses} and sum(s.n for s in result.scores) > 0
print(json.dumps({{"ms": elapsed * 1000,
                  "mb": peak_mb()}}))
"""

BASELINE = """
import csv, json, resource, time
start = time.perf_counter()
with open({path!r}, newline="", encoding="utf-8") as handle:
    for row in csv.reader(handle):
        pass
elapsed = time.perf_counter() - start
print(json.dumps({{"ms": elapsed * 1000,
                  "mb": peak_mb()}}))
"""


XLSX_IMPORT = """
import json, sys, time
sys.path.insert(0, {root!r})
from journeymapper.io.survey import count_responses, inspect_survey
start = time.perf_counter()
inspection = inspect_survey({path!r})
assert count_responses(inspection) == {responses}
print(json.dumps({{"ms": (time.perf_counter() - start) * 1000, "mb": peak_mb()}}))
"""

XLSX_BASELINE = """
import json, os, time
os.environ["OPENPYXL_DEFUSEDXML"] = "False"
import openpyxl
start = time.perf_counter()
book = openpyxl.load_workbook({path!r}, read_only=True, data_only=True)
rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
print(json.dumps({{"ms": (time.perf_counter() - start) * 1000, "mb": peak_mb()}}))
"""
XLSX_RESPONSES = 10_000


def generate_xlsx(path: Path, responses: int = XLSX_RESPONSES, seed: int = 11) -> None:
    """A workbook as Excel writes one: shared strings for the header, numbers below."""
    import openpyxl

    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Responses")
    sheet.append(["Timestamp"] + [f"How satisfied were you with step {i}?" for i in range(19)])
    for i in range(responses):
        sheet.append([f"2026-10-{1 + i % 28:02d} 09:{i % 60:02d}:00"]
                     + [rng.randint(1, 5) for _ in range(19)])
    book.save(path)


def generate(path: Path, responses: int = RESPONSES, seed: int = 11) -> None:
    """A Google-Forms-like export; a few cells blank or invalid, as in real files."""
    rng = random.Random(seed)
    csat = [str(v) for v in rng.choices(range(1, 6), k=4096)]
    nps = [str(v) for v in rng.choices(range(0, 11), k=4096)]
    ces = [str(v) for v in rng.choices(range(1, 8), k=4096)]
    for i in range(0, 4096, 97):
        csat[i], nps[i], ces[(i + 5) % 4096] = "", "n/a", "9"
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(f'"{h}"' if "," in h else h for h in HEADER) + "\r\n")
        lines = []
        for i in range(responses):
            k = i & 4095
            lines.append(f"{i},2026-10-{1 + i % 28:02d},{csat[k]},{csat[(k * 7) & 4095]},"
                         f"{nps[k]},{ces[k]},{csat[(k * 13) & 4095]}\r\n")
            if len(lines) == 100_000:
                out.writelines(lines)
                lines = []
        out.writelines(lines)


# The subprocess's own peak: VmHWM belongs to the new program, while ru_maxrss
# would also count the (larger) benchmark process it was forked from.
PEAK = """
def peak_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""


def _measure(script: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", PEAK + script], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
    return json.loads(done.stdout)


def rows(quick: bool) -> list[Row]:
    repeat = 1 if quick else 3
    folder = Path(tempfile.mkdtemp(prefix="jm-bench-survey-"))
    path = folder / "survey-1m.csv"
    generate(path)
    size = path.stat().st_size
    runs = [_measure(IMPORT.format(root=str(ROOT), path=str(path), responses=RESPONSES))
            for _ in range(repeat)]
    base = [_measure(BASELINE.format(path=str(path))) for _ in range(repeat)]
    path.unlink()
    workbook = folder / "survey-10k.xlsx"
    generate_xlsx(workbook)
    xlsx_runs = [_measure(XLSX_IMPORT.format(root=str(ROOT), path=str(workbook),
                                             responses=XLSX_RESPONSES)) for _ in range(repeat)]
    xlsx_base = [_measure(XLSX_BASELINE.format(path=str(workbook))) for _ in range(repeat)]
    workbook.unlink()
    folder.rmdir()
    note = f"{size / 1e6:.1f} MB CSV, {RESPONSES:,} responses x 5 rated columns"
    return [
        Row("survey: inspect+count XLSX 10k x 20", statistics.median(r["ms"] for r in xlsx_runs),
            10_000, "openpyxl pass (stdlib XML)", statistics.median(r["ms"] for r in xlsx_base),
            note="200,000 cells; the head and a full pass, through defusedxml"),
        Row("survey: import+aggregate 1M x 5", statistics.median(r["ms"] for r in runs), 2000,
            "csv.reader pass", statistics.median(r["ms"] for r in base), note=note),
        Row("survey: peak memory (subprocess)", max(r["mb"] for r in runs), 400,
            "csv.reader pass", max(r["mb"] for r in base), unit="MB"),
    ]
