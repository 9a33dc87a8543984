"""The action tracker: a map's opportunities as the things a team promised to do.

An opportunity carries its status (idea / planned / in progress / done),
owner, due date, votes, impact and effort; the pain points it addresses are
its ``addresses`` links, and the teams it concerns are the owner teams of the
touchpoints those pain points occur at. An action is *overdue* when its due
date is before today and it is not done. The board panel, ``journeymapper
actions``, the diff and the PDF all read the actions from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import STATUSES, Element, Kind
from journeymapper.model.links import LinkKind

DONE = "done"


@dataclass(frozen=True)
class Action:
    """One opportunity as the tracker shows it."""

    element: Element
    overdue: bool
    addresses: tuple[Element, ...]  # the pain points, most severe first
    teams: tuple[str, ...]          # owner teams of the touchpoints they occur at

    @property
    def id(self) -> str:
        return self.element.id

    @property
    def text(self) -> str:
        return self.element.text

    @property
    def status(self) -> str:
        return str(self.element.fields.get("status", "idea"))

    @property
    def owner(self) -> str:
        return str(self.element.fields.get("owner", ""))

    @property
    def due(self) -> str:
        return str(self.element.fields.get("due", ""))

    def field(self, name: str) -> Any:
        return self.element.fields.get(name)

    def as_dict(self) -> dict[str, Any]:
        """What ``journeymapper actions --json`` prints for one action."""
        f = self.element.fields
        return {
            "id": self.id, "text": self.text, "status": self.status, "owner": self.owner,
            "due": self.due or None, "overdue": self.overdue, "votes": f.get("votes", 0),
            "impact": f.get("impact"), "effort": f.get("effort"),
            "addresses": [{"id": p.id, "text": p.text} for p in self.addresses],
        }


def today() -> dt.date:
    return dt.date.today()


def is_overdue(element: Element, on: dt.date | None = None) -> bool:
    """Due before ``on`` (default today) and not done."""
    due = element.fields.get("due") or ""
    if element.kind is not Kind.OPPORTUNITY or not due or element.fields.get("status") == DONE:
        return False
    try:
        return dt.date.fromisoformat(str(due)) < (on or today())
    except ValueError:
        return False


def action(doc: JourneyMap, element: Element, on: dt.date | None = None) -> Action:
    pains = [doc.element(link.target)
             for link in doc.out_links(element.id, LinkKind.ADDRESSES) if link.target in doc]
    pains.sort(key=lambda p: (-int(p.fields.get("severity", 0)), p.text, p.id))
    teams: dict[str, None] = {}
    for pain in pains:
        for link in doc.out_links(pain.id, LinkKind.OCCURS_AT):
            owner = str(doc.element(link.target).fields.get("owner", "")).strip()
            if owner:
                teams.setdefault(owner)
    return Action(element, is_overdue(element, on), tuple(pains), tuple(teams))


def _matches(text: str, wanted: str | None) -> bool:
    return wanted is None or text.strip().casefold() == wanted.strip().casefold()


def actions(doc: JourneyMap, on: dt.date | None = None, owner: str | None = None,
            team: str | None = None, status: str | None = None,
            overdue: bool = False) -> list[Action]:
    """The map's opportunities as actions, filtered (owner and team compare without
    case), in board order: by status, overdue first, then by due date (undated
    last), more votes first, then text."""
    found = []
    for element in doc.elements(Kind.OPPORTUNITY):
        item = action(doc, element, on)
        if not _matches(item.owner, owner) or (status is not None and item.status != status):
            continue
        if team is not None and not any(_matches(t, team) for t in item.teams):
            continue
        if overdue and not item.overdue:
            continue
        found.append(item)
    found.sort(key=board_order)
    return found


def board_order(item: Action) -> tuple[Any, ...]:
    rank = STATUSES.index(item.status) if item.status in STATUSES else len(STATUSES)
    return (rank, not item.overdue, item.due or "9999-99-99", -int(item.field("votes") or 0),
            item.text.casefold(), item.id)


def owners(items: Iterable[Action]) -> list[str]:
    """The owners named on the actions, sorted without case."""
    return sorted({i.owner.strip() for i in items if i.owner.strip()}, key=str.casefold)


def teams(items: Iterable[Action]) -> list[str]:
    return sorted({t for i in items for t in i.teams}, key=str.casefold)
