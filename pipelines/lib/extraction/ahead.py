"""Extractions started before the run's step: `dkbudget run` starts extracting its planned PDFs while it loads
Dagster and opens the instance (start-up that otherwise left the extraction workers idle), and the step takes
those extractions instead of extracting the documents again.

Only extraction moves: the step still decides under each document's build lock whether the document is current,
publishes it, builds its domain tables, checks and records it. An extraction started ahead is the same call
(`extract_with_limits`, in a limited worker, under the same limits) as the step's own; the ahead extractions and
the step's share one bound on extractions at once (`slots`). They stop starting new documents as soon as the step
begins (`claim`): only what start-up left time for is extracted ahead and held in memory until the step takes it.
"""
from __future__ import annotations

import threading
from collections import deque
from concurrent.futures import Future
from pathlib import Path

from pipelines.lib.extraction.isolation import Limits
from pipelines.lib.extraction.process import ExtractedDocument, extract_with_limits


class ExtractionsAhead:
    """PDFs of one raw dir being extracted, in order, `workers` at a time, until the step claims them."""

    def __init__(self, raw: Path, todo: list[tuple[Path, str]], limits: Limits, workers: int) -> None:
        """Given the raw dir, its PDFs to extract in order with their SHA-256, the limits and how many at once,
        start extracting them in the background."""
        self.raw, self.limits = raw, limits
        self.slots = threading.BoundedSemaphore(max(1, workers))  # shared with the step that claims them
        self._todo = deque(todo)
        self._started: dict[tuple[str, str], Future] = {}
        self._lock = threading.Lock()
        self._claimed = False
        for _ in range(max(1, min(workers, len(todo)))):
            threading.Thread(target=self._work, daemon=True, name="dkbudget-extract-ahead").start()

    def _work(self) -> None:
        """Extract the next PDF in a free slot, until none is left or the step has claimed the rest."""
        while True:
            with self.slots:
                with self._lock:
                    if self._claimed or not self._todo:
                        return
                    path, sha = self._todo.popleft()
                    future: Future = Future()
                    self._started[(path.name, sha)] = future
                try:
                    future.set_result(extract_with_limits(path, self.limits, sha))
                except BaseException as exc:  # noqa: BLE001 - handed to the step, which raises it as its own
                    future.set_exception(exc)

    def claim(self) -> None:
        """The step begins: start no more documents (those started are still taken)."""
        with self._lock:
            self._claimed = True
            self._todo.clear()

    def take(self, file_name: str, sha: str) -> ExtractedDocument | None:
        """Given a PDF's file name and SHA-256, return its extraction started ahead (waiting for its end), or None
        when it was not started; each is taken once."""
        with self._lock:
            future = self._started.pop((file_name, sha), None)
        return None if future is None else future.result()


_CURRENT: list[ExtractionsAhead] = []
_CURRENT_LOCK = threading.Lock()


def start_extractions_ahead(raw: Path, todo: list[tuple[Path, str]], limits: Limits, workers: int) -> None:
    """Given the raw dir, the PDFs a run is to extract (in the order its step takes them) with their SHA-256, the
    limits and the extractions at once, start extracting them ahead of the step (isolated extraction only: in this
    process they would compete with Dagster's start-up for the interpreter). A PDF's twins (same bytes) are
    extracted once."""
    if not limits.isolated or not todo:
        return
    seen: set[str] = set()
    unique = [(path, sha) for path, sha in todo if not (sha in seen or seen.add(sha))]
    with _CURRENT_LOCK:
        _CURRENT[:] = [ExtractionsAhead(raw, unique, limits, workers)]


def claim_extractions_ahead(raw: Path, limits: Limits) -> ExtractionsAhead | None:
    """Given a step's raw dir and limits, return the extractions started ahead for them (claimed: no more start),
    or None."""
    with _CURRENT_LOCK:
        ahead = next((a for a in _CURRENT if a.raw == raw and a.limits == limits), None)
    if ahead is not None:
        ahead.claim()
    return ahead


def drop_extractions_ahead() -> None:
    """Forget the extractions started ahead (the command is done with its runs); none starts any more."""
    with _CURRENT_LOCK:
        dropped = list(_CURRENT)
        _CURRENT.clear()
    for ahead in dropped:
        ahead.claim()
