"""Hostile survey files at the io level: XML bombs and external entities in
every part, lying zip headers, sheets without rows, endless lines, numbers
too large for a float."""

from __future__ import annotations

import io
import os
import threading
import zipfile
from pathlib import Path

import hostile_files as hf
import pytest

from journeymapper.io.survey import count_responses, inspect_survey, open_survey, reading, xlsx
from journeymapper.io.survey.labels import answer_value, parse_number
from journeymapper.io.survey.layouts import Column
from journeymapper.io.survey.plan import parse_metric
from journeymapper.io.survey.suggest import profile, suggest_metric
from journeymapper.model.errors import SurveyError


def refusal(path: Path) -> str:
    with pytest.raises(SurveyError) as info:
        count_responses(inspect_survey(path))
    message = str(info.value)
    assert message.startswith(f"{path.name}: ") and "\n" not in message
    return message


def test_openpyxl_parses_every_part_with_defusedxml():
    xlsx.check_defused()          # raises when openpyxl fell back to the stdlib parser


def test_a_good_workbook_reads(tmp_path):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(hf.xlsx_bytes(hf.plain_sheet(hf.sheet_rows())))
    inspection = inspect_survey(path)
    assert count_responses(inspection) == 7
    assert inspection.survey.sheets == ("Responses",)


@pytest.mark.parametrize("part", ["xl/workbook.xml", "[Content_Types].xml",
                                  "xl/_rels/workbook.xml.rels"])
def test_entity_bombs_in_any_part_are_refused(tmp_path, part):
    good = hf.xlsx_bytes(hf.plain_sheet(hf.sheet_rows()))
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w") as out, zipfile.ZipFile(io.BytesIO(good)) as src:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                text = data.decode()
                head, _, rest = text.partition("?>")
                data = (head + "?>" + hf.BOMB_DTD + rest).encode()
            out.writestr(info, data)
    with pytest.raises(SurveyError) as info:
        open_survey(path)
    assert str(info.value) == (f"bomb.xlsx: {part}: declares XML entities, which are not read "
                               "(an entity-expansion bomb?); expected plain XML")


def test_an_external_dtd_is_never_fetched(tmp_path):
    """A DOCTYPE naming a named pipe as its DTD: reading it would block for ever."""
    fifo = tmp_path / "dtd.fifo"
    os.mkfifo(fifo)
    doctype = f'<!DOCTYPE worksheet SYSTEM "file://{fifo}">'
    path = tmp_path / "dtd.xlsx"
    path.write_bytes(hf.xlsx_bytes(hf.plain_sheet(hf.sheet_rows(), doctype=doctype)))
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(
        count_responses(inspect_survey(path))), daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive() and outcome == [7]


def test_a_part_longer_than_its_header_says_is_refused(tmp_path):
    """zipfile stops at the declared size and checks the CRC: a lie is a one-line error."""
    path = tmp_path / "short.xlsx"
    path.write_bytes(hf.xlsx_bytes(hf.plain_sheet(hf.sheet_rows(50))))
    hf._declare_size(path, "xl/worksheets/sheet1.xml", 300)
    message = refusal(path)
    assert "sheet 'Responses'" in message or "xl/worksheets/sheet1.xml" in message


def test_a_part_declared_larger_than_its_limit_is_refused_before_reading(tmp_path,
                                                                        monkeypatch):
    path = tmp_path / "big.xlsx"
    path.write_bytes(hf.xlsx_bytes(hf.plain_sheet(hf.sheet_rows(3000))))
    monkeypatch.setattr(xlsx, "SHEET_PART_BYTES", 50_000)
    with zipfile.ZipFile(path) as archive:
        declared = archive.getinfo("xl/worksheets/sheet1.xml").file_size
    assert declared > 50_000
    assert f"xl/worksheets/sheet1.xml: {declared:,} bytes once unpacked" in refusal(path)


def test_part_bytes_are_counted_while_they_stream(tmp_path, monkeypatch):
    """zipfile never yields more than the declared size; the count is the second fence."""
    path = tmp_path / "big.xlsx"
    path.write_bytes(hf.xlsx_bytes(hf.plain_sheet(hf.sheet_rows(3000))))
    real = xlsx._GuardedZip.open

    def lax(self, name, mode="r", pwd=None, **kw):
        stream = real(self, name, mode, pwd, **kw)
        stream.part.limit = 50_000          # as if the header had declared less
        return stream

    monkeypatch.setattr(xlsx._GuardedZip, "open", lax)
    assert "more than 50,000 bytes once unpacked" in refusal(path)


def test_a_sheet_without_rows_for_megabytes_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "SHEET_GAP_BYTES", 20_000)
    views = "<sheetViews>" + '<sheetView workbookViewId="0"/>' * 2000 + "</sheetViews>"
    sheet = hf.plain_sheet(hf.sheet_rows(3)).replace("<sheetData>", views + "<sheetData>")
    path = tmp_path / "views.xlsx"
    path.write_bytes(hf.xlsx_bytes(sheet))
    assert "more than 20,000 bytes of XML without a row" in refusal(path)


def test_a_huge_zip_directory_is_refused_before_zipfile_reads_it(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "DIRECTORY_BYTES", 200)
    path = tmp_path / "parts.xlsx"
    path.write_bytes(hf.xlsx_bytes(hf.plain_sheet(hf.sheet_rows())))
    with pytest.raises(SurveyError, match=r"parts\.xlsx: the zip directory holds [\d,]+ bytes"):
        open_survey(path)


def test_a_line_longer_than_the_limit_fails_fast_and_names_the_line(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "LINE_LIMIT", 10_000)
    path = tmp_path / "long.csv"
    path.write_bytes(b"Respondent,How satisfied?\r\n" + b"r1,5\r\n" * 3000 + b"r2," + b"9" * 20_000
                     + b"\r\nr3,4\r\n")
    assert "line 3,002: longer than 10,000 bytes" in refusal(path)


def test_old_mac_line_endings_are_lines_too(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "LINE_LIMIT", 10_000)
    path = tmp_path / "mac.csv"
    path.write_bytes(b"Respondent,How satisfied?\r" + b"r1,5\r" * 5000)
    assert count_responses(inspect_survey(path)) == 5000


def test_blocks_hold_a_bounded_number_of_bytes(tmp_path):
    path = tmp_path / "wide.csv"
    row = ",".join(["1"] * 200_000) + "\r\n"             # 400 kB a row, 200,000 cells
    path.write_bytes((("Respondent," + row) + row * 30).encode())
    survey = open_survey(path)
    sizes = [len(block) for block in survey.blocks(block_rows=4096)]
    assert sum(sizes) == 31 and max(sizes) <= reading.BLOCK_BYTES // 400_000 + 2


def test_numbers_too_large_for_a_float_are_invalid_answers_not_crashes():
    big = "9" * 400
    assert parse_number(big) is None
    assert answer_value(big, "csat") == (float("inf"), False)
    column = Column(1, "How satisfied?")
    prof = profile([big, "5", big])
    assert suggest_metric(column, prof) in ("csat", None)
    with pytest.raises(ValueError, match="numbers a float can hold"):
        parse_metric("mean:1-" + "9" * 400)
