"""The audit report as one self-contained HTML page: document facts, printed-total checks, each page holding a
table with table and cell boxes drawn over it beside the extracted grids, and the domain rows linked to cells.

Element conventions (the tests read them): a cell box is `.cellbox` with `data-cell="<table_id>:<row>:<col>"`,
its grid cell `td[data-cell]` with the same key (a failing total left blank is a `.missingbox`); a check is
`tr.check` with `data-state` (holds/fails/unverified), `data-printed`, `data-computed`, `data-column`,
`data-cell` and `data-parts`; a domain row's link `data-cells`.
"""
from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from reports.links import CellIndex
from reports.page_images import PageImage
from reports.published import PublishedDocument
from reports.totals import FAILS, HOLDS, UNVERIFIED, AuditCheck, CellKey, danish

STATE_MARK = {HOLDS: "✓ holds", FAILS: "✗ fails", UNVERIFIED: "? unverified"}
DOCUMENT_FIELDS = ("file_name", "document_id", "status", "error", "kind", "municipality", "title", "n_pages",
                   "n_tables", "pipeline_version", "extracted_at", "sha256")

CSS = """
:root{--fail:#c62828;--fail-bg:#fdecea;--ok:#2e7d32;--ok-bg:#e8f5e9;--unv:#8d6e00;--unv-bg:#fff8e1;--hl:#ff9800}
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#f4f4f4}
header,section.block{background:#fff;margin:12px;padding:12px 16px;border-radius:6px;box-shadow:0 1px 2px #0002}
h1{font-size:20px;margin:0 0 8px}h2{font-size:17px;margin:0 0 8px}h3{font-size:15px;margin:10px 0 4px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}dt{font-weight:600}dd{margin:0}
.status-ok{color:var(--ok)}.status-partial{color:var(--unv)}.status-failed{color:var(--fail);font-weight:700}
.why{color:var(--fail);font-size:16px}
table.data{border-collapse:collapse;font-size:12px;margin:4px 0 12px}
table.data th,table.data td{border:1px solid #ccc;padding:2px 4px;vertical-align:top}
table.data th{background:#eee;position:sticky;top:0}
table.data td[data-cell]{cursor:pointer}table.data td.num{text-align:right;white-space:nowrap}
tr.check{cursor:pointer}tr.check.holds td.state{color:var(--ok)}
tr.check.fails,tr.check.fails td{color:var(--fail);background:var(--fail-bg);font-weight:600}
tr.check.unverified td.state{color:var(--unv)}
.page{display:flex;gap:12px;align-items:flex-start}
.page-view{position:relative;flex:0 1 auto;max-width:62%;border:1px solid #999;line-height:0}
.page-view img{display:block;width:100%;height:auto}
.tablebox{position:absolute;border:2px solid #1565c0;pointer-events:none;box-sizing:border-box}
.cellbox{position:absolute;border:1px solid #1e88e588;background:#1e88e514;box-sizing:border-box;cursor:pointer}
.cellbox.total-holds{border:2px solid var(--ok)}
.cellbox.total-fails{border:2px solid var(--fail);background:#c6282833}
.missingbox{position:absolute;border:2px dashed var(--fail);box-sizing:border-box;cursor:pointer}
.cellbox.part-of-failing{outline:2px dashed var(--fail);outline-offset:1px}
td.total-fails{background:var(--fail-bg);color:var(--fail);font-weight:700}td.total-holds{background:var(--ok-bg)}
td.part-of-failing{outline:2px dashed var(--fail);outline-offset:-2px}
.cellbox.hl,.missingbox.hl,td.hl{background:#ff980066 !important;outline:3px solid var(--hl) !important}
.cellbox.hl-part,td.hl-part{background:#ffeb3b66 !important;outline:2px dashed var(--hl) !important}
.grids{flex:1 1 auto;overflow:auto;max-height:95vh;min-width:300px}
.scroll{overflow:auto;max-height:80vh}.caption{font-weight:600}.muted{color:#666}.nopage{color:#666;font-style:italic}
a.cells{cursor:pointer;color:#1565c0;text-decoration:underline}
summary{cursor:pointer;font-weight:600;margin:4px 0}details.checks-fails>summary{color:var(--fail)}
"""

