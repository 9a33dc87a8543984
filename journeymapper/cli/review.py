"""The periodic review from the command line: ``diff``, ``git-diff`` (git's
external diff driver), ``actions`` and ``review`` (mark one, list them)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
from pathlib import Path

from journeymapper import words
from journeymapper.i18n import N_, _
from journeymapper.io import jmap
from journeymapper.io.git import git_revision
from journeymapper.io.reviews import baseline, mark_review
from journeymapper.model.actions import actions
from journeymapper.model.diff import MapDiff, diff
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import STATUSES, Element
from journeymapper.model.errors import JourneyError
from journeymapper.model.metrics import format_value
from journeymapper.model.reviews import reviews

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("diff", help="what changed between two versions of a map",
                       description="List the cards, links, stages, lanes and scores that "
                                   "changed from OLD to NEW, the opportunities whose status "
                                   "changed or that are done since, and those overdue.")
    p.add_argument("old", metavar="OLD", nargs="?", help="the older .jmap file")
    p.add_argument("new", metavar="NEW", nargs="?", help="the newer .jmap file")
    p.add_argument("--since-review", action="store_true",
                   help="compare OLD with the map as it was at its last review mark")
    p.add_argument("--git", metavar="REV",
                   help="OLD is the file at this git revision (give only the file)")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.add_argument("--exit-code", action="store_true",
                   help="exit 1 when the maps differ (as git diff --exit-code)")
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("git-diff", help="git's external diff driver for .jmap files "
                                        "(see docs/review.md)")
    p.add_argument("args", nargs="+", metavar="ARG",
                   help="what git passes: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE")
    p.set_defaults(func=cmd_git_diff)

    p = sub.add_parser("actions", help="the action tracker: the map's opportunities")
    p.add_argument("map", metavar="MAP", help="the .jmap file")
    p.add_argument("--owner", metavar="O", help="only actions with this owner")
    p.add_argument("--team", metavar="T",
                   help="only actions for this team (owner of a touchpoint of their pain points)")
    p.add_argument("--status", metavar="S", choices=STATUSES,
                   help=f"only this status ({', '.join(STATUSES)})")
    p.add_argument("--overdue", action="store_true", help="only overdue actions")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_actions)

    p = sub.add_parser("review", help="mark a review of a map, or list its reviews")
    p.add_argument("map", metavar="MAP", help="the .jmap file (saved in place unless -o)")
    p.add_argument("--list", action="store_true", help="list the reviews instead")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the review's date (default: today)")
    p.add_argument("--by", default="", metavar="WHO", help="who reviewed")
    p.add_argument("--note", default="", metavar="TEXT", help="a note")
    p.add_argument("--json", action="store_true", help="with --list: print a JSON list")
    p.add_argument("-o", "--output", metavar="OUT", help="write the map here instead of in place")
    p.set_defaults(func=cmd_review)


def _day(text: str | None, what: str) -> dt.date | None:
    if text is None:
        return None
    try:
        if not _DATE.match(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise JourneyError(N_("{what}: expected a date YYYY-MM-DD, got {value!r}"), what=what,
                           value=text) from None


# ---------------------------------------------------------------- diff
def sides(args: argparse.Namespace) -> tuple[JourneyMap, JourneyMap, str, str]:
    """The old and new maps the diff arguments name, with their labels."""
    given = [a for a in (args.old, args.new) if a is not None]
    if args.since_review and args.git:
        raise JourneyError(N_("diff: --since-review and --git cannot be combined"))
    if args.since_review or args.git:
        if len(given) != 1:
            raise JourneyError(N_("diff: give one map with --since-review or --git"))
        path = Path(given[0])
        new = jmap.load(path).document
        if args.git:
            old = jmap.loads(git_revision(path, args.git), name=f"{path}@{args.git}").document
            return old, new, f"{path}@{args.git}", str(path)
        found = baseline(new, str(path))
        if found is None:
            raise JourneyError(N_("{file}: no review marked yet (mark one with 'journeymapper "
                                  "review {file}' or Map > Mark review...)"), file=path)
        review, old = found
        return old, new, _("last review {date}").format(date=review.date), str(path)
    if len(given) != 2:
        raise JourneyError(N_("diff: give OLD and NEW (or one map with --since-review or --git)"))
    return (jmap.load(given[0]).document, jmap.load(given[1]).document, given[0], given[1])


def cmd_diff(args: argparse.Namespace) -> int:
    old, new, old_name, new_name = sides(args)
    result = diff(old, new, _day(args.today, "--today"))
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        for line in summary_lines(result, old_name, new_name):
            print(line)
    return 1 if args.exit_code and not result.empty else 0


def cmd_git_diff(args: argparse.Namespace) -> int:
    """git calls ``driver PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE``;
    a file added or deleted is /dev/null on its missing side."""
    if len(args.args) not in (1, 7):
        raise JourneyError(N_("git-diff: expected the 7 arguments git passes, got {n}"),
                           n=len(args.args))
    if len(args.args) == 1:  # an unmerged path: git passes the name only
        print(_("* Unmerged path {path}").format(path=args.args[0]))
        return 0
    path, old_file, _old_hex, _old_mode, new_file, _new_hex, _new_mode = args.args

    def side(file: str) -> JourneyMap:
        if file == os.devnull:
            return JourneyMap(title="")
        return jmap.loads(Path(file).read_bytes(), name=path).document

    result = diff(side(old_file), side(new_file))
    print(f"diff --journeymapper a/{path} b/{path}")
    for line in summary_lines(result, f"a/{path}", f"b/{path}"):
        print(line)
    return 0


def _card(element: Element) -> str:
    text = " ".join(element.text.split())[:80]
    quoted = text if text[:1] in "“\"'" else f"“{text}”"
    return _("{kind} {text}").format(kind=words.kind_label(element.kind), text=quoted)


def _cell(doc: JourneyMap, element: Element) -> str:
    p = element.placement
    if p is None:
        return ""
    stage = doc.get(p.stage).text if p.stage is not None and p.stage in doc else _("persona strip")
    lane = doc.lane(p.lane).name if doc.has_lane(p.lane) else p.lane
    return f"{stage} / {lane}"


def _value(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 60 else text[:57] + "…"


def _fields(fields: dict, kind=None) -> str:
    return "; ".join(f"{words.field_label(kind, name)}: {_value(words.coded_value(name, a))} "
                     f"-> {_value(words.coded_value(name, b))}" for name, (a, b) in fields.items())


def summary_lines(d: MapDiff, old_name: str, new_name: str) -> list[str]:
    """The diff as people read it: one line per change, grouped; the same text
    for ``journeymapper diff`` and ``git diff`` through the driver."""
    old, new = d.old, d.new
    out = [_("{old} -> {new}").format(old=old_name, new=new_name)]
    if d.empty:
        out.append(_("no changes"))
    else:
        out.append(", ".join(d.count_phrases()))
    for e in d.added:
        out.append(f"+ {_card(e)}  ({_cell(new, e)})")
    for e in d.removed:
        out.append(f"- {_card(e)}  ({_cell(old, e)})")
    for c in d.changed:
        out.append(f"~ {_card(c.new)}: {_fields(c.fields, c.new.kind)}")
    for m in d.moved:
        out.append(f"> {_card(m.new)}: {_cell(old, m.old)} -> {_cell(new, m.new)}")
    for sign, doc, links in (("+", new, d.links_added), ("-", old, d.links_removed)):
        for link in links:
            out.append(f"{sign} {_('link')}: {_card(doc.element(link.source))} "
                       f"{words.link_label(link.kind)} {_card(doc.element(link.target))}")
    stage, lane = N_("stage “{name}”"), N_("lane “{name}”")
    for sign, template, names in (
            ("+", stage, [s.text for s in d.stages_added]),
            ("-", stage, [s.text for s in d.stages_removed]),
            ("+", lane, [ln.name for ln in d.lanes_added]),
            ("-", lane, [ln.name for ln in d.lanes_removed])):
        out.extend(f"{sign} " + _(template).format(name=name) for name in names)
    renamed = [(N_("stage “{old}” renamed “{new}”"), c.old.text, c.new.text)
               for c in d.stages_renamed]
    renamed += [(N_("lane “{old}” renamed “{new}”"), c.old.name, c.new.name)
                for c in d.lanes_renamed]
    out.extend("~ " + _(template).format(old=a, new=b) for template, a, b in renamed)
    for c in d.stages_changed:
        out.append("~ " + _(stage).format(name=c.new.text) + f": {_fields(c.fields, c.new.kind)}")
    for s in d.stages_reordered:
        out.append("> " + _("stage “{name}” moved to place {index}").format(
            name=s.text, index=new.stage_order.index(s.id) + 1))
    for ch in d.lanes_changed:
        out.append("~ " + _("lane “{name}” now holds {kind}").format(
            name=ch.new.name, kind=words.kind_label(ch.new.kind)))
    for lane in d.lanes_reordered:
        out.append("> " + _("lane “{name}” moved").format(name=lane.name))
    for sc in d.scores:
        s = sc.score
        doc = new if sc.new is not None else old
        where = doc.get(s.stage).text if s.stage in doc else s.stage
        label = words.metric_label(s.metric, s.name)
        before = "-" if sc.old is None else f"{format_value(s.metric, sc.old.value)} (n={sc.old.n})"
        after = "-" if sc.new is None else f"{format_value(s.metric, sc.new.value)} (n={sc.new.n})"
        sign = "+" if sc.old is None else "-" if sc.new is None else "~"
        out.append(f"{sign} {where} {label} {s.wave}: {before} -> {after}")
    if d.done:
        out.append(_("done since: {items}").format(items=", ".join(f"“{e.text}”" for e in d.done)))
    for e in d.overdue:
        owner = e.fields.get("owner") or _("no owner")
        out.append(_("overdue: “{text}” (due {due}, {owner}, {status})").format(
            text=e.text, due=e.fields.get("due"), owner=owner,
            status=words.status_label(str(e.fields.get("status")))))
    return out


# ---------------------------------------------------------------- actions
def cmd_actions(args: argparse.Namespace) -> int:
    doc = jmap.load(args.map).document
    items = actions(doc, _day(args.today, "--today"), owner=args.owner, team=args.team,
                    status=args.status, overdue=args.overdue)
    if args.json:
        print(json.dumps([i.as_dict() for i in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print(_("{file}: no actions match").format(file=args.map))
        return 0
    for status in STATUSES:
        group = [i for i in items if i.status == status]
        if not group:
            continue
        print(_("{status} ({n})").format(status=words.status_label(status), n=len(group)))
        for i in group:
            bits = [i.owner or _("no owner")]
            if i.due:
                bits.append(_("due {date}").format(date=i.due) + (" " + _("OVERDUE")
                                                                  if i.overdue else ""))
            bits.append(_("votes {votes}, impact {impact}, effort {effort}").format(
                votes=i.field("votes"), impact=i.field("impact"), effort=i.field("effort")))
            print(f"  {'!' if i.overdue else ' '} {i.text}  [{'; '.join(bits)}]")
            for pain in i.addresses:
                print("      " + _("addresses “{text}”").format(text=pain.text))
    return 0


# ---------------------------------------------------------------- review
def cmd_review(args: argparse.Namespace) -> int:
    doc = jmap.load(args.map, strict=not args.list).document
    if args.list:
        found = reviews(doc)
        if args.json:
            print(json.dumps([{"key": r.key, "date": r.date, "by": r.by, "note": r.note,
                               "marked": r.marked, "summary": dict(r.summary),
                               "baseline": r.baseline is not None} for r in found],
                             ensure_ascii=False, indent=2))
        elif not found:
            print(_("{file}: no reviews marked yet").format(file=args.map))
        for r in [] if args.json else found:
            mark = " *" if r.baseline is not None else ""
            print(f"{r.date}  {r.by or '-'}  {r.note}{mark}")
        return 0
    day = _day(args.date, "--date") or dt.date.today()
    key = mark_review(doc, day.isoformat(), args.by, args.note, name=args.map)
    target = args.output or args.map
    jmap.save(doc, target, backup=Path(target) == Path(args.map))
    print(_("{file}: review of {date} marked ({key})").format(file=target, date=day.isoformat(),
                                                            key=key))
    return 0
