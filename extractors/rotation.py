"""Turned pages: text printed at 90/180/270 degrees (a wide table on a portrait page, /Rotate quirks).

Pure geometry: the dominant reading direction of a page's characters, and boxes turned into the frame where
that text reads left to right (and back, for provenance in the page's own coordinates).
"""
from __future__ import annotations

from collections import Counter

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (pdfplumber's convention: y grows downward)


def char_turn(matrix: tuple[float, ...]) -> int:
    """Given a char's text matrix (a, b, c, d, e, f), return how far its baseline is turned: 0, 90, 180 or 270
    (counter-clockwise as seen on the page: 90 = reading bottom to top)."""
    a, b = matrix[0], matrix[1]
    if abs(a) >= abs(b):
        return 0 if a >= 0 else 180
    return 90 if b > 0 else 270


def dominant_turn(turns: list[int]) -> int:
    """Given the turns of a page's characters, return the most common one (0 for a page without text)."""
    return Counter(turns).most_common(1)[0][0] if turns else 0


def turned_size(width: float, height: float, turn: int) -> tuple[float, float]:
    """Given a page's size and a turn, return the size of the frame where the text reads left to right."""
    return (height, width) if turn in (90, 270) else (width, height)


def _turn_point(x: float, y: float, turn: int, width: float, height: float) -> tuple[float, float]:
    if turn == 90:  # text reads upward: turn the page clockwise
        return height - y, x
    if turn == 270:  # text reads downward: turn the page counter-clockwise
        return y, width - x
    if turn == 180:
        return width - x, height - y
    return x, y


def turn_box(box: Box, turn: int, width: float, height: float) -> Box:
    """Given a box on a page of the given size, return it in the frame where text of that turn reads upright."""
    (ax, ay), (bx, by) = (_turn_point(box[0], box[1], turn, width, height),
                          _turn_point(box[2], box[3], turn, width, height))
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def unturn_box(box: Box, turn: int, width: float, height: float) -> Box:
    """Given a box in the turned frame of a page of the given (original) size, return it on the page itself."""
    inverse = {90: 270, 270: 90}.get(turn, turn)
    tw, th = turned_size(width, height, turn)
    return turn_box(box, inverse, tw, th)
