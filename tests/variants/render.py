"""Draw laid-out pages (`layout.Page`) into a PDF with ReportLab or fpdf2 — two unrelated PDF writers."""
from __future__ import annotations

from pathlib import Path

from tests.variants.cells import GoldTable
from tests.variants.layout import TTF_FILES, Fill, Line, Page, Style, Text, layout, vary_gold

# ReportLab's standard fonts print WinAnsi only; other characters need the embedded TrueType family.
WINANSI = "cp1252"
FPDF_CORE = {"Helvetica": "helvetica", "Times-Roman": "times", "Courier": "courier",
             "Helvetica-Bold": "helvetica", "Times-Bold": "times", "Courier-Bold": "courier"}


def _check_encodable(pages: list[Page]) -> None:
    """Given pages, raise ValueError when a standard-font string has characters outside WinAnsi."""
    for page in pages:
        for it in page.items:
            if isinstance(it, Text) and it.font not in TTF_FILES:
                try:
                    it.s.encode(WINANSI)
                except UnicodeEncodeError as e:
                    raise ValueError(f"{it.s!r} cannot be printed in {it.font}; use font='Vera'") from e


def draw_reportlab(pages: list[Page], path: Path) -> None:
    """Given pages, write them to `path` with ReportLab's canvas (rotated pages get /Rotate 90)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), invariant=1, pageCompression=0)
    for page in pages:
        if page.rotate90:  # stored portrait, shown landscape: content drawn rotated by 90 degrees
            # ReportLab takes the size as shown and swaps it for the stored MediaBox when the page is rotated
            c.setPageSize((page.width, page.height))
            c.setPageRotation(90)
            c.translate(page.height, 0)
            c.rotate(90)
        else:
            c.setPageSize((page.width, page.height))
            c.setPageRotation(0)
        h = page.height
        for it in page.items:
            if isinstance(it, Text):
                c.setFillColorRGB(*it.color)
                c.setFont(it.font, it.size)
                c.drawString(it.x, h - it.y, it.s)
            elif isinstance(it, Line):
                c.setLineWidth(it.width)
                c.line(it.x0, h - it.y0, it.x1, h - it.y1)
            elif isinstance(it, Fill):
                c.setFillColorRGB(*it.color)
                c.rect(it.x0, h - it.bottom, it.x1 - it.x0, it.bottom - it.top, stroke=0, fill=1)
        c.showPage()
    c.save()


def draw_fpdf2(pages: list[Page], path: Path) -> None:
    """Given pages, write them to `path` with fpdf2 (TrueType text embedded as Identity-H subsets)."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_font("vera", "", str(TTF_FILES["Vera"]))
    pdf.add_font("vera", "B", str(TTF_FILES["VeraBd"]))
    for page in pages:
        if page.rotate90:
            raise ValueError("the fpdf2 backend draws no /Rotate 90 pages")
        pdf.add_page(format=(page.width, page.height))
        for it in page.items:
            if isinstance(it, Text):
                if it.font in TTF_FILES:
                    pdf.set_font("vera", "B" if it.font == "VeraBd" else "", it.size)
                else:
                    pdf.set_font(FPDF_CORE[it.font], "B" if "Bold" in it.font else "", it.size)
                pdf.set_text_color(*(round(255 * v) for v in it.color))
                pdf.text(it.x, it.y, it.s)
            elif isinstance(it, Line):
                pdf.set_line_width(it.width)
                pdf.line(it.x0, it.y0, it.x1, it.y1)
            elif isinstance(it, Fill):
                pdf.set_fill_color(*(round(255 * v) for v in it.color))
                pdf.rect(it.x0, it.top, it.x1 - it.x0, it.bottom - it.top, style="F")
    pdf.output(str(path))


def render_variant(gold: GoldTable, style: Style, path: Path, context: str | None = None) -> GoldTable:
    """Given a gold table, a style and an output path, write the variant PDF; return the gold it prints."""
    varied = vary_gold(gold, style)
    pages = layout(varied, style, context)
    if style.renderer == "fpdf2":
        draw_fpdf2(pages, path)
    else:
        _check_encodable(pages)
        draw_reportlab(pages, path)
    return varied
