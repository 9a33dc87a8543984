"""The stakeholder PDF: examples/laptop-store.jmap (in a fresh process too),
generated maps of 300, 5,000 and 20,000 cards, and maps whose texts are the
longest the model accepts, built into memory, against reportlab drawing the
same number of bare rectangles and strings (one per card) in the same run."""

from __future__ import annotations

import gc
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _harness import Row, median_ms  # noqa: E402
from _maps import cached_map, rss_mb  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from journeymapper.io import jmap  # noqa: E402
from journeymapper.io.pdf import ExportOptions, build_pdf  # noqa: E402
from journeymapper.model import JourneyMap, Kind  # noqa: E402
from journeymapper.model.elements import MAX_TEXT  # noqa: E402

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
start, cpu = time.perf_counter(), time.process_time()
from journeymapper.io import jmap
model = time.perf_counter()
from journeymapper.io.pdf import export_pdf
pdf = time.perf_counter()
doc = jmap.load(sys.argv[1]).document
export_pdf(doc, sys.argv[2])
end = time.perf_counter()
print(json.dumps({"total": (end - start) * 1000, "cpu": (time.process_time() - cpu) * 1000,
                  "model": (model - start) * 1000, "pdf": (pdf - model) * 1000,
                  "export": (end - pdf) * 1000}))
"""


def cold_export(out_dir: Path) -> dict[str, float]:
    """A first export in a fresh process: imports, font search and loading,
    build and atomic write (the interpreter's own start-up excluded), with the
    modules compiled once beforehand as an installed package has them (the
    byte-code goes to a folder of its own, PYTHONDONTWRITEBYTECODE or not)."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(out_dir / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    result = subprocess.run([sys.executable, "-c", COLD, str(EXAMPLE), str(out_dir / "cold.pdf")],
                            capture_output=True, text=True, check=True, env=env,
                            cwd=Path(__file__).resolve().parent.parent)
    return json.loads(result.stdout)


def _cards(doc: JourneyMap) -> int:
    return sum(1 for e in doc.elements() if e.placement is not None)


def longest_texts(field: str) -> JourneyMap:
    """The laptop map with one text at the model's longest, in one unbroken word."""
    doc = jmap.load(EXAMPLE).document
    text = "x" * MAX_TEXT
    if field == "title":
        doc.set_meta("title", text)
    elif field == "owner":
        doc.set_field(next(doc.elements(Kind.OPPORTUNITY)).id, "owner", text)
    else:
        doc.set_field(next(doc.elements(Kind.PAIN_POINT)).id, "evidence", [text])
    return doc


def big_rows(options: ExportOptions, font: str, quick: bool) -> list[Row]:
    out = []
    for cards, budget in ((300, 1000), (5000, 5000), (20000, 15000)):
        doc = cached_map(cards)
        gc.collect()
        before = rss_mb()
        repeat = 1 if cards >= 5000 else (3 if quick else 5)
        elapsed = median_ms(lambda d=doc: build_pdf(d, options), repeat, warmup=0)
        _, result = build_pdf(doc, options)
        memory = rss_mb() - before
        count = _cards(doc)
        base = median_ms(lambda n=count: bare_reportlab(n, font), 1, warmup=0)
        out.append(Row(f"pdf: {cards:,}-card map, A4", elapsed, budget, "bare rects+strings", base,
                       note=f"{result.pages} pages ({result.map_pages} map), "
                            f"+{memory:.0f} MB" + (" (budget 500 MB)" if cards == 20000 else "")))
        if cards == 20000:
            out.append(Row("pdf: 20,000-card map, memory", memory, 500, unit="MB"))
    return out


def rows(quick: bool) -> list[Row]:
    repeat = 3 if quick else 5
    small = jmap.load(EXAMPLE).document
    options = ExportOptions()
    _, result = build_pdf(small, options)  # warms fonts; reports which one
    font = result.font.regular
    small_ms = median_ms(lambda: build_pdf(small, options), repeat)
    small_base = median_ms(lambda: bare_reportlab(_cards(small), font), repeat)
    out_dir = Path(tempfile.mkdtemp(prefix="jm-bench-pdf-"))
    cold_export(out_dir)  # compiles the byte-code
    cold = sorted((cold_export(out_dir) for _ in range(3)), key=lambda r: r["total"])[1]
    long_rows = []
    for field in ("title", "owner", "evidence"):
        doc = longest_texts(field)
        elapsed = median_ms(lambda d=doc: build_pdf(d, options), 1, warmup=0)
        long_rows.append(Row(f"pdf: a {MAX_TEXT:,}-character {field}, unbroken", elapsed, 5000,
                             "laptop-store.jmap", small_ms,
                             note="wraps and splits across pages"))
    return [
        Row("pdf: laptop-store.jmap, first export in a new process", cold["total"], 500,
            "bare rects+strings", small_base,
            note=f"CPU {cold['cpu']:,.0f} ms; importing the model {cold['model']:,.0f} ms, "
                 f"the PDF package {cold['pdf']:,.0f} ms, font search + build + write "
                 f"{cold['export']:,.0f} ms"),
        Row("pdf: laptop-store.jmap, A4", small_ms, 500, "bare rects+strings", small_base,
            note=f"{result.pages} pages ({result.map_pages} map), {_cards(small)} cards, "
                 f"font {result.font.label}"),
        *big_rows(options, font, quick),
        *long_rows,
    ]
