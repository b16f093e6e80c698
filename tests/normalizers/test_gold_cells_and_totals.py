"""Every cell of every gold CSV parses as the scorer reads it, and every printed total recorded in the gold
`tables.json` files re-checks with our parsed numbers: recorded-holding totals hold, recorded-failing ones fail
by the recorded difference.

The gold annotations describe the summed rows in several dialects (row indices, row numbers, "rows with Nr a-b",
"colN ... of rows 1,2,3", "[group row]" labels, cross-table rows); `_Table.resolve_*` interpret them.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

import pytest

from normalizers.labels import normalize_key
from normalizers.numbers import cell_value, parse_danish

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold"

# Independent oracle: the scorer's reading of a numeric cell (shared/eval/goldset.py parse_dk).
_ORACLE_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_ORACLE_NUM = re.compile(r"-?\d+(?:\.\d+)*(?:,\d+)?")


def oracle(text: str) -> Decimal | None:
    """Given a printed cell, return the scorer's Decimal reading, or None when the scorer reads it as text."""
    s = " ".join(text.translate(_ORACLE_DASHES).split())
    s = re.sub(r"(?<=[-.]) (?=\d)", "", s)
    return Decimal(s.replace(".", "").replace(",", ".")) if _ORACLE_NUM.fullmatch(s) else None


@dataclass
class _Table:
    doc: str
    file: str
    meta: dict
    header: list[str]
    rows: list[list[str]]  # body rows; the annotations' row index/number i is rows[i - 1]

    def col(self, name: str) -> int:
        """Given a column header as named in an annotation, return its index."""
        keys = [normalize_key(h) for h in self.header]
        return keys.index(normalize_key(name))

    @cached_property
    def label_col(self) -> int:
        """The row-label column: the first column whose cells are mostly text of 3+ characters."""
        for c in range(len(self.header)):
            vals = [r[c].strip() for r in self.rows if r[c].strip()]
            text = [v for v in vals if parse_danish(v).kind == "text"]
            if vals and 2 * len(text) > len(vals) and sum(map(len, text)) >= 3 * len(text):
                return c
        return 0

    @property
    def nr_col(self) -> int | None:
        """The row-number column ("Nr."), if any."""
        keys = [normalize_key(h) for h in self.header]
        return keys.index("nr.") if "nr." in keys else None

    def nr(self, i: int) -> int | None:
        """Given a body-row position, return its printed row number, or None."""
        c = self.nr_col
        v = self.rows[i][c].strip() if c is not None else ""
        return int(v) if v.isdigit() else None

    def rows_labelled(self, label: str) -> list[int]:
        """Given a label, return the body-row positions whose label cell matches it."""
        key = normalize_key(label)
        return [i for i, r in enumerate(self.rows) if normalize_key(r[self.label_col]) == key]

    def rows_with_nr(self, lo: int, hi: int) -> list[int]:
        """Given an inclusive row-number range, return the body-row positions numbered in it."""
        return [i for i in range(len(self.rows)) if self.nr(i) is not None and lo <= self.nr(i) <= hi]


def _load() -> dict[tuple[str, str], _Table]:
    out = {}
    for folder in sorted(p for p in GOLD.iterdir() if p.is_dir()):
        for meta in json.loads((folder / "tables.json").read_text(encoding="utf-8")):
            with open(folder / meta["file"], encoding="utf-8", newline="") as f:
                header, *rows = list(csv.reader(f))
            width = max([len(header), *map(len, rows)])
            rows = [(r + [""] * width)[:width] for r in rows]
            out[folder.name, meta["file"]] = _Table(folder.name, meta["file"], meta, header, rows)
    return out


TABLES = _load()


# ---- summing with our parser -----------------------------------------------------------------------------------


@dataclass
class _Sum:
    lo: Decimal  # interval of the exact sum ("<0,1" contributes [0, 0,1))
    hi: Decimal
    n: int  # summed non-empty cells
    unit: Decimal  # finest printed precision among the summed cells


def _precision(text: str) -> Decimal:
    """Given a printed number, return one unit of its printed precision ("283,8" -> 0.1)."""
    m = re.search(r",(\d+)", text)
    return Decimal(1).scaleb(-len(m.group(1))) if m else Decimal(1)


