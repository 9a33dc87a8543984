"""Planning an import: which columns become which stage's scores, counting
the answers, and turning the counts into :class:`Score` objects (and quote
cards) without touching the document.

The document is changed only by whoever applies an :class:`ImportResult`
(the CLI directly, the window through one undo command), so a failed or
cancelled import leaves the map exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from journeymapper.i18n import N_, _, ngettext, plural_message
from journeymapper.io.survey.labels import AGREEMENT_EASY, answer_value, normalise_label
from journeymapper.io.survey.layouts import Layout
from journeymapper.io.survey.reading import Progress, SurveyFile
from journeymapper.io.survey.tally import Tally, find_row, quote_key, tally
from journeymapper.model import metrics
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import (
    MAX_TEXT,
    Element,
    Kind,
    Placement,
    default_fields,
    is_date,
)
from journeymapper.model.errors import SurveyError
from journeymapper.model.scores import Score, Wave

QUOTES = "quotes"
RATING_METRICS = ("csat", "nps", "ces", "mean")
QUOTE_CAP = 20
QUOTE_MAX_CHARS = 500
_TRIVIAL = {"-", "--", ".", "n/a", "na", "none", "no", "nothing", "nil", "없음", "없다", "무",
            "x", "해당없음", "해당 없음", "없습니다"}
_QUOTE_MARKS = "\u201c\u201d\"' "
_MEAN = re.compile(r"^mean\s*[:(]\s*(-?\d+(?:\.\d+)?)\s*(?:-|\.\.|to)\s*(-?\d+(?:\.\d+)?)\s*\)?$",
                   re.IGNORECASE)


@dataclass(frozen=True)
class Mapping:
    """One column -> one stage's metric (or its quotes)."""

    column: int                               # 0-based
    stage: str                                # stage id
    metric: str                               # csat, nps, ces, mean or quotes
    mean_range: tuple[float, float] | None = None
    touchpoint: str | None = None


@dataclass(frozen=True)
class LongMapping:
    """A long table: one row per answer, with stage, score and metric columns."""

    stage_column: int
    score_column: int
    metric_column: int | None = None
    metric: str | None = None                 # one metric for every row
    mean_range: tuple[float, float] | None = None


@dataclass
class ImportOptions:
    """Settings of an import that are not about single columns."""

    wave: str = ""                            # default: the import date
    wave_date: str = ""                       # the survey's date (YYYY-MM-DD); default below
    ces_direction: str = metrics.CES_LOW_IS_EASY
    labels: dict[str, float] = field(default_factory=dict)  # normalised label -> number
    quote_cap: int = QUOTE_CAP
    now: dt.datetime | None = None
    unknown_hint: str = N_("give each of them a number")  # how this caller maps labels...
    ces_hint: str = N_("read the CES as 7 = very easy")   # ...and reverses the CES scale

    def moment(self) -> dt.datetime:
        return self.now or dt.datetime.now(dt.timezone.utc)

    def wave_label(self) -> str:
        """The wave's label; by default the import date as the user's calendar shows it."""
        return self.wave.strip() or self.moment().astimezone().date().isoformat()


@dataclass
class ImportResult:
    """What an import would add: scores, the new wave, quote cards, and notes."""

    scores: list[Score]
    waves: list[Wave]
    cards: list[Element]
    responses: int
    partial: int = 0
    notes: list[str] = field(default_factory=list)
    unknown: dict[int, Counter[str]] = field(default_factory=dict)


def parse_metric(text: str) -> tuple[str, tuple[float, float] | None]:
    """``csat``/``nps``/``ces``/``mean:LO-HI``/``quotes`` -> (metric, mean range).

    Raises ValueError with the expected forms."""
    value = text.strip().casefold()
    if value in ("csat", "nps", "ces", QUOTES):
        return value, None
    found = _MEAN.match(value)
    if found:
        low, high = float(found.group(1)), float(found.group(2))
        if not (math.isfinite(low) and math.isfinite(high)):
            raise ValueError("a mean's scale needs numbers a float can hold, e.g. mean:1-10")
        metrics.scale_for("mean", mean_range=(low, high))
        return "mean", (low, high)
    if value == "mean":
        raise ValueError("a mean needs its scale, e.g. mean:1-10")
    raise ValueError(f"no metric {text.strip()!r}; expected csat, nps, ces, mean:LO-HI or quotes")


