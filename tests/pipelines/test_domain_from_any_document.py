"""Domain rows come from every table recognised, whatever the document's kind: a stand-alone satspulje table
whose first pages carry no kind markers publishes its satspulje rows (the document kind is no gate)."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from domain.documents import recognise_document
from pipelines.lib.extraction.pdf_text import read_first_lines
from tests.pipelines.conftest import run_cli

EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"  # vendored scorer derivation
SATSPULJE = "002/01_satspulje-2019-tabel1-oekonomioversigt.csv"


@pytest.fixture(scope="module")
def standalone(tmp_path_factory, dagster_home):
    """A stand-alone satspulje table printed by ReportLab (heading, prose, caption, table), run through the CLI."""
    from tests.producers.produce import draw_one, write_gold
    from tests.producers.spec import make_spec

    work = tmp_path_factory.mktemp("standalone")
    raw, clean, gold = work / "raw", work / "clean", work / "gold"
    raw.mkdir()
    spec = make_spec(7, "reportlab", "table", SATSPULJE, year_shift=0, scale=1)
    pdf = raw / "bilag.pdf"
    draw_one(spec, pdf, work)
    write_gold(spec, gold)
    (gold / "doc.json").write_text('{"kind": "committee_minutes", "like": "002", "municipality": null}')
    code, output, _ = run_cli(["run", "--raw-dir", str(raw), "--clean-dir", str(clean)])
    assert code == 0, output
    return pdf, clean, gold


def test_its_first_pages_carry_no_kind_markers(standalone):
    pdf, _, _ = standalone
    assert recognise_document(read_first_lines(pdf)[1]).kind == "unknown"


def test_a_standalone_satspulje_table_publishes_its_rows(standalone):
    pdf, clean, gold = standalone
    sys.path.insert(0, str(EVAL))
    import goldset

    expected = goldset.expected_domain(goldset.load_gold(gold))["satspulje"]
    found = pd.read_parquet(clean / "satspulje").to_dict("records")

    def key(r: dict) -> tuple:
        """A row's key and amount as the scorer pairs them (period, initiative, amount; nil as None)."""
        amount = None if pd.isna(r["amount_dkk"]) else int(r["amount_dkk"])
        return r["period"], " ".join(r["initiative"].split()).casefold(), amount

    want = pd.Series([key(r) for r in expected]).value_counts()
    got = pd.Series([key(r) for r in found]).value_counts()
    matched = sum(min(n, got.get(k, 0)) for k, n in want.items())
    assert matched / max(len(expected), len(found)) >= 0.99
    docs = pd.read_parquet(clean / "documents")
    assert docs["kind"].tolist() == ["committee_minutes"]  # the satspulje overview is what was found
