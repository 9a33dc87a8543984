"""Core commands: templates, new, validate, info, upgrade."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from journeymapper.io import jmap
from journeymapper.io.migrations import FORMAT_VERSION
from journeymapper.io.serialize import dumps
from journeymapper.model.errors import JourneyError
from journeymapper.templates import list_templates, new_from_template


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("templates", help="list the map templates")
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("new", help="create a map from a template")
    p.add_argument("--template", default="ecommerce", metavar="NAME",
                   help="template name (see 'templates'; default: ecommerce)")
    p.add_argument("--title", metavar="T", help="the map's title")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the .jmap file to write")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("validate", help="check a .jmap file and list every problem")
    p.add_argument("file", metavar="FILE", help="the .jmap file")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("info", help="summarise a map")
    p.add_argument("file", metavar="FILE", help="the .jmap file")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("upgrade", help="rewrite a map in the current file format")
    p.add_argument("file", metavar="FILE", help="the .jmap file (rewritten in place unless -o)")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of in place")
    p.set_defaults(func=cmd_upgrade)


def cmd_templates(args: argparse.Namespace) -> int:
    for template in list_templates():
        print(f"{template.name:<16} {' -> '.join(template.stages)}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.exists() and not args.force:
        raise JourneyError(f"{out}: exists already (use --force to overwrite)")
    names = {t.name.casefold(): t.name for t in list_templates()}
    args.template = names.get(args.template.casefold(), args.template)
    doc = new_from_template(args.template, title=args.title)
    jmap.save(doc, out, backup=False)
    print(f"created {out} from template {args.template!r}: {len(doc.stage_order)} stages")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    result = jmap.load(args.file)
    if result.problems:
        for problem in result.problems:
            print(f"{args.file}: {problem}")
        raise JourneyError(f"{args.file}: {len(result.problems)} problem(s) found")
    doc = result.document
    note = f" (format version {result.migrated_from}, upgrade to {FORMAT_VERSION} with " \
           f"'journeymapper upgrade')" if result.migrated_from is not None else ""
    print(f"{args.file}: valid: {len(doc)} elements, "
          f"{doc.link_count()} links{note}")
    return 0


def summary(doc, result: jmap.LoadResult) -> dict:
    return {
        "title": doc.title,
        "format_version": FORMAT_VERSION if result.migrated_from is None else result.migrated_from,
        "counts": doc.counts(),
        "stages": doc.stage_names(),
        "lanes": [lane.name for lane in doc.lanes],
        "links": doc.link_count(),
        "waves": [w.label for w in doc.waves],
        "scores": len(doc.scores()),
        "problems": result.problems,
    }


def cmd_info(args: argparse.Namespace) -> int:
    result = jmap.load(args.file)
    info = summary(result.document, result)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    print(f"{info['title']}  (format version {info['format_version']})")
    print(f"stages: {' -> '.join(info['stages']) or '(none)'}")
    counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in info["counts"].items() if v)
    print(f"elements: {counts or '(none)'}; links: {info['links']}")
    if info["waves"]:
        print(f"survey waves: {', '.join(info['waves'])}; scores: {info['scores']}")
    for problem in info["problems"]:
        print(f"problem: {problem}")
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    source = Path(args.file)
    original = source.read_bytes() if source.is_file() else b""
    result = jmap.load(source, strict=True)
    data = dumps(result.document)
    target = Path(args.output) if args.output else source
    if target == source and data == original:
        print(f"{source}: already in format version {FORMAT_VERSION}; nothing changed")
        return 0
    from journeymapper.io.atomic import atomic_write_bytes

    atomic_write_bytes(target, data, backup=target == source)
    what = (f"migrated from format version {result.migrated_from}"
            if result.migrated_from is not None else "rewritten")
    print(f"{target}: {what} to format version {FORMAT_VERSION}")
    return 0
