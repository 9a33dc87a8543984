"""One streaming pass over a survey export that counts answers per column.

No per-row Python objects are built and no Python code runs per row. For a
CSV the reader is fed straight into ``collections.Counter`` through
``operator.itemgetter``: the key is the tuple of the wanted cells, and since
rating answers take few values, the number of distinct tuples stays small.
They are split into per-column counts at the end. Turning a text into a
number then costs one lookup per *distinct* text, not per answer.

When the tuples turn out to be varied (many columns, free-text values) the
pass continues block by block with one Counter per column; rows shorter than
the wanted columns (ragged files, XLSX) are padded in that mode too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice, repeat
from operator import itemgetter

from journeymapper import collector
from journeymapper.io.survey.layouts import summary_row
from journeymapper.io.survey.reading import (
    BLOCK_ROWS,
    Cancelled,
    Progress,
    SurveyFile,
    csv_reader,
    tail_rows,
)

#: Quote cells kept per column while streaming (the cap per stage is applied later).
QUOTES_PER_COLUMN = 200
#: Rows counted between progress reports in the fast path.
CHUNK_ROWS = 65_536
#: Distinct cell tuples at which the fast path hands over to per-column counting.
MAX_COMBINATIONS = 50_000
#: Rows kept from the end of a pass, to find the summary rows under the answers.
TAIL_ROWS = 50


class _Ragged(Exception):
    """A row is shorter than the wanted columns: count again with padding."""


@dataclass
class Tally:
    """Answer counts of one pass; ``responses`` counts non-empty data rows, not the
    summary rows under them (their labels are in ``summary``)."""

    responses: int = 0
    columns: dict[int, Counter[str]] = field(default_factory=dict)
    triples: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    quotes: dict[int, dict[str, str]] = field(default_factory=dict)
    tail: list[list[str]] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


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
    result = Tally()
    with collector.paused():
        if survey.format == "csv":
            try:
                result = _fast_csv(survey, header_rows, wanted, long, progress)
            except _Ragged:
                result = Tally()
            else:
                result.tail = tail_rows(survey)
        if not result.responses:
            result = _by_blocks(survey, header_rows, wanted, long, progress)
        _drop_summary(result, wanted, long)
        quoting = sorted(set(quote_columns))
        if quoting:
            result.quotes = _quotes(survey, header_rows, quoting)
    for counts in result.columns.values():
        counts.pop("", None)
    return result


def _fast_csv(survey: SurveyFile, header_rows: int, wanted: list[int],
              long: tuple[int, int | None, int] | None, progress: Progress | None) -> Tally:
    """Counter over the tuples of wanted cells, fed by the csv reader in C."""
    keyed = wanted + [i for i in (long or ()) if i is not None]
    result = Tally(columns={i: Counter() for i in wanted})
    combined: Counter[object] = Counter()
    key = itemgetter(*keyed) if keyed else len
    with csv_reader(survey) as (reader, handle):
        for _ in range(header_rows):
            next(reader, None)
        rows = filter(any, reader)  # a blank line, or one of empty cells, is no response
        while True:
            line = reader.line_num
            try:
                combined.update(map(key, islice(rows, CHUNK_ROWS)))
            except IndexError:
                raise _Ragged() from None
            if progress is not None and not progress(handle.buffer.tell(), survey.size):
                raise Cancelled()
            if reader.line_num == line:
                break
            if len(combined) > MAX_COMBINATIONS:
                _fold(combined, keyed, wanted, long, result)
                combined.clear()
                while True:
                    block = list(islice(rows, BLOCK_ROWS))
                    if not block:
                        break
                    _count_block(result, block, 0, wanted, [], long, max(keyed, default=-1) + 1)
                    if progress is not None and not progress(handle.buffer.tell(),
                                                             survey.size):
                        raise Cancelled()
                break
    _fold(combined, keyed, wanted, long, result)
    return result


def _fold(combined: Counter[object], keyed: list[int], wanted: list[int],
          long: tuple[int, int | None, int] | None, result: Tally) -> None:
    """Split counts of cell tuples into per-column counts (and long-table triples)."""
    position = {column: i for i, column in enumerate(keyed)}
    for combo, count in combined.items():
        cells = combo if len(keyed) > 1 else (combo,)
        result.responses += count
        for column in wanted:
            result.columns[column][cells[position[column]]] += count
        if long is not None:
            stage, metric, score = long
            result.triples[(cells[position[stage]],
                            "" if metric is None else cells[position[metric]],
                            cells[position[score]])] += count


def _by_blocks(survey: SurveyFile, header_rows: int, wanted: list[int],
               long: tuple[int, int | None, int] | None, progress: Progress | None) -> Tally:
    result = Tally(columns={i: Counter() for i in wanted})
    need = max(wanted + [i for i in (long or ()) if i is not None], default=-1) + 1
    skip = header_rows
    for block in survey.blocks(progress=progress):
        seen = len(block) - skip
        skip = _count_block(result, block, skip, wanted, [], long, need)
        if seen > 0:
            result.tail = (result.tail + block[-min(seen, TAIL_ROWS):])[-TAIL_ROWS:]
    return result


def summary_start(rows: list[list[str]]) -> int:
    """Where the summary rows under the answers begin (``len(rows)`` if there are none):
    the last rows whose first cell is Average, Total, 합계, ... (blank rows between
    them too); at least one answer row stays above them."""
    start = end = len(rows)
    while start > 0 and (not any(rows[start - 1]) or summary_row(rows[start - 1])):
        start -= 1
    while start < end and not any(rows[start]):
        start += 1
    if start == 0 or not any(summary_row(r) for r in rows[start:]):
        return end
    return start


def _drop_summary(result: Tally, wanted: list[int],
                  long: tuple[int, int | None, int] | None) -> None:
    """Take the summary rows at the end out of the counts: they are no responses."""
    tail = result.tail
    rows = [r for r in tail[summary_start(tail):] if any(r)]
    if not rows or len(rows) >= result.responses:
        return
    result.responses -= len(rows)
    for row in rows:
        result.summary.append(next(cell for cell in row if cell.strip()).strip())
        for column in wanted:
            _uncount(result.columns[column], row[column] if column < len(row) else "")
        if long is not None:
            stage, metric, score = (row[i] if i is not None and i < len(row) else ""
                                    for i in long)
            _uncount(result.triples, (stage, metric, score))


def _uncount(counts: Counter, key: object) -> None:
    if counts.get(key, 0) > 1:
        counts[key] -= 1
    else:
        counts.pop(key, None)


def _quotes(survey: SurveyFile, header_rows: int, columns: list[int]) -> dict[int, dict[str, str]]:
    """Distinct texts of open-ended columns, read only until each has enough."""
    kept: dict[int, dict[str, str]] = {i: {} for i in columns}
    skip = header_rows
    for block in survey.blocks():
        if skip:
            block, skip = block[skip:], max(0, skip - len(block))
        for column in columns:
            _collect_quotes(kept[column], (row[column] for row in block if len(row) > column))
        if all(len(k) >= QUOTES_PER_COLUMN for k in kept.values()):
            break
    return kept


def _count_block(result: Tally, block: list[list[str]], skip: int, wanted: list[int],
                 quoting: list[int], long: tuple[int, int | None, int] | None, need: int) -> int:
    """Count one block into ``result``; returns how many header rows are still to skip."""
    if skip:
        taken = min(skip, len(block))
        block = block[taken:]
        skip -= taken
        if not block:
            return skip
    result.responses += sum(map(any, block))  # rows of empty cells are no response
    if need and min(map(len, block)) < need:
        block = [row if len(row) >= need else row + [""] * (need - len(row)) for row in block]
    for index in wanted:
        result.columns[index].update(map(itemgetter(index), block))
    for index in quoting:
        _collect_quotes(result.quotes[index], map(itemgetter(index), block))
    if long is not None:
        stage, metric, score = long
        metrics = repeat("") if metric is None else map(itemgetter(metric), block)
        result.triples.update(zip(map(itemgetter(stage), block), metrics,
                                  map(itemgetter(score), block)))
    return skip


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
