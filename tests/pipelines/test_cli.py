"""`dkbudget run` end to end on the sample corpus: documents, layout, runs in the instance, skip, --document."""
import hashlib

import dagster as dg
import pandas as pd

from pipelines.lib.storage.schemas import SCHEMAS
from pipelines.lib.storage.writer import TEMP_PREFIX, write_table
from tests.pipelines.conftest import RAW, run_cli
from tests.pipelines.test_documents import EXPECTED


def _snapshot(clean):
    return {p.relative_to(clean): p.stat().st_mtime_ns for p in clean.rglob("*.parquet")}


def test_corpus_run_writes_one_ok_documents_row_per_pdf(corpus_run):
    assert corpus_run.exit_code == 0
    docs = pd.read_parquet(corpus_run.clean / "documents")
    assert len(docs) == len(list(RAW.glob("*.pdf"))) == 5
    docs["number"] = docs["file_name"].str[:3]
    for number, (kind, municipality) in EXPECTED.items():
        row = docs[docs["number"] == number].iloc[0]
        assert (row["kind"], row["municipality"], row["status"]) == (kind, municipality, "ok"), row.to_dict()
        assert row["document_id"] == row["sha256"][:16]
        assert pd.isna(row["error"])
    assert docs["pipeline_version"].nunique() == 1


def test_outputs_follow_the_contract_layout(corpus_run):
    clean = corpus_run.clean
    ids = set(pd.read_parquet(clean / "documents")["document_id"])
    for folder in (p for p in clean.iterdir() if not p.name.startswith(".")):
        assert folder.name in SCHEMAS
        for path in folder.glob("*"):
            assert path.suffix == ".parquet" and path.stem in ids
            assert not path.name.startswith(TEMP_PREFIX)
    assert (clean / "documents").is_dir()


def test_the_runs_are_recorded_in_the_instance(corpus_run):
    instance = dg.DagsterInstance.get()
    runs = {r.run_id: r for r in instance.get_runs(filters=dg.RunsFilter(job_name="dkbudget"))}
    names = {p.name for p in RAW.glob("*.pdf")}
    assert set(instance.get_dynamic_partitions("pdf_files")) >= names
    # the batched event log (pipelines/lib/instance/event_storage.py) indexes each document's materialization as
    # Dagster's does
    assert type(instance.event_log_storage).__name__ == "BatchingSqliteEventLogStorage"
    assert instance.get_materialized_partitions(dg.AssetKey("table_cells")) >= names
    for table in ("documents", "tables", "grant_expiries"):  # per-document provenance: one event per partition
        found = instance.fetch_materializations(dg.AssetKey(table), limit=1000).records
        latest = {}
        for record in found:
            latest.setdefault(record.partition_key, record)
        assert names <= set(latest), table
        for name in names:
            run = runs[latest[name].run_id]
            assert run.tags["dagster/asset_partition_range_start"] <= name <= run.tags[
                "dagster/asset_partition_range_end"]
    many = [r for r in runs.values() if r.tags.get("dagster/asset_partition_range_start")
            != r.tags.get("dagster/asset_partition_range_end")]
    assert many  # the corpus run built several documents in one run


def test_rerun_with_nothing_changed_skips_every_document(corpus_run):
    before = _snapshot(corpus_run.clean)
    # how fast the no-op re-run is, is bench/noop_rerun.py's to measure (a timed test fails on a busy machine)
    code, output, _ = run_cli(["run", "--raw-dir", str(RAW), "--clean-dir", str(corpus_run.clean)])
    assert code == 0
    assert output.count("skipped ") == 5, output
    assert _snapshot(corpus_run.clean) == before


def test_document_option_reruns_exactly_that_documents_files(corpus_run):
    docs = pd.read_parquet(corpus_run.clean / "documents")
    target = docs.sort_values("n_pages").iloc[0]  # the shortest PDF keeps the test fast
    before = _snapshot(corpus_run.clean)
    code, output, _ = run_cli(["run", "--raw-dir", str(RAW), "--clean-dir", str(corpus_run.clean),
                               "--document", target["document_id"]])
    assert code == 0, output
    after = _snapshot(corpus_run.clean)
    changed = {p for p in after if after[p] != before.get(p)}
    assert changed, output
    assert all(p.stem == target["document_id"] for p in changed)
    assert set(before) - set(after) == set()  # no file of any document vanished
    assert output.count("skipped ") == 4


