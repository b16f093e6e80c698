"""The named layout variants: which gold table each one prints and how (one `Style` per variant)."""
from __future__ import annotations

from dataclasses import dataclass, field

from tests.variants.cells import GoldTable
from tests.variants.layout import Style

UNICODE_MINUS = "\u2212"
EN_DASH = "\u2013"

# short name -> (gold folder, CSV prefix): the representative gold tables of the five document kinds
GOLD_TABLES = {
    "grants": ("000", "01_"),  # grant list incl. the "Dækket ved" section
    "overview": ("001", "01_"),  # catalogue overview, many negatives
    "t1_su1": ("001", "02_"),  # "Tabel 1" economics: payback in Styringsområde, zeros, sections
    "t1_bu": ("003", "01_"),  # "Tabel 1" economics with a printed unit as the label header
    "t1_ha03": ("003", "44_"),  # "Tabel 1" with long wrapping labels, "4 år", "handle- og"
    "satspulje": ("002", "01_"),  # long, multi-page, groups, "-" nil cells, Nr./DUT columns
    "tasks": ("004", "01_"),  # wide task budget
    "followup": ("001", "06_"),  # text table: Opfølgningsmål
    "heard": ("001", "05_"),  # text table: "Hvem er hørt?"
}
TEXT_CAPTIONS = {"followup": "Opfølgning", "heard": "Hvem er hørt?"}  # headings of untitled text tables


@dataclass(frozen=True)
class Variant:
    """One variant PDF: an id, the gold table it prints, its style, and what it probes."""

    id: str
    table: str  # a GOLD_TABLES key
    style: Style = field(default_factory=Style)
    probes: str = ""


def context_heading(gold: GoldTable) -> str | None:
    """Given a gold table, return the proposal heading printed above it ("SU1. Styrkelse af ..."), if any."""
    ctx = gold.meta.get("context")
    if isinstance(ctx, dict):
        return ctx.get("title_printed")
    if isinstance(ctx, str) and " – " in ctx and ctx.split(" ", 1)[0].isalnum():
        return ctx.split(" – ", 1)[1].split(" (", 1)[0]
    return None


def _v(id: str, table: str, probes: str, **style: object) -> Variant:
    """Given an id, gold table key, description and Style fields, return the Variant."""
    if table in TEXT_CAPTIONS:
        style.setdefault("caption", TEXT_CAPTIONS[table])
    return Variant(id, table, Style(**style), probes)


