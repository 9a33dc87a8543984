"""Element kinds, their fields, and the checks each field value must pass.

Elements are plain dataclasses: an id, a kind, a placement on the grid
(stage column x lane row, an order inside the cell and a free offset) and a
dict of kind-specific fields. Nothing here knows about Qt.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from types import MappingProxyType
from typing import Any

from journeymapper.i18n import N_, Message


class Kind(str, Enum):
    """The kinds of element a journey map holds."""

    PERSONA = "persona"
    STAGE = "stage"
    TOUCHPOINT = "touchpoint"
    ACTION = "action"
    THOUGHT = "thought"
    EMOTION = "emotion"
    PAIN_POINT = "pain_point"
    OPPORTUNITY = "opportunity"
    GOAL = "goal"
    NOTE = "note"

    @property
    def label(self) -> str:
        """What the kind is called in the language in force (``words.kind_label``)."""
        from journeymapper.words import kind_label

        return kind_label(self)


#: Kinds that sit in a lane cell as cards (everything but stages).
CARD_KINDS: tuple[Kind, ...] = tuple(k for k in Kind if k is not Kind.STAGE)

CHANNELS = (
    "web", "mobile app", "email", "social", "search", "marketplace",
    "phone", "chat", "store", "delivery", "other",
)
STATUSES = ("idea", "planned", "in progress", "done")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_TEXT = 10_000


Problem = Message | None


def _text(value: Any) -> Problem:
    if not isinstance(value, str):
        return Message(N_("expected text, got {value}"), value=short_repr(value))
    if len(value) > MAX_TEXT:
        return Message(N_("expected text of at most {limit} characters, got {length}"),
                       limit=MAX_TEXT, length=len(value))
    return None


def _int_range(lo: int, hi: int) -> Callable[[Any], Problem]:
    def check(value: Any) -> Problem:
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            return Message(N_("expected an integer {lo}..{hi}, got {value}"), lo=lo, hi=hi,
                           value=short_repr(value))
        return None

    return check


def _choice(options: tuple[str, ...]) -> Callable[[Any], Problem]:
    def check(value: Any) -> Problem:
        if value not in options:
            return Message(N_("expected one of {options}, got {value}"),
                           options=", ".join(options), value=short_repr(value))
        return None

    return check


def is_date(value: Any) -> bool:
    """A real calendar date written YYYY-MM-DD (2026-02-30 is not one): the one
    date rule of the model, the forms, the CLI and the importers."""
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_colour(value: Any) -> bool:
    """A colour written #rrggbb."""
    return isinstance(value, str) and bool(_COLOUR.match(value))


def _date_or_empty(value: Any) -> Problem:
    if value == "" or is_date(value):
        return None
    return Message(N_("expected a date YYYY-MM-DD or empty, got {value}"), value=short_repr(value))


def _colour(value: Any) -> Problem:
    if is_colour(value):
        return None
    return Message(N_("expected a colour #rrggbb, got {value}"), value=short_repr(value))


MAX_ITEMS = 1_000  # items of a list field (evidence, authors)
MAX_OFFSET = 1e6    # a card's free offset, in canvas units


def _text_list(value: Any) -> Problem:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        return Message(N_("expected a list of texts, got {value}"), value=short_repr(value))
    if len(value) > MAX_ITEMS:
        return Message(N_("expected at most {limit:,} items, got {count:,}"), limit=MAX_ITEMS,
                       count=len(value))
    for item in value:
        problem = _text(item)
        if problem:
            return problem
    return None


def text_problem(value: Any) -> Problem:
    """Why ``value`` is not a text a map may hold (at most MAX_TEXT characters), or None."""
    return _text(value)


def text_list_problem(value: Any) -> Problem:
    """Why ``value`` is not a list of texts a map may hold, or None."""
    return _text_list(value)


