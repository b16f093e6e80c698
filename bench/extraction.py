"""Extraction benchmark: our extractor and the peers on the sample corpus, scored by the shared scorer, timed.

    python -m bench.extraction [--peers all|none|name,...] [--repeat N] [--slow-repeat N] [--max-pages N]
                               [--out bench/RESULTS.md]

Each tool turns every PDF of the raw dir into `documents` / `tables` / `table_cells` rows (CONTRACT.md); the
rows are written to a temp clean dir and scored with ../shared/eval/score.py. Speed is pages per second over
the corpus: the time of PDF -> contract rows only (no document recognition, writing or scoring), the median over
the repeated runs.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench.peers import PEER_MODULES, PEERS, SLOW_PEERS, peer_records
from bench.sections import git_revision, kept_sections

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_RAW = REPO / "data" / "raw"
VENDORED = REPO / "tests" / "fixtures" / "eval"  # a copy of the kit, for a clone without ../shared
DEFAULT_SCORER = SHARED / "eval" / "score.py" if (SHARED / "eval" / "score.py").is_file() else VENDORED / "score.py"
DEFAULT_GOLD_MAP = (SHARED / "eval" / "gold_map.dev.json" if (SHARED / "eval" / "gold_map.dev.json").is_file()
                    else VENDORED / "gold_map.json")
DEFAULT_OUT = REPO / "bench" / "RESULTS.md"
DEFAULT_REPEAT = 3
DEFAULT_SLOW_REPEAT = 1
OURS = "dkbudget"
DOCUMENT_ID_CHARS = 16
SCORE_TIMEOUT_S = 900
REGENERATE = "python -m bench.extraction --peers all --out bench/RESULTS.md"
# Figures of the scorer's JSON summary shown side by side, with their column titles.
FIGURES = (
    ("generic_numeric_recall", "num recall"),
    ("generic_numeric_precision", "num precision"),
    ("text_recall", "text recall"),
    ("generic_numeric_recall_lenient", "num recall (lenient)"),
    ("text_precision", "text precision"),
)

Records = tuple[list[dict], list[dict]]
Extract = Callable[[Path, str], Records]


@dataclass
class DocResult:
    """One tool's output for one PDF: its contract rows, or the one-line error that stopped it."""

    pdf: Path
    n_pages: int
    tables: list[dict] = field(default_factory=list)
    cells: list[dict] = field(default_factory=list)
    error: str | None = None


@dataclass
class ToolResult:
    """One tool over the corpus: the first run's outputs, the seconds of every run, and the scorer's figures."""

    name: str
    docs: list[DocResult]
    seconds: list[float]
    cpu_seconds: list[float] = field(default_factory=list)
    summary: dict = field(default_factory=dict)
    per_doc: dict[str, dict] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        """The number of pages the tool read per run."""
        return sum(d.n_pages for d in self.docs)

    @property
    def pages_per_second(self) -> float:
        """The median over runs of pages per wall-clock second."""
        return _median_rate(self.pages, self.seconds)

    @property
    def pages_per_cpu_second(self) -> float:
        """The median over runs of pages per CPU second of this process (all its threads)."""
        return _median_rate(self.pages, self.cpu_seconds)


def _median_rate(pages: int, seconds: list[float]) -> float:
    """Given a page count and the seconds of each run, return the median pages per second (0 without runs)."""
    rates = [pages / s for s in seconds if s > 0]
    return statistics.median(rates) if rates else 0.0


def sha256_of(path: Path) -> str:
    """Given a file path, return the hex SHA-256 of its bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def page_count(path: Path) -> int:
    """Given a PDF path, return its number of pages."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def first_pages_copy(src: Path, max_pages: int, folder: Path) -> Path:
    """Given a PDF, a page limit and a folder, return a copy of its first pages there, under the same name."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(src))
    out = pypdfium2.PdfDocument.new()
    try:
        out.import_pages(pdf, list(range(min(max_pages, len(pdf)))))
        dest = folder / src.name
        out.save(str(dest))
        return dest
    finally:
        out.close()
        pdf.close()


def ours(pdf: Path, document_id: str) -> Records:
    """Given a PDF and its document id, return our extractor's `tables` and `table_cells` rows."""
    from extractors.records import table_records
    from extractors.tables import extract_tables

    return table_records(document_id, extract_tables(pdf))


