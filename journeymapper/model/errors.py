"""Typed errors raised by the journey model and the file layer.

Every error carries a one-line, user-readable message that names the
offending ids or location; callers show ``str(error)`` as it is.
"""

from __future__ import annotations


class JourneyError(Exception):
    """Base of every error journeymapper raises on purpose."""


class ModelError(JourneyError):
    """A change to the document broke one of its rules."""


class UnknownElementError(ModelError, KeyError):
    """An id that is not in the document."""

    def __init__(self, element_id: str) -> None:
        super().__init__(element_id)
        self.element_id = element_id

    def __str__(self) -> str:
        return f"no element with id {self.element_id!r}"


class DuplicateIdError(ModelError):
    """An id that is already used by another element, lane or stage."""

    def __init__(self, element_id: str) -> None:
        super().__init__(f"id {element_id!r} is already used")
        self.element_id = element_id


class FieldError(ModelError, ValueError):
    """A field value outside what its kind allows."""

    def __init__(self, element_id: str, field: str, message: str) -> None:
        super().__init__(f"{element_id}.{field}: {message}")
        self.element_id = element_id
        self.field = field


class LinkError(ModelError):
    """A link the rules do not allow (wrong kinds, duplicate, dangling, self)."""

    def __init__(self, source: str, target: str, message: str) -> None:
        super().__init__(f"cannot link {source} -> {target}: {message}")
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
