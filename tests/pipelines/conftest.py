"""One full `dkbudget run` over the sample corpus per test session, into a temporary clean dir and Dagster home."""
import contextlib
import io
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipelines.cli import main

REPO = Path(__file__).resolve().parents[2]
RAW = REPO / "data" / "raw"


@dataclass
class CorpusRun:
    """The dirs of the session's corpus run, its exit code, printed report and wall time."""

    raw: Path
    clean: Path
    home: Path
    exit_code: int
    output: str
    seconds: float


@pytest.fixture(scope="session")
def dagster_home(tmp_path_factory):
    """A temporary DAGSTER_HOME for the whole session (restored afterwards)."""
    home = tmp_path_factory.mktemp("dagster_home")
    old = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)
    yield home
    if old is None:
        os.environ.pop("DAGSTER_HOME", None)
    else:
        os.environ["DAGSTER_HOME"] = old


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory, dagster_home):
    """Run `dkbudget run` once over data/raw into a fresh clean dir."""
    clean = tmp_path_factory.mktemp("clean")
    code, output, seconds = run_cli(["run", "--raw-dir", str(RAW), "--clean-dir", str(clean)])
    return CorpusRun(RAW, clean, dagster_home, code, output, seconds)


def run_cli(argv: list[str]) -> tuple[int, str, float]:
    """Given CLI arguments, run `dkbudget` in-process; return its exit code, printed report and wall seconds."""
    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = main(argv)
    return code, out.getvalue(), time.perf_counter() - started


def assert_same_outputs(clean: Path, reference: Path) -> None:
    """Given a clean dir and a reference clean dir, assert that every parquet file of the first equals the same
    file of the reference (documents rows apart from when they were extracted)."""
    import pandas as pd

    for path in sorted(clean.glob("*/*.parquet")):
        ours = pd.read_parquet(path)
        theirs = pd.read_parquet(reference / path.relative_to(clean))
        if path.parent.name == "documents":
            ours, theirs = ours.drop(columns="extracted_at"), theirs.drop(columns="extracted_at")
        pd.testing.assert_frame_equal(ours, theirs)
