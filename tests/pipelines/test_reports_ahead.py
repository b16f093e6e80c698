"""The audit reports of an in-process run start as soon as its documents are built (pipelines/defs/audit/assets.py,
`start_reports_ahead`): the audit step takes them instead of building them again, and builds the rest itself."""
import threading
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from pipelines.cli import main
from pipelines.defs.audit import assets as audit_asset
from pipelines.lib.extraction.isolation import Limits
from reports.build import audit_dir, report_path


@pytest.fixture
def builds(monkeypatch):
    """Record (document id, thread name) of every report built; a build returns its document id."""
    done: list[tuple[str, str]] = []

    def build(clean: Path, raw: Path, did: str, out: Path, limits: Limits) -> str:
        done.append((did, threading.current_thread().name))
        return did

    monkeypatch.setattr(audit_asset, "_build_one", build)
    return done


def test_reports_started_ahead_are_taken_not_built_again(builds, tmp_path):
    clean, raw, out, limits = tmp_path / "clean", tmp_path / "raw", tmp_path / "audit", Limits()
    audit_asset.start_reports_ahead(clean, raw, ["a", "b"], out, limits, workers=2)
    reports = audit_asset.build_reports(clean, raw, ["a", "b", "c"], out, limits, workers=2)
    assert reports == {"a": "a", "b": "b", "c": "c"}
    by_document = {did: thread for did, thread in builds}
    assert sorted(did for did, _ in builds) == ["a", "b", "c"]  # each once
    assert by_document["a"].startswith("dkbudget-audit-ahead") and by_document["b"].startswith("dkbudget-audit-ahead")
    assert not by_document["c"].startswith("dkbudget-audit-ahead")
    assert audit_asset.build_reports(clean, raw, ["a"], out, limits, workers=2) == {"a": "a"}  # taken once only
    assert len(builds) == 4


def test_reports_ahead_are_keyed_by_their_arguments(builds, tmp_path):
    limits = Limits()
    audit_asset.start_reports_ahead(tmp_path / "one", tmp_path / "raw", ["a"], tmp_path / "out", limits, workers=1)
    audit_asset.build_reports(tmp_path / "two", tmp_path / "raw", ["a"], tmp_path / "out", limits, workers=1)
    assert len(builds) == 2  # another clean dir's report is not this one
    audit_asset.build_reports(tmp_path / "one", tmp_path / "raw", ["a"], tmp_path / "out", limits, workers=1)
    assert len(builds) == 2


def test_a_run_builds_each_report_once_ahead_and_records_it_as_built(tmp_path, dagster_home, monkeypatch):
    from tests.producers.generate import main as generate

    generate(["--out", str(tmp_path / "gen"), "--n", "3", "--producers", "reportlab", "--workers", "1"])
    raw, clean = tmp_path / "gen" / "pdf", tmp_path / "clean"
    threads: list[str] = []
    original = audit_asset._build_one  # noqa: SLF001

    def build(*args):  # noqa: ANN002, ANN202
        threads.append(threading.current_thread().name)
        return original(*args)

    monkeypatch.setattr(audit_asset, "_build_one", build)
    assert main(["run", "--raw-dir", str(raw), "--clean-dir", str(clean)]) == 0
    docs = pd.read_parquet(clean / "documents")
    assert len(threads) == len(docs) and all(t.startswith("dkbudget-audit-ahead") for t in threads)
    instance = dg.DagsterInstance.get()
    for name, did in zip(docs["file_name"], docs["document_id"], strict=True):
        meta = instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=dg.AssetKey("audit_report"), asset_partitions=[name]),
            limit=1).records[0].asset_materialization.metadata
        assert meta["skipped"].value is False and meta["pages_rendered"].value >= 1
        assert meta["path"].value == str(report_path(audit_dir(clean), did))
    threads.clear()
    assert main(["run", "--raw-dir", str(raw), "--clean-dir", str(clean), "--select", "tables"]) == 0
    assert threads == []  # the audit step is not in that run: nothing built ahead