def placement_problem(placement: Any) -> Problem:
    """Why a placement's order and offsets are not allowed (a whole order; finite
    offsets within +-MAX_OFFSET), or None."""
    if isinstance(placement.order, bool) or not isinstance(placement.order, int):
        return Message(N_("placement.order: expected an integer, got {value}"),
                       value=short_repr(placement.order))
    for name in ("dx", "dy"):
        value = getattr(placement, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not -MAX_OFFSET <= value <= MAX_OFFSET:  # NaN fails this too
            return Message(N_("placement.{name}: expected a number -1000000..1000000, got "
                              "{value}"), name=name, value=short_repr(value))
    return None


def short_repr(value: Any) -> str:
    """A value as one short line for a message (its repr, cut at 60 characters)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class FieldSpec:
    """One field of a kind: its default and the check a value must pass
    (its label is ``words.field_label(kind, name)``)."""

    name: str
    default: Any
    check: Callable[[Any], Problem]


def _spec(name: str, default: Any, check: Callable[[Any], Problem]) -> FieldSpec:
    return FieldSpec(name, default, check)


_TEXT = _spec("text", "", _text)

FIELDS: dict[Kind, tuple[FieldSpec, ...]] = {
    Kind.PERSONA: (
        _spec("text", "", _text),
        _spec("quote", "", _text),
        _spec("avatar", "", _text),
        _spec("age_group", "", _text),
        _spec("role", "", _text),
        _spec("segment", "", _text),
        _spec("goals", "", _text),
        _spec("motivations", "", _text),
        _spec("frustrations", "", _text),
        _spec("behaviours", "", _text),
    ),
    Kind.STAGE: (
        _spec("text", "", _text),
        _spec("description", "", _text),
        _spec("goal", "", _text),
    ),
    Kind.TOUCHPOINT: (
        _TEXT,
        _spec("channel", "web", _choice(CHANNELS)),
        _spec("owner", "", _text),
    ),
    Kind.ACTION: (_TEXT,),
    Kind.THOUGHT: (_TEXT,),
    Kind.EMOTION: (
        _spec("text", "", _text),
        _spec("score", 0, _int_range(-3, 3)),
    ),
    Kind.PAIN_POINT: (
        _TEXT,
        _spec("severity", 3, _int_range(1, 5)),
        _spec("evidence", [], _text_list),
    ),
    Kind.OPPORTUNITY: (
        _TEXT,
        _spec("impact", 3, _int_range(1, 5)),
        _spec("effort", 3, _int_range(1, 5)),
        _spec("owner", "", _text),
        _spec("status", "idea", _choice(STATUSES)),
        _spec("due", "", _date_or_empty),
        _spec("votes", 0, _int_range(0, 1_000_000)),
    ),
    Kind.GOAL: (
        _TEXT,
        _spec("metric", "", _text),
    ),
    Kind.NOTE: (
        _TEXT,
        _spec("colour", "#fff2a8", _colour),
        _spec("author", "", _text),
    ),
}

FIELD_INDEX: dict[Kind, dict[str, FieldSpec]] = {
    kind: {spec.name: spec for spec in specs} for kind, specs in FIELDS.items()
}


def default_fields(kind: Kind) -> dict[str, Any]:
    """A fresh dict of the kind's fields at their defaults."""
    return {spec.name: _copy(spec.default) for spec in FIELDS[kind]}


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def check_field(kind: Kind, name: str, value: Any) -> Problem:
    """Why ``value`` is not allowed for ``kind.name`` (worded when shown), or None."""
    spec = FIELD_INDEX[kind].get(name)
    if spec is None:
        return Message(N_("{kind} has no field {name!r} (known: {known})"), kind=kind.value,
                       name=name, known=", ".join(FIELD_INDEX[kind]))
    return spec.check(value)


@dataclass(frozen=True)
class Placement:
    """Where a card sits: a stage column (None for the persona strip), a lane
    row, its order inside that cell and a free offset in canvas units."""

    stage: str | None
    lane: str
    order: int = 0
    dx: float = 0.0
    dy: float = 0.0

    def moved(self, **changes: Any) -> Placement:
        return replace(self, **changes)

    @property
    def cell(self) -> tuple[str | None, str]:
        return (self.stage, self.lane)


@dataclass(frozen=True, eq=True)
class Element:
    """One node of the journey graph: an immutable value.

    ``placement`` is None for stages (their place is the stage order).
    ``fields`` is a read-only mapping (list values are tuples); ``extra``
    keeps fields a newer minor writer added, so they survive a round trip,
    frozen the same way. A change makes a new Element (:meth:`with_fields`,
    :meth:`with_placement`); the document hands out these values, so no
    caller can change the map behind its back.
    """

    id: str
    kind: Kind
    fields: Mapping[str, Any] = field(default_factory=dict)
    placement: Placement | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # a read-only mapping here was made by freeze() (with_fields, another Element)
        if not isinstance(self.fields, MappingProxyType):
            object.__setattr__(self, "fields", freeze(self.fields))
        if not isinstance(self.extra, MappingProxyType):
            object.__setattr__(self, "extra", freeze(self.extra))

    __hash__ = None  # type: ignore[assignment]  # compared by value, never used as a key

    @property
    def text(self) -> str:
        return str(self.fields.get("text", ""))

    def with_fields(self, **changes: Any) -> Element:
        """This element with some fields changed."""
        fields = dict(self.fields)
        fields.update((k, freeze(v)) for k, v in changes.items())
        return replace(self, fields=MappingProxyType(fields))

    def with_placement(self, placement: Placement | None) -> Element:
        return replace(self, placement=placement)

    def plain_fields(self) -> dict[str, Any]:
        """The fields as plain JSON values (lists, dicts), a fresh copy."""
        return thaw(self.fields)

    def copy(self) -> Element:
        """The element itself: it is immutable, so a copy is never needed."""
        return self


_SCALARS = frozenset({str, int, float, bool, type(None)})


def freeze(value: Any) -> Any:
    """A JSON-like value made immutable: lists become tuples, dicts read-only mappings."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        return tuple(v if type(v) in _SCALARS else freeze(v) for v in value)
    if kind is dict or kind is MappingProxyType:
        return MappingProxyType({k: v if type(v) in _SCALARS else freeze(v)
                                 for k, v in value.items()})
    return value


def thaw(value: Any) -> Any:
    """The plain JSON form of a frozen value (tuples become lists, mappings dicts)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        return [v if type(v) in _SCALARS else thaw(v) for v in value]
    if kind is dict or kind is MappingProxyType:
        return {k: v if type(v) in _SCALARS else thaw(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Lane:
    """A row of the map; ``kind`` is the kind of card a new card in it gets."""

    id: str
    name: str
    kind: Kind


DEFAULT_LANES: tuple[tuple[str, Kind], ...] = (
    ("Persona", Kind.PERSONA),
    ("Actions", Kind.ACTION),
    ("Thoughts", Kind.THOUGHT),
    ("Emotions", Kind.EMOTION),
    ("Touchpoints", Kind.TOUCHPOINT),
    ("Pain points", Kind.PAIN_POINT),
    ("Opportunities", Kind.OPPORTUNITY),
)
