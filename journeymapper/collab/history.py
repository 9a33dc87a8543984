"""Per-person undo in a session: Ctrl+Z undoes my last change, never a
colleague's.

The window's undo stack and its commands stay the History (what the panel
lists, what merges while typing). In a session this runner (installed with
``commands.base.set_runner``) runs them differently:

- A command's first run is the plain model step; its change set is written
  to the Y document with an origin of its own, and a pycrdt ``UndoManager``
  that tracks only that origin records it (one stack item per command: the
  capture timeout never closes).
- Undo and redo ask that command's undo manager. Yjs undoes only the items
  this command made and brings back only what it removed: a colleague's
  letters typed into the same card stay, and something a colleague deleted
  after my change is not brought back (the undo of a move of a card that a
  colleague has since deleted changes nothing). The result comes back into
  the map like any Y change, with the origin ``undo`` or ``redo``.
- A step that changes nothing any more is *skipped*: the stack moves on, the
  map is untouched, ``on_skip`` is told (the window says so in the status bar).
- Commands from before the session (or after leaving it) have no undo manager;
  they run as plain model steps, and one the map refuses is skipped too.
"""

from __future__ import annotations

import itertools
import logging
import weakref
from collections.abc import Callable
from typing import Any

from pycrdt import UndoManager

from journeymapper.collab.binding import Binding
from journeymapper.model import events as ev
from journeymapper.model.errors import JourneyError
from journeymapper.model.ids import random_tag

log = logging.getLogger(__name__)
NEVER = 2**31 - 1  # the capture timeout: one stack item per command


class PersonalHistory:
    """The runner of one document's commands in a session (see the module docstring).

    ``on_skip(command)`` is called for a step that no longer changes anything."""

    def __init__(self, binding: Binding | None,
                 on_skip: Callable[[Any], None] | None = None) -> None:
        self.binding = binding
        self.on_skip = on_skip
        self._depth = 0
        self._tag = random_tag()
        self._serial = itertools.count(1)
        self._managers: weakref.WeakKeyDictionary[Any, list[UndoManager]] = \
            weakref.WeakKeyDictionary()

    def detach(self) -> None:
        """The session is over: commands run as plain model steps from now on."""
        self.binding = None
        self._managers = weakref.WeakKeyDictionary()

    def tracked(self, command: Any) -> bool:
        return command in self._managers

    # ------------------------------------------------------------ the runner
    def redo(self, command: Any) -> None:
        if self._depth:  # a step inside a composite: part of its parent's run
            command.apply_redo()
            return
        managers = self._managers.get(command)
        if command.runs == 0 and self.binding is not None:
            self._first_run(command)
        elif managers is None:
            self._plain(command, command.apply_redo)
        else:
            self._ask(command, managers, ev.REDO, lambda um: um.redo())
            command.runs += 1

    def undo(self, command: Any) -> None:
        if self._depth:
            command.apply_undo()
            return
        managers = self._managers.get(command)
        if managers is None:
            self._plain(command, command.apply_undo)
        else:
            self._ask(command, list(reversed(managers)), ev.UNDO, lambda um: um.undo())

    def merged(self, into: Any, command: Any) -> None:
        """Qt merged ``command`` (typing) into ``into``: one step undoes both."""
        moved = self._managers.pop(command, None)
        if moved:
            self._managers.setdefault(into, []).extend(moved)

    # ------------------------------------------------------------ steps
    def _first_run(self, command: Any) -> None:
        binding = self.binding
        assert binding is not None
        token = f"{self._tag}:{next(self._serial)}"
        manager = UndoManager(scopes=[binding.root], capture_timeout_millis=NEVER)
        manager.include_origin(token)
        self._depth += 1
        try:
            with binding.writing_as(token):
                command.apply_redo()
        finally:
            self._depth -= 1
        self._managers[command] = [manager]

    def _ask(self, command: Any, managers: list[UndoManager], origin: str,
             step: Callable[[UndoManager], bool]) -> None:
        binding = self.binding
        if binding is None:
            return
        changed = False
        with binding.applying_as(origin):
            for manager in managers:
                changed |= bool(step(manager))
        if not changed:
            self._skipped(command)

    def _plain(self, command: Any, step: Callable[[], None]) -> None:
        try:
            step()
        except JourneyError as exc:
            log.info("undo step skipped: %s", exc)
            self._skipped(command)

    def _skipped(self, command: Any) -> None:
        if self.on_skip is not None:
            self.on_skip(command)
