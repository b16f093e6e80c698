"""Printed-total checks on a capital statement as a bank's annual report prints it (ReportLab, real extractor):
"- heraf" lines set indented, subtotals without "i alt" ("Egentlig kernekapital", "Kernekapital",
"Kapitalgrundlag") that close their blocks. Every total holds, so none may be reported failing; a wrong
"i alt" is still reported."""
from __future__ import annotations

from pathlib import Path

import pytest

from domain import registry
from domain.grid import grids_from_records
from extractors.records import table_records
from extractors.tables import extract_tables

ROWS = [("Aktiekapital", 0, "100", "100"), ("Overført overskud", 0, "1.200", "1.100"),
        ("Egenkapital i alt", 0, "1.300", "1.200"), ("- heraf minoritetsinteresser", 12, "20", "18"),
        ("Fradrag for immaterielle aktiver", 0, "-50", "-40"),
        ("Fradrag for udskudte skatteaktiver", 0, "-10", "-12"),
        ("Egentlig kernekapital", 0, "1.240", "1.148"), ("Hybrid kernekapital", 0, "200", "200"),
        ("Kernekapital", 0, "1.440", "1.348"), ("Supplerende kapital", 0, "150", "150"),
        ("Kapitalgrundlag", 0, "1.590", "1.498")]


def _print(path: Path, rows: list[tuple[str, int, str, str]]) -> None:
    """Given a path and (label, indent, 2023, 2022) rows, print the statement with ReportLab."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    table = Table([["Mio. kr.", "2023", "2022"]] + [[label, a, b] for label, _, a, b in rows], colWidths=[260, 80, 80])
    style = [("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
             ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black)]
    style += [("LEFTPADDING", (0, i), (0, i), 6 + indent) for i, (_, indent, _, _) in enumerate(rows, 1) if indent]
    table.setStyle(TableStyle(style))
    heading = Paragraph("Kapitalforhold", getSampleStyleSheet()["Heading2"])
    SimpleDocTemplate(str(path), pagesize=A4).build([heading, Spacer(1, 6), table])


def _checks(path: Path) -> list[registry.TotalCheck]:
    """Given a PDF, return the printed-total checks of its tables as the pipeline makes them."""
    tables, cells = table_records("cap", extract_tables(path))
    out = []
    for grid in grids_from_records(tables, cells):
        grid.kind = registry.classify(grid)
        out += registry.check_totals(grid)
    return out


def test_a_capital_statement_whose_totals_hold_raises_no_alarm(tmp_path):
    pytest.importorskip("reportlab")
    _print(tmp_path / "cap.pdf", ROWS)
    checks = _checks(tmp_path / "cap.pdf")
    assert {(c.row_label, c.holds) for c in checks} == {
        ("Egenkapital i alt", True), ("Egentlig kernekapital", True), ("Kernekapital", True),
        ("Kapitalgrundlag", True)}
    heraf = next(i for i, r in enumerate(ROWS) if "heraf" in r[0])
    assert all(heraf not in {r for r, _ in c.parts} for c in checks)  # the of-which line is never summed
    kernekapital = next(c for c in checks if c.row_label == "Kernekapital")
    assert {r for r, _ in kernekapital.parts} == {6, 7}  # the subtotal above it plus the row after it


def test_a_wrong_i_alt_in_the_statement_is_still_reported(tmp_path):
    pytest.importorskip("reportlab")
    rows = [("Egenkapital i alt", 0, "1.310", "1.200") if r[0] == "Egenkapital i alt" else r for r in ROWS]
    _print(tmp_path / "cap.pdf", rows)
    failing = {(c.row_label, c.column) for c in _checks(tmp_path / "cap.pdf") if not c.holds}
    assert ("Egenkapital i alt", "2023") in failing
