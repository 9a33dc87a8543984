"""Answer text -> number: plain numbers, decimal commas, and the labels of
standard English and Korean rating scales.

Survey tools often export ratings as the words the respondent clicked
("Very satisfied", "매우 만족", "10 - Extremely likely"). Each metric has its
own label table, so "Neutral" means 3 on a satisfaction scale and 4 on an
effort scale. Labels a table does not know are left to the user to map.
"""

from __future__ import annotations

import math
import re
import unicodedata

from journeymapper.model.metrics import CES_HIGH_IS_EASY

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$")
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,2})\s*(?:[-\u2013\u2014:=.)(/]|\s)\s*\D")
#: "5점" (Korean: five points), alone or before a label.
_POINTS = re.compile(r"^\s*(\d{1,2})\s*점(?:\s|[-:.)(/]|$)")
#: "Very satisfied (5)": the rating in brackets at the very end.
_TRAILING_NUMBER = re.compile(r"\D\s*[(\[](\d{1,2})[)\]]\s*$")
#: Circled digits ① .. ⑩ that Korean questionnaires number their options with.
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(10)}
_TRAILING = " \t.!\u3002"


def normalise_label(text: str) -> str:
    """The form labels are compared in: NFC, case-folded, no spaces or end punctuation."""
    text = unicodedata.normalize("NFC", text).casefold().strip(_TRAILING)
    return "".join(text.split())


def _table(*groups: tuple[int, tuple[str, ...]]) -> dict[str, int]:
    table: dict[str, int] = {}
    for value, labels in groups:
        for label in labels:
            table[normalise_label(label)] = value
    return table


SATISFACTION = _table(
    (1, ("Very dissatisfied", "Extremely dissatisfied", "Completely dissatisfied",
         "Very unsatisfied", "매우 불만족", "매우 불만족스럽다", "매우 불만", "아주 불만족",
         "전혀 만족하지 않음", "전혀 만족하지 않는다", "매우 불만족함")),
    (2, ("Dissatisfied", "Somewhat dissatisfied", "Unsatisfied", "Slightly dissatisfied",
         "불만족", "불만족스럽다", "약간 불만족", "다소 불만족", "불만", "만족하지 않음", "불만족함")),
    (3, ("Neutral", "Neither satisfied nor dissatisfied", "Neither", "Neither dissatisfied "
         "nor satisfied", "보통", "보통이다", "중립", "그저 그렇다", "만족도 불만족도 아님", "보통임")),
    (4, ("Satisfied", "Somewhat satisfied", "Slightly satisfied", "만족", "만족스럽다",
         "약간 만족", "다소 만족", "대체로 만족", "만족함")),
    (5, ("Very satisfied", "Extremely satisfied", "Completely satisfied", "매우 만족",
         "매우 만족스럽다", "아주 만족", "매우 만족한다", "매우 만족함")),
)

#: Effort labels with 1 = very easy (the project's CES convention).
EASE = _table(
    (1, ("Very easy", "Extremely easy", "Very low effort", "매우 쉬움", "매우 쉬웠다",
         "매우 쉽다", "아주 쉬움", "아주 쉬웠다")),
    (2, ("Easy", "Low effort", "쉬움", "쉬웠다", "쉽다")),
    (3, ("Somewhat easy", "Fairly easy", "Slightly easy", "약간 쉬움", "다소 쉬움",
         "조금 쉬웠다", "약간 쉬웠다")),
    (4, ("Neither easy nor difficult", "Neither difficult nor easy", "Neutral", "Neither",
         "보통", "보통이다", "쉽지도 어렵지도 않음", "중립")),
    (5, ("Somewhat difficult", "Fairly difficult", "Slightly difficult", "Somewhat hard",
         "약간 어려움", "다소 어려움", "조금 어려웠다", "약간 어려웠다")),
    (6, ("Difficult", "Hard", "High effort", "어려움", "어려웠다", "어렵다")),
    (7, ("Very difficult", "Extremely difficult", "Very hard", "Very high effort",
         "매우 어려움", "매우 어려웠다", "매우 어렵다", "아주 어려움", "아주 어려웠다")),
)

