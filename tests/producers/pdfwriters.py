"""A document spec printed by the two Python PDF writers with their own flowing layouts: ReportLab's platypus
(`Table` with `TableStyle` commands, `repeatRows`) and fpdf2's `FPDF.table()` (borders layouts, colspans)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tests.producers.spec import MUNICIPALITY, Caption, DocSpec, Heading, Para, PTable, TableStyle, UnitLine

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
LIBERATION = Path("/usr/share/fonts/truetype/liberation")
VERA = Path(reportlab.__file__).resolve().parent / "fonts"
# family -> (regular, bold) TrueType files; a missing system font falls back to ReportLab's bundled Vera
TTF = {
    "DejaVu Sans": (DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"),
    "DejaVu Serif": (DEJAVU / "DejaVuSerif.ttf", DEJAVU / "DejaVuSerif-Bold.ttf"),
    "Liberation Sans": (LIBERATION / "LiberationSans-Regular.ttf", LIBERATION / "LiberationSans-Bold.ttf"),
    "Liberation Serif": (LIBERATION / "LiberationSerif-Regular.ttf", LIBERATION / "LiberationSerif-Bold.ttf"),
    "Liberation Mono": (LIBERATION / "LiberationMono-Regular.ttf", LIBERATION / "LiberationMono-Bold.ttf"),
}
FALLBACK = (VERA / "Vera.ttf", VERA / "VeraBd.ttf")
STANDARD = {"Helvetica": ("Helvetica", "Helvetica-Bold"), "Times": ("Times-Roman", "Times-Bold")}
DATE = "12. august 2022"


def ttf_files(family: str) -> tuple[Path, Path]:
    """Given a font family, return its (regular, bold) TrueType files, or Vera's when they are not installed."""
    files = TTF.get(family, FALLBACK)
    return files if all(f.is_file() for f in files) else FALLBACK


# ---------------------------------------------------------------- ReportLab platypus
def _rl_fonts(family: str) -> tuple[str, str]:
    """Given a font family, register it with ReportLab if needed; return (regular, bold) font names."""
    if family in STANDARD:
        return STANDARD[family]
    names = (family.replace(" ", ""), family.replace(" ", "") + "-Bold")
    for name, f in zip(names, ttf_files(family), strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(f)))
    return names


