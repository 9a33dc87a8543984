"""Hostile input, written by the tests themselves: .jmap files and survey
exports made to crash, hang or exhaust a reader (huge integers, wrong
types, lone surrogates, XML bombs, zip bombs, endless lines, FIFOs).

Each case is a :class:`Case`: a function that writes the file into a folder,
whether loading it is fatal or repaired-and-reported, and the place its one
line must name. Run this module to write every case into a folder:

    python tests/hostile_files.py /tmp/hostile
"""

from __future__ import annotations

import copy
import json
import os
import struct
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BASE_MAP = EXAMPLES / "laptop-store-reviewed.jmap"


@dataclass(frozen=True)
class Case:
    name: str
    write: Callable[[Path], Path]
    place: str               # what the one line must contain besides the file name
    fatal: bool = True       # False: loads "partially", the problem is reported


def _root() -> dict:
    return json.loads(BASE_MAP.read_text(encoding="utf-8"))


def _save(folder: Path, name: str, root: dict | str) -> Path:
    path = folder / f"{name}.jmap"
    text = root if isinstance(root, str) else json.dumps(root, ensure_ascii=False, indent=1)
    path.write_bytes(text.encode("utf-8"))
    return path


def _edit(name: str, change: Callable[[dict], object]) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        root = copy.deepcopy(_root())
        change(root)
        return _save(folder, name, root)
    return write


def _index(root: dict, kind: str) -> int:
    return next(i for i, e in enumerate(root["elements"]) if e["kind"] == kind)


def _huge_votes(folder: Path) -> Path:
    text = BASE_MAP.read_text(encoding="utf-8")
    assert '"votes": 9' in text
    return _save(folder, "huge-integer", text.replace('"votes": 9', '"votes": ' + "9" * 5000, 1))


def _huge_version(folder: Path) -> Path:
    text = BASE_MAP.read_text(encoding="utf-8")
    return _save(folder, "huge-version", text.replace('"format_version": 1',
                                                      '"format_version": 1' + "0" * 4400, 1))


def _surrogate(folder: Path) -> Path:
    root = _root()
    root["elements"][3]["fields"]["text"] = "half \ud800 a character"
    # json.dumps writes the lone surrogate as the escape \ud800, as a buggy tool would
    return _save(folder, "lone-surrogate", json.dumps(root, indent=1))


def _surrogate_key(folder: Path) -> Path:
    root = _root()
    root["workshop"] = {"room \udc00": "4F"}
    return _save(folder, "lone-surrogate-key", json.dumps(root, indent=1))


def _lane_is_element(root: dict) -> None:
    root["lanes"].append({"id": root["elements"][0]["id"], "name": "Extra", "kind": "note"})


def _deep(root: dict) -> None:
    value: list = []
    for _ in range(600):
        value = [value]
    root["workshop"] = value


def _long_text(root: dict) -> None:
    root["elements"][3]["fields"]["text"] = "x" * 10_001


def _special(what: str, suffix: str) -> Callable[[Path], Path]:
    """A named pipe, a folder or a device (a link to /dev/zero) named like a user's file."""
    def write(folder: Path) -> Path:
        path = folder / f"{what}{suffix}"
        if what == "fifo":
            os.mkfifo(path)
        elif what == "folder":
            path.mkdir()
        else:
            path.symlink_to("/dev/zero")
        return path
    return write


