"""Opening survey exports: CSV in the encodings people's tools write, and XLSX.

:func:`open_survey` looks at the first bytes only (encoding, delimiter,
CSV or XLSX) and returns a :class:`SurveyFile`; its rows are then streamed
in large blocks, so a million-response export never sits in memory as one
list. Every problem is a :class:`SurveyError` whose one-line message names
the file, the row and what was expected.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from journeymapper.i18n import N_, Message
from journeymapper.io.atomic import open_regular, read_problem
from journeymapper.model.errors import SurveyError

SAMPLE_BYTES = 256 * 1024
BLOCK_ROWS = 4096  # small enough to stay in cache, large enough to amortise
#: Bytes of rows one block may hold (a CSV row of short fields costs up to 20x
#: its bytes as Python objects).
BLOCK_BYTES = 4 * 2**20
#: Characters one CSV field may have.
FIELD_LIMIT = 1 << 20
#: Bytes one line of a CSV file may have (a quoted field may span several lines).
LINE_LIMIT = 1 << 20
#: Bytes the text layer reads at a time (TextIOWrapper's default is 8 KiB).
TEXT_CHUNK = 256 * 1024
DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}

_SEP_LINE = re.compile(r"^\ufeff?sep=([,;\t|])$", re.IGNORECASE)

#: progress(done_bytes, total_bytes) -> False to cancel.
Progress = Callable[[int, int], bool]


class Cancelled(Exception):
    """The caller's progress callback asked to stop."""


@dataclass
class SurveyFile:
    """An opened survey export: where it is and how to read it."""

    path: Path
    format: str          # "csv" or "xlsx"
    encoding: str = ""   # Python codec of a CSV ("utf-8-sig", "utf-16", "cp949", ...)
    delimiter: str = ","
    sheet: str = ""      # XLSX: the sheet read
    sheets: tuple[str, ...] = ()
    size: int = 0
    sep_line: bool = False  # Excel's "sep=;" first line, not part of the table

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def encoding_label(self) -> str:
        """The encoding as a person would name it."""
        return ENCODING_LABELS.get(self.encoding, self.encoding) if self.format == "csv" else "xlsx"

    def head(self, count: int) -> list[list[str]]:
        """The first ``count`` rows (headers included)."""
        blocks = self.blocks(block_rows=max(count, 1))
        try:
            return next(blocks, [])[:count]
        finally:
            blocks.close()

    def blocks(self, block_rows: int = BLOCK_ROWS,
               progress: Progress | None = None) -> Iterator[list[list[str]]]:
        """Every row, in lists of up to ``block_rows`` rows (headers included)."""
        if self.format == "xlsx":
            yield from _xlsx_blocks(self, block_rows, progress)
        else:
            yield from _csv_blocks(self, block_rows, progress)


ENCODING_LABELS = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16",
    "cp949": "CP949 (Korean)", "cp1252": "CP1252 (Western)",
}


WHAT = N_("a survey export")


def open_file(path: Path, what: str = WHAT) -> Any:
    """A survey file opened for binary reading (a regular file; never blocks)."""
    return open_regular(path, Message(what), SurveyError)


