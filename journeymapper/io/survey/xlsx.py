"""XLSX survey exports, read through openpyxl with every part bounded.

An .xlsx file is a zip of XML parts, and each layer can be made to explode:
a zip whose central directory lists millions of parts, a part that inflates
from kilobytes to gigabytes, XML that declares entities (the "billion laughs"
bomb, or an external entity naming a local file), a sheet that declares
A1:XFD1048576, a row numbered 99,999,999, rows padded to column XFD, or rows
whose attributes openpyxl keeps. Here:

- XML goes through defusedxml (openpyxl uses it when it is installed, which
  :func:`check_defused` verifies): DTDs with entities and external
  references are refused;
- the zip's central directory, and each part's declared uncompressed size
  (``ZipInfo.file_size``), are checked before the part is read, and the bytes
  are counted while they stream, so a lying header cannot get past either;
- the declared dimension is not read at all (openpyxl would pad every row to
  it, and parse a whole sheet at opening when it is missing); rows, columns
  and cells read are counted against :data:`MAX_ROWS`, :data:`MAX_COLUMNS`
  and :data:`MAX_CELLS`; a sheet may not go on for more than
  :data:`SHEET_GAP_BYTES` of XML without a row, so elements openpyxl builds
  whole (views, formatting, hyperlinks) stay small.

Every problem is a SurveyError with one line naming the file and the part or
sheet (and row).
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, BinaryIO
from xml.etree.ElementTree import ParseError

from journeymapper.i18n import N_, Message
from journeymapper.model.errors import SurveyError

#: Uncompressed bytes of one worksheet part, streamed.
SHEET_PART_BYTES = 64 * 2**20
#: Uncompressed bytes of the shared strings (openpyxl keeps them all in memory).
STRINGS_PART_BYTES = 64 * 2**20
#: Uncompressed bytes of any other part (workbook, styles, ...: parsed whole).
OTHER_PART_BYTES = 4 * 2**20
#: Bytes of the zip's central directory (about 20,000 parts; a workbook has dozens).
DIRECTORY_BYTES = 2**20
#: XML a sheet may hold between two rows (or before the first).
SHEET_GAP_BYTES = 2 * 2**20
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_CELLS = 2_000_000
#: Characters of one cell (as a CSV field).
MAX_CELL_CHARS = 2**20

_BAD_ZIP: tuple[type[BaseException], ...] = (zipfile.BadZipFile, zipfile.LargeZipFile,
                                             EOFError, OSError)


def check_defused() -> None:
    """Raise RuntimeError unless openpyxl parses XML with defusedxml."""
    import openpyxl
    from openpyxl.reader import strings
    from openpyxl.worksheet import _reader
    from openpyxl.xml import functions

    for parse in (functions.fromstring, functions.iterparse, _reader.iterparse,
                  strings.iterparse):
        if not getattr(parse, "__module__", "").startswith("defusedxml"):
            raise RuntimeError(f"openpyxl parses XML with {parse.__module__}.{parse.__name__}, "
                               "not defusedxml")
    if not openpyxl.DEFUSEDXML:
        raise RuntimeError("openpyxl.DEFUSEDXML is off (OPENPYXL_DEFUSEDXML=False?)")


def _limit(part: str) -> int:
    folded = part.casefold()
    if "worksheets/" in folded:
        return SHEET_PART_BYTES
    if folded.endswith("sharedstrings.xml"):
        return STRINGS_PART_BYTES
    return OTHER_PART_BYTES


class _Part(io.RawIOBase):
    """A zip part being read: its bytes counted against the part's limit, and,
    while rows are being read, against the gap allowed between two rows."""

    def __init__(self, inner: Any, archive: _GuardedZip, name: str, limit: int) -> None:
        super().__init__()
        self.inner, self.archive, self.part, self.limit = inner, archive, name, limit
        self.count = 0
        self.mark = 0
        self.rows = False   # set while a sheet's rows are read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(len(buffer))
        self.count += len(data)
        if self.count > self.limit:
            raise SurveyError(N_("{file}: {part}: more than {limit:,} bytes once unpacked; "
                                 "expected at most that (a zip bomb?)"),
                              file=self.archive.label, part=self.part, limit=self.limit)
        if self.rows and self.count - self.mark > SHEET_GAP_BYTES:
            raise SurveyError(N_("{file}: {part}: more than {limit:,} bytes of XML without a "
                                 "row; expected rows of answers"), file=self.archive.label,
                              part=self.part, limit=SHEET_GAP_BYTES)
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self.inner.close()
        finally:
            super().close()


class _GuardedZip(zipfile.ZipFile):
    """A ZipFile that checks each part's declared size before opening it, counts
    its bytes while they stream, and remembers which part is open (for messages)."""

    label = ""
    current = ""

    def open(self, name: Any, mode: str = "r", pwd: bytes | None = None, *,
             force_zip64: bool = False) -> Any:
        if mode != "r":
            return super().open(name, mode, pwd, force_zip64=force_zip64)
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        limit = _limit(info.filename)
        if info.file_size > limit:
            raise SurveyError(N_("{file}: {part}: {size:,} bytes once unpacked; expected at "
                                 "most {limit:,} (a zip bomb?)"), file=self.label,
                              part=info.filename, size=info.file_size, limit=limit)
        self.current = info.filename
        return _Stream(_Part(super().open(info, mode, pwd), self, info.filename, limit))


class _Stream(io.BufferedReader):
    """A part being read; ``part`` holds its byte accounting."""

    def __init__(self, part: _Part) -> None:
        super().__init__(part, 64 * 1024)
        self.part = part


def _check_directory(handle: BinaryIO, label: str) -> None:
    """Refuse a central directory too large for a workbook before zipfile reads it."""
    end_record = getattr(zipfile, "_EndRecData", None)
    if end_record is None:  # pragma: no cover - a Python without the helper
        return
    try:
        record = end_record(handle)
    except OSError:
        return
    finally:
        handle.seek(0)
    if record and record[5] > DIRECTORY_BYTES:   # _ECD_SIZE
        raise SurveyError(N_("{file}: the zip directory holds {size:,} bytes (about {parts:,} "
                             "parts); expected a workbook of at most {limit:,}"), file=label,
                          size=record[5], parts=record[4], limit=DIRECTORY_BYTES)


def _cause(error: BaseException) -> BaseException:
    while isinstance(error, ValueError) and error.__cause__ is not None:
        error = error.__cause__          # openpyxl wraps the parser's error
    return error


def _is_xml_error(error: BaseException) -> bool:
    from defusedxml import DefusedXmlException

    return isinstance(_cause(error), (DefusedXmlException, SyntaxError))


def _problem(error: BaseException) -> Message:
    """Why XML or a value could not be read, in a few words."""
    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

    cause = _cause(error)
    if isinstance(cause, (EntitiesForbidden, DTDForbidden)):
        return Message(N_("declares XML entities, which are not read (an entity-expansion "
                          "bomb?); expected plain XML"))
    if isinstance(cause, ExternalReferenceForbidden):
        return Message(N_("refers to an external entity, which is not read; expected plain "
                          "XML"))
    if isinstance(cause, ParseError):
        return Message(N_("not well-formed XML ({reason})"), reason=str(cause))
    if isinstance(cause, SyntaxError):
        return Message(N_("not well-formed XML ({reason})"), reason=cause.msg or str(cause))
    return Message(N_("cannot be read ({reason})"), reason=str(cause) or type(cause).__name__)


@dataclass
class Workbook:
    """What reading a workbook's sheets needs: its worksheets by name (their parts),
    the shared strings, and how dates are stored."""

    label: str
    archive: _GuardedZip
    sheets: dict[str, str]
    strings: list[Any]
    epoch: Any
    date_formats: Any
    timedelta_formats: Any

    @property
    def sheetnames(self) -> list[str]:
        return list(self.sheets)

    def part_size(self, sheet: str) -> int:
        return self.archive.getinfo(self.sheets[sheet]).file_size


@contextmanager
def open_workbook(handle: BinaryIO, label: str) -> Iterator[Workbook]:
    """A workbook from an open file, its parts bounded, its sheets not yet read.

    openpyxl reads the package, shared strings, workbook and styles; the
    worksheets are streamed by :func:`sheet_rows` (openpyxl's read-only
    worksheets would parse each whole sheet at opening to find its size)."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    check_defused()
    _check_directory(handle, label)
    try:
        reader = ExcelReader(handle, read_only=True, data_only=True, keep_links=False)
        reader.archive.close()
        handle.seek(0)
        archive = _GuardedZip(handle)
        archive.label = label
        reader.archive = archive
        reader.valid_files = archive.namelist()
    except SurveyError:
        raise
    except Exception as exc:  # noqa: BLE001 - a hostile zip can fail in any way
        raise SurveyError(N_("{name}: not a readable XLSX workbook ({reason}); expected an "
                             ".xlsx file or CSV"), name=label,
                          reason=str(exc) or type(exc).__name__) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(archive, reader.wb)
            sheets = {sheet.name: rel.target for sheet, rel in reader.parser.find_sheets()
                      if rel.target in reader.valid_files and "chartsheet" not in rel.Type}
        wb = reader.wb
        book = Workbook(label, archive, sheets, reader.shared_strings, wb.epoch,
                        wb._date_formats, wb._timedelta_formats)
    except SurveyError:
        archive.close()
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl fails on broken parts in many ways
        archive.close()
        raise SurveyError(N_("{file}: {part}: {problem}"), file=label,
                          part=archive.current or "?", problem=_problem(exc)) from None
    try:
        yield book
    finally:
        archive.close()


