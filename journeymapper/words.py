"""The app's words for the model's codes, in the language in force.

The model stores codes (``Kind.PAIN_POINT``, ``"in progress"``, ``"mobile
app"``, ``LinkKind.OCCURS_AT``); this module is the one place that says them
to a user. The canvas, the PDF, the CLI and the window all ask here, so a
card tag reads the same everywhere, and each language says it once in its
catalogue. Plain Python, no Qt: the canvas and the PDF draw a map in the
map's language (``i18n.using_language(words.map_language(doc))``), the window in
the interface's.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any

from journeymapper.i18n import (
    LANGUAGES,
    N_,
    Lazy,
    Message,
    _,
    ngettext,
    normalise,
    pgettext,
    using_language,
)
from journeymapper.model.elements import Kind
from journeymapper.model.links import RULES, LinkKind

#: What a kind is called (menus, forms, tables): sentence case.
KIND_LABELS: dict[Kind, str] = {
    Kind.PERSONA: N_("Persona"),
    Kind.STAGE: N_("Stage"),
    Kind.TOUCHPOINT: N_("Touchpoint"),
    Kind.ACTION: N_("Action"),
    Kind.THOUGHT: N_("Thought"),
    Kind.EMOTION: N_("Emotion"),
    Kind.PAIN_POINT: N_("Pain point"),
    Kind.OPPORTUNITY: N_("Opportunity"),
    Kind.GOAL: N_("Goal / KPI"),
    Kind.NOTE: N_("Note"),
}

#: The short tag printed on a card of the kind (canvas, PDF, legend).
KIND_TAGS: dict[Kind, str] = {
    Kind.PERSONA: N_("PERSONA"),
    Kind.STAGE: N_("STAGE"),
    Kind.TOUCHPOINT: N_("TOUCHPOINT"),
    Kind.ACTION: N_("ACTION"),
    Kind.THOUGHT: N_("THOUGHT"),
    Kind.EMOTION: N_("EMOTION"),
    Kind.PAIN_POINT: N_("PAIN POINT"),
    Kind.OPPORTUNITY: N_("OPPORTUNITY"),
    Kind.GOAL: N_("GOAL / KPI"),
    Kind.NOTE: N_("NOTE"),
}

#: The kind inside a sentence ("cannot link to a touchpoint").
KIND_IN_SENTENCE: dict[Kind, str] = {
    Kind.PERSONA: N_("a persona"),
    Kind.STAGE: N_("a stage"),
    Kind.TOUCHPOINT: N_("a touchpoint"),
    Kind.ACTION: N_("an action"),
    Kind.THOUGHT: N_("a thought"),
    Kind.EMOTION: N_("an emotion"),
    Kind.PAIN_POINT: N_("a pain point"),
    Kind.OPPORTUNITY: N_("an opportunity"),
    Kind.GOAL: N_("a goal / KPI"),
    Kind.NOTE: N_("a note"),
}

#: The name a new lane of the kind gets (a map's default lanes, a persona lane).
LANE_NAMES: dict[Kind, str] = {
    Kind.PERSONA: N_("Persona"),
    Kind.ACTION: N_("Actions"),
    Kind.THOUGHT: N_("Thoughts"),
    Kind.EMOTION: N_("Emotions"),
    Kind.TOUCHPOINT: N_("Touchpoints"),
    Kind.PAIN_POINT: N_("Pain points"),
    Kind.OPPORTUNITY: N_("Opportunities"),
    Kind.GOAL: N_("Goals / KPIs"),
    Kind.NOTE: N_("Notes"),
}

#: A touchpoint's channel (model.elements.CHANNELS).
CHANNEL_LABELS: dict[str, str] = {
    "web": N_("web"),
    "mobile app": N_("mobile app"),
    "email": N_("email"),
    "social": N_("social"),
    "search": N_("search"),
    "marketplace": N_("marketplace"),
    "phone": N_("phone"),
    "chat": N_("chat"),
    "store": N_("store"),
    "delivery": N_("delivery"),
    "other": N_("other"),
}

#: An opportunity's status (model.elements.STATUSES).
STATUS_LABELS: dict[str, str] = {
    "idea": N_("idea"),
    "planned": N_("planned"),
    "in progress": N_("in progress"),
    "done": N_("done"),
}

#: What a link says, read from its source to its target.
LINK_LABELS: dict[LinkKind, str] = {
    LinkKind.LEADS_TO: N_("leads to"),
    LinkKind.OCCURS_AT: N_("occurs at"),
    LinkKind.ADDRESSES: N_("addresses"),
    LinkKind.WALKS: N_("walks"),
    LinkKind.USES: N_("uses"),
    LinkKind.NEXT: N_("then"),
    LinkKind.EVIDENCES: N_("is evidence for"),
    LinkKind.MEASURES: N_("measures"),
}

#: Survey metrics (model.metrics); "mean" is a custom mean on its own scale.
METRIC_LABELS: dict[str, str] = {
    "csat": N_("CSAT"),
    "nps": N_("NPS"),
    "ces": N_("CES"),
    "mean": N_("Mean"),
}

#: Field labels of the inspector, the personas panel and the PDF.
FIELD_LABELS: dict[str, str] = {
    "text": N_("Text"),
    "quote": N_("Quote"),
    "avatar": N_("Avatar (initials or image path)"),
    "age_group": N_("Age group"),
    "role": N_("Role"),
    "segment": N_("Segment"),
    "goals": N_("Goals"),
    "motivations": N_("Motivations"),
    "frustrations": N_("Frustrations"),
    "behaviours": N_("Behaviours"),
    "description": N_("Description"),
    "goal": N_("Customer goal"),
    "channel": N_("Channel"),
    "owner": N_("Owner"),
    "score": N_("Score"),
    "severity": N_("Severity"),
    "evidence": N_("Evidence"),
    "impact": N_("Impact"),
    "effort": N_("Effort"),
    "status": N_("Status"),
    "due": N_("Due date"),
    "votes": N_("Votes"),
    "metric": N_("Target metric"),
    "colour": N_("Colour"),
    "author": N_("Author / team"),
}
#: Where a kind calls a field otherwise.
KIND_FIELD_LABELS: dict[tuple[Kind, str], str] = {
    (Kind.PERSONA, "text"): N_("Name"),
    (Kind.STAGE, "text"): N_("Name"),
    (Kind.EMOTION, "text"): N_("Label"),
    (Kind.TOUCHPOINT, "owner"): N_("Owner team"),
}

#: Map properties (the inspector with nothing selected, the PDF cover).
META_LABELS: dict[str, str] = {
    "title": N_("Title"),
    "description": N_("Description"),
    "authors": N_("Authors"),
    "created": N_("Created"),
    "version_note": N_("Version note"),
    "language": N_("Language"),
}


def kind_label(kind: Kind) -> str:
    """'Pain point'."""
    return _(KIND_LABELS[kind])


def kind_tag(kind: Kind) -> str:
    """'PAIN POINT' (English), '불편 사항' (Korean)."""
    return _(KIND_TAGS[kind])


def kind_in_sentence(kind: Kind) -> str:
    """'a touchpoint', 'an opportunity'."""
    return _(KIND_IN_SENTENCE[kind])


def lane_name(kind: Kind) -> str:
    """The name of a new lane of ``kind``: 'Pain points'."""
    return _(LANE_NAMES.get(kind, KIND_LABELS[kind]))


def default_lanes() -> list[tuple[str, Kind]]:
    """The lanes of a map made without a template, named in the language in force."""
    from journeymapper.model.elements import DEFAULT_LANES

    return [(lane_name(kind), kind) for _name, kind in DEFAULT_LANES]


def channel_label(channel: str) -> str:
    """A channel code as said ('mobile app', '모바일 앱'); an unknown code as it is."""
    message = CHANNEL_LABELS.get(channel)
    return _(message) if message else channel


def status_label(status: str) -> str:
    """An opportunity status as said ('in progress', '진행 중'); unknown as it is."""
    message = STATUS_LABELS.get(status)
    return _(message) if message else status


def coded_value(field: str, value: Any) -> Any:
    """A field's value as said: a status or channel code in words, anything else as it is."""
    if field == "status" and isinstance(value, str):
        return status_label(value)
    if field == "channel" and isinstance(value, str):
        return channel_label(value)
    return value


