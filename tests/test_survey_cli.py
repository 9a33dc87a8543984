"""`survey inspect`, `survey import` and `scores` from the command line:
the numbers (worked out by hand), the waves, and every refusal."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import survey_fixtures as fx

from journeymapper.cli import main
from journeymapper.io import jmap
from journeymapper.model import Kind
from journeymapper.templates import new_from_template


@pytest.fixture
def map_path(tmp_path: Path) -> Path:
    path = tmp_path / "shop.jmap"
    jmap.save(new_from_template("ecommerce"), path, backup=False)
    return path


@pytest.fixture
def ko_map(tmp_path: Path) -> Path:
    path = tmp_path / "쇼핑.jmap"
    jmap.save(new_from_template("ecommerce-ko"), path, backup=False)
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def scores(capsys, path: Path, *extra: str) -> list[dict]:
    code, out, _ = run(capsys, "scores", path, "--json", *extra)
    assert code == 0
    return json.loads(out)


def by_metric(rows: list[dict]) -> dict[str, dict]:
    return {f"{r['stage']}:{r['metric']}": r for r in rows}


def test_inspect_reports_layout_columns_and_count(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "survey", "inspect", fx.qualtrics(tmp_path), "--json")
    info = json.loads(out)
    assert code == 0
    assert (info["layout"], info["header_rows"], info["responses"]) == ("qualtrics", 3, 7)
    assert info["encoding"] == "UTF-8"
    q1 = next(c for c in info["columns"] if c["id"] == "Q1")
    assert (q1["ref"], q1["metric"]) == ("#9", "csat")
    code, out, _ = run(capsys, "survey", "inspect", fx.surveymonkey(tmp_path))
    assert "layout: SurveyMonkey (2 header rows); responses: 7" in out
    assert "-> CSAT" in out and "-> quotes" in out


def test_google_forms_korean_cp949_import(capsys, ko_map: Path, tmp_path: Path) -> None:
    survey = fx.google_forms_ko(tmp_path, "cp949", "설문.csv")
    code, out, err = run(capsys, "survey", "import", ko_map, survey,
                         "--column", "#2=구매:csat",
                         "--column", "친구에게 추천할 가능성은 얼마나 되나요?=구매:nps",
                         "--column", "주문하기가 얼마나 쉬웠나요?=구매:CES",
                         "--quotes", "#5=구매", "--wave", "2026-Q3")
    assert (code, err) == (0, "")
    assert "CP949 (Korean)" in out and "구매" in out
    rows = by_metric(scores(capsys, ko_map))
    # CSAT 5,4,4,3,2,5,1 -> 4 of 7 are 4 or 5
    assert rows["구매:csat"]["value"] == pytest.approx(400 / 7)
    assert (rows["구매:csat"]["n"], rows["구매:csat"]["skipped"]) == (7, 0)
    # NPS 10,9,8,7,6,0,10 -> 3 promoters, 2 detractors of 7
    nps = rows["구매:nps"]
    assert nps["value"] == pytest.approx(100 / 7)
    assert (nps["promoters"], nps["passives"], nps["detractors"]) == (3, 2, 2)
    # CES 1,2,2,3,7,1 and a blank cell -> 16 / 6, the blank is no answer
    ces = rows["구매:ces"]
    assert (ces["value"], ces["n"], ces["skipped"]) == (pytest.approx(16 / 6), 6, 0)
    assert ces["better"] == "lower" and ces["scale"]["direction"] == "low-is-easy"
    assert all(r["wave"] == "2026-Q3" and r["low_confidence"] for r in rows.values())
    doc = jmap.load(ko_map).document
    thought_lane = doc.lane_for_kind(Kind.THOUGHT).id
    thoughts = [e.text for e in doc.cell(doc.stage_by_name("구매").id, thought_lane)]
    # four distinct answers: the duplicate and "없음" are dropped
    assert thoughts == ["\u201c배송이 빨라서 좋았어요\u201d", "\u201c결제 단계가, 너무 길어요\u201d",
                        "\u201c쿠폰 적용이 어려웠습니다\u201d", "\u201c앱이 자주 멈춰요\u201d"]


def test_surveymonkey_labels_and_unknown_label_note(capsys, map_path: Path,
                                                    tmp_path: Path) -> None:
    code, out, _ = run(capsys, "survey", "import", map_path, fx.surveymonkey(tmp_path),
                       "--column", "How satisfied were you with Checkout?=Purchase:csat",
                       "--column", "#7=consideration:ces", "--column", "#9=Advocacy:nps",
                       "--wave", "W1")
    assert code == 0
    assert "'Kinda ok' (1)" in out and "--label" in out
    rows = by_metric(scores(capsys, map_path))
    # Very satisfied, Satisfied, Neutral, Dissatisfied, Very satisfied -> 3 of 5;
    # "Kinda ok" is skipped, the blank cell is no answer
    assert (rows["Purchase:csat"]["value"], rows["Purchase:csat"]["n"],
            rows["Purchase:csat"]["skipped"]) == (60.0, 5, 1)
    # Very easy 1, Easy 2, Somewhat difficult 5, Very difficult 7, Easy 2, Easy 2, Neither 4
    assert rows["Consideration:ces"]["value"] == pytest.approx(23 / 7)
    # "10 - Extremely likely", 9, "0 - Not at all likely", 7, 8, 6, 10: 3 promoters, 2 detractors
    assert rows["Advocacy:nps"]["value"] == pytest.approx(100 / 7)
    # mapping the unknown label counts it: 4 of 6
    code, _, _ = run(capsys, "survey", "import", map_path, fx.surveymonkey(tmp_path),
                     "--column", "#6=Purchase:csat", "--label", "Kinda ok=4", "--wave", "W1")
    assert code == 0
    again = by_metric(scores(capsys, map_path, "--wave", "W1"))
    assert (again["Purchase:csat"]["value"], again["Purchase:csat"]["n"]) == (
        pytest.approx(400 / 6), 6)


def test_qualtrics_ids_partial_and_high_is_easy(capsys, map_path: Path, tmp_path: Path) -> None:
    out_path = tmp_path / "out.jmap"
    before = map_path.read_bytes()
    code, out, _ = run(capsys, "survey", "import", map_path, fx.qualtrics(tmp_path),
                       "--column", "Q1=Purchase:csat", "--column", "Q3=Advocacy:nps",
                       "--column", "Q4=Retention:ces", "--ces-scale", "high-is-easy",
                       "--wave", "2026-Q4", "-o", out_path)
    assert code == 0
    assert "2 of 7 responses are partial" in out
    assert map_path.read_bytes() == before  # -o leaves MAP alone
    rows = by_metric(scores(capsys, out_path))
    ces = rows["Retention:ces"]
    # stored as answered (16 / 6), with the direction and that higher is better
    assert ces["value"] == pytest.approx(16 / 6)
    assert ces["better"] == "higher" and ces["scale"]["direction"] == "high-is-easy"
    assert rows["Purchase:csat"]["source"]["column_id"] == "Q1"


def test_typeform_and_long_table(capsys, map_path: Path, tmp_path: Path) -> None:
    code, _, _ = run(capsys, "survey", "import", map_path, fx.typeform(tmp_path),
                     "--column", "How satisfied are you with our delivery?=Retention:csat",
                     "--wave", "TF")
    assert code == 0
    code, _, _ = run(capsys, "survey", "import", map_path, fx.long_table(tmp_path),
                     "--stage-column", "stage", "--score-column", "score",
                     "--metric-column", "metric", "--wave", "LONG")
    assert code == 0
    rows = by_metric(scores(capsys, map_path, "--wave", "LONG"))
    assert rows["Purchase:csat"]["value"] == pytest.approx(400 / 7)
    assert rows["Awareness:nps"]["value"] == pytest.approx(100 / 7)
    # decimal commas: "2,0" "3,0" 4 "1,5" 7 -> 1,5 is no whole number; (2+3+4+7)/4
    ces = rows["Purchase:ces"]
    assert (ces["value"], ces["n"], ces["skipped"]) == (4.0, 4, 1)
    assert by_metric(scores(capsys, map_path, "--wave", "TF"))["Retention:csat"]["value"] == \
        pytest.approx(400 / 7)


def test_xlsx_sheet_and_custom_mean(capsys, map_path: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "survey", "import", map_path, fx.xlsx(tmp_path),
                       "--sheet", "Responses", "--column", "#2=Purchase:csat",
                       "--column", "#3=Purchase:mean:0-10", "--wave", "X")
    assert (code, err) == (0, "")
    rows = by_metric(scores(capsys, map_path))
    assert rows["Purchase:csat"]["value"] == pytest.approx(400 / 7)
    # 10+9+8+7+6+0+10 = 50 over 7
    assert rows["Purchase:mean"]["value"] == pytest.approx(50 / 7)
    assert rows["Purchase:mean"]["scale"]["min"] == 0


def test_waves_accumulate_and_reimport_replaces(capsys, map_path: Path, tmp_path: Path) -> None:
    survey = fx.google_forms_en(tmp_path)
    spec = "How satisfied were you with Checkout?=Purchase:csat"
    for wave in ("2026-Q1", "2026-Q2", "2026-Q1"):
        assert run(capsys, "survey", "import", map_path, survey, "--column", spec,
                   "--wave", wave)[0] == 0
    rows = scores(capsys, map_path)
    assert [r["wave"] for r in rows] == ["2026-Q1", "2026-Q2"]
    code, out, _ = run(capsys, "scores", map_path)
    assert code == 0 and "57.1%" in out and "2026-Q2" in out


def test_default_wave_is_the_import_date(capsys, map_path: Path, tmp_path: Path) -> None:
    import datetime as dt

    run(capsys, "survey", "import", map_path, fx.typeform(tmp_path), "--column", "#2=Purchase:csat")
    (row,) = scores(capsys, map_path)
    assert row["wave"] == dt.date.today().isoformat()


@pytest.mark.parametrize("case,args,message", [
    ("empty", ["--column", "#2=Purchase:csat"], r"empty.csv: the file is empty"),
    ("header_only", ["--column", "#2=Purchase:csat"],
     r"header-only.csv: row 2: no responses after the header row; expected"),
    ("binary", ["--column", "#2=Purchase:csat"], r"junk.csv: not a CSV or XLSX file"),
    ("unterminated", ["--column", "#2=Purchase:csat"],
     r"unterminated.csv: row 3 \(line 3\): unterminated quote"),
    ("google", ["--column", "Nope=Purchase:csat"],
     r"google-en.csv: row 1: no column 'Nope'; expected a header text or #1..#5"),
    ("google", ["--column", "#9=Purchase:csat"], r"google-en.csv: row 1: no column #9; "
                                                  r"expected #1..#5"),
    ("google", ["--column", "#3=Nowhere:csat"], r"shop.jmap: no stage 'Nowhere'; expected a "
                                                 r"stage name \(Awareness, Consideration"),
    ("google", ["--column", "#3=Purchase:stars"], r"--column '#3=Purchase:stars': no metric "
                                                   r"'stars'; expected csat, nps, ces"),
    ("google", ["--column", "#3=Purchase:mean"], r"a mean needs its scale"),
    ("google", ["--column", "#2=Purchase:csat"],
     r"google-en.csv: column #2 'Email Address': no valid CSAT answers; e.g. "),
    ("google", ["--column", "#3"], r"--column '#3': expected COLUMN=STAGE:METRIC"),
    ("google", ["--stage-column", "stage", "--score-column", "#3", "--metric", "csat"],
     r"google-en.csv: row 1: no column 'stage'"),
    ("long", ["--stage-column", "stage", "--score-column", "score", "--metric", "bogus"],
     r"--metric 'bogus': no metric 'bogus'"),
    ("google", [], r"nothing to import"),
])
def test_refused_imports_exit_1_with_one_line_and_leave_map(
        capsys, map_path: Path, tmp_path: Path, case: str, args: list[str], message: str) -> None:
    files = fx.bad_files(tmp_path)
    files["google"] = fx.google_forms_en(tmp_path)
    files["long"] = fx.long_table(tmp_path)
    before = map_path.read_bytes()
    out_path = tmp_path / "out.jmap"
    code, out, err = run(capsys, "survey", "import", map_path, files[case], *args,
                         "-o", out_path)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("journeymapper: ")
    assert re.search(message, err), err
    assert map_path.read_bytes() == before and not out_path.exists()
    # in place too: the map is untouched, no temp files are left behind
    code, _, err2 = run(capsys, "survey", "import", map_path, files[case], *args)
    assert code == 1 and map_path.read_bytes() == before
    assert sorted(p.name for p in map_path.parent.iterdir() if p.name.startswith(".")) == []


def test_long_table_unknown_stage_names_row(capsys, map_path: Path, tmp_path: Path) -> None:
    path = fx.write_csv(tmp_path / "t.csv", [["respondent", "stage", "metric", "score"],
                                             ["r1", "Purchase", "csat", "5"],
                                             ["r2", "Checkout", "csat", "4"]])
    code, _, err = run(capsys, "survey", "import", map_path, path, "--stage-column", "stage",
                       "--score-column", "score", "--metric-column", "metric")
    assert code == 1
    assert "t.csv: row 3, column #2 'stage': 'Checkout' is not a stage of the map" in err


def test_scores_unknown_wave(capsys, map_path: Path) -> None:
    code, _, err = run(capsys, "scores", map_path, "--wave", "nope", "--json")
    assert code == 1 and "no wave 'nope'" in err


def test_inspect_with_a_map_guesses_stages(capsys, ko_map: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "survey", "inspect", fx.google_forms_ko(tmp_path),
                       "--map", ko_map, "--json")
    columns = json.loads(out)["columns"]
    assert code == 0
    assert [(c["metric"], c["stage"]) for c in columns] == [
        (None, None), ("csat", "구매"), ("nps", None), ("ces", None), ("quotes", "구매")]
    code, out, _ = run(capsys, "survey", "inspect", fx.google_forms_ko(tmp_path), "--map", ko_map)
    assert "-> CSAT @ 구매" in out and "-> NPS @ (no stage)" in out


def test_quotes_only_adds_cards_but_no_wave(capsys, map_path: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "survey", "import", map_path, fx.surveymonkey(tmp_path),
                       "--quotes", "What could we improve?=Retention", "--quote-cap", "2")
    assert code == 0 and "added 2 quotes" in out
    doc = jmap.load(map_path).document
    assert doc.waves == () and doc.scores() == []
    lane = doc.lane_for_kind(Kind.THOUGHT).id
    texts = [e.text for e in doc.cell(doc.stage_by_name("Retention").id, lane)]
    # first-seen order; "faster delivery" repeats "Faster delivery"
    assert texts == ["\u201cFaster delivery\u201d", "\u201cMore payment options\u201d"]
    # importing again adds only the answer not on the map yet ("n/a" is no answer)
    run(capsys, "survey", "import", map_path, fx.surveymonkey(tmp_path),
        "--quotes", "What could we improve?=Retention", "--quote-cap", "2")
    doc = jmap.load(map_path).document
    texts = [e.text for e in doc.cell(doc.stage_by_name("Retention").id, lane)]
    assert texts[2:] == ["\u201cCheaper shipping\u201d"]


def test_scores_for_a_touchpoint(capsys, tmp_path: Path) -> None:
    doc = new_from_template("ecommerce")
    purchase = doc.stage_by_name("Purchase").id
    lane = doc.lane_for_kind(Kind.TOUCHPOINT).id
    checkout = doc.add_card(Kind.TOUCHPOINT, purchase, lane, "Checkout page")
    path = tmp_path / "tp.jmap"
    jmap.save(doc, path, backup=False)
    code, out, _ = run(capsys, "survey", "import", path, fx.google_forms_en(tmp_path),
                       "--column", "#3=checkout page:csat", "--wave", "W")
    assert code == 0 and "Purchase / Checkout page" in out
    (row,) = scores(capsys, path)
    assert (row["stage"], row["touchpoint"], row["touchpoint_name"]) == (
        "Purchase", checkout, "Checkout page")
    assert row["value"] == pytest.approx(400 / 7)


def test_output_onto_the_survey_file_is_refused(capsys, map_path: Path, tmp_path: Path) -> None:
    """'-o export.csv' would replace the survey export with the map."""
    survey = fx.google_forms_en(tmp_path)
    before = survey.read_bytes(), map_path.read_bytes()
    code, out, err = run(capsys, "survey", "import", map_path, survey,
                         "--column", "#2=Purchase:csat", "-o", survey)
    assert code == 1 and out == ""
    assert err.strip() == (f"journeymapper: {survey}: is the survey export being read; "
                           "expected -o to name the .jmap file to write")
    assert (survey.read_bytes(), map_path.read_bytes()) == before


def test_stage_names_exact_first_then_ambiguous_case_is_refused(capsys, tmp_path: Path) -> None:
    """'purchase' means the stage spelled so, not the first of 'Purchase' / 'purchase ';
    'PURCHASE' matches both only by case and is refused; NFD Hangul finds NFC '구매'."""
    import unicodedata

    from journeymapper.model import JourneyMap

    doc = JourneyMap.with_default_lanes("twins")
    upper, lower, korean = doc.add_stage("Purchase"), doc.add_stage("purchase "), doc.add_stage("구매")
    path = tmp_path / "twins.jmap"
    jmap.save(doc, path, backup=False)
    survey = fx.google_forms_en(tmp_path)
    nfd = unicodedata.normalize("NFD", "구매")
    code, _, err = run(capsys, "survey", "import", path, survey, "--wave", "w",
                       "--column", "#3=purchase:csat", "--column", "#4=Purchase:nps")
    assert code == 0, err
    code, _, err = run(capsys, "survey", "import", path, survey, "--wave", "w2",
                       "--column", f"#3={nfd}:csat")
    assert code == 0, err
    placed = {(s["wave"], s["metric"]): s["stage_id"] for s in scores(capsys, path)}
    assert placed == {("w", "csat"): lower, ("w", "nps"): upper, ("w2", "csat"): korean}
    before = path.read_bytes()
    code, _, err = run(capsys, "survey", "import", path, survey, "--column", "#3=PURCHASE:csat")
    assert code == 1
    assert err.strip() == (f"journeymapper: {path}: stage 'PURCHASE' is ambiguous: "
                           f"{upper} 'Purchase', {lower} 'purchase '; expected a stage id "
                           "or the exact name")
    assert path.read_bytes() == before


def test_column_header_as_inspect_prints_it(capsys, map_path: Path, tmp_path: Path) -> None:
    """'survey inspect' shows headers with their runs of spaces and line breaks folded;
    that text, or the header in decomposed Hangul, names the column too."""
    import unicodedata

    survey = tmp_path / "spaced.csv"
    survey.write_text('id,"How satisfied   were you\nwith checkout? ",만족도\n'
                      "1,5,4\n2,4,5\n3,2,1\n", encoding="utf-8")
    code, out, _ = run(capsys, "survey", "inspect", survey)
    assert code == 0 and "How satisfied were you with checkout?" in out
    nfd = unicodedata.normalize("NFD", "만족도")
    code, out, err = run(capsys, "survey", "import", map_path, survey, "--wave", "w",
                         "--column", "How satisfied were you with checkout?=Purchase:csat",
                         "--column", f"{nfd}=Retention:csat")
    assert code == 0, err
    values = {s["stage"]: round(s["value"], 1) for s in scores(capsys, map_path)}
    assert values == {"Purchase": 66.7, "Retention": 66.7}


def test_one_label_given_two_numbers_is_refused(capsys, map_path: Path, tmp_path: Path) -> None:
    survey = fx.google_forms_en(tmp_path)
    before = map_path.read_bytes()
    code, _, err = run(capsys, "survey", "import", map_path, survey, "--column", "#3=Purchase:csat",
                       "--label", "Kinda ok=4", "--label", " kinda OK =2")
    assert code == 1
    assert err.strip() == ("journeymapper: --label ' kinda OK =2': 'kinda OK' is mapped to 4 "
                           "already; expected one number per label")
    assert map_path.read_bytes() == before
    code, _, err = run(capsys, "survey", "import", map_path, survey, "--column", "#3=Purchase:csat",
                       "--label", "Kinda ok=4", "--label", "kinda ok=4.0")
    assert code == 0, err


def test_a_map_with_problems_is_not_rewritten_by_an_import(capsys, map_path: Path,
                                                           tmp_path: Path) -> None:
    """Loading repairs problems (drops a broken link); saving that in place would lose
    the hand-edited part without a word, so the import refuses and names it."""
    root = json.loads(map_path.read_text(encoding="utf-8"))
    root["links"].append({"source": root["stages"][0], "target": "ghost-1", "kind": "leads_to"})
    map_path.write_text(json.dumps(root), encoding="utf-8")
    before = map_path.read_bytes()
    code, out, err = run(capsys, "survey", "import", map_path, fx.google_forms_en(tmp_path),
                         "--column", "#3=Purchase:csat")
    assert code == 1 and out == ""
    assert err.strip().startswith(f"journeymapper: {map_path}: links[")
    assert "ghost-1" in err and len(err.strip().splitlines()) == 1
    assert map_path.read_bytes() == before


def test_stage_name_holding_equals_sign_gets_a_hint(capsys, tmp_path: Path) -> None:
    """The spec splits at its last '=', so 'Pay=Now' cannot be named; say to use the id."""
    from journeymapper.model import JourneyMap

    doc = JourneyMap.with_default_lanes("eq")
    stage = doc.add_stage("Pay=Now")
    path = tmp_path / "eq.jmap"
    jmap.save(doc, path, backup=False)
    survey = fx.google_forms_en(tmp_path)
    code, _, err = run(capsys, "survey", "import", path, survey, "--column", "#3=Pay=Now:csat")
    assert code == 1
    assert err.strip().endswith(f"(the spec splits at its last '='; name a stage holding '=' "
                                f"by its id, such as {stage})")
    code, _, err = run(capsys, "survey", "import", path, survey, "--column", f"#3={stage}:csat")
    assert code == 0, err


def test_wave_date_is_the_survey_date(capsys, map_path: Path, tmp_path: Path) -> None:
    """--wave-date dates a new wave, and re-dates a wave the map has."""
    survey = fx.typeform(tmp_path)
    args = ("survey", "import", str(map_path), str(survey), "--column", "#2=Purchase:csat",
            "--wave", "2026-Q3")
    assert run(capsys, *args, "--wave-date", "2026-09-30")[0] == 0
    assert [(w.label, w.date) for w in jmap.load(map_path).document.waves] == \
        [("2026-Q3", "2026-09-30")]
    assert run(capsys, *args, "--wave-date", "2026-10-02")[0] == 0
    assert [(w.label, w.date) for w in jmap.load(map_path).document.waves] == \
        [("2026-Q3", "2026-10-02")]
    code, _, err = run(capsys, *args, "--wave-date", "2026-02-30")
    assert code == 1 and "--wave-date '2026-02-30': expected a date YYYY-MM-DD" in err
