"""ICDAR 2013 Table Competition: our extractor beside camelot (hybrid, lattice, stream) and pdfplumber, end to end,
scored with the competition's cell adjacency-relation metric, timed.

    python -m bench.icdar [--data ../shared/corpus/icdar2013] [--tools ours,camelot-hybrid,...] [--repeat 3]
                          [--slow-repeat 1]
                          [--results bench/RESULTS.md] [--no-write]

The dataset and the metric live outside the repo: `../shared/corpus/icdar2013/` (competition-dataset-eu/, and
competition-dataset-us/ where it is present) and `../shared/eval/icdar.py`, whose `predict` (the tools as its
`--tool` options run them) and `score_doc` this script calls, so its figures equal `icdar.py score`. Without
them it says so and exits 0. The figures are written between the `icdar` markers of bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

from bench.extraction import REPO, SHARED, cpu_time, page_count
from bench.sections import git_revision, markers, replace_section

SECTION = "icdar"
DEFAULT_DATA = SHARED / "corpus" / "icdar2013"
DEFAULT_METRIC = SHARED / "eval" / "icdar.py"
DEFAULT_RESULTS = REPO / "bench" / "RESULTS.md"
TOOLS = ("ours", "camelot-hybrid", "camelot-lattice", "camelot-stream", "pdfplumber")
# The modules a tool imports, loaded before the clock starts so that import time is not extraction time.
TOOL_MODULES = {"ours": "extractors.tables", "camelot-hybrid": "camelot", "camelot-lattice": "camelot",
                "camelot-stream": "camelot", "pdfplumber": "pdfplumber"}
# Tools that take minutes over the dataset: timed fewer times by default.
SLOW = frozenset({"camelot-hybrid", "camelot-lattice"})
# Parts of the dataset: (key for icdar.py's --only, folder, name in the report).
PARTS = (("eu", "competition-dataset-eu", "EU documents"), ("us", "competition-dataset-us", "US documents"))


@dataclass
class ToolRun:
    """One tool over one part of the dataset: relation counts per document, errors and the timings of each run."""

    tool: str
    counts: dict[str, tuple[int, int, int]]  # document -> (correct, predicted, ground-truth) relations
    errors: dict[str, str]
    pages: int
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)

    def doc_f1(self, stem: str) -> float:
        """Given a document, return the tool's F1 on it."""
        c, p, g = self.counts[stem]
        return f1(c / p if p else 0.0, c / g if g else 0.0)

    def figures(self) -> dict[str, float]:
        """Return per-document average precision / recall (and their F1) and micro precision / recall / F1, as
        `icdar.py score` computes them, plus pages per wall second and per CPU second (medians over runs)."""
        n = len(self.counts) or 1
        ap = sum(c / p if p else 0.0 for c, p, _ in self.counts.values()) / n
        ar = sum(c / g if g else 0.0 for c, _, g in self.counts.values()) / n
        c, p, g = (sum(v[i] for v in self.counts.values()) for i in range(3))
        mp, mr = (c / p if p else 0.0), (c / g if g else 0.0)
        return dict(avg_p=ap, avg_r=ar, avg_f1=f1(ap, ar), micro_p=mp, micro_r=mr, micro_f1=f1(mp, mr),
                    pages_s=_median_rate(self.pages, self.seconds), pages_cpu_s=_median_rate(self.pages,
                                                                                               self.cpu_seconds))