#: Agreement with "... made it easy to ..." (Qualtrics' CES): 7 = strongly agree = easy.
#: Used only for a CES read as ``high-is-easy``; under 1 = very easy they would invert.
AGREEMENT_EASY = _table(
    (1, ("Strongly disagree", "매우 그렇지 않다", "전혀 그렇지 않다")),
    (2, ("Disagree", "그렇지 않다")),
    (3, ("Somewhat disagree", "약간 그렇지 않다")),
    (4, ("Neither agree nor disagree", "보통이다")),
    (5, ("Somewhat agree", "약간 그렇다")),
    (6, ("Agree", "그렇다")),
    (7, ("Strongly agree", "매우 그렇다")),
)

LIKELIHOOD = _table(
    (0, ("Not at all likely", "Not likely at all", "Extremely unlikely",
         "전혀 추천하지 않음", "전혀 추천하지 않는다", "전혀 그렇지 않다")),
    (10, ("Extremely likely", "Very likely", "적극 추천", "매우 추천", "적극 추천한다",
          "매우 그렇다")),
)

TABLES: dict[str, dict[str, int]] = {"csat": SATISFACTION, "ces": EASE, "nps": LIKELIHOOD}


def parse_number(text: str) -> float | None:
    """A plain number, with a decimal point or a European decimal comma; else None
    (also for a number too large for a float, such as one of 400 digits)."""
    value = text.strip()
    if not value or not _NUMBER.match(value):
        return None
    number = float(value.replace(",", "."))
    return number if math.isfinite(number) else None


def label_value(text: str, metric: str, ces_direction: str = "",
                overrides: dict[str, float] | None = None) -> float | None:
    """The number a text answer stands for on ``metric``'s scale, or None if unknown.

    ``overrides`` (normalised label -> number, as the user mapped them) wins.
    A label with a leading number ("4 - Satisfied", "10 (Extremely likely)",
    "5점", "① 매우 불만족") or a bracketed one at the end ("Very satisfied (5)")
    is that number. Effort labels follow ``ces_direction``: with
    ``high-is-easy`` "Very easy" is 7.
    """
    key = normalise_label(text)
    if overrides and key in overrides:
        return overrides[key]
    stripped = text.strip()
    if stripped[:1] in _CIRCLED:
        return float(_CIRCLED[stripped[0]])
    lead = _LEADING_NUMBER.match(text) or _POINTS.match(text) or _TRAILING_NUMBER.search(text)
    if lead:
        return float(lead.group(1))
    high_is_easy = metric == "ces" and ces_direction == CES_HIGH_IS_EASY
    if high_is_easy and key in AGREEMENT_EASY:
        return float(AGREEMENT_EASY[key])
    table = TABLES.get(metric)
    if table is None or key not in table:
        return None
    value = table[key]
    return float(8 - value) if high_is_easy else float(value)


def answer_value(text: str, metric: str, ces_direction: str = "",
                 overrides: dict[str, float] | None = None) -> tuple[float | None, bool]:
    """(number, is_label) for one answer cell; number None when unreadable (a
    number too large for a float is infinity: on no scale, so invalid)."""
    number = parse_number(text)
    if number is not None:
        return number, False
    if _NUMBER.match(text.strip()):
        return math.inf, False
    return label_value(text, metric, ces_direction, overrides), True


def label_family(values: list[str]) -> str | None:
    """Which metric's label table most of ``values`` belong to, if any."""
    best, best_hits = None, 0
    for metric, table in TABLES.items():
        hits = sum(1 for v in values if normalise_label(v) in table)
        if hits > best_hits:
            best, best_hits = metric, hits
    if best is not None and best_hits >= max(1, len(values) // 2):
        return best
    return None
