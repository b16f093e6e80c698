"""Test helper: compare extracted cells with the gold tables the way the scorer keys them.

A cell is the key (row label, column header, value): numeric when its text is a Danish number, text otherwise.
Gold and extracted tables are paired greedily by matching cells (each extracted table serves one gold table).
The gold's own reading of cells (the vendored `goldset.py`) keys both sides, so that extraction quality is a
regression test of the repository itself.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tests.fixtures.eval.goldset import GoldTable, norm, norm_header, parse_dk

SKIP = {("004", "02_fact_sheets.csv")}  # a per-sheet record, not a printed grid


def number(text) -> float | None:
    """A printed Danish number ("-2. 750", "283,8") as a float rounded to 6 places, else None."""
    v = parse_dk(text)
    return None if v is None else round(float(v), 6)


@dataclass
class Keys:
    """The numeric and text cell keys of one table."""

    numeric: Counter
    text: Counter


def gold_keys(gold_dir: Path) -> list[tuple[str, Keys]]:
    """Given a gold folder, return (file name, keys) of its printed tables."""
    out = []
    for meta in json.loads((gold_dir / "tables.json").read_text(encoding="utf-8")):
        if (gold_dir.name, meta["file"]) in SKIP:
            continue
        with open(gold_dir / meta["file"], encoding="utf-8", newline="") as f:
            header, *rows = list(csv.reader(f))
        rows = [(r + [""] * len(header))[: len(header)] for r in rows]
        lc = GoldTable(gold_dir.name, meta["file"], meta, header, rows).label_col
        hdr = [norm_header(h) for h in header]
        keys = Keys(Counter(), Counter())
        for r in rows:
            for c, cell in enumerate(r):
                if c == lc or not cell.strip():
                    continue
                v = number(cell)
                if v is None:
                    keys.text[(norm(r[lc]), hdr[c], norm(cell))] += 1
                else:
                    keys.numeric[(norm(r[lc]), hdr[c], v)] += 1
        out.append((meta["file"], keys))
    return out


def extracted_keys(cells: list[dict]) -> dict[str, Keys]:
    """Given `table_cells` rows, return each table's keys (its label column left out)."""
    by_table: dict[str, list[dict]] = {}
    for c in cells:
        by_table.setdefault(c["table_id"], []).append(c)
    out = {}
    for tid, cs in by_table.items():
        labels = Counter(c["col_index"] for c in cs if c["text"] and norm(c["text"]) == norm(c["row_label"]))
        label_col = labels.most_common(1)[0][0] if labels else None
        keys = Keys(Counter(), Counter())
        for c in cs:
            if c["col_index"] == label_col:
                continue
            key = (norm(c["row_label"]), norm_header(c["column"]))
            if c["value"] is not None:
                keys.numeric[key + (round(float(c["value"]), 6),)] += 1
            elif norm(c["text"]):
                keys.text[key + (norm(c["text"]),)] += 1
        out[tid] = keys
    return out


@dataclass
class Score:
    """Matched / gold / extracted cell counts over a document."""

    num_matched: int = 0
    num_gold: int = 0
    num_extracted: int = 0
    txt_matched: int = 0
    txt_gold: int = 0
    unmatched_gold_tables: tuple[str, ...] = ()

    @property
    def num_recall(self) -> float:
        return self.num_matched / self.num_gold if self.num_gold else 1.0

    @property
    def num_precision(self) -> float:
        return self.num_matched / self.num_extracted if self.num_extracted else 1.0

    @property
    def txt_recall(self) -> float:
        return self.txt_matched / self.txt_gold if self.txt_gold else 1.0

    @staticmethod
    def total(scores: Iterable[Score]) -> Score:
        """Given the scores of several documents, return their summed counts (a corpus's score)."""
        out = Score()
        for s in scores:
            out.num_matched += s.num_matched
            out.num_gold += s.num_gold
            out.num_extracted += s.num_extracted
            out.txt_matched += s.txt_matched
            out.txt_gold += s.txt_gold
            out.unmatched_gold_tables += s.unmatched_gold_tables
        return out


def score(gold: list[tuple[str, Keys]], ext: dict[str, Keys]) -> Score:
    """Given gold and extracted keys of one document, pair tables greedily by matched cells and count."""
    pairs = []
    for gi, (_, g) in enumerate(gold):
        for tid, e in ext.items():
            n, t = sum((g.numeric & e.numeric).values()), sum((g.text & e.text).values())
            if n + t:
                pairs.append((-(n + t), gi, tid, n, t))
    pairs.sort()
    used_g, used_e = {}, set()
    for _, gi, tid, n, t in pairs:
        if gi not in used_g and tid not in used_e:
            used_g[gi] = (tid, n, t)
            used_e.add(tid)
    s = Score()
    for gi, (name, g) in enumerate(gold):
        s.num_gold += g.numeric.total()
        s.txt_gold += g.text.total()
        if gi in used_g:
            tid, n, t = used_g[gi]
            s.num_matched += n
            s.txt_matched += t
            s.num_extracted += ext[tid].numeric.total()
        else:
            s.unmatched_gold_tables += (name,)
    return s
