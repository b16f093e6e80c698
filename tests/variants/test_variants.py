"""Unseen-layout robustness: every catalogued variant PDF is extracted and must reproduce its gold cells exactly.

Known gaps are strict=False xfails whose reason says what goes wrong (they turn into XPASS once fixed; then
drop the entry from KNOWN_GAPS). Figures for every variant: `python -m tests.variants.harness`.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from tests.variants.catalog import BY_ID, GOLD_TABLES, VARIANTS, Variant
from tests.variants.cells import load_gold, parse_dk
from tests.variants.harness import describe, run_variant
from tests.variants.layout import DATE, LANDSCAPE, ORG, Style, format_dk, printed, vary_gold
from tests.variants.render import render_variant

# Variants the extractor does not read exactly yet, with the reason (none at present: add one here, with its
# diagnosis, when a new variant exposes a gap; remove it when the gap is closed).
KNOWN_GAPS: dict[str, str] = {}
RUNNING = re.compile(rf"^Side \d+ af \d+$|{re.escape(ORG)}|{re.escape(DATE)}")


def _param(v: Variant) -> object:
    """Given a variant, return its pytest param, marked xfail when it is a known gap."""
    marks = [pytest.mark.xfail(strict=False, reason=KNOWN_GAPS[v.id])] if v.id in KNOWN_GAPS else []
    return pytest.param(v, id=v.id, marks=marks)


@pytest.mark.parametrize("variant", [_param(v) for v in VARIANTS])
def test_variant_cells_exact(variant: Variant, tmp_path: Path) -> None:
    """Every gold cell (label, header, value) is extracted, and no other numeric cell in the matched table."""
    o = run_variant(variant, tmp_path)
    s = o.score
    assert (s.num_recall, s.num_precision, s.txt_recall) == (1.0, 1.0, 1.0), (
        f"{variant.id} ({variant.probes}): num {s.num_recall:.3f}/{s.num_precision:.3f} txt {s.txt_recall:.3f} "
        f"tables {s.tables}: {describe(o)}")


def test_known_gaps_name_real_variants() -> None:
    """Every known-gap entry names a catalogued variant (a renamed variant must not leave a stale xfail)."""
    assert set(KNOWN_GAPS) <= set(BY_ID)


@pytest.mark.parametrize("vid", ["satspulje-grid", "satspulje-split-rows", "grants-2pages", "tasks-landscape",
                                 "tasks-rotate90"])
def test_running_header_and_footer_never_cells(vid: str, tmp_path: Path) -> None:
    """The running header ("Københavns Kommune   12. august 2022") and footer ("Side 3 af 12") are never cells."""
    o = run_variant(BY_ID[vid], tmp_path)
    leaked = [c["text"] for c in o.cells if RUNNING.search(c["text"] or "")]
    assert not leaked


def test_rotated_page_is_stored_portrait_and_shown_landscape(tmp_path: Path) -> None:
    """Pin the /Rotate 90 variant itself: a portrait MediaBox, /Rotate 90, and pdfplumber reporting the landscape
    view with every word upright inside it (what a viewer shows)."""
    gold = load_gold(*GOLD_TABLES["t1_su1"])
    pdf_path = tmp_path / "rot.pdf"
    render_variant(gold, Style(orientation="rotate90"), pdf_path)
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        assert page.rotation == 90
        assert tuple(page.page_obj.mediabox[2:]) == pytest.approx((LANDSCAPE[1], LANDSCAPE[0]), abs=0.01)
        assert (page.width, page.height) == pytest.approx(LANDSCAPE, abs=0.01)
        assert all(w["upright"] for w in words)
        assert max(w["x1"] for w in words) <= page.width and max(w["bottom"] for w in words) <= page.height


@pytest.mark.parametrize("vid", ["overview-u2212-spaced", "satspulje-split-rows", "tasks-rotate90",
                                 "t1_su1-fpdf2", "t1_bu-endash-norules"])
def test_generator_prints_every_gold_value(vid: str, tmp_path: Path) -> None:
    """The generator itself loses nothing: every numeric gold cell is printed as one word run in the PDF."""
    v = BY_ID[vid]
    gold = load_gold(*GOLD_TABLES[v.table])
    pdf_path = tmp_path / f"{vid}.pdf"
    varied = render_variant(gold, v.style, pdf_path)
    with pdfplumber.open(pdf_path) as pdf:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    label = varied.label_col
    missing = [c for r in varied.rows for i, c in enumerate(r)
               if i != label and parse_dk(c) is not None and printed(c, v.style) not in text]
    assert not missing


def test_format_dk_and_scaled_totals_stay_consistent() -> None:
    """Danish formatting of scaled amounts, and a scaled grant list whose total still adds up."""
    assert format_dk(Decimal("-1139.2"), 1) == "-1.139,2"
    assert format_dk(Decimal("54044") * 7, 0) == "378.308"
    gold = load_gold(*GOLD_TABLES["grants"])
    varied = vary_gold(gold, Style(scale=7, year_shift=2))
    amounts = [parse_dk(r[1]) for r in varied.rows]
    total_at = next(i for i, r in enumerate(varied.rows) if r[0].endswith("i alt"))
    assert sum(a for a in amounts[:total_at] if a is not None) == amounts[total_at]
    assert "2028" in varied.header[1] and "2028" in varied.title


def test_printed_minus_glyphs() -> None:
    """Minus glyph, space after the sign and nil glyph are applied to numbers only, never to labels."""
    style = Style(minus="\u2212", minus_space=True, nil="\u2013")
    assert printed("-1.800", style) == "\u2212 1.800"
    assert printed("-", style) == "\u2013"
    assert printed("Spor 1: Drift af IT-løsning", style) == "Spor 1: Drift af IT-løsning"


def test_printed_price_level_moves_with_the_gold_price_level() -> None:
    """A unit printed as the label column's header ("1.000 kr. 2023 p/l") is printed text: other years move it
    with the gold's pl_year, so the gold says the price level the PDF prints."""
    from tests.variants.layout import header_text

    gold = load_gold(*GOLD_TABLES["t1_bu"])
    varied = vary_gold(gold, Style(year_shift=3))
    label_header = header_text(varied, varied.label_col)
    assert varied.meta["pl_year"] == gold.meta["pl_year"] + 3
    assert f"{varied.meta['pl_year']} p/l" in label_header
