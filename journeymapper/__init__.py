"""journeymapper: customer journey maps for workshops, surveys and stakeholder reports."""

from __future__ import annotations

__version__ = "0.1.0"


class JourneyWarning(UserWarning):
    """Warnings journeymapper itself raises; the test suite turns them into errors."""
