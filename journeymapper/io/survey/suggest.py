"""Suggestions for mapping columns: which metric a column measures and which
stage it is about, from its header words and a sample of its answers.

Suggestions are only a starting point; the dialog and the CLI let the user
set every column. Header words win (recommend/추천 -> NPS, satisfied/만족 ->
CSAT, easy/effort/쉬웠 -> CES); the answers confirm them or, without such
words, suggest a metric by their range or labels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from journeymapper.io.survey.labels import label_family, parse_number
from journeymapper.io.survey.layouts import ANSWER, OPEN, Column, looks_like_moment
from journeymapper.model.elements import Element

METRIC_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nps", ("recommend", "nps", "net promoter", "추천")),
    ("ces", ("easy", "easier", "effort", "difficult", "ease", "hard to", "쉬웠", "쉬운", "쉽게",
             "어려웠", "어려운", "노력", "편리", "ces")),
    ("csat", ("satisf", "happy", "만족", "csat")),
)

OPEN_WORDS = ("why", "comment", "tell us", "suggest", "anything else", "feedback", "describe",
              "이유", "의견", "말씀", "제안", "자유롭게", "기타")


@dataclass
class ColumnProfile:
    """What a sample of a column's answers looks like."""

    answered: int = 0
    numbers: list[float] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    distinct: int = 0
    examples: list[str] = field(default_factory=list)
    moments: int = 0          # answers that are a date, a time or both

    @property
    def numeric_share(self) -> float:
        return len(self.numbers) / self.answered if self.answered else 0.0

    @property
    def integer_range(self) -> tuple[int, int] | None:
        if not self.numbers or not all(v == int(v) for v in self.numbers):
            return None
        return int(min(self.numbers)), int(max(self.numbers))

    @property
    def label_family(self) -> str | None:
        return label_family(self.texts) if self.texts else None

    @property
    def is_text(self) -> bool:
        """Mostly words that are no rating label."""
        return bool(self.texts) and self.numeric_share <= 0.2 and not self.label_family

    @property
    def looks_open(self) -> bool:
        """Free text: varied, longish answers with words (not codes such as r17)."""
        if not self.is_text:
            return False
        mean_len = sum(len(t) for t in self.texts) / len(self.texts)
        wordy = sum(1 for t in self.texts if " " in t.strip()) >= len(self.texts) / 3
        return wordy and (mean_len >= 12 or self.distinct >= max(5, self.answered // 2))


def profile(values: Sequence[str]) -> ColumnProfile:
    """Profile a sample of a column's cells (blank cells are no answer)."""
    result = ColumnProfile()
    seen: Counter[str] = Counter()
    for raw in values:
        text = raw.strip()
        if not text:
            continue
        result.answered += 1
        seen[text] += 1
        number = parse_number(text)
        if number is None:
            result.texts.append(text)
            result.moments += looks_like_moment(text)
        else:
            result.numbers.append(number)
    result.distinct = len(seen)
    result.examples = [t for t, _ in seen.most_common(6)]
    return result


def is_timestamp(column: Column, prof: ColumnProfile) -> bool:
    """An answer column whose answers are dates or times (Start time, Completion time,
    Submit Date (UTC), 응답일시, Startzeit, ...): metadata, in whatever language its
    header is, never a rating nor quotes."""
    return (column.role == ANSWER and prof.answered > 0
            and prof.moments >= 0.8 * prof.answered)


def metric_from_words(header: str) -> str | None:
    folded = header.casefold()
    for metric, words in METRIC_WORDS:
        if any(word in folded for word in words):
            return metric
    return None


def _fits(metric: str, prof: ColumnProfile) -> bool:
    rng = prof.integer_range
    if prof.numbers and rng is None:
        return metric == "mean"
    if rng is not None:
        low, high = {"csat": (1, 5), "nps": (0, 10), "ces": (1, 7)}.get(metric, (rng[0], rng[1]))
        if not (low <= rng[0] and rng[1] <= high):
            return False
    family = prof.label_family
    return family is None or family == metric or metric == "nps"


def suggest_metric(column: Column, prof: ColumnProfile) -> str | None:
    """csat / nps / ces for a rating column, "quotes" for open text, None when unsure."""
    if column.role == OPEN:
        return "quotes"
    if column.role != ANSWER:
        return None
    words = metric_from_words(column.header)
    if prof.is_text and words is None and any(w in column.header.casefold() for w in OPEN_WORDS):
        return "quotes"
    if prof.looks_open:
        return "quotes" if words is None or any(
            w in column.header.casefold() for w in OPEN_WORDS) else None
    if words and (prof.answered == 0 or _fits(words, prof)):
        return words
    family = prof.label_family
    if family:
        return family
    rng = prof.integer_range
    if rng is None or prof.numeric_share < 0.8:
        return None
    low, high = rng
    if 0 <= low and high <= 10 and (low == 0 or high > 7):
        return "nps"
    if 1 <= low and high <= 5:
        return "csat"
    if 1 <= low and high <= 7:
        return "ces"
    return None


def suggest_stage(header: str, stages: Sequence[Element]) -> str | None:
    """The stage whose name occurs in the header (the longest such name), or None."""
    folded = header.casefold()
    best: tuple[int, str] | None = None
    for stage in stages:
        name = stage.text.strip().casefold()
        if name and name in folded and (best is None or len(name) > best[0]):
            best = (len(name), stage.id)
    return best[1] if best else None
