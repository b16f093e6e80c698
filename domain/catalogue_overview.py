"""Domain module `catalogue_overview` (being built: see domain/registry.py for the interface)."""
from __future__ import annotations

from domain.grid import Grid

KIND = None
OUTPUTS: dict = {}


def recognise(grid: Grid) -> bool:
    """Given a grid, return whether it is a table of this module's kind."""
    return False
