"""Per-document work in long-lived limited workers: reused while healthy, replaced after any failure; each page
of a PDF parsed once; the first lines as pdfplumber reads them."""
import gc
import os
import time

import pdfplumber
import pytest
from pdfminer.pdfinterp import PDFPageInterpreter

from extractors.settings import DEFAULT_SETTINGS
from extractors.tables import page_reader_start
from pipelines.lib.extraction.isolation import (
    EXIT_GRACE_SECONDS,
    STARTUP_SECONDS,
    Limits,
    _pool,
    prestart_workers,
    run_limited,
    shutdown_workers,
)
from pipelines.lib.extraction.page_readers import any_long, start_page_readers, uses_page_readers
from pipelines.lib.extraction.pdf_text import line_texts, page_chars, text_lines
from pipelines.lib.extraction.process import extract_document
from tests.pipelines.conftest import RAW, REPO

HOSTILE = REPO / "tests" / "fixtures" / "hostile"
FIRST_PAGES_CHECKED = 3
SLEEP_SECONDS = 30.0
SHORT_LIMIT_SECONDS = 0.5
EXIT_CODE = 3


def _pages(path) -> int:
    """Given a PDF, return its number of pages."""
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def test_one_worker_reads_document_after_document():
    first = run_limited(os.getpid, (), Limits())
    second = run_limited(os.getpid, (), Limits())
    assert first.failure is None and second.failure is None
    assert first.value != os.getpid()  # in a worker, not in this process
    assert second.value == first.value  # the same worker: no process started per document


def test_a_worker_whose_document_read_pages_in_parallel_exits_at_once():
    # a long document is read by the worker's own page-reading processes; stopping the worker stops them first
    # (else its exit waited on them until it was killed after EXIT_GRACE_SECONDS, at the end of every such run)
    pdf = min((p for p in RAW.glob("*.pdf") if 30 <= _pages(p) <= 80), key=lambda p: p.stat().st_size)
    shutdown_workers()  # the idle workers of earlier tests: only this document's worker is timed
    result = run_limited(extract_document, (str(pdf),), Limits())
    assert result.failure is None and result.value.tables
    started = time.monotonic()
    shutdown_workers()
    assert time.monotonic() - started < EXIT_GRACE_SECONDS / 2


def test_a_worker_started_ahead_and_never_used_exits_at_once():
    # `dkbudget run` starts its workers while Dagster loads; one that got no document (fewer documents to read
    # than workers started, or a run that only builds domain tables) was waited for until EXIT_GRACE_SECONDS
    shutdown_workers()
    prestart_workers(Limits(), 1)
    deadline = time.monotonic() + STARTUP_SECONDS
    while not any(_pool().idle.values()) and time.monotonic() < deadline:
        time.sleep(0.05)
    (worker,) = [w for idle in _pool().idle.values() for w in idle]
    worker.conn.poll(STARTUP_SECONDS)  # up (its "ready" sent, not read: it was never given a document)
    started = time.monotonic()
    shutdown_workers()
    assert time.monotonic() - started < EXIT_GRACE_SECONDS / 2
    assert not worker.process.is_alive() and worker.process.exitcode == 0  # it exited; it was not killed


def _page_reader_pids() -> list[int]:
    """In a worker: return the pids of the extractor's page-reading processes it has started."""
    from extractors import tables

    return [] if tables._POOL is None else sorted(tables._POOL._processes)  # noqa: SLF001


