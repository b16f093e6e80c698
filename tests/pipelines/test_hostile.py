"""Bad input never breaks a run: hostile files get a truthful `documents` row, limits hold, names are data."""
import shutil
import time

import pandas as pd
import pytest

from pipelines.cli import dev_argv
from pipelines.lib.config import pdf_path
from pipelines.lib.extraction.isolation import MAX_SECONDS_ENV, Limits, limits_from_env
from pipelines.lib.extraction.process import extract_with_limits
from pipelines.lib.storage.schemas import DOMAIN_TABLES
from pipelines.lib.storage.writer import output_path
from tests.pipelines.conftest import RAW, REPO, run_cli

FIXTURES = REPO / "tests" / "fixtures" / "hostile"
SHARED_HOSTILE = REPO.parent / "shared" / "corpus" / "hostile"
# Fixture -> (status, start of error): what each file is (see tests/fixtures/hostile/README.md), not our output.
EXPECTED = {
    "own_zero-bytes.pdf": ("failed", "empty file: 0 bytes"),
    "pdfplumber_empty.pdf": ("failed", "empty file: 0 bytes"),
    "own_not-a-pdf.pdf": ("failed", "not a PDF (starts with 'Dette er ikke en PDF"),
    "own_truncated-grant-list.pdf": ("failed", "malformed PDF: "),
    "own_bitflipped-grant-list.pdf": ("failed", "malformed PDF: "),
    "pdfplumber_password-example.pdf": ("failed", "encrypted: a password is required"),
    "pypdf_r2-user-password.pdf": ("failed", "encrypted: a password is required"),
    "pypdf_r6-empty-password.pdf": ("ok", None),
    "pypdf_imagemagick-CCITTFaxDecode.pdf": ("partial", "no text layer on page 1 "),
    "qpdf_append-xref-loop.pdf": ("failed", "malformed PDF: "),
    "qpdf_broken-lzw.pdf": ("failed", "malformed PDF: "),
    "qpdf_bad14.pdf": ("failed", "malformed PDF: "),
    "qpdf_bad4.pdf": ("failed", "empty PDF: no pages"),
    "pdfplumber_senate-expenditures.pdf": ("ok", None),
    "pdfplumber_scotus-transcript-p1.pdf": ("ok", None),
}
UNRELATED = ("pdfplumber_senate-expenditures.pdf", "pdfplumber_scotus-transcript-p1.pdf", "pypdf_r6-empty-password.pdf")
KNOWN_ERRORS = ("empty file", "not a PDF", "malformed PDF", "encrypted", "empty PDF", "no text layer", "no text on",
                "too large", "timed out", "out of memory", "crashed")
# The Dagster run mixes these fixtures with a sample (each file costs one Dagster run: keep the list short).
MIXED = ("own_zero-bytes.pdf", "pdfplumber_empty.pdf", "own_not-a-pdf.pdf", "pdfplumber_password-example.pdf",
         "pypdf_imagemagick-CCITTFaxDecode.pdf", "pdfplumber_senate-expenditures.pdf")
SAMPLE = "000"
TWIN = "copy of the grant list (same bytes).pdf"  # a file name with spaces and brackets is data, too
SLOW_SAMPLE = "002"  # the longest sample: several seconds of work
TIMEOUT_SECONDS = 0.5
KILL_SLACK_SECONDS = 10.0
SMALL_MEMORY_MB = 100  # far below what reading the slow sample's pages needs (the interpreter alone maps ~400 MB)


def test_fixtures_match_their_readme():
    assert {p.name for p in FIXTURES.glob("*.pdf")} == set(EXPECTED)
    assert sum(p.stat().st_size for p in FIXTURES.glob("*.pdf")) < 2_000_000
    assert (FIXTURES / "own_zero-bytes.pdf").read_bytes() == (FIXTURES / "pdfplumber_empty.pdf").read_bytes()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_gets_a_truthful_one_line_status(name):
    result = extract_with_limits(FIXTURES / name, Limits())
    doc = result.document
    status, error = EXPECTED[name]
    assert doc["status"] == status, doc
    if error is None:
        assert doc["error"] is None
    else:
        assert doc["error"].startswith(error) and "\n" not in doc["error"], doc["error"]
    if status == "failed":
        assert result.tables is None  # nothing published: earlier outputs of the document stay
    if name in UNRELATED:
        assert doc["kind"] == "unknown"
    assert not result.retry  # a property of the bytes: not retried while bytes and code are unchanged


