"""Test helper: write a portrait PDF page whose small budget table is printed turned by 90 degrees."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

ROWS = [("1.000 kr.", "2023", "2024", "2025"), ("Hjemmepleje", "\u22121.400", "\u22124.200", "\u22125.600"),
        ("Sygepleje", "300", "0", "\u221290"), ("I alt", "\u22121.100", "\u22124.200", "\u22125.690")]
COLUMN_RIGHT_EDGES = (None, 330, 410, 490)  # numbers are right-aligned; the label column is left-aligned at 80


def write_turned_table(path: Path) -> Path:
    """Given a path, write there a one-page A4 portrait PDF with the table drawn turned 90 degrees."""
    c = canvas.Canvas(str(path), pagesize=A4)
    width, _ = A4
    c.translate(width, 0)
    c.rotate(90)  # from here on, drawing is in a landscape frame (x along the page's height)
    y = 420
    for i, row in enumerate(ROWS):
        c.setFont("Helvetica-Bold" if i in (0, len(ROWS) - 1) else "Helvetica", 10)
        c.drawString(80, y, row[0])
        for text, right in zip(row[1:], COLUMN_RIGHT_EDGES[1:], strict=True):
            c.drawRightString(right, y, text)
        if i == 0:
            c.line(80, y - 4, 490, y - 4)
        y -= 18
    c.line(80, y + 14, 490, y + 14)
    c.showPage()
    c.save()
    return path
