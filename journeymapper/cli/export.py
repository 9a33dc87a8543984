"""The ``export`` command: the stakeholder PDF of a map, without a window."""

from __future__ import annotations

import argparse
from pathlib import Path

from journeymapper.i18n import N_, _, ngettext
from journeymapper.io import jmap
from journeymapper.io.migrations import FORMAT_VERSION
from journeymapper.io.pdf import ORIENTATIONS, PAGE_SIZES, ExportOptions, export_pdf
from journeymapper.io.pdf.scoring import wave_labels
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
    p.add_argument("--orientation", default="landscape", choices=list(ORIENTATIONS),
                   help=_("default: landscape"))
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
        wave=args.wave, font_path=args.font,
        format_version=result.migrated_from if result.migrated_from is not None else FORMAT_VERSION,
    )
    outcome = export_pdf(result.document, output, options)  # labelled in the map's language
    tiles = outcome.map_pages - 1
    layout = (ngettext("map tiled on {n} page plus an overview",
                       "map tiled on {n} pages plus an overview", tiles).format(n=tiles)
              if outcome.tiled else _("map on one page"))
    print(ngettext("wrote {file}: {n} page, {layout}", "wrote {file}: {n} pages, {layout}",
                   outcome.pages).format(file=output, n=outcome.pages, layout=layout))
    print(_("font: {font}").format(font=outcome.font.describe()))
    if not outcome.font.complete:
        print(_("warning: no font found that has every character of the map; "
                "install one (e.g. Noto Sans CJK as .ttf) or pass --font PATH"))
    return 0
