"""The ``export`` command: the stakeholder PDF of a map, without a window."""

from __future__ import annotations

import argparse
from pathlib import Path

from journeymapper.i18n import N_, _, ngettext
from journeymapper.io import jmap
from journeymapper.io.migrations import FORMAT_VERSION
from journeymapper.io.pdf import ORIENTATIONS, PAGE_SIZES, ExportOptions, export_pdf
from journeymapper.io.pdf.scoring import wave_labels
from journeymapper.io.pdf.tiling import MIN_PRINTED_PT, MM
from journeymapper.model.errors import ExportError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help=_("export a map as a PDF report for stakeholders"),
                       description=_("Write the map as a PDF: cover, the map as vector drawing "
                                     "(tiled when it does not fit legibly on one page), "
                                     "personas, survey scores, pain points and opportunities, "
                                     "labelled in the map's language."))
    p.add_argument("file", metavar="MAP", help=_("the .jmap file"))
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf",
                   help=_("the PDF to write"))
    p.add_argument("--page-size", default="A4", choices=list(PAGE_SIZES), type=_page_size,
                   help=_("default: A4"))
    p.add_argument("--orientation", default="auto", choices=list(ORIENTATIONS),
                   help=_("default: auto (text pages landscape, map pages whichever takes "
                          "fewer pages)"))
    p.add_argument("--poster", nargs="?", const="auto", metavar="SIZE",
                   help=_("the whole map on one page of the size it needs (A3 up to A0), or "
                          "of SIZE: A3, A2, A1, A0 or a width x height in millimetres "
                          "(1189x841)"))
    p.add_argument("--map-only", action="store_true", help=_("only the map pages"))
    p.add_argument("--wave", metavar="WAVE",
                   help=_("show scores up to this survey wave (default: the latest)"))
    p.add_argument("--font", metavar="PATH",
                   help=_("a TrueType font (.ttf, or .ttc#N) to set the report in"))
    p.set_defaults(func=cmd_export)


def _page_size(value: str) -> str:
    """A3, a3 and A3 are the same page size."""
    return {name.lower(): name for name in PAGE_SIZES}.get(value.lower(), value)


def cmd_export(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.is_dir():
        raise ExportError(N_("{file}: is a folder; give a file name such as {example}"),
                          file=output, example=output / "map.pdf")
    if output.suffix.lower() != ".pdf":
        # also keeps '-o MAP.jmap' from replacing the map with its report
        raise ExportError(N_("{file}: expected a .pdf file name (such as {example})"),
                          file=output, example=output.with_suffix(".pdf"))
    result = jmap.load(args.file)
    try:
        wave_labels(result.document, args.wave)
    except ExportError as exc:
        raise ExportError(N_("{file}: {problem}"), file=args.file, problem=exc.message) from None
    for problem in result.problems:
        print(_("{file}: warning: {problem}").format(file=args.file, problem=problem))
    options = ExportOptions(
        page_size=args.page_size, orientation=args.orientation, map_only=args.map_only,
        wave=args.wave, font_path=args.font, poster=args.poster,
        format_version=result.migrated_from if result.migrated_from is not None else FORMAT_VERSION,
    )
    if args.poster is not None:
        options.poster_size()  # a bad size is refused before the map is read further
    outcome = export_pdf(result.document, output, options)  # labelled in the map's language
    print(summary_line(output, outcome))
    print(_("font: {font}").format(font=outcome.font.describe()))
    if not outcome.font.complete:
        print(_("warning: no font found that has every character of the map; "
                "install one (e.g. Noto Sans CJK as .ttf) or pass --font PATH"))
    if outcome.smallest_pt < MIN_PRINTED_PT:
        print(_("warning: the map needs a page larger than the largest a PDF viewer opens; "
                "its smallest text prints at {size} pt").format(size=f"{outcome.smallest_pt:.1f}"))
    return 0


def summary_line(output: Path, outcome) -> str:
    """'wrote OUT.pdf: 11 pages, the map on 3 pages' and the like."""
    pages = ngettext("{n} page", "{n} pages", outcome.pages).format(n=outcome.pages)
    if not outcome.tiled:
        width, height = (round(v / MM) for v in outcome.map_page)
        layout = _("the map on one page ({width} x {height} mm)").format(width=width,
                                                                        height=height)
    else:
        layout = ngettext("the map on {n} page", "the map on {n} pages",
                          outcome.map_pages).format(n=outcome.map_pages)
    return _("wrote {file}: {pages}, {layout}").format(file=output, pages=pages, layout=layout)