def link_label(kind: LinkKind) -> str:
    """'occurs at'."""
    return _(LINK_LABELS[kind])


def metric_label(metric: str, name: str = "") -> str:
    """'CSAT', 'NPS', 'Mean'; a named custom mean is called by its name ('Mean ease')."""
    message = METRIC_LABELS.get(metric)
    label = _(message) if message else metric.upper()
    return f"{label} {name}" if name else label


def field_label(kind: Kind | None, name: str) -> str:
    """The label of field ``name`` of ``kind`` ('Name' for a persona's text)."""
    message = KIND_FIELD_LABELS.get((kind, name)) if kind is not None else None
    message = message or FIELD_LABELS.get(name) or META_LABELS.get(name)
    return _(message) if message else name


def meta_label(key: str) -> str:
    """The label of a map property ('Title', 'Language')."""
    message = META_LABELS.get(key)
    return _(message) if message else key


def language_name(code: str) -> str:
    """A language by its own name ('English', '한국어'), whatever the language in force."""
    return LANGUAGES.get(normalise(code), code)


def map_language(doc: Any) -> str:
    """The language a map is labelled in (its ``language`` property; English if unset)."""
    return normalise(str(doc.meta.get("language") or ""))


def in_map_language(doc: Any) -> AbstractContextManager[str]:
    """Word what goes into or onto ``doc`` (a new lane's name, a PDF) in its language."""
    return using_language(map_language(doc))


