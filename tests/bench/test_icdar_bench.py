"""bench/icdar.py on one ICDAR 2013 document (linked from ../shared into a temp folder): its figures are the
shared metric's, and it writes its RESULTS.md section; without the data it says so and writes nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench import icdar

DOC = "eu-002"  # one page, one table


def test_without_the_data_it_skips_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    results = tmp_path / "RESULTS.md"
    assert icdar.main(["--data", str(tmp_path / "none"), "--results", str(results)]) == []
    assert not results.exists()
    assert "skipped" in capsys.readouterr().err


def test_one_document_scored_as_the_metric_scores_it(tmp_path: Path) -> None:
    eu = icdar.DEFAULT_DATA / "competition-dataset-eu"
    if not icdar.DEFAULT_METRIC.is_file() or not (eu / f"{DOC}.pdf").is_file():
        pytest.skip("needs ../shared/eval/icdar.py and ../shared/corpus/icdar2013")
    data = tmp_path / "data" / "competition-dataset-eu"
    data.mkdir(parents=True)
    for f in eu.glob(f"{DOC}*"):
        (data / f.name).symlink_to(f)
    results = tmp_path / "RESULTS.md"
    results.write_text("# head\n", encoding="utf-8")
    parts = icdar.main(["--data", str(data.parent), "--tools", "ours,pdfplumber", "--repeat", "1",
                        "--results", str(results)])
    assert [title for title, _ in parts] == ["EU documents"]
    metric = icdar.load_metric(icdar.DEFAULT_METRIC)
    doc = metric.documents(data.parent, "eu")[DOC]
    for run in parts[0][1]:
        assert run.counts[DOC] == tuple(metric.score_doc(metric.predict(run.tool, doc["pdf"]), doc["gts"]))
        assert run.pages == 1 and len(run.seconds) == 1 and not run.errors
    text = results.read_text(encoding="utf-8")
    begin, end = icdar.markers(icdar.SECTION)
    assert text.startswith("# head\n") and begin in text and end in text
    section = text.split(begin, 1)[1]
    assert "| **ours** (dkbudget) |" in section and "| pdfplumber |" in section and "### US documents" in section
