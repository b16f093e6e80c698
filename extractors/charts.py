"""A chart's text read as a table: the tick labels of a value axis (450, 400, ... 0, -50), one per line down the
plot's left edge, make a column of numbers beside the legend and the dates of the other axis. Such a grid holds no
figure but the axis' own: every number in it is a tick of a scale that falls by one round step per row."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from extractors.model import Table

MIN_TICKS = 4  # a scale shows at least this many ticks
_NUMBER = re.compile(r"^[-\u2212\u2013(]?\d[\d.,]*%?\)?$")  # any printed amount
_TICK = re.compile(r"^-?\d+(?:[.,]\d{1,2})?$")  # a tick label: a whole number or one with one or two decimals
ROUND_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))  # times a power of ten


def _tick(text: str) -> Decimal | None:
    """Given a cell text, return it as a tick value, or None when it is no plain number."""
    t = text.strip().replace("\u2212", "-").replace("\u2013", "-")
    if not _TICK.match(t):
        return None
    try:
        return Decimal(t.replace(",", "."))
    except InvalidOperation:
        return None


def _round(step: Decimal) -> bool:
    """Given a positive step, return whether it is a round one (1, 2, 2.5 or 5 times a power of ten)."""
    mantissa = step.scaleb(-step.adjusted()).normalize()
    return any(mantissa == r for r in ROUND_STEPS)


def _scale(values: list[Decimal | None]) -> dict[int, Decimal]:
    """Given a column's tick values row by row (None where the cell is no plain number), return {row: value} of
    its longest run of at least MIN_TICKS consecutive rows whose values fall by one round step per row ({} when
    there is none)."""
    best: dict[int, Decimal] = {}
    start = 0
    while start < len(values):
        end = start + 1
        if values[start] is not None and start + 1 < len(values) and values[start + 1] is not None:
            step = values[start] - values[start + 1]
            if step > 0 and _round(step):
                while end < len(values) and values[end] is not None and values[end - 1] - values[end] == step:
                    end += 1
        if end - start >= MIN_TICKS and end - start > len(best):
            best = {r: values[r] for r in range(start, end)}
        start = max(end - 1, start + 1)
    return best


def is_axis_scale(table: Table) -> bool:
    """Given a table, return whether it is a chart's text, not a table: a column holds a scale (at least MIN_TICKS
    rows whose numbers fall by one round step per row, the labels of a value axis) and every other number in the
    grid is a tick of that scale in its row (a second chart's axis beside it), none a figure of its own."""
    rows = [[c.text if c else "" for c in row.cells] for row in table.rows]
    if not rows:
        return False
    ncols = max(len(r) for r in rows)
    for c in range(ncols):
        scale = _scale([_tick(r[c]) if c < len(r) else None for r in rows])
        if scale and all(not _NUMBER.match(t.strip()) or (r in scale and _tick(t) == scale[r])
                         for r, row in enumerate(rows) for t in row):
            return True
    return False
