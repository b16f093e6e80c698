"""Render one variant, run the real extractor on it and score the result; `python -m tests.variants.harness`
prints the whole suite as a markdown table (variant -> recall/precision, tables found, what goes wrong)."""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from extractors.model import Table
from extractors.records import table_records
from extractors.tables import extract_tables
from tests.variants.catalog import BY_ID, GOLD_TABLES, VARIANTS, Variant, context_heading
from tests.variants.cells import Score, load_gold, score
from tests.variants.render import render_variant

MISSED_SHOWN = 3  # missed cells quoted per variant in the report


@dataclass
class Outcome:
    """A variant's PDF, its extracted tables and cell records, and its score."""

    variant: Variant
    pdf: Path
    tables: list[Table]
    cells: list[dict]
    score: Score
    seconds: float


def run_variant(variant: Variant, out_dir: Path) -> Outcome:
    """Given a variant and a directory, render its PDF there, extract it and score it against its gold."""
    gold = load_gold(*GOLD_TABLES[variant.table])
    pdf = out_dir / f"{variant.id}.pdf"
    t0 = time.perf_counter()
    printed_gold = render_variant(gold, variant.style, pdf, context=context_heading(gold))
    tables = extract_tables(pdf)
    _, cells = table_records(variant.id, tables)
    return Outcome(variant, pdf, tables, cells, score(printed_gold, cells), time.perf_counter() - t0)


def describe(o: Outcome) -> str:
    """Given an outcome, return a short account of what went wrong ('' when exact)."""
    s = o.score
    if not s.missed and not s.extra:
        return ""
    parts = []
    if s.missed:
        parts.append(f"{len(s.missed)} missed, e.g. " + "; ".join(map(repr, s.missed[:MISSED_SHOWN])))
    if s.extra:
        parts.append(f"{len(s.extra)} extra, e.g. " + "; ".join(map(repr, s.extra[:MISSED_SHOWN])))
    return " | ".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Given command-line args (variant ids, --keep DIR), print the suite's figures as a markdown table."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("ids", nargs="*", help="variant ids (default: all)")
    ap.add_argument("--keep", type=Path, help="write the variant PDFs here instead of a temporary dir")
    args = ap.parse_args(argv)
    chosen = [BY_ID[i] for i in args.ids] if args.ids else VARIANTS
    out = args.keep or Path(tempfile.mkdtemp(prefix="variants-"))
    out.mkdir(parents=True, exist_ok=True)
    print("| variant | probes | num rec | num prec | txt rec | tables | s | what goes wrong |")
    print("|---|---|---|---|---|---|---|---|")
    for v in chosen:
        o = run_variant(v, out)
        s = o.score
        print(f"| {v.id} | {v.probes} | {s.num_recall:.3f} | {s.num_precision:.3f} | {s.txt_recall:.3f} | "
              f"{s.tables} | {o.seconds:.2f} | {describe(o).replace('|', '/')} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
