"""Generate PDFs of the gold tables from several producers in random styles, with the gold each one prints.

    python -m tests.producers.generate --out DIR [--n 300] [--seed 0] [--split both|tune|holdout]
                                       [--producers reportlab,fpdf2,weasyprint,chromium,libreoffice]
                                       (or any of these and typst, the producer kept out of tuning)
                                       [--documents K] [--workers 2] [--extended-styles]

Writes DIR/pdf/<id>.pdf, DIR/gold/<id>/ (CSV per table + tables.json, the sample gold's format),
DIR/gold_map.json (for score.py --gold-map) and DIR/manifest.json (seed, split, producer, style of each PDF,
and the self-check's findings). Producers missing on this machine are left out with a message.

Split: an item's seed decides it. Seeds below 1,000,000 are the *tune* split, seeds from 1,000,000 up the
*holdout* split (`spec.split_of`); `--split both` makes half of each. Items cycle through the producers; each
item's style, gold table, years, numbers and minus glyphs are drawn from its seed. `--documents K` adds K whole
sample documents (every gold table of one sample, in order) per split, cycling samples and producers.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tests.producers.produce import Made, missing_reason, produce
from tests.producers.spec import ALL_DOCS, ALL_PRODUCERS, PRODUCERS, DocSpec, item_seeds, make_spec

DOC_SEED_OFFSET = 500_000  # whole-document items take seeds from here within their split's range


def plan(n: int, seed: int, splits: list[str], producers: list[str], documents: int = 0,
         extended: bool = False) -> list[DocSpec]:
    """Given a count, base seed, splits, producers, whole documents per split and whether to draw the extended
    style dimensions, return the specs (n in all, shared between the splits, plus the documents)."""
    specs = []
    for k, split in enumerate(splits):
        count = n // len(splits) + (1 if k < n % len(splits) else 0)
        for i, s in enumerate(item_seeds(seed, count, split)):
            specs.append(make_spec(s, producers[i % len(producers)], "table", extended=extended))
        for i, s in enumerate(item_seeds(seed + DOC_SEED_OFFSET, documents, split)):
            # the document shifts once per cycle of producers, so that a plan pairs every producer with every document
            doc = ALL_DOCS[(i + i // len(producers) + 2 * k + 1) % len(ALL_DOCS)]
            specs.append(make_spec(s, producers[(i + k) % len(producers)], "document", doc, extended=extended))
    return specs


def available(producers: list[str]) -> list[str]:
    """Given producer names, return those that run here (printing why the others are left out)."""
    ok = []
    for p in producers:
        reason = missing_reason(p)
        if reason:
            print(f"[producers] {p} left out: {reason}", file=sys.stderr)
        else:
            ok.append(p)
    return ok


def main(argv: list[str] | None = None) -> list[Made]:
    """Given the command line, generate the PDFs and gold; return what was made."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=300, help="single-table PDFs in all")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--split", choices=["both", "tune", "holdout"], default="both")
    ap.add_argument("--producers", default=",".join(PRODUCERS),
                    help=f"comma-separated, of {','.join(ALL_PRODUCERS)} (default: the tuned ones)")
    ap.add_argument("--documents", type=int, default=0, help="whole sample documents per split")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--extended-styles", action="store_true",
                    help="also draw the extended style dimensions (spec.ExtStyle) from each seed's own second stream")
    args = ap.parse_args(argv)
    producers = available([p.strip() for p in args.producers.split(",") if p.strip()])
    if not producers:
        raise SystemExit("no producer available")
    splits = ["tune", "holdout"] if args.split == "both" else [args.split]
    t0 = time.perf_counter()
    specs = plan(args.n, args.seed, splits, producers, args.documents, args.extended_styles)
    made = produce(specs, args.out, args.workers)
    bad = [m for m in made if m.problems]
    print(f"[producers] {len(made)} PDFs in {time.perf_counter() - t0:.0f} s -> {args.out}; "
          f"{len(bad)} with self-check findings", file=sys.stderr)
    for m in bad[:20]:
        print(f"  {m.id}: {'; '.join(m.problems[:3])}", file=sys.stderr)
    return made


if __name__ == "__main__":
    main()