def _sum(texts: list[str]) -> _Sum:
    """Given printed part cells, return the interval of their sum as read by parse_danish."""
    lo = hi = Decimal(0)
    n, unit = 0, Decimal(1)
    for t in texts:
        d = parse_danish(t)
        if d.kind in ("empty", "nil"):
            continue
        n += 1
        if d.kind == "below_threshold":
            bound = parse_danish(re.sub(r"^\s*[<≤]\s*", "", t)).value
            assert bound is not None, t
            hi += bound
            unit = min(unit, _precision(t))
            continue
        assert d.kind == "number", f"part {t!r} is not a number ({d.kind})"
        lo += d.value
        hi += d.value
        unit = min(unit, _precision(t))
    return _Sum(lo, hi, n, unit)


def _printed(text: str) -> Decimal | None:
    """Given a printed total cell, return its value (nil "-" -> 0, empty -> None)."""
    d = parse_danish(text)
    assert d.kind in ("number", "nil", "empty", "with_unit"), f"total {text!r} parsed as {d.kind}"
    return Decimal(0) if d.kind == "nil" else d.value


def _exact(s: _Sum) -> Decimal:
    assert s.lo == s.hi, "sum is an interval"
    return s.lo


# ---- the annotation dialects -----------------------------------------------------------------------------------


def _check_by_column(t: _Table, e: dict) -> None:
    """000/001: total_row_index, sum_of_row_indices, by_column {header: printed, printed_value, computed_sum}."""
    total = t.rows[e["total_row_index"] - 1]
    parts = [t.rows[i - 1] for i in e["sum_of_row_indices"]]
    assert normalize_key(total[t.label_col]) == normalize_key(e["total_row"])
    for name, rec in e["by_column"].items():
        c = t.col(name)
        assert total[c].strip() == rec["printed"].strip()
        printed = _printed(total[c])
        assert printed == Decimal(rec["printed_value"])
        computed = _exact(_sum([p[c] for p in parts]))
        assert computed == Decimal(rec["computed_sum"]), name
        assert (printed == computed) == rec["holds"], name
    assert e["holds"] == all(r["holds"] for r in e["by_column"].values())


def _check_years(t: _Table, e: dict) -> None:
    """003: total_row_number, sum_of_row_numbers, years_checked, mismatches [{year, printed, computed, diff}]."""
    total = t.rows[e["total_row_number"] - 1]
    parts = [t.rows[i - 1] for i in e["sum_of_row_numbers"]]
    levels = e["total_row"].count(" / ") + 1  # a two-level label "Total / Besparelse" spans two columns
    label = " / ".join(total[t.label_col : t.label_col + levels])
    assert normalize_key(label) == normalize_key(e["total_row"])
    mism = {m["year"]: m for m in e.get("mismatches") or []}
    for year in e["years_checked"]:
        c = t.col(year)
        s = _sum([p[c] for p in parts])
        printed = _printed(total[c])
        computed = _exact(s) if s.n else None
        if year in mism:
            m = mism[year]
            assert computed == (Decimal(m["computed"]) if m["computed"] is not None else None), year
            if m["diff"] is None:
                assert (printed is None) != (computed is None), year
            else:
                assert printed - computed == Decimal(m["diff"]) or computed - printed == Decimal(m["diff"]), year
                assert printed != computed
        else:
            assert printed == computed or (printed is None and computed == 0) or (printed == 0 and computed is None), (
                year,
                printed,
                computed,
            )
    assert e["holds"] == (not mism)


_COLUMN_EVERY_ROW = re.compile(r"column '(?P<col>.+)' in every row")
_NR_RANGE = re.compile(r"rows? (?:with )?Nr (?P<lo>\d+)(?:-(?P<hi>\d+))?")
_CROSS = re.compile(r"cross-table: file (?P<file>\d+) .*row '(?P<label>.+)'$")
_QUALIFIER = re.compile(r"\s*\((?P<q>[^)]*)\)\s*$")


def _strip_annotation(label: str) -> str:
    """Given an annotated row name ("X (socialområdet, group row)", "X [group row]"), return the printed label."""
    label = re.sub(r"\s*\[group row\]$", "", label)
    label = re.sub(r"\s*\(from subtotal rows\)$", "", label)
    label = re.sub(r"\s*\(leaf rows\)$", "", label)
    label = re.sub(r"\s*\((?:[^()]*,\s*)?group row\)$", "", label)
    label = re.sub(r"\s*\((?:social|sundheds|ældre|beskæftigelses|integrations)området\)$", "", label)
    return label