def test_page_readers_are_started_ahead_only_for_long_documents(tmp_path):
    assert any_long(RAW.glob("*.pdf"))  # the samples: 10 to 155 pages
    assert not any_long([HOSTILE / "own_not-a-pdf.pdf", tmp_path / "missing.pdf"])
    assert uses_page_readers(155) and not uses_page_readers(10)
    shutdown_workers()
    prestart_workers(Limits(), 1, lambda: start_page_readers)
    deadline = time.monotonic() + STARTUP_SECONDS
    while not any(_pool().idle.values()) and time.monotonic() < deadline:
        time.sleep(0.05)
    readers = run_limited(_page_reader_pids, (), Limits())  # the worker started ahead: readers up before "ready"
    assert readers.failure is None and len(readers.value) == DEFAULT_SETTINGS.workers
    started = time.monotonic()
    shutdown_workers()  # they stop with their worker
    assert time.monotonic() - started < EXIT_GRACE_SECONDS / 2
    assert run_limited(_page_reader_pids, (), Limits()).value == []  # a worker started on demand: none ahead


def test_a_worker_that_timed_out_is_replaced_and_the_next_document_is_read():
    before = run_limited(os.getpid, (), Limits()).value
    started = time.perf_counter()
    hung = run_limited(time.sleep, (SLEEP_SECONDS,), Limits(max_seconds=SHORT_LIMIT_SECONDS))
    assert time.perf_counter() - started < SLEEP_SECONDS / 2
    assert hung.failure == f"timed out after {SHORT_LIMIT_SECONDS:g} s" and hung.transient
    after = run_limited(os.getpid, (), Limits())
    assert after.failure is None and after.value != before


def test_a_worker_that_died_is_replaced_and_the_next_document_is_read():
    before = run_limited(os.getpid, (), Limits()).value
    died = run_limited(os._exit, (EXIT_CODE,), Limits())
    assert died.failure == f"crashed: the extraction process exited with code {EXIT_CODE} without a result"
    after = run_limited(os.getpid, (), Limits())
    assert after.failure is None and after.value not in (before, os.getpid())


def _fork_a_child_and_die() -> None:
    """In a worker: fork a child (as the page readers are), which keeps a copy of the worker's end of its pipe
    open, then die without an answer."""
    if os.fork() == 0:
        time.sleep(SLEEP_SECONDS)
        os._exit(0)
    os._exit(EXIT_CODE)


def test_a_worker_that_died_is_seen_at_once_though_its_child_holds_its_pipe():
    # its end of the pipe stays open in the child: the death is seen by the worker's sentinel, not by the pipe's
    # end (that waited for the document's wall-time limit and reported a timeout)
    started = time.perf_counter()
    died = run_limited(_fork_a_child_and_die, (), Limits(max_seconds=SLEEP_SECONDS * 2))
    assert died.failure == f"crashed: the extraction process exited with code {EXIT_CODE} without a result"
    assert time.perf_counter() - started < SLEEP_SECONDS / 2


def test_workers_fork_their_page_readers_and_this_process_spawns_them():
    # forked, a page reader starts with the extraction code loaded (spawned, each imported it: ~0.3 s of CPU);
    # only in the limited workers: the run's own process has threads that may hold locks
    assert run_limited(page_reader_start, (), Limits()).value == "fork"
    assert page_reader_start() == "spawn"


def test_a_worker_freezes_the_loaded_code_out_of_the_collector():
    # the forkserver's modules live as long as the worker: its collections (and its forked page readers') skip them
    frozen = run_limited(gc.get_freeze_count, (), Limits())  # a builtin: unpickling it imports nothing
    assert frozen.failure is None and frozen.value > 0


def test_an_exception_in_a_worker_is_one_line_and_the_worker_is_replaced():
    before = run_limited(os.getpid, (), Limits()).value
    failed = run_limited(int, ("not a number",), Limits())
    assert failed.failure.startswith("crashed: ValueError: invalid literal") and "\n" not in failed.failure
    assert run_limited(os.getpid, (), Limits()).value != before


@pytest.mark.parametrize("pdf", [next(RAW.glob("000_*.pdf")), next(RAW.glob("003_*.pdf")),
                                 HOSTILE / "pdfplumber_senate-expenditures.pdf"], ids=lambda p: p.name[:12])
