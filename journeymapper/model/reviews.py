"""Review marks: when a map was reviewed, by whom, with what note.

A review is a keyed record of the ``reviews`` section (model/records.py),
keyed by a fresh id. Its value::

    {"date": "2026-10-05", "by": "Hana", "note": "Q3 survey in",
     "marked": "2026-10-05T09:12:00+00:00",
     "summary": {"added": 3, "removed": 1, ...},      # what changed since the review before
     "baseline": {"encoding": "zlib+base64", "jmap": "eNrt..."}}   # the latest review only

Only the latest review keeps a *baseline*: the map as it was when it was
marked, a complete .jmap (without the reviews themselves) compressed, so
"since the last review" works from the one file. Marking the next review
drops the previous baseline and keeps its summary counts, so years of
reviews cost one compressed copy of the map plus a few hundred bytes per
review (docs/file-format.md). The baseline is written and read by
io/reviews.py, through the same loader as any file (it is untrusted input).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from journeymapper.model.document import JourneyMap
from journeymapper.model.records import Section, register

SECTION = "reviews"
ENCODING = "zlib+base64"
MAX_BASELINE = 96 * 1024 * 1024  # characters of base64: a 64 MiB map compresses far below
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LIMITS = {"by": 200, "note": 10_000, "marked": 40}


def _check(key: str, value: Any) -> str | None:
    if not isinstance(value, Mapping):
        return f"expected an object, got {type(value).__name__}"
    unknown = set(value) - {"date", "by", "note", "marked", "summary", "baseline"}
    if unknown:
        return f"unknown fields {', '.join(sorted(map(str, unknown)))}"
    date = value.get("date")
    if not isinstance(date, str) or not _DATE.match(date):
        return f"date: expected YYYY-MM-DD, got {date!r}"
    for name, limit in _LIMITS.items():
        text = value.get(name, "")
        if not isinstance(text, str) or len(text) > limit:
            return f"{name}: expected text of at most {limit} characters"
    summary = value.get("summary", {})
    if not isinstance(summary, Mapping) or len(summary) > 64 or not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
            for k, v in summary.items()):
        return "summary: expected an object of counts"
    baseline = value.get("baseline")
    if baseline is not None:
        if not isinstance(baseline, Mapping) or set(baseline) != {"encoding", "jmap"} \
                or baseline.get("encoding") != ENCODING or not isinstance(baseline.get("jmap"), str):
            return f"baseline: expected {{\"encoding\": \"{ENCODING}\", \"jmap\": text}}"
        if len(baseline["jmap"]) > MAX_BASELINE:
            return "baseline: too large"
    return None


register(Section(SECTION, _check, limit=10_000))


@dataclass(frozen=True)
class Review:
    """One review mark, as read from its record."""

    key: str
    date: str
    by: str
    note: str
    marked: str
    summary: Mapping[str, int] = field(default_factory=dict)
    baseline: str | None = None  # the compressed map, on the latest review only

    @classmethod
    def from_record(cls, key: str, value: Mapping[str, Any]) -> Review:
        baseline = value.get("baseline")
        return cls(key, str(value.get("date", "")), str(value.get("by", "")),
                   str(value.get("note", "")), str(value.get("marked", "")),
                   dict(value.get("summary") or {}),
                   str(baseline["jmap"]) if isinstance(baseline, Mapping) else None)


def reviews(doc: JourneyMap) -> list[Review]:
    """The map's reviews, oldest first (by date, then when they were marked)."""
    found = [Review.from_record(k, v) for k, v in doc.records(SECTION).items()]
    found.sort(key=lambda r: (r.date, r.marked, r.key))
    return found


def last_review(doc: JourneyMap) -> Review | None:
    """The review "since last review" compares with: the one with the baseline
    (the latest marked), else the latest by date."""
    found = reviews(doc)
    with_baseline = [r for r in found if r.baseline is not None]
    if with_baseline:
        return max(with_baseline, key=lambda r: (r.marked, r.date, r.key))
    return found[-1] if found else None


def record_value(date: str, by: str, note: str, marked: str, summary: Mapping[str, int],
                 baseline: str | None) -> dict[str, Any]:
    value: dict[str, Any] = {"date": date, "by": by, "note": note, "marked": marked,
                             "summary": dict(summary)}
    if baseline is not None:
        value["baseline"] = {"encoding": ENCODING, "jmap": baseline}
    return value
