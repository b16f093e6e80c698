"""The per-document work: PDF -> `documents` row + `tables`/`table_cells` rows + total checks, under limits.

`extract_with_limits` is what the pipeline calls: cheap checks of the file in this process (size, PDF header),
then `extract_document` in a limited worker process with wall-time and memory limits (`isolation`). Whatever
happens, the result is a `documents` row with a truthful status and a one-line error; nothing raises.
"""
from __future__ import annotations

import errno
import hashlib
import traceback
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from domain import registry
from domain.registry import TotalCheck
from normalizers.numbers import parse_danish
from pipelines.lib.extraction.isolation import DEFAULT_MAX_PAGES, MAX_BYTES_ENV, Limits, run_limited
from pipelines.lib.version import pipeline_version

if TYPE_CHECKING:
    from extractors.settings import ExtractionSettings

DOCUMENT_ID_CHARS = 16
MAX_ERROR_CHARS = 300
MAX_DETAIL_CHARS = 120  # of a parser's message inside an error
HASH_BLOCK = 1 << 20
PDF_MAGIC = b"%PDF-"
HEADER_WINDOW = 1024  # the PDF header must start within the first 1024 bytes (ISO 32000-1, annex H)
SHOWN_HEAD_CHARS = 24  # of a non-PDF's first bytes, shown in its error
IMAGE_PAGE_SHARE = 0.5  # a page without text whose images cover this share of it is a scan (no text layer)
PARSER_PACKAGES = ("pdfminer", "pdfplumber", "PIL")  # an exception raised in these is about the input file
OWN_PACKAGES = ("extractors", "normalizers", "domain", "pipelines")
STATUS_OK, STATUS_PARTIAL, STATUS_FAILED = "ok", "partial", "failed"


@dataclass
class ExtractedDocument:
    """One document's extraction: its `documents` row, its generic rows (None when extraction failed), totals."""

    document: dict
    tables: list[dict] | None = None
    cells: list[dict] | None = None
    totals: list[TotalCheck] = field(default_factory=list)
    retry: bool = False  # a failure from a limit or crash (not the bytes alone): retried on the next run

    @property
    def document_id(self) -> str:
        """The document's id."""
        return self.document["document_id"]


def sha256_of(path: Path | str) -> str:
    """Given a file path, return the hex SHA-256 of its bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(HASH_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def document_id_of(sha256: str) -> str:
    """Given a file's hex SHA-256, return its document_id (the first 16 hex characters)."""
    return sha256[:DOCUMENT_ID_CHARS]


def new_document_row(file_name: str, sha: str) -> dict:
    """Given a file name and its SHA-256, return a fresh `documents` row (status ok, nothing read yet)."""
    return dict(document_id=document_id_of(sha), file_name=file_name, sha256=sha, n_pages=0, kind="unknown",
                municipality=None, title=None, status=STATUS_OK, error=None, n_tables=0,
                extracted_at=datetime.now(UTC), pipeline_version=pipeline_version(), outline=[])


def failed_document(path: Path, sha: str, error: str, retry: bool = False) -> ExtractedDocument:
    """Given a file, its SHA-256 and a one-line reason, return its `failed` extraction (no generic rows)."""
    doc = new_document_row(path.name, sha)
    doc.update(status=STATUS_FAILED, error=error[:MAX_ERROR_CHARS])
    return ExtractedDocument(document=doc, retry=retry)


def _chain(exc: BaseException) -> list[BaseException]:
    """Given an exception, return it and the ones it wraps (via __cause__ or a single exception argument)."""
    out = [exc]
    while True:
        cur = out[-1]
        inner = cur.__cause__ or (cur.args[0] if len(cur.args) == 1 and isinstance(cur.args[0], BaseException)
                                  else None)
        if inner is None or any(inner is e for e in out):
            return out
        out.append(inner)


def is_out_of_memory(exc: BaseException) -> bool:
    """Given an exception, return whether it or anything it wraps or interrupted is a failed memory allocation."""
    seen: list[BaseException] = []
    todo = [exc]
    while todo:
        cur = todo.pop()
        if any(cur is e for e in seen):
            continue
        seen.append(cur)
        if isinstance(cur, MemoryError) or (isinstance(cur, OSError) and cur.errno == errno.ENOMEM):
            return True
        todo.extend(e for e in (cur.__cause__, cur.__context__, *cur.args) if isinstance(e, BaseException))
    return False


