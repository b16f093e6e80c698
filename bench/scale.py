"""Bench: end-to-end `dkbudget run` against extraction alone, on many short generated PDFs and the sample corpus.

Usage: python -m bench.scale [--n 240] [--pdfs DIR] [--repeats 3] [--skip-samples] [--out bench/RESULTS.md]

For each corpus (≥ 200 short PDFs printed by ReportLab and fpdf2 with `tests.producers.generate`, unless --pdfs
names a folder of PDFs; and data/raw), medians of `--repeats` rounds of:
- **extraction only**: every PDF through `pipelines.lib.extraction.process.extract_with_limits` (its limited child
  process, as the pipeline does), `DKBUDGET_WORKERS` documents at a time, in one process that has the code loaded; no
  Dagster, no parquet;
- **end to end**: a fresh `dkbudget run` process (imports, Dagster instance, runs, events, parquet, checks)
  into a new clean dir and Dagster home: the first run a user makes.
Bars (issue 13): end to end ≤ 1.5 × extraction only, and ≥ 40 pages/s end to end on the generated corpus.
The machine's load average and cores are printed with the figures: other work on the machine slows both sides.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from bench.sections import REPO, git_revision

RATIO_BAR = 1.5
PAGES_PER_SECOND_BAR = 40.0
DEFAULT_N = 240
DEFAULT_REPEATS = 3
PRODUCERS = "reportlab,fpdf2"
SECTION_BEGIN, SECTION_END = "<!-- scale:begin -->", "<!-- scale:end -->"


def generate(out: Path, n: int) -> Path:
    """Given a folder and a count, print `n` short PDFs there with the test producers; return the PDF folder."""
    subprocess.run([sys.executable, "-m", "tests.producers.generate", "--out", str(out), "--n", str(n),
                    "--producers", PRODUCERS, "--workers", "2"], cwd=REPO, check=True, capture_output=True)
    return out / "pdf"


def extraction_only(pdfs: list[Path], workers: int) -> tuple[float, int]:
    """Given PDFs and a worker count, extract them all as the pipeline does, without Dagster or parquet.

    Returns the wall seconds and the pages read.
    """
    from pipelines.lib.extraction.isolation import limits_from_env
    from pipelines.lib.extraction.process import extract_with_limits

    limits = limits_from_env()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda p: extract_with_limits(p, limits), pdfs))
    return time.perf_counter() - started, sum(r.document["n_pages"] for r in results)


def end_to_end(raw: Path, tmp: Path) -> tuple[float, int, int]:
    """Given a raw dir, run `dkbudget run` into a fresh clean dir and home; return seconds, pages, documents."""
    clean, home = tmp / "clean", tmp / "home"
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    cmd = [sys.executable, "-m", "pipelines.cli", "run", "--raw-dir", str(raw), "--clean-dir", str(clean)]
    started = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=REPO, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    docs = pd.read_parquet(clean / "documents")
    return seconds, int(docs.drop_duplicates("document_id")["n_pages"].sum()), len(docs)


def measure(name: str, raw: Path, repeats: int, workers: int) -> dict:
    """Given a corpus, return the medians of extraction-only and end-to-end time, with pages and load."""
    pdfs = sorted(raw.glob("*.pdf"))
    extraction_only(pdfs[:2], workers)  # start the forkserver (its imports) outside the timed rounds
    load_before = os.getloadavg()[0]
    ext, e2e, pages = [], [], 0
    for i in range(repeats):
        seconds, pages = extraction_only(pdfs, workers)
        ext.append(seconds)
        with tempfile.TemporaryDirectory(prefix="dkbudget-scale-") as tmp:
            seconds, pages_e2e, _ = end_to_end(raw, Path(tmp))
        e2e.append(seconds)
        print(f"{name} round {i + 1}: extraction only {ext[-1]:.1f} s, end to end {e2e[-1]:.1f} s "
              f"({pages} pages, {len(pdfs)} PDFs)", flush=True)
    ext_m, e2e_m = statistics.median(ext), statistics.median(e2e)
    return {"corpus": name, "pdfs": len(pdfs), "pages": pages, "extraction_s": ext_m, "e2e_s": e2e_m,
            "ratio": e2e_m / ext_m, "e2e_pages_per_s": pages / e2e_m, "extraction_pages_per_s": pages / ext_m,
            "load": (load_before, os.getloadavg()[0]), "runs": repeats}


def report(rows: list[dict], workers: int) -> str:
    """Given the measured rows, return the markdown section for bench/RESULTS.md."""
    commit = git_revision()
    lines = [SECTION_BEGIN, "## Scale: end to end against extraction only (`python -m bench.scale`)", "",
             f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at commit {commit}; {os.cpu_count()} cores, "
             f"DKBUDGET_WORKERS={workers}; medians of the rounds. The machine is shared: the 1-minute load average "
             "before and after each corpus is given (above the core count, other work competed for the cores).",
             "", "| corpus | PDFs | pages | extraction only (s) | end to end (s) | ratio (bar ≤ 1.5) | "
             "end-to-end pages/s (bar ≥ 40) | extraction pages/s | load before/after | rounds |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['corpus']} | {r['pdfs']} | {r['pages']} | {r['extraction_s']:.1f} | {r['e2e_s']:.1f} | "
                     f"{r['ratio']:.2f} | {r['e2e_pages_per_s']:.1f} | {r['extraction_pages_per_s']:.1f} | "
                     f"{r['load'][0]:.1f} / {r['load'][1]:.1f} | {r['runs']} |")
    lines += ["", "End to end is a fresh `dkbudget run` process into a new clean dir and Dagster home (sqlite): "
              "imports, the instance, the runs and their events, parquet, markers and checks. Extraction only is "
              "`extract_with_limits` over the same PDFs, as many at a time as the pipeline, in a warm process.",
              SECTION_END]
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    """Given RESULTS.md and the new section, replace its scale section (or append one)."""
    text = path.read_text() if path.exists() else ""
    if SECTION_BEGIN in text:
        head, rest = text.split(SECTION_BEGIN, 1)
        tail = rest.split(SECTION_END, 1)[1].lstrip("\n")
        text = head + section + ("\n" + tail if tail else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)


def main(argv: list[str] | None = None) -> int:
    """Given the command line, measure the corpora, print the table and exit 1 if a bar is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=DEFAULT_N, help="generated PDFs (when --pdfs is not given)")
    parser.add_argument("--pdfs", type=Path, default=None, help="a folder of PDFs to use instead of generating")
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS)
    parser.add_argument("--skip-samples", action="store_true", help="leave out the sample corpus (data/raw)")
    parser.add_argument("--out", type=Path, default=None, help="write the section into this RESULTS.md")
    args = parser.parse_args(argv)
    from pipelines.defs.documents.batch import workers_from_env

    workers = workers_from_env()
    rows = []
    with tempfile.TemporaryDirectory(prefix="dkbudget-scale-corpus-") as tmp:
        raw = args.pdfs.resolve() if args.pdfs else generate(Path(tmp), args.n)
        rows.append(measure("generated short PDFs", raw, args.repeats, workers))
    if not args.skip_samples:
        rows.append(measure("sample corpus (data/raw)", REPO / "data" / "raw", args.repeats, workers))
    section = report(rows, workers)
    print(section)
    if args.out:
        write_section(args.out, section)
    generated = rows[0]
    ok = all(r["ratio"] <= RATIO_BAR for r in rows) and generated["e2e_pages_per_s"] >= PAGES_PER_SECOND_BAR
    print("bars met" if ok else "a bar is missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
