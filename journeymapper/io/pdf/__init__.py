"""The stakeholder PDF: cover, the map as vector drawing (one page or tiled),
personas, survey scores, pain points and opportunities. No Qt.

    data, result = build_pdf(doc, ExportOptions(page_size="A3"))
    result = export_pdf(doc, "map.pdf", ExportOptions())   # atomic write
"""

from __future__ import annotations

import os

from journeymapper.io.atomic import atomic_write_bytes
from journeymapper.io.pdf.report import (
    ORIENTATIONS,
    PAGE_SIZES,
    ExportOptions,
    ExportResult,
    Progress,
    build_pdf,
)
from journeymapper.model.document import JourneyMap
from journeymapper.model.errors import ExportError, JourneyError

__all__ = ["ORIENTATIONS", "PAGE_SIZES", "ExportOptions", "ExportResult", "build_pdf",
           "export_pdf"]


def export_pdf(doc: JourneyMap, path: str | os.PathLike[str], options: ExportOptions | None = None,
               progress: Progress | None = None) -> ExportResult:
    """Build the report in memory, then write it atomically: on any failure the
    file at ``path`` (if any) is left as it was."""
    data, result = build_pdf(doc, options, progress)
    try:
        atomic_write_bytes(path, data)
    except ExportError:
        raise
    except JourneyError as exc:
        raise ExportError(str(exc)) from None
    return result