MAP_CASES: tuple[Case, ...] = (
    Case("huge-integer", _huge_votes, r"elements\[\d+\]\.fields\.votes: a whole number of "
                                      r"5,000 digits"),
    Case("huge-version", _huge_version, r"format_version: a whole number of 4,401 digits"),
    Case("list-kind", _edit("list-kind", lambda r: r["elements"][3].update(kind=["stage"])),
         r"elements\[3\]\.kind: expected one of .*, got a list"),
    Case("object-lane-kind", _edit("object-lane-kind", lambda r: r["lanes"][0].update(kind={})),
         r"lanes\[0\]\.kind: expected a card kind .*, got an object"),
    Case("list-lane-id", _edit("list-lane-id", lambda r: r["lanes"][0].update(id=["lane-1"])),
         r"lanes\[0\]\.id: expected a non-empty text, got a list"),
    Case("list-stage-in-stages", _edit("list-stage-in-stages",
                                       lambda r: r["stages"].__setitem__(0, ["stage-8"])),
         r"stages\[0\]: expected the id of a stage element, got a list"),
    Case("list-link-kind", _edit("list-link-kind", lambda r: r["links"][0].update(kind=["next"])),
         r"links\[0\]\.kind: expected one of .*, got a list; link dropped", fatal=False),
    Case("object-link-source", _edit("object-link-source",
                                     lambda r: r["links"][0].update(source={"id": 1})),
         r"links\[0\]\.source: .*got an object; link dropped", fatal=False),
    Case("list-score-wave", _edit("list-score-wave",
                                  lambda r: r["scores"][0].update(wave=["2026-Q3"])),
         r"scores\[0\]\.wave: expected a wave listed in 'waves', got a list; score dropped",
         fatal=False),
    Case("list-score-stage", _edit("list-score-stage",
                                   lambda r: r["scores"][0].update(stage=["stage-8"])),
         r"scores\[0\]\.stage: expected the id of a stage, got a list; score dropped",
         fatal=False),
    Case("list-touchpoint", _edit("list-touchpoint",
                                  lambda r: r["scores"][0].update(touchpoint=["tp"])),
         r"scores\[0\]\.touchpoint: .*got a list; score dropped", fatal=False),
    Case("object-wave-label", _edit("object-wave-label",
                                    lambda r: r["waves"][0].update(label={"q": 3})),
         r"waves\[0\]"),
    Case("list-scale-min", _edit("list-scale-min",
                                 lambda r: r["scores"][0]["scale"].update(min=[1])),
         r"scores\[0\]\.scale\.min: expected a finite number, got a list; score dropped",
         fatal=False),
    Case("text-distribution", _edit("text-distribution",
                                    lambda r: r["scores"][0].update(distribution={"5": "many"})),
         r"scores\[0\]\.distribution\.5: expected a whole number >= 0, got \"many\"; "
         r"score dropped", fatal=False),
    Case("list-field-text", _edit("list-field-text",
                                  lambda r: r["elements"][3]["fields"].update(text=["a"])),
         r"elements\[3\]\.text: expected text, got", fatal=False),
    Case("list-evidence-item", _edit(
        "list-evidence-item",
        lambda r: r["elements"][_index(r, "pain_point")]["fields"].update(evidence=[["a"]])),
        r"elements\[\d+\]\.evidence: expected a list of texts", fatal=False),
    Case("list-settings", _edit("list-settings", lambda r: r.update(settings=[2])),
         r"settings: expected an object, got a list"),
    Case("list-authors-item", _edit("list-authors-item",
                                    lambda r: r.update(authors=[["CX"]])),
         r"authors: expected a list of texts, got .*; ignored", fatal=False),
    Case("lone-surrogate", _surrogate,
         r"elements\[3\]\.fields\.text: .*lone surrogate"),
    Case("lone-surrogate-key", _surrogate_key, r"workshop\.room \\udc00: .*lone surrogate"),
    Case("lane-id-is-element-id", _edit("lane-id-is-element-id", _lane_is_element),
         r"lanes\[7\]\.id: \"action-14\" is also the id of elements\[0\]"),
    Case("deep-extra", _edit("deep-extra", _deep), r"workshop: nested deeper than 32 levels"),
    Case("too-long-text", _edit("too-long-text", _long_text),
         r"elements\[3\]\.text: 10,001 characters, trimmed to the 10,000 a text may have",
         fatal=False),
    Case("fifo", _special("fifo", ".jmap"), r"not a regular file \(a named pipe\)"),
    Case("folder", _special("folder", ".jmap"), r"is a folder"),
    Case("device", _special("device", ".jmap"), r"not a regular file \(a device\)"),
)


