"""The stakeholder PDF: examples/laptop-store.jmap and a generated 5,000-card
map, built into memory, against reportlab drawing the same number of bare
rectangles and strings (one per card) in the same run."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _harness import Row, median_ms  # noqa: E402
from bench_file import generate  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from journeymapper.io import jmap  # noqa: E402
from journeymapper.io.pdf import ExportOptions, build_pdf  # noqa: E402
from journeymapper.model import JourneyMap  # noqa: E402

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "laptop-store.jmap"


def bare_reportlab(count: int, font: str) -> bytes:
    """``count`` rectangles with a string each, 40 to a page: reportlab's floor."""
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=landscape(A4))
    for i in range(count):
        if i and i % 40 == 0:
            c.showPage()
        x, y = 40 + (i % 8) * 95, 60 + (i // 8 % 5) * 100
        c.rect(x, y, 90, 60)
        c.setFont(font, 8)
        c.drawString(x + 4, y + 48, f"card {i}: some words of workshop text")
    c.save()
    return buffer.getvalue()


COLD = r"""
import json, sys, time
start = time.perf_counter()
from journeymapper.io import jmap
from journeymapper.io.pdf import export_pdf
doc = jmap.load(sys.argv[1]).document
export_pdf(doc, sys.argv[2])
print(json.dumps((time.perf_counter() - start) * 1000))
"""


def cold_export_ms(out_dir: Path) -> float:
    """A first export in a fresh process: imports, font search and loading,
    build and atomic write (the interpreter's own start-up excluded)."""
    result = subprocess.run([sys.executable, "-c", COLD, str(EXAMPLE), str(out_dir / "cold.pdf")],
                            capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parent.parent)
    return float(json.loads(result.stdout))


def _cards(doc: JourneyMap) -> int:
    return sum(1 for e in doc.elements() if e.placement is not None)


def rows(quick: bool) -> list[Row]:
    repeat = 3 if quick else 5
    small = jmap.load(EXAMPLE).document
    big = generate()
    options = ExportOptions()
    _, result = build_pdf(small, options)  # warms fonts; reports which one
    font = result.font.regular
    small_ms = median_ms(lambda: build_pdf(small, options), repeat)
    small_base = median_ms(lambda: bare_reportlab(_cards(small), font), repeat)
    big_ms = median_ms(lambda: build_pdf(big, options), max(1, repeat - 2), warmup=0)
    _, big_result = build_pdf(big, options)
    big_base = median_ms(lambda: bare_reportlab(_cards(big), font), repeat)
    out_dir = Path(tempfile.mkdtemp(prefix="jm-bench-pdf-"))
    cold = sorted(cold_export_ms(out_dir) for _ in range(3))[1]
    return [
        Row("pdf: laptop-store.jmap, first export in a new process", cold, 500,
            "bare rects+strings", small_base, note="imports, font search and load, write"),
        Row("pdf: laptop-store.jmap, A4", small_ms, 500, "bare rects+strings", small_base,
            note=f"{result.pages} pages, {_cards(small)} cards, font {result.font.label}"),
        Row("pdf: 5,000-card map, A4", big_ms, 5000, "bare rects+strings", big_base,
            note=f"{big_result.pages} pages ({big_result.map_pages} map), {_cards(big)} cards"),
    ]