def test_unknown_document_and_unreadable_raw_dir_are_usage_errors(corpus_run, tmp_path):
    code, _, _ = run_cli(["run", "--raw-dir", str(RAW), "--clean-dir", str(corpus_run.clean),
                          "--document", "no-such-file.pdf"])
    assert code == 2
    code, _, _ = run_cli(["run", "--raw-dir", str(tmp_path / "missing"), "--clean-dir", str(tmp_path / "c")])
    assert code == 2


def test_a_broken_pdf_fails_alone_and_keeps_earlier_outputs(dagster_home, tmp_path):
    raw, clean = tmp_path / "raw", tmp_path / "clean"
    raw.mkdir()
    data = b"this is a text file, not a PDF\n"
    (raw / "not-really.pdf").write_bytes(data)
    did = hashlib.sha256(data).hexdigest()[:16]
    earlier = write_table(clean, "tables", did, [{"document_id": did, "table_id": f"{did}-000", "table_index": 0,
                                                  "page": 1, "last_page": 1, "columns": ["a"], "n_rows": 1}])
    code, output, _ = run_cli(["run", "--raw-dir", str(raw), "--clean-dir", str(clean)])
    assert code == 0, output
    docs = pd.read_parquet(clean / "documents")
    (row,) = docs.to_dict("records")
    assert row["status"] == "failed" and row["kind"] == "unknown"
    assert row["error"] and "\n" not in row["error"]
    assert earlier.exists()


def test_select_runs_only_the_selection_and_rejects_bad_selections(corpus_run, capsys):
    before = _snapshot(corpus_run.clean)
    code, output, _ = run_cli(["run", "--raw-dir", str(RAW), "--clean-dir", str(corpus_run.clean),
                               "--select", "grant_expiries"])
    assert code == 0, output
    assert "step failures" in output and "0 step failures" in output
    assert _snapshot(corpus_run.clean) == before  # up-to-date outputs are not rewritten
    # ... and the report says so, naming the documents and how to redo them
    said = next(line for line in output.splitlines() if "current outputs and were skipped" in line)
    assert "--force redoes them" in said and all(p.name in said for p in RAW.glob("*.pdf")), output
    code, _, _ = run_cli(["run", "--raw-dir", str(RAW), "--clean-dir", str(corpus_run.clean),
                          "--select", "no_such_asset"])
    assert code == 2
    capsys.readouterr()
    code, _, _ = run_cli(["run", "--raw-dir", str(RAW), "--clean-dir", str(corpus_run.clean),
                          "--select", "raw_pdf"])  # observed, never built by a run
    assert code == 2 and "raw_pdf: observed" in capsys.readouterr().err


def test_the_readme_reads_amounts_back_as_nullable_integers(corpus_run):
    readme = (RAW.parents[1] / "README.md").read_text()
    assert 'dtype_backend="pyarrow"' in readme
    grants = pd.read_parquet(corpus_run.clean / "grant_expiries", dtype_backend="pyarrow")
    assert str(grants["amount_dkk"].dtype) == "int64[pyarrow]"
    assert str(grants["pl_year"].dtype) == "int16[pyarrow]"
    assert grants["amount_dkk"].sum() > 0 and grants["amount_dkk"].iloc[0] == int(grants["amount_dkk"].iloc[0])


def test_the_last_garbage_collection_at_exit_is_skipped_once_registered(monkeypatch):
    import gc

    from pipelines import cli

    registered = []
    monkeypatch.setattr(cli.atexit, "register", registered.append)
    monkeypatch.setattr(cli, "_FINAL_COLLECTION_SKIPPED", False)
    cli.skip_final_collection()
    cli.skip_final_collection()  # a second command in the same process (tests): registered once
    assert registered == [gc.freeze]