def _nearest(candidates: list[int], anchor: int, after: bool | None = None) -> int:
    """Given candidate row positions, return the one nearest to anchor (optionally only those after/before)."""
    if after is not None:
        candidates = [i for i in candidates if (i > anchor) == after and i != anchor]
    assert candidates, "no candidate row"
    return min(candidates, key=lambda i: (abs(i - anchor), i < anchor))


def _resolve_parts(t: _Table, total_pos: int | None, items: list[str], total_label: str) -> list[int]:
    """Given the prose items of a 002 annotation, return the summed body-row positions."""
    out: list[int] = []
    heading_style = not re.search(r"\bi alt\b|^total$", _strip_annotation(total_label), re.IGNORECASE)
    for item in items:
        m = _NR_RANGE.match(item)
        if m:
            lo = int(m["lo"])
            out += t.rows_with_nr(lo, int(m["hi"] or lo))
            continue
        m = re.match(r"first (\d+) initiative rows", item)
        if m:
            out += list(range(int(m[1])))
            continue
        m = re.match(r"(\d+) private-project rows", item)
        if m:
            start = t.rows_labelled("Private projekter")[0] + 1
            out += list(range(start, start + int(m[1])))
            continue
        if re.match(r"rows 1\.1-1\.10 and 2\. ", item):
            out += [i for i, r in enumerate(t.rows) if re.match(r"(1\.\d+\.?|2\.) ", r[t.label_col])]
            continue
        cands = t.rows_labelled(_strip_annotation(item))
        if "[group row]" in item and t.nr_col is not None:
            cands = [i for i in cands if t.nr(i) is None]
        assert cands, item
        out.append(cands[0] if len(cands) == 1 else _nearest(cands, total_pos, after=heading_style))
    return out


def _locate_total(t: _Table, label: str, parts: list[int]) -> int:
    """Given a total's annotated label and its parts, return the nearest row so labelled outside the parts."""
    cands = [i for i in t.rows_labelled(_strip_annotation(label)) if i not in parts]
    if t.nr_col is not None:
        cands = [i for i in cands if t.nr(i) is None]
    assert cands, label
    lo, hi = min(parts), max(parts)
    return min(cands, key=lambda i: min(abs(i - lo), abs(i - hi)))


def _check_prose(t: _Table, e: dict) -> None:
    """002: row totals named in prose, with `columns`; tolerance 1 unit of printed precision per summed row."""
    items = e["sum_of"]
    m = _COLUMN_EVERY_ROW.match(e["total_row"])
    if m:  # a row-total column: checked on every row that prints it
        tc, pcs = t.col(m["col"]), [t.col(c) for c in items]
        ok = []
        for r in t.rows:
            if parse_danish(r[tc]).kind != "number":
                continue
            s = _sum([r[c] for c in pcs])
            ok.append(abs(_printed(r[tc]) - s.lo) <= s.n * s.unit)
        assert ok and all(ok) == e["holds"]
        return
    m = _CROSS.match(e["total_row"])
    if m:  # this table's rows add up to one row of another table
        other = next(x for (d, f), x in TABLES.items() if d == t.doc and f.startswith(f"{int(m['file']):02d}_"))
        (target,) = other.rows_labelled(m["label"])
        n = int(re.match(r"all (\d+) row", items[0])[1])
        assert n == len(t.rows)
        for name in e["columns"]:
            s = _sum([r[t.col(name)] for r in t.rows])
            printed = _printed(other.rows[target][other.col(name)]) or Decimal(0)
            assert (abs(printed - s.lo) <= s.n * s.unit) == e["holds"], name
        return
    parts = _resolve_parts(t, None, items, e["total_row"]) if not any("[group row]" in i for i in items) else None
    if parts is None:  # items relative to the total's position
        total_pos = t.rows_labelled(_strip_annotation(e["total_row"]))
        total_pos = [i for i in total_pos if t.nr_col is None or t.nr(i) is None]
        assert len(total_pos) == 1, e["total_row"]
        total = total_pos[0]
        parts = _resolve_parts(t, total, items, e["total_row"])
    else:
        total = _locate_total(t, e["total_row"], parts)
    assert parts and total not in parts
    mism = e.get("mismatches") or {}
    for name in e["columns"]:
        c = t.col(name)
        s = _sum([t.rows[i][c] for i in parts])
        printed = _printed(t.rows[total][c]) or Decimal(0)
        strict = s.lo <= printed <= s.hi if s.lo == s.hi else s.lo <= printed < s.hi
        tolerant = s.lo - s.n * s.unit <= printed <= s.hi + s.n * s.unit
        if name in mism:
            assert not strict, name
            assert printed - s.lo == Decimal(mism[name]["diff"].replace(",", ".")), name
            assert tolerant == e.get("within_rounding", False), name
        else:
            assert tolerant if e["holds"] else not tolerant, (name, printed, s)
    assert e["holds"] == (not mism)


