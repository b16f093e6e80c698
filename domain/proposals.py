"""One row per proposal of a catalogue or proposal collection: code, title, type, administration, payback.

Proposals are the codes of the catalogue overview rows, of the Tabel 1 grids (their contexts) and, in a
document that holds such tables, of the proposal titles printed outside tables (`documents.outline`: a
proposal still "under udarbejdelse" prints only its title). Title and type come from the overview when it
lists the proposal, else from the proposal heading (context or outline title); "Fremstillende forvaltning"
from the labelled field printed after the proposal's title (outline) or its header form (a text grid with a
row of that label); the two payback periods from Tabel 1's "Tilbagebetalingstid baseret på ..." rows, in
their printed order (service, then total) where a wrapped label lost the word that names them.
"""
from __future__ import annotations

import re

from domain import catalogue_overview, proposal_economics
from domain.cells import amount, clean, label_col, split_code
from domain.grid import Grid, GridRow
from domain.registry import DocumentContext
from domain.vocab import key, payback_kind, proposal_type, proposal_type_in, strip_confidential

KIND = None
ADMINISTRATION_LABEL = "fremstillende forvaltning"
PAYBACK_ORDER = ("service", "total")  # Tabel 1 prints the service payback first, the total payback second
# A trailing "(INVESTERINGSFORSLAG, OFS 2021-2022)"-style remark after a heading's title.
_TRAILING_REMARK = re.compile(r"\s*\((?:[^()]*(?:forslag|OFS|ofs)[^()]*)\)\s*$")
_LEADING_SEP = re.compile(r"^[\s.:\-\u2010-\u2015\u2212]+")
_YEARS = re.compile(r"^\s*(\d+(?:,\d+)?)\s*(?:år|års?)?\.?\s*$", re.IGNORECASE)


def recognise(grid: Grid) -> bool:
    """Proposals are not a table kind of their own: no grid is recognised here."""
    return False


def title_from_heading(heading: str | None, code: str) -> str | None:
    """Given a proposal heading ("SU1. Title", "BU/SI01 - Title", "SU1 – SU1. Title (…)"), return the title."""
    text = clean(heading)
    if not text or code not in text:
        return None
    after = text[text.rfind(code) + len(code):]
    title = _TRAILING_REMARK.sub("", _LEADING_SEP.sub("", after)).strip()
    return title or None


def payback_years(row: GridRow, label_column: int) -> float | None:
    """Given a payback row, return the years printed in its first non-empty value cell ("4", "4 år"), or None."""
    for c in sorted(row.cells):
        if c == label_column:
            continue
        text = clean(row.text(c))
        if not text:
            continue
        m = _YEARS.match(text)
        if m:
            return float(amount(m.group(1)) or 0)
        return None
    return None


def _administration(grid: Grid) -> str | None:
    """Given a grid, return the text next to its "Fremstillende forvaltning:" label, if it has one."""
    lc = label_col(grid)
    for row in grid.rows:
        for c in sorted(row.cells):
            text = clean(row.text(c))
            k = key(text)
            if not k.startswith(ADMINISTRATION_LABEL):
                continue
            rest = clean(text.split(":", 1)[1]) if ":" in text else ""
            if rest:
                return rest
            later = [clean(row.text(x)) for x in sorted(row.cells) if x > c and x != lc and clean(row.text(x))]
            return later[0] if later else None
    return None


def outline_proposals(doc: DocumentContext) -> list[dict]:
    """Given a document, return its proposals as printed outside tables, in order: code, title, page, type
    (the type heading printed since the previous title) and administration (the "Fremstillende forvaltning"
    field printed after the title)."""
    out: list[dict] = []
    by_code: dict[str, dict] = {}
    current: dict | None = None
    type_seen: str | None = None
    for entry in doc.outline:
        role, text = entry.get("role"), clean(entry.get("text"))
        if role == "title" and (parsed := split_code(text)):
            code = parsed[0]
            current = by_code.get(code)
            if current is None:  # a proposal printed again (a cross-reference) stays one proposal
                title, confidential = strip_confidential(title_from_heading(text, code) or "")
                current = by_code[code] = dict(code=code, title=title or None, page=int(entry["page"]),
                                               proposal_type=type_seen, administration=None,
                                               confidential=confidential)
                out.append(current)
            type_seen = None
        elif role == "heading" and (t := proposal_type(text)) is not None:
            type_seen = t
        elif role == "field" and current is not None and key(entry.get("label")) == ADMINISTRATION_LABEL:
            current["administration"] = current["administration"] or text or None
    return out