def peer(name: str) -> Extract:
    """Given a peer's name, return a function PDF, document id -> its contract rows."""
    adapter = PEERS[name]

    def run(pdf: Path, document_id: str) -> Records:
        """Given a PDF and its document id, return the peer's `tables` and `table_cells` rows."""
        return peer_records(document_id, adapter(pdf, None))
    return run


def warm_up(name: str) -> None:
    """Given a tool name, import its modules so that import time is not counted as extraction time."""
    modules = ("extractors.tables", "extractors.records") if name == OURS else (PEER_MODULES[name],)
    for module in modules:
        importlib.import_module(module)


def cpu_time() -> float:
    """Return the CPU seconds used so far by this process, its live child processes (e.g. our extractor's worker
    pool) and its reaped children."""
    t = os.times()
    total = t.user + t.system + t.children_user + t.children_system
    try:
        import psutil
    except ImportError:  # without psutil, live workers are not counted
        return total
    for child in psutil.Process().children(recursive=True):
        try:
            c = child.cpu_times()
        except psutil.Error:
            continue
        total += c.user + c.system
    return total


def run_tool(name: str, extract: Extract, pdfs: list[Path], repeat: int) -> ToolResult:
    """Given a tool, the PDFs and a run count, run it `repeat` times; keep the first run's rows and all timings."""
    warm_up(name)
    ids = {pdf: sha256_of(pdf)[:DOCUMENT_ID_CHARS] for pdf in pdfs}
    pages = {pdf: page_count(pdf) for pdf in pdfs}
    docs: list[DocResult] | None = None
    seconds, cpu_seconds = [], []
    for _ in range(max(1, repeat)):
        run_docs = []
        start, cpu_start = time.perf_counter(), cpu_time()
        for pdf in pdfs:
            doc = DocResult(pdf=pdf, n_pages=pages[pdf])
            try:
                doc.tables, doc.cells = extract(pdf, ids[pdf])
            except Exception as exc:  # noqa: BLE001 - a peer failing on a document is a result, not a crash
                doc.error = f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:300]
            run_docs.append(doc)
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(cpu_time() - cpu_start)
        docs = docs if docs is not None else run_docs
    return ToolResult(name=name, docs=docs or [], seconds=seconds, cpu_seconds=cpu_seconds)


def tool_version(name: str) -> str:
    """Given a tool name, return the version string written as its `pipeline_version`."""
    if name == OURS:
        from pipelines.lib.version import pipeline_version

        return pipeline_version()
    return f"{name} {importlib.import_module(PEER_MODULES[name]).__version__}"


def document_facts(pdf: Path) -> dict:
    """Given a PDF, return our recognition of it (kind, municipality, title) via domain.documents, if present."""
    try:
        from domain.documents import recognise_document
        from pipelines.lib.extraction.pdf_text import read_first_lines
    except ImportError:
        return dict(kind="unknown", municipality=None, title=None)

    _, lines = read_first_lines(pdf)
    facts = recognise_document(lines)
    return dict(kind=facts.kind, municipality=facts.municipality, title=facts.title)


def write_clean(result: ToolResult, clean: Path, recognise: bool) -> None:
    """Given a tool's result and a clean dir, write its documents / tables / table_cells per CONTRACT.md."""
    from pipelines.lib.storage.writer import write_table

    version = tool_version(result.name)
    for doc in result.docs:
        sha = sha256_of(doc.pdf)
        did = sha[:DOCUMENT_ID_CHARS]
        facts = document_facts(doc.pdf) if recognise else dict(kind="unknown", municipality=None, title=None)
        row = dict(document_id=did, file_name=doc.pdf.name, sha256=sha, n_pages=doc.n_pages, **facts,
                   status="failed" if doc.error else "ok", error=doc.error, n_tables=len(doc.tables),
                   extracted_at=datetime.now(UTC), pipeline_version=version)
        write_table(clean, "documents", did, [row])
        write_table(clean, "tables", did, doc.tables)
        write_table(clean, "table_cells", did, doc.cells)


