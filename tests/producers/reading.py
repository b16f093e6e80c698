"""Print specs with the generator's producers and read them with the real extractor: the shared part of the
producers tests (which print a handful of PDFs each and compare what is read with what was printed)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.producers.produce import Made, missing_reason, produce
from tests.producers.spec import Caption, DocSpec, PTable


def norm(text: str | None) -> str:
    """Given a cell text, return it without whitespace, dashes and minus signs as "-" (NFKC)."""
    return re.sub(r"\s+", "", re.sub("[\u2010-\u2015\u2212]", "-", unicodedata.normalize("NFKC", text or "")))


def print_and_read(specs: dict[str, DocSpec], out: Path,
                   read: Callable[[Path], Any] | None = None) -> dict[str, tuple[DocSpec, Made, Any]]:
    """Given {case id: spec} and a folder, print those whose producer runs here and read each PDF with `read`
    (default: the extractor's tables): {case id: (spec, made, what was read)} (cases of missing producers left
    out)."""
    if read is None:
        from extractors.tables import extract_tables as read
    runnable = {cid: spec for cid, spec in specs.items() if missing_reason(spec.style.producer) is None}
    if not runnable:
        return {}
    made = produce(list(runnable.values()), out, workers=2)
    return {cid: (spec, m, read(m.pdf)) for (cid, spec), m in zip(runnable.items(), made, strict=True)}


def stacked_spec(specs: list[DocSpec], case_id: str, kept: tuple[type, ...] = (Caption, PTable)) -> DocSpec:
    """Given specs each printing one table, a case id and the kinds of blocks kept around a table, return one spec
    printing the tables one after the other: the first spec's blocks up to its table (and the kept blocks after it,
    no prose), then the kept blocks (captions, tables, e.g. note lines) of each other spec, nothing else between."""
    ends = tuple(k for k in kept if k is not Caption)
    blocks = list(specs[0].blocks)
    while not isinstance(blocks[-1], ends):  # no prose after the first table
        blocks.pop()
    for s in specs[1:]:
        blocks += [b for b in s.blocks if isinstance(b, kept)]
    return replace(specs[0], id=case_id, blocks=blocks)


def assert_tables_read_apart(spec: DocSpec, tables: list, key: Callable[[str], str] = norm) -> None:
    """Given a spec of stacked tables and the tables read from its PDF, assert that each printed table is read as a
    table of its own: the read table holding most of its first-column labels has its header (past the label column)
    and its rows as printed (cell texts compared through `key`)."""
    for pt in spec.tables:
        labels = {norm(r[0]) for r in pt.rows}
        table = max(tables, key=lambda t: sum(bool(r.cells and r.cells[0] and norm(r.cells[0].text) in labels)
                                              for r in t.rows))
        assert [norm(c) for c in table.columns[1:]] == [norm(h) for h in pt.header[1:]], \
            f"header read: {table.columns}"
        got = [[key(c.text) if c else "" for c in row.cells] for row in table.rows]
        want = [[key(c) for c in row] for row in pt.rows]
        assert got == want, f"rows read: {got}, printed: {want}"


def printed_and_read(case_id: str, producer: str, read: dict, broken_words: bool = False) -> tuple[PTable, object]:
    """Given a case id, its producer and `print_and_read`'s result, return (the printed table, the table read that
    shares most body cells with it). Skips, with the reason, when the producer cannot run here. `broken_words`:
    words the producer broke over lines (the self-check's only tolerated problem) are the case under test."""
    reason = missing_reason(producer)
    if reason:
        pytest.skip(f"producer {producer} unavailable: {reason}")
    spec, made, tables = read[case_id]
    problems = [p for p in made.problems if not (broken_words and "broken over lines" in p)]
    assert problems == [], f"the generated PDF does not print its gold: {problems}"
    pt = spec.tables[0]
    table = matching_table(pt.rows, tables)
    assert table is not None, "no table read"
    return pt, table


def matching_table(rows: list[list[str]], tables: list) -> object | None:
    """Given printed rows and the tables read, return the table sharing most body cells with them (None if none)."""
    printed = {norm(c) for row in rows for c in row if norm(c)}
    return max(tables, key=lambda t: sum(norm(c.text) in printed for r in t.rows for c in r.cells if c),
               default=None)


def table_holding_rows(rows: list[list[str]], tables: list) -> object | None:
    """Given printed rows and the tables read, return the table holding most of those rows whole (cell texts
    compared through `norm`), then most of their first cells: of tables that share their amounts (a proposal's
    "Tabel 1" and its "Tabel 2" repeat the same figures), the one read for these rows (None if no table)."""
    want = [tuple(norm(c) for c in row) for row in rows]
    labels = {w[0] for w in want if w and w[0]}
    return max(tables, key=lambda t: (sum(tuple(r) in want for r in body_texts(t)),
                                      sum(bool(r) and r[0] in labels for r in body_texts(t))), default=None)


def printed_table_and_read(read: dict, producer: str, name: str) -> tuple:
    """Given what `print_and_read` returned for one document, its producer and a gold table's file name, return the
    table the document prints and the table read for its rows; skip when the producer is missing here, and fail
    when the PDF does not print that table's gold or no table was read."""
    if producer not in read:
        pytest.skip(f"producer {producer} unavailable here")
    doc, made, tables = read[producer]
    printed = next(t for t in doc.tables if t.gold.file == name)
    assert not [p for p in made.problems if name in p], f"the PDF does not print the table's gold: {made.problems}"
    table = table_holding_rows(printed.rows, tables)
    assert table is not None, "no table read"
    return printed, table


def body_texts(table: object) -> list[list[str]]:
    """Given a table read, return its body rows as normalised cell texts ("" for an empty cell)."""
    return [[norm(c.text) if c else "" for c in row.cells] for row in table.rows]


def assert_body_as_printed(rows: list[list[str]], table: object) -> None:
    """Given printed rows and the table read for them, assert that its body is exactly those rows."""
    got, want = body_texts(table), [[norm(c) for c in row] for row in rows]
    assert got == want, f"{len(got)} rows read, {len(want)} printed; printed rows not read: " \
                        f"{[r for r in want if r not in got][:3]}; rows read that were not printed: " \
                        f"{[r for r in got if r not in want][:3]}"


def assert_read_as_printed(pt: PTable, table: object) -> None:
    """Given a printed table and the table read for it, assert that header and body are the printed ones."""
    assert [norm(c) for c in table.columns] == [norm(h) for h in pt.header], \
        f"header is not the printed header row: {table.columns}"
    assert_body_as_printed(pt.rows, table)


def case_params(cases: dict, known: dict[str, str]) -> list:
    """Given {case id: spec} and the known gaps {case id: diagnosis}, return the pytest params of the cases, a known
    gap as a strict xfail (once read right it XPASSes and fails, so its entry must then go)."""
    return [pytest.param(c, marks=pytest.mark.xfail(reason=known[c], strict=True)) if c in known else c
            for c in cases]


def assert_case_read_as_printed(case: str, read: dict) -> None:
    """Given a case id and `print_and_read`'s result, check that the case's (first) table is read with the printed
    body rows; skips when the case's producer cannot run here."""
    if case not in read:
        pytest.skip(f"producer of {case} unavailable here")
    spec, made, tables = read[case]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    pt = spec.tables[0]
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))