def _rl_table(pt: PTable, st: TableStyle, reg: str, bold: str, avail: float):
    """Given a printed table, its style, fonts and the frame width, return a platypus Table."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table
    from reportlab.platypus import TableStyle as RLStyle

    lab = pt.label_col
    widths, size = fit_columns(pt, st, avail, 2 * (st.pad + 1))
    st = replace(st, size=size)
    align = {"right": 2, "center": 1, "left": 0}[st.num_align]
    lead = st.size * 1.2
    ps = {(b, a): ParagraphStyle(f"c{b}{a}", fontName=bold if b else reg, fontSize=st.size, leading=lead,
                                 alignment=a) for b in (False, True) for a in (0, 1, 2)}

    def para(text: str, c: int, is_bold: bool) -> Paragraph:
        return Paragraph(escape(text), ps[(is_bold, align if pt.numeric[c] else 0)])

    h = 2 if pt.group_head else 1  # header rows: group heads (a header of two levels) over the column heads
    centred = ps[(st.bold_header, 1)]
    data = [[Paragraph(escape(v), centred) for v in _group_row(pt)]] if pt.group_head else []
    data.append([para(v, c, st.bold_header) for c, v in enumerate(pt.header)])
    for i, row in enumerate(pt.rows):
        data.append([para(v, c, i in pt.total_rows) for c, v in enumerate(row)])

    def table(cells: list) -> Table:
        return Table(cells, colWidths=widths, repeatRows=h if st.repeat_header else 0, splitByRow=1,
                     splitInRow=lead * 2 if st.split_rows else 0)

    t = table(data)
    look = pt.ext.rule_look if pt.ext else "solid"
    line = (st.rule_width, colors.Color(0.6, 0.6, 0.6) if look == "grey" else colors.black,
            *((None, (1, 2)) if look == "dotted" else ()))
    cmds = [("VALIGN", (0, h), (-1, -1), st.valign.upper()), ("VALIGN", (0, 0), (-1, h - 1), st.header_valign.upper()),
            ("LEFTPADDING", (0, 0), (-1, -1), st.pad + 1), ("RIGHTPADDING", (0, 0), (-1, -1), st.pad + 1),
            ("TOPPADDING", (0, 0), (-1, -1), st.pad), ("BOTTOMPADDING", (0, 0), (-1, -1), st.pad)]
    for _, first, span in pt.group_head:
        cmds.append(("SPAN", (first, 0), (first + span - 1, 0)))
    if st.rules == "grid":
        cmds.append(("GRID", (0, 0), (-1, -1), *line))
    elif st.rules == "hrules":
        cmds.append(("LINEBELOW", (0, 0), (-1, -1), *line))
        cmds.append(("LINEABOVE", (0, 0), (-1, 0), *line))
    elif st.rules in ("header", "totals", "box"):
        cmds.append(("LINEBELOW", (0, h - 1), (-1, h - 1), *line))
    if st.rules == "totals":
        cmds += [("LINEABOVE", (0, i + h), (-1, i + h), *line) for i in pt.total_rows]
    if st.rules == "box":
        cmds.append(("BOX", (0, 0), (-1, -1), *line))
    if st.shading == "zebra":
        cmds.append(("ROWBACKGROUNDS", (0, h), (-1, -1), [colors.white, colors.Color(0.9, 0.9, 0.9)]))
    elif st.shading == "header":
        cmds.append(("BACKGROUND", (0, 0), (-1, h - 1), colors.Color(0.12, 0.23, 0.36)))
        white = ParagraphStyle("hw", parent=ps[(st.bold_header, 0)], textColor=colors.white)
        heads = ([_group_row(pt)] if pt.group_head else []) + [pt.header]
        for r, texts in enumerate(heads):
            for c, v in enumerate(texts):
                a = 1 if r < h - 1 else (align if pt.numeric[c] else 0)  # group heads centred
                data[r][c] = Paragraph(escape(v), ParagraphStyle(f"hw{c}", parent=white, alignment=a))
        t = table(data)
    elif st.shading == "bands":
        for i in pt.group_rows:
            cmds.append(("BACKGROUND", (0, i + h), (-1, i + h), colors.Color(0.85, 0.89, 0.94)))
            if lab == 0:
                cmds.append(("SPAN", (0, i + h), (-1, i + h)))
    t.setStyle(RLStyle(cmds))
    return t


def _group_row(pt: PTable) -> list[str]:
    """Given a printed table with group heads, return its group head row: each group head in its first column,
    the columns it spans and the others empty."""
    row = [""] * len(pt.header)
    for text, first, _ in pt.group_head:
        row[first] = text
    return row


def draw_reportlab(spec: DocSpec, path: Path) -> None:
    """Given a document spec, write its PDF with ReportLab platypus."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    st = spec.style
    reg, bold = _rl_fonts(st.font)
    size = landscape(A4) if st.orientation != "portrait" else A4
    doc = SimpleDocTemplate(str(path), pagesize=size, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2.2 * cm,
                            bottomMargin=2 * cm, invariant=1, title=spec.id)
    styles = {
        "h": ParagraphStyle("h", fontName=bold, fontSize=13, leading=16, spaceBefore=12, spaceAfter=6),
        "p": ParagraphStyle("p", fontName=reg, fontSize=10, leading=12.5, spaceAfter=8),
        "cap": ParagraphStyle("cap", fontName=bold if st.caption_bold else reg, fontSize=9.5, leading=11.5,
                              spaceBefore=10, spaceAfter=6 if st.caption_gap else 1, keepWithNext=1),
        "unit": ParagraphStyle("unit", fontName=reg, fontSize=8.5, leading=10, spaceAfter=4 if st.caption_gap else 1,
                               keepWithNext=1),
    }
    story = []
    for b in spec.blocks:
        if isinstance(b, Heading):
            story.append(Paragraph(escape(b.text), styles["h"]))
        elif isinstance(b, Para):
            story.append(Paragraph(escape(b.text), styles["p"]))
        elif isinstance(b, Caption):
            story.append(Paragraph(escape(b.text), styles["cap"]))
        elif isinstance(b, UnitLine):
            story.append(Paragraph(escape(b.text), styles["unit"]))
        elif isinstance(b, PTable):
            story.append(_rl_table(b, st, reg, bold, doc.width))
            story.append(Spacer(1, 10))

    def running(canvas, d) -> None:
        if not st.running:
            return
        w, h = d.pagesize
        canvas.setFont(reg, 8)
        canvas.drawString(2 * cm, h - 1.2 * cm, MUNICIPALITY)
        canvas.drawRightString(w - 2 * cm, h - 1.2 * cm, DATE)
        canvas.drawRightString(w - 2 * cm, 1.0 * cm, f"Side {d.page}")

    doc.build(story, onFirstPage=running, onLaterPages=running)


