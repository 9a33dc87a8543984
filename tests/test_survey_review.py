"""Survey exports as a reviewer gets them: timestamp columns in any language,
summary rows under the answers, matrix questions, and refusals that say which
option fixes them. The numbers are worked out by hand from survey_fixtures."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import survey_fixtures as fx
from test_survey_cli import run

from journeymapper.io.survey import count_responses, inspect_survey

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "laptop-store.jmap"


@pytest.fixture
def map_path(tmp_path: Path) -> Path:
    """The laptop store map (Awareness, Consideration, Purchase, Retention, Advocacy)."""
    path = tmp_path / "laptops.jmap"
    shutil.copy(EXAMPLE, path)
    return path


def columns(path: Path) -> dict[str, dict]:
    inspection = inspect_survey(path)
    count_responses(inspection)
    return {c.column.header: {"role": c.column.role, "metric": c.metric} for c in
            inspection.columns}


@pytest.mark.parametrize("make, stamps, has_quotes", [
    (lambda f: fx.microsoft_forms(f, "en"), ["Start time", "Completion time"], True),
    (lambda f: fx.microsoft_forms(f, "de"), ["Startzeit", "Fertigstellungszeit"], True),
    (fx.korean_with_summary, ["응답일시"], True),
    (fx.summary_rows, ["Submitted"], False),
    (fx.typeform, ["Start Date (UTC)", "Submit Date (UTC)"], False),
    (fx.google_forms_ko, ["타임스탬프"], True),
])
def test_timestamp_columns_are_metadata_never_quotes(tmp_path, make, stamps, has_quotes):
    found = columns(make(tmp_path))
    for header in stamps:
        assert found[header] == {"role": "meta", "metric": None}, header
    # the open question next to them is still offered as quotes
    assert ("quotes" in [c["metric"] for c in found.values()]) == has_quotes


def test_a_german_timestamp_column_does_not_make_a_file_google_forms(tmp_path):
    inspection = inspect_survey(fx.microsoft_forms(tmp_path, "de"))
    assert inspection.layout.label == "Table with one header row"
    german_google = fx.write_csv(tmp_path / "de-google.csv", [
        ["Zeitstempel", "Wie zufrieden waren Sie?"],
        ["05.10.2026 09:12:00", "5"], ["05.10.2026 09:13:00", "4"]])
    assert inspect_survey(german_google).layout.label == "Google Forms"


@pytest.mark.parametrize("make, rated", [
    (fx.summary_rows, {"#3": ("csat", 57.142857142857146), "#4": ("nps", 14.285714285714286)}),
    (fx.korean_with_summary, {"#3": ("csat", 57.142857142857146),
                              "#4": ("nps", 14.285714285714286), "#5": ("ces", 16 / 6)}),
])
def test_summary_rows_at_the_bottom_are_not_responses(capsys, tmp_path, map_path, make, rated):
    survey = make(tmp_path)
    code, out, _ = run(capsys, "survey", "inspect", survey, "--json")
    assert code == 0 and json.loads(out)["responses"] == 7
    stage = {"csat": "Purchase", "nps": "Advocacy", "ces": "Retention"}
    specs = [f"{ref}={stage[metric]}:{metric}" for ref, (metric, _) in rated.items()]
    code, out, err = run(capsys, "survey", "import", map_path, survey, *sum(
        (["--column", s] for s in specs), []), "--wave", "2026-Q3")
    assert code == 0, err
    assert "7 responses" in out
    notes = [line for line in out.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and re.fullmatch(                # nothing skipped, nothing unknown
        r"note: [23] summary rows under the answers \((Average, Count, Total|평균, 합계)\) "
        r"are not responses; not counted", notes[0]), notes
    code, out, _ = run(capsys, "scores", map_path, "--json")
    scores = {s["metric"]: s for s in json.loads(out)}
    for metric, value in rated.values():
        assert scores[metric]["value"] == pytest.approx(value)
        assert (scores[metric]["n"], scores[metric]["skipped"]) == (7 - (metric == "ces"), 0)


def test_a_summary_word_in_the_middle_is_an_answer(tmp_path):
    """Only the rows under the last response are a summary."""
    path = fx.write_csv(tmp_path / "total-in-middle.csv", [
        ["Respondent", "How satisfied were you?"], ["Total", "5"], ["r2", "4"], ["r3", "3"]])
    assert count_responses(inspect_survey(path)) == 3


def test_matrix_columns_show_their_row_in_inspect(capsys, tmp_path):
    code, out, _ = run(capsys, "survey", "inspect", fx.surveymonkey_matrix(tmp_path))
    assert code == 0
    lines = {m.group(1): m.group(2) for m in re.finditer(r"^\s+(#\d+)\s+(.*)$", out, re.M)}
    for ref, row in (("#6", "Browsing"), ("#7", "Search"), ("#8", "Filters")):
        assert f"- {row}" in lines[ref], lines[ref]
        assert lines[ref].startswith("How easy was it to find")
    code, out, _ = run(capsys, "survey", "inspect", fx.surveymonkey_matrix(tmp_path), "--json")
    matrix = [c for c in json.loads(out)["columns"] if c["row"]]
    assert [(c["ref"], c["question"], c["row"]) for c in matrix] == [
        ("#6", fx.MATRIX_QUESTION, "Browsing"), ("#7", fx.MATRIX_QUESTION, "Search"),
        ("#8", fx.MATRIX_QUESTION, "Filters")]


def test_a_matrix_question_without_its_row_is_ambiguous(capsys, tmp_path, map_path):
    survey = fx.surveymonkey_matrix(tmp_path)
    before = map_path.read_bytes()
    code, _, err = run(capsys, "survey", "import", map_path, survey,
                       "--column", f"{fx.MATRIX_QUESTION}=Purchase:ces")
    assert code == 1 and map_path.read_bytes() == before
    assert err.strip() == (
        f"journeymapper: surveymonkey-matrix.csv: header rows 1-2: column "
        f"{fx.MATRIX_QUESTION!r} is a matrix question with 3 rows (#6 Browsing, #7 Search, "
        f"#8 Filters); expected one of them, e.g. '{fx.MATRIX_QUESTION} - Browsing' or #6")
    code, out, err = run(capsys, "survey", "import", map_path, survey, "--column",
                         f"{fx.MATRIX_QUESTION} - Search=Purchase:ces", "--wave", "w")
    assert code == 0, err
    assert "CES" in out and "n=7" in out


def test_duplicate_headers_are_still_ambiguous(capsys, tmp_path, map_path):
    survey = fx.write_csv(tmp_path / "dup.csv", [["id", "Rating", "Rating"], ["1", "4", "5"]])
    code, _, err = run(capsys, "survey", "import", map_path, survey, "--column",
                       "Rating=Purchase:csat")
    assert code == 1 and "column 'Rating' is ambiguous (#2, #3); expected one column: use #N" \
        in err


def test_unknown_labels_refusal_names_the_label_option(capsys, tmp_path, map_path):
    survey = fx.write_csv(tmp_path / "words.csv", [
        ["id", "How satisfied were you?"], ["1", "Kinda happy"], ["2", "Meh"]])
    code, _, err = run(capsys, "survey", "import", map_path, survey, "--column",
                       "#2=Purchase:csat")
    assert code == 1
    assert "no valid CSAT answers; e.g. 'Kinda happy'" in err
    assert "--label 'TEXT=NUMBER'" in err and err.count("\n") == 1


def test_ces_agreement_labels_refusal_names_the_ces_scale_option(capsys, tmp_path, map_path):
    survey = fx.qualtrics_agreement(tmp_path)
    code, _, err = run(capsys, "survey", "import", map_path, survey, "--column",
                       "Q7=Purchase:ces")
    assert code == 1 and err.count("\n") == 1
    assert "agreement labels" in err and "--ces-scale high-is-easy" in err
    code, out, err = run(capsys, "survey", "import", map_path, survey, "--column",
                         "Q7=Purchase:ces", "--ces-scale", "high-is-easy", "--wave", "w")
    assert code == 0, err
    # 7 + 6 + 5 + 7 + 2 + 6 + 4 = 37 over 7 answers
    scores = json.loads(run(capsys, "scores", map_path, "--json")[1])
    assert scores[0]["value"] == pytest.approx(37 / 7)