def score(clean: Path, scorer: Path, gold_map: Path) -> dict:
    """Given a clean dir, the scorer and a gold map, run the scorer and return its JSON output."""
    out = clean / "score.json"
    proc = subprocess.run([sys.executable, str(scorer), "--clean", str(clean), "--gold-map", str(gold_map),
                           "--json", str(out)], capture_output=True, text=True, timeout=SCORE_TIMEOUT_S)
    if proc.returncode != 0 or not out.exists():
        raise RuntimeError(f"score.py failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def evaluate(result: ToolResult, scorer: Path, gold_map: Path) -> None:
    """Given a tool's result, write it to a temp clean dir, score it and store the figures on the result."""
    with tempfile.TemporaryDirectory(prefix=f"bench-{result.name}-") as tmp:
        write_clean(result, Path(tmp), recognise=result.name == OURS)
        out = score(Path(tmp), scorer, gold_map)
    result.summary = out["summary"]
    result.per_doc = {g["pdf"]: g["counts"] for g in out["generic"]}


def selected_peers(arg: str) -> list[str]:
    """Given the --peers argument (all, none or comma-separated names), return the peer names in bench order."""
    if arg == "all":
        return list(PEERS)
    if arg == "none":
        return []
    names = [n.strip() for n in arg.split(",") if n.strip()]
    unknown = [n for n in names if n not in PEERS]
    if unknown:
        raise SystemExit(f"unknown peers {unknown}; known: {', '.join(PEERS)}")
    return names


def _ratio(a: float, b: float) -> float:
    """Given a numerator and a denominator, return their ratio (0 without a denominator)."""
    return a / b if b else 0.0


def results_table(results: list[ToolResult]) -> list[str]:
    """Given scored results, return the side-by-side comparison as markdown lines."""
    head = ["tool", *(title for _, title in FIGURES), "tables found", "gold tables unmatched", "pages/s",
            "pages/CPU-s", "runs"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        s = r.summary
        cells = [f"**{r.name}**" if r.name == OURS else r.name, *(f"{s.get(k, 0):.3f}" for k, _ in FIGURES),
                 str(s.get("found_tables", 0)), f"{s.get('zero_tables', 0)}/{s.get('gold_tables', 0)}",
                 f"{r.pages_per_second:.1f}", f"{r.pages_per_cpu_second:.1f}", str(len(r.seconds))]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def per_document_table(results: list[ToolResult]) -> list[str]:
    """Given scored results, return numeric recall per document and tool as markdown lines."""
    pdfs = list(results[0].per_doc) if results else []
    lines = ["| document | " + " | ".join(r.name for r in results) + " |", "|" + "---|" * (len(results) + 1)]
    for pdf in pdfs:
        vals = [_ratio(r.per_doc.get(pdf, {}).get("numeric", 0), r.per_doc.get(pdf, {}).get("gold_numeric", 0))
                for r in results]
        lines.append(f"| {pdf} | " + " | ".join(f"{v:.3f}" for v in vals) + " |")
    return lines


def _our_workers() -> int:
    """Return how many worker processes our extractor reads page layouts with."""
    from extractors.settings import DEFAULT_SETTINGS

    return DEFAULT_SETTINGS.workers


def report(results: list[ToolResult], args: argparse.Namespace, load: float) -> str:
    """Given scored results, the options and the load average at the start, return RESULTS.md as text."""
    pages = results[0].pages if results else 0
    failures = [f"{r.name}: {d.pdf.name}: {d.error}" for r in results for d in r.docs if d.error]
    slow = [r.name for r in results if len(r.seconds) < args.repeat]
    lines = [
        "# Extraction benchmark: dkbudget vs. peers",
        "",
        "Regenerate with one command from the repo root (in the project venv, `pip install -e .[bench]`):",
        "",
        "```sh",
        REGENERATE,
        "```",
        "",
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at commit {git_revision()} on "
        f"{platform.machine()} / Python {platform.python_version()}; {len(results[0].docs) if results else 0} PDFs, "
        f"{pages} pages{f' (first {args.max_pages} of each)' if args.max_pages else ''}. Scores: "
        "`../shared/eval/score.py` (generic layer, exact labels unless marked lenient; gold: "
        f"{results[0].summary.get('gold_tables', 0) if results else 0} tables).",
        "",
        *results_table(results),
        "",
        "Numeric recall per document:",
        "",
        *per_document_table(results),
        "",
        "## How it is measured",
        "",
        "- **pages/s** is corpus pages / wall seconds of PDF -> contract rows (`tables` + `table_cells`), median "
        f"of the runs (**runs**); `--repeat {args.repeat}` for ours and the fast peers"
        + (f", `--slow-repeat {args.slow_repeat}` for {', '.join(slow)} (minutes per run)" if slow else "")
        + ". **pages/CPU-s** divides by the CPU seconds used instead (the bench process, all its threads and "
        "child processes), which depends less on what else the machine runs. Our extractor reads the pages of a "
        f"long document in a pool of {_our_workers()} worker processes (`extractors/settings.py`), so its "
        "wall-clock figure can use several cores; the peers run in one process, as they do by default. Document "
        "recognition, parquet writing and scoring are not timed. This machine has "
        f"{os.cpu_count()} cores shared with other work; the 1-minute load average "
        f"was {load:.1f} when the run started (above {os.cpu_count()} the bench competed for the cores, and its "
        "wall-clock speeds are lower than on an idle machine).",
        "- **ours**: `extractors.tables.extract_tables` + `extractors.records.table_records`; the `documents` kind "
        "comes from `domain.documents` recognition.",
        "- **peers** (`bench/peers.py`): camelot 2 `read_pdf(pages='all', flavor=...)` (pdfium backend, no "
        "ghostscript), pdfplumber's default `page.find_tables()`, PyMuPDF's default `page.find_tables()` (PyMuPDF 2 "
        "gates it by its ONNX layout model; `pymupdf-nolayout` is `use_layout=False`, the line-based finder "
        "alone), all with "
        "default settings. Each peer table becomes contract rows as a user would read it: its first row is the "
        "header, the label column is the first column whose body cells are mostly text (>= 3 characters, not a "
        "number), `value` is `normalizers.numbers.cell_value`, text is `normalizers.labels.clean_text`; no caption, "
        "no cross-page stitching. Kinds are `unknown` for peers (only generic figures are compared).",
    ]
    if failures:
        lines += ["", "Documents a tool failed on (scored as empty):", "", *(f"- {f}" for f in failures)]
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Given the command line, return the options."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peers", default="all", help=f"all, none, or comma-separated of: {', '.join(PEERS)}")
    ap.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="timed runs for ours and fast peers")
    ap.add_argument("--slow-repeat", type=int, default=DEFAULT_SLOW_REPEAT,
                    help=f"timed runs for the slow peers ({', '.join(sorted(SLOW_PEERS))})")
    ap.add_argument("--out", type=Path, default=None, help="also write the report here (e.g. bench/RESULTS.md)")
    ap.add_argument("--raw-dir", type=Path, default=DEFAULT_RAW)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--gold-map", type=Path, default=DEFAULT_GOLD_MAP)
    ap.add_argument("--max-pages", type=int, default=0, help="only the first N pages of each PDF (for development)")
    ap.add_argument("--no-ours", action="store_true", help="run the peers only")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> list[ToolResult]:
    """Given the command line, run, score and time every selected tool, print the comparison, return results."""
    args = parse_args(argv)
    tools: list[tuple[str, Extract]] = [] if args.no_ours else [(OURS, ours)]
    tools += [(name, peer(name)) for name in selected_peers(args.peers)]
    load = os.getloadavg()[0]
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-raw-") as tmp:
        pdfs = sorted(args.raw_dir.glob("*.pdf"))
        if args.max_pages:
            pdfs = [first_pages_copy(p, args.max_pages, Path(tmp)) for p in pdfs]
        for name, extract in tools:
            repeat = args.slow_repeat if name in SLOW_PEERS else args.repeat
            print(f"[bench] {name}: {repeat} run(s) over {len(pdfs)} PDFs ...", file=sys.stderr, flush=True)
            result = run_tool(name, extract, pdfs, repeat)
            evaluate(result, args.scorer, args.gold_map)
            print(f"[bench] {name}: {result.pages_per_second:.1f} pages/s, "
                  f"num recall {result.summary.get('generic_numeric_recall', 0):.3f}", file=sys.stderr, flush=True)
            results.append(result)
    text = report(results, args, load)
    print(text)
    if args.out:
        args.out.write_text(text + kept_sections(args.out), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
