"""Smoke tests of the bench: every peer adapter on the two pages of the sample grant-expiry table, and one run
of the bench script on those pages (scored by the shared scorer)."""
from __future__ import annotations

import csv
from pathlib import Path

import pdfplumber
import pytest

from bench import extraction
from bench.peers import PEERS, PeerTable, label_column, peer_records
from normalizers.numbers import cell_value
from pipelines.lib.storage.schemas import SCHEMAS, to_arrow

ROOT = Path(__file__).resolve().parents[2]
PDF = ROOT / "data" / "raw" / "000_suf-bevillingsudloeb-b2026.pdf"
GOLD = ROOT / "tests" / "fixtures" / "gold" / "000" / "01_tabel1-bevillinger-som-udloeber-2026.csv"
TABLE_PAGES = [1, 2]  # the pages the gold table is printed on (tables.json: pages_inferred)
DOC_ID = "0123456789abcdef"
BOX_TOLERANCE = 2.0  # points


def _gold_numbers() -> list[str]:
    """Return the gold table's numeric body cells (label column excluded), as printed."""
    with GOLD.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))[1:]
    return [c for row in rows for c in row[1:] if cell_value(c) is not None]


def _gold_values() -> set[float]:
    """Return the numbers of the gold table's body cells."""
    return {cell_value(c) for c in _gold_numbers()}


@pytest.fixture(scope="module")
def page_words() -> dict[int, list[dict]]:
    """pdfplumber's words of the table pages."""
    with pdfplumber.open(PDF) as pdf:
        return {n: pdf.pages[n - 1].extract_words() for n in TABLE_PAGES}


@pytest.mark.parametrize("name", sorted(PEERS))
def test_peer_reads_the_printed_numbers_into_contract_rows(name: str, page_words: dict[int, list[dict]]) -> None:
    tables, cells = peer_records(DOC_ID, PEERS[name](PDF, TABLE_PAGES))
    assert tables, f"{name} found no table on the pages of a ruled table"
    for table, rows in (("tables", tables), ("table_cells", cells)):
        assert all(set(r) == set(SCHEMAS[table].names) for r in rows)
        to_arrow(table, rows)  # types fit the contract
    columns = {t["table_id"]: t["columns"] for t in tables}
    assert all(c["column"] == columns[c["table_id"]][c["col_index"]] for c in cells)
    numbers = [c for c in cells if c["value"] is not None]
    gold = _gold_values()
    assert {c["value"] for c in numbers} & gold, f"{name} read none of the gold numbers"
    for c in numbers:
        if c["value"] not in gold:
            continue
        # The cell's box is in pdfplumber's coordinates: the printed number lies inside it.
        assert any(w["text"] == c["text"]
                   and c["x0"] - BOX_TOLERANCE <= (w["x0"] + w["x1"]) / 2 <= c["x1"] + BOX_TOLERANCE
                   and c["top"] - BOX_TOLERANCE <= (w["top"] + w["bottom"]) / 2 <= c["bottom"] + BOX_TOLERANCE
                   for w in page_words[c["page"]]), f"{name}: {c['text']} not inside its box"


def test_label_column_is_the_first_mostly_text_column() -> None:
    body = [["1", "D", "Styrket indsats", "2,5"], ["2", "", "Bedre tilbud", "-"], ["", "", "I alt", "4,0"]]
    assert label_column(body, 4) == 2
    assert label_column([["12", "3,4"]], 2) == 0


def test_peer_records_take_the_first_row_as_header_and_skip_empty_cells() -> None:
    grid = [["Opgave", "2024\n1.000 kr.", "Anbefa-\nling"], ["Pleje", "- 1.690", ""], ["Madklub"]]
    tables, cells = peer_records(DOC_ID, [PeerTable(page=3, grid=grid, bbox=(1.0, 2.0, 3.0, 4.0)),
                                          PeerTable(page=4, grid=[])])
    assert [t["table_id"] for t in tables] == [f"{DOC_ID}-000"]
    assert tables[0]["columns"] == ["Opgave", "2024 1.000 kr.", "Anbefa- ling"]
    assert tables[0]["n_rows"] == 2
    by_pos = {(c["row_index"], c["col_index"]): c for c in cells}
    assert set(by_pos) == {(0, 0), (0, 1), (1, 0)}
    assert by_pos[(0, 1)]["value"] == -1690.0 and by_pos[(0, 1)]["row_label"] == "Pleje"
    assert (by_pos[(1, 0)]["x0"], by_pos[(1, 0)]["bottom"]) == (1.0, 4.0)  # no cell boxes: the table's box


def test_bench_script_scores_and_times_ours_and_a_peer(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    extraction.first_pages_copy(PDF, len(TABLE_PAGES), raw)
    out = tmp_path / "RESULTS.md"
    results = extraction.main(["--raw-dir", str(raw), "--peers", "pdfplumber", "--repeat", "2",
                               "--out", str(out)])
    assert [r.name for r in results] == [extraction.OURS, "pdfplumber"]
    for r in results:
        assert len(r.seconds) == 2 and r.pages == len(TABLE_PAGES) and r.pages_per_second > 0
        counts = r.per_doc[PDF.name]
        assert counts["gold_numeric"] == len(_gold_numbers())
        assert 0 <= r.summary["generic_numeric_recall"] <= 1
    assert results[1].per_doc[PDF.name]["numeric"] > 0  # pdfplumber reads this ruled table
    text = out.read_text(encoding="utf-8")
    assert extraction.REGENERATE in text
    assert all(f"| {name} |" in text or f"| **{name}** |" in text for name in (extraction.OURS, "pdfplumber"))

