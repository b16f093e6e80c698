"""A chart's text read as a table: the tick labels of a value axis (450, 400, ... 0, -50), one per line down the
plot's left edge, make a column of numbers beside the legend and the dates of the other axis (such a grid holds no
figure but the axis' own: every number in it is a tick of a scale that falls by one round step per row); or, along
the foot of a bar chart, a row of ticks ("0% 10% 20% ... 100%") under the bars' labels and values."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from extractors.model import Table

MIN_TICKS = 4  # a scale shows at least this many ticks
MIN_AXIS_TICKS = 5  # ... and a value axis along a row at least this many
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


def _axis_row(cells: list[str], others: set[int]) -> bool:
    """Given a row's cell texts and the columns the table's other rows fill, return whether they are the tick
    labels of a chart's value axis ("0% 10% 20% ... 100%" under the bars): every word a plain number (a share
    too), at least MIN_AXIS_TICKS of them rising or falling by one round step from word to word across a zero,
    and set off the table's columns (some cell holding several of them, or at least two of them in columns no
    other row fills: the ticks are spaced on the axis, not in the columns of the bars' labels and values)."""
    words = [w for t in cells for w in t.split()]
    ticks = [_tick(w[:-1] if w.endswith("%") else w) for w in words]
    own = [c for c, t in enumerate(cells) if t.strip() and c not in others]
    if (len(ticks) < MIN_AXIS_TICKS or any(t is None for t in ticks)
            or not (any(len(t.split()) >= 2 for t in cells) or len(own) >= 2)):
        return False
    steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
    if len(steps) != 1:
        return False
    step = abs(steps.pop())
    return step > 0 and _round(step) and min(ticks) <= 0 <= max(ticks)


def is_axis_scale(table: Table) -> bool:
    """Given a table, return whether it is a chart's text, not a table: a row holds the ticks of a value axis run
    together (`_axis_row`), or a column holds a scale (at least MIN_TICKS rows whose numbers fall by one round
    step per row, the labels of a value axis) and every other number in the grid is a tick of that scale in its
    row (a second chart's axis beside it), none a figure of its own."""
    rows = [[c.text if c else "" for c in row.cells] for row in table.rows]
    if not rows:
        return False
    filled = [{c for c, t in enumerate(row) if t.strip()} for row in rows]
    if any(_axis_row(row, set().union(*(f for k, f in enumerate(filled) if k != i))) for i, row in enumerate(rows)):
        return True
    ncols = max(len(r) for r in rows)
    for c in range(ncols):
        scale = _scale([_tick(r[c]) if c < len(r) else None for r in rows])
        if scale and all(not _NUMBER.match(t.strip()) or (r in scale and _tick(t) == scale[r])
                         for r, row in enumerate(rows) for t in row):
            return True
    return False
