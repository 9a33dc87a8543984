"""What a workshop keeps in its map: locks, dot votes, the timer and silent
brainstorm rounds, as keyed records (see :mod:`journeymapper.model.records`).

Plain Python, no Qt. Every value is checked when it goes in (a file or a
peer in a session is untrusted), so the readers below can rely on its shape.
The sections (documented in docs/file-format.md, "Records"):

- ``locks``: key an element id (a card or a stage) or a lane id; value
  ``{"by": name}`` (plus ``"lane": true`` for a lane). A lock goes with its
  card or stage.
- ``votes``: key a vote id; value the vote's question and rules, when it
  started, whether it has been revealed (:class:`Vote`).
- ``dots``: key ``vote|voter|card``; value how many of the voter's dots sit
  on the card. A dot goes with its card (removing a card takes its dots,
  undo brings them back). ``voter`` is a token: a name is only kept, in
  ``voters``, when the vote is not anonymous.
- ``voters``: key ``vote|voter``; value ``{"name": name}``.
- ``workshop``: key ``timer`` (:class:`Timer`) and key ``round``
  (:class:`Round`, an open silent-brainstorm round).
- ``hidden``: key a card id; value ``{"author": participant id, "name":
  name}``: a card typed during a round, hidden until the round is revealed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from journeymapper.i18n import N_, Message
from journeymapper.model.document import JourneyMap
from journeymapper.model.elements import CARD_KINDS, Kind, short_repr
from journeymapper.model.records import Section, register

LOCKS, VOTES, DOTS, VOTERS, WORKSHOP, HIDDEN = (
    "locks", "votes", "dots", "voters", "workshop", "hidden")
TIMER_KEY, ROUND_KEY = "timer", "round"

MAX_NAME = 200
MAX_QUESTION = 500
MAX_DOTS = 99
MAX_TIMER = 24 * 3600
_TOKEN = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_VOTE_STATES = ("open", "revealed")
_TIMER_STATES = ("running", "paused")


# ---------------------------------------------------------------- time
def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def stamp(moment: dt.datetime) -> str:
    """A moment as it is stored: ISO 8601 in UTC, to the millisecond."""
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="milliseconds")


def parse_stamp(text: Any) -> dt.datetime | None:
    """A stored moment, or None when ``text`` is not one (always aware, UTC)."""
    if not isinstance(text, str) or not 10 <= len(text) <= 40:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


# ---------------------------------------------------------------- checks
Problem = Message | None


def _name_problem(value: Any, what: str = "name") -> Problem:
    if not isinstance(value, str) or not 0 < len(value.strip()) <= MAX_NAME:
        return Message(N_("{field}: expected a text of 1..{limit} characters, got {value}"),
                       field=what, limit=MAX_NAME, value=short_repr(value))
    return None


def _object(value: Any, allowed: set[str], required: set[str]) -> Problem:
    if not isinstance(value, Mapping):
        return Message(N_("expected an object, got {value}"), value=short_repr(value))
    unknown = set(value) - allowed
    if unknown:
        return Message(N_("unknown keys {keys}"), keys=", ".join(sorted(map(str, unknown))))
    missing = required - set(value)
    if missing:
        return Message(N_("missing {keys}"), keys=", ".join(sorted(missing)))
    return None


def _check_lock(key: str, value: Any) -> Problem:
    problem = _object(value, {"by", "lane"}, {"by"}) or _name_problem(value["by"], "by")
    if problem:
        return problem
    if "lane" in value and value["lane"] is not True:
        return Message(N_("{field}: expected true, got {value}"), field="lane",
                       value=short_repr(value["lane"]))
    return None


def _lock_refers(key: str, value: Any) -> tuple[str, ...]:
    return () if isinstance(value, Mapping) and value.get("lane") is True else (key,)


def _check_vote(key: str, value: Any) -> Problem:
    if not _TOKEN.match(key):
        return Message(N_("expected a vote id (letters, digits, '-', '_' or '.'), got {value}"),
                       value=short_repr(key))
    problem = _object(value, {"question", "kinds", "dots", "per_card", "anonymous", "hidden",
                              "started", "ends", "state", "revealed"},
                      {"question", "kinds", "dots", "per_card", "anonymous", "hidden",
                       "started", "state"})
    if problem:
        return problem
    if not isinstance(value["question"], str) or len(value["question"]) > MAX_QUESTION:
        return Message(N_("{field}: expected a text of at most {limit} characters"),
                       field="question", limit=MAX_QUESTION)
    kinds = value["kinds"]
    card_kinds = {k.value for k in CARD_KINDS}
    if not isinstance(kinds, tuple) or not all(k in card_kinds for k in kinds) \
            or len(set(kinds)) != len(kinds):
        return Message(N_("{field}: expected a list of card kinds, got {value}"), field="kinds",
                       value=short_repr(kinds))
    for name, top in (("dots", MAX_DOTS), ("per_card", value["dots"])):
        n = value[name]
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= min(top, MAX_DOTS):
            return Message(N_("{field}: expected an integer {lo}..{hi}, got {value}"), field=name,
                           lo=1, hi=min(top, MAX_DOTS), value=short_repr(n))
    for name in ("anonymous", "hidden"):
        if not isinstance(value[name], bool):
            return Message(N_("{field}: expected true or false, got {value}"), field=name,
                           value=short_repr(value[name]))
    if value["state"] not in _VOTE_STATES:
        return Message(N_("{field}: expected one of {expected}, got {value}"), field="state",
                       expected="open, revealed", value=short_repr(value["state"]))
    if parse_stamp(value["started"]) is None:
        return _moment_problem("started", value["started"])
    for name in ("ends", "revealed"):
        if value.get(name, "") != "" and parse_stamp(value[name]) is None:
            return Message(N_("{field}: expected a date and time or empty, got {value}"),
                           field=name, value=short_repr(value[name]))
    return None


def split_dot_key(key: str) -> tuple[str, str, str] | None:
    """(vote, voter, card) of a dot key, or None when it is not one."""
    parts = key.split("|", 2)
    if len(parts) != 3 or not _TOKEN.match(parts[0]) or not _TOKEN.match(parts[1]) \
            or not parts[2]:
        return None
    return parts[0], parts[1], parts[2]


def _check_dot(key: str, value: Any) -> Problem:
    if split_dot_key(key) is None:
        return Message(N_("expected a key vote|voter|card, got {value}"), value=short_repr(key))
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DOTS:
        return Message(N_("expected a number of dots 1..{limit}, got {value}"), limit=MAX_DOTS,
                       value=short_repr(value))
    return None


def _dot_refers(key: str, value: Any) -> tuple[str, ...]:
    parts = split_dot_key(key)
    return (parts[2],) if parts else ()


def _check_voter(key: str, value: Any) -> Problem:
    parts = key.split("|")
    if len(parts) != 2 or not all(_TOKEN.match(p) for p in parts):
        return Message(N_("expected a key vote|voter, got {value}"), value=short_repr(key))
    return _object(value, {"name"}, {"name"}) or _name_problem(value["name"])


def _check_workshop(key: str, value: Any) -> Problem:
    if key == TIMER_KEY:
        return Timer.problem(value)
    if key == ROUND_KEY:
        problem = _object(value, {"started", "by"}, {"started", "by"})
        if problem:
            return problem
        if parse_stamp(value["started"]) is None:
            return _moment_problem("started", value["started"])
        return _name_problem(value["by"], "by")
    return Message(N_("expected the key {expected}, got {value}"),
                   expected=f"{TIMER_KEY!r}, {ROUND_KEY!r}", value=short_repr(key))


def _check_hidden(key: str, value: Any) -> Problem:
    problem = _object(value, {"author", "name"}, {"author", "name"})
    if problem:
        return problem
    if not isinstance(value["author"], str) or not _TOKEN.match(value["author"]):
        return Message(N_("{field}: expected a participant id, got {value}"), field="author",
                       value=short_repr(value["author"]))
    return _name_problem(value["name"])


def _moment_problem(field: str, value: Any) -> Message:
    return Message(N_("{field}: expected a date and time, got {value}"), field=field,
                   value=short_repr(value))


for _section in (
    Section(LOCKS, _check_lock, _lock_refers),
    Section(VOTES, _check_vote, limit=1000),
    Section(DOTS, _check_dot, _dot_refers),
    Section(VOTERS, _check_voter),
    Section(WORKSHOP, _check_workshop, limit=8),
    Section(HIDDEN, _check_hidden, lambda key, value: (key,)),
):
    register(_section)


# ---------------------------------------------------------------- values
@dataclass(frozen=True)
class Vote:
    """A dot vote: the question, which kinds of card take dots (none: any),
    dots per person, at most ``per_card`` of them on one card, whether it is
    anonymous (no names kept) and hidden (each voter sees only their own dots
    until the reveal), when it started and, optionally, ends."""

    id: str
    question: str
    kinds: tuple[Kind, ...]
    dots: int
    per_card: int
    anonymous: bool
    hidden: bool
    started: dt.datetime
    ends: dt.datetime | None = None
    revealed: dt.datetime | None = None

    @classmethod
    def from_record(cls, key: str, value: Mapping[str, Any]) -> Vote:
        started = parse_stamp(value["started"])
        assert started is not None  # the section's check saw to it
        return cls(key, value["question"], tuple(Kind(k) for k in value["kinds"]),
                   value["dots"], value["per_card"], value["anonymous"], value["hidden"],
                   started, parse_stamp(value.get("ends", "")),
                   parse_stamp(value.get("revealed", "")) if value["state"] == "revealed"
                   else None)

    def record(self) -> dict[str, Any]:
        return {"question": self.question, "kinds": [k.value for k in self.kinds],
                "dots": self.dots, "per_card": self.per_card, "anonymous": self.anonymous,
                "hidden": self.hidden, "started": stamp(self.started),
                "ends": stamp(self.ends) if self.ends else "",
                "state": "revealed" if self.revealed else "open",
                "revealed": stamp(self.revealed) if self.revealed else ""}

    def takes(self, kind: Kind) -> bool:
        """Whether a card of ``kind`` can take dots in this vote."""
        return kind is not Kind.STAGE and (not self.kinds or kind in self.kinds)

    def is_open(self, now: dt.datetime) -> bool:
        """Dots can still be placed and taken back."""
        return self.revealed is None and (self.ends is None or now < self.ends)

    def shows_counts(self) -> bool:
        """Everyone sees the counts: revealed, or an open (not hidden) vote."""
        return self.revealed is not None or not self.hidden


@dataclass(frozen=True)
class Timer:
    """The workshop timer: ``seconds`` in all; running until ``ends``, or
    paused with ``left`` seconds to go."""

    seconds: int
    ends: dt.datetime | None
    left: float
    label: str = ""

    @staticmethod
    def problem(value: Any) -> Problem:
        problem = _object(value, {"seconds", "state", "ends", "left", "label"},
                          {"seconds", "state"})
        if problem:
            return problem
        seconds = value["seconds"]
        if isinstance(seconds, bool) or not isinstance(seconds, int) \
                or not 1 <= seconds <= MAX_TIMER:
            return Message(N_("{field}: expected an integer {lo}..{hi}, got {value}"),
                           field="seconds", lo=1, hi=MAX_TIMER, value=short_repr(seconds))
        if value["state"] not in _TIMER_STATES:
            return Message(N_("{field}: expected one of {expected}, got {value}"), field="state",
                           expected="running, paused", value=short_repr(value["state"]))
        if value["state"] == "running" and parse_stamp(value.get("ends")) is None:
            return _moment_problem("ends", value.get("ends"))
        left = value.get("left", 0)
        if isinstance(left, bool) or not isinstance(left, (int, float)) \
                or not 0 <= left <= MAX_TIMER + 3600:
            return Message(N_("{field}: expected seconds 0..{limit}, got {value}"), field="left",
                           limit=MAX_TIMER + 3600, value=short_repr(left))
        label = value.get("label", "")
        if not isinstance(label, str) or len(label) > MAX_NAME:
            return Message(N_("{field}: expected a text of at most {limit} characters"),
                           field="label", limit=MAX_NAME)
        return None

    @classmethod
    def from_record(cls, value: Mapping[str, Any]) -> Timer:
        ends = parse_stamp(value.get("ends")) if value["state"] == "running" else None
        return cls(value["seconds"], ends, float(value.get("left", 0)), value.get("label", ""))

    def record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"seconds": self.seconds,
                               "state": "running" if self.ends else "paused",
                               "left": round(self.left, 3)}
        if self.ends:
            out["ends"] = stamp(self.ends)
        if self.label:
            out["label"] = self.label
        return out

    @property
    def running(self) -> bool:
        return self.ends is not None

    def remaining(self, now: dt.datetime) -> float:
        """Seconds to go (0 once it has ended)."""
        if self.ends is None:
            return max(0.0, self.left)
        return max(0.0, (self.ends - now).total_seconds())

    def started(self, now: dt.datetime, seconds: int | None = None, label: str = "") -> Timer:
        total = seconds or self.seconds
        return Timer(total, now + dt.timedelta(seconds=total), float(total), label or self.label)

    def paused(self, now: dt.datetime) -> Timer:
        return Timer(self.seconds, None, self.remaining(now), self.label)

    def resumed(self, now: dt.datetime) -> Timer:
        return Timer(self.seconds, now + dt.timedelta(seconds=self.left), self.left, self.label)

    def extended(self, now: dt.datetime, seconds: int) -> Timer:
        """``seconds`` more (an ended timer starts again with them)."""
        left = min(MAX_TIMER, self.remaining(now) + seconds)
        total = min(MAX_TIMER, max(self.seconds, int(left)))
        if self.ends is None:
            return Timer(total, None, left, self.label)
        return Timer(total, now + dt.timedelta(seconds=left), left, self.label)


@dataclass(frozen=True)
class Round:
    """An open silent-brainstorm round."""

    started: dt.datetime
    by: str

    @classmethod
    def from_record(cls, value: Mapping[str, Any]) -> Round:
        started = parse_stamp(value["started"])
        assert started is not None
        return cls(started, value["by"])

    def record(self) -> dict[str, Any]:
        return {"started": stamp(self.started), "by": self.by}


# ---------------------------------------------------------------- reading a map
def lock_of(doc: JourneyMap, some_id: str) -> Mapping[str, Any] | None:
    """The lock on an element or lane, or None."""
    return doc.record(LOCKS, some_id)


def votes(doc: JourneyMap) -> list[Vote]:
    """Every vote of the map, oldest first."""
    found = [Vote.from_record(k, v) for k, v in doc.records(VOTES).items()]
    return sorted(found, key=lambda v: (v.started, v.id))


def vote(doc: JourneyMap, vote_id: str) -> Vote | None:
    value = doc.record(VOTES, vote_id)
    return Vote.from_record(vote_id, value) if value is not None else None


def current_vote(doc: JourneyMap) -> Vote | None:
    """The latest vote that has not been revealed, else None."""
    waiting = [v for v in votes(doc) if v.revealed is None]
    return waiting[-1] if waiting else None


def dot_key(vote_id: str, voter: str, card: str) -> str:
    return f"{vote_id}|{voter}|{card}"


def dots(doc: JourneyMap, vote_id: str) -> dict[tuple[str, str], int]:
    """(voter, card) -> dots of one vote."""
    out = {}
    for key, n in doc.records(DOTS).items():
        parts = split_dot_key(key)
        if parts is not None and parts[0] == vote_id:
            out[(parts[1], parts[2])] = n
    return out


def counts(doc: JourneyMap, vote_id: str) -> dict[str, int]:
    """card -> dots on it, for the cards that have any."""
    out: dict[str, int] = {}
    for (_, card), n in dots(doc, vote_id).items():
        out[card] = out.get(card, 0) + n
    return out


def ballot(doc: JourneyMap, vote_id: str, voter: str) -> dict[str, int]:
    """card -> the dots one voter placed."""
    return {card: n for (who, card), n in dots(doc, vote_id).items() if who == voter}


def voter_names(doc: JourneyMap, vote_id: str) -> dict[str, str]:
    """voter token -> name, for a vote that is not anonymous."""
    out = {}
    for key, value in doc.records(VOTERS).items():
        vote_part, _, voter = key.partition("|")
        if vote_part == vote_id:
            out[voter] = value["name"]
    return out


def voters_of(doc: JourneyMap, vote_id: str) -> set[str]:
    """The tokens of everyone who has a dot down."""
    return {voter for voter, _ in dots(doc, vote_id)}


def timer(doc: JourneyMap) -> Timer | None:
    value = doc.record(WORKSHOP, TIMER_KEY)
    return Timer.from_record(value) if value is not None else None


def open_round(doc: JourneyMap) -> Round | None:
    value = doc.record(WORKSHOP, ROUND_KEY)
    return Round.from_record(value) if value is not None else None


def hidden(doc: JourneyMap) -> Mapping[str, Any]:
    """card id -> {"author", "name"}: the cards hidden until their round is revealed."""
    return doc.records(HIDDEN)


def quoted(text: str, limit: int = 24) -> str:
    """A card's text, short, in quotes (for messages)."""
    text = " ".join(text.split())
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


__all__ = [
    "DOTS", "HIDDEN", "LOCKS", "ROUND_KEY", "TIMER_KEY", "VOTERS", "VOTES", "WORKSHOP",
    "Round", "Timer", "Vote", "ballot", "counts", "current_vote", "dot_key", "dots", "hidden",
    "lock_of", "now_utc", "open_round", "parse_stamp", "quoted", "stamp", "timer", "vote",
    "voter_names", "voters_of", "votes",
]