_COLN = re.compile(r"col(?P<n>\d+)\b")


def _bilag_rows(t: _Table, spec: str, total_pos: int | None) -> list[int]:
    """Given a 004 row spec ("of rows 1,2,3", "of all 45 detail rows", "of the 4 group rows"), return positions."""
    m = re.search(r"of rows ([\d,;]+)", spec)
    if m:
        nrs = [int(x) for x in re.split(r"[,;]", m[1])]
        pos = {t.nr(i): i for i in range(len(t.rows)) if t.nr(i) is not None}
        return [pos[n] for n in nrs]
    m = re.search(r"of all (\d+) detail rows", spec)
    if m:
        out = [i for i in range(len(t.rows)) if t.nr(i) is not None]
        assert len(out) == int(m[1])
        return out
    m = re.search(r"of the (\d+) group rows", spec)
    if m:
        out = [i for i in range(len(t.rows)) if t.nr(i) is None and i != total_pos]
        assert len(out) == int(m[1])
        return out
    raise AssertionError(f"uninterpreted row spec {spec!r}")


def _group_row(t: _Table, name: str, members: list[int]) -> int:
    """Given a 004 group/total row name ("Pleje og Omsorg (line 10)") and its members, return its position."""
    label = re.sub(r"\s*\(line \d+\).*$", "", name)
    cands = [i for i in t.rows_labelled(label) if t.nr(i) is None]
    if len(cands) == 1:
        return cands[0]
    before = [i for i in cands if i < min(members)]  # header-style subtotals precede their members
    return max(before)


def _check_bilag(t: _Table, e: dict) -> None:
    """004 Bilag 1: "colN <header> of rows ...", cross-foots, per-row differences (difference = computed - printed)."""
    spec, name, status = e["sum_of"], e["total_row"], e.get("status", "")
    cols = [int(n) - 1 for n in _COLN.findall(spec)]

    def rounding_ok(diff: Decimal, n: int) -> bool:
        return abs(diff) <= n  # 1 krone of printed precision per summed cell

    if name.startswith("each of the"):  # cross-foot of every detail row: printed col named in total_row
        (pc,) = [int(n) - 1 for n in _COLN.findall(name)] or [4]
        diffs = []
        for i in range(len(t.rows)):
            if t.nr(i) is None:
                continue
            s = _exact(_sum([t.rows[i][c] for c in cols]))
            diffs.append(s - _printed(t.rows[i][pc]))
        assert len(diffs) == int(re.search(r"each of the (\d+)", name)[1])
        assert sum(diffs) == e["difference"]
        assert all(rounding_ok(d, len(cols)) for d in diffs) == e["holds"]
        return
    if "cross-foot" in name or "hypothesis" in status:
        m = re.match(r"row (\d+) \(line \d+\)", name)
        if m:
            pos = {t.nr(i): i for i in range(len(t.rows)) if t.nr(i) is not None}
            row = pos[int(m[1])]
        else:
            label = re.sub(r"\s*\(line \d+\).*$", "", name)
            cands = [i for i in t.rows_labelled(label) if t.nr(i) is None]
            line = int(re.search(r"line (\d+)", name)[1])
            row = cands[0] if len(cands) == 1 else _by_line_order(t, label, line)
        r = t.rows[row]
        if "hypothesis" in status:  # col5 - (col6+col7+col8) compared with the printed col9 "0"
            computed = _printed(r[cols[0]]) - _exact(_sum([r[c] for c in cols[1:]]))
            printed = _printed(r[int(re.search(r"col(\d+) \"0\"", name)[1]) - 1])
        else:  # "col6+col7+col8 ... vs (its) col5"
            pc = int(re.search(r"vs (?:its )?col(\d+)", spec)[1]) - 1
            parts = [c for c in cols if c != pc]
            computed = _exact(_sum([r[c] for c in parts]))
            printed = _printed(r[pc])
        assert printed == _printed(e["printed_total"])
        assert computed == _printed(e["computed_sum"])
        assert computed - printed == e["difference"]
        if "hypothesis" not in status:
            assert rounding_ok(computed - printed, len(cols) - 1) == e["holds"]
        return
    (c,) = cols
    if name.startswith("I alt"):
        total = t.rows_labelled("I alt")[0]
        members = _bilag_rows(t, spec, total)
    else:
        members = _bilag_rows(t, spec, None)
        total = _group_row(t, name, members)
    computed = _exact(_sum([t.rows[i][c] for i in members]))
    printed = _printed(t.rows[total][c])
    assert printed == _printed(e["printed_total"])
    assert computed == _printed(e["computed_sum"])
    assert computed - printed == e["difference"]
    assert (computed == printed) == e["holds"]


