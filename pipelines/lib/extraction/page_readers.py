"""The extractor's page-reading processes, started ahead in each limited worker when a run holds long documents.

A long document has its pages read by `ExtractionSettings.workers` processes of the worker's own pool
(`extractors.tables.pool`, forked from the worker with the extraction code loaded, `extractor`; spawned they
imported it first, ~0.3 s of CPU each). A worker started ahead (`isolation.prestart_workers`, while Dagster loads)
starts that pool before it says it is ready; a run of short documents only does not start them.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import wait
from pathlib import Path

import pypdfium2 as pdfium

from extractors.settings import DEFAULT_SETTINGS


def uses_page_readers(n_pages: int) -> bool:
    """Given a document's number of pages, return whether it may have its pages read by several processes (the
    extractor does so when at least `parallel_min_pages` pages per process need reading)."""
    return DEFAULT_SETTINGS.workers > 1 and n_pages >= DEFAULT_SETTINGS.workers * DEFAULT_SETTINGS.parallel_min_pages


def any_long(paths: Iterable[Path]) -> bool:
    """Given PDFs, return whether any may have its pages read by several processes (unreadable ones count not)."""
    for path in paths:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except Exception:  # noqa: BLE001 - a broken file is its extraction's business, not this guess's
            continue
        try:
            if uses_page_readers(len(pdf)):
                return True
        finally:
            pdf.close()
    return False


def _loaded() -> int:
    """In a page reader: nothing to do but be up with the extraction code imported; return its pid."""
    import extractors.tables  # noqa: F401 - imported here (not by the run's own process, which calls `any_long`)

    return os.getpid()


def start_page_readers() -> None:
    """In a limited worker: start the extractor's pool of page readers and wait until each is up."""
    from extractors.tables import _shutdown_pool, pool

    workers = DEFAULT_SETTINGS.workers
    if workers < 2:
        return
    executor = pool(workers)
    done, _ = wait([executor.submit(_loaded) for _ in range(workers)])
    if any(f.exception() is not None for f in done):  # e.g. a reader that could not start: the next document that
        _shutdown_pool()  # needs readers starts a fresh pool (or reads in-process), as without this warm-up