def f1(p: float, r: float) -> float:
    """Given precision and recall, return their harmonic mean (0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def _median_rate(pages: int, seconds: list[float]) -> float:
    """Given a page count and the seconds of each run, return the median pages per second (0 without runs)."""
    rates = [pages / s for s in seconds if s > 0]
    return statistics.median(rates) if rates else 0.0


def load_metric(path: Path) -> ModuleType:
    """Given the path of ../shared/eval/icdar.py, import it as a module."""
    spec = importlib.util.spec_from_file_location("shared_eval_icdar", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_tool(metric: ModuleType, tool: str, docs: dict[str, dict], repeat: int) -> ToolRun:
    """Given the metric module, a tool, the documents of a part ({stem: {"pdf", "gts"}}) and a run count, run the
    tool `repeat` times over every PDF (icdar.py's `predict`), score the first run's tables per document."""
    importlib.import_module(TOOL_MODULES[tool])
    run = ToolRun(tool, {}, {}, sum(page_count(d["pdf"]) for d in docs.values()))
    first: dict[str, list[dict]] | None = None
    for _ in range(max(1, repeat)):
        out: dict[str, list[dict]] = {}
        start, cpu_start = time.perf_counter(), cpu_time()
        for stem, d in docs.items():
            try:
                out[stem] = metric.predict(tool, d["pdf"])
            except Exception as exc:  # noqa: BLE001 - a tool failing on a document is a result, not a crash
                run.errors[stem] = f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:200]
                out[stem] = []
        run.seconds.append(time.perf_counter() - start)
        run.cpu_seconds.append(cpu_time() - cpu_start)
        first = first if first is not None else out
    run.counts = {stem: tuple(metric.score_doc((first or {}).get(stem, []), d["gts"])) for stem, d in docs.items()}
    return run


def _tool_name(tool: str) -> str:
    return "**ours** (dkbudget)" if tool == "ours" else tool


def part_markdown(title: str, runs: list[ToolRun]) -> list[str]:
    """Given a part's title and its tool runs, return its summary table and per-document F1 table."""
    n_docs = len(runs[0].counts) if runs else 0
    lines = [f"### {title} ({n_docs} documents, {runs[0].pages if runs else 0} pages)", "",
             "| tool | micro F1 | per-doc F1 | micro P | micro R | per-doc P | per-doc R | pages/s | pages/CPU-s | "
             "runs | errors |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in runs:
        f = r.figures()
        lines.append(f"| {_tool_name(r.tool)} | {f['micro_f1']:.3f} | {f['avg_f1']:.3f} | {f['micro_p']:.3f} | "
                     f"{f['micro_r']:.3f} | {f['avg_p']:.3f} | {f['avg_r']:.3f} | {f['pages_s']:.1f} | "
                     f"{f['pages_cpu_s']:.1f} | {len(r.seconds)} | {len(r.errors)} |")
    lines += ["", "F1 per document (relations correct / predicted / ground truth for ours):", "",
              "| document | " + " | ".join(r.tool for r in runs) + " | ours c / p / gt |",
              "|---|" + "---|" * (len(runs) + 1)]
    ours = next((r for r in runs if r.tool == "ours"), None)
    for stem in (runs[0].counts if runs else {}):
        cpg = " / ".join(str(v) for v in ours.counts[stem]) if ours else ""
        lines.append(f"| {stem} | " + " | ".join(f"{r.doc_f1(stem):.3f}" for r in runs) + f" | {cpg} |")
    failures = [f"{r.tool}: {stem}: {e}" for r in runs for stem, e in r.errors.items()]
    if failures:
        lines += ["", "Documents a tool failed on (scored as no tables):", "", *(f"- {x}" for x in failures)]
    return lines + [""]


def markdown(parts: list[tuple[str, list[ToolRun]]], missing: list[str], meta: dict) -> str:
    """Given the runs of each part, the parts not present and run facts, return the RESULTS.md section."""
    begin, end = markers(SECTION)
    lines = [
        begin,
        "## ICDAR 2013 Table Competition: end to end, cell adjacency relations",
        "",
        f"Generated {meta['when']} UTC by `{meta['command']}` at commit {meta['commit']} on {platform.machine()} / "
        f"Python {platform.python_version()}; data `../shared/corpus/icdar2013`, metric `../shared/eval/icdar.py` "
        f"(its `predict` runs each tool, its `score_doc` counts the relations, so the figures equal `icdar.py "
        f"score`). 1-minute load average at the start: {meta['load']:.1f} on {os.cpu_count()} cores shared with "
        "other work (wall-clock pages/s are lower when it is high; pages/CPU-s depends less on it).",
        "",
        "- **micro F1**: precision and recall over all relations of the part; **per-doc F1**: F1 of the average "
        "per-document precision and recall (the competition's figure). Every table of a document counts: a "
        "predicted table that is not a ground-truth table adds false relations; a document with a/b ground truths "
        "keeps the better one.",
        "- **ours**: `extractors.tables.extract_tables`, header row = the table's `columns`, then its body rows; "
        "**camelot** 2 `read_pdf(pages='all', flavor=...)`, **pdfplumber** `page.extract_tables()`, all with "
        "default settings. pages/s: pages of the part / wall seconds of PDF -> grids (imports before the clock), "
        "median of the runs; our extractor reads long documents with a pool of 2 worker processes.",
        "",
    ]
    for title, runs in parts:
        lines += part_markdown(title, runs)
    for title in missing:
        lines += [f"### {title}", "", "Not in `../shared/corpus/icdar2013` here: this part of the dataset is kept "
                  "for evaluation, so it is not measured in this run.", ""]
    lines.append(end)
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Given the command line, return the options."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding competition-dataset-eu/ (-us/)")
    ap.add_argument("--metric", type=Path, default=DEFAULT_METRIC, help="../shared/eval/icdar.py")
    ap.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated of: {', '.join(TOOLS)}")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of ours, camelot-stream and pdfplumber")
    ap.add_argument("--slow-repeat", type=int, default=1, help=f"timed runs of {', '.join(sorted(SLOW))}")
    ap.add_argument("--results", type=Path, default=DEFAULT_RESULTS)
    ap.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> list[tuple[str, list[ToolRun]]]:
    """Given the command line, run and score every tool on every part present, print and write the section;
    return the runs per part (empty when the data or the metric is absent)."""
    args = parse_args(argv)
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = set(tools) - set(TOOLS)
    if unknown:
        raise SystemExit(f"unknown tool(s): {', '.join(sorted(unknown))}; choose from {', '.join(TOOLS)}")
    present = [p for p in PARTS if any((args.data / p[1]).glob("*.pdf"))]
    if not args.metric.is_file() or not present:
        print(f"[icdar] skipped: needs {args.metric} and PDFs under {args.data}/competition-dataset-eu (or -us); "
              "they live in ../shared, which this checkout does not have", file=sys.stderr)
        return []
    metric = load_metric(args.metric)
    load = os.getloadavg()[0]
    parts = []
    for key, _, title in present:
        docs = metric.documents(args.data, key)
        runs = []
        for tool in tools:
            repeat = args.slow_repeat if tool in SLOW else args.repeat
            print(f"[icdar] {title}: {tool}, {repeat} run(s) over {len(docs)} PDFs ...", file=sys.stderr, flush=True)
            run = run_tool(metric, tool, docs, repeat)
            f = run.figures()
            print(f"[icdar] {title}: {tool}: micro F1 {f['micro_f1']:.3f}, per-doc F1 {f['avg_f1']:.3f}, "
                  f"{f['pages_s']:.1f} pages/s", file=sys.stderr, flush=True)
            runs.append(run)
        parts.append((title, runs))
    missing = [p[2] for p in PARTS if p not in present]
    command = "python -m bench.icdar" + (f" --repeat {args.repeat}" if args.repeat != 3 else "") + (
        f" --slow-repeat {args.slow_repeat}" if args.slow_repeat != 1 else "") + (
        f" --tools {args.tools}" if tools != list(TOOLS) else "")
    meta = dict(when=f"{datetime.now(UTC):%Y-%m-%d %H:%M}", command=command, commit=git_revision(), load=load)
    section = markdown(parts, missing, meta)
    print(section)
    if not args.no_write:
        replace_section(args.results, section, SECTION)
    return parts


if __name__ == "__main__":
    main()
