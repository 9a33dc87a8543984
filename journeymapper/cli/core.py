"""Core commands: templates, new, validate, info, upgrade."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from journeymapper.i18n import N_, _, ngettext, plural_message
from journeymapper.io import jmap
from journeymapper.io.migrations import FORMAT_VERSION
from journeymapper.io.serialize import dumps
from journeymapper.model.elements import Kind
from journeymapper.model.errors import JourneyError
from journeymapper.templates import list_templates, new_from_template
from journeymapper.words import kind_count, language_name, map_language


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("templates", help=_("list the map templates"))
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("new", help=_("create a map from a template"))
    p.add_argument("--template", default="ecommerce", metavar="NAME",
                   help=_("template name (see 'templates'; default: ecommerce)"))
    p.add_argument("--title", metavar="T", help=_("the map's title"))
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help=_("the .jmap file to write"))
    p.add_argument("--force", action="store_true", help=_("overwrite an existing file"))
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("validate", help=_("check a .jmap file and list every problem"))
    p.add_argument("file", metavar="FILE", help=_("the .jmap file"))
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("info", help=_("summarise a map"))
    p.add_argument("file", metavar="FILE", help=_("the .jmap file"))
    p.add_argument("--json", action="store_true", help=_("print a JSON object"))
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("upgrade", help=_("rewrite a map in the current file format"))
    p.add_argument("file", metavar="FILE",
                   help=_("the .jmap file (rewritten in place unless -o)"))
    p.add_argument("-o", "--output", metavar="OUT", help=_("write here instead of in place"))
    p.set_defaults(func=cmd_upgrade)


def cmd_templates(args: argparse.Namespace) -> int:
    for template in list_templates():
        print(f"{template.name:<16} {' -> '.join(template.stages)}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.exists() and not args.force:
        raise JourneyError(N_("{file}: exists already (use --force to overwrite)"), file=out)
    names = {t.name.casefold(): t.name for t in list_templates()}
    args.template = names.get(args.template.casefold(), args.template)
    doc = new_from_template(args.template, title=args.title)
    jmap.save(doc, out, backup=False)
    count = len(doc.stage_order)
    print(ngettext("created {file} from template {template!r}: {n} stage",
                   "created {file} from template {template!r}: {n} stages", count).format(
        file=out, template=args.template, n=count))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    result = jmap.load(args.file)
    if result.problems:
        for problem in result.problems:
            print(f"{args.file}: {problem}")
        raise JourneyError(plural_message("{file}: {n} problem found", "{file}: {n} problems found",
                                          len(result.problems), file=args.file))
    doc = result.document
    elements, links = len(doc), doc.link_count()
    line = _("{file}: valid: {elements}, {links}").format(
        file=args.file, elements=ngettext("{n} element", "{n} elements", elements).format(n=elements),
        links=ngettext("{n} link", "{n} links", links).format(n=links))
    if result.migrated_from is not None:
        line += _(" (format version {old}, upgrade to {current} with 'journeymapper upgrade')").format(
            old=result.migrated_from, current=FORMAT_VERSION)
    print(line)
    return 0


def summary(doc, result: jmap.LoadResult) -> dict:
    return {
        "title": doc.title,
        "language": map_language(doc),
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
    none = _("(none)")
    print(_("{title}  (format version {version}, {language})").format(
        title=info["title"], version=info["format_version"],
        language=language_name(info["language"])))
    print(_("stages: {stages}").format(stages=" -> ".join(info["stages"]) or none))
    counts = ", ".join(kind_count(Kind(k), v) for k, v in info["counts"].items() if v)
    print(_("elements: {counts}; links: {links}").format(counts=counts or none,
                                                          links=info["links"]))
    if info["waves"]:
        print(_("survey waves: {waves}; scores: {scores}").format(
            waves=", ".join(info["waves"]), scores=info["scores"]))
    for problem in info["problems"]:
        print(_("problem: {problem}").format(problem=problem))
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    source = Path(args.file)
    original = source.read_bytes() if source.is_file() else b""
    result = jmap.load(source, strict=True)
    data = dumps(result.document)
    target = Path(args.output) if args.output else source
    if target == source and data == original:
        print(_("{file}: already in format version {version}; nothing changed").format(
            file=source, version=FORMAT_VERSION))
        return 0
    from journeymapper.io.atomic import atomic_write_bytes

    atomic_write_bytes(target, data, backup=target == source)
    if result.migrated_from is not None:
        print(_("{file}: migrated from format version {old} to format version {version}").format(
            file=target, old=result.migrated_from, version=FORMAT_VERSION))
    else:
        print(_("{file}: rewritten to format version {version}").format(
            file=target, version=FORMAT_VERSION))
    return 0