def _type_in_form(grid: Grid) -> str | None:
    """Given a proposal's text grid (header form), return a proposal type printed as a whole cell, if any."""
    for row in grid.rows:
        for cell in row.cells.values():
            if (t := proposal_type(cell.text)) is not None:
                return t
    return None


def rows(doc: DocumentContext, grids: list[Grid]) -> list[dict]:
    """Given a document and its grids (classified), return one `proposals` row per proposal code."""
    ordered = sorted(grids, key=lambda g: g.table_index)
    props: dict[str, dict] = {}
    detail_pages: dict[str, int] = {}  # the first page of a proposal's own section

    def get(code: str, page: int) -> dict:
        """Given a code, return its (new or existing) proposal record."""
        return props.setdefault(code, dict(
            document_id=doc.document_id, page=page, municipality=doc.municipality, code=code, title=None,
            proposal_type=None, administration=None, confidential=False, payback_service_years=None,
            payback_total_years=None))

    for grid in (g for g in ordered if g.kind == catalogue_overview.KIND):
        for e in catalogue_overview.entries(grid):
            p = get(e["code"], e["page"])
            p["title"] = p["title"] or e["title"]
            p["proposal_type"] = p["proposal_type"] or e["proposal_type"]
            p["confidential"] = p["confidential"] or e["confidential"]

    codes = proposal_economics.assign_codes(ordered)
    for grid in (g for g in ordered if g.kind == proposal_economics.KIND):
        code = codes.get(grid.table_id)
        if code is None:
            continue
        p = get(code, grid.page)
        detail_pages.setdefault(code, grid.page)
        heading = grid.context or ""
        if p["title"] is None and (title := title_from_heading(heading, code)):
            p["title"] = strip_confidential(title)[0]
        p["confidential"] = p["confidential"] or strip_confidential(heading)[1]
        p["proposal_type"] = p["proposal_type"] or proposal_type_in(heading) or proposal_type_in(grid.caption)
        lc = label_col(grid)
        paybacks = [er for er in proposal_economics.read(grid) if er.role == "payback"]
        named = {payback_kind(er.label) for er in paybacks}
        unnamed = iter(k for k in PAYBACK_ORDER if k not in named)
        for er in paybacks:
            kind = payback_kind(er.label) or next(unnamed, None)  # a wrapped label that lost its last word
            if kind is None:
                continue
            field = "payback_service_years" if kind == "service" else "payback_total_years"
            if p[field] is None:
                p[field] = payback_years(er.row, lc)

    by_title = catalogue_overview.titles(ordered)
    for grid in ordered:  # header forms and other grids of a proposal: administration, type
        code = proposal_economics.grid_code(grid, by_title)
        if code not in props or grid.kind == catalogue_overview.KIND:
            continue
        p = props[code]
        detail_pages[code] = min(detail_pages.get(code, grid.page), grid.page)
        if p["administration"] is None:
            p["administration"] = _administration(grid)
        p["proposal_type"] = p["proposal_type"] or proposal_type_in(grid.context) or _type_in_form(grid)

    if props:  # a proposal document: its proposals printed outside tables too, and their administration
        for o in outline_proposals(doc):
            p = get(o["code"], o["page"])
            detail_pages[o["code"]] = min(detail_pages.get(o["code"], o["page"]), o["page"])
            p["title"] = p["title"] or o["title"]
            p["proposal_type"] = p["proposal_type"] or o["proposal_type"]
            p["administration"] = p["administration"] or o["administration"]
            p["confidential"] = p["confidential"] or o["confidential"]

    doc_type = proposal_type_in(doc.title)  # e.g. a collection titled "Investeringsforslag ..."

    for code, p in props.items():
        p["page"] = detail_pages.get(code, p["page"])
        p["proposal_type"] = p["proposal_type"] or doc_type or "other"
        p["title"] = p["title"] or ""
    return list(props.values())


OUTPUTS = {"proposals": rows}
