"""Survey commands: ``survey inspect``, ``survey import`` and ``scores``."""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from journeymapper.cli import same_file
from journeymapper.cli.trend import interval_dict, print_trend
from journeymapper.i18n import N_, _, ngettext
from journeymapper.io import jmap
from journeymapper.io.survey import (
    QUOTES,
    ImportOptions,
    ImportResult,
    Inspection,
    LongMapping,
    Mapping,
    apply_import,
    count_responses,
    inspect_survey,
    parse_metric,
    plan_import,
    resolve_column,
    resolve_stage,
    resolve_target,
)
from journeymapper.io.survey.labels import normalise_label, parse_number
from journeymapper.io.survey.layouts import Column
from journeymapper.io.survey.reading import DELIMITER_NAMES
from journeymapper.layout.badges import interval_text
from journeymapper.model import metrics
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import is_date, thaw
from journeymapper.model.errors import JourneyError
from journeymapper.model.scores import LOW_CONFIDENCE_N, Score
from journeymapper.words import metric_label

_MEAN_TAIL = re.compile(r"^(?P<stage>.*):(?P<metric>mean\s*:\s*[-\d.]+\s*-\s*[-\d.]+)$", re.I)


def register(sub: argparse._SubParsersAction) -> None:
    survey = sub.add_parser("survey", help=_("read survey exports into CSAT / NPS / CES scores"))
    survey_sub = survey.add_subparsers(dest="survey_command", metavar="COMMAND")
    survey.set_defaults(func=lambda _args: survey.print_help() or 2)

    p = survey_sub.add_parser("inspect", help=_("show a survey file's layout and columns"))
    p.add_argument("file", metavar="FILE", help=_("the survey export (CSV or XLSX)"))
    p.add_argument("--json", action="store_true", help=_("print a JSON object"))
    p.add_argument("--map", metavar="MAP", help=_("a .jmap file: also suggest a stage for each column"))
    p.add_argument("--sheet", metavar="NAME", help=_("XLSX: the sheet to read (default: the first)"))
    p.set_defaults(func=cmd_inspect)

    p = survey_sub.add_parser(
        "import", help=_("import survey answers as scores of a map's stages"),
        description=_("Import answers as one wave of scores. Map columns with --column "
                    "'COLUMN=STAGE:METRIC' (COLUMN: header text, id such as Q3, or #N; "
                    "METRIC: csat, nps, ces, mean:LO-HI, quotes), or read a long table with "
                    "--stage-column/--score-column and --metric-column or --metric."))
    p.add_argument("map", metavar="MAP", help=_("the .jmap file (saved in place unless -o)"))
    p.add_argument("file", metavar="FILE", help=_("the survey export (CSV or XLSX)"))
    p.add_argument("--column", action="append", default=[], metavar="COLUMN=STAGE:METRIC",
                   help=_("map a column (repeatable); the spec splits at its last '='"))
    p.add_argument("--quotes", action="append", default=[], metavar="COLUMN=STAGE",
                   help=_("add a column's open-ended answers as quotes in the stage's thought lane"))
    p.add_argument("--stage-column", metavar="COL", help=_("long table: the column naming the stage"))
    p.add_argument("--score-column", metavar="COL", help=_("long table: the column with the answer"))
    p.add_argument("--metric-column", metavar="COL", help=_("long table: the column naming the metric"))
    p.add_argument("--metric", help=_("long table: one metric for every row"))
    p.add_argument("--wave", default="", metavar="LABEL",
                   help=_("the wave label (default: today, YYYY-MM-DD)"))
    p.add_argument("--wave-date", default="", metavar="YYYY-MM-DD",
                   help=_("the date of the survey (default: the label when it is a date, "
                          "else today)"))
    p.add_argument("--ces-scale", choices=metrics.CES_DIRECTIONS, default=metrics.CES_LOW_IS_EASY,
                   help=_("CES direction: 1 = very easy (default) or 7 = very easy"))
    p.add_argument("--label", action="append", default=[], metavar="TEXT=NUMBER",
                   help=_("map an answer label the importer does not know (repeatable)"))
    p.add_argument("--quote-cap", type=int, default=20, metavar="N",
                   help=_("quotes per stage at most (default 20)"))
    p.add_argument("--sheet", metavar="NAME", help=_("XLSX: the sheet to read (default: the first)"))
    p.add_argument("-o", "--output", metavar="OUT", help=_("write the map here instead of in place"))
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("scores", help=_("list a map's survey scores"))
    p.add_argument("map", metavar="MAP", help=_("the .jmap file"))
    p.add_argument("--wave", metavar="LABEL", help=_("only this wave"))
    p.add_argument("--trend", action="store_true",
                   help=_("per stage and metric: the waves, each change and whether it is real "
                          "at 95%%"))
    p.add_argument("--json", action="store_true", help=_("print a JSON list"))
    p.set_defaults(func=cmd_scores)


