"""Two runs writing the same clean dir at once (the nightly run and an auditor's forced re-run) never lose or
corrupt a document's outputs: each document is built under its own lock, so its files always come from one
extraction, and they equal those of a run alone."""
import os
import shutil
import subprocess
import sys

import pandas as pd

from pipelines.lib.extraction.process import document_id_of, sha256_of
from pipelines.lib.storage.state import document_is_current
from pipelines.lib.version import pipeline_version
from tests.pipelines.conftest import RAW, REPO

SAMPLES = ("000", "004")  # the two shortest samples
TWIN = "copy of 004.pdf"  # same bytes as a sample: one document, two rows


def _start(raw, clean, home, *extra):
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    cmd = [sys.executable, "-m", "pipelines.cli", "run", "--raw-dir", str(raw), "--clean-dir", str(clean), *extra]
    return subprocess.Popen(cmd, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_two_runs_at_once_leave_every_document_whole(corpus_run, tmp_path):
    raw, clean, home = tmp_path / "raw", tmp_path / "clean", tmp_path / "home"
    raw.mkdir()
    for number in SAMPLES:
        shutil.copy(next(RAW.glob(f"{number}_*.pdf")), raw)
    shutil.copy(next(RAW.glob(f"{SAMPLES[1]}_*.pdf")), raw / TWIN)
    nightly, audit = _start(raw, clean, home), _start(raw, clean, home, "--force")
    outputs = [p.communicate(timeout=600)[0] for p in (nightly, audit)]
    assert nightly.returncode == 0 and audit.returncode == 0, outputs

    docs = pd.read_parquet(clean / "documents")
    assert sorted(docs["file_name"]) == sorted(p.name for p in raw.glob("*.pdf"))
    assert (docs["status"] == "ok").all()
    for path in raw.glob("*.pdf"):  # every table's output comes from the extraction its documents row names
        sha = sha256_of(path)
        assert document_is_current(clean, document_id_of(sha), path.name, sha, pipeline_version()), path.name
    ids = set(docs["document_id"])
    alone = {p.relative_to(corpus_run.clean) for p in corpus_run.clean.glob("*/*.parquet") if p.stem in ids}
    assert alone == {p.relative_to(clean) for p in clean.glob("*/*.parquet")}
    for rel in sorted(alone):
        ours, single = pd.read_parquet(clean / rel), pd.read_parquet(corpus_run.clean / rel)
        if rel.parts[0] == "documents":
            ours = ours.drop(columns="extracted_at").query("file_name != @TWIN").reset_index(drop=True)
            single = single.drop(columns="extracted_at")
        pd.testing.assert_frame_equal(ours, single)