def _detail(exc: BaseException) -> str:
    """Given an exception, return its message on one short line (its type name when it has none)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= MAX_DETAIL_CHARS else text[:MAX_DETAIL_CHARS - 1] + "…"


def _raised_in(exc: BaseException) -> traceback.FrameSummary | None:
    """Given an exception, return the innermost frame of its traceback (where it was raised)."""
    frames = traceback.extract_tb(exc.__traceback__)
    return frames[-1] if frames else None


def _package_of(frame: traceback.FrameSummary | None) -> str | None:
    """Given a frame, return the top-level package its file belongs to (None when unknown)."""
    if frame is None:
        return None
    parts = Path(frame.filename).parts
    for package in (*PARSER_PACKAGES, *OWN_PACKAGES):
        if package in parts:
            return package
    return None


def describe_error(stage: str, exc: BaseException) -> str:
    """Given the failing stage and its exception, return a clear one-line reason.

    Input problems read "encrypted: ...", "malformed PDF: ..."; an exception raised in our own code reads
    "internal error in <file>:<line> while <stage>: ..." (a bug to fix, not a property of the file).
    """
    chain = _chain(exc)
    names = [type(e).__name__ for e in chain]
    if "PDFPasswordIncorrect" in names:
        return "encrypted: a password is required"
    if any("Encrypt" in n or "Password" in n for n in names):
        inner = next(e for e in chain if "Encrypt" in type(e).__name__ or "Password" in type(e).__name__)
        return f"encrypted: cannot decrypt ({_detail(inner)})"[:MAX_ERROR_CHARS]
    cause = chain[-1]
    where = [_package_of(_raised_in(e)) for e in chain]
    from_parser = (any(p in PARSER_PACKAGES for p in where if p) or "PdfminerException" in names
                   or type(cause).__module__.split(".")[0] in PARSER_PACKAGES)
    if isinstance(cause, RecursionError):
        return "malformed PDF: objects refer to each other in a loop (maximum recursion depth exceeded)"
    if from_parser:
        if type(cause).__name__ == "PSEOF":
            return "malformed PDF: unexpected end of file (truncated?)"
        return f"malformed PDF: {type(cause).__name__}: {_detail(cause)}"[:MAX_ERROR_CHARS]
    frame = _raised_in(cause) or _raised_in(exc)
    at = f" in {Path(frame.filename).parent.name}/{Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return f"internal error{at} while {stage}: {type(cause).__name__}: {_detail(cause)}"[:MAX_ERROR_CHARS]


def check_file(path: Path, limits: Limits) -> str | None:
    """Given a file and the limits, return why it cannot be a readable PDF without parsing it, or None."""
    size = path.stat().st_size
    if size == 0:
        return "empty file: 0 bytes"
    if size > limits.max_bytes:
        return f"too large: {size} bytes > limit {limits.max_bytes} ({MAX_BYTES_ENV})"
    with open(path, "rb") as fh:
        head = fh.read(HEADER_WINDOW)
    if PDF_MAGIC not in head:
        shown = head[:SHOWN_HEAD_CHARS].decode("latin-1")
        shown = "".join(c if c.isprintable() else "." for c in shown)
        return f"not a PDF (starts with {shown!r})"
    return None


def page_ranges(pages: list[int]) -> str:
    """Given sorted page numbers, return them as printed in errors: "page 2", "pages 3-5", "pages 1, 3-5"."""
    spans: list[list[int]] = []
    for p in pages:
        if spans and p == spans[-1][1] + 1:
            spans[-1][1] = p
        else:
            spans.append([p, p])
    text = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in spans)
    return f"page {text}" if len(pages) == 1 else f"pages {text}"


def extract_document(path: Path | str, max_pages: int = DEFAULT_MAX_PAGES,
                     settings: ExtractionSettings | None = None) -> ExtractedDocument:
    """Given a PDF path, return its `documents` row, its `tables`/`table_cells` rows and its total checks
    (`extractor`, imported here on first use: the run's own process, which only hands PDFs to the limited
    workers, never loads the PDF parser and the extractors; the workers' forkserver has them loaded already)."""
    from pipelines.lib.extraction.extractor import extract_pdf

    return extract_pdf(path, max_pages, settings)


def extract_with_limits(path: Path | str, limits: Limits, sha: str | None = None) -> ExtractedDocument:
    """Given a PDF path and the limits, return its extraction, done in a limited worker process; never raises."""
    path = Path(path)
    sha = sha or sha256_of(path)
    problem = check_file(path, limits)
    if problem is not None:
        return failed_document(path, sha, problem, retry=problem.startswith("too large"))
    outcome = run_limited(extract_document, (str(path), limits.max_pages), limits)
    if outcome.failure is not None:
        return failed_document(path, sha, outcome.failure, retry=outcome.transient)
    result = outcome.value
    result.document["pipeline_version"] = pipeline_version()  # this process's code, as the skip rule compares
    return result


def warm_up() -> None:
    """Load once what every extraction needs: the domain modules and the Danish number locale data.

    Run at import: the isolation forkserver imports this module, so each worker starts warm instead of
    loading them again (about 0.3 s a document).
    """
    import domain.totals  # noqa: F401 - imported lazily by domain.registry

    registry.modules()
    parse_danish("1.234,5")


warm_up()
