"""Readers shared by the domain modules: exact amounts from cell text, year columns, label columns, codes.

Amounts are read from the cell TEXT with Decimal (never from the float `value`) through `normalizers`.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal
from functools import lru_cache

from domain.grid import Grid, GridRow
from normalizers.numbers import parse_danish
from normalizers.price_level import find_pl_year as _find_pl_year
from normalizers.units import find_unit as _find_unit
from normalizers.units import to_dkk as _to_dkk
from normalizers.units import unit_factor as _unit_factor

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
_NUM = re.compile(r"[-+]?\d+(?:\.\d+)*(?:,\d+)?")
_YEAR = re.compile(r"(?:19|20)\d{2}")
# A year column's head in the forms budgets print: a bare year, or a year marked as the budget year or an estimate
# year ("B2026", "B 2026", "BO1 2027", "BO 2027", "Budget 2026", "Budgetår 2026", "Overslag 2027", "Overslagsår
# 2027"); never a span ("2019-2022"), a price level ("2026-pl") or accounts ("Regnskab 2024").
_YEAR_HEAD = re.compile(r"(?:(?:b|bo\s?\d?|budget(?:år)?|overslag(?:s(?:år)?)?)\s?[-:]?\s?)?((?:19|20)\d{2})",
                        re.IGNORECASE)
# A proposal code: letters (optionally "XX/YY") immediately followed by digits: "SU1", "BU/SI01", "SI/UD03".
CODE = r"[A-ZÆØÅ]{1,5}(?:/[A-ZÆØÅ]{1,5})?\d{1,3}"
_CODE_LABEL = re.compile(rf"^\s*({CODE})\s*(?:[.:]\s*|\s+[-\u2010-\u2015\u2212]\s*|\s+)(\S.*)$")
_CODE_ANY = re.compile(rf"(?<![\w/])({CODE})(?![\w/])")
# Cell texts whose reading is remembered (amount, money, decimals are pure): the totals checker re-reads a
# total's parts for every candidate range, which without it costs seconds on a long table.
PARSE_CACHE = 1 << 16
# Share of a column's non-empty cells that must equal the row label for it to be the label column.
LABEL_COL_SHARE = 0.5


def norm(s: str | None) -> str:
    """Given text, return a comparison key: NFKC, soft hyphens dropped, dashes '-', whitespace collapsed, casefolded."""
    if not s:
        return ""
    return _norm_of(s if isinstance(s, str) else str(s))


@lru_cache(maxsize=PARSE_CACHE)
def _norm_of(s: str) -> str:
    """Given non-empty text, return `norm`'s key (cached by text)."""
    s = unicodedata.normalize("NFKC", s).replace("\u00ad", "").translate(_DASHES)
    return " ".join(s.split()).casefold()


def clean(s: str | None) -> str:
    """Given printed text, return it as printed with soft hyphens dropped and whitespace collapsed."""
    if not s:
        return ""
    return " ".join(str(s).replace("\u00ad", "").split())


@lru_cache(maxsize=PARSE_CACHE)
def amount(text: str | None) -> Decimal | None:
    """Given a printed cell, return its exact Danish number, or None for nil ("-"), text and empty cells.

    Cached by text (the total checks read each cell once per candidate reading; a Decimal is immutable)."""
    if not text or not text.strip():
        return None
    d = parse_danish(text)
    return d.value if d.kind == "number" else None


MONEY_SUFFIX = "kr."  # a cell may print its amount with the money unit after it: "2.890.000 kr."


@lru_cache(maxsize=PARSE_CACHE)
def money(text: str | None) -> Decimal | None:
    """Given a printed cell, return its exact amount like `amount`, also when the cell prints it in kroner with
    the unit after it ("500.000 kr."), as memos and minutes set allocation tables; None otherwise."""
    if not text or not text.strip():
        return None
    d = parse_danish(text)
    if d.kind == "number" or (d.kind == "with_unit" and norm(d.unit) == MONEY_SUFFIX):
        return d.value
    return None


