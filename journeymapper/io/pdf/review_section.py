"""The report's review section: since the last review (who, when, the note,
what changed), the actions done since then, and the actions overdue.

Its facts come from the same places as the window's and the CLI's: the
last review's baseline (io/reviews.py), the diff (model/diff.py) and the
action tracker (model/actions.py). A map with no review mark still gets the
overdue actions, when it has any.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from journeymapper import words
from journeymapper.i18n import _, ngettext
from journeymapper.io.pdf.flowables import TextBlock
from journeymapper.io.pdf.sections import facts_table, heading
from journeymapper.io.pdf.styles import Styles, data_table
from journeymapper.io.reviews import baseline_or_none
from journeymapper.model.actions import actions
from journeymapper.model.diff import MapDiff, diff
from journeymapper.model.document import JourneyMap
from journeymapper.model.reviews import Review


@dataclass
class ReviewFacts:
    """What the review section (and a summary page) reports."""

    review: Review | None
    changes: MapDiff | None
    done: list            # model.actions.Action, done since the last review
    overdue: list         # model.actions.Action, overdue on ``today``
    today: dt.date

    @property
    def empty(self) -> bool:
        return self.review is None and not self.overdue


def review_facts(doc: JourneyMap, today: dt.date | None = None) -> ReviewFacts:
    today = today or dt.date.today()
    found = baseline_or_none(doc, doc.title or "map")
    review, changes = None, None
    if found is not None:
        review, old = found
        changes = diff(old, doc, today)
    every = actions(doc, today)
    done_ids = {e.id for e in changes.done} if changes is not None else set()
    return ReviewFacts(review, changes, [a for a in every if a.id in done_ids],
                       [a for a in every if a.overdue], today)


def _days_late(due: str, today: dt.date) -> str:
    try:
        days = (today - dt.date.fromisoformat(due)).days
    except ValueError:
        return ""
    return ngettext("{n} day late", "{n} days late", days).format(n=days)


def review_section(doc: JourneyMap, st: Styles, width: float,
                   exported: str | dt.date | None = None) -> list[Flowable]:
    """Flowables of the review section (empty when there is nothing to say); what
    is overdue is decided on the report's date, ``exported`` (default today)."""
    if isinstance(exported, str):
        try:
            exported = dt.date.fromisoformat(exported)
        except ValueError:
            exported = None
    facts = review_facts(doc, exported)
    if facts.empty:
        return []
    out: list[Flowable] = [PageBreak(), *heading(_("Since the last review"), "review", st)]
    if facts.review is not None and facts.changes is not None:
        r = facts.review
        changed = "; ".join(facts.changes.count_phrases())
        out += [facts_table([(_("Last review"), r.date),
                             (_("Reviewed by"), r.by or _("not recorded")),
                             (_("Note"), r.note), (_("Changed since"), changed)], st, width),
                Spacer(1, 12)]
    else:
        out += [TextBlock(_("No review has been marked on this map yet (Map > Mark review… "
                            "or 'journeymapper review'); the actions below are overdue today."),
                          st.body), Spacer(1, 8)]
    if facts.review is not None:
        out += [CondPageBreak(90), TextBlock(_("Done since the last review"), st.h2),
                Spacer(1, 4)]
        if facts.done:
            out.append(_action_table(facts.done, st, width, facts.today, late=False))
        else:
            out.append(TextBlock(_("No action was finished since the last review."), st.body))
        out.append(Spacer(1, 12))
    out += [CondPageBreak(90), TextBlock(_("Overdue actions"), st.h2), Spacer(1, 4)]
    if facts.overdue:
        out.append(_action_table(facts.overdue, st, width, facts.today, late=True))
    else:
        out.append(TextBlock(_("None: every action due before {date} is done.").format(
            date=facts.today.isoformat()), st.body))
    return out


def _action_table(items: list, st: Styles, width: float, today: dt.date, late: bool):
    head = [_("Action"), _("Owner"), _("Due"), _("Status") if late else _("Votes"),
            _("Addresses")]
    fractions = (0.34, 0.14, 0.14, 0.1, 0.28) if not late else (0.32, 0.14, 0.14, 0.12, 0.28)
    rows = []
    for item in items:
        due = item.due or "-"
        if late and item.due:
            due += f"\n{_days_late(item.due, today)}"
        rows.append([item.text, item.owner or "-", due,
                     words.status_label(item.status) if late else str(item.field("votes")),
                     "; ".join(p.text for p in item.addresses) or "-"])
    return data_table(head, rows, [f * width for f in fractions], st,
                      highlight=list(range(1, len(rows) + 1)) if late else [])
