"""Lists of expiring grants ("Bevillinger ... som udløber"): one row per grant, the total row checked.

Structure recognised: a label column of grant names, one amount column and one recommendation column
("Forvaltningens anbefaling"), a printed "... i alt" total, group rows without amounts, and an "already
handled" section whose rows print "Dækket ved ..." (in the amount or in the recommendation column).
"""
from __future__ import annotations

import re
from decimal import Decimal

from domain.cells import (
    amount,
    clean,
    document_unit,
    find_col,
    find_pl_year,
    grid_pl_year,
    grid_unit,
    label_col,
    norm,
    to_dkk,
    unit_factor,
)
from domain.grid import Grid, GridRow
from domain.registry import DocumentContext, TotalCheck
from domain.totals import check_rows
from domain.vocab import is_total_label, recommendation, split_footnote

KIND = "grant_expiry"
# Minimum number of rows carrying a recognised recommendation for a grid without the caption vocabulary.
MIN_RECOMMENDATION_ROWS = 3
_BUDGET_YEAR = re.compile(r"\bbudget(?:tet)?\s*(?:for\s*)?((?:19|20)\d{2})\b", re.IGNORECASE)
_END_OF_YEAR = re.compile(r"udgangen\s+af\s+((?:19|20)\d{2})", re.IGNORECASE)
_ANY_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# "på Sundheds- og Omsorgsudvalgets ramme" / "Sundheds- og Omsorgsudvalget": a committee name ends in "udvalg".
_COMMITTEE = re.compile(r"((?:[A-ZÆØÅ][\w-]*-?\s+(?:og|,)\s+)*[A-ZÆØÅ][\w-]*udvalg)(ets|et|s)?\b")


def _columns(grid: Grid) -> tuple[int, int | None, int | None]:
    """Given a grid, return (label column, amount column, recommendation column)."""
    lc = label_col(grid)
    rec = find_col(grid, "anbefal", "indstilling", exclude=(lc,))
    amt = find_col(grid, "beløb", "udløb", "kr.", exclude=(lc,) + ((rec,) if rec is not None else ()))
    others = [c for c in range(len(grid.columns)) if c not in (lc, rec)]
    if amt is None and others:
        amt = max(others, key=lambda c: sum(amount(r.text(c)) is not None for r in grid.rows))
    if rec is None:
        cands = [c for c in others if c != amt]
        if cands:
            rec = max(cands, key=lambda c: sum(recommendation(r.text(c)) is not None for r in grid.rows))
    return lc, amt, rec


def recognise(grid: Grid) -> bool:
    """Given a grid, return whether it is a list of expiring grants (caption/header vocabulary or structure)."""
    if len(grid.columns) < 2 or not grid.rows:
        return False
    head = norm(" ".join([grid.caption or "", *grid.columns]))
    _, amt, rec = _columns(grid)
    if amt is None or rec is None:
        return False
    n_rec = sum(recommendation(r.text(rec)) is not None or recommendation(r.text(amt)) == "handled"
                for r in grid.rows)
    n_amt = sum(amount(r.text(amt)) is not None for r in grid.rows)
    vocab = "bevilling" in head and ("udløb" in head or "anbefal" in head)
    return n_amt >= 1 and (n_rec >= 1 if vocab else n_rec >= MIN_RECOMMENDATION_ROWS)


def _texts(row: GridRow, amt: int | None, rec: int | None) -> tuple[Decimal | None, str]:
    """Given a row, return (printed amount, recommendation text); "Dækket ved ..." may sit in either column."""
    a_text, r_text = clean(row.text(amt)), clean(row.text(rec))
    value = amount(a_text)
    if value is None and a_text and a_text not in ("-",):
        r_text = f"{a_text} {r_text}".strip()  # text printed in (or spanning from) the amount column
    return value, r_text


def check_totals(grid: Grid) -> list[TotalCheck]:
    """Given a grant list, return the checks of each printed "... i alt" against the amounts above it."""
    lc, amt, rec = _columns(grid)
    if amt is None:
        return []
    out, parts = [], []
    for row in grid.rows:
        if is_total_label(row.label):
            out += check_rows(grid, row, parts, [amt])
            parts = []
        elif amount(row.text(amt)) is not None:
            parts.append(row)
    return out


def committee_and_year(doc: DocumentContext, grids: list[Grid]) -> tuple[str | None, int | None]:
    """Given a document, return (committee, budget year) from its title, else from the tables' context/caption."""
    texts = [doc.title or ""] + [g.context or "" for g in grids] + [g.caption or "" for g in grids]
    committee = year = None
    for t in texts:
        t = clean(t)
        if committee is None and (m := _COMMITTEE.search(t)):
            committee = m.group(1) + "et"  # "Sundheds- og Omsorgsudvalgets" -> "... Omsorgsudvalget"
        if year is None and (m := _BUDGET_YEAR.search(t) or _END_OF_YEAR.search(t)):
            year = int(m.group(1))
    if year is None:
        for g in grids:
            for t in [g.caption or "", *g.columns]:
                if m := _END_OF_YEAR.search(t) or _ANY_YEAR.search(t):
                    return committee, int(m.group(1))
    return committee, year


def rows(doc: DocumentContext, grids: list[Grid]) -> list[dict]:
    """Given a document and its grids, return the `grant_expiries` rows of its grant-expiry grids."""
    mine = [g for g in grids if g.kind == KIND]
    committee, budget_year = committee_and_year(doc, mine)
    out = []
    for grid in mine:
        lc, amt, rec = _columns(grid)
        factor = unit_factor(grid_unit(grid) or document_unit(grids))
        pl = find_pl_year(grid.columns[amt]) if amt is not None else None
        pl = pl if pl is not None else grid_pl_year(grid)
        for row in grid.rows:
            label = clean(row.label or row.text(lc))
            if not label or is_total_label(label):
                continue  # total rows are checked, not published
            value, r_text = _texts(row, amt, rec)
            if value is None and not r_text:
                continue  # a group/section row
            grant, starred = split_footnote(label)
            out.append(dict(document_id=grid.document_id, page=row.page, municipality=doc.municipality,
                            committee=committee, budget_year=budget_year, grant=grant,
                            amount_dkk=to_dkk(value, factor), pl_year=pl,
                            recommendation=recommendation(r_text), recommendation_text=r_text or None,
                            listed_elsewhere=starred))
    return out


OUTPUTS = {"grant_expiries": rows}
