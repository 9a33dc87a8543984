"""Typed errors raised by the journey model and the file layer.

Every error carries a one-line, user-readable message that names the
offending ids or location; callers show ``str(error)`` as it is. The
message is kept as a template and parameters (:class:`~journeymapper.i18n.Message`)
and worded when it is shown, in the language in force there::

    raise SurveyError(N_("{file}: row {row}: expected a number, got {value!r}"),
                      file=path, row=row, value=value)
"""

from __future__ import annotations

from typing import Any

from journeymapper.i18n import N_, Message


class JourneyError(Exception):
    """Base of every error journeymapper raises on purpose.

    ``JourneyError(template, **params)``; ``template`` may also be a ready
    :class:`Message`. ``code`` and ``params`` identify the problem whatever
    the language."""

    def __init__(self, message: str | Message = "", /, **params: Any) -> None:
        self.message = message if isinstance(message, Message) else Message(str(message), **params)
        super().__init__(self.message.template)

    @property
    def code(self) -> str:
        return self.message.code

    @property
    def params(self) -> dict[str, Any]:
        return self.message.params

    def __str__(self) -> str:
        return str(self.message)


class ModelError(JourneyError):
    """A change to the document broke one of its rules."""


class UnknownElementError(ModelError, KeyError):
    """An id that is not in the document."""

    def __init__(self, element_id: str) -> None:
        super().__init__(Message(N_("no element with id {id!r}"), id=element_id))
        self.element_id = element_id

    def __str__(self) -> str:
        return str(self.message)


class DuplicateIdError(ModelError):
    """An id that is already used by another element, lane or stage."""

    def __init__(self, element_id: str) -> None:
        super().__init__(N_("id {id!r} is already used"), id=element_id)
        self.element_id = element_id


class FieldError(ModelError, ValueError):
    """A field value outside what its kind allows."""

    def __init__(self, element_id: str, field: str, message: str | Message) -> None:
        super().__init__(N_("{id}.{field}: {problem}"), id=element_id, field=field, problem=message)
        self.element_id = element_id
        self.field = field


class LinkError(ModelError):
    """A link the rules do not allow (wrong kinds, duplicate, dangling, self)."""

    def __init__(self, source: str, target: str, message: str | Message) -> None:
        super().__init__(N_("cannot link {source} -> {target}: {reason}"), source=source,
                         target=target, reason=message)
        self.reason = message
        self.source = source
        self.target = target


class LayoutError(ModelError):
    """A stage or lane operation that the structure does not allow."""


class FileFormatError(JourneyError):
    """A .jmap file that cannot be read; the message names file and location."""


class SurveyError(JourneyError):
    """A survey file that cannot be imported; the message names file, row and column."""


class ExportError(JourneyError):
    """An export that could not be written; nothing on disk was changed."""


class LockedError(ModelError):
    """A change the workshop's rules refuse: a locked card, stage or lane, a
    card hidden until its round is revealed, a facilitator's action."""


class CardListError(JourneyError):
    """A list of cards (CSV, XLSX) that cannot be imported; the message names
    file, row and column."""