SCRIPT = """
(function(){
  function sel(key){return document.querySelectorAll('[data-cell="'+CSS.escape(key)+'"]');}
  function clear(){document.querySelectorAll('.hl,.hl-part').forEach(function(e){e.classList.remove('hl','hl-part');});}
  function mark(keys,cls){keys.forEach(function(k){sel(k).forEach(function(e){
    if(e.matches('.cellbox,.missingbox,td'))e.classList.add(cls);});});}
  function show(key,from){var t=Array.prototype.filter.call(sel(key),function(e){
    return e!==from&&e.matches('.cellbox,.missingbox,td');});
    if(t.length)t[0].scrollIntoView({block:'center',inline:'nearest'});}
  document.addEventListener('click',function(ev){
    var e=ev.target.closest('.cellbox,td[data-cell],tr.check,a.cells');if(!e)return;clear();
    if(e.matches('tr.check')){var c=e.dataset.cell;var p=(e.dataset.parts||'').split(' ').filter(Boolean);
      mark(p,'hl-part');if(c){mark([c],'hl');show(c,null);}return;}
    if(e.matches('a.cells')){ev.preventDefault();var ks=e.dataset.cells.split(' ').filter(Boolean);
      mark(ks,'hl');if(ks.length)show(ks[0],null);return;}
    mark([e.dataset.cell],'hl');show(e.dataset.cell,e);});
})();
"""


def _e(value: object) -> str:
    """Given a value, return it escaped for HTML (None as empty)."""
    return "" if value is None else html.escape(str(value), quote=True)


def cell_key(key: CellKey) -> str:
    """Given (table_id, row, col), return the cell's key in the page's data attributes."""
    return f"{key[0]}:{key[1]}:{key[2]}"


def _num(value: Decimal | None) -> str:
    """Given a number, return it in Danish notation ('' for None)."""
    return "" if value is None else danish(value)


def _value(value: float | None) -> str:
    """Given a parsed cell value, return it for a tooltip."""
    if value is None:
        return "none"
    return danish(Decimal(repr(value)))


def _facts(doc: dict) -> str:
    """Given a `documents` row, return its facts as a definition list."""
    items = []
    for name in DOCUMENT_FIELDS:
        value = doc.get(name)
        if name == "error" and not value:
            continue
        cls = f' class="status-{_e(value)}"' if name == "status" else ""
        items.append(f"<dt>{name}</dt><dd{cls}>{_e(value)}</dd>")
    return f'<dl class="facts">{"".join(items)}</dl>'


def _check_rows(checks: list[AuditCheck], titles: dict[str, str]) -> str:
    """Given the checks, return the checks table."""
    if not checks:
        return '<p class="muted">No printed totals were found in this document\'s tables.</p>'
    counts = {s: sum(c.state == s for c in checks) for s in (HOLDS, FAILS, UNVERIFIED)}
    head = ("<tr><th>verdict</th><th>table</th><th>row</th><th>column</th><th>printed</th><th>computed (sum)</th>"
            "<th>difference</th><th>tolerance</th><th>cells summed</th></tr>")
    summary = (f'<p>{counts[HOLDS]} hold, <span class="status-failed">{counts[FAILS]} fail</span>, '
               f"{counts[UNVERIFIED]} unverified (a total row that no reading of the rows above could check). "
               "Click a check to outline its total and the cells it summed.</p>")
    out = [summary]
    for state, open_ in ((FAILS, True), (UNVERIFIED, True), (HOLDS, False)):
        rows = [_check_row(c, titles) for c in checks if c.state == state]
        if rows:
            out.append(f'<details class="checks-{state}"{" open" if open_ else ""}><summary>{len(rows)} '
                       f'{STATE_MARK[state][2:]}</summary><table class="data checks">{head}{"".join(rows)}'
                       "</table></details>")
    return "".join(out)