def test_each_page_is_parsed_once(pdf, monkeypatch):
    parsed: list[int] = []
    original = PDFPageInterpreter.process_page

    def counting(self, page):  # noqa: ANN001, ANN202 - pdfminer's own signature
        parsed.append(page.pageid)  # the page object's number in the file: the same page, however opened
        return original(self, page)

    monkeypatch.setattr(PDFPageInterpreter, "process_page", counting)
    doc = extract_document(pdf).document
    assert doc["status"] == "ok" and parsed
    assert len(parsed) == len(set(parsed)), f"{len(parsed) - len(set(parsed))} page(s) parsed twice"


def _lines(lines: list[dict]) -> list[tuple]:
    """Given text lines, return what the pipeline reads of them: text, box and each char's text and size."""
    return [(ln["text"], ln["x0"], ln["top"], ln["x1"], ln["bottom"], [(c["text"], c["size"]) for c in ln["chars"]])
            for ln in lines]


@pytest.mark.parametrize("pdf", [*sorted(RAW.glob("*.pdf")), HOSTILE / "pdfplumber_senate-expenditures.pdf",
                                 HOSTILE / "pdfplumber_scotus-transcript-p1.pdf"], ids=lambda p: p.name[:12])
def test_first_lines_are_pdfplumbers_text_lines(pdf):
    with pdfplumber.open(pdf) as doc:
        expected = [_lines(p.extract_text_lines()) for p in doc.pages[:FIRST_PAGES_CHECKED]]
    with pdfplumber.open(pdf) as doc:
        got = [_lines(text_lines(p)) for p in doc.pages[:FIRST_PAGES_CHECKED]]
        texts = [[(text, [(c["text"], c["size"]) for c in chars]) for text, chars in line_texts(p)]
                 for p in doc.pages[:FIRST_PAGES_CHECKED]]
    assert got == expected and any(expected)
    assert texts == [[(ln[0], ln[5]) for ln in page] for page in expected]  # the first lines' text and chars


def test_the_run_process_leaves_the_pdf_parser_to_its_workers():
    """The run's own process (cli, definitions, steps, page-reader guess) loads no PDF parser nor extractor; the
    workers' forkserver has them loaded for every worker."""
    import subprocess
    import sys

    code = ("import sys, pipelines.cli, pipelines.definitions, pipelines.defs.documents.batch, "
            "pipelines.defs.audit.assets, pipelines.lib.extraction.page_readers\n"
            "print(sorted(m for m in ('pdfplumber', 'pdfminer', 'extractors.tables', "
            "'pipelines.lib.extraction.extractor') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    assert out.stdout.strip() == "[]", out.stdout
    loaded = ("sorted(m for m in ('pdfplumber', 'pipelines.lib.extraction.extractor', 'extractors.tables') "
              "if m in __import__('sys').modules)")
    outcome = run_limited(eval, (loaded,), Limits())  # a builtin: unpickling it imports nothing in the worker
    assert outcome.value == ["extractors.tables", "pdfplumber", "pipelines.lib.extraction.extractor"], outcome.failure


CHAR_KEYS = ("text", "x0", "x1", "top", "bottom", "doctop", "upright", "size", "width", "height")


def test_first_lines_and_tables_read_a_page_s_chars_once():
    """The first lines' chars are `page.chars` (the keys line-finding reads, on every page: doctop runs on over the
    pages) and are the very chars the table reader then takes off the page, which reads them as a fresh page."""
    from extractors.layout import OBJECTS_ATTR, page_objects

    pdf_path = sorted(RAW.glob("*.pdf"))[0]
    with pdfplumber.open(pdf_path) as doc, pdfplumber.open(pdf_path) as fresh:
        for page, other in list(zip(doc.pages, fresh.pages, strict=True))[:FIRST_PAGES_CHECKED]:
            chars = page_chars(page)
            assert [tuple(c[k] for k in CHAR_KEYS) for c in chars] == [
                tuple(c[k] for k in CHAR_KEYS) for c in page.chars]
            objects = page_objects(page)
            assert objects.chars is chars and not hasattr(page, OBJECTS_ATTR)
            assert objects == page_objects(other)
