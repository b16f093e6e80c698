"""Gold tables and the scorer's cell keys, re-implemented small so the suite does not depend on ../shared/eval.

Mirrors `goldset.GoldTable.cells()` and `score.ext_cells()`: a cell is the key (row label, column header,
value); numeric when its text parses as a Danish number, text otherwise; the label column is not scored.
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold"
SYNTHETIC_HEADERS = {"label", "value"}  # unlabelled gold columns; they match an empty header
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_NUM = re.compile(r"-?\d+(?:\.\d+)*(?:,\d+)?")

Key = tuple[str, str, object]


def norm(s: object) -> str:
    """Given text, return it NFKC-normalised, soft hyphens dropped, dashes as '-', spaces collapsed, casefolded."""
    if s is None:
        return ""
    t = unicodedata.normalize("NFKC", str(s)).replace("\u00ad", "").translate(_DASHES)
    return " ".join(t.split()).casefold()


def norm_header(s: object) -> str:
    """Given a column header, return its normalised key ('' for the synthetic 'label'/'value')."""
    h = norm(s)
    return "" if h in SYNTHETIC_HEADERS else h


def parse_dk(text: str | None) -> Decimal | None:
    """Given a printed cell, return its Danish number ('.' thousands, ',' decimals), or None for text/nil."""
    if text is None:
        return None
    s = " ".join(str(text).translate(_DASHES).split())
    s = re.sub(r"(?<=[-.]) (?=\d)", "", s)
    return Decimal(s.replace(".", "").replace(",", ".")) if _NUM.fullmatch(s) else None


@dataclass
class GoldTable:
    """One gold CSV table with its tables.json entry."""

    doc: str
    file: str
    meta: dict
    header: list[str]
    rows: list[list[str]]

    @property
    def title(self) -> str:
        """Given the table, return its printed caption/title from tables.json."""
        return self.meta.get("title") or ""

    @cached_property
    def label_col(self) -> int:
        """Given the table, return the first column whose cells are mostly text of 3+ characters."""
        for c in range(len(self.header)):
            vals = [r[c].strip() for r in self.rows if r[c].strip()]
            text = [v for v in vals if parse_dk(v) is None]
            if vals and 2 * len(text) > len(vals) and sum(map(len, text)) >= 3 * len(text):
                return c
        return 0

    def cells(self) -> tuple[list[Key], list[Key]]:
        """Given the table, return its (numeric, text) cell keys over non-empty, non-label cells."""
        hdr = [norm_header(h) for h in self.header]
        num, txt = [], []
        for r in self.rows:
            label = norm(r[self.label_col])
            for c, cell in enumerate(r):
                if c == self.label_col or not cell.strip():
                    continue
                v = parse_dk(cell)
                if v is None:
                    txt.append((label, hdr[c], norm(cell)))
                else:
                    num.append((label, hdr[c], round(float(v), 6)))
        return num, txt


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
    labels = Counter(c["col_index"] for c in cells if c.get("text") and norm(c["text"]) == norm(c.get("row_label")))
    label_col = labels.most_common(1)[0][0] if labels else None
    num, txt = [], []
    for c in cells:
        if c.get("col_index") == label_col:
            continue
        key = (norm(c.get("row_label")), norm_header(c.get("column")))
        if c.get("value") is not None:
            num.append(key + (round(float(c["value"]), 6),))
        elif norm(c.get("text")):
            txt.append(key + (norm(c["text"]),))
    return num, txt


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