VARIANTS: list[Variant] = [
    # rulings
    _v("t1_su1-grid", "t1_su1", "full grid (baseline)"),
    _v("t1_su1-hrules", "t1_su1", "horizontal rules only", rulings="hrules"),
    _v("t1_su1-headrule", "t1_su1", "a single rule under the header", rulings="header"),
    _v("t1_su1-norules", "t1_su1", "no rulings at all", rulings="none"),
    _v("t1_su1-zebra", "t1_su1", "shaded header, white header text, zebra rows", rulings="zebra"),
    _v("grants-grid", "grants", "grant list, full grid"),
    _v("grants-hrules", "grants", "grant list, horizontal rules", rulings="hrules"),
    _v("grants-norules", "grants", "grant list, no rulings", rulings="none"),
    _v("grants-zebra", "grants", "grant list, shaded rows", rulings="zebra"),
    # fonts
    _v("t1_su1-times", "t1_su1", "Times", font="Times"),
    _v("t1_su1-courier", "t1_su1", "Courier (monospace)", font="Courier"),
    _v("t1_su1-courier-norules", "t1_su1", "Courier without rulings", font="Courier", rulings="none"),
    _v("t1_su1-vera", "t1_su1", "embedded TrueType (Vera)", font="Vera"),
    _v("t1_su1-plainheader", "t1_su1", "header not bold", bold_header=False),
    _v("grants-times-norules", "grants", "Times, no rulings, header not bold", font="Times", rulings="none",
       bold_header=False),
    # minus glyphs
    _v("overview-hyphen", "overview", "overview, '-' minus"),
    _v("overview-u2212", "overview", "U+2212 minus sign", font="Vera", minus=UNICODE_MINUS),
    _v("overview-endash", "overview", "en dash as minus", minus=EN_DASH),
    _v("overview-spaced", "overview", "space after the sign ('- 1.690')", minus_space=True),
    _v("overview-u2212-spaced", "overview", "U+2212 and a space", font="Vera", minus=UNICODE_MINUS,
       minus_space=True),
    _v("overview-norules", "overview", "overview, no rulings", rulings="none"),
    _v("overview-unitline-grid", "overview", "unit line '(1.000 kr.)' under the caption, grid",
       unit_line="(1.000 kr.)"),
    _v("overview-unitline", "overview", "unit line '(1.000 kr.)' under the caption, no rulings",
       unit_line="(1.000 kr.)", rulings="none"),
    _v("t1_bu-endash-norules", "t1_bu", "en dash minus, en dash nil, no rulings", minus=EN_DASH, nil=EN_DASH,
       rulings="none"),
    # column widths and alignment
    _v("t1_bu-narrow", "t1_bu", "narrow number columns, 7 pt, labels wrapped 2-3 lines", size=7.0, num_extra=0.0,
       label_share=0.22),
    _v("t1_bu-narrow-middle", "t1_bu", "as narrow, values vertically centred", size=7.0, num_extra=0.0,
       label_share=0.22, valign="middle"),
    _v("t1_ha03-wrapped-hrules", "t1_ha03", "long labels wrapped 3+ lines, horizontal rules", label_share=0.25,
       rulings="hrules"),
    _v("t1_ha03-wrapped-norules", "t1_ha03", "long wrapped labels, no rulings", label_share=0.3, rulings="none"),
    _v("t1_ha03-middle-norules", "t1_ha03", "wrapped labels, values centred, no rulings", label_share=0.3,
       rulings="none", valign="middle"),
    _v("t1_su1-centred-numbers", "t1_su1", "numbers centred in their columns", num_align="center"),
    _v("grants-tight-hrules", "grants", "5 pt between a right-aligned amount and the next column's text",
       pad=2.5, rulings="hrules"),
    _v("grants-tight-norules", "grants", "5 pt column gap and no rulings", pad=2.5, rulings="none"),
    _v("t1_su1-wide", "t1_su1", "roomy number columns", num_extra=24.0, size=7.5),
    _v("satspulje-middle", "satspulje", "satspulje, values vertically centred against wrapped labels",
       valign="middle", rows_per_page=None),
    # page breaks
    _v("satspulje-grid", "satspulje", "multi-page, repeated header"),
    _v("satspulje-norepeat", "satspulje", "multi-page, header NOT repeated", repeat_header=False),
    _v("satspulje-caption-repeat", "satspulje", "multi-page, caption and header repeated", repeat_caption=True),
    _v("satspulje-split-rows", "satspulje", "multi-page, wrapped rows broken over the page breaks",
       split_rows=True),
    _v("satspulje-hrules", "satspulje", "multi-page, horizontal rules only", rulings="hrules"),
    _v("satspulje-topmargin-2cm", "satspulje", "multi-page, repeated header, body starts 2 cm from the top",
       top_margin=57.0),
    _v("satspulje-norules", "satspulje", "multi-page, no rulings, repeated header", rulings="none"),
    _v("grants-2pages", "grants", "grant list over 2 pages, header repeated", lead_paragraphs=9),
    _v("grants-2pages-split", "grants", "grant list over 2 pages, a row broken over the break", lead_paragraphs=9,
       split_rows=True, label_share=0.3),
    _v("grants-2pages-norepeat", "grants", "grant list over 2 pages, header not repeated", lead_paragraphs=9,
       repeat_header=False),
    # orientation
    _v("tasks-landscape", "tasks", "wide task budget on landscape pages (842x595)", orientation="landscape",
       size=7.0),
    _v("tasks-rotate90", "tasks", "portrait MediaBox with /Rotate 90, content drawn rotated",
       orientation="rotate90", size=7.0),
    _v("tasks-landscape-hrules", "tasks", "landscape, horizontal rules only", orientation="landscape", size=7.0,
       rulings="hrules"),
    _v("t1_su1-rotate90", "t1_su1", "economics table on a /Rotate 90 page", orientation="rotate90"),
    # captions
    _v("t1_su1-caption-nodot", "t1_su1", "caption 'Tabel 1 ...' without the dot, unit in the caption",
       caption="Tabel 1 Forslagets samlede økonomiske konsekvenser (1.000 kr., 2023-pl)"),
    _v("satspulje-caption-dot", "satspulje", "caption 'Tabel 1. ...' with a dot",
       caption="Tabel 1. Økonomioversigt for satspuljen 2019 (mio. kr., 2019-pl)"),
    # text tables
    _v("followup-grid", "followup", "text table (Opfølgning), grid"),
    _v("followup-norules", "followup", "text table, no rulings", rulings="none"),
    _v("heard-hrules", "heard", "'Hvem er hørt?' table, horizontal rules", rulings="hrules"),
    _v("heard-norules", "heard", "'Hvem er hørt?' table, no rulings", rulings="none"),
    # other years and numbers
    _v("t1_su1-years+3-x3", "t1_su1", "years +3, every amount x3", year_shift=3, scale=3),
    _v("satspulje-years+4-x2", "satspulje", "years +4, amounts x2", year_shift=4, scale=2),
    _v("grants-x7", "grants", "amounts x7, years +2", year_shift=2, scale=7),
    # a second renderer
    _v("t1_su1-fpdf2", "t1_su1", "fpdf2, TrueType, grid", renderer="fpdf2", font="Vera"),
    _v("satspulje-fpdf2-hrules", "satspulje", "fpdf2, multi-page, horizontal rules", renderer="fpdf2",
       font="Vera", rulings="hrules"),
    _v("grants-fpdf2-norules", "grants", "fpdf2, no rulings", renderer="fpdf2", font="Vera", rulings="none"),
    _v("tasks-fpdf2-zebra", "tasks", "fpdf2, landscape, zebra", renderer="fpdf2", font="Vera",
       orientation="landscape", size=7.0, rulings="zebra"),
]
BY_ID = {v.id: v for v in VARIANTS}