# ---------------------------------------------------------------- text helpers
def text_width(text: str) -> int:
    """Columns a text takes in a terminal (Hangul and CJK take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - text_width(text))


def shorten(text: str, width: int) -> str:
    """One line of at most ``width`` terminal columns."""
    text = " ".join(text.split())
    if text_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if text_width(out + ch) > width - 1:
            break
        out += ch
    return out + "\u2026"


# ---------------------------------------------------------------- inspect
def cmd_inspect(args: argparse.Namespace) -> int:
    doc = jmap.load(args.map).document if args.map else None
    inspection = inspect_survey(args.file, args.sheet, doc)
    count_responses(inspection)
    if args.json:
        print(json.dumps(inspection.as_dict(doc), ensure_ascii=False, indent=2))
        return 0
    print_inspection(inspection, doc)
    return 0


def print_inspection(inspection: Inspection, doc: JourneyMap | None) -> None:
    survey, layout = inspection.survey, inspection.layout
    if survey.format == "csv":
        print(_("{file}: CSV, encoding {encoding}, {delimiter}-separated").format(
            file=survey.name, encoding=survey.encoding_label,
            delimiter=DELIMITER_NAMES[survey.delimiter]))
    else:
        print(_("{file}: XLSX, sheet {sheet!r} (sheets: {sheets})").format(
            file=survey.name, sheet=survey.sheet, sheets=", ".join(survey.sheets)))
    header = layout.header_rows - layout.blank_rows
    rows = ngettext("{n} header row", "{n} header rows", header).format(n=header)
    if layout.blank_rows:
        rows = ngettext("{rows} below {n} empty row", "{rows} below {n} empty rows",
                        layout.blank_rows).format(rows=rows, n=layout.blank_rows)
    print(_("layout: {layout} ({rows}); responses: {responses}").format(
        layout=layout.label, rows=rows, responses=inspection.responses))
    print(_("columns:"))
    for info in inspection.columns:
        column = info.column
        ident = f"{column.id} " if column.id and not column.header.startswith(column.id) else ""
        guess = ""
        if info.metric:
            guess = " -> " + (metric_label(info.metric) if info.metric != QUOTES else _("quotes"))
            if doc is not None:
                guess += " @ " + (doc.element(info.stage).text if info.stage else _("(no stage)"))
        examples = ", ".join(shorten(e, 14) for e in info.profile.examples[:4])
        role = column.role if column.role != "answer" else ""
        print(f"  {column.ref:>4}  {pad(column_label(ident, column, 52), 52)} "
              f"{pad(role, 7)}{guess}" + (_("   e.g. {examples}").format(examples=examples)
                                          if examples else ""))


def column_label(ident: str, column: Column, width: int) -> str:
    """A column's id and header in ``width`` terminal columns; a matrix row keeps its
    row label ("How easy was it to fi\u2026 - Browsing")."""
    text = shorten(ident + column.header, width)
    if not column.row or text.endswith(column.row):
        return text
    room = width - text_width(column.row) - 3
    return shorten(ident + column.question, room) + " - " + column.row


# ---------------------------------------------------------------- import
def split_spec(spec: str, option: str) -> tuple[str, str]:
    """``LEFT=RIGHT`` split at the last '='."""
    left, sep, right = spec.rpartition("=")
    if not sep or not left.strip() or not right.strip():
        raise JourneyError(N_("{option} {spec!r}: expected {form}"), option=option, spec=spec,
                           form=_FORMS[option])
    return left, right


_FORMS = {"--column": "COLUMN=STAGE:METRIC, e.g. 'Q1=Purchase:csat'",
          "--quotes": "COLUMN=STAGE, e.g. '#9=Purchase'",
          "--label": "TEXT=NUMBER, e.g. 'Kinda happy=4'"}


def parse_target(spec: str, target: str) -> tuple[str, str, tuple[float, float] | None]:
    """``STAGE:METRIC`` (METRIC may be ``mean:1-10``) -> (stage, metric, mean range)."""
    found = _MEAN_TAIL.match(target)
    stage, sep, metric_text = (found.group("stage"), ":", found.group("metric")) if found \
        else target.rpartition(":")
    if not sep or not stage.strip():
        raise JourneyError(N_("{option} {spec!r}: expected {form}"), option="--column", spec=spec,
                           form=_FORMS["--column"])
    try:
        metric, mean_range = parse_metric(metric_text)
    except ValueError as exc:
        raise JourneyError(N_("{option} {spec!r}: {problem}"), option="--column", spec=spec,
                           problem=exc) from None
    return stage, metric, mean_range


def build_mappings(args: argparse.Namespace, doc: JourneyMap,
                   inspection: Inspection) -> list[Mapping] | LongMapping:
    layout, name, map_name = inspection.layout, inspection.survey.name, str(args.map)
    long_args = (args.stage_column, args.score_column, args.metric_column, args.metric)
    if (args.column or args.quotes) and any(long_args):
        raise JourneyError(N_("use either --column/--quotes or --stage-column with "
                              "--score-column, not both"))
    if any(long_args):
        if not (args.stage_column and args.score_column):
            raise JourneyError(N_("a long table needs --stage-column COL and --score-column COL"))
        if bool(args.metric_column) == bool(args.metric):
            raise JourneyError(N_("a long table needs either --metric-column COL or --metric "
                                  "METRIC"))
        metric, mean_range = None, None
        if args.metric:
            try:
                metric, mean_range = parse_metric(args.metric)
            except ValueError as exc:
                raise JourneyError(N_("{option} {spec!r}: {problem}"), option="--metric",
                                   spec=args.metric, problem=exc) from None
            if metric == QUOTES:
                raise JourneyError(N_("{option} {spec!r}: expected {form}"), option="--metric",
                                   spec=args.metric, form="csat, nps, ces, mean:LO-HI")
        return LongMapping(
            resolve_column(layout, args.stage_column, name),
            resolve_column(layout, args.score_column, name),
            resolve_column(layout, args.metric_column, name) if args.metric_column else None,
            metric, mean_range)
    if not args.column and not args.quotes:
        raise JourneyError(N_("nothing to import: expected --column 'COLUMN=STAGE:METRIC' "
                              "(see 'journeymapper survey inspect FILE'), or --stage-column and "
                              "--score-column for a long table"))
    mappings = []
    for spec in args.column:
        column_ref, target = split_spec(spec, "--column")
        stage, metric, mean_range = parse_target(spec, target)
        try:
            stage_id, touchpoint = resolve_target(doc, stage, map_name)
        except JourneyError as exc:
            held = [s.id for s in doc.stages() if "=" in s.text]
            if not held or "=" not in column_ref:
                raise
            raise JourneyError(N_("{problem} (the spec splits at its last '='; name a stage "
                                  "holding '=' by its id, such as {example})"),
                               problem=exc.message, example=held[0]) from None
        mappings.append(Mapping(resolve_column(layout, column_ref, name), stage_id, metric,
                                mean_range, touchpoint))
    for spec in args.quotes:
        column_ref, stage = split_spec(spec, "--quotes")
        mappings.append(Mapping(resolve_column(layout, column_ref, name),
                                resolve_stage(doc, stage, map_name), QUOTES))
    return mappings


def parse_labels(specs: list[str]) -> dict[str, float]:
    labels: dict[str, float] = {}
    for spec in specs:
        text, number = split_spec(spec, "--label")
        value = parse_number(number)
        if value is None:
            raise JourneyError(N_("--label {spec!r}: {number!r} is not a number; expected {form}"),
                               spec=spec, number=number.strip(), form=_FORMS["--label"])
        key = normalise_label(text)
        if labels.get(key, value) != value:
            raise JourneyError(N_("--label {spec!r}: {text!r} is mapped to {number} already; "
                                  "expected one number per label"), spec=spec, text=text.strip(),
                               number=f"{labels[key]:g}")
        labels[key] = value
    return labels


def cmd_import(args: argparse.Namespace) -> int:
    map_path = Path(args.map)
    if args.output and same_file(args.output, args.file):
        raise JourneyError(N_("{file}: is the survey export being read; expected -o to name the "
                              ".jmap file to write"), file=args.output)
    # strict: loading repairs problems, and saving that would drop them silently
    doc = jmap.load(map_path, strict=True).document
    if args.quote_cap < 0:
        raise JourneyError(N_("--quote-cap {value}: expected 0 or more"), value=args.quote_cap)
    inspection = inspect_survey(args.file, args.sheet)
    mappings = build_mappings(args, doc, inspection)
    if args.wave_date and not is_date(args.wave_date):
        raise JourneyError(N_("--wave-date {value!r}: expected a date YYYY-MM-DD"),
                           value=args.wave_date)
    options = ImportOptions(wave=args.wave, wave_date=args.wave_date,
                            ces_direction=args.ces_scale,
                            labels=parse_labels(args.label), quote_cap=args.quote_cap,
                            unknown_hint=N_("map them with --label 'TEXT=NUMBER'"),
                            ces_hint=N_("use --ces-scale high-is-easy"))
    result = plan_import(doc, inspection.survey, inspection.layout, mappings, options)
    replaced = apply_import(doc, result)
    target = Path(args.output) if args.output else map_path
    jmap.save(doc, target, backup=target == map_path)
    print_result(doc, inspection, result, replaced)
    print(_("saved {file}").format(file=target))
    return 0


def print_result(doc: JourneyMap, inspection: Inspection, result: ImportResult,
                 replaced: list[Score]) -> None:
    survey, layout = inspection.survey, inspection.layout
    wave = result.waves[0].label if result.waves else ""
    responses = ngettext("{n} response", "{n} responses", result.responses).format(
        n=result.responses)
    line = _("{file}: {layout}, {encoding}, {responses}").format(
        file=survey.name, layout=layout.label, encoding=survey.encoding_label,
        responses=responses)
    print(line + (_(" -> wave {wave!r}").format(wave=wave) if wave else ""))
    print_scores(doc, result.scores, show_wave=False)
    if replaced:
        print(ngettext("replaced {n} earlier score of wave {wave!r}",
                       "replaced {n} earlier scores of wave {wave!r}", len(replaced)).format(
            n=len(replaced), wave=wave))
    if result.cards:
        print(ngettext("added {n} quote to the thought lane",
                       "added {n} quotes to the thought lane", len(result.cards)).format(
            n=len(result.cards)))
    for note in result.notes:
        print(_("note: {note}").format(note=note))


def print_scores(doc: JourneyMap, scores: list[Score], show_wave: bool = True) -> None:
    rows = []
    for s in scores:
        stage = doc.element(s.stage).text
        if s.touchpoint is not None and s.touchpoint in doc:
            stage += f" / {doc.element(s.touchpoint).text}"
        metric = metric_label(s.metric) + (f" ({s.name})" if s.name else "")
        extra = []
        split = s.nps_split
        if split is not None:
            extra.append(_("promoters {promoters}, passives {passives}, detractors {detractors}")
                         .format(promoters=split.get("promoters"), passives=split.get("passives"),
                                 detractors=split.get("detractors")))
        if s.metric == "ces":
            extra.append(_("7 = very easy, higher is better") if s.higher_is_better
                         else _("1 = very easy, lower is better"))
        if s.interval is not None:
            extra.insert(0, _("95% {interval}").format(interval=interval_text(s)))
        if s.low_confidence:
            extra.append(_("low confidence (n < {n})").format(n=LOW_CONFIDENCE_N))
        rows.append((stage, metric, s.wave, metrics.format_value(s.metric, s.value),
                     f"n={s.n}", _("skipped={n}").format(n=s.skipped), "; ".join(extra)))
    widths = [max((text_width(r[i]) for r in rows), default=0) for i in range(6)]
    for r in rows:
        cells = [pad(r[0], widths[0]), pad(r[1], widths[1])]
        if show_wave:
            cells.append(pad(r[2], widths[2]))
        cells += [r[3].rjust(widths[3]), pad(r[4], widths[4]), pad(r[5], widths[5]), r[6]]
        print("  " + "  ".join(cells).rstrip())


# ---------------------------------------------------------------- scores
def score_dict(doc: JourneyMap, score: Score) -> dict[str, Any]:
    out: dict[str, Any] = {
        "stage": doc.element(score.stage).text, "stage_id": score.stage,
        "touchpoint": score.touchpoint,
        "touchpoint_name": doc.element(score.touchpoint).text
        if score.touchpoint is not None and score.touchpoint in doc else None,
        "metric": score.metric, "name": score.name,
        "wave": score.wave, "value": score.value, "n": score.n, "skipped": score.skipped,
        "low_confidence": score.low_confidence, "better": "higher" if score.higher_is_better
        else "lower", "distribution": thaw(score.distribution), "scale": thaw(score.scale),
        "source": thaw(score.source), **interval_dict(score),
    }
    split = score.nps_split
    if split is not None:
        out.update({k: split.get(k) for k in ("promoters", "passives", "detractors")})
    return out


def cmd_scores(args: argparse.Namespace) -> int:
    doc = jmap.load(args.map).document
    if args.wave is not None and args.wave not in {w.label for w in doc.waves}:
        known = ", ".join(w.label for w in doc.waves) or _("(none)")
        raise JourneyError(N_("{file}: no wave {wave!r}; expected one of {waves}"), file=args.map,
                           wave=args.wave, waves=known)
    if args.trend:
        return print_trend(doc, args.map, args.wave, args.json)
    scores = doc.scores(wave=args.wave)
    if args.json:
        print(json.dumps([score_dict(doc, s) for s in scores], ensure_ascii=False, indent=2))
        return 0
    if not scores:
        print(_("{file}: no survey scores yet (import some with 'journeymapper survey import')")
              .format(file=args.map))
        return 0
    print(_("{file}: waves {waves}").format(file=args.map,
                                             waves=", ".join(w.label for w in doc.waves)))
    print_scores(doc, scores)
    return 0
