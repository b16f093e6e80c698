"""Gold tables and the scorer's cell keys, from the vendored evaluation kit (tests/fixtures/eval).

A cell is the key (row label, column header, value); numeric when its text parses as a Danish number, text
otherwise; the label column is not scored (`goldset.GoldTable.cells()` and `score.ext_cells()`).
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.fixtures.eval.goldset import GoldTable, norm, norm_header, parse_dk  # noqa: F401  (re-exported)
from tests.fixtures.eval.score import ext_cells

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold"

Key = tuple[str, str, object]


def load_gold(doc: str, prefix: str) -> GoldTable:
    """Given a gold folder ("000".."004") and a CSV file-name prefix ("01_"), return that gold table."""
    folder = GOLD / doc
    for meta in json.loads((folder / "tables.json").read_text(encoding="utf-8")):
        if meta["file"].startswith(prefix):
            with open(folder / meta["file"], encoding="utf-8", newline="") as f:
                header, *rows = list(csv.reader(f))
            rows = [(r + [""] * len(header))[: len(header)] for r in rows]
            return GoldTable(doc, meta["file"], meta, header, rows)
    raise KeyError(f"no gold table {doc}/{prefix}*")


def extracted_cells(cells: list[dict]) -> tuple[list[Key], list[Key]]:
    """Given one extracted table's `table_cells` rows, return its (numeric, text) keys, label column left out."""
    return ext_cells(cells)


@dataclass
class Score:
    """Cell recall/precision of the best-matching extracted table against one gold table."""

    num_gold: int
    num_found: int  # numeric cells of the assigned extracted table
    num_match: int
    txt_gold: int
    txt_found: int
    txt_match: int
    tables: int  # tables the extractor found in the variant PDF
    missed: list[Key]  # gold cells (numeric and text) not matched, for the failure report
    extra: list[Key]  # extracted cells of the assigned table that match no gold cell

    @property
    def num_recall(self) -> float:
        """Given the score, return matched / gold numeric cells (1.0 when the gold has none)."""
        return self.num_match / self.num_gold if self.num_gold else 1.0

    @property
    def num_precision(self) -> float:
        """Given the score, return matched / extracted numeric cells (1.0 when none were extracted)."""
        return self.num_match / self.num_found if self.num_found else 1.0

    @property
    def txt_recall(self) -> float:
        """Given the score, return matched / gold text cells (1.0 when the gold has none)."""
        return self.txt_match / self.txt_gold if self.txt_gold else 1.0


def score(gold: GoldTable, cells: list[dict]) -> Score:
    """Given a gold table and every extracted `table_cells` row of a PDF, score the best-matching table.

    Like the scorer's greedy assignment restricted to one gold table: the extracted table with the most
    matching (numeric + text) cells is assigned; ties go to the earlier table.
    """
    g_num, g_txt = (Counter(k) for k in gold.cells())
    by_table: dict[str, list[dict]] = {}
    for c in cells:
        by_table.setdefault(c["table_id"], []).append(c)
    best: tuple[int, Counter, Counter] | None = None
    for tcells in by_table.values():
        e_num, e_txt = (Counter(k) for k in extracted_cells(tcells))
        matched = sum((g_num & e_num).values()) + sum((g_txt & e_txt).values())
        if best is None or matched > best[0]:
            best = (matched, e_num, e_txt)
    e_num, e_txt = (best[1], best[2]) if best else (Counter(), Counter())
    missed = list(((g_num - e_num) + (g_txt - e_txt)).elements())
    extra = list(((e_num - g_num) + (e_txt - g_txt)).elements())
    return Score(num_gold=sum(g_num.values()), num_found=sum(e_num.values()), num_match=sum((g_num & e_num).values()),
                 txt_gold=sum(g_txt.values()), txt_found=sum(e_txt.values()), txt_match=sum((g_txt & e_txt).values()),
                 tables=len(by_table), missed=missed, extra=extra)
