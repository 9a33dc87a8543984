"""Reading survey exports as tools write them: encodings, delimiters,
quoting, layouts, labels and column suggestions (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
import survey_fixtures as fx

from journeymapper.io.survey import count_responses, inspect_survey, open_survey
from journeymapper.io.survey.labels import label_value, parse_number
from journeymapper.model.errors import SurveyError
from journeymapper.templates import new_from_template


def headers(path: Path, **kw) -> list[str]:
    return [c.column.header for c in inspect_survey(path, **kw).columns]


@pytest.mark.parametrize("make,encoding,delimiter", [
    (fx.google_forms_ko, "utf-8", ","),
    (fx.google_forms_en, "utf-8-sig", ","),
    (fx.cp1252_semicolon, "cp1252", ";"),
    (fx.utf16_tab, "utf-16", "\t"),
    (fx.long_table, "utf-8", ";"),
])
def test_encoding_and_delimiter_detected(tmp_path: Path, make, encoding, delimiter) -> None:
    survey = open_survey(make(tmp_path))
    assert (survey.encoding, survey.delimiter) == (encoding, delimiter)


def test_cp949_korean_file_reads_hangul(tmp_path: Path) -> None:
    path = fx.google_forms_ko(tmp_path, "cp949", "ko949.csv")
    path.read_bytes().decode("cp949")  # really CP949 bytes
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    inspection = inspect_survey(path)
    assert inspection.survey.encoding == "cp949"
    assert inspection.layout.name == "google-forms"
    assert inspection.columns[1].column.header == "구매 과정에 얼마나 만족하셨나요?"
    assert inspection.preview[0][0] == "2026. 10. 1. 오전 9:11:00"


def test_quoted_commas_and_newlines_and_bom(tmp_path: Path) -> None:
    inspection = inspect_survey(fx.google_forms_en(tmp_path))
    assert inspection.columns[0].column.header == "Timestamp"  # BOM stripped
    notes = [row[4] for row in inspection.preview]
    assert notes[0] == "Fast, simple"
    assert notes[1] == "Line one\nline two"
    assert notes[4] == 'Too slow, "really"'
    assert count_responses(inspection) == 7


@pytest.mark.parametrize("make,layout,header_rows", [
    (fx.google_forms_ko, "google-forms", 1),
    (fx.surveymonkey, "surveymonkey", 2),
    (fx.qualtrics, "qualtrics", 3),
    (fx.typeform, "typeform", 1),
    (fx.long_table, "long", 1),
    (fx.utf16_tab, "generic", 1),
])
def test_layouts_detected(tmp_path: Path, make, layout, header_rows) -> None:
    inspection = inspect_survey(make(tmp_path))
    assert (inspection.layout.name, inspection.layout.header_rows) == (layout, header_rows)
    assert count_responses(inspection) == (19 if layout == "long" else 7)


def test_surveymonkey_columns_and_roles(tmp_path: Path) -> None:
    layout = inspect_survey(fx.surveymonkey(tmp_path)).layout
    roles = {c.header: c.role for c in layout.columns}
    assert roles["Respondent ID"] == roles["IP Address"] == "meta"
    assert roles["What could we improve?"] == "open"
    # the matrix question carries its text to the second option column
    assert layout.columns[6].header == "How easy was it to find products? - Browsing"
    assert layout.columns[7].header == "How easy was it to find products? - Search"


def test_qualtrics_ids_meta_and_finished(tmp_path: Path) -> None:
    layout = inspect_survey(fx.qualtrics(tmp_path)).layout
    by_id = {c.id: c for c in layout.columns}
    assert by_id["Q1"].header == "Overall, how satisfied are you with the purchase?"
    assert by_id["ResponseId"].role == "meta"
    assert by_id["Q3_NPS_GROUP"].role == "derived"
    assert layout.finished_column == by_id["Finished"].index


def test_suggestions_from_header_words_and_stage_names(tmp_path: Path) -> None:
    doc = new_from_template("ecommerce-ko")
    inspection = inspect_survey(fx.google_forms_ko(tmp_path), doc=doc)
    guessed = [(c.metric, doc.element(c.stage).text if c.stage else None)
               for c in inspection.columns]
    assert guessed == [(None, None), ("csat", "구매"), ("nps", None), ("ces", None),
                       ("quotes", "구매")]
    sm = inspect_survey(fx.surveymonkey(tmp_path))
    assert [c.metric for c in sm.columns[5:10]] == ["csat", "ces", "ces", "nps", "quotes"]


def test_xlsx_first_sheet_by_default_and_named_sheet(tmp_path: Path) -> None:
    path = fx.xlsx(tmp_path)
    assert inspect_survey(path).survey.sheet == "Notes"
    inspection = inspect_survey(path, sheet="Responses")
    assert inspection.layout.name == "google-forms"
    assert [row[1:] for row in inspection.preview[:2]] == [["5", "10"], ["4", "9"]]
    with pytest.raises(SurveyError, match=r"answers.xlsx: no sheet 'Missing'; expected one of "
                                          r"'Notes', 'Responses'"):
        inspect_survey(path, sheet="Missing")


def test_numbers_and_labels() -> None:
    assert parse_number("4,5") == 4.5 and parse_number(" 7 ") == 7.0
    assert parse_number("1.234,5") is None and parse_number("five") is None
    assert label_value("Very satisfied", "csat") == 5
    assert label_value("매우 불만족", "csat") == 1
    assert label_value("매우만족", "csat") == 5
    assert label_value("Neutral", "csat") == 3 and label_value("Neutral", "ces") == 4
    assert label_value("Very easy", "ces") == 1
    assert label_value("Very easy", "ces", "high-is-easy") == 7
    assert label_value("0 - Not at all likely", "nps") == 0
    assert label_value("10 - Extremely likely", "nps") == 10
    assert label_value("Strongly agree", "ces", "high-is-easy") == 7
    assert label_value("Somewhat disagree", "ces", "high-is-easy") == 3
    assert label_value("Strongly agree", "ces") is None  # ambiguous with 1 = very easy
    assert label_value("Kinda ok", "csat") is None
    assert label_value("Kinda ok", "csat", overrides={"kindaok": 4}) == 4


@pytest.mark.parametrize("content,expected", [
    (b"", r"empty.csv: the file is empty"),
    (b"\x00\x01\x02junk" * 50, r"not a CSV or XLSX file \(binary data at byte 0\)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, r"old binary Excel"),
    (b"PK\x03\x04not really a zip", r"not a readable XLSX workbook"),
])
def test_unreadable_files(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(SurveyError, match=expected):
        inspect_survey(path)


def test_unterminated_quote_names_its_row(tmp_path: Path) -> None:
    path = fx.bad_files(tmp_path)["unterminated"]
    with pytest.raises(SurveyError, match=r"unterminated.csv: row 3 \(line 3\): unterminated "
                                          r"quote"):
        inspect_survey(path)
    # far down a large file: the head reads fine, the full pass names the row
    lines = ["Timestamp,How satisfied?"] + [f"2026-10-05,{1 + i % 5}" for i in range(2000)]
    lines.insert(1500, '2026-10-05,"4')
    big = tmp_path / "big.csv"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    inspection = inspect_survey(big)
    with pytest.raises(SurveyError, match=r"big.csv: row 1501 \(line 1501\): unterminated"):
        count_responses(inspection)


def _csat_counts(path: Path, column: int = 1) -> tuple[int, dict[str, int]]:
    from journeymapper.io.survey.tally import tally

    inspection = inspect_survey(path)
    counted = tally(inspection.survey, inspection.layout.header_rows, [column])
    return counted.responses, dict(counted.columns[column])


def test_counting_paths_agree_on_ragged_rows_and_blank_lines(tmp_path: Path, monkeypatch) -> None:
    from journeymapper.io.survey import tally as tally_module

    rows = [["Timestamp", "How satisfied?", "Comment"]]
    rows += [[f"t{i}", v, "x"] for i, v in enumerate(fx.CSAT)]
    even = fx.write_csv(tmp_path / "even.csv", rows)
    text = even.read_text(encoding="utf-8")
    # a short row (the trailing cell and its comma missing) and blank lines at the end
    ragged = tmp_path / "ragged.csv"
    ragged.write_text(text + "t7,5\r\nt8\r\n\r\n\r\n", encoding="utf-8")
    expected = {"5": 2, "4": 2, "3": 1, "2": 1, "1": 1}
    assert _csat_counts(even) == (7, expected)
    assert _csat_counts(ragged) == (9, {**expected, "5": 3})
    # the per-column mode (taken when cell tuples are too varied) gives the same counts
    monkeypatch.setattr(tally_module, "MAX_COMBINATIONS", 0)
    monkeypatch.setattr(tally_module, "CHUNK_ROWS", 2)
    assert _csat_counts(even) == (7, expected)
    assert _csat_counts(ragged) == (9, {**expected, "5": 3})


def test_excel_sep_line_and_decimal_commas(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    body = "sep=;\r\nRespondent;Rating (mean 1-10);How satisfied?\r\n" \
           "r1;7,5;5\r\nr2;8,5;4\r\nr3;;2\r\n"
    path.write_bytes(body.encode("cp1252"))
    inspection = inspect_survey(path)
    assert inspection.survey.delimiter == ";" and inspection.survey.sep_line
    assert [c.column.header for c in inspection.columns] == [
        "Respondent", "Rating (mean 1-10)", "How satisfied?"]
    assert count_responses(inspection) == 3
    from journeymapper.io.survey import ImportOptions, Mapping, plan_import

    doc = new_from_template("ecommerce")
    stage = doc.stage_by_name("Purchase").id
    result = plan_import(doc, inspection.survey, inspection.layout,
                         [Mapping(1, stage, "mean", (1.0, 10.0)), Mapping(2, stage, "csat")],
                         ImportOptions(wave="EU"))
    mean, csat = result.scores
    assert (mean.value, mean.n, mean.name) == (8.0, 2, "Rating (mean 1-10)")
    assert (csat.value, csat.n) == (pytest.approx(200 / 3), 3)


def test_surveymonkey_xlsx_two_header_rows(tmp_path: Path) -> None:
    import csv

    import openpyxl

    rows = list(csv.reader(fx.surveymonkey(tmp_path).read_text(encoding="utf-8").splitlines()))
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append([int(c) if c.isdigit() else (c or None) for c in row])
    path = tmp_path / "monkey.xlsx"
    workbook.save(path)
    inspection = inspect_survey(path)
    assert (inspection.layout.name, inspection.layout.header_rows) == ("surveymonkey", 2)
    assert inspection.columns[7].column.header == "How easy was it to find products? - Search"
    assert inspection.preview[0][0] == "114000000"  # an integer cell reads as its digits
    assert count_responses(inspection) == 7


def test_blank_rows_above_the_header_are_skipped(tmp_path: Path) -> None:
    """Hand-made sheets often start a row or two down; the header is the first
    row with text (the empty rows were taken as the header before)."""
    import openpyxl

    from journeymapper.io.survey import ImportOptions, Mapping, plan_import

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([])
    sheet.append([])
    sheet.append(["id", "Satisfaction", "NPS"])
    for row in ([1, 5, 10], [2, 4, 9], [3, 9, 7], [4, 2, 3]):
        sheet.append(row)
    xlsx = tmp_path / "hand.xlsx"
    workbook.save(xlsx)
    csv_path = tmp_path / "hand.csv"
    csv_path.write_text(",,\n,,\nid,Satisfaction,NPS\n1,5,10\n2,4,9\n3,9,7\n4,2,3\n",
                        encoding="utf-8")
    doc = new_from_template("ecommerce")
    purchase = doc.stage_order[2]
    for path in (xlsx, csv_path):
        inspection = inspect_survey(path)
        assert [c.column.header for c in inspection.columns] == ["id", "Satisfaction", "NPS"]
        assert count_responses(inspection) == 4
        result = plan_import(doc, inspection.survey, inspection.layout,
                             [Mapping(1, purchase, "csat")], ImportOptions(wave="w"))
        (score,) = result.scores
        assert (score.value, score.n, score.skipped) == (pytest.approx(200 / 3), 3, 1)
        assert "'9' (1)" in result.notes[0]


@pytest.mark.parametrize("text, metric, value", [
    ("매우 만족함", "csat", 5), ("만족함", "csat", 4), ("불만족함", "csat", 2),
    ("매우 불만족함", "csat", 1), ("보통임", "csat", 3),
    ("5점", "csat", 5), ("10점", "nps", 10), ("0 점", "nps", 0),
    ("Very satisfied (5)", "csat", 5), ("Extremely likely (10)", "nps", 10),
    ("① 매우 불만족", "csat", 1), ("⑤매우 만족", "csat", 5),
])
def test_korean_and_numbered_labels_people_export(text: str, metric: str, value: int) -> None:
    """Korean forms write '만족함' / '5점' / '① ...'; some tools put the number last."""
    assert label_value(text, metric) == value


def test_a_trailing_number_that_is_not_the_rating_is_not_taken() -> None:
    assert label_value("Satisfied with 2 orders", "csat") is None


def test_rows_of_empty_cells_are_no_responses(tmp_path: Path, monkeypatch) -> None:
    """Excel writes ',,' for empty rows below the data, and an XLSX keeps formatted
    empty rows; neither is a respondent."""
    import openpyxl

    from journeymapper.io.survey import tally as tally_module

    csv_path = tmp_path / "excel.csv"
    csv_path.write_text("id,How satisfied?\r\n1,5\r\n2,4\r\n,\r\n3,1\r\n,\r\n,\r\n",
                        encoding="utf-8")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (["id", "How satisfied?"], [1, 5], [2, 4], [None, None], [3, 1]):
        sheet.append(row)
    sheet.cell(row=9, column=2).number_format = "0.0"  # a formatted, empty row
    xlsx = tmp_path / "sheet.xlsx"
    workbook.save(xlsx)
    for path in (csv_path, xlsx):
        assert count_responses(inspect_survey(path)) == 3, path.name
    monkeypatch.setattr(tally_module, "MAX_COMBINATIONS", 0)
    monkeypatch.setattr(tally_module, "CHUNK_ROWS", 2)
    assert count_responses(inspect_survey(csv_path)) == 3
