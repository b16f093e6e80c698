"""A short Markdown preview of a document's audit (for the Dagster UI): its tables and its failing checks."""
from __future__ import annotations

from reports.published import PublishedDocument
from reports.totals import FAILS, UNVERIFIED, AuditCheck, danish

MAX_TABLES = 40  # rows of the tables list shown in the preview
MAX_FAILURES = 40


def _cell(text: object) -> str:
    """Given a value, return it safe for a Markdown table cell."""
    return " ".join(str(text or "").replace("|", "\\|").split())[:80]


def markdown_preview(doc: PublishedDocument, checks: list[AuditCheck], report_path: str) -> str:
    """Given a document, its checks and its report's path, return the Markdown preview."""
    d = doc.document
    lines = [f"**{_cell(d['file_name'])}** `{d['document_id']}`: status **{d['status']}**, kind {d['kind']}, "
             f"municipality {d.get('municipality') or '-'}, pipeline {d['pipeline_version']}", ""]
    if d["status"] == "failed":
        return "\n".join([*lines, f"Extraction failed: {_cell(d.get('error'))}", "", f"Report: `{report_path}`"])
    if d.get("error"):
        lines += [f"Problem: {_cell(d['error'])}", ""]
    failing = [c for c in checks if c.state == FAILS]
    unverified = sum(c.state == UNVERIFIED for c in checks)
    lines += [f"{len(doc.tables)} tables, {len(doc.cells)} cells; printed totals: "
              f"{len(checks) - len(failing) - unverified} hold, {len(failing)} fail, {unverified} unverified.", "",
              "| table | pages | caption / context | rows | kind | totals checked | failed |",
              "|---|---|---|---|---|---|---|"]
    for t in doc.tables[:MAX_TABLES]:
        pages = f"{t['page']}" + (f"-{t['last_page']}" if t["last_page"] != t["page"] else "")
        lines.append(f"| {t['table_index']:03d} | {pages} | {_cell(t.get('caption') or t.get('context'))} | "
                     f"{t['n_rows']} | {t['kind']} | {t['totals_checked']} | {t['totals_failed']} |")
    if len(doc.tables) > MAX_TABLES:
        lines.append(f"| ... | | {len(doc.tables) - MAX_TABLES} more tables in the report | | | | |")
    if failing:
        lines += ["", "**Failing printed totals**", "", "| table | row | column | printed | computed | difference |",
                  "|---|---|---|---|---|---|"]
        for c in failing[:MAX_FAILURES]:
            lines.append(f"| {c.table_id[-3:]} | {_cell(c.row_label)} | {_cell(c.column)} | {c.shown_printed} | "
                         f"{danish(c.computed)} | {danish(c.difference)} |")
    return "\n".join([*lines, "", f"Report: `{report_path}`"])