@lru_cache(maxsize=PARSE_CACHE)
def decimals(text: str | None) -> int:
    """Given a printed number, return its number of printed decimals ("283,8" -> 1, "1.800" -> 0)."""
    s = clean(text)
    return len(s.rsplit(",", 1)[1]) if "," in s and _NUM.search(s) else 0


def find_unit(text: str | None) -> str | None:
    """Given a caption/header text, return the printed money unit ("1.000 kr.", "mio. kr.", ...) or None."""
    return _find_unit(text) if text else None


def unit_factor(unit: str | None) -> int:
    """Given a printed unit ("1.000 kr.", "mio. kr.", ...), return its factor to whole kroner (None -> 1)."""
    return _unit_factor(unit)


def to_dkk(value: Decimal | None, factor: int) -> int | None:
    """Given an exact printed value and a unit factor, return whole kroner rounded half away from zero."""
    return None if value is None else _to_dkk(value, factor)


def find_pl_year(text: str | None) -> int | None:
    """Given a caption/header text, return the printed price-level year ("2023 p/l", "(2026-pl)") or None."""
    return _find_pl_year(text) if text else None


def grid_unit(grid: Grid) -> str | None:
    """Given a grid, return its unit: the published one, else one printed in its caption or headers."""
    if grid.unit:
        return grid.unit
    for text in [grid.caption, *grid.columns]:
        if u := find_unit(text):
            return u
    return None


def document_unit(grids: list[Grid]) -> str | None:
    """Given a document's grids, return the unit most of its tables print (None when none prints one)."""
    units = Counter(u for g in grids if (u := grid_unit(g)))
    return units.most_common(1)[0][0] if units else None


def grid_pl_year(grid: Grid) -> int | None:
    """Given a grid, return its price level: the published one, else one printed in its caption or headers."""
    if grid.pl_year is not None:
        return grid.pl_year
    for text in [grid.caption, *grid.columns]:
        if (y := find_pl_year(text)) is not None:
            return y
    return None


def year_of_head(header: str | None) -> int | None:
    """Given a column header, return the year it heads: a bare year ("2023") or a budget or estimate year ("B2026",
    "BO1 2027", "Budget 2026", "Overslagsår 2027"), else None."""
    m = _YEAR_HEAD.fullmatch(clean(header or "").strip(" .*"))
    return int(m.group(1)) if m else None


def year_columns(grid: Grid) -> dict[int, int]:
    """Given a grid, return {column index: year} for the columns headed by a year (`year_of_head`)."""
    return {i: y for i, h in enumerate(grid.columns) if (y := year_of_head(h)) is not None}


def label_col(grid: Grid) -> int:
    """Given a grid, return the column holding the row labels (the one whose text equals the label most often)."""
    hits: Counter[int] = Counter()
    for row in grid.rows:
        for c, cell in row.cells.items():
            if row.label and cell.text == row.label:
                hits[c] += 1
    if hits:
        col, n = hits.most_common(1)[0]
        if n >= LABEL_COL_SHARE * sum(1 for r in grid.rows if r.label):
            return col
    return 0


def find_col(grid: Grid, *words: str, exclude: tuple[int, ...] = ()) -> int | None:
    """Given a grid and header words, return the first column whose normalised header contains one of them."""
    for i, h in enumerate(grid.columns):
        if i not in exclude and any(w in norm(h) for w in words):
            return i
    return None


def row_amounts(row: GridRow, cols: dict[int, int]) -> dict[int, Decimal]:
    """Given a row and {column: key}, return {key: exact amount} for the cells holding a printed number."""
    out = {}
    for c, key in cols.items():
        v = amount(row.text(c))
        if v is not None:
            out[key] = v
    return out


def split_code(label: str | None) -> tuple[str, str] | None:
    """Given a label "SU1. Title" / "BU/SI01 - Title", return (code, title), or None when it has no code."""
    m = _CODE_LABEL.match(clean(label))
    return (m.group(1), m.group(2).strip()) if m else None


def find_code(text: str | None) -> str | None:
    """Given a heading/context ("SU1 – SU1. Title (...)", "BU/SI01 - Title"), return the first proposal code."""
    m = _CODE_ANY.search(clean(text))
    return m.group(1) if m else None
