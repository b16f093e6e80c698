"""Atomic parquet writing: whole-file replacement, no temp files, no file for no rows, others untouched."""
import pyarrow.parquet as pq
import pytest

from pipelines.lib.storage.schemas import SCHEMAS, to_arrow
from pipelines.lib.storage.writer import TEMP_PREFIX, output_path, write_table

DOC_A, DOC_B = "00000000000000aa", "00000000000000bb"


def _rows(doc: str, n: int) -> list[dict]:
    return [{"document_id": doc, "page": 1, "code": f"SU{i}", "section": "permanent", "line_item": f"item {i}",
             "control_area": None, "year": 2023, "amount_dkk": -1800 * 1000 * i, "pl_year": None} for i in range(n)]


def _leftovers(folder) -> list:
    return [p for p in folder.rglob("*") if p.name.startswith(TEMP_PREFIX)]


def test_file_is_replaced_whole_and_keeps_the_contract_schema(tmp_path):
    write_table(tmp_path, "proposal_economics", DOC_A, _rows(DOC_A, 5))
    path = write_table(tmp_path, "proposal_economics", DOC_A, _rows(DOC_A, 2))
    table = pq.read_table(path)
    assert table.num_rows == 2
    assert table.schema.remove_metadata() == SCHEMAS["proposal_economics"]
    assert table.column("amount_dkk").to_pylist() == [0, -1800000]
    assert table.column("pl_year").null_count == 2
    assert not _leftovers(tmp_path)


def test_failed_write_leaves_previous_file_and_no_temp_file(tmp_path):
    path = write_table(tmp_path, "proposal_economics", DOC_A, _rows(DOC_A, 3))
    before = path.read_bytes()
    bad = _rows(DOC_A, 1)
    bad[0]["year"] = "not a year"
    with pytest.raises((TypeError, ValueError)):
        write_table(tmp_path, "proposal_economics", DOC_A, bad)
    assert path.read_bytes() == before
    assert not _leftovers(tmp_path)


def test_no_rows_writes_nothing_and_removes_only_that_documents_stale_file(tmp_path):
    assert write_table(tmp_path, "proposal_economics", DOC_A, []) is None
    assert not output_path(tmp_path, "proposal_economics", DOC_A).exists()
    write_table(tmp_path, "proposal_economics", DOC_A, _rows(DOC_A, 1))
    other = write_table(tmp_path, "proposal_economics", DOC_B, _rows(DOC_B, 1))
    other_bytes = other.read_bytes()
    write_table(tmp_path, "proposal_economics", DOC_A, [])
    assert not output_path(tmp_path, "proposal_economics", DOC_A).exists()
    assert other.read_bytes() == other_bytes


def test_rows_of_another_document_and_bad_ids_are_refused(tmp_path):
    with pytest.raises(ValueError):
        write_table(tmp_path, "proposal_economics", DOC_A, _rows(DOC_B, 1))
    with pytest.raises(ValueError):
        output_path(tmp_path, "documents", "../../etc/passwd")


def test_to_arrow_uses_the_schema_not_inference():
    table = to_arrow("task_budgets", [{"document_id": DOC_A, "page": 2, "account_no": None, "budget_dkk": 5},
                                      {"document_id": DOC_A, "page": 3, "account_no": 7, "budget_dkk": None}])
    assert table.schema == SCHEMAS["task_budgets"]
    assert table.column("account_no").to_pylist() == [None, 7]
    assert table.column("remark").null_count == 2
    with pytest.raises(ValueError, match="not in the contract"):
        to_arrow("documents", [{"document_id": DOC_A, "surprise": 1}])


def test_a_sync_batch_publishes_whole_files_and_syncs_them_once(tmp_path, monkeypatch):
    from pipelines.lib.storage import writer

    batch = writer.SyncBatch()
    path = write_table(tmp_path, "proposal_economics", DOC_A, _rows(DOC_A, 3), batch)
    assert pq.read_table(path).num_rows == 3  # in place at once, as without a batch
    assert write_table(tmp_path, "proposal_economics", DOC_A, [], batch) is None and not path.exists()
    assert batch.files == [path] and batch.folders == {path.parent}
    synced = []
    monkeypatch.setattr(writer, "_syncfs", lambda folder: synced.append(folder) or False)  # no syncfs: fsync each
    batch.sync()
    assert synced == [path.parent] and not batch.files and not batch.folders
    batch.sync()  # nothing pending: no sync at all
    assert len(synced) == 1


def test_a_document_file_is_read_back_whole_on_the_calling_thread(tmp_path, monkeypatch):
    """read_parquet and the report's reader return the rows written, without arrow's thread pool (use_threads=False:
    a document's small file costs more CPU to hand to the pool than to decode)."""
    from pipelines.lib.storage.writer import read_parquet
    from reports.published import _rows as report_rows

    path = write_table(tmp_path, "proposal_economics", DOC_A, _rows(DOC_A, 3))
    calls = []
    read = pq.ParquetFile.read
    monkeypatch.setattr(pq.ParquetFile, "read", lambda self, *a, **kw: calls.append(kw) or read(self, *a, **kw))
    assert read_parquet(path).equals(pq.read_table(path))
    assert read_parquet(path, columns=["code"]).column("code").to_pylist() == ["SU0", "SU1", "SU2"]
    assert report_rows(path) == pq.read_table(path).to_pylist()
    assert len(calls) == 3 and all(kw.get("use_threads") is False for kw in calls)


def test_a_document_file_is_compressed_with_a_codec_cheap_to_set_up(tmp_path):
    """A document's file holds a few rows per column: zstd set up a (de)compression context for every column chunk,
    ~2.5x the CPU of snappy to write and ~3x to read such files, for no smaller files (the 851 files of 240 short
    documents: 4.42 MB zstd, 4.35 MB snappy). Every column chunk is snappy; the rows read back are the rows."""
    path = write_table(tmp_path, "proposal_economics", DOC_A, _rows(DOC_A, 3))
    meta = pq.ParquetFile(path).metadata
    codecs = {meta.row_group(g).column(c).compression for g in range(meta.num_row_groups)
              for c in range(meta.num_columns)}
    assert codecs == {"SNAPPY"}
    assert pq.read_table(path).column("line_item").to_pylist() == ["item 0", "item 1", "item 2"]
