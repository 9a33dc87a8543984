"""How the canvas follows its document: one change set at a time.

The items are brought up to date from the events' own data, then the map
is laid out once for the whole change set: the touched cells, through
``LiveLayout.apply``, or all of it when the structure changed (a stage or a
lane) or many cards did. Removing a stage with 40 cards is one layout.

This is the other half of MapScene (split off to keep each module one
idea): it uses the scene's own item bookkeeping (``_add_card_item``,
``_remove_item``, ...), which nothing else calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journeymapper.canvas.items.cards import EmotionItem, item_class
from journeymapper.layout.badges import stage_badges
from journeymapper.model import events as ev
from journeymapper.model.elements import Kind
from journeymapper.model.links import LinkKind

if TYPE_CHECKING:
    from journeymapper.canvas.scene import MapScene


class LayoutPlan:
    """What one change set asks of the layout: the cards that changed (for
    ``LiveLayout.apply``), or a full layout, and which links to route."""

    MANY = 60  # more steps than this: one full layout is cheaper

    def __init__(self) -> None:
        self.rebuild = False
        self.filter = False
        self.steps: list = []
        self.ids: list[str] = []
        self.routes: set[tuple[str, str]] = set()

    def add(self, element_id: str, step: tuple) -> None:
        self.steps.append(step)
        self.ids.append(element_id)

    def tangled(self) -> bool:
        """Too many steps, or one card changed twice (the steps read the final
        document, so they only hold when each card changed once)."""
        return len(self.steps) > self.MANY or len(set(self.ids)) != len(self.ids)


def on_changes(scene: MapScene, changes: ev.ChangeSet) -> None:
    """Follow one change set: update the items from the events' data, then
    lay the map out once (removing a stage with 40 cards is one layout)."""
    assert scene.doc is not None and scene.live is not None
    plan = LayoutPlan()
    badges: set[str] = set()
    selected = scene.selected_ids()
    blocked = scene.blockSignals(True)  # the items catch up with a document that is ahead
    try:
        _follow_events(scene, changes, plan, badges)
    finally:
        scene.blockSignals(blocked)
    if scene.selected_ids() != selected:
        scene.emit_selection()

def _follow_events(scene: MapScene, changes: ev.ChangeSet, plan: LayoutPlan,
                   badges: set[str]) -> None:
    assert scene.doc is not None
    for event in changes.events:
        if isinstance(event, (ev.ScoresChanged, ev.WavesChanged)):
            badges.update(event.stages if isinstance(event, ev.ScoresChanged) else scene.stages)
        elif isinstance(event, (ev.LaneAdded, ev.LaneRemoved, ev.LaneChanged,
                                ev.LanesReordered)):
            _on_lane_event(scene, event)
            plan.rebuild = True
        else:
            _on_event(scene, event, plan)
    _lay_out(scene, plan)
    for stage_id in badges:
        if stage_id in scene.stages:
            scene.stages[stage_id].set_badges(
                stage_badges(scene.doc, stage_id).get(stage_id, []))
    if plan.filter and scene.persona_filter is not None:
        scene._apply_persona_filter()

def _lay_out(scene: MapScene, plan: LayoutPlan) -> None:
    assert scene.live is not None
    if plan.rebuild or plan.tangled():
        scene.live.rebuild()
        scene.place_all()
        return
    changed = scene.live.apply(plan.steps)
    if changed is None:
        scene.place_all()
        return
    if changed:
        scene._place_cards(changed)
    for key in plan.routes:
        if key in scene.links:
            scene._route(scene.links[key])

def _on_event(scene: MapScene, event, plan: LayoutPlan) -> None:  # noqa: C901 - one branch per event type
    if isinstance(event, ev.FieldChanged):
        element = event.element
        if element.kind is Kind.STAGE:
            if event.id in scene.stages:
                scene.stages[event.id].set_element(element)
        elif event.id in scene.cards:
            scene.cards[event.id].set_element(element)
            if event.field == "score" and isinstance(scene.cards[event.id], EmotionItem):
                plan.add(event.id, ("refresh", event.id))
        if isinstance(event.new, str):
            scene.editor.follow_text(event.id, event.field, event.new)
    elif isinstance(event, ev.ElementAdded):
        element = event.element
        if element.kind is Kind.STAGE:
            scene._add_stage_item(element)
            plan.rebuild = True
        else:
            scene._add_card_item(element)
            plan.add(element.id, ("added", element.id))
            plan.filter = True
    elif isinstance(event, ev.ElementRemoved):
        element = event.element
        if element.kind is Kind.STAGE:
            scene._remove_item(scene.stages, element.id)
            plan.rebuild = True
        else:
            scene.editor.cancel_gesture_on(element.id)
            scene._remove_item(scene.cards, element.id)
            scene.highlighted.discard(element.id)
            plan.add(element.id, ("removed", element.id, element.placement))
    elif isinstance(event, ev.ElementMoved):
        _retype_card(scene, event.element)
        plan.add(event.id, ("moved", event.id, event.old, event.new))
    elif isinstance(event, ev.KindChanged):
        _retype_card(scene, event.element)
        if event.id in scene.cards:
            scene.cards[event.id].set_element(event.element)
        plan.add(event.id, ("refresh", event.id))  # an emotion chip and a card differ
        plan.filter = True
    elif isinstance(event, (ev.Linked, ev.Unlinked)):
        key = (event.link.source, event.link.target)
        if isinstance(event, ev.Linked):
            scene._add_link_item(event.link)
            plan.routes.add(key)
        else:
            scene._remove_link(key)
            plan.routes.discard(key)
        if event.link.kind is LinkKind.WALKS:
            plan.filter = True
        scene.overview.invalidate()
    elif isinstance(event, ev.StagesReordered):
        plan.rebuild = True
    elif isinstance(event, ev.SettingChanged):
        plan.rebuild = True

def _retype_card(scene: MapScene, element) -> None:
    """A card moved into a lane of another kind (or the persona strip) may
    need another item class."""
    assert scene.doc is not None
    item = scene.cards.get(element.id)
    p = element.placement
    if item is None or p is None or not scene.doc.has_lane(p.lane):
        return
    wanted = item_class(element.kind, scene.doc.lane(p.lane).kind, p.stage is None)
    if type(item) is not wanted:
        selected = item.isSelected()
        scene._remove_item(scene.cards, element.id)
        scene._add_card_item(element)
        scene.cards[element.id].setSelected(selected)

def _on_lane_event(scene: MapScene, event) -> None:
    assert scene.doc is not None and scene.live is not None
    if isinstance(event, ev.LaneAdded):
        scene._add_lane_item(event.lane)
    elif isinstance(event, ev.LaneRemoved):
        scene._remove_item(scene.lane_items, event.lane.id)
        scene._remove_item(scene.curves, event.lane.id)
    elif isinstance(event, ev.LaneChanged):
        scene.lane_items[event.new.id].set_lane(event.new)
        if (event.new.kind is Kind.EMOTION) != (event.old.kind is Kind.EMOTION):
            scene._remove_item(scene.curves, event.new.id)
            scene._remove_item(scene.lane_items, event.new.id)
            scene._add_lane_item(event.new)
            for e in [e for s in (None, *scene.doc.stage_order)
                      for e in scene.doc.cell(s, event.new.id)]:
                scene._remove_item(scene.cards, e.id)
                scene._add_card_item(e)
