"""Bench: wall time and size of `dkbudget audit` (one document's report) for a 155-page document, median of N.

Usage: python -m bench.audit [--pages 155] [--repeats 3]
Issue 14's bar: the report of a 155-page document is built in <= 10 s and stays below ~30 MB. Two documents:
- the sample 002 (155 pages, tables on some of them: only those pages are rendered);
- a worst case built here: 155 pages that ALL hold tables (the samples' table pages, repeated, joined with
  pypdfium2), extracted by `dkbudget run` first (not timed).
Everything runs in a temporary clean dir and Dagster home; the report is built as `dkbudget audit` builds it.
"""
from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pypdfium2 as pdfium

from reports.build import build_report

BUDGET_SECONDS = 10.0
BUDGET_MB = 30.0
DEFAULT_PAGES = 155
DEFAULT_REPEATS = 3
RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
LONG_SAMPLE = "002_udvalg-satspulje-2019.pdf"


def run_pipeline(raw: Path, clean: Path, home: Path) -> None:
    """Given raw and clean dirs, extract every PDF with `dkbudget run` in a fresh process."""
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    cmd = [sys.executable, "-m", "pipelines.cli", "run", "--raw-dir", str(raw), "--clean-dir", str(clean)]
    subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)


def table_pages(clean: Path) -> list[tuple[str, int]]:
    """Given a clean dir, return (file name, page) of every page holding a table cell, in document order."""
    names = {r["document_id"]: r["file_name"] for r in pq.read_table(clean / "documents").to_pylist()}
    cells = pq.read_table(clean / "table_cells", columns=["document_id", "page"]).to_pylist()
    return sorted({(names[c["document_id"]], c["page"]) for c in cells})


def join_pages(pages: list[tuple[str, int]], n: int, raw: Path, out: Path) -> None:
    """Given (file name, page) pairs, write a PDF of `n` pages cycling through them."""
    target = pdfium.PdfDocument.new()
    sources: dict[str, pdfium.PdfDocument] = {}
    for name, page in itertools.islice(itertools.cycle(pages), n):
        src = sources.setdefault(name, pdfium.PdfDocument(str(raw / name)))
        target.import_pages(src, [page - 1])
    target.save(str(out))
    for src in sources.values():
        src.close()
    target.close()


def time_report(clean: Path, raw: Path, document: str, out: Path, repeats: int) -> tuple[float, list[float], dict]:
    """Given a clean dir and a document, build its report `repeats` times; return the median, times and facts."""
    times, last = [], None
    for _ in range(repeats):
        last = build_report(clean, raw, document, out)
        times.append(last.seconds)
    facts = {"pages rendered": last.pages_rendered, "cells": last.cells, "MB": round(last.size_bytes / 1e6, 1)}
    return statistics.median(times), times, facts


def main(argv: list[str] | None = None) -> int:
    """Given the command line, print the report times and sizes; exit 1 over the time or size budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=DEFAULT_PAGES)
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS)
    args = parser.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory(prefix="dkbudget-bench-audit-") as tmp:
        tmp_path = Path(tmp)
        samples_clean, worst_raw, worst_clean = tmp_path / "clean", tmp_path / "raw", tmp_path / "clean-worst"
        run_pipeline(RAW, samples_clean, tmp_path / "home")
        worst_raw.mkdir()
        worst = worst_raw / f"all-table-pages-{args.pages}.pdf"
        join_pages(table_pages(samples_clean), args.pages, RAW, worst)
        run_pipeline(worst_raw, worst_clean, tmp_path / "home")
        for label, clean, raw, doc in ((f"{LONG_SAMPLE} (155 pages)", samples_clean, RAW, LONG_SAMPLE),
                                       (f"{worst.name} (every page a table)", worst_clean, worst_raw, worst.name)):
            median, times, facts = time_report(clean, raw, doc, tmp_path / "audit", args.repeats)
            within = median <= BUDGET_SECONDS and facts["MB"] <= BUDGET_MB
            ok &= within
            print(f"{label}: {', '.join(f'{t:.2f}' for t in times)} s, median {median:.2f} s; "
                  + ", ".join(f"{k} {v}" for k, v in facts.items())
                  + f" (budget {BUDGET_SECONDS:.0f} s, {BUDGET_MB:.0f} MB) -> {'OK' if within else 'OVER BUDGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
