"""Local change sets written into the Y document, event by event.

Each event carries its full data (model/events.py), so nothing here reads
the map back: a text field becomes the smallest Y.Text delete/insert (the
common prefix and suffix of the old and new text), a move replaces the
card's placement, a removal deletes the entry. The order lists (stages,
lanes) are followed from the events and written as moves of the ids that
changed place, so a colleague's concurrent reorder of other stages is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pycrdt import Array, Map, Text

from journeymapper.collab import repair
from journeymapper.collab.schema import (
    container,
    dump,
    edit_text,
    element_map,
    lane_value,
    link_key,
    link_value,
    placement_value,
    record_key,
    score_key,
    score_value,
    text_fields,
    waves_value,
)
from journeymapper.collab.view import project
from journeymapper.model import events as ev
from journeymapper.model.diff import out_of_order
from journeymapper.model.elements import Kind

if TYPE_CHECKING:
    from journeymapper.collab.binding import Index
    from journeymapper.model.document import JourneyMap


class Writer:
    """Writes change sets into a root map (inside the caller's Y transaction)."""

    def __init__(self, root: Map, index: Index) -> None:
        self.root = root
        self.index = index
        self.stage_order: list[str] = []
        self.lane_order: list[str] = []

    def follow_orders(self, doc: JourneyMap) -> None:
        """Take the orders the map has now (after a seed or a remote change)."""
        self.stage_order = list(doc.stage_order)
        self.lane_order = [lane.id for lane in doc.lanes]

    def write(self, changes: ev.ChangeSet) -> None:
        stages = lanes = False
        for event in changes.events:
            handler = _HANDLERS.get(type(event))
            if handler is not None:
                moved = handler(self, event)
                stages |= moved == "stages"
                lanes |= moved == "lanes"
        if stages:
            sync_order(container(self.root, "stages"), self.stage_order)
        if lanes:
            sync_order(container(self.root, "lane_order"), self.lane_order)

    # ------------------------------------------------------------ elements
    def _elements(self) -> Map:
        return container(self.root, "elements")

    def element_added(self, event: ev.ElementAdded) -> str | None:
        element = event.element
        self._elements()[element.id] = element_map(element)
        if element.kind is Kind.STAGE:
            if element.id in self.stage_order:
                self.stage_order.remove(element.id)
            index = event.stage_index if event.stage_index is not None else len(self.stage_order)
            self.stage_order.insert(max(0, min(index, len(self.stage_order))), element.id)
            return "stages"
        return None

    def element_removed(self, event: ev.ElementRemoved) -> str | None:
        elements = self._elements()
        if event.id in elements:
            del elements[event.id]
        if event.element.kind is Kind.STAGE:
            self.stage_order = [s for s in self.stage_order if s != event.id]
            return "stages"
        return None

    def field_changed(self, event: ev.FieldChanged) -> None:
        entry = _entry(self._elements(), event.id)
        if not isinstance(entry, Map):
            self._elements()[event.id] = element_map(event.element)
            return
        fields = entry.get("fields")
        if not isinstance(fields, Map):
            entry["fields"] = element_map(event.element)["fields"]
            return
        if event.field in text_fields(event.element.kind) and isinstance(event.new, str):
            text = fields.get(event.field)
            if not isinstance(text, Text):
                fields[event.field] = Text(event.new)
                return
            edit_text(text, str(text), event.new)
        else:
            fields[event.field] = dump(event.new)

    def kind_changed(self, event: ev.KindChanged) -> None:
        """A card of another kind: its entry's kind, and its fields changed in
        place (the fields map is kept, so a colleague's typing in it stays)."""
        entry = _entry(self._elements(), event.id)
        fields = entry.get("fields") if isinstance(entry, Map) else None
        if not isinstance(entry, Map) or not isinstance(fields, Map):
            self._elements()[event.id] = element_map(event.element)
            return
        element = event.element
        entry["kind"] = dump(element.kind.value)
        for name in [n for n in fields.keys() if n not in element.fields]:
            del fields[name]
        texts = text_fields(element.kind)
        for name, value in element.fields.items():
            current = fields.get(name)
            if name in texts and isinstance(value, str):
                if not isinstance(current, Text):
                    fields[name] = Text(value)
                elif str(current) != value:
                    edit_text(current, str(current), value)
            elif isinstance(current, Text) or current != dump(value):
                fields[name] = dump(value)

    def element_moved(self, event: ev.ElementMoved) -> None:
        entry = _entry(self._elements(), event.id)
        if isinstance(entry, Map):
            entry["placement"] = placement_value(event.element)
        else:
            self._elements()[event.id] = element_map(event.element)

    def stages_reordered(self, event: ev.StagesReordered) -> str:
        self.stage_order = list(event.new)
        return "stages"

    # ------------------------------------------------------------ links
    def linked(self, event: ev.Linked) -> None:
        link = event.link
        container(self.root, "links")[link_key(link.source, link.target)] = link_value(link)

    def unlinked(self, event: ev.Unlinked) -> None:
        links = container(self.root, "links")
        key = link_key(event.link.source, event.link.target)
        if key in links:
            del links[key]

    # ------------------------------------------------------------ lanes
    def lane_added(self, event: ev.LaneAdded) -> str:
        container(self.root, "lanes")[event.lane.id] = lane_value(event.lane)
        if event.lane.id in self.lane_order:
            self.lane_order.remove(event.lane.id)
        self.lane_order.insert(max(0, min(event.index, len(self.lane_order))), event.lane.id)
        return "lanes"

    def lane_removed(self, event: ev.LaneRemoved) -> str:
        lanes = container(self.root, "lanes")
        if event.lane.id in lanes:
            del lanes[event.lane.id]
        self.lane_order = [i for i in self.lane_order if i != event.lane.id]
        return "lanes"

    def lane_changed(self, event: ev.LaneChanged) -> None:
        container(self.root, "lanes")[event.new.id] = lane_value(event.new)

    def lanes_reordered(self, event: ev.LanesReordered) -> str:
        self.lane_order = list(event.new)
        return "lanes"

    # ------------------------------------------------------------ values
    def _set(self, name: str, key: str, value: Any) -> None:
        container(self.root, name)[key] = dump(value)

    def meta_changed(self, event: ev.MetaChanged) -> None:
        self._set("meta", event.key, event.new)

    def setting_changed(self, event: ev.SettingChanged) -> None:
        self._set("settings", event.key, event.new)

    def extra_changed(self, event: ev.ExtraChanged) -> None:
        self._set("extra", event.key, event.new)

    def scores_changed(self, event: ev.ScoresChanged) -> None:
        scores = container(self.root, "scores")
        added = {score_key(s) for s in event.added}
        for score in event.removed:
            key = score_key(score)
            if key not in added and key in scores:
                del scores[key]
        for score in event.added:
            scores[score_key(score)] = score_value(score)

    def waves_changed(self, event: ev.WavesChanged) -> None:
        self.root["waves"] = waves_value(event.new)

    def record_changed(self, event: ev.RecordChanged) -> None:
        records = container(self.root, "records")
        key = record_key(event.section, event.key)
        if event.new is None:
            if key in records:
                del records[key]
        else:
            records[key] = dump(event.new)


_HANDLERS = {
    ev.ElementAdded: Writer.element_added,
    ev.ElementRemoved: Writer.element_removed,
    ev.FieldChanged: Writer.field_changed,
    ev.KindChanged: Writer.kind_changed,
    ev.ElementMoved: Writer.element_moved,
    ev.StagesReordered: Writer.stages_reordered,
    ev.Linked: Writer.linked,
    ev.Unlinked: Writer.unlinked,
    ev.LaneAdded: Writer.lane_added,
    ev.LaneRemoved: Writer.lane_removed,
    ev.LaneChanged: Writer.lane_changed,
    ev.LanesReordered: Writer.lanes_reordered,
    ev.MetaChanged: Writer.meta_changed,
    ev.SettingChanged: Writer.setting_changed,
    ev.ExtraChanged: Writer.extra_changed,
    ev.ScoresChanged: Writer.scores_changed,
    ev.WavesChanged: Writer.waves_changed,
    ev.RecordChanged: Writer.record_changed,
}


def _entry(elements: Map, element_id: str) -> Any:
    try:
        return elements.get(element_id)
    except Exception:  # noqa: BLE001 - a peer's value of an unexpected type
        return None


def sync_order(array: Array, wanted: list[str]) -> None:
    """Make ``array`` read back as ``wanted`` (repair rule 1), moving only the
    ids that are out of place: those outside the longest run already in order."""
    valid = set(wanted)
    values = project(array)
    # as rule 1 reads it back: every valid id once, those missing from the array at the end
    current = repair.order_list(values, valid)
    if current == wanted:
        return
    movers = out_of_order(wanted, current, lambda i: i)
    for n in range(len(values) - 1, -1, -1):
        value = values[n]
        if value in movers or (isinstance(value, str) and value not in valid):
            del array[n]
    for n, element_id in enumerate(wanted):
        if element_id not in movers:
            continue
        if n == 0:
            array.insert(0, element_id)
            continue
        values = project(array)
        previous = wanted[n - 1]
        array.insert(values.index(previous) + 1 if previous in values else len(values), element_id)
    if repair.order_list(project(array), valid) != wanted:  # never expected: write it whole
        del array[0:len(array)]
        array.extend(wanted)
