"""One streaming pass over a survey export that counts answers per column.

No per-row objects are built: each block of rows is sliced column by column
(``operator.itemgetter``) straight into ``collections.Counter``, so the work
per answer happens in C. What comes out is, per column, how often each
distinct cell text occurred; turning texts into numbers then costs one
lookup per *distinct* text, not per answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter

from journeymapper.io.survey.reading import Progress, SurveyFile

#: Quote cells kept per column while streaming (the cap per stage is applied later).
QUOTES_PER_COLUMN = 200


@dataclass
class Tally:
    """Answer counts of one pass; ``responses`` counts non-empty data rows."""

    responses: int = 0
    columns: dict[int, Counter[str]] = field(default_factory=dict)
    triples: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    quotes: dict[int, dict[str, str]] = field(default_factory=dict)


def quote_key(text: str) -> str:
    """What two quotes must share to count as the same quote."""
    return " ".join(text.casefold().split())


def tally(survey: SurveyFile, header_rows: int, columns: Iterable[int] = (),
          quote_columns: Iterable[int] = (), long: tuple[int, int | None, int] | None = None,
          progress: Progress | None = None) -> Tally:
    """Count the answers of ``columns`` (and, for a long table, the
    (stage, metric, score) triples of ``long`` = (stage, metric or None, score)
    columns); keep up to QUOTES_PER_COLUMN distinct texts of ``quote_columns``."""
    wanted = sorted(set(columns))
    quoting = sorted(set(quote_columns))
    result = Tally(columns={i: Counter() for i in wanted}, quotes={i: {} for i in quoting})
    used = wanted + quoting + [i for i in (long or ()) if i is not None]
    need = max(used, default=-1) + 1
    skip = header_rows
    for block in survey.blocks(progress=progress):
        if skip:
            taken = min(skip, len(block))
            block = block[taken:]
            skip -= taken
            if not block:
                continue
        result.responses += len(block) - block.count([])
        if need and min(map(len, block)) < need:
            block = [row if len(row) >= need else row + [""] * (need - len(row))
                     for row in block]
        for index in wanted:
            result.columns[index].update(map(itemgetter(index), block))
        for index in quoting:
            _collect_quotes(result.quotes[index], map(itemgetter(index), block))
        if long is not None:
            stage, metric, score = long
            metrics = repeat("") if metric is None else map(itemgetter(metric), block)
            result.triples.update(zip(map(itemgetter(stage), block), metrics,
                                      map(itemgetter(score), block)))
    for counts in result.columns.values():
        counts.pop("", None)
    return result


def _collect_quotes(kept: dict[str, str], cells: Iterable[str]) -> None:
    if len(kept) >= QUOTES_PER_COLUMN:
        return
    for cell in cells:
        text = cell.strip()
        if not text:
            continue
        key = quote_key(text)
        if key not in kept:
            kept[key] = text
            if len(kept) >= QUOTES_PER_COLUMN:
                return


def find_row(survey: SurveyFile, header_rows: int,
             match: Callable[[list[str]], bool]) -> int | None:
    """The 1-based file row of the first data row ``match`` accepts (slow; for messages)."""
    row = 0
    for block in survey.blocks():
        for cells in block:
            row += 1
            if row > header_rows and match(cells):
                return row
    return None
