"""Small PDFs drawn with ReportLab's canvas the way Word, LibreOffice and browsers draw tables: text set cell by
cell, borders and shading drawn per cell. Coordinates here are top-down (pdfplumber's), in points."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

A4 = (595.0, 842.0)
FONT, BOLD = "Helvetica", "Helvetica-Bold"


def width(s: str, bold: bool = False, size: float = 9.0) -> float:
    """The printed width of a string in Helvetica (bold or not)."""
    return stringWidth(s, BOLD if bold else FONT, size)


@dataclass
class Sheet:
    """One page's drawing operations, replayed by `write_pdf`."""

    ops: list[tuple] = field(default_factory=list)
    height: float = A4[1]

    def text(self, x: float, baseline: float, s: str, bold: bool = False, size: float = 9.0) -> None:
        """Set a string with its left end at x on the given baseline (measured from the top)."""
        self.ops.append(("text", x, baseline, s, bold, size))

    def text_right(self, x1: float, baseline: float, s: str, bold: bool = False, size: float = 9.0) -> None:
        """Set a string right-aligned to x1."""
        self.text(x1 - width(s, bold, size), baseline, s, bold, size)

    def hline(self, x0: float, x1: float, y: float, lw: float = 0.5) -> None:
        """A horizontal stroked line at y from x0 to x1."""
        self.ops.append(("line", x0, y, x1, y, lw))

    def vline(self, x: float, top: float, bottom: float, lw: float = 0.5) -> None:
        """A vertical stroked line at x from top to bottom."""
        self.ops.append(("line", x, top, x, bottom, lw))

    def fill(self, x0: float, top: float, x1: float, bottom: float, gray: float = 0.85) -> None:
        """A filled, unstroked rectangle."""
        self.ops.append(("fill", x0, top, x1, bottom, gray))


def write_pdf(sheets: list[Sheet], path: Path) -> Path:
    """Draw the sheets as the pages of an A4 PDF at path (deterministic output) and return the path."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=0)
    for sheet in sheets:
        h = sheet.height
        for op in sorted(sheet.ops, key=lambda o: o[0] != "fill"):  # shading first, text and borders on top
            if op[0] == "text":
                _, x, baseline, s, bold, size = op
                c.setFillGray(0)
                c.setFont(BOLD if bold else FONT, size)
                c.drawString(x, h - baseline, s)
            elif op[0] == "line":
                _, x0, y0, x1, y1, lw = op
                c.setLineWidth(lw)
                c.line(x0, h - y0, x1, h - y1)
            else:
                _, x0, top, x1, bottom, gray = op
                c.setFillGray(gray)
                c.rect(x0, h - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
        c.showPage()
    c.save()
    return path


@dataclass
class DrawnRow:
    """One table row as printed: its cells' lines of text, and the band it occupies."""

    cells: list[list[str]]
    top: float
    bottom: float
    bold: bool = False


def set_rows(sheet: Sheet, edges: list[float], rows: list[list[str | list[str]]], top: float, *,
             bold_rows: frozenset[int] = frozenset(), numeric_from: int = 2, pad: float = 3.0, lead: float = 11.0,
             size: float = 9.0, pad_x: float = 2.0) -> list[DrawnRow]:
    """Set the rows' text into columns between `edges` (x boundaries, one more than the columns) from `top` down,
    cell padding `pad` above and below each row; cells from column `numeric_from` on are right-aligned, the rest
    left-aligned `pad_x` inside the cell. A cell is a string or a list of its lines. Return the rows' bands (no
    rules or shading are drawn: the caller draws them, per cell or not)."""
    out = []
    y = top
    for i, row in enumerate(rows):
        cells = [c if isinstance(c, list) else ([c] if c else []) for c in row]
        n = max(1, max(len(c) for c in cells))
        bold = i in bold_rows
        for k, lines in enumerate(cells):
            for j, s in enumerate(lines):
                baseline = y + pad + size + j * lead - 2
                if k >= numeric_from:
                    sheet.text_right(edges[k + 1] - pad_x, baseline, s, bold, size)
                else:
                    sheet.text(edges[k] + pad_x, baseline, s, bold, size)
        bottom = y + 2 * pad + size + (n - 1) * lead + 1
        out.append(DrawnRow(cells, y, bottom, bold))
        y = bottom
    return out


def cell_borders(sheet: Sheet, edges: list[float], rows: list[DrawnRow], lw: float = 0.5) -> None:
    """Draw every cell's four borders as separate segments (Word/LibreOffice: shared borders drawn twice)."""
    for r in rows:
        for a, b in zip(edges, edges[1:], strict=False):
            sheet.hline(a, b, r.top, lw)
            sheet.hline(a, b, r.bottom, lw)
            sheet.vline(a, r.top, r.bottom, lw)
            sheet.vline(b, r.top, r.bottom, lw)


def cell_hrules(sheet: Sheet, edges: list[float], y: float, lw: float = 0.5) -> None:
    """Draw one horizontal rule at y as a chain of abutting per-cell segments."""
    for a, b in zip(edges, edges[1:], strict=False):
        sheet.hline(a, b, y, lw)


def cell_shading(sheet: Sheet, edges: list[float], row: DrawnRow, gray: float = 0.85, twice: bool = True) -> None:
    """Shade a row one rectangle per cell (drawn twice, as some producers do)."""
    for _ in range(2 if twice else 1):
        for a, b in zip(edges, edges[1:], strict=False):
            sheet.fill(a, row.top, b, row.bottom, gray)
