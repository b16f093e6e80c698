"""The overview table of a proposal catalogue ("SU1. Title" rows under INVESTERINGSFORSLAG/... groups), long by year.

Structure recognised: year columns, several rows whose label starts with a proposal code, optional
proposal-type group rows, and a printed catalogue total ("... i alt") that is checked per year, not published.
"""
from __future__ import annotations

from rapidfuzz import fuzz

from domain.cells import (
    amount,
    clean,
    document_unit,
    grid_pl_year,
    grid_unit,
    label_col,
    split_code,
    to_dkk,
    unit_factor,
    year_columns,
)
from domain.grid import Grid, GridRow
from domain.registry import DocumentContext, TotalCheck
from domain.totals import check_rows
from domain.vocab import is_total_label, key, proposal_type, strip_confidential

KIND = "catalogue_overview"
MIN_CODE_ROWS = 2  # rows labelled with a proposal code
MIN_YEAR_COLUMNS = 1
TITLE_RATIO = 90  # rapidfuzz ratio for a heading to name an overview entry's title
MIN_PREFIX_WORDS = 3  # a title cut at a line break still names an entry when it keeps this many words


def _label(row: GridRow, lc: int) -> str:
    """Given a row and the label column, return the row's printed label."""
    return clean(row.label or row.text(lc))


def recognise(grid: Grid) -> bool:
    """Given a grid, return whether it is a catalogue overview: year columns and several proposal-code rows."""
    years = year_columns(grid)
    if len(years) < MIN_YEAR_COLUMNS:
        return False
    lc = label_col(grid)
    coded = other = 0
    for r in grid.rows:
        label = split_type_head(_label(r, lc))[1]
        if split_code(label):
            coded += 1
        elif r.cells and not (proposal_type(label) or is_total_label(label)):
            other += 1
    return coded >= MIN_CODE_ROWS and coded >= other


def split_type_head(label: str) -> tuple[str | None, str]:
    """Given a row label, return (proposal type, the rest) when a type group row's word opens a proposal row
    ("INVESTERINGSFORSLAG SU1. Title": the group row read as one row with the row below it), else (None, label)."""
    head, _, rest = label.partition(" ")
    if rest and (t := proposal_type(head)) is not None and split_code(rest):
        return t, rest
    return None, label


def entries(grid: Grid) -> list[dict]:
    """Given an overview grid, return its proposal rows: code, title, confidential, proposal_type, page, row."""
    lc, ptype, out = label_col(grid), "other", []
    for row in grid.rows:
        label = _label(row, lc)
        if (t := proposal_type(label)) is not None:
            ptype = t
            continue
        opened, label = split_type_head(label)
        ptype = opened or ptype
        split = split_code(label)
        if split is None:
            continue  # the catalogue total or a note
        title, following = split_type_tail(split[1])
        title, confidential = strip_confidential(title)
        out.append(dict(code=split[0], title=title, confidential=confidential, proposal_type=ptype,
                        page=row.page, row=row))
        ptype = following or ptype
    return out


def split_type_tail(title: str) -> tuple[str, str | None]:
    """Given an overview entry's title, return it without the proposal-type group rows read into its end
    ("... Omsorgsforvaltningen INNOVATIONSFORSLAG EFFEKTIVISERINGSFORSLAG": group heads printed under a wrapped
    title, in a table without rules) and the type the last of them opens for the entries after it (None when
    the title ends in no type word). A type word is a group row of its own, never part of a title."""
    words, last = title.split(), None
    while len(words) > 1 and (t := proposal_type(words[-1])) is not None and words[-1].isupper():
        last = last or t
        words.pop()
    return " ".join(words), last


def titles(grids: list[Grid]) -> dict[str, str]:
    """Given a document's grids (classified), return {title key: code} of its overview entries (one code per
    title; a title listed under two codes is left out, as it names neither)."""
    seen: dict[str, set[str]] = {}
    for grid in (g for g in grids if g.kind == KIND):
        for e in entries(grid):
            if k := key(e["title"]):
                seen.setdefault(k, set()).add(e["code"])
    return {k: next(iter(codes)) for k, codes in seen.items() if len(codes) == 1}


def code_by_title(text: str | None, by_title: dict[str, str]) -> str | None:
    """Given a heading that prints a proposal's title without its code ("Forslagets titel: Title") and the
    overview's {title key: code}, return the code of the one entry with that title (equal, one cut short of
    the other at a line break, or fuzzily equal), or None when no entry or more than one fits."""
    k = key(text)
    if not k or not by_title:
        return None
    if k in by_title:
        return by_title[k]
    fits = set()
    for title, code in by_title.items():
        short, long_ = sorted((k, title), key=len)
        prefix = len(short.split()) >= MIN_PREFIX_WORDS and long_.startswith(short + " ")
        if prefix or fuzz.ratio(k, title) >= TITLE_RATIO:
            fits.add(code)
    return next(iter(fits)) if len(fits) == 1 else None


def check_totals(grid: Grid) -> list[TotalCheck]:
    """Given an overview grid, return the checks of each printed total row against the proposal rows above it."""
    lc, years, out, parts = label_col(grid), year_columns(grid), [], []
    for row in grid.rows:
        label = split_type_head(_label(row, lc))[1]
        if split_code(label):
            parts.append(row)
        elif is_total_label(label) and parts:
            out += check_rows(grid, row, parts, years)
            parts = []
    return out


def rows(doc: DocumentContext, grids: list[Grid]) -> list[dict]:
    """Given a document and its grids, return the `catalogue_overview` rows (one per printed amount)."""
    out, fallback = [], document_unit(grids)  # an overview may print its unit only in a spanning header
    for grid in (g for g in grids if g.kind == KIND):
        years, factor, pl = year_columns(grid), unit_factor(grid_unit(grid) or fallback), grid_pl_year(grid)
        for e in entries(grid):
            for c, year in years.items():
                value = amount(e["row"].text(c))
                if value is None:
                    continue
                out.append(dict(document_id=grid.document_id, page=e["page"], code=e["code"], title=e["title"],
                                proposal_type=e["proposal_type"], year=year, amount_dkk=to_dkk(value, factor),
                                pl_year=pl))
    return out


OUTPUTS = {"catalogue_overview": rows}
