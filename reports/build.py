"""Build one document's audit report from the clean dir (parquet) and the raw dir (its PDF)."""
from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from reports.audit_html import audit_report, failed_report
from reports.page_images import ImageSettings, render_pages
from reports.preview import markdown_preview
from reports.published import find_document, newest_output_mtime, read_published
from reports.stored_totals import load_checks
from reports.totals import FAILS, audit_checks

AUDIT_SUBDIR = Path(".dkbudget") / "audit"  # default home of the reports: hidden in the clean dir, not a table
HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class Report:
    """A written report: where, for which document, what it shows, and what it cost."""

    path: Path
    document_id: str
    status: str
    pages_rendered: int
    cells: int
    checks: int
    failing: int
    size_bytes: int
    seconds: float
    markdown: str
    notice: str | None


def audit_dir(clean_dir: Path) -> Path:
    """Given the clean dir, return the default folder of its documents' audit reports."""
    return Path(clean_dir) / AUDIT_SUBDIR


def report_path(out_dir: Path, document_id: str) -> Path:
    """Given the output folder and a document id, return the report's path."""
    return Path(out_dir) / f"{document_id}.html"


def preview_path(out_dir: Path, document_id: str) -> Path:
    """Given the output folder and a document id, return the path of the report's Markdown preview."""
    return Path(out_dir) / f"{document_id}.md"


def report_is_current(clean_dir: Path, out_dir: Path, document_id: str) -> bool:
    """Given the dirs and a document id, return whether its report is newer than all its published parquet."""
    path = report_path(out_dir, document_id)
    return path.exists() and path.stat().st_mtime >= newest_output_mtime(clean_dir, document_id)


def _sha256(path: Path) -> str:
    """Given a file, return the hex SHA-256 of its bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _pdf_for(raw_dir: Path | None, doc: dict) -> tuple[Path | None, str | None]:
    """Given the raw dir and a `documents` row, return the PDF to render, or None and why not."""
    if raw_dir is None:
        return None, "No raw dir given: page images are not shown."
    pdf = Path(raw_dir) / doc["file_name"]
    if not pdf.is_file():
        return None, f"The PDF {pdf} is missing: page images are not shown."
    if _sha256(pdf) != doc["sha256"]:
        return None, f"The PDF {pdf} changed since it was extracted (SHA-256 differs): page images are not shown."
    return pdf, None


def _write(path: Path, text: str) -> None:
    """Given a path and text, write it atomically (temp file in the same folder, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
    try:
        os.fchmod(fd, 0o644)  # a report is for reading (mkstemp makes it private)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build_report(clean_dir: Path, raw_dir: Path | None, name_or_id: str, out_dir: Path | None = None,
                 settings: ImageSettings | None = None) -> Report:
    """Given the clean and raw dirs and a document's file name or id, write its audit report and describe it.

    Raises ReportInputError when the clean dir or the document is missing.
    """
    started = time.perf_counter()
    doc_row = find_document(Path(clean_dir), name_or_id)
    did = doc_row["document_id"]
    path = report_path(out_dir or audit_dir(clean_dir), did)
    doc = read_published(Path(clean_dir), doc_row)
    if doc_row["status"] == "failed":
        text, checks, images, notice = failed_report(doc_row), [], {}, None
    else:
        stored = load_checks(clean_dir, doc_row, len(doc.tables), len(doc.cells))  # the extraction's, if current
        checks = audit_checks(doc.tables, doc.cells, stored)
        pdf, notice = _pdf_for(raw_dir, doc_row)
        pages = {int(c["page"]) for c in doc.cells}
        images = render_pages(pdf, pages, settings or ImageSettings()) if pdf is not None else {}
        text = audit_report(doc, checks, images, notice)
    _write(path, text)
    markdown = markdown_preview(doc, checks, str(path))
    _write(preview_path(path.parent, did), markdown)
    return Report(path=path, document_id=did, status=doc_row["status"], pages_rendered=len(images),
                  cells=len(doc.cells) if doc_row["status"] != "failed" else 0, checks=len(checks),
                  failing=sum(c.state == FAILS for c in checks), size_bytes=path.stat().st_size,
                  seconds=time.perf_counter() - started, markdown=markdown,
                  notice=notice)