# ---------------------------------------------------------------- surveys
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
    '{strings}</Types>')
STRINGS_TYPE = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>{strings}</Relationships>')
STRINGS_REL = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
               '2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>{doctype}'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '{dimension}<sheetData>')
SHEET_TAIL = '</sheetData></worksheet>'
BOMB_DTD = ('<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
            + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                      for i in range(1, 10)) + ']>')
EXTERNAL_DTD = '<!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
HEADERS = ("Timestamp", "How satisfied were you with the purchase?")


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_rows(rows: int = 8, first: str = "") -> str:
    """The rows of a small, valid answer sheet (header and rows - 1 answers)."""
    out = [f'<row r="1">{_cell("A1", HEADERS[0])}{_cell("B1", first or HEADERS[1])}</row>']
    for r in range(2, rows + 1):
        out.append(f'<row r="{r}">{_cell(f"A{r}", f"2026-10-0{r % 9 + 1}")}'
                   f'<c r="B{r}"><v>{r % 5 + 1}</v></c></row>')
    return "".join(out)


def xlsx_bytes(sheet: str, strings: str | None = None) -> bytes:
    """A minimal workbook holding ``sheet`` (the whole sheet XML) and shared strings."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml",
                     CONTENT_TYPES.format(strings=STRINGS_TYPE if strings else ""))
        out.writestr("_rels/.rels", ROOT_RELS)
        out.writestr("xl/workbook.xml", WORKBOOK)
        out.writestr("xl/_rels/workbook.xml.rels",
                     WORKBOOK_RELS.format(strings=STRINGS_REL if strings else ""))
        out.writestr("xl/worksheets/sheet1.xml", sheet)
        if strings:
            out.writestr("xl/sharedStrings.xml", strings)
    return buffer.getvalue()


def plain_sheet(rows: str, dimension: str = "", doctype: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return SHEET_HEAD.format(doctype=doctype, dimension=dim) + rows + SHEET_TAIL


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _xlsx(name: str, sheet: Callable[[], str], strings: str | None = None
          ) -> Callable[[Path], Path]:
    return lambda folder: _write(folder, name, xlsx_bytes(sheet(), strings))


def _malformed() -> str:
    return plain_sheet(sheet_rows())[:-40]


def _bomb_sheet() -> str:
    return plain_sheet(sheet_rows(3, first="&lol9;"), doctype=BOMB_DTD)


def _external_sheet() -> str:
    return plain_sheet(sheet_rows(3, first="&ext;"), doctype=EXTERNAL_DTD)


BOMB_STRINGS = ('<?xml version="1.0" encoding="UTF-8"?>' + BOMB_DTD
                + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>')


def _huge_dimension() -> str:
    return plain_sheet(sheet_rows(), dimension="A1:XFD1048576")


def _far_row() -> str:
    return plain_sheet(sheet_rows() + f'<row r="1048577">{_cell("A1048577", "late")}</row>')


def _wide_rows() -> str:
    rows = sheet_rows(2)
    return plain_sheet(rows + "".join(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>'
                                      for r in range(3, 3000)))


def _huge_number_cell() -> str:
    return plain_sheet(sheet_rows(3) + f'<row r="4"><c r="B4"><v>{"9" * 5000}</v></c></row>')


def _zip_bomb(folder: Path) -> Path:
    """A small zip whose sheet inflates to 1 GiB: its central directory says so."""
    small = xlsx_bytes(plain_sheet(sheet_rows()))
    path = _write(folder, "zip-bomb.xlsx", small)
    _declare_size(path, "xl/worksheets/sheet1.xml", 1 << 30)
    return path


def _declare_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size that the zip's headers declare for ``member``."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    struct.pack_into("<I", data, info.header_offset + 22, size)          # local header
    name = member.encode()
    central = data.find(b"PK\x01\x02", 0)
    while central >= 0:
        length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + length] == name:
            struct.pack_into("<I", data, central + 24, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def real_zip_bomb(folder: Path, size: int = 1 << 30) -> Path:
    """A zip whose sheet really inflates to ``size`` bytes (about 1 MB on disk per GB)."""
    import io

    head = (SHEET_HEAD.format(doctype="", dimension="") + sheet_rows()).encode()
    filler = b'<row r="9"><c r="A9"><v>1</v></c></row>' * 2000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for member, text in (("[Content_Types].xml", CONTENT_TYPES.format(strings="")),
                             ("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", WORKBOOK),
                             ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(strings=""))):
            out.writestr(member, text)
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(head)
            written = len(head)
            while written < size:
                sheet.write(filler)
                written += len(filler)
            sheet.write(SHEET_TAIL.encode())
    return _write(folder, "real-zip-bomb.xlsx", buffer.getvalue())


def _csv_big_number(folder: Path) -> Path:
    rows = ["Respondent,How satisfied were you with the purchase?"]
    rows += [f"r{i},{'9' * 400}" for i in range(6)] + ["r9,5"]
    return _write(folder, "big-number.csv", ("\r\n".join(rows) + "\r\n").encode())


def _csv_one_line(folder: Path) -> Path:
    path = folder / "one-line.csv"
    with open(path, "wb") as out:
        out.write(b"Respondent,How satisfied were you?,")
        chunk = b"1," * (1 << 19)
        for _ in range(50):                       # 50 MiB, no line break
            out.write(chunk)
    return path


def _csv_long_field(folder: Path) -> Path:
    # 2.5 MB in one quoted field, over lines of 250 kB each (no line is too long)
    text = ('Respondent,How satisfied were you?,Comment\r\nr1,5,"'
            + ("long " * 50_000 + "\r\n") * 10 + '"\r\nr2,4,ok\r\n')
    return _write(folder, "long-field.csv", text.encode())


SURVEY_CASES: tuple[Case, ...] = (
    Case("xlsx-malformed-xml", _xlsx("malformed.xlsx", _malformed),
         r"sheet 'Responses': not well-formed XML"),
    Case("xlsx-entity-bomb", _xlsx("entity-bomb.xlsx", _bomb_sheet),
         r"sheet 'Responses': declares XML entities"),
    Case("xlsx-external-entity", _xlsx("external-entity.xlsx", _external_sheet),
         r"sheet 'Responses': declares XML entities"),
    Case("xlsx-strings-bomb", _xlsx("strings-bomb.xlsx", lambda: plain_sheet(sheet_rows()),
                                    BOMB_STRINGS), r"xl/sharedStrings\.xml: .*entit"),
    Case("xlsx-far-row", _xlsx("far-row.xlsx", _far_row),
         r"sheet 'Responses': row 1,048,577: .*at most 1,048,576 rows"),
    Case("xlsx-wide-rows", _xlsx("wide-rows.xlsx", _wide_rows),
         r"sheet 'Responses': row \d+: more than 2,000,000 cells"),
    Case("xlsx-huge-number", _xlsx("huge-number.xlsx", _huge_number_cell),
         r"sheet 'Responses': row 4: .*"),
    Case("xlsx-zip-bomb", _zip_bomb, r"xl/worksheets/sheet1\.xml: 1,073,741,824 bytes"),
    Case("csv-one-line", _csv_one_line, r"line 1: longer than 1,048,576 bytes"),
    Case("csv-long-field", _csv_long_field, r"row 2 \(line 2\): a field longer than"),
    Case("fifo", _special("fifo", ".csv"), r"not a regular file \(a named pipe\)"),
    Case("device", _special("device", ".csv"), r"not a regular file \(a device\)"),
    Case("folder", _special("folder", ".csv"), r"is a folder"),
)

def _row_attributes(folder: Path) -> Path:
    """Just under the sheet part limit: 800,000 one-cell rows whose attributes
    openpyxl would keep for every row (500 MB) if nothing cleared them."""
    rows = "".join(f'<row r="{r}" ht="20" customHeight="1"><c r="A{r}"><v>1</v></c></row>'
                   for r in range(1, 800_001))
    return _write(folder, "row-attributes.xlsx", xlsx_bytes(plain_sheet(rows)))


#: Cases too slow to write (or to read) for every test run: tools/hostile.py --heavy.
HEAVY_SURVEY_CASES: tuple[Case, ...] = (
    Case("xlsx-real-zip-bomb", real_zip_bomb, r"xl/worksheets/sheet1\.xml: 1,073,\d{3},\d{3} "
                                              r"bytes"),
    Case("xlsx-row-attributes", _row_attributes, r"sheet 'Responses': row 2: more than"),
)


#: Files that look hostile but are fine: they must import, quickly.
def huge_dimension_xlsx(folder: Path) -> Path:
    return _write(folder, "huge-dimension.xlsx", xlsx_bytes(_huge_dimension()))


def big_number_csv(folder: Path) -> Path:
    return _csv_big_number(folder)


# ---------------------------------------------------------------- running the CLI
DRIVER = r"""
import contextlib, io, json, signal, sys, time, traceback
from journeymapper.cli import main