def open_survey(path: str | os.PathLike[str], sheet: str | None = None,
                what: str = WHAT) -> SurveyFile:
    """Identify a survey file's format, encoding and delimiter from its first bytes
    (``what`` names the file expected, for the messages: a list of cards is read
    the same way)."""
    target = Path(path)
    with open_file(target, what) as handle:
        size = os.fstat(handle.fileno()).st_size
        try:
            sample = handle.read(SAMPLE_BYTES)
        except OSError as exc:
            raise SurveyError(read_problem(target, exc, what)) from None
    name = target.name
    if not sample.strip(b" \t\r\n\xef\xbb\xbf\x00\xff\xfe"):
        raise SurveyError(N_("{file}: the file is empty; expected {what} (CSV or XLSX)"),
                          file=name, what=Message(what))
    if sample.startswith(b"PK\x03\x04"):
        return _open_xlsx(target, size, sheet)
    if sample.startswith(b"\xd0\xcf\x11\xe0"):
        raise SurveyError(N_("{file}: an old binary Excel (.xls) file; expected CSV or XLSX (save it as "
                             ".xlsx or CSV first)"), file=name)
    if sheet:
        raise SurveyError(N_("{file}: --sheet {sheet!r} given, but this is a CSV file, not an XLSX workbook"),
                          file=name, sheet=sheet)
    encoding = detect_encoding(sample, name, complete=size <= SAMPLE_BYTES)
    text = _decode_sample(sample, encoding)
    _refuse_binary(text, name, what)
    first, _, rest = text.partition("\n")
    declared = _SEP_LINE.match(first.strip())
    if declared:
        return SurveyFile(target, "csv", encoding, declared.group(1), size=size, sep_line=True)
    return SurveyFile(target, "csv", encoding, detect_delimiter(text), size=size)


