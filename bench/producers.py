"""Robustness sweep: PDFs of the gold tables from five producers in random styles, read by our extractor and
scored by the shared scorer, per producer x style family and per split, next to the shipped samples.

    python -m bench.producers [--n 300] [--documents 2] [--seed 0] [--keep DIR] [--results bench/RESULTS.md]
                              [--producers reportlab,fpdf2,weasyprint,chromium,libreoffice] [--no-write]

The generator is `tests/producers` (README there): seeds below 1,000,000 are the tune split, the rest the
holdout split. The figures are written between the markers below in bench/RESULTS.md (the rest of that file is
bench/extraction.py's, which keeps this section when it rewrites the file).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

from bench.extraction import (
    DEFAULT_GOLD_MAP,
    DEFAULT_RAW,
    DEFAULT_SCORER,
    OURS,
    REPO,
    evaluate,
    ours,
    run_tool,
)
from bench.sections import git_revision, markers, replace_section

SECTION = "producers"
BEGIN, END = markers(SECTION)
DEFAULT_RESULTS = REPO / "bench" / "RESULTS.md"
BARS = (0.99, 0.99, 0.95)  # numeric recall, numeric precision, text recall a PDF must reach
KEYS = ("numeric", "gold_numeric", "ext_numeric", "text", "gold_text")


def figures(c: Counter) -> tuple[float, float, float]:
    """Given summed scorer counts, return (numeric recall, numeric precision, text recall); 1.0 when empty."""
    def ratio(a: str, b: str) -> float:
        return c[a] / c[b] if c[b] else 1.0
    return ratio("numeric", "gold_numeric"), ratio("numeric", "ext_numeric"), ratio("text", "gold_text")


def meets_bars(c: Counter) -> bool:
    """Given one PDF's counts, say whether it reaches every bar."""
    return all(f >= b for f, b in zip(figures(c), BARS, strict=True))


def aggregate(manifest: list[dict], per_doc: dict[str, dict]) -> dict[tuple, dict]:
    """Given the generator's manifest and the scorer's counts per PDF, return {(split, producer, family):
    {"counts": Counter, "pdfs": n, "ok": PDFs meeting the bars}} with "all" rows for every split and producer."""
    out: dict[tuple, dict] = defaultdict(lambda: {"counts": Counter(), "pdfs": 0, "ok": 0})
    for item in manifest:
        if item["problems"]:  # the PDF does not print its gold exactly (see manifest.json): not scored
            out[(item["split"], "excluded", "")]["pdfs"] += 1
            continue
        c = Counter({k: per_doc.get(item["pdf"], {}).get(k, 0) for k in KEYS})
        prod, fam, split = item["style"]["producer"], item["style"]["rules"], item["split"]
        if item["kind"] == "document":
            fam = "whole document"
        for key in ((split, prod, fam), (split, prod, "all"), (split, "all", "all"), (split, "all", fam)):
            out[key]["counts"].update(c)
            out[key]["pdfs"] += 1
            out[key]["ok"] += meets_bars(c)
    return out


def _row(name: str, fam: str, cell: dict) -> str:
    nr, npr, tr = figures(cell["counts"])
    c = cell["counts"]
    return (f"| {name} | {fam} | {cell['pdfs']} | {cell['ok']} | {nr:.3f} | {npr:.3f} | {tr:.3f} | "
            f"{c['gold_numeric']} | {c['gold_text']} |")


