"""`dkbudget run` starts extracting its planned PDFs while Dagster loads (pipelines/lib/extraction/ahead.py); the step
takes those extractions instead of extracting the documents again, and the two share one bound on extractions at
once."""
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from pipelines.defs.documents import batch
from pipelines.lib.extraction import ahead
from pipelines.lib.extraction.ahead import (
    ExtractionsAhead,
    claim_extractions_ahead,
    drop_extractions_ahead,
    start_extractions_ahead,
)
from pipelines.lib.extraction.isolation import Limits

SECONDS_EACH = 0.05


@pytest.fixture
def extractions(monkeypatch):
    """Record the PDFs extracted ahead and the most extracted at once; an extraction returns its file name."""
    seen = {"names": [], "now": 0, "most": 0}
    lock = threading.Lock()

    def extract(path: Path, limits: Limits, sha: str) -> str:
        with lock:
            seen["names"].append(path.name)
            seen["now"] += 1
            seen["most"] = max(seen["most"], seen["now"])
        time.sleep(SECONDS_EACH)
        with lock:
            seen["now"] -= 1
        return path.name

    monkeypatch.setattr(ahead, "extract_with_limits", extract)
    yield seen
    drop_extractions_ahead()


def _wait_done(extracted: ExtractionsAhead, count: int) -> None:
    """Wait until `count` extractions were started and are finished."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (len(extracted._started) < count  # noqa: SLF001
                                           or not all(f.done() for f in extracted._started.values())):  # noqa: SLF001
        time.sleep(0.01)


def test_extractions_ahead_are_taken_once_twins_once_and_bounded(extractions, tmp_path):
    todo = [(tmp_path / "a.pdf", "1"), (tmp_path / "b.pdf", "2"), (tmp_path / "twin.pdf", "2"),
            (tmp_path / "c.pdf", "3")]
    start_extractions_ahead(tmp_path, todo, Limits(), workers=2)
    extracted = claim_extractions_ahead(tmp_path, Limits())
    assert extracted is not None
    assert claim_extractions_ahead(tmp_path / "other", Limits()) is None  # another raw dir's step: its own
    _wait_done(extracted, len(extracted._started))  # noqa: SLF001
    names = extractions["names"]
    assert "twin.pdf" not in names and len(names) == len(set(names))  # the same bytes extracted once
    assert extractions["most"] <= 2
    for name in names:
        assert extracted.take(name, {"a.pdf": "1", "b.pdf": "2", "c.pdf": "3"}[name]) == name
        assert extracted.take(name, {"a.pdf": "1", "b.pdf": "2", "c.pdf": "3"}[name]) is None  # taken once


def test_the_step_claims_them_and_no_more_start(extractions, tmp_path):
    todo = [(tmp_path / f"{i:03}.pdf", str(i)) for i in range(50)]
    start_extractions_ahead(tmp_path, todo, Limits(), workers=2)
    time.sleep(SECONDS_EACH * 3)
    extracted = claim_extractions_ahead(tmp_path, Limits())
    started = len(extracted._started)  # noqa: SLF001
    time.sleep(SECONDS_EACH * 4)
    assert 0 < started < len(todo) and len(extracted._started) == started  # noqa: SLF001
    assert extractions["names"] == [f"{i:03}.pdf" for i in range(started)]  # in the run's order


def test_not_in_process_and_not_without_isolation(extractions, tmp_path):
    start_extractions_ahead(tmp_path, [(tmp_path / "a.pdf", "1")], Limits(isolated=False), workers=2)
    assert claim_extractions_ahead(tmp_path, Limits(isolated=False)) is None


def test_a_run_extracts_each_document_once_most_of_them_ahead(tmp_path, dagster_home, monkeypatch):
    from pipelines.cli import main
    from tests.producers.generate import main as generate

    generate(["--out", str(tmp_path / "gen"), "--n", "3", "--producers", "reportlab", "--workers", "1"])
    raw, clean = tmp_path / "gen" / "pdf", tmp_path / "clean"
    by_step: list[str] = []
    step_extract = batch.extract_with_limits

    def counted(path, limits, sha=None):  # noqa: ANN001, ANN202
        by_step.append(Path(path).name)
        return step_extract(path, limits, sha)

    monkeypatch.setattr(batch, "extract_with_limits", counted)
    started: list[str] = []
    original = ahead.ExtractionsAhead.claim

    def claim(self):  # noqa: ANN001, ANN202
        if not self._claimed:  # noqa: SLF001 - the step's claim (the command's end claims again)
            started.extend(name for name, _ in self._started)  # noqa: SLF001
        return original(self)

    monkeypatch.setattr(ahead.ExtractionsAhead, "claim", claim)
    assert main(["run", "--raw-dir", str(raw), "--clean-dir", str(clean)]) == 0
    pdfs = sorted(p.name for p in raw.glob("*.pdf"))
    assert started and sorted(started + by_step) == pdfs  # each once: ahead (the first ones) or by the step
    docs = pd.read_parquet(clean / "documents")
    assert sorted(docs.file_name) == pdfs and set(docs.status) == {"ok"}
