"""The 'render' command: a map as a PNG or SVG picture, without a window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journeymapper.i18n import N_, _
from journeymapper.io import jmap
from journeymapper.model.errors import ExportError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("render", help=_("draw a map as a PNG or SVG picture, labelled in the "
                                        "map's language"))
    p.add_argument("file", metavar="MAP", help=_("the .jmap file"))
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help=_("the .png or .svg file to write"))
    p.add_argument("--width", type=int, default=2400, metavar="PX",
                   help=_("width in pixels (default 2400; a PNG's sides stop at 16,384)"))
    p.add_argument("--dark", action="store_true", help=_("use the dark palette"))
    p.set_defaults(func=cmd_render)


def cmd_render(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.is_dir():
        raise ExportError(N_("{file}: is a folder; give a file name such as {example}"),
                          file=output, example=output / "map.png")
    if output.suffix.lower() not in (".png", ".svg"):
        raise ExportError(N_("{file}: expected a .png or .svg file name (such as {example})"),
                          file=output, example=output.with_suffix(".png"))
    result = jmap.load(args.file)
    for problem in result.problems:
        print(_("journeymapper: {file}: partially loaded: {problem}").format(
            file=args.file, problem=problem), file=sys.stderr)
    from journeymapper.canvas.render import MAX_SIDE, render_map  # Qt only for this command

    width, height = render_map(result.document, args.output, args.width, args.dark)
    print(_("wrote {file} ({width}x{height})").format(file=args.output, width=width,
                                                     height=height))
    if output.suffix.lower() == ".png" and width < args.width:
        print(_("the map is too tall for {asked} pixels across: no side of a PNG passes "
                "{side:,} pixels, so it is {width} across; write an .svg (no limit) or a PDF "
                "poster for more detail").format(asked=args.width, side=MAX_SIDE, width=width))
    return 0
