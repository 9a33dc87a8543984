"""What the map editor and its gestures need from the canvas they edit.

The editor (canvas/editing.py) and the mouse gestures (canvas/interactions.py)
turn what the user does into undo commands. They see the canvas only through
this Protocol: the document and its layout, the items by id, a way to push a
command and to say something in the status bar, and the few QGraphicsScene
calls they make. MapScene provides it; anything else that provides it (a test
double, another view of the map) can be edited the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QUndoCommand, QUndoStack
    from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

    from journeymapper.canvas.items.cards import BaseCardItem
    from journeymapper.canvas.items.emotion import EmotionCurveItem
    from journeymapper.canvas.items.headers import LaneHeaderItem, StageHeaderItem
    from journeymapper.canvas.items.linklayer import LinkLayer
    from journeymapper.canvas.items.overview import OverviewItem
    from journeymapper.canvas.livelayout import LiveLayout
    from journeymapper.canvas.style import Theme
    from journeymapper.model.document import JourneyMap
    from journeymapper.model.links import Link

Cell = tuple[str, str]


class CanvasHost(Protocol):
    """The canvas as the editor sees it."""

    doc: JourneyMap | None
    stack: QUndoStack | None
    live: LiveLayout | None
    theme: Theme
    cards: dict[str, BaseCardItem]
    stages: dict[str, StageHeaderItem]
    lane_items: dict[str, LaneHeaderItem]
    curves: dict[str, EmotionCurveItem]
    links: dict[tuple[str, str], Any]
    link_layer: LinkLayer
    overview: OverviewItem
    overview_on: bool
    kept_selection: list[str]
    highlighted: set[str]
    current_cell: Cell | None
    #: asks before a removal that takes cards with it; tests replace it
    confirm: Callable[[str], bool]
    #: cards dropped into lanes of other kinds ({id: lane's kind}): take those kinds?
    kind_follows_lane: Callable[[dict], bool]

    # the map's own operations
    def push(self, command: QUndoCommand) -> bool: ...
    def say(self, text: str) -> None: ...
    def select_ids(self, ids: Iterable[str]) -> None: ...
    def selected_ids(self) -> list[str]: ...
    def selected_lane(self) -> str | None: ...
    def selected_links(self) -> list[Link]: ...
    def emit_selection(self) -> None: ...
    def place_all(self) -> None: ...
    def default_cell(self) -> Cell | None: ...
    def curve_points(self, lane_id: str) -> dict[str, tuple[float, float]]: ...
    def route_links_of(self, ids: Iterable[str], moving: Any = None) -> None: ...
    def id_for(self, item: QGraphicsItem | None) -> str | None: ...

    # the QGraphicsScene calls the editor makes
    def addItem(self, item: QGraphicsItem) -> None: ...  # noqa: N802 - Qt API
    def removeItem(self, item: QGraphicsItem) -> None: ...  # noqa: N802 - Qt API
    def items(self, pos: QPointF) -> list[QGraphicsItem]: ...
    def selectedItems(self) -> list[QGraphicsItem]: ...  # noqa: N802 - Qt API
    def clearSelection(self) -> None: ...  # noqa: N802 - Qt API
    def views(self) -> list[QGraphicsView]: ...
    def setFocus(self) -> None: ...  # noqa: N802 - Qt API
    def blockSignals(self, block: bool) -> bool: ...  # noqa: N802 - Qt API