# ---------------------------------------------------------------- fpdf2
def draw_fpdf2(spec: DocSpec, path: Path) -> None:
    """Given a document spec, write its PDF with fpdf2's table API."""
    from fpdf import FPDF, FontFace
    from fpdf.enums import CellBordersLayout, TableBordersLayout, TableCellFillMode, TableHeadingsDisplay

    st = spec.style

    class Doc(FPDF):
        def header(self) -> None:
            if st.running:
                self.set_font("body", "", 8)
                self.set_xy(self.l_margin, 30)
                self.cell(self.epw / 2, 10, MUNICIPALITY)
                self.cell(self.epw / 2, 10, DATE, align="R")
                self.set_xy(self.l_margin, self.t_margin)

        def footer(self) -> None:
            if st.running:
                self.set_font("body", "", 8)
                self.set_y(-40)
                self.cell(0, 10, f"Side {self.page_no()} af {{nb}}", align="R")

    pdf = Doc(unit="pt", format="A4", orientation="L" if st.orientation != "portrait" else "P")
    pdf.set_margins(57, 62, 57)
    pdf.set_auto_page_break(True, margin=57)
    reg, bold = ttf_files(st.font)
    pdf.add_font("body", "", str(reg))
    pdf.add_font("body", "B", str(bold))
    pdf.set_creator("fpdf2")
    pdf.add_page()
    layout = {"grid": TableBordersLayout.ALL, "hrules": TableBordersLayout.HORIZONTAL_LINES,
              "header": TableBordersLayout.SINGLE_TOP_LINE, "totals": TableBordersLayout.SINGLE_TOP_LINE,
              "box": TableBordersLayout.MINIMAL, "none": TableBordersLayout.NONE}[st.rules]
    align = {"right": "RIGHT", "center": "CENTER", "left": "LEFT"}[st.num_align]
    for b in spec.blocks:
        if isinstance(b, Heading):
            pdf.set_font("body", "B", 13)
            pdf.ln(8)
            pdf.multi_cell(0, 16, b.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif isinstance(b, Para):
            pdf.set_font("body", "", 10)
            pdf.multi_cell(0, 12.5, b.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
        elif isinstance(b, Caption | UnitLine):
            cap = isinstance(b, Caption)
            if cap:
                pdf.ln(8)
            if pdf.will_page_break(60):
                pdf.add_page()
            pdf.set_font("body", "B" if cap and st.caption_bold else "", 9.5 if cap else 8.5)
            pdf.multi_cell(0, 11.5, b.text, new_x="LMARGIN", new_y="NEXT")
            if st.caption_gap:
                pdf.ln(5)
        elif isinstance(b, PTable):
            n, lab = len(b.header), b.label_col
            widths, size = fit_columns(b, st, pdf.epw, 2 * st.pad)
            pdf.set_font("body", "", size)
            head_style = FontFace(emphasis="B" if st.bold_header else "",
                                  fill_color=(31, 59, 92) if st.shading == "header" else None,
                                  color=(255, 255, 255) if st.shading == "header" else None)
            fill = TableCellFillMode.EVEN_ROWS if st.shading == "zebra" else TableCellFillMode.NONE
            look = b.ext.rule_look if b.ext else "solid"
            if look == "grey":
                pdf.set_draw_color(153)
            elif look == "dotted":
                pdf.set_dash_pattern(dash=1, gap=2)
            heading_rows = {"num_heading_rows": 2} if b.group_head else {}
            with pdf.table(col_widths=widths, width=min(pdf.epw, sum(widths)), align="LEFT", **heading_rows,
                           borders_layout=layout, headings_style=head_style, cell_fill_mode=fill,
                           cell_fill_color=(230, 230, 230), line_height=size * 1.25, padding=st.pad,
                           v_align=st.valign.upper(), text_align="LEFT",
                           repeat_headings=TableHeadingsDisplay.ON_TOP_OF_EVERY_PAGE if st.repeat_header
                           else TableHeadingsDisplay.NONE) as table:
                if b.group_head:  # a header of two levels: group heads spanning their columns
                    grow, starts, c = table.row(), {f: (t, sp) for t, f, sp in b.group_head}, 0
                    while c < n:
                        text, span = starts.get(c, ("", 1))
                        grow.cell(text, colspan=span, align="CENTER", v_align=st.header_valign.upper())
                        c += span
                hrow = table.row()
                for c, h in enumerate(b.header):
                    hrow.cell(h, align=align if b.numeric[c] else "LEFT", v_align=st.header_valign.upper())
                for i, row in enumerate(b.rows):
                    r = table.row()
                    total = i in b.total_rows
                    style = FontFace(emphasis="B") if total else None
                    if i in b.group_rows and st.shading == "bands" and lab == 0:
                        r.cell(row[lab], colspan=n, style=FontFace(emphasis="B", fill_color=(217, 226, 239)))
                        continue
                    for c, v in enumerate(row):
                        border = CellBordersLayout.TOP if st.rules == "totals" and total else CellBordersLayout.INHERIT
                        r.cell(v, align=align if b.numeric[c] else "LEFT", style=style, border=border)
            if look != "solid":
                pdf.set_draw_color(0)
                pdf.set_dash_pattern()
            pdf.ln(10)
    pdf.output(str(path))


# ---------------------------------------------------------------- column widths by content
def measure(family: str, bold: bool, size: float):
    """Given a font family, weight and size, return a function text -> advance width in points."""
    reg, bd = _rl_fonts(family)
    name = bd if bold else reg
    return lambda s: pdfmetrics.stringWidth(s, name, size)


def column_widths(pt: PTable, st: TableStyle, avail: float, hpad: float) -> list[float]:
    """Given a printed table, its style, the width available and a cell's total horizontal padding, return
    column widths in points: numbers unbroken, every word fits its column, the label column takes the rest
    (or its style share), the table spans `avail` when the style is full width."""
    n, lab = len(pt.header), pt.label_col
    body, head = measure(st.font, False, st.size), measure(st.font, st.bold_header, st.size)
    bold = measure(st.font, True, st.size)
    slack = 1.06  # fonts and renderers differ a little in advances and kerning
    min_w, want = [0.0] * n, [0.0] * n
    for c in range(n):
        cells = [(r[c], i in pt.total_rows) for i, r in enumerate(pt.rows) if r[c].strip()]
        group = [t for t, first, span in pt.group_head if first == c and span == 1]  # a group head over c alone
        words = [head(w) for w in " ".join([pt.header[c], *group]).split()] + [
            (bold if b else body)(w) for v, b in cells for w in v.split()]
        full = [(bold if b else body)(v) for v, b in cells]
        if pt.numeric[c]:
            full = [f for (v, _), f in zip(cells, full, strict=True) if len(v) < 16] or [0.0]
            min_w[c] = max([*full, *words, 0.0]) * slack + hpad + 2  # words: text in an amount column
            want[c] = min_w[c] + 4
        else:
            min_w[c] = max([*words, 0.0]) * slack + hpad + 2
            want[c] = max(min_w[c], min(max(full, default=0.0) * slack + hpad, 300.0))
    floor = 2.5 * st.size + hpad  # an empty column still holds a few characters
    min_w = [max(m, floor) for m in min_w]
    want = [max(w, floor) for w in want]
    widths = list(want)
    text_cols = [c for c in range(n) if not pt.numeric[c]]
    if st.label_share and lab in text_cols:
        widths[lab] = max(min_w[lab], st.label_share * avail)
    if sum(widths) > avail:  # text columns give way, down to their longest word
        fixed = sum(widths[c] for c in range(n) if c not in text_cols)
        room = max(avail - fixed, sum(min_w[c] for c in text_cols))
        need = sum(widths[c] for c in text_cols) or 1.0
        widths = [max(min_w[c], widths[c] * room / need) if c in text_cols else widths[c] for c in range(n)]
    elif st.full_width:
        extra = avail - sum(widths)
        target = lab if lab in text_cols else (text_cols[0] if text_cols else n - 1)
        widths[target] += extra
    return widths


def fit_columns(pt: PTable, st: TableStyle, avail: float, hpad: float) -> tuple[list[float], float]:
    """Given a printed table, its style, the width available and the cell padding, return (column widths, font
    size): the style's size, or a smaller one (down to 5.5 pt) when the table would not fit the width."""
    size = st.size
    while True:
        widths = column_widths(pt, replace(st, size=size), avail, hpad)
        if sum(widths) <= avail + 0.5 or size <= 5.5:
            return widths, size
        size -= 0.5
