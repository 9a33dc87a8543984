"""``journeymapper export``: the PDF from the command line, and its one-line errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from journeymapper.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
KOREAN = str(EXAMPLES / "dawn-delivery-ko.jmap")
LAPTOP = str(EXAMPLES / "laptop-store.jmap")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_writes_the_pdf_and_says_pages_and_font(capsys, tmp_path):
    out_pdf = tmp_path / "dawn.pdf"
    code, out, err = run(capsys, "export", KOREAN, "-o", str(out_pdf))
    assert code == 0, err
    pages = len(PdfReader(out_pdf).pages)
    lines = out.splitlines()
    assert lines[0].startswith(f"wrote {out_pdf}: {pages} pages, the map on ")
    assert lines[1].startswith("font: ") and "Helvetica" not in lines[1]
    assert "신선마켓" in PdfReader(out_pdf).pages[0].extract_text()


def test_page_size_orientation_and_map_only(capsys, tmp_path):
    out_pdf = tmp_path / "map.pdf"
    code, out, _ = run(capsys, "export", LAPTOP, "-o", str(out_pdf), "--page-size", "a2",
                       "--orientation", "portrait", "--map-only")
    assert code == 0
    reader = PdfReader(out_pdf)
    assert len(reader.pages) == 1 and "the map on one page (420 x 594 mm)" in out
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (1191, 1684)


@pytest.mark.parametrize("args, message", [
    (["missing.jmap"], "missing.jmap: no such file"),
    ([LAPTOP, "--wave", "2026-Q9"],
     f"{LAPTOP}: unknown wave '2026-Q9' (known: this map has no survey waves)"),
    ([LAPTOP, "--font", "/no/such/font.ttf"], "/no/such/font.ttf: font file not found"),
])
def test_bad_input_is_one_line_and_writes_nothing(capsys, tmp_path, args, message):
    out_pdf = tmp_path / "out.pdf"
    code, out, err = run(capsys, "export", *args, "-o", str(out_pdf))
    assert code == 1
    assert err.strip() == f"journeymapper: {message}"
    assert "Traceback" not in err and not out_pdf.exists()
    assert list(tmp_path.iterdir()) == []


def test_broken_map_and_unwritable_output(capsys, tmp_path):
    broken = tmp_path / "broken.jmap"
    broken.write_text('{"format_version": 1, "stages": [', encoding="utf-8")
    code, _, err = run(capsys, "export", str(broken), "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and err.startswith(f"journeymapper: {broken}: not valid JSON")
    code, _, err = run(capsys, "export", LAPTOP, "-o", str(tmp_path / "nope" / "x.pdf"))
    assert code == 1 and "does not exist" in err and len(err.splitlines()) == 1
    code, _, err = run(capsys, "export", LAPTOP, "-o", str(tmp_path))
    assert code == 1 and "is a folder" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write in read-only folders")
def test_read_only_folder(capsys, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = run(capsys, "export", LAPTOP, "-o", str(folder / "x.pdf"))
    finally:
        folder.chmod(0o700)
    assert code == 1 and "cannot write" in err


def test_bad_page_size_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["export", LAPTOP, "-o", str(tmp_path / "x.pdf"), "--page-size", "B5"])
    assert exc.value.code == 2


def test_output_must_be_a_pdf_and_never_the_map_itself(capsys, tmp_path):
    """'-o map.jmap' (a slip of the shell history) replaced the map with a PDF."""
    source = tmp_path / "map.jmap"
    source.write_bytes(Path(LAPTOP).read_bytes())
    before = source.read_bytes()
    for out in (source, tmp_path / "report.txt", tmp_path / "report"):
        code, _, err = run(capsys, "export", str(source), "-o", str(out))
        assert code == 1, out
        assert err.strip() == (f"journeymapper: {out}: expected a .pdf file name "
                               f"(such as {out.with_suffix('.pdf')})")
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.jmap"]
    code, _, _ = run(capsys, "export", str(source), "-o", str(tmp_path / "REPORT.PDF"))
    assert code == 0


def test_a_poster_is_one_page_of_the_size_asked_for(capsys, tmp_path):
    out_pdf = tmp_path / "poster.pdf"
    code, out, _ = run(capsys, "export", LAPTOP, "-o", str(out_pdf), "--poster", "A1",
                       "--map-only")
    assert code == 0 and "the map on one page (594 x 841 mm)" in out  # a tall map: portrait
    assert len(PdfReader(out_pdf).pages) == 1
    code, out, _ = run(capsys, "export", LAPTOP, "-o", str(out_pdf), "--poster")
    assert code == 0 and "the map on one page" in out
    code, _, err = run(capsys, "export", LAPTOP, "-o", str(tmp_path / "x.pdf"), "--poster", "B9")
    assert code == 1 and err.strip().startswith("journeymapper: unknown poster size 'B9'")
    assert not (tmp_path / "x.pdf").exists()
