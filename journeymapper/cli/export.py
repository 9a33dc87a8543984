"""The ``export`` command: the stakeholder PDF of a map, without a window."""

from __future__ import annotations

import argparse
from pathlib import Path

from journeymapper.io import jmap
from journeymapper.io.migrations import FORMAT_VERSION
from journeymapper.io.pdf import ORIENTATIONS, PAGE_SIZES, ExportOptions, export_pdf
from journeymapper.io.pdf.scoring import wave_labels
from journeymapper.model.errors import ExportError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export a map as a PDF report for stakeholders",
                       description="Write the map as a PDF: cover, the map as vector drawing "
                                   "(tiled when it does not fit legibly on one page), personas, "
                                   "survey scores, pain points and opportunities.")
    p.add_argument("file", metavar="MAP", help="the .jmap file")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")
    p.add_argument("--page-size", default="A4", choices=list(PAGE_SIZES), type=_page_size,
                   help="default: A4")
    p.add_argument("--orientation", default="landscape", choices=list(ORIENTATIONS),
                   help="default: landscape")
    p.add_argument("--map-only", action="store_true", help="only the map pages")
    p.add_argument("--wave", metavar="WAVE",
                   help="show scores up to this survey wave (default: the latest)")
    p.add_argument("--font", metavar="PATH",
                   help="a TrueType font (.ttf, or .ttc#N) to set the report in")
    p.set_defaults(func=cmd_export)


def _page_size(value: str) -> str:
    """A3, a3 and A3 are the same page size."""
    return {name.lower(): name for name in PAGE_SIZES}.get(value.lower(), value)


def cmd_export(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.is_dir():
        raise ExportError(f"{output}: is a folder; give a file name such as {output / 'map.pdf'}")
    if output.suffix.lower() != ".pdf":
        # also keeps '-o MAP.jmap' from replacing the map with its report
        raise ExportError(f"{output}: expected a .pdf file name (such as "
                          f"{output.with_suffix('.pdf')})")
    result = jmap.load(args.file)
    try:
        wave_labels(result.document, args.wave)
    except ExportError as exc:
        raise ExportError(f"{args.file}: {exc}") from None
    for problem in result.problems:
        print(f"{args.file}: warning: {problem}")
    options = ExportOptions(
        page_size=args.page_size, orientation=args.orientation, map_only=args.map_only,
        wave=args.wave, font_path=args.font,
        format_version=result.migrated_from if result.migrated_from is not None else FORMAT_VERSION,
    )
    outcome = export_pdf(result.document, output, options)
    layout = (f"map tiled on {outcome.map_pages - 1} pages plus an overview" if outcome.tiled
              else "map on one page")
    print(f"wrote {output}: {outcome.pages} page(s), {layout}")
    print(f"font: {outcome.font.describe()}")
    if not outcome.font.complete:
        print("warning: no font found that has every character of the map; "
              "install one (e.g. Noto Sans CJK as .ttf) or pass --font PATH")
    return 0
