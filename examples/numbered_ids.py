"""The ids of the example maps, made reproducibly for the scripts that build them."""

from __future__ import annotations

from journeymapper.model.ids import IdAllocator


class NumberedIds(IdAllocator):
    """The example files' ids (``action-14``): numbered in the order the script
    makes them, so running it again gives the same files byte for byte."""

    def __init__(self) -> None:
        super().__init__(tag="examples")
        self.count = 0

    def allocate(self, prefix: str, taken=()) -> str:
        while True:
            self.count += 1
            candidate = f"{prefix}-{self.count}"
            if candidate not in taken:
                return candidate
