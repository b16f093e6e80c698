"""Bench: wall time of `dkbudget run` over a raw dir when nothing changed (the incremental skip), median of N.

Usage: python bench/noop_rerun.py [--raw-dir data/raw] [--repeats 3]
Runs the CLI as a user does (a fresh process each time), into a temporary clean dir and Dagster home: one
priming run (extracts everything, not timed), then N timed re-runs that must skip every document.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_SECONDS = 5.0  # issue 2: a no-op re-run of the sample corpus takes at most 5 s wall
DEFAULT_REPEATS = 3


def run_cli(raw: Path, clean: Path, env: dict[str, str]) -> tuple[float, str]:
    """Given raw and clean dirs, run `dkbudget run` in a fresh process; return its wall seconds and output."""
    cmd = [sys.executable, "-m", "pipelines.cli", "run", "--raw-dir", str(raw), "--clean-dir", str(clean)]
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout


def main(argv: list[str] | None = None) -> int:
    """Given the command line, print the priming time and the no-op re-run times; exit 1 over budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw-dir", default="data/raw")
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS)
    args = parser.parse_args(argv)
    raw = Path(args.raw_dir).resolve()
    n_pdfs = len(list(raw.glob("*.pdf")))
    with tempfile.TemporaryDirectory(prefix="dkbudget-bench-") as tmp:
        clean = Path(tmp) / "clean"
        env = {**os.environ, "DAGSTER_HOME": str(Path(tmp) / "dagster_home")}
        prime, _ = run_cli(raw, clean, env)
        print(f"priming run (extracts {n_pdfs} PDFs): {prime:.2f} s")
        times = []
        for i in range(args.repeats):
            seconds, out = run_cli(raw, clean, env)
            skipped = out.count("skipped ")
            print(f"no-op re-run {i + 1}: {seconds:.2f} s ({skipped}/{n_pdfs} skipped)")
            if skipped != n_pdfs:
                print("not a no-op: some document was re-run\n" + out)
                return 1
            times.append(seconds)
    median = statistics.median(times)
    print(f"median no-op re-run: {median:.2f} s (budget {BUDGET_SECONDS:.1f} s) -> "
          f"{'OK' if median <= BUDGET_SECONDS else 'OVER BUDGET'}")
    return 0 if median <= BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
