"""Survey import, with no Qt: real exports (Google Forms, SurveyMonkey,
Qualtrics, Typeform, long tables; CSV in UTF-8/UTF-16/CP949/CP1252, XLSX)
become CSAT / NPS / CES scores on the stages of a map, wave by wave.

    inspection = inspect_survey("export.csv", doc=doc)
    result = plan_import(doc, inspection.survey, inspection.layout,
                         [Mapping(column=4, stage="stage-2", metric="csat")],
                         ImportOptions(wave="2026-Q3"))
    apply_import(doc, result)      # or push commands.scores.ImportSurveyCommand
"""

from __future__ import annotations

from journeymapper.io.survey.inspection import (
    ColumnInfo,
    Inspection,
    count_responses,
    inspect_survey,
)
from journeymapper.io.survey.layouts import Column, Layout, detect_layout
from journeymapper.io.survey.plan import (
    QUOTES,
    ImportOptions,
    ImportResult,
    LongMapping,
    Mapping,
    apply_import,
    parse_metric,
    plan_import,
    resolve_column,
    resolve_stage,
    resolve_target,
)
from journeymapper.io.survey.reading import Cancelled, SurveyFile, open_survey

__all__ = [
    "QUOTES", "Cancelled", "Column", "ColumnInfo", "ImportOptions", "ImportResult", "Inspection",
    "Layout", "LongMapping", "Mapping", "SurveyFile", "apply_import", "count_responses",
    "detect_layout", "inspect_survey", "open_survey", "parse_metric", "plan_import",
    "resolve_column", "resolve_stage", "resolve_target",
]
