"""The Copenhagen-style builders and checks on the REAL extraction of the sample PDFs (000, 001, 003).

Each document is extracted once per session (extract_tables -> table_records -> grids, classified by the
registry, as the pipeline does) and its domain rows are compared with the scorer's own derivation from the
gold (`shared/eval/goldset.py`), the printed-total verdicts with the gold `tables.json` totals.
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from domain import registry
from domain.cells import norm
from domain.documents import recognise_document
from domain.grid import Grid, grids_from_records
from domain.registry import DocumentContext, TotalCheck
from extractors.records import table_records
from pipelines.lib.extraction.pdf_text import read_first_lines
from tests.domain.cph_gold import metas
from tests.domain.gold_grids import GOLD
from tests.samples import extracted, extraction

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"  # vendored scorer derivation
pytestmark = pytest.mark.skipif(not EVAL.exists(), reason="shared scorer not available")



@dataclass
class RealDoc:
    """A sample document as the domain layer sees it after extraction."""

    context: DocumentContext
    grids: list[Grid]


def _extract(prefix: str) -> RealDoc:
    """Given a sample file prefix ("000"), return its context and classified grids from the real extraction."""
    (pdf,) = RAW.glob(f"{prefix}_*.pdf")
    _, lines = read_first_lines(pdf)
    facts = recognise_document(lines)
    tables, cells = table_records(prefix, list(extracted(prefix)))
    grids = grids_from_records(tables, cells)
    for g in grids:
        g.kind = registry.classify(g)
    return RealDoc(DocumentContext(prefix, facts.kind, facts.municipality, facts.title, extraction(prefix)[1]), grids)


@pytest.fixture(scope="session")
def real_000() -> RealDoc:
    """The grant-expiry list, extracted."""
    return _extract("000")


@pytest.fixture(scope="session")
def real_001() -> RealDoc:
    """The efficiency catalogue, extracted."""
    return _extract("001")


@pytest.fixture(scope="session")
def real_003() -> RealDoc:
    """The investment-proposal collection, extracted."""
    return _extract("003")


def _expected(doc: str, table: str) -> list[dict]:
    """Given a gold folder and a domain table, return the scorer's expected rows."""
    sys.path.insert(0, str(EVAL))
    import goldset

    return goldset.expected_domain(goldset.load_gold(GOLD / doc))[table]


def _rows(real: RealDoc, table: str) -> list[dict]:
    """Given a real document and a domain table, return the built rows."""
    return registry.builders()[table](real.context, real.grids)


def _same(expected: list[dict], found: list[dict], fields: list[str]) -> tuple[Counter, Counter]:
    """Given expected and found rows, return (missing, extra) as multisets over the given fields."""
    def key(r: dict) -> tuple:
        return tuple(norm(r[f]) if isinstance(r[f], str) else r[f] for f in fields)
    e, f = Counter(map(key, expected)), Counter(map(key, found))
    return e - f, f - e


def test_grant_expiries_are_the_gold_rows(real_000):
    expected = _expected("000", "grant_expiries")
    fields = [k for k in expected[0] if k not in ("page", "document_id")]
    assert _same(expected, _rows(real_000, "grant_expiries"), fields) == (Counter(), Counter())


def test_catalogue_overview_is_the_gold_rows(real_001):
    expected = _expected("001", "catalogue_overview")
    fields = ["code", "title", "proposal_type", "year", "amount_dkk", "pl_year"]
    assert _same(expected, _rows(real_001, "catalogue_overview"), fields) == (Counter(), Counter())


ECON_FIELDS = ["code", "section", "line_item", "control_area", "year", "amount_dkk", "pl_year"]


def test_proposal_economics_of_003_are_the_gold_rows(real_003):
    expected = _expected("003", "proposal_economics")
    assert _same(expected, _rows(real_003, "proposal_economics"), ECON_FIELDS) == (Counter(), Counter())


def test_proposal_economics_of_001_are_the_gold_rows(real_001):
    expected = _expected("001", "proposal_economics")
    assert _same(expected, _rows(real_001, "proposal_economics"), ECON_FIELDS) == (Counter(), Counter())


def test_proposal_economics_of_001_differ_from_the_gold_only_in_the_mis_extracted_proposals(real_001):
    expected = _expected("001", "proposal_economics")
    missing, extra = _same(expected, _rows(real_001, "proposal_economics"), ECON_FIELDS)
    assert {k[0] for k in missing} <= {"su7"} and {k[0] for k in extra} <= {"su6"}
    assert sum(missing.values()) == sum(extra.values()) <= 10  # SU7's Tabel 1 under SU6's code


def test_proposals_cover_every_code_with_payback_from_tabel1(real_003):
    props = {p["code"]: p for p in _rows(real_003, "proposals")}
    codes = {r["code"] for r in _expected("003", "proposal_economics")}
    assert codes <= set(props)
    assert all(props[c]["payback_service_years"] is not None or props[c]["payback_total_years"] is not None
               for c in codes)


@pytest.mark.parametrize("doc", ["001", "003"])
def test_proposals_are_the_gold_proposals(doc, real_001, real_003):
    """Every proposal, placeholders included, with its whole (wrapped) title, administration and payback."""
    sys.path.insert(0, str(EVAL))
    import goldset

    expected = {p["code"]: p for p in goldset.expected_proposals(GOLD / doc)}
    found = {p["code"]: {k: p[k] for k in goldset.PROPOSAL_FIELDS}
             for p in _rows(real_001 if doc == "001" else real_003, "proposals")}
    assert found == expected


def test_proposal_contexts_carry_the_whole_wrapped_title(real_003):
    contexts = {g.context for g in real_003.grids if g.context}
    assert "BU03 - Faglig omstilling – Målrettet tidlig indsats til forebyggelse af senere sociale foranstaltninger" \
        in contexts
    assert any(c.endswith("effektivisering af SOFs og BIFs administrative m2") for c in contexts)


def _gold_failures(doc: str) -> Counter:
    """Given a gold folder, return the multiset of (total row label, column) the gold records as failing."""
    out: Counter = Counter()
    for m in metas(doc):
        for t in m.get("totals") or []:
            if t.get("holds", True) or t.get("within_rounding"):
                continue
            if "by_column" in t:
                cols = [y for y, c in t["by_column"].items() if not c["holds"]]
            else:
                cols = [x["year"] for x in t["mismatches"]]
            out.update((norm(t["total_row"]), c) for c in cols)
    return out


def _failures(real: RealDoc) -> Counter:
    """Given a real document, return the multiset of (total row label, column) its checks report failing."""
    checks: list[TotalCheck] = [c for g in real.grids for c in registry.check_totals(g)]
    return Counter((norm(c.row_label), c.column) for c in checks if not c.holds)


def test_checks_of_000_report_exactly_the_recorded_printing_errors(real_000):
    checks = [c for g in real_000.grids for c in registry.check_totals(g)]
    assert checks and _failures(real_000) == _gold_failures("000")


def test_checks_of_003_report_exactly_the_recorded_printing_errors(real_003):
    assert _failures(real_003) == _gold_failures("003")


def test_checks_of_003_raise_no_false_alarm(real_003):
    assert not _failures(real_003) - _gold_failures("003")
    assert sum(_failures(real_003).values()) >= sum(_gold_failures("003").values()) - 1


def test_checks_of_001_report_exactly_the_recorded_printing_errors(real_001):
    assert _failures(real_001) == _gold_failures("001")