def _check_row(c: AuditCheck, titles: dict[str, str]) -> str:
    """Given a check, return its row in the checks table."""
    parts = " ".join(cell_key(p) for p in c.parts)
    return (f'<tr class="check {c.state}" data-state="{c.state}" data-table="{_e(c.table_id)}" '
            f'data-row="{c.row_index}" data-column="{_e(c.column)}" data-label="{_e(c.row_label)}" '
            f'data-printed="{"" if c.blank else _e(c.printed)}" data-computed="{_e(c.computed)}" '
            f'data-cell="{cell_key(c.cell) if c.cell else ""}" data-parts="{parts}">'
            f'<td class="state">{STATE_MARK[c.state]}</td><td>{_e(titles.get(c.table_id, c.table_id))}</td>'
            f"<td>{_e(c.row_label)}</td><td>{_e(c.column)}</td><td class=\"num\">{_e(c.shown_printed)}</td>"
            f'<td class="num">{_num(c.computed)}</td><td class="num">{_num(c.difference)}</td>'
            f'<td class="num">{_num(c.tolerance)}</td><td class="num">{len(c.parts)}</td></tr>')


def _cell_classes(checks: list[AuditCheck]) -> dict[str, set[str]]:
    """Given the checks, return the extra classes per cell key: totals that hold/fail, parts of failing ones."""
    out: dict[str, set[str]] = defaultdict(set)
    for c in checks:
        if c.cell and c.state in (HOLDS, FAILS):
            out[cell_key(c.cell)].add(f"total-{c.state}")
        if c.state == FAILS:
            for p in c.parts:
                out[cell_key(p)].add("part-of-failing")
    for classes in out.values():
        if "total-fails" in classes:
            classes.discard("total-holds")
    return out


def _tooltip(cell: dict) -> str:
    """Given a `table_cells` row, return its tooltip: column, row label, text and parsed value."""
    return (f"column: {cell.get('column') or ''}\nrow: {cell.get('row_label') or ''}\n"
            f"text: {cell.get('text') or ''}\nvalue: {_value(cell.get('value'))}")


def _pct(value: float, origin: float, size: float) -> str:
    """Given a coordinate, the frame's origin and size, return the CSS percentage."""
    return f"{100.0 * (value - origin) / size:.3f}%"


def _boxes(image: PageImage, cells: list[dict], classes: dict[str, set[str]]) -> str:
    """Given a rendered page and its cells, return the table boxes and cell boxes drawn over the image."""
    x0, top, x1, bottom = image.frame
    w, h = (x1 - x0) or 1.0, (bottom - top) or 1.0
    out = []
    by_table: dict[str, list[dict]] = defaultdict(list)
    for c in cells:
        by_table[c["table_id"]].append(c)
    for table_id, group in by_table.items():
        bx0, bt = min(c["x0"] for c in group), min(c["top"] for c in group)
        bx1, bb = max(c["x1"] for c in group), max(c["bottom"] for c in group)
        out.append(f'<div class="tablebox" data-table="{_e(table_id)}" title="{_e(table_id)}" style="left:'
                   f'{_pct(bx0, x0, w)};top:{_pct(bt, top, h)};width:{100 * (bx1 - bx0) / w:.3f}%;'
                   f'height:{100 * (bb - bt) / h:.3f}%"></div>')
    for c in cells:
        key = cell_key((c["table_id"], c["row_index"], c["col_index"]))
        extra = " ".join(sorted(classes.get(key, ())))
        out.append(f'<div class="cellbox {extra}" data-cell="{key}" title="{_e(_tooltip(c))}" style="left:'
                   f'{_pct(c["x0"], x0, w)};top:{_pct(c["top"], top, h)};width:{100 * (c["x1"] - c["x0"]) / w:.3f}%;'
                   f'height:{100 * (c["bottom"] - c["top"]) / h:.3f}%"></div>')
    return "".join(out)