@pytest.mark.skipif(not SHARED_HOSTILE.exists(), reason="the full hostile corpus lives beside the repo (../shared)")
def test_the_whole_hostile_corpus_never_raises_nor_hangs():
    limits = Limits(max_seconds=60)
    seen = {}
    started = time.perf_counter()
    for path in sorted(SHARED_HOSTILE.glob("*.pdf")):
        doc = extract_with_limits(path, limits).document
        seen[path.name] = doc
        assert doc["status"] in ("ok", "partial", "failed")
        if doc["status"] == "ok":
            assert doc["error"] is None
        else:
            assert doc["error"].startswith(KNOWN_ERRORS) and "\n" not in doc["error"], (path.name, doc["error"])
            assert "internal error" not in doc["error"]
        assert doc["kind"] == "unknown"  # none of them is a Danish budget document
    assert len(seen) >= 60
    needs_password = [n for n in seen if "password" in n and "empty-password" not in n and "r6-" not in n]
    assert needs_password and all(seen[n]["error"] == "encrypted: a password is required" for n in needs_password)
    assert seen["pypdf_r6-empty-password.pdf"]["status"] == "ok"
    assert time.perf_counter() - started < 300


def test_a_document_over_the_time_limit_fails_and_is_killed():
    started = time.perf_counter()
    result = extract_with_limits(next(RAW.glob(f"{SLOW_SAMPLE}_*.pdf")), Limits(max_seconds=TIMEOUT_SECONDS))
    assert time.perf_counter() - started < TIMEOUT_SECONDS + KILL_SLACK_SECONDS
    assert result.document["status"] == "failed"
    assert result.document["error"] == f"timed out after {TIMEOUT_SECONDS:g} s"
    assert result.retry  # a limit, not the bytes: tried again next run


def test_a_document_over_the_memory_limit_fails():
    result = extract_with_limits(next(RAW.glob(f"{SLOW_SAMPLE}_*.pdf")), Limits(max_memory_mb=SMALL_MEMORY_MB))
    assert result.document["status"] == "failed"
    assert result.document["error"] == f"out of memory: over the {SMALL_MEMORY_MB} MB limit"
    assert result.retry


def test_page_and_size_limits():
    pdf = next(RAW.glob(f"{SAMPLE}_*.pdf"))
    by_pages = extract_with_limits(pdf, Limits(max_pages=2)).document
    assert by_pages["status"] == "failed"
    assert by_pages["error"].startswith(f"too large: {by_pages['n_pages']} pages > limit 2")
    by_bytes = extract_with_limits(pdf, Limits(max_bytes=1000)).document
    assert by_bytes["error"] == f"too large: {pdf.stat().st_size} bytes > limit 1000 (DKBUDGET_MAX_BYTES)"


def test_limits_come_from_the_environment_and_bad_values_are_usage_errors(tmp_path, monkeypatch):
    limits = limits_from_env({"DKBUDGET_MAX_SECONDS": "30", "DKBUDGET_MAX_PAGES": "10",
                              "DKBUDGET_MAX_BYTES": "5000", "DKBUDGET_MAX_MEMORY_MB": "1024"})
    assert limits == Limits(max_seconds=30.0, max_pages=10, max_bytes=5000, max_memory_mb=1024)
    assert limits_from_env({}) == Limits()
    with pytest.raises(ValueError, match="DKBUDGET_MAX_PAGES"):
        limits_from_env({"DKBUDGET_MAX_PAGES": "-1"})
    monkeypatch.setenv(MAX_SECONDS_ENV, "soon")
    code, _, _ = run_cli(["run", "--raw-dir", str(RAW), "--clean-dir", str(tmp_path / "clean")])
    assert code == 2


def test_the_dagster_ui_binds_to_localhost_unless_configured():
    assert dev_argv([], {})[-2:] == ["--host", "127.0.0.1"]
    assert dev_argv([], {"DKBUDGET_DEV_HOST": "0.0.0.0"})[-2:] == ["--host", "0.0.0.0"]
    argv = dev_argv(["--host", "::1", "-p", "3001"], {})
    assert argv.count("--host") == 1 and argv[-4:] == ["--host", "::1", "-p", "3001"]