def markdown(agg: dict[tuple, dict], samples: dict, meta: dict) -> str:
    """Given the aggregated figures, the samples' scorer summary and run facts, return the RESULTS section."""
    lines = [
        BEGIN,
        "## Robustness: other producers and styles (tests/producers)",
        "",
        f"Generated {meta['when']} UTC by `{meta['command']}` at commit {meta['commit']}: {meta['pdfs']} PDFs "
        f"({meta['pages']} pages) from {', '.join(meta['producers'])}, seed {meta['seed']}; generation "
        f"{meta['gen_s']:.0f} s, extraction {meta['ext_s']:.0f} s, scoring {meta['score_s']:.0f} s. A PDF is *ok* "
        f"when it reaches num recall >= {BARS[0]}, num precision >= {BARS[1]} and text recall >= {BARS[2]}. "
        "Figures pool the cells of the PDFs in the row (score.py counts, exact labels).",
        "",
        "Shipped samples (`data/raw`, dev gold map): "
        f"num recall {samples.get('generic_numeric_recall', 0):.3f}, "
        f"num precision {samples.get('generic_numeric_precision', 0):.3f}, "
        f"text recall {samples.get('text_recall', 0):.3f}.",
        "",
    ]
    for split in ("tune", "holdout"):
        if (split, "all", "all") not in agg:
            continue
        lines += [f"### {split} split", "",
                  "| producer | style family (rulings) | PDFs | ok | num recall | num precision | text recall | "
                  "gold num cells | gold text cells |", "|---|---|---|---|---|---|---|---|---|"]
        prods = sorted({k[1] for k in agg if k[0] == split and k[1] not in ("all", "excluded")})
        for prod in prods:
            fams = sorted({k[2] for k in agg if k[:2] == (split, prod) and k[2] != "all"})
            for fam in fams:
                lines.append(_row(prod, fam, agg[(split, prod, fam)]))
            lines.append(_row(f"**{prod}**", "**all**", agg[(split, prod, "all")]))
        fams = sorted({k[2] for k in agg if k[0] == split and k[1] == "all" and k[2] != "all"})
        for fam in fams:
            lines.append(_row("all", fam, agg[(split, "all", fam)]))
        lines += [_row("**all**", "**all**", agg[(split, "all", "all")]), ""]
        if (split, "excluded", "") in agg:
            lines += [f"{agg[(split, 'excluded', '')]['pdfs']} PDF(s) of this split left out: the generator's "
                      "self-check found a cell not printed as the gold says (e.g. a word broken inside a narrow "
                      "column).", ""]
    lines.append(END)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> dict:
    """Given the command line, generate, extract, score and report; return the aggregated figures."""
    from tests.producers.generate import available, plan
    from tests.producers.produce import produce
    from tests.producers.spec import PRODUCERS

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="single-table PDFs (half per split)")
    ap.add_argument("--documents", type=int, default=2, help="whole sample documents per split")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--producers", default=",".join(PRODUCERS))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="generate into this folder (kept) instead of a temp dir")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--gold-map", type=Path, default=DEFAULT_GOLD_MAP, help="the samples' gold map")
    ap.add_argument("--results", type=Path, default=DEFAULT_RESULTS)
    ap.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = ap.parse_args(argv)
    producers = available([p.strip() for p in args.producers.split(",") if p.strip()])
    with tempfile.TemporaryDirectory(prefix="bench-producers-") as tmp:
        out = args.keep or Path(tmp)
        t0 = time.perf_counter()
        made = produce(plan(args.n, args.seed, ["tune", "holdout"], producers, args.documents), out, args.workers)
        gen_s = time.perf_counter() - t0
        bad = [m for m in made if m.problems]
        if bad:
            print(f"[producers] {len(bad)} PDFs with self-check findings (see manifest.json)", file=sys.stderr)
        pdfs = [m.pdf for m in made]
        print(f"[producers] {len(pdfs)} PDFs in {gen_s:.0f} s; extracting ...", file=sys.stderr, flush=True)
        t1 = time.perf_counter()
        result = run_tool(OURS, ours, pdfs, 1)
        ext_s = time.perf_counter() - t1
        t2 = time.perf_counter()
        evaluate(result, args.scorer, out / "gold_map.json")
        score_s = time.perf_counter() - t2
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        agg = aggregate(manifest, result.per_doc)
        (out / "per_pdf.json").write_text(json.dumps(result.per_doc, indent=1), encoding="utf-8")
    print("[producers] the shipped samples ...", file=sys.stderr, flush=True)
    samples = run_tool(OURS, ours, sorted(DEFAULT_RAW.glob("*.pdf")), 1)
    evaluate(samples, args.scorer, args.gold_map)
    command = "python -m bench.producers" + (f" --n {args.n}" if args.n != 300 else "") + (
        f" --seed {args.seed}" if args.seed else "")
    meta = dict(when=f"{datetime.now(UTC):%Y-%m-%d %H:%M}", command=command, commit=git_revision(), pdfs=len(pdfs),
                pages=result.pages, producers=producers, seed=args.seed, gen_s=gen_s, ext_s=ext_s, score_s=score_s)
    section = markdown(agg, samples.summary, meta)
    print(section)
    if not args.no_write:
        replace_section(args.results, section, SECTION)
    return agg


if __name__ == "__main__":
    main()
