"""What a survey file holds, before importing it: encoding, layout, header
rows, each column with its role and suggested metric (and stage, given a
map), and the number of responses."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from journeymapper.i18n import N_
from journeymapper.io.survey.layouts import META, Column, Layout, detect_layout
from journeymapper.io.survey.reading import Progress, SurveyFile, open_survey
from journeymapper.io.survey.suggest import (
    ColumnProfile,
    is_timestamp,
    profile,
    suggest_metric,
    suggest_stage,
)
from journeymapper.io.survey.tally import summary_start, tally
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import SurveyError

HEAD_ROWS = 503      # header rows plus a sample of answers
PREVIEW_ROWS = 50


@dataclass
class ColumnInfo:
    column: Column
    profile: ColumnProfile
    metric: str | None = None       # suggested: csat, nps, ces, quotes or None
    stage: str | None = None        # suggested stage id (with a map)

    def as_dict(self, doc: JourneyMap | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ref": self.column.ref, "index": self.column.index + 1, "id": self.column.id,
            "header": self.column.header, "question": self.column.question or None,
            "row": self.column.row or None, "role": self.column.role, "metric": self.metric,
            "answered_in_sample": self.profile.answered, "examples": self.profile.examples,
        }
        if doc is not None:
            out["stage"] = doc.element(self.stage).text if self.stage else None
        return out


@dataclass
class Inspection:
    """A survey file, its layout, a preview and suggestions per column."""

    survey: SurveyFile
    layout: Layout
    columns: list[ColumnInfo]
    preview: list[list[str]] = field(default_factory=list)
    responses: int | None = None     # None until counted

    def as_dict(self, doc: JourneyMap | None = None) -> dict[str, Any]:
        return {
            "file": self.survey.name, "format": self.survey.format,
            "encoding": self.survey.encoding_label if self.survey.format == "csv" else None,
            "delimiter": self.survey.delimiter if self.survey.format == "csv" else None,
            "sheet": self.survey.sheet or None, "layout": self.layout.name,
            "layout_label": self.layout.label, "header_rows": self.layout.header_rows,
            "responses": self.responses,
            "columns": [c.as_dict(doc) for c in self.columns],
        }


def inspect_survey(path: str | os.PathLike[str], sheet: str | None = None,
                   doc: JourneyMap | None = None) -> Inspection:
    """Read the head of a survey file and suggest a mapping (responses not yet counted)."""
    survey = open_survey(path, sheet)
    head = survey.head(HEAD_ROWS)
    if not head or not any(any(c.strip() for c in row) for row in head):
        raise SurveyError(N_("{name}: the file is empty; expected a survey export with a header row"),
                          name=survey.name)
    layout = detect_layout(head)
    data = head[layout.header_rows:]
    if len(head) < HEAD_ROWS:       # the whole file: its summary rows are no answers
        data = data[:summary_start(data)]
    infos = []
    stages = doc.stages() if doc is not None else []
    for column in layout.columns:
        prof = profile([row[column.index] for row in data if column.index < len(row)])
        if is_timestamp(column, prof):
            column.role = META
        info = ColumnInfo(column, prof, suggest_metric(column, prof))
        if info.metric is not None and stages:
            info.stage = suggest_stage(column.header, stages)
        infos.append(info)
    return Inspection(survey, layout, infos, data[:PREVIEW_ROWS])


def count_responses(inspection: Inspection, progress: Progress | None = None) -> int:
    """Count the data rows (one streaming pass) and remember the number."""
    counted = tally(inspection.survey, inspection.layout.header_rows, progress=progress)
    inspection.responses = counted.responses
    return counted.responses
