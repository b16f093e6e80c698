"""`proposals`: one row per proposal code, from the overview and the Tabel 1 grids, plus header-form facts."""
from __future__ import annotations

import csv

from domain import proposals
from domain.grid import Grid, GridCell, GridRow
from domain.registry import DocumentContext
from tests.domain.cph_gold import classified, metas
from tests.domain.gold_grids import GOLD

DOC = DocumentContext("gold", "proposal_catalogue", "København", None)
COLUMNS = {"document_id", "page", "municipality", "code", "title", "proposal_type", "administration",
           "confidential", "payback_service_years", "payback_total_years"}


def _payback_from_csv(doc: str, meta: dict) -> dict[str, float | None]:
    """Read the two payback rows of a gold Tabel 1 straight from its CSV: first non-empty value cell."""
    with open(GOLD / doc / meta["file"], encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    out = {}
    for r in rows:
        if r[0].lower().startswith("tilbagebetalingstid"):
            cells = [c for c in r[1:] if c.strip()]
            kind = "total" if "total" in r[0].lower() else "service"
            out[kind] = float(cells[0].split()[0].replace(",", ".")) if cells else None
    return out


def test_catalogue_proposals_from_overview_and_tabel1():
    out = {p["code"]: p for p in proposals.rows(DOC, classified("001"))}
    assert list(out) == [f"SU{i}" for i in range(1, 11)]
    assert set(out["SU1"]) == COLUMNS
    assert [c for c, p in out.items() if p["confidential"]] == ["SU9"]
    assert out["SU9"]["title"] == "Tilpasning af kapacitetsniveau"
    assert out["SU7"]["proposal_type"] == "innovation" and out["SU10"]["proposal_type"] == "efficiency"
    assert out["SU8"]["payback_service_years"] is None  # overview-only proposal


def test_payback_periods_follow_the_printed_rows():
    for doc in ("001", "003"):
        out = {p["code"]: p for p in proposals.rows(DOC, classified(doc))}
        for m in metas(doc):
            if (m.get("title") or "").startswith("Tabel 1"):
                ctx = m["context"]
                code = ctx["code"] if isinstance(ctx, dict) else ctx.split()[0]
                printed = _payback_from_csv(doc, m)
                assert out[code]["payback_service_years"] == printed.get("service"), code
                assert out[code]["payback_total_years"] == printed.get("total"), code


def test_collection_titles_from_printed_headings_and_type_from_the_document_title():
    doc = DocumentContext("gold", "proposal_catalogue", "København", "Investeringsforslag OFS 2021-2022")
    out = {p["code"]: p for p in proposals.rows(doc, classified("003"))}
    assert len(out) == 11
    assert out["BU/SI01"]["title"] == "Faglig omstilling – Styrket overgang fra ung til voksen"
    assert out["UD13"]["title"] == "Styrket indsats i forbindelse med mellemkommunal refusion"
    assert {p["proposal_type"] for p in out.values()} == {"investment"}


def test_administration_from_the_header_form_and_payback_text_variants():
    grids = classified("003")
    heading = next(g.context for g in grids if g.context and g.context.startswith("SI05"))
    form = Grid("gold", "gold-900", 900, 40, 40, None, heading, ["", ""], None, None, rows=[
        GridRow(0, 40, "Fremstillende forvaltning:", {0: GridCell("Fremstillende forvaltning:", None, 40),
                                                      1: GridCell("Socialforvaltningen", None, 40)})])
    out = {p["code"]: p for p in proposals.rows(DOC, [*grids, form])}
    assert out["SI05"]["administration"] == "Socialforvaltningen"
    assert out["BU04"]["administration"] is None
    row = GridRow(0, 1, "Tilbagebetalingstid baseret på totaløkonomi", {
        0: GridCell("Tilbagebetalingstid baseret på totaløkonomi", None, 1), 2: GridCell("6 år", None, 1)})
    assert proposals.payback_years(row, 0) == 6.0
    row.cells[2] = GridCell("2,5 år", None, 1)
    assert proposals.payback_years(row, 0) == 2.5
    del row.cells[2]
    assert proposals.payback_years(row, 0) is None


def test_title_from_heading_variants():
    heading = "SU2 – SU2. Styrkelse af hjemmeplejen (INVESTERINGSFORSLAG, OFS 2021-2022)"
    assert proposals.title_from_heading(heading, "SU2") == "Styrkelse af hjemmeplejen"
    assert proposals.title_from_heading("SI/UD03 – Øget brug af videomøder", "SI/UD03") == "Øget brug af videomøder"
    assert proposals.title_from_heading("Effektiviseringskatalog 2023", "SU1") is None


def test_outline_gives_placeholder_proposals_and_administration():
    """Titles and fields printed outside tables (`documents.outline`): a proposal that prints only its title is
    a row; "Fremstillende forvaltning" printed after a title is that proposal's; a cross-reference is no new row."""
    outline = (
        dict(page=40, role="heading", label=None, text="INVESTERINGSFORSLAG"),
        dict(page=40, role="title", label=None, text="HA02 – Styrket indsats til børn med autisme"),
        dict(page=41, role="title", label=None, text="SI05 - Hurtigere udslusning af færdigmeldte patienter"),
        dict(page=41, role="field", label="Fremstillende forvaltning", text="Socialforvaltningen"),
        dict(page=44, role="title", label=None, text="HA02 – Styrket indsats til børn med autisme"),
        dict(page=44, role="field", label="Fremstillende forvaltning", text="Økonomiforvaltningen"),
    )
    doc = DocumentContext("gold", "proposal_catalogue", "København", None, outline)
    out = {p["code"]: p for p in proposals.rows(doc, classified("003"))}
    assert out["HA02"]["title"] == "Styrket indsats til børn med autisme"
    assert (out["HA02"]["page"], out["HA02"]["proposal_type"]) == (40, "investment")
    assert out["HA02"]["administration"] == "Økonomiforvaltningen"  # printed after its (repeated) title
    assert out["HA02"]["payback_service_years"] is None
    assert out["SI05"]["administration"] == "Socialforvaltningen"
    assert out["BU04"]["administration"] is None
    # without proposal tables, code-like titles alone make no proposals
    assert proposals.rows(doc, []) == []


def test_payback_rows_whose_wrapped_label_lost_its_kind_follow_the_printed_order():
    grids = [g for g in classified("003") if g.kind == "proposal_economics" and g.context
             and g.context.startswith("BU03")][:1]
    for row in grids[0].rows:
        for c, cell in row.cells.items():
            if cell.text.lower().startswith("tilbagebetalingstid"):
                cell = GridCell("Tilbagebetalingstid baseret på", None, cell.page)
                row.cells[c] = cell
                row.label = cell.text
    out = {p["code"]: p for p in proposals.rows(DOC, grids)}
    assert (out["BU03"]["payback_service_years"], out["BU03"]["payback_total_years"]) == (5.0, 5.0)