def resolve_column(layout: Layout, ref: str, file_name: str) -> int:
    """A column by 1-based ``#N``, header text, or first-header-row id (``Q3``).

    A text that matches several columns is refused as ambiguous: duplicate
    headers, and a matrix question given without its row."""
    text = ref.strip()
    width = len(layout.columns)
    rows = "row 1" if layout.header_rows == 1 else f"header rows 1-{layout.header_rows}"
    if re.fullmatch(r"#\d+", text):
        index = int(text[1:]) - 1
        if 0 <= index < width:
            return index
        raise SurveyError(N_("{file_name}: {rows}: no column {text}; expected #1..#{width}"),
                          file_name=file_name, rows=rows, text=text, width=width)
    folded = _fold(text)
    exact = [c for c in layout.columns if c.header == text]
    if len(exact) == 1:
        return exact[0].index
    matrix = [c for c in layout.columns if c.row and _fold(c.question) == folded]
    if len(matrix) > 1 and not exact:
        listed = ", ".join(f"{c.ref} {c.row}" for c in matrix[:6])
        raise SurveyError(
            N_("{file}: {rows}: column {text!r} is a matrix question with {count} rows "
               "({listed}); expected one of them, e.g. '{example}' or {ref}"),
            file=file_name, rows=rows, text=text, count=len(matrix), listed=listed,
            example=matrix[0].header, ref=matrix[0].ref)
    for matcher in (lambda c: c.header == text, lambda c: c.id == text,
                    lambda c: c.header.casefold() == text.casefold(),
                    lambda c: c.id.casefold() == text.casefold() and c.id != "",
                    lambda c: _fold(c.header) == folded):
        hits = [c for c in layout.columns if matcher(c)]
        if len(hits) == 1:
            return hits[0].index
        if len(hits) > 1:
            refs = ", ".join(c.ref for c in hits[:6])
            raise SurveyError(N_("{file_name}: {rows}: column {text!r} is ambiguous ({refs}); expected one "
                                 "column: use #N"), file_name=file_name, rows=rows, text=text, refs=refs)
    example = next((c.id for c in layout.columns if c.id), "")
    ids = f", an id such as {example}" if example else ""
    raise SurveyError(N_("{file_name}: {rows}: no column {text!r}; expected a header text{ids} or "
                         "#1..#{width} (see 'journeymapper survey inspect')"),
                      file_name=file_name, rows=rows, text=text, ids=ids, width=width)