@pytest.mark.parametrize("key", ["../000.pdf", "sub/x.pdf", "/etc/passwd.pdf", "..", "x.pdf\0", "notes.txt"])
def test_partition_keys_cannot_leave_the_raw_dir(key, tmp_path):
    with pytest.raises(ValueError):
        pdf_path(tmp_path, key)


@pytest.mark.parametrize("document_id", ["../../x", "0da346ee7b81f7d9/../a", "", "ABC"])
def test_output_names_are_document_ids_only(document_id, tmp_path):
    with pytest.raises(ValueError):
        output_path(tmp_path, "tables", document_id)


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory, dagster_home):
    """Run `dkbudget run` over a sample, a same-bytes twin of it and hostile fixtures, then once more."""
    raw = tmp_path_factory.mktemp("mixed_raw")
    clean = tmp_path_factory.mktemp("mixed_clean")
    sample = next(RAW.glob(f"{SAMPLE}_*.pdf"))
    shutil.copy(sample, raw / sample.name)
    shutil.copy(sample, raw / TWIN)
    for name in MIXED:
        shutil.copy(FIXTURES / name, raw / name)
    first = run_cli(["run", "--raw-dir", str(raw), "--clean-dir", str(clean)])
    second = run_cli(["run", "--raw-dir", str(raw), "--clean-dir", str(clean)])
    return raw, clean, first, second


def test_mixed_run_gives_every_file_exactly_one_truthful_row(mixed_run):
    raw, clean, (code, output, _), _ = mixed_run
    assert code == 0, output
    docs = pd.read_parquet(clean / "documents")
    assert sorted(docs["file_name"]) == sorted(p.name for p in raw.glob("*.pdf"))
    for name in MIXED:
        row = docs[docs["file_name"] == name].iloc[0]
        status, error = EXPECTED[name]
        assert row["status"] == status and (error is None or row["error"].startswith(error)), row.to_dict()
    assert "step failures" in output and " 0 step failures" in output


def test_files_with_identical_bytes_share_one_document_with_a_row_each(mixed_run):
    raw, clean, _, _ = mixed_run
    docs = pd.read_parquet(clean / "documents")
    sample = next(RAW.glob(f"{SAMPLE}_*.pdf")).name
    pair = docs[docs["file_name"].isin([sample, TWIN])]
    assert pair["document_id"].nunique() == 1 and len(pair) == 2
    first, second = ({k: v.tolist() if hasattr(v, "tolist") else v for k, v in r.items()}  # list columns as lists
                     for r in pair.drop(columns="file_name").to_dict("records"))
    assert first == second  # identical rows apart from the name
    empties = docs[docs["file_name"].isin(["own_zero-bytes.pdf", "pdfplumber_empty.pdf"])]
    assert empties["document_id"].nunique() == 1 and len(empties) == 2
    assert len(pd.read_parquet(clean / "tables").query("document_id == @pair.document_id.iloc[0]")) >= 1


def test_unrelated_pdfs_publish_no_domain_rows(mixed_run):
    _, clean, _, _ = mixed_run
    docs = pd.read_parquet(clean / "documents")
    unknown = set(docs.loc[docs["kind"] == "unknown", "document_id"])
    assert unknown
    for table in DOMAIN_TABLES:
        assert not any(output_path(clean, table, did).exists() for did in unknown), table


def test_the_sample_comes_out_as_when_run_alone(mixed_run, corpus_run):
    _, clean, _, _ = mixed_run
    did = pd.read_parquet(corpus_run.clean / "documents").query("file_name.str.startswith(@SAMPLE)")["document_id"]
    (did,) = did
    alone = sorted(p.relative_to(corpus_run.clean) for p in corpus_run.clean.glob(f"*/{did}.parquet"))
    mixed = sorted(p.relative_to(clean) for p in clean.glob(f"*/{did}.parquet"))
    assert alone == mixed
    for rel in alone:
        a, b = pd.read_parquet(corpus_run.clean / rel), pd.read_parquet(clean / rel)
        if rel.parts[0] == "documents":
            a, b = a.drop(columns="extracted_at"), b.drop(columns="extracted_at").query("file_name == @a.file_name[0]")
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))


def test_a_second_run_retries_nothing_that_failed_for_its_bytes(mixed_run):
    raw, _, _, (code, output, _) = mixed_run
    assert code == 0
    assert output.count("skipped ") == len(list(raw.glob("*.pdf"))), output
