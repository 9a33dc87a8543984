"""Write the example survey exports and the reviewed laptop map.

    python examples/make_surveys.py

Two waves of a post-purchase survey for the laptop store, as the tools
export them: 2026-Q2 from Google Forms (one header row, numbers) and 2026-Q3
from SurveyMonkey (two header rows, answers as text labels). They are then
imported into a copy of laptop-store.jmap with the same importer the CLI and
the window use, giving laptop-store-reviewed.jmap: the map a team re-opens
for its quarterly review, scores and trends included.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from numbered_ids import NumberedIds  # noqa: E402

from journeymapper.io import jmap, save  # noqa: E402
from journeymapper.io.survey import (  # noqa: E402
    ImportOptions,
    Mapping,
    apply_import,
    inspect_survey,
    plan_import,
)

HERE = Path(__file__).resolve().parent
SURVEYS = HERE / "surveys"

SATISFIED = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied",
             "Satisfied", "Very satisfied"]
EASY = ["Very easy", "Easy", "Somewhat easy", "Neither easy nor difficult",
        "Somewhat difficult", "Difficult", "Very difficult"]
IMPROVE = [
    "Show the shipping cost earlier", "The coupon from a deal site did not work",
    "Comparison of battery life would help", "Checkout was quick", "Too many emails after buying",
    "Nothing, great price", "Let me compare two models side by side", "",
]


def pick(rng: random.Random, weights: list[float]) -> int:
    """A 1-based answer drawn with the given weights."""
    return rng.choices(range(1, len(weights) + 1), weights=weights)[0]


def nps(rng: random.Random, weights: list[float]) -> int:
    return rng.choices(range(0, 11), weights=weights)[0]


def write(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> None:
    with open(path, "w", newline="", encoding=encoding) as handle:
        csv.writer(handle).writerows(rows)


def google_forms_q2(rng: random.Random) -> Path:
    header = ["Timestamp", "How satisfied were you with comparing laptops on our site?",
              "How satisfied were you with checkout?",
              "How easy was it to complete your purchase? (1 = very easy, 7 = very difficult)",
              "How likely are you to recommend Laptop store to a friend or colleague?",
              "What could we do better?"]
    rows = [header]
    start = dt.datetime(2026, 6, 2, 9, 0)
    for i in range(164):
        when = start + dt.timedelta(hours=7 * i + rng.randint(0, 5))
        compare = pick(rng, [6, 14, 25, 35, 20])
        checkout = pick(rng, [12, 18, 20, 30, 20])
        effort = pick(rng, [14, 22, 20, 16, 14, 9, 5])
        recommend = nps(rng, [2, 1, 2, 3, 4, 6, 9, 16, 20, 20, 17])
        rows.append([f"{when.month}/{when.day}/{when.year} {when:%H:%M:%S}", str(compare),
                     str(checkout), "" if i % 23 == 5 else str(effort), str(recommend),
                     rng.choice(IMPROVE)])
    path = SURVEYS / "laptop-2026-Q2-google-forms.csv"
    write(path, rows, "utf-8-sig")
    return path


def surveymonkey_q3(rng: random.Random) -> Path:
    top = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
           "How satisfied were you with comparing laptops on our site?",
           "How satisfied were you with checkout?",
           "How easy was it to complete your purchase?",
           "How satisfied are you with the emails you get from us since your purchase?",
           "How likely are you to recommend Laptop store to a friend or colleague?",
           "What could we do better?"]
    sub = ["", "", "", "", "", "Response", "Response", "Response", "Response", "Response",
           "Open-Ended Response"]
    rows = [top, sub]
    for i in range(211):
        day = dt.datetime(2026, 9, 1, 8, 30) + dt.timedelta(hours=9 * i)
        compare = pick(rng, [4, 10, 22, 40, 24])
        checkout = pick(rng, [5, 9, 16, 38, 32])          # after the coupon fix
        effort = pick(rng, [24, 30, 18, 12, 9, 5, 2])
        emails = pick(rng, [20, 25, 25, 20, 10]) if i % 9 == 0 else 0   # few answered
        recommend = nps(rng, [1, 1, 1, 2, 3, 5, 7, 14, 21, 23, 22])
        rows.append([str(114_400_000 + i), "431207", f"{day:%m/%d/%Y %I:%M:%S %p}",
                     f"{day + dt.timedelta(minutes=4):%m/%d/%Y %I:%M:%S %p}", f"203.0.113.{i % 250}",
                     SATISFIED[compare - 1], SATISFIED[checkout - 1], EASY[effort - 1],
                     SATISFIED[emails - 1] if emails else "", str(recommend)
                     if recommend not in (0, 10) else
                     ("0 - Not at all likely" if recommend == 0 else "10 - Extremely likely"),
                     rng.choice(IMPROVE)])
    path = SURVEYS / "laptop-2026-Q3-surveymonkey.csv"
    write(path, rows)
    return path


def import_wave(doc, path: Path, wave: str, columns: list[tuple[int, str, str]],
                when: dt.datetime, quote_cap: int = 0) -> None:
    inspection = inspect_survey(path, doc=doc)
    stages = {s.text: s.id for s in doc.stages()}
    mappings = [Mapping(column, stages[stage], metric) for column, stage, metric in columns]
    result = plan_import(doc, inspection.survey, inspection.layout, mappings,
                         ImportOptions(wave=wave, now=when, quote_cap=quote_cap))
    apply_import(doc, result)


def main() -> None:
    SURVEYS.mkdir(exist_ok=True)
    rng = random.Random(2026)
    q2 = google_forms_q2(rng)
    q3 = surveymonkey_q3(rng)
    doc = jmap.load(HERE / "laptop-store.jmap", strict=True, ids=NumberedIds()).document
    doc.set_meta("title", "Laptop store: the price-sensitive buyer (Q3 review)")
    doc.set_meta("version_note", "Quarterly review 2026-10: survey waves 2026-Q2 and 2026-Q3")
    import_wave(doc, q2, "2026-Q2", [(1, "Consideration", "csat"), (2, "Purchase", "csat"),
                                     (3, "Purchase", "ces"), (4, "Advocacy", "nps")],
                dt.datetime(2026, 7, 3, 10, 0, tzinfo=dt.timezone.utc))
    import_wave(doc, q3, "2026-Q3", [(5, "Consideration", "csat"), (6, "Purchase", "csat"),
                                     (7, "Purchase", "ces"), (8, "Retention", "csat"),
                                     (9, "Advocacy", "nps"), (10, "Purchase", "quotes")],
                dt.datetime(2026, 10, 2, 10, 0, tzinfo=dt.timezone.utc), quote_cap=3)
    save(doc, HERE / "laptop-store-reviewed.jmap", backup=False)


if __name__ == "__main__":
    main()
