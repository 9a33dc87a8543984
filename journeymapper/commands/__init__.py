"""Undoable commands: one small QUndoCommand per change to a journey map.

Commands only call JourneyMap methods; whoever shows the map follows the
document's change sets. They work without a QApplication. Push them on an
:class:`UndoStack`, which keeps a command only when the model accepted it.
"""

from __future__ import annotations

from journeymapper.commands.base import Composite, DocCommand, UndoStack
from journeymapper.commands.elements import (
    AddCard,
    AddStage,
    MoveCards,
    MoveStage,
    RemoveElement,
    RemoveElements,
    RemoveStage,
    SetField,
)
from journeymapper.commands.lanes import AddLane, MoveLane, RemoveLane, UpdateLane
from journeymapper.commands.links import AddLink, RemoveLink, RemoveLinks, link_refusal
from journeymapper.commands.meta import SetMeta
from journeymapper.commands.paste import (
    MIME_TYPE,
    PasteElements,
    copy_payload,
    parse_payload,
    payload_bytes,
    payload_text,
    plan_paste,
)

__all__ = [
    "Composite", "DocCommand", "RemoveLinks", "UndoStack",
    "AddCard", "AddLane", "AddLink", "AddStage", "MIME_TYPE", "MoveCards", "MoveLane",
    "MoveStage", "PasteElements", "RemoveElement", "RemoveElements", "RemoveLane", "RemoveLink",
    "RemoveStage", "SetField", "SetMeta", "UpdateLane", "copy_payload", "link_refusal",
    "parse_payload", "payload_bytes", "payload_text", "plan_paste",
]