def new_persona_name() -> str:
    """The name a new persona starts with."""
    return _("New persona")


def new_stage_name() -> str:
    """The name offered for a new stage."""
    return _("New stage")


def new_lane_name() -> str:
    """The name offered for a new lane."""
    return _("New lane")


def votes(n: int) -> str:
    """'1 vote', '12 votes'."""
    return ngettext("{n} vote", "{n} votes", n).format(n=n)


def cards(n: int) -> str:
    """'1 card', '6 cards'."""
    return ngettext("{n} card", "{n} cards", n).format(n=n)


def kind_count(kind: Kind, n: int) -> str:
    """'1 pain point', '3 pain points': ``n`` elements of ``kind``."""
    counted = {
        Kind.PERSONA: lambda: ngettext("{n} persona", "{n} personas", n),
        Kind.STAGE: lambda: ngettext("{n} stage", "{n} stages", n),
        Kind.TOUCHPOINT: lambda: ngettext("{n} touchpoint", "{n} touchpoints", n),
        Kind.ACTION: lambda: ngettext("{n} action", "{n} actions", n),
        Kind.THOUGHT: lambda: ngettext("{n} thought", "{n} thoughts", n),
        Kind.EMOTION: lambda: ngettext("{n} emotion", "{n} emotions", n),
        Kind.PAIN_POINT: lambda: ngettext("{n} pain point", "{n} pain points", n),
        Kind.OPPORTUNITY: lambda: ngettext("{n} opportunity", "{n} opportunities", n),
        Kind.GOAL: lambda: ngettext("{n} goal / KPI", "{n} goals / KPIs", n),
        Kind.NOTE: lambda: ngettext("{n} note", "{n} notes", n),
    }
    return counted[kind]().format(n=n)


def card_meta(kind: Kind, fields: dict[str, Any]) -> str:
    """The short detail a card shows beside its tag: a touchpoint's channel, an
    opportunity's status (its votes are on its footer), a goal's metric, a
    note's author."""
    if kind is Kind.TOUCHPOINT:
        return channel_label(str(fields.get("channel", "")))
    if kind is Kind.OPPORTUNITY:
        return status_label(str(fields.get("status", "")))
    if kind is Kind.GOAL:
        return str(fields.get("metric", ""))
    if kind is Kind.NOTE:
        return str(fields.get("author", ""))
    return ""


def link_refusal(source: Kind, target: Kind) -> Message:
    """Why ``source`` cannot link to ``target``, and what it can link to instead
    (worded when shown)."""
    if not any(source in RULES[k][0] for k in LinkKind):
        return Message(N_("{source} cannot start a link"),
                       source=Lazy(lambda: kind_in_sentence(source)))
    return Message(N_("{source} cannot link to {target} (it can: {options})"),
                   source=Lazy(lambda: kind_in_sentence(source)),
                   target=Lazy(lambda: kind_in_sentence(target)),
                   options=Lazy(lambda: _link_options(source)))


def _link_options(source: Kind) -> str:
    options = []
    for k in LinkKind:
        if source not in RULES[k][0]:
            continue
        targets = sorted(RULES[k][1], key=list(Kind).index)
        if len(targets) > 3:
            shown = pgettext("list separator", ", ").join(kind_label(t) for t in targets)
        else:
            shown = either(kind_in_sentence(t) for t in targets)
        options.append(_("{link} {targets}").format(link=link_label(k), targets=shown))
    return pgettext("list separator", "; ").join(options)


def either(items: Iterable[str]) -> str:
    """'a stage', 'a stage or a touchpoint', 'a, b or c'."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return _("{items} or {last}").format(
        items=pgettext("list separator", ", ").join(items[:-1]), last=items[-1])