def _fold(text: str) -> str:
    """A header as 'survey inspect' prints it (spaces folded), NFC, case-folded."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def resolve_target(doc: JourneyMap, ref: str, map_name: str) -> tuple[str, str | None]:
    """(stage id, touchpoint id or None) for a stage, or for a touchpoint that
    sits in a stage column (by id or by its unique name, case-insensitive)."""
    text = ref.strip()
    try:
        return resolve_stage(doc, text, map_name), None
    except SurveyError as refused:
        wanted = text.casefold()
        hits = [e for e in doc.elements(Kind.TOUCHPOINT)
                if (e.id == text or e.text.strip().casefold() == wanted)
                and e.placement is not None and e.placement.stage is not None]
        if len(hits) == 1:
            placement = hits[0].placement
            assert placement is not None and placement.stage is not None
            return placement.stage, hits[0].id
        if len(hits) > 1:
            ids = ", ".join(e.id for e in hits[:5])
            raise SurveyError(N_("{map_name}: {text!r} names {value} touchpoints ({ids}); expected one: "
                                 "use its id"), map_name=map_name, text=text, value=len(hits),
                                 ids=ids) from None
        raise refused from None


def resolve_stage(doc: JourneyMap, ref: str, map_name: str) -> str:
    """A stage by id, by its exact name, or by a name that differs only in case
    (Unicode-normalised, so Hangul typed in decomposed form matches)."""
    text = unicodedata.normalize("NFC", ref).strip()
    if text in doc.stage_order:
        return text
    stages = [(s, unicodedata.normalize("NFC", s.text).strip()) for s in doc.stages()]
    for hits in ([s for s, name in stages if name == text],
                 [s for s, name in stages if name.casefold() == text.casefold()]):
        if len(hits) == 1:
            return hits[0].id
        if len(hits) > 1:
            which = ", ".join(f"{s.id} {s.text!r}" for s in hits[:6])
            raise SurveyError(N_("{map_name}: stage {text!r} is ambiguous: {which}; expected a stage id or "
                                 "the exact name"), map_name=map_name, text=text, which=which)
    names = ", ".join(doc.stage_names()) or "(the map has no stages)"
    raise SurveyError(N_("{map_name}: no stage {text!r}; expected a stage name ({names}) or a stage id"),
                      map_name=map_name, text=text, names=names)


def require_responses(file_name: str, header_rows: int, responses: int) -> None:
    """Refuse a file that holds headers but no answers."""
    if responses == 0:
        what = "header row" if header_rows == 1 else f"{header_rows} header rows"
        raise SurveyError(N_("{file_name}: row {value}: no responses after the {what}; expected at least "
                             "one row of answers"), file_name=file_name, value=header_rows + 1, what=what)


def plan_import(doc: JourneyMap, survey: SurveyFile, layout: Layout,
                mappings: list[Mapping] | LongMapping, options: ImportOptions,
                progress: Progress | None = None) -> ImportResult:
    """Count the file and build the scores; the document is not changed."""
    builder = _Builder(doc, survey, layout, options)
    if isinstance(mappings, LongMapping):
        return builder.long(mappings, progress)
    return builder.wide(mappings, progress)


@dataclass
class _Counted:
    distribution: Counter[float] = field(default_factory=Counter)
    skipped: int = 0
    unknown: Counter[str] = field(default_factory=Counter)
    invalid: Counter[str] = field(default_factory=Counter)


class _Builder:
    def __init__(self, doc: JourneyMap, survey: SurveyFile, layout: Layout,
                 options: ImportOptions) -> None:
        self.doc, self.survey, self.layout, self.options = doc, survey, layout, options
        self.wave = options.wave_label()
        self.notes: list[str] = []
        self.moment = options.moment()

    # ---------------------------------------------------------------- wide
    def wide(self, mappings: list[Mapping], progress: Progress | None) -> ImportResult:
        if not mappings:
            raise SurveyError(N_("{name}: no columns to import; expected at least one column mapped to a "
                                 "stage and metric"), name=self.survey.name)
        self._check_keys(mappings)
        rated = [m for m in mappings if m.metric != QUOTES]
        quoted = [m for m in mappings if m.metric == QUOTES]
        finished = self.layout.finished_column
        columns = [m.column for m in rated] + ([finished] if finished is not None else [])
        counts = tally(self.survey, self.layout.header_rows, columns,
                       [m.column for m in quoted], progress=progress)
        self._require_responses(counts)
        scores = []
        unknown: dict[int, Counter[str]] = {}
        for m in rated:
            column = self.layout.column(m.column)
            counted = self._interpret(counts.columns[m.column], m.metric, m.mean_range,
                                      f"column {column.ref} {column.header!r}")
            if counted.unknown:
                unknown[m.column] = counted.unknown
            scores.append(self._score(m.stage, m.touchpoint, m.metric, m.mean_range, counted,
                                      column.header, column.ref, column.id, counts.responses))
        self._summary_note(counts)
        partial = self._partial(counts)
        cards = self._quote_cards(quoted, counts)
        waves = [self._wave()] if scores else []
        return ImportResult(scores, waves, cards, counts.responses, partial, self.notes, unknown)

    def _check_keys(self, mappings: list[Mapping]) -> None:
        seen: dict[tuple[str, str | None, str, str], int] = {}
        for m in mappings:
            if m.stage not in self.doc.stage_order:
                raise SurveyError(N_("{name}: column #{value}: stage {stage!r} is not a stage of the map"),
                                  name=self.survey.name, value=m.column + 1, stage=m.stage)
            if not 0 <= m.column < len(self.layout.columns):
                raise SurveyError(N_("{name}: no column #{value}; expected #1..#{value2}"),
                                  name=self.survey.name, value=m.column + 1, value2=len(self.layout.columns))
            if m.metric not in RATING_METRICS + (QUOTES,):
                raise SurveyError(N_("{name}: column #{value}: no metric {metric!r}; expected csat, nps, "
                                     "ces, mean or quotes"),
                                  name=self.survey.name, value=m.column + 1, metric=m.metric)
            if m.metric == QUOTES:
                continue
            key = (m.stage, m.touchpoint, m.metric, self._name(m.metric, m.mean_range,
                                                                self.layout.column(m.column).header))
            if key in seen:
                stage = self.doc.element(m.stage).text
                raise SurveyError(
                    N_("{name}: columns #{value} and #{value2} both map to {stage}:{metric}; expected one "
                       "column per stage and metric"),
                    name=self.survey.name, value=seen[key] + 1, value2=m.column + 1, stage=stage,
                    metric=m.metric)
            seen[key] = m.column

    @staticmethod
    def _name(metric: str, mean_range: tuple[float, float] | None, header: str) -> str:
        return header[:80] if metric == "mean" else ""

    def _summary_note(self, counts: Tally) -> None:
        if counts.summary:
            self.notes.append(str(plural_message(
                "{n} summary row under the answers ({labels}) is not a response; not counted",
                "{n} summary rows under the answers ({labels}) are not responses; not counted",
                len(counts.summary), labels=", ".join(counts.summary[:6]))))

    def _require_responses(self, counts: Tally) -> None:
        require_responses(self.survey.name, self.layout.header_rows, counts.responses)

    # ---------------------------------------------------------------- values
    def _interpret(self, cells: Counter[str], metric: str,
                   mean_range: tuple[float, float] | None, where: str) -> _Counted:
        scale = metrics.scale_for(metric, self.options.ces_direction, mean_range)
        out = _Counted()
        for text, count in cells.items():
            if not text.strip():
                continue
            value, is_label = answer_value(text, metric, self.options.ces_direction,
                                           self.options.labels)
            if value is None:
                out.skipped += count
                out.unknown[text.strip()] += count
            elif not scale.accepts(value):
                out.skipped += count
                out.invalid[text.strip()] += count
            else:
                out.distribution[value] += count
        agreement = metric == "ces" and self.options.ces_direction != metrics.CES_HIGH_IS_EASY \
            and sum(c for t, c in out.unknown.items() if normalise_label(t) in AGREEMENT_EASY) \
            >= max(1, sum(out.unknown.values()) // 2)
        hint = _(self.options.ces_hint if agreement else self.options.unknown_hint)
        if out.unknown:
            shown = ", ".join(f"{t!r} ({c})" for t, c in out.unknown.most_common(5))
            count = sum(out.unknown.values())
            self.notes.append(ngettext(
                "{where}: {n} answer with unknown labels counted as skipped: {shown}; {hint}",
                "{where}: {n} answers with unknown labels counted as skipped: {shown}; {hint}",
                count).format(where=where, n=count, shown=shown, hint=hint))
        if out.invalid:
            shown = ", ".join(f"{t!r} ({c})" for t, c in out.invalid.most_common(5))
            count = sum(out.invalid.values())
            self.notes.append(ngettext(
                "{where}: {n} answer not {scale} counted as skipped: {shown}",
                "{where}: {n} answers not {scale} counted as skipped: {shown}",
                count).format(where=where, n=count, scale=scale.describe(), shown=shown))
        if not out.distribution:
            example = next(iter(out.unknown or out.invalid), "")
            if agreement:
                raise SurveyError(
                    N_("{file}: {where}: no valid CES answers; e.g. {example!r}: agreement "
                       "labels, which are a CES only when 7 = very easy; {hint}"),
                    file=self.survey.name, where=where, example=example, hint=hint)
            if out.unknown:
                raise SurveyError(
                    N_("{file}: {where}: no valid {metric} answers; e.g. {example!r}; expected "
                       "{scale} or a known label: {hint}"), file=self.survey.name, where=where,
                    metric=metric.upper(), example=example, scale=scale.describe(), hint=hint)
            got = f"; e.g. {example!r}" if example else " (every cell is blank)"
            raise SurveyError(N_("{name}: {where}: no valid {value} answers{got}; expected {value2} or a "
                                 "known label"),
                              name=self.survey.name, where=where, value=metric.upper(), got=got,
                              value2=scale.describe())
        return out

    def _score(self, stage: str, touchpoint: str | None, metric: str,
               mean_range: tuple[float, float] | None, counted: _Counted, header: str,
               ref: str, column_id: str, responses: int) -> Score:
        scale = metrics.scale_for(metric, self.options.ces_direction, mean_range)
        dist = counted.distribution
        distribution = {_key(v): c for v, c in sorted(dist.items())}
        if scale.integer:
            distribution = {_key(v): dist.get(float(v), 0)
                            for v in range(int(scale.low), int(scale.high) + 1)}
        source = {
            "file": self.survey.name, "imported": self.moment.isoformat(timespec="seconds"),
            "column": header, "column_ref": ref, "layout": self.layout.name,
            "encoding": self.survey.encoding_label, "responses": responses,
        }
        if column_id:
            source["column_id"] = column_id
        if self.survey.format == "xlsx":
            source["sheet"] = self.survey.sheet
        if metric == "nps":
            source["nps_split"] = metrics.nps_split(dist).as_dict()
        if self.options.labels:
            source["labels"] = dict(sorted(self.options.labels.items()))
        value = metrics.compute(metric, dist)
        if not math.isfinite(value):
            raise SurveyError(N_("{file}: column {ref} {header!r}: the {metric} of these answers "
                                 "is too large to compute; expected answers on a smaller scale"),
                              file=self.survey.name, ref=ref, header=header,
                              metric=metric.upper())
        return Score(stage, self.wave, metric, value,
                     metrics.valid_count(dist), counted.skipped, touchpoint,
                     self._name(metric, mean_range, header), distribution, scale.as_dict(),
                     source)

    def _wave(self) -> Wave:
        """The wave: dated as given (the survey's date, not the import's), else as it
        is already, else by its label when that is a date, else today."""
        given = self.options.wave_date.strip()
        existing = next((w for w in self.doc.waves if w.label == self.wave), None)
        if existing is not None:
            return Wave(existing.label, given) if given else existing
        date = given or (self.wave if is_date(self.wave)
                         else self.moment.astimezone().date().isoformat())
        return Wave(self.wave, date)

    def _partial(self, counts: Tally) -> int:
        finished = self.layout.finished_column
        if finished is None:
            return 0
        partial = sum(c for v, c in counts.columns[finished].items()
                      if v.strip().casefold() in ("0", "false"))
        if partial:
            self.notes.append(_("{partial} of {responses} responses are partial (Finished = 0); their "
                                "answers are included").format(partial=partial, responses=counts.responses))
        return partial

    # ---------------------------------------------------------------- quotes
    def _quote_cards(self, quoted: list[Mapping], counts: Tally) -> list[Element]:
        if not quoted:
            return []
        lane = self.doc.lane_for_kind(Kind.THOUGHT)
        if lane is None:
            self.notes.append("the map has no thought lane; open-ended answers were not added")
            return []
        per_stage: dict[str, dict[str, str]] = defaultdict(dict)
        for m in quoted:
            for key, text in counts.quotes[m.column].items():
                per_stage[m.stage].setdefault(key, text)
        cards: list[Element] = []
        for stage, texts in per_stage.items():
            present = {quote_key(e.text.strip(_QUOTE_MARKS)) for e in self.doc.cell(stage, lane.id)}
            order = self.doc.next_order((stage, lane.id))
            added = 0
            for key, text in texts.items():
                if added >= self.options.quote_cap:
                    break
                if key in present or normalise_label(text) in _TRIVIAL or len(key) < 3:
                    continue
                clean = " ".join(text.split())
                if len(clean) > QUOTE_MAX_CHARS:
                    clean = clean[:QUOTE_MAX_CHARS - 1] + "\u2026"
                fields = {**default_fields(Kind.THOUGHT), "text": f"\u201c{clean}\u201d"[:MAX_TEXT]}
                element_id = self._fresh_id({c.id for c in cards})
                cards.append(Element(element_id, Kind.THOUGHT, fields,
                                     Placement(stage, lane.id, order + added)))
                present.add(key)
                added += 1
            if len(texts) > added and added >= self.options.quote_cap:
                name = self.doc.element(stage).text
                self.notes.append(_("{file}: kept {added} quotes (the cap per stage) of {value} distinct "
                                    "answers").format(file=name, added=added, value=len(texts)))
        return cards

    def _fresh_id(self, taken: set[str]) -> str:
        """A new id from the document's allocator (never used before, here or elsewhere)."""
        return self.doc.new_id("thought")

    # ---------------------------------------------------------------- long tables
    def long(self, spec: LongMapping, progress: Progress | None) -> ImportResult:
        if spec.metric_column is None and spec.metric is None:
            raise SurveyError(N_("{name}: a long table needs a metric column or one metric for every row"),
                              name=self.survey.name)
        metric_col = None if spec.metric is not None else spec.metric_column
        counts = tally(self.survey, self.layout.header_rows,
                       long=(spec.stage_column, metric_col, spec.score_column), progress=progress)
        self._require_responses(counts)
        self._summary_note(counts)
        grouped: dict[tuple[str, str, tuple[float, float] | None], Counter[str]] = {}
        stage_ids: dict[str, str] = {}
        for (stage_text, metric_text, score), count in counts.triples.items():
            if not (stage_text.strip() or score.strip()):
                continue
            stage = stage_ids.get(stage_text)
            if stage is None:
                stage = self._long_stage(stage_text, spec)
                stage_ids[stage_text] = stage
            metric, mean_range = ((spec.metric, spec.mean_range) if spec.metric is not None
                                  else self._long_metric(metric_text, spec))
            grouped.setdefault((stage, metric, mean_range), Counter())[score] += count
        scores = []
        stage_col = self.layout.column(spec.stage_column)
        score_col = self.layout.column(spec.score_column)
        for (stage, metric, mean_range), cells in grouped.items():
            where = f"column {score_col.ref} {score_col.header!r} ({self.doc.element(stage).text}" \
                    f" {metric.upper()})"
            counted = self._interpret(cells, metric, mean_range, where)
            header = f"{stage_col.header} / {score_col.header}"
            scores.append(self._score(stage, None, metric, mean_range, counted, header,
                                      score_col.ref, score_col.id, counts.responses))
        return ImportResult(scores, [self._wave()], [], counts.responses, 0, self.notes)

    def _locate(self, column: int, value: str) -> str:
        row = find_row(self.survey, self.layout.header_rows,
                       lambda cells: len(cells) > column and cells[column] == value)
        return f"row {row}" if row else "a row"

    def _long_stage(self, text: str, spec: LongMapping) -> str:
        try:
            if not text.strip():
                raise SurveyError("blank")
            return resolve_stage(self.doc, text, "")
        except SurveyError as refused:
            column = self.layout.column(spec.stage_column)
            why = (str(refused).split(": ", 1)[1] if "is ambiguous" in str(refused) else
                   f"{text.strip()!r} is not a stage of the map; expected one of "
                   f"{', '.join(self.doc.stage_names())}")
            raise SurveyError(
                N_("{name}: {value}, column {ref} {header!r}: {why}"),
                name=self.survey.name, value=self._locate(spec.stage_column, text), ref=column.ref,
                header=column.header, why=why) from None

    def _long_metric(self, text: str, spec: LongMapping) -> tuple[str, tuple[float, float] | None]:
        assert spec.metric_column is not None
        try:
            metric, mean_range = parse_metric(text)
        except ValueError:
            metric = ""
        if metric in ("", QUOTES):
            column = self.layout.column(spec.metric_column)
            raise SurveyError(
                N_("{name}: {value}, column {ref} {header!r}: {value2!r} is not a metric; expected csat, "
                   "nps, ces or mean:LO-HI"),
                name=self.survey.name, value=self._locate(spec.metric_column, text), ref=column.ref,
                header=column.header, value2=text.strip()) from None
        return metric, mean_range


def _key(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def apply_import(doc: JourneyMap, result: ImportResult) -> list[Score]:
    """Put an import's scores, wave and quote cards into ``doc`` (no undo: the CLI)."""
    replaced = doc.put_scores(result.scores, result.waves)
    redate(doc, result.waves)
    for card in result.cards:
        doc.insert_element(card)
    return replaced


def redate(doc: JourneyMap, waves: list[Wave]) -> None:
    """Give waves the map knows already the dates an import states for them."""
    dates = {w.label: w.date for w in waves}
    new = [Wave(w.label, dates.get(w.label, w.date)) for w in doc.waves]
    if new != list(doc.waves):
        doc.set_waves(new)
