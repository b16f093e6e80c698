"""The audit report reuses the printed-total checks the extraction computed (reports.stored_totals) instead of
checking every table again, and gives the same report; a stored file that does not match the published tables
is never used."""
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from reports import totals
from reports.build import build_report
from reports.published import find_document, read_published
from reports.stored_totals import load_checks, stored_checks_path
from reports.totals import audit_checks


def _documents(clean: Path) -> list[dict]:
    """Given a clean dir, return one `documents` row per document that was read (not failed)."""
    docs = pd.read_parquet(clean / "documents").drop_duplicates("document_id")
    return [find_document(clean, did) for did, status in zip(docs["document_id"], docs["status"], strict=True)
            if status != "failed"]


def test_the_stored_checks_are_the_ones_computed_from_the_published_tables(corpus_run):
    checked = 0
    for row in _documents(corpus_run.clean):
        doc = read_published(corpus_run.clean, row)
        stored = load_checks(corpus_run.clean, row, len(doc.tables), len(doc.cells))
        assert stored is not None, row["file_name"]
        assert audit_checks(doc.tables, doc.cells, stored) == audit_checks(doc.tables, doc.cells), row["file_name"]
        checked += len(stored)
    assert checked > 100


def _report_text(clean: Path, did: str, out: Path) -> str:
    """Given a clean dir and a document, build its report (no page images) into `out`; return its HTML, the
    output folder's path taken out."""
    report = build_report(clean, None, did, out)
    return report.path.read_text(encoding="utf-8").replace(str(out), "OUT")


def test_the_report_uses_the_stored_checks_and_is_the_same(corpus_run, tmp_path, monkeypatch):
    did = max(_documents(corpus_run.clean), key=lambda r: r["n_tables"])["document_id"]
    computed = _report_text(corpus_run.clean, did, tmp_path / "a")
    calls = []
    monkeypatch.setattr(totals.registry, "check_totals", lambda grid: calls.append(grid) or [])
    assert _report_text(corpus_run.clean, did, tmp_path / "b") == computed
    assert calls == []  # no table checked again


@pytest.mark.parametrize("change", ["none", "generation", "n_cells", "format", "garbage", "removed"])
def test_a_stored_file_that_does_not_match_the_published_tables_is_not_used(corpus_run, tmp_path, change):
    clean = tmp_path / "clean"
    shutil.copytree(corpus_run.clean, clean, ignore=shutil.ignore_patterns("audit"))
    did = max(_documents(clean), key=lambda r: r["n_tables"])["document_id"]
    computed = _report_text(clean, did, tmp_path / "a")
    path = stored_checks_path(clean, did)
    data = json.loads(path.read_text())
    data["checks"] = [{**c, "computed": "12345678"} for c in data["checks"]]  # would make every check fail
    if change == "generation":
        data["generation"] = "2000-01-01T00:00:00+00:00"
    elif change in ("n_cells", "format"):
        data[change] += 1
    path.write_text("{not json" if change == "garbage" else json.dumps(data))
    if change == "removed":
        path.unlink()
    row = find_document(clean, did)
    doc = read_published(clean, row)
    if change == "none":  # the control: a current file is used, poisoned figures and all
        assert load_checks(clean, row, len(doc.tables), len(doc.cells)) is not None
        assert _report_text(clean, did, tmp_path / "b") != computed
        return
    assert load_checks(clean, row, len(doc.tables), len(doc.cells)) is None
    assert _report_text(clean, did, tmp_path / "b") == computed


def test_the_stored_checks_sit_in_the_writers_bookkeeping_folder():
    """reports may not import pipelines (data flows one way), so the folder's name is spelled twice: the two must
    agree, or the writer's clean-up and the audit would look in different places."""
    from pipelines.lib.storage.writer import STATE_DIR
    from reports import stored_totals

    assert stored_totals.STATE_DIR == STATE_DIR
    assert stored_checks_path("clean", "doc").parts[1] == STATE_DIR