def _missing_boxes(image: PageImage, cells: list[dict], checks: list[AuditCheck]) -> str:
    """Given a rendered page, its cells and the checks, return a dashed box where a failing total is missing (not
    printed): its row's height and its column's width, from the other cells of that row and column on the page."""
    x0, top, x1, bottom = image.frame
    w, h = (x1 - x0) or 1.0, (bottom - top) or 1.0
    present = {(c["table_id"], c["row_index"], c["col_index"]) for c in cells}
    out, seen = [], set()
    for chk in checks:
        if chk.state != FAILS or chk.cell is None or chk.cell in present or chk.cell in seen:
            continue
        table_id, row, col = chk.cell
        in_row = [c for c in cells if c["table_id"] == table_id and c["row_index"] == row]
        in_col = [c for c in cells if c["table_id"] == table_id and c["col_index"] == col]
        if not in_row or not in_col:
            continue
        seen.add(chk.cell)
        bx0, bx1 = min(c["x0"] for c in in_col), max(c["x1"] for c in in_col)
        bt, bb = min(c["top"] for c in in_row), max(c["bottom"] for c in in_row)
        out.append(f'<div class="missingbox" data-cell="{cell_key(chk.cell)}" title="{_e(chk.column)}: total not '
                   f'printed, the parts sum to {_num(chk.computed)}" style="left:{_pct(bx0, x0, w)};top:'
                   f'{_pct(bt, top, h)};width:{100 * (bx1 - bx0) / w:.3f}%;height:{100 * (bb - bt) / h:.3f}%"></div>')
    return "".join(out)


def _grid(table: dict, cells: list[dict], classes: dict[str, set[str]]) -> str:
    """Given a `tables` row and its cells, return the extracted table as an HTML grid."""
    columns = list(table.get("columns") or [])
    n_cols = max([len(columns)] + [c["col_index"] + 1 for c in cells])
    columns += [""] * (n_cols - len(columns))
    rows: dict[int, dict[int, dict]] = defaultdict(dict)
    for c in cells:
        rows[c["row_index"]][c["col_index"]] = c
    head = "".join(f"<th>{_e(name)}</th>" for name in columns)
    body = []
    for r in range(max(rows, default=-1) + 1):
        tds = []
        for col in range(n_cols):
            c = rows.get(r, {}).get(col)
            if c is None:
                tds.append("<td></td>")
                continue
            key = cell_key((c["table_id"], r, col))
            cls = " ".join(sorted(({"num"} if c.get("value") is not None else set()) | classes.get(key, set())))
            tds.append(f'<td class="{cls}" data-cell="{key}" title="{_e(_tooltip(c))}">{_e(c["text"])}</td>')
        body.append(f'<tr data-row="{r}">{"".join(tds)}</tr>')
    title = " · ".join(_e(x) for x in (table.get("caption"), table.get("context")) if x) or "(no caption)"
    pages = f"page {table['page']}" + (f"–{table['last_page']}" if table["last_page"] != table["page"] else "")
    meta = (f'{_e(table["table_id"])} · {pages} · kind {_e(table.get("kind"))} · unit {_e(table.get("unit") or "-")}'
            f' · totals checked {table.get("totals_checked")}, failed {table.get("totals_failed")}')
    return (f'<div class="grid" id="table-{_e(table["table_id"])}" data-table="{_e(table["table_id"])}">'
            f'<div class="caption">{title}</div><div class="muted">{meta}</div>'
            f'<table class="data"><tr>{head}</tr>{"".join(body)}</table></div>')


def _pages(doc: PublishedDocument, images: dict[int, PageImage], classes: dict[str, set[str]],
           checks: list[AuditCheck]) -> str:
    """Given the document and its rendered pages, return one section per page holding a table."""
    cells_by_page: dict[int, list[dict]] = defaultdict(list)
    cells_by_table: dict[str, list[dict]] = defaultdict(list)
    for c in doc.cells:
        cells_by_page[int(c["page"])].append(c)
        cells_by_table[c["table_id"]].append(c)
    tables_by_page: dict[int, list[dict]] = defaultdict(list)
    for t in doc.tables:
        tables_by_page[int(t["page"])].append(t)
    out = []
    for page in sorted(set(cells_by_page) | set(tables_by_page)):
        image = images.get(page)
        if image is not None:
            view = (f'<div class="page-view" style="width:{image.width_px}px"><img alt="page {page}" '
                    f'width="{image.width_px}" height="{image.height_px}" src="{image.data_uri}">'
                    f"{_boxes(image, cells_by_page.get(page, []), classes)}"
                    f"{_missing_boxes(image, cells_by_page.get(page, []), checks)}</div>")
        else:
            view = '<div class="nopage">page image not available (PDF missing or changed)</div>'
        grids = [_grid(t, cells_by_table.get(t["table_id"], []), classes) for t in tables_by_page.get(page, [])]
        cont = sorted({c["table_id"] for c in cells_by_page.get(page, [])} - {t["table_id"] for t in
                                                                            tables_by_page.get(page, [])})
        grids += [f'<p class="muted">continues <a href="#table-{_e(t)}">{_e(t)}</a> (grid at its first page)</p>'
                  for t in cont]
        out.append(f'<section class="block" id="page-{page}"><h2>Page {page}</h2><div class="page">{view}'
                   f'<div class="grids">{"".join(grids)}</div></div></section>')
    return "".join(out)