def detect_encoding(sample: bytes, name: str, complete: bool = False) -> str:
    """A codec for ``sample``: a BOM wins, then UTF-8, CP949 (Korean), CP1252."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    zero = sample.find(b"\x00")
    if zero >= 0:
        raise SurveyError(N_("{file}: not a CSV or XLSX file (binary data at byte {zero}); expected text "
                             "or an .xlsx workbook"), file=name, zero=zero)
    for encoding in ("utf-8", "cp949"):
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(sample, final=complete)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8" or _looks_korean(text):
            return encoding
    try:
        codecs.getincrementaldecoder("cp1252")().decode(sample, final=True)
    except UnicodeDecodeError as exc:
        raise SurveyError(N_("{file}: not a CSV or XLSX file (byte 0x{value:02x} at offset {start} is not "
                             "text in UTF-8, UTF-16, CP949 or CP1252)"),
                          file=name, value=sample[exc.start], start=exc.start
                          ) from None
    return "cp1252"


def _looks_korean(text: str) -> bool:
    """CP949 decodes many byte strings; accept it when the result is mostly Hangul."""
    high = [ch for ch in text if ord(ch) > 0x7F]
    if not high:
        return False
    hangul = sum(1 for ch in high if "\uac00" <= ch <= "\ud7a3" or "\u3130" <= ch <= "\u318f")
    return hangul >= 0.8 * len(high)


def _decode_sample(sample: bytes, encoding: str) -> str:
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample, final=False)


def _refuse_binary(text: str, name: str, what: str = WHAT) -> None:
    controls = sum(1 for ch in text[:20000] if ch < " " and ch not in "\t\r\n\x0c")
    if controls > max(3, len(text[:20000]) // 100):
        raise SurveyError(N_("{file}: not a CSV or XLSX file (binary data); expected {what} as "
                             "CSV text or an .xlsx workbook"), file=name, what=Message(what))


def detect_delimiter(text: str) -> str:
    """The delimiter among , ; and tab that splits the first records most consistently."""
    cut = text.rfind("\n")
    body = text[:cut + 1] if cut > 0 else text
    best, best_key = ",", (-1.0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = [r for r in islice(csv.reader(body.splitlines(keepends=True),
                                                 delimiter=delimiter), 30) if r]
        except csv.Error:
            continue
        if not rows:
            continue
        widths = [len(r) for r in rows]
        top = max(set(widths), key=widths.count)
        if top < 2:
            continue
        key = (widths.count(top) / len(widths), top)
        if key > best_key:
            best, best_key = delimiter, key
    return best


# ---------------------------------------------------------------- CSV rows
@contextmanager
def csv_reader(survey: SurveyFile) -> Iterator[tuple[Any, Any]]:
    """(csv reader, text handle) of a CSV survey file; reading errors become
    SurveyError naming the row (see :func:`reading_error`)."""
    csv.field_size_limit(FIELD_LIMIT)
    with open_text(survey) as handle:
        reader = csv.reader(handle, delimiter=survey.delimiter, strict=True)
        try:
            if survey.sep_line:
                next(reader, None)
            yield reader, handle
        except (csv.Error, UnicodeDecodeError) as exc:
            raise reading_error(survey, exc) from None


class _Lines(io.RawIOBase):
    """A CSV file's bytes, refusing a line longer than LINE_LIMIT while they stream
    (no Python code runs per line: line breaks are looked for once per chunk)."""

    def __init__(self, raw: Any, survey: SurveyFile) -> None:
        super().__init__()
        self.raw, self.survey = raw, survey
        self.position = 0
        self.run = 0        # bytes since the last line break (\n or \r)

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)[:LINE_LIMIT]
        count = self.raw.readinto(view)
        if not count:
            return 0
        chunk = bytes(view[:count])
        newline, ret = chunk.find(b"\n"), chunk.find(b"\r")
        first = newline if ret < 0 or 0 <= newline < ret else ret
        if first < 0:
            self.run += count
        elif self.run + first <= LINE_LIMIT:
            # the lines between two breaks of this chunk are shorter than the chunk
            self.run = count - 1 - max(chunk.rfind(b"\n"), chunk.rfind(b"\r"))
        else:
            self.run += first
        if self.run > LINE_LIMIT:
            raise SurveyError(N_("{file}: line {line:,}: longer than {limit:,} bytes; expected "
                                 "a survey export with one response per line"),
                              file=self.survey.name, line=self.line_at(self.position) + 1,
                              limit=LINE_LIMIT)
        self.position += count
        return count

    def line_at(self, offset: int) -> int:
        """Line breaks before ``offset`` (\r\n, \n or \r), read again for a message."""
        breaks, last = 0, b""
        with open_file(self.survey.path) as again:
            while offset > 0:
                chunk = again.read(min(offset, LINE_LIMIT))
                if not chunk:
                    break
                offset -= len(chunk)
                breaks += (chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
                           - (last == b"\r" and chunk[:1] == b"\n"))
                last = chunk[-1:]
        return breaks

    def close(self) -> None:
        try:
            self.raw.close()
        finally:
            super().close()


@contextmanager
def open_text(survey: SurveyFile) -> Iterator[Any]:
    """A CSV survey file as text, its lines limited (see :class:`_Lines`)."""
    raw = _Lines(open_file(survey.path), survey)
    handle = io.TextIOWrapper(io.BufferedReader(raw, LINE_LIMIT), encoding=survey.encoding,
                              newline="")
    handle._CHUNK_SIZE = TEXT_CHUNK  # each chunk is a call into _Lines: 8 KiB cost 30%
    try:
        yield handle
    finally:
        handle.close()


def _csv_blocks(survey: SurveyFile, block_rows: int,
                progress: Progress | None) -> Iterator[list[list[str]]]:
    """Blocks of at most ``block_rows`` rows and about BLOCK_BYTES of the file."""
    with csv_reader(survey) as (reader, handle):
        raw = handle.buffer.raw
        while True:
            block: list[list[str]] = []
            append = block.append
            limit = raw.position + BLOCK_BYTES
            ended = True
            for row in reader:
                append(row)
                if len(block) >= block_rows or raw.position > limit:
                    ended = False
                    break
            if not block:
                return
            if progress is not None and not progress(handle.buffer.tell(), survey.size):
                raise Cancelled()
            yield block
            if ended:
                return


#: Bytes read from the end of a CSV file to find the summary rows under the answers.
TAIL_BYTES = 64 * 1024


def tail_rows(survey: SurveyFile) -> list[list[str]]:
    """The last rows of a CSV file (about TAIL_BYTES of them), parsed without
    reading the rest; [] when they cannot be told apart reliably."""
    with open_file(survey.path) as raw:
        size = os.fstat(raw.fileno()).st_size
        start = max(0, size - TAIL_BYTES)
        codec = survey.encoding
        if codec == "utf-16":
            codec = "utf-16-le" if raw.read(2) == codecs.BOM_UTF16_LE else "utf-16-be"
            start = max(2, start + start % 2)
        elif codec == "utf-8-sig" and start:
            codec = "utf-8"
        raw.seek(start)
        data = raw.read(TAIL_BYTES + 2)
    lines = data.decode(codec, errors="replace").splitlines(keepends=True)
    if start > (2 if survey.encoding == "utf-16" else 0):
        lines = lines[1:]                   # the first line began before the cut
    try:
        return [row for row in csv.reader(lines, delimiter=survey.delimiter, strict=True)]
    except csv.Error:
        return []


def reading_error(survey: SurveyFile, error: Exception) -> SurveyError:
    """Re-read the file record by record to name the row where reading failed."""
    name = survey.name
    row, start_line = 0, 1
    try:
        with open_text(survey) as handle:
            reader = csv.reader(handle, delimiter=survey.delimiter, strict=True)
            if survey.sep_line:
                next(reader, None)
            while True:
                start_line = reader.line_num + 1
                try:
                    next(reader)
                except StopIteration:
                    break
                row += 1
    except UnicodeDecodeError as exc:
        return SurveyError(
            N_("{file}: row {value}: byte 0x{value2:02x} is not {encoding_label} text; expected one "
               "encoding for the whole file (save it again as UTF-8)"),
            file=name, value=row + 1, value2=exc.object[exc.start], encoding_label=survey.encoding_label)
    except csv.Error as exc:
        message = str(exc)
        if "field larger" in message:
            return SurveyError(
                N_("{file}: row {row} (line {line}): a field longer than {limit:,} characters "
                   "(or a quote that never closes); expected shorter answers"),
                file=name, row=row + 1, line=start_line, limit=FIELD_LIMIT)
        if "unexpected end of data" in message:
            return SurveyError(
                N_("{file}: row {value} (line {start_line}): unterminated quote: a quoted field opened "
                   "there never closes; expected a closing \""),
                file=name, value=row + 1, start_line=start_line)
        if "expected after" in message:
            return SurveyError(
                N_("{file}: row {value} (line {start_line}): text right after a closing quote; expected "
                   "{value2} or the end of the row"),
                file=name, value=row + 1, start_line=start_line, value2=DELIMITER_NAMES.get(survey.delimiter,
                survey.delimiter))
        return SurveyError(N_("{file}: row {value} (line {start_line}): {message}"),
                           file=name, value=row + 1, start_line=start_line, message=message)
    return SurveyError(N_("{file}: {error}"), file=name, error=error)


# ---------------------------------------------------------------- XLSX rows
def _open_xlsx(path: Path, size: int, sheet: str | None) -> SurveyFile:
    from journeymapper.io.survey.xlsx import open_workbook

    with open_file(path) as handle, open_workbook(handle, path.name) as book:
        names = tuple(book.sheetnames)
    if not names:
        raise SurveyError(N_("{name}: the workbook has no sheets; expected one with answers"),
                          name=path.name)
    if sheet and sheet not in names:
        raise SurveyError(N_("{name}: no sheet {sheet!r}; expected one of {items}"),
                          name=path.name, sheet=sheet, items=', '.join(repr(n) for n in names))
    return SurveyFile(path, "xlsx", sheet=sheet or names[0], sheets=names, size=size)


def cell_text(value: Any) -> str:
    """An XLSX cell value as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _xlsx_blocks(survey: SurveyFile, block_rows: int,
                 progress: Progress | None) -> Iterator[list[list[str]]]:
    from journeymapper.io.survey.xlsx import SheetRows, open_workbook

    with open_file(survey.path) as handle, open_workbook(handle, survey.name) as book:
        rows = SheetRows(book, survey.sheet, cell_text)
        block: list[list[str]] = []
        for values in rows:
            block.append(values)
            if len(block) >= block_rows:
                if progress is not None and not progress(rows.done, rows.total):
                    raise Cancelled()
                yield block
                block = []
        if block:
            yield block
