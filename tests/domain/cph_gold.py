"""Test helper for the Copenhagen-style documents: classified gold grids with printed proposal headings.

The gold of 003 records each table's proposal as a dict; the real extractor publishes the printed heading
("BU/SI01 - Faglig omstilling ...") as `context`, so the grids get that printed heading here.
"""
from __future__ import annotations

import csv
import json

from domain import registry
from domain.grid import Grid
from tests.domain.gold_grids import GOLD, gold_grids


def metas(doc: str) -> list[dict]:
    """Given a gold folder name, return its tables.json entries."""
    return json.loads((GOLD / doc / "tables.json").read_text(encoding="utf-8"))


def classified(doc: str) -> list[Grid]:
    """Given a gold folder name, return its grids, contexts as printed headings, kinds set by the registry."""
    grids = gold_grids(doc)
    for g, m in zip(grids, metas(doc), strict=True):
        if isinstance(m.get("context"), dict):
            g.context = m["context"].get("title_printed")
        g.kind = registry.classify(g)
    return grids


def csv_rows(doc: str, file: str) -> tuple[list[str], list[list[str]]]:
    """Given a gold folder and CSV file name, return (header, rows) read straight from the CSV."""
    with open(GOLD / doc / file, encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    return header, [(r + [""] * len(header))[: len(header)] for r in rows]