def _domain(doc: PublishedDocument) -> str:
    """Given the document, return its domain rows, each with a link to the cells it was read from."""
    index = CellIndex(doc.tables, doc.cells)
    out = []
    for table, rows in doc.domain.items():
        if not rows:
            continue
        names = [k for k in rows[0] if k != "document_id"]
        body = []
        for row in rows:
            keys = index.trace(table, row)
            link = (f'<a class="cells" href="#page-{_e(row.get("page"))}" data-cells="'
                    f'{" ".join(cell_key(k) for k in keys)}">cell</a>' if keys else
                    f'<a href="#page-{_e(row.get("page"))}">page {_e(row.get("page"))}</a>')
            tds = "".join(f"<td>{_e(_show(row[k]))}</td>" for k in names)
            body.append(f'<tr class="domain-row" data-linked="{int(bool(keys))}"><td>{link}</td>{tds}</tr>')
        head = "<th>source</th>" + "".join(f"<th>{_e(k)}</th>" for k in names)
        out.append(f'<h3 id="domain-{table}">{table} ({len(rows)} rows)</h3><div class="scroll">'
                   f'<table class="data domain" data-domain="{table}"><tr>{head}</tr>{"".join(body)}</table></div>')
    return "".join(out) or '<p class="muted">No domain rows for this document.</p>'


def _show(value: object) -> object:
    """Given a domain value, return it for display (lists joined)."""
    return ", ".join(map(str, value)) if isinstance(value, list) else value


def _page(title: str, body: Iterable[str]) -> str:
    """Given the title and body parts, return the whole HTML document."""
    return (f'<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f'<meta name="viewport" content="width=device-width"><style>{CSS}</style></head><body>'
            f'{"".join(body)}<script>{SCRIPT}</script></body></html>')


def failed_report(doc: dict) -> str:
    """Given a failed document's `documents` row, return a report that says why and shows nothing else."""
    return _page(f"Audit: {doc['file_name']} (failed)", [
        f'<header id="document" data-status="failed"><h1>Audit of {_e(doc["file_name"])}</h1>'
        f'<p class="why">Extraction failed: {_e(doc.get("error") or "no reason recorded")}</p>'
        f"{_facts(doc)}</header>"])


def audit_report(doc: PublishedDocument, checks: list[AuditCheck], images: dict[int, PageImage],
                 notice: str | None = None) -> str:
    """Given a document's published rows, its checks and rendered pages, return the report's HTML."""
    d = doc.document
    titles = {t["table_id"]: f"{t['table_id'][-3:]} {t.get('caption') or t.get('context') or ''}".strip()
              for t in doc.tables}
    classes = _cell_classes(checks)
    nav = " ".join(f'<a href="#page-{p}">{p}</a>' for p in sorted({int(c["page"]) for c in doc.cells}))
    counts = (f"{len(doc.tables)} tables, {len(doc.cells)} cells on {len({c['page'] for c in doc.cells})} pages")
    data = json.dumps({"document_id": d["document_id"], "cells": len(doc.cells), "tables": len(doc.tables)})
    return _page(f"Audit: {d['file_name']}", [
        f'<header id="document" data-status="{_e(d["status"])}" data-summary=\'{_e(data)}\'>'
        f'<h1>Audit of {_e(d["file_name"])}</h1>{_facts(d)}'
        + (f'<p class="why">{_e(notice)}</p>' if notice else "")
        + f"<p>{counts}. Pages: {nav}</p></header>",
        f'<section class="block" id="checks"><h2>Printed totals</h2>{_check_rows(checks, titles)}</section>',
        _pages(doc, images, classes, checks),
        f'<section class="block" id="domain"><h2>Domain rows</h2>{_domain(doc)}</section>'])