def peak_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0

def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
        return True
    except OSError:
        return False

class Hang(Exception):
    pass

def alarm(signum, frame):
    raise Hang()

signal.signal(signal.SIGALRM, alarm)
groups, limit = json.loads(sys.argv[1]), float(sys.argv[2])
report = []
for commands in groups:
    separate = reset_peak()
    results = []
    for argv in commands:
        out, err = io.StringIO(), io.StringIO()
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, limit)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except Hang:
                code = "hang"
            except BaseException:
                code = "traceback"
                traceback.print_exc(file=err)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        results.append({"argv": argv, "code": code, "out": out.getvalue(),
                        "err": err.getvalue(), "seconds": time.perf_counter() - start})
    report.append({"results": results, "peak_mb": peak_mb(), "separate": separate})
print(json.dumps(report))
"""


@dataclass
class Run:
    """What each command of one group printed and returned, and the group's peak memory
    (its own when the kernel lets the peak be reset, else the process's so far)."""

    results: list[dict]
    peak_mb: float
    separate: bool


def run_cli(groups: list[list[list[str]]], limit: float = 10.0, timeout: float = 600.0,
            preexec_fn: Callable[[], None] | None = None) -> list[Run]:
    """Run groups of ``journeymapper`` commands through ``cli.main`` in one fresh
    subprocess; a command still running after ``limit`` seconds is stopped ("hang")."""
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(groups), str(limit)],
                          capture_output=True, text=True, timeout=timeout, env=env, check=False,
                          preexec_fn=preexec_fn)
    if done.returncode != 0:
        raise RuntimeError(f"driver failed: {done.stderr[-2000:]}")
    return [Run(r["results"], r["peak_mb"], r["separate"])
            for r in json.loads(done.stdout.splitlines()[-1])]


def map_commands(path: Path, folder: Path, survey: Path) -> list[list[str]]:
    """Every command that reads a map, pointed at ``path``."""
    return [["validate", str(path)], ["info", str(path)], ["upgrade", str(path)],
            ["render", str(path), "-o", str(folder / "out.png")],
            ["export", str(path), "-o", str(folder / "out.pdf")],
            ["survey", "import", str(path), str(survey), "--column", "#3=Purchase:csat"]]


def survey_commands(path: Path, map_path: Path) -> list[list[str]]:
    """Every command that reads a survey export, pointed at ``path``."""
    return [["survey", "inspect", str(path)],
            ["survey", "import", str(map_path), str(path), "--column", "#2=Purchase:csat"]]


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [case.write(folder) for case in MAP_CASES + SURVEY_CASES]
    return paths + [huge_dimension_xlsx(folder), big_number_csv(folder)]


if __name__ == "__main__":
    for written in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")):
        print(written)
