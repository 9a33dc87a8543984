"""Survey imports, wave renames and deletes as undo steps: undo puts back
exactly the scores, waves and cards that were there before."""

from __future__ import annotations

from pathlib import Path

import pytest
import survey_fixtures as fx

from journeymapper.commands import UndoStack
from journeymapper.commands.scores import DeleteWave, ImportScores, RenameWave
from journeymapper.io.serialize import dumps
from journeymapper.io.survey import ImportOptions, Mapping, inspect_survey, plan_import
from journeymapper.model.events import ScoresChanged
from journeymapper.templates import new_from_template


def plan(doc, path: Path, wave: str, *maps: tuple[int, str, str]):
    inspection = inspect_survey(path)
    mappings = [Mapping(col, doc.stage_by_name(stage).id, metric) for col, stage, metric in maps]
    return plan_import(doc, inspection.survey, inspection.layout, mappings,
                       ImportOptions(wave=wave))


@pytest.fixture
def doc():
    return new_from_template("ecommerce-ko")


def test_import_is_one_undo_step_and_restores_replaced_scores(doc, tmp_path: Path) -> None:
    survey = fx.google_forms_ko(tmp_path)
    stack = UndoStack()
    stack.push(ImportScores(doc, plan(doc, survey, "2026-Q1", (1, "구매", "csat"))))
    stack.push(ImportScores(doc, plan(doc, survey, "2026-Q2", (1, "구매", "csat"),
                                      (2, "구매", "nps"))))
    before = dumps(doc)
    waves_before = doc.waves
    events: list[object] = []
    doc.changes.connect(lambda changes: events.extend(changes.events))
    # re-import Q1 with other columns mapped: replaces the CSAT, adds quotes
    result = plan(doc, survey, "2026-Q1", (1, "구매", "csat"), (2, "인식", "nps"),
                  (4, "구매", "quotes"))
    result.scores[0] = result.scores[0].replace(value=99.0)  # as if the new file said otherwise
    stack.push(ImportScores(doc, result))
    assert stack.count() == 3
    assert doc.score(result.scores[0].key).value == 99.0
    assert len([c for c in result.cards]) == 4 and all(c.id in doc for c in result.cards)
    assert any(isinstance(e, ScoresChanged) for e in events)
    stack.undo()
    assert dumps(doc) == before
    assert doc.waves == waves_before
    assert all(c.id not in doc for c in result.cards)
    stack.redo()
    assert doc.score(result.scores[0].key).value == 99.0
    stack.undo()
    stack.undo()
    stack.undo()
    assert doc.scores() == [] and doc.waves == ()


def test_rename_and_delete_wave_undo(doc, tmp_path: Path) -> None:
    survey = fx.google_forms_ko(tmp_path)
    stack = UndoStack()
    stack.push(ImportScores(doc, plan(doc, survey, "A", (1, "구매", "csat"))))
    stack.push(ImportScores(doc, plan(doc, survey, "B", (2, "구매", "nps"))))
    before = dumps(doc)
    stack.push(RenameWave(doc, "A", "2026-Q1"))
    assert [w.label for w in doc.waves] == ["2026-Q1", "B"]
    assert [s.wave for s in doc.scores()] == ["2026-Q1", "B"]
    stack.push(DeleteWave(doc, "2026-Q1"))
    assert [w.label for w in doc.waves] == ["B"] and len(doc.scores()) == 1
    stack.undo()
    stack.undo()
    assert dumps(doc) == before


def test_imported_scores_survive_save_and_load_byte_for_byte(doc, tmp_path: Path) -> None:
    from journeymapper.io import jmap

    survey = fx.surveymonkey(tmp_path)
    inspection = inspect_survey(survey)
    stage = doc.stage_by_name("구매").id
    result = plan_import(doc, inspection.survey, inspection.layout,
                         [Mapping(5, stage, "csat"), Mapping(8, stage, "nps"),
                          Mapping(6, stage, "ces"), Mapping(9, stage, "quotes")],
                         ImportOptions(wave="2026-Q3", labels={"kindaok": 4.0},
                                       ces_direction="high-is-easy"))
    stack = UndoStack()
    stack.push(ImportScores(doc, result))
    data = dumps(doc)
    loaded = jmap.loads(data, strict=True).document
    assert dumps(loaded) == data
    nps = next(s for s in loaded.scores() if s.metric == "nps")
    assert nps.source["nps_split"] == {"promoters": 3, "passives": 2, "detractors": 2}
    ces = next(s for s in loaded.scores() if s.metric == "ces")
    assert ces.scale["direction"] == "high-is-easy" and ces.higher_is_better