def _by_line_order(t: _Table, label: str, line: int) -> int:
    """Given a label printed on several group rows, return the one whose source line rank matches `line`."""
    cands = [i for i in t.rows_labelled(label) if t.nr(i) is None]
    lines = sorted(int(x) for x in re.findall(rf"{re.escape(label)} \(line (\d+)\)", json.dumps(t.meta["totals"])))
    lines = sorted(set(lines))
    return cands[lines.index(line)]


def _check_fact_sheet(t: _Table, e: dict) -> None:
    """004 fact sheets: a printed "Budget 2022" amount against Bilag 1 col5 of the cited rows."""
    bilag = TABLES[t.doc, "01_bilag1.csv"]
    cells = {x.strip() for r in t.rows for x in r}
    assert e["printed_total"].strip() in cells
    printed = _printed(e["printed_total"])
    m = re.search(r"Bilag 1 col(\d+) of rows ([\d;]+)", e["sum_of"])
    c = int(m[1]) - 1
    nrs = [int(x) for x in m[2].split(";")]
    pos = {bilag.nr(i): i for i in range(len(bilag.rows)) if bilag.nr(i) is not None}
    if "compared with row" in e["sum_of"]:
        c = int(re.search(r"compared with row \d+ col(\d+)", e["sum_of"])[1]) - 1
    computed = _exact(_sum([bilag.rows[pos[n]][c] for n in nrs]))
    assert computed == _printed(e["computed_sum"])
    assert computed - printed == e["difference"]
    assert (computed == printed) == e["holds"]


def _dialect(e: dict):
    if "by_column" in e:
        return _check_by_column
    if "years_checked" in e:
        return _check_years
    if isinstance(e["sum_of"], str) and e["sum_of"].startswith("Bilag 1 "):
        return _check_fact_sheet
    if isinstance(e["sum_of"], str):
        return _check_bilag
    return _check_prose


TOTALS = [
    pytest.param(key, i, e, id=f"{key[0]}/{key[1][:40]}#{i}")
    for key, t in TABLES.items()
    for i, e in enumerate(t.meta.get("totals") or [])
]


def test_gold_has_recorded_totals():
    assert len(TOTALS) >= 200


@pytest.mark.parametrize(("key", "i", "entry"), TOTALS)
def test_recorded_total_rechecks(key, i, entry):
    _dialect(entry)(TABLES[key], entry)


def test_every_gold_cell_parses_as_printed():
    """0 unparsed and 0 misparsed numeric cells: cell_value agrees with the scorer's reading on every cell."""
    n_numeric = 0
    bad = []
    for (doc, file), t in TABLES.items():
        for r in [t.header, *t.rows]:
            for text in r:
                expected = oracle(text)
                got = cell_value(text)
                if expected is not None:
                    n_numeric += 1
                    d = parse_danish(text)
                    if d.kind != "number" or d.value != expected or got != float(expected):
                        bad.append((doc, file, text, d))
                elif got is not None:
                    bad.append((doc, file, text, parse_danish(text)))
    assert n_numeric > 3000
    assert bad == []


def test_malformed_gold_tokens_are_flagged_and_read_literally():
    """The few printed tokens with a broken grouping ("1.6780", "99.99") are flagged, value = literal reading."""
    flagged = []
    for t in TABLES.values():
        for r in t.rows:
            for text in r:
                d = parse_danish(text)
                if d.kind == "number" and re.search(r"\.(?!\s?\d{3}(?:\D|$))", text):
                    assert d.malformed, text
                    flagged.append(text)
                elif d.kind == "number":
                    assert not d.malformed, text
    assert "1.6780" in flagged
