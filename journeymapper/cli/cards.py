"""Workshop commands: ``cards import`` (a list of cards from CSV/XLSX) and
``votes`` (the dot votes of a map and their results)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from journeymapper.cli import same_file
from journeymapper.i18n import N_, _, ngettext
from journeymapper.io import jmap
from journeymapper.io.cardlist import apply_plan, plan_cards
from journeymapper.model import workshop as ws
from journeymapper.model.analysis import ranked_by_votes
from journeymapper.model.errors import CardListError, JourneyError


def register(sub: argparse._SubParsersAction) -> None:
    cards = sub.add_parser("cards", help=_("add cards to a map in bulk"))
    cards_sub = cards.add_subparsers(dest="cards_command", metavar="COMMAND")
    cards.set_defaults(func=lambda _args: cards.print_help() or 2)
    p = cards_sub.add_parser(
        "import", help=_("add the cards of a CSV or XLSX list (stage, lane or kind, text)"),
        description=_("Add one card per row: its stage (by name), its lane (by name, or a card "
                      "kind such as pain_point) and its text. A first row naming the columns "
                      "(stage, lane/kind, text) is read as a header; otherwise the first three "
                      "columns are taken in that order."))
    p.add_argument("map", metavar="MAP", help=_("the .jmap file (saved in place unless -o)"))
    p.add_argument("file", metavar="FILE", help=_("the list of cards (CSV or XLSX)"))
    p.add_argument("--create-stages", action="store_true",
                   help=_("add stages the map does not have (at the end) instead of refusing"))
    p.add_argument("--sheet", metavar="NAME", help=_("XLSX: the sheet to read (default: the first)"))
    p.add_argument("-o", "--output", metavar="OUT", help=_("write the map here instead of in place"))
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("votes", help=_("list a map's dot votes and their results"))
    p.add_argument("map", metavar="MAP", help=_("the .jmap file"))
    p.add_argument("--json", action="store_true", help=_("print a JSON list"))
    p.set_defaults(func=cmd_votes)


def cmd_import(args: argparse.Namespace) -> int:
    map_path = Path(args.map)
    if args.output and same_file(args.output, args.file):
        raise JourneyError(N_("{out}: is the list of cards being read; expected -o to name the "
                              ".jmap file to write"), out=args.output)
    doc = jmap.load(map_path, strict=True).document
    plan = plan_cards(doc, args.file, args.sheet)
    if plan.new_stages and not args.create_stages:
        raise CardListError(N_("{file}: row {row}: stage: {value!r} is not a stage of this map; "
                               "expected one of {expected} (or --create-stages to add it)"),
                            file=plan.file, row=plan.new_stage_rows[0],
                            value=plan.new_stages[0],
                            expected=", ".join(doc.stage_names()) or _("(no stages)"))
    ids = apply_plan(doc, plan)
    target = Path(args.output) if args.output else map_path
    jmap.save(doc, target, backup=target == map_path)
    if plan.new_stages:
        print(_("added stages: {names}").format(names=", ".join(plan.new_stages)))
    print(ngettext("{file}: {n} card added; saved {target}",
                   "{file}: {n} cards added; saved {target}", len(ids)).format(
        file=plan.file, n=len(ids), target=target))
    return 0


def vote_summary(doc, vote: ws.Vote) -> dict:
    names = {} if vote.anonymous else ws.voter_names(doc, vote.id)
    counts = ws.counts(doc, vote.id)
    ranking = [{"id": e.id, "kind": e.kind.value, "text": e.text, "dots": n}
               for e, n in ranked_by_votes(doc, vote.id)]
    return {
        "id": vote.id, "question": vote.question, "kinds": [k.value for k in vote.kinds],
        "dots_per_person": vote.dots, "per_card": vote.per_card, "anonymous": vote.anonymous,
        "hidden": vote.hidden, "started": ws.stamp(vote.started),
        "revealed": ws.stamp(vote.revealed) if vote.revealed else None,
        "voters": len(ws.voters_of(doc, vote.id)),
        "voter_names": None if vote.anonymous else sorted(names.values()),
        "dots": sum(counts.values()), "ranking": ranking if vote.shows_counts() else None,
    }


def cmd_votes(args: argparse.Namespace) -> int:
    doc = jmap.load(args.map).document
    summaries = [vote_summary(doc, v) for v in ws.votes(doc)]
    if args.json:
        print(json.dumps(summaries, ensure_ascii=False, indent=2))
        return 0
    if not summaries:
        print(_("{map}: no dot votes").format(map=args.map))
        return 0
    for s in summaries:
        state = _("revealed {when}").format(when=s["revealed"][:16].replace("T", " ")) \
            if s["revealed"] else _("not revealed")
        voters = ngettext("{n} voter", "{n} voters", s["voters"]).format(n=s["voters"])
        dots = ngettext("{n} dot", "{n} dots", s["dots"]).format(n=s["dots"])
        print(f"{s['question'] or _('(no question)')}  [{state}; {voters}, {dots}]")
        if s["voter_names"]:
            print("  " + _("voted: {names}").format(names=", ".join(s["voter_names"])))
        if s["ranking"] is None:
            print("  " + _("(hidden until the facilitator reveals it)"))
            continue
        for rank, entry in enumerate(s["ranking"], 1):
            text = " ".join(entry["text"].split())
            print(f"  {rank:>2}. {entry['dots']:>3}  {text[:70]}")
    return 0
