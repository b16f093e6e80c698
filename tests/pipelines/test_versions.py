"""Dagster's view of the documents' versions: the raw PDF is observed (its SHA-256 as data version, per partition),
each materialization records the document's own data version, code version and provenance, so the instance says
which documents are stale (new PDF bytes, new code); a changed PDF is rebuilt, an unchanged one skipped, and the
markers in the clean dir stay what skips are decided on."""
import hashlib
import shutil

import dagster as dg
from dagster._core.definitions.observe import observe

from pipelines.definitions import defs
from pipelines.defs.documents.versions import RAW_PDF_KEY, document_tags, raw_pdf, stale_resolver
from pipelines.defs.resources import DkbudgetPaths
from pipelines.lib.extraction.process import document_id_of
from pipelines.lib.storage.schemas import DOMAIN_TABLES, GENERIC_TABLES
from pipelines.lib.storage.state import NOT_PUBLISHED, Marker, marker_version, read_marker
from pipelines.lib.version import pipeline_version
from tests.pipelines.conftest import RAW, run_cli

CHANGED, KEPT = "000_suf-bevillingsudloeb-b2026.pdf", "004_slagelse-skal-kan-opgaver-b2022.pdf"
NEW_BYTES = RAW / "003_sof-investeringsforslag-ofs-2021.pdf"  # what CHANGED's file holds after the change
ASSETS = GENERIC_TABLES + DOMAIN_TABLES


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _observed(instance, key: str) -> list[str]:
    """The data versions the instance has observed for a PDF, newest first."""
    records = instance.fetch_observations(dg.AssetRecordsFilter(asset_key=RAW_PDF_KEY, asset_partitions=[key]),
                                          limit=10).records
    return [r.asset_observation.tags["dagster/data_version"] for r in records]


def _materializations(instance, table: str, key: str) -> list:
    records = instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=dg.AssetKey(table),
                                                                    asset_partitions=[key]), limit=10).records
    return [r.asset_materialization for r in records]


def _statuses(instance, key: str) -> set[str]:
    resolver = stale_resolver(instance, defs.resolve_asset_graph())
    return {resolver.get_status(dg.AssetKey(table), key).value for table in ASSETS}


def test_dagster_sees_the_pdf_bytes_and_which_documents_are_stale(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))  # a history of its own: the partition keys recur
    raw, clean = tmp_path / "raw", tmp_path / "clean"
    raw.mkdir()
    for name in (CHANGED, KEPT):
        shutil.copyfile(RAW / name, raw / name)
    argv = ["run", "--raw-dir", str(raw), "--clean-dir", str(clean)]
    code, output, _ = run_cli(argv)
    assert code == 0, output
    instance = dg.DagsterInstance.get()
    old_sha = _sha(raw / CHANGED)

    # the instance shows each PDF's observed bytes, and every asset of both documents as fresh
    assert _observed(instance, CHANGED) == [old_sha] and _observed(instance, KEPT) == [_sha(raw / KEPT)]
    assert _statuses(instance, CHANGED) == _statuses(instance, KEPT) == {"FRESH"}
    did = document_id_of(old_sha)
    for table in ASSETS:  # each materialization: the output's own data version, the code, the PDF it came from
        (m,) = _materializations(instance, table, CHANGED)
        assert m.tags["dagster/data_version"] == marker_version(read_marker(clean, did, table))
        assert m.tags["dagster/code_version"] == pipeline_version()
        assert m.tags["dagster/input_data_version/raw_pdf"] == old_sha
        assert m.metadata["skipped"].value is False and m.metadata["reason"].value == NOT_PUBLISHED

    # new bytes under the same name: observed (as the sensor or "Observe" in the UI does), its assets now stale
    shutil.copyfile(NEW_BYTES, raw / CHANGED)
    new_sha = _sha(raw / CHANGED)
    assert observe([raw_pdf], instance=instance,
                   resources={"dkbudget": DkbudgetPaths(raw_dir=str(raw), clean_dir=str(clean))}).success
    assert _observed(instance, CHANGED) == [new_sha, old_sha]
    assert _statuses(instance, CHANGED) == {"STALE"} and _statuses(instance, KEPT) == {"FRESH"}
    resolver = stale_resolver(instance, defs.resolve_asset_graph())
    (cause,) = resolver.get_stale_root_causes(dg.AssetKey("tables"), CHANGED)
    assert (cause.key.asset_key, cause.key.partition_key) == (RAW_PDF_KEY, CHANGED)

    # the next run rebuilds the changed document only; the unchanged one is skipped without a Dagster event
    code, output, _ = run_cli(argv)
    assert code == 0, output
    assert f"skipped  {KEPT}" in output and "1 run, 1 skipped" in output, output
    assert _statuses(instance, CHANGED) == _statuses(instance, KEPT) == {"FRESH"}
    for table in ASSETS:
        latest = _materializations(instance, table, CHANGED)[0]
        assert latest.tags["dagster/input_data_version/raw_pdf"] == new_sha
        assert latest.metadata["skipped"].value is False
        assert latest.metadata["reason"].value == NOT_PUBLISHED  # its bytes' document is new: nothing to keep
        assert len(_materializations(instance, table, KEPT)) == 1
    assert _observed(instance, CHANGED) == [new_sha, old_sha]  # observed once: the run did not observe it again

    # a run that finds the outputs current (a history that lost the run: e.g. `--select`) records the same versions
    code, output, _ = run_cli([*argv, "--select", "documents"])
    assert code == 0 and "had current outputs and were skipped" in output, output
    for name in (CHANGED, KEPT):
        latest, before = _materializations(instance, "documents", name)[:2]
        assert latest.metadata["skipped"].value is True and latest.metadata["reason"].value == "unchanged"
        assert latest.tags["dagster/data_version"] == before.tags["dagster/data_version"]
    assert _statuses(instance, KEPT) == {"FRESH"}


def test_a_kept_output_keeps_the_code_and_bytes_it_was_built_from():
    """An output from an older pipeline version (kept: its document's new extraction failed) records that version,
    so the UI shows it stale for new code; one from other bytes points at no observation of the current ones."""
    old = Marker("a" * 64, "0.1.0+old", "2026-01-01T00:00:00", 3)
    (tags,) = document_tags(("tables",), "b" * 64, 41, {"tables": old}, "0.1.0+new").values()
    assert tags["dagster/code_version"] == "0.1.0+old"
    assert tags["dagster/input_data_version/raw_pdf"] == "a" * 64
    assert tags["dagster/input_event_pointer/raw_pdf"] == "NULL"
    assert tags["dagster/data_version"] == marker_version(old)
    fresh = document_tags(("tables", "grant_expiries"), "a" * 64, 41, {"grant_expiries": old, "tables": old},
                          "0.1.0+new")["grant_expiries"]
    assert fresh["dagster/input_event_pointer/raw_pdf"] == "41"
    assert fresh["dagster/input_data_version/tables"] == marker_version(old)
    assert fresh["dagster/input_data_version/documents"] == "none"  # no output: its document has no marker here