class SheetRows:
    """The rows of one sheet as lists of cell texts (``text(value)``), empty rows
    included so that row numbers stay the sheet's, bounded as the module says.
    ``done`` and ``total`` are the sheet's XML bytes read so far and in all."""

    def __init__(self, book: Workbook, sheet: str, text: Any) -> None:
        self.book, self.sheet, self.text = book, sheet, text
        self.total = book.part_size(sheet)
        self.done = 0
        self.place = Message(N_("sheet {sheet!r}"), sheet=sheet)

    def __iter__(self) -> Iterator[list[str]]:
        from openpyxl.worksheet._reader import WorkSheetParser

        label, place = self.book.label, self.place
        expected, cells = 1, 0
        parser = stream = None
        try:
            stream = self.book.archive.open(self.book.sheets[self.sheet])
            part: _Part = stream.part
            parser = WorkSheetParser(stream, self.book.strings, data_only=True,
                                     epoch=self.book.epoch, date_formats=self.book.date_formats,
                                     timedelta_formats=self.book.timedelta_formats)
            part.rows, part.mark = True, part.count
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                rows = parser.parse()
                for index, row in rows:
                    part.mark = self.done = part.count
                    parser.row_dimensions.clear()    # openpyxl keeps each row's attributes
                    if index > MAX_ROWS:
                        raise SurveyError(N_("{file}: {place}: row {row:,}: expected a sheet of "
                                             "at most {limit:,} rows"), file=label, place=place,
                                          row=index, limit=MAX_ROWS)
                    if index < expected:
                        continue                     # a row given twice: the first one counts
                    while expected < index:
                        yield []
                        expected += 1
                    values = self.values(row, index)
                    cells += max(len(values), 1)
                    if cells > MAX_CELLS:
                        raise SurveyError(N_("{file}: {place}: row {row:,}: more than {limit:,} "
                                             "cells; expected a smaller sheet (save large "
                                             "exports as CSV)"), file=label, place=place,
                                          row=index, limit=MAX_CELLS)
                    yield values
                    expected += 1
        except SurveyError:
            raise
        except Exception as exc:  # noqa: BLE001 - XML and cell values from a hostile file
            if _is_xml_error(exc):
                raise SurveyError(N_("{file}: {place}: {problem}"), file=label, place=place,
                                  problem=_problem(exc)) from None
            row = getattr(parser, "row_counter", 0) or expected
            raise SurveyError(N_("{file}: {place}: row {row:,}: {problem}"), file=label,
                              place=place, row=row, problem=_problem(exc)) from None
        finally:
            if stream is not None:
                stream.close()

    def values(self, row: list[dict[str, Any]], index: int) -> list[str]:
        last = max((cell["column"] for cell in row), default=0)
        if last > MAX_COLUMNS:
            raise SurveyError(N_("{file}: {place}: row {row:,}: a cell in column {column:,}; "
                                 "expected at most {limit:,} columns"), file=self.book.label,
                              place=self.place, row=index, column=last, limit=MAX_COLUMNS)
        values = [""] * last
        for cell in row:
            value = self.text(cell["value"])
            if len(value) > MAX_CELL_CHARS:
                raise SurveyError(N_("{file}: {place}: row {row:,}: a cell of {length:,} "
                                     "characters; expected at most {limit:,}"),
                                  file=self.book.label, place=self.place, row=index,
                                  length=len(value), limit=MAX_CELL_CHARS)
            if cell["column"] >= 1:
                values[cell["column"] - 1] = value
        return values
