"""A document spec as a Word .docx (python-docx), converted to PDF by LibreOffice: per-cell borders and shading,
repeated header rows (`tblHeader`), rows that may not split (`cantSplit`), landscape sections."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from tests.producers.pdfwriters import fit_columns
from tests.producers.spec import (
    MUNICIPALITY,
    Caption,
    DocSpec,
    Heading,
    NoteLine,
    Para,
    PTable,
    TableStyle,
    UnitLine,
)

VALIGN = {"top": WD_CELL_VERTICAL_ALIGNMENT.TOP, "middle": WD_CELL_VERTICAL_ALIGNMENT.CENTER,
          "bottom": WD_CELL_VERTICAL_ALIGNMENT.BOTTOM}
CELL_MARGIN_PT = 5.4  # Word's default left/right cell margin (0.19 cm)
ALIGN = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}


def _borders(cell, sides: dict[str, float], look: str = "solid") -> None:
    """Given a cell, {side: width in pt} and the rules' look (solid, grey, dotted), set those cell borders (others
    none)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        if side in sides:
            el.set(qn("w:val"), "dotted" if look == "dotted" else "single")
            el.set(qn("w:sz"), str(max(2, round(sides[side] * 8))))  # eighths of a point
            el.set(qn("w:color"), "999999" if look == "grey" else "000000")
        else:
            el.set(qn("w:val"), "nil")
        borders.append(el)
    tc_pr.append(borders)


def _shade(cell, fill: str) -> None:
    """Given a cell and a hex colour, fill the cell."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _row_flag(row, tag: str) -> None:
    """Given a table row and a trPr flag (tblHeader, cantSplit), set it."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement(f"w:{tag}")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _write(cell, text: str, st: TableStyle, bold: bool, align, color: str | None = None) -> None:
    """Given a cell and its text, write one paragraph in the style's font."""
    p = cell.paragraphs[0]
    p.alignment = align
    pf = p.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.font.size = Pt(st.size)
        run.font.name = st.font
        if color:
            from docx.shared import RGBColor

            run.font.color.rgb = RGBColor.from_string(color)


def _table(doc, pt: PTable, st: TableStyle, width_cm: float) -> None:
    """Given the document, a printed table, its style and the text width, add the table."""
    n, lab = len(pt.header), pt.label_col
    h = 2 if pt.group_head else 1  # header rows: group heads (a header of two levels) over the column heads
    table = doc.add_table(rows=h + len(pt.rows), cols=n)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    widths, size = fit_columns(pt, st, width_cm / 2.54 * 72, 2 * CELL_MARGIN_PT)
    st = replace(st, size=size)
    for c, col in enumerate(table.columns):
        w = Pt(widths[c])
        col.width = w
        for cell in col.cells:
            cell.width = w
    w = st.rule_width
    look = pt.ext.rule_look if pt.ext else "solid"
    group_texts = [""] * n
    for text, first, span in pt.group_head:
        group_texts[first] = text
        if span > 1:
            table.rows[0].cells[first].merge(table.rows[0].cells[first + span - 1])
    group_starts = {first for _, first, _ in pt.group_head}
    for r, row in enumerate(table.rows):
        header = r < h
        body_i = r - h
        if header and st.repeat_header:
            _row_flag(row, "tblHeader")
        if not st.split_rows:
            _row_flag(row, "cantSplit")
        values = group_texts if r < h - 1 else pt.header if header else pt.rows[body_i]
        group = not header and body_i in pt.group_rows
        total = not header and body_i in pt.total_rows
        if group and st.shading == "bands" and lab == 0:
            row.cells[0].merge(row.cells[n - 1])
        spanned = {c for _, f, sp in pt.group_head for c in range(f + 1, f + sp)} if r < h - 1 else set()
        for c in range(n):
            cell = row.cells[c]
            if c > 0 and group and st.shading == "bands" and lab == 0 or c in spanned:
                continue
            sides: dict[str, float] = {}
            if st.rules == "grid":
                sides = dict.fromkeys(("top", "left", "bottom", "right"), w)
            elif st.rules == "hrules":
                sides = {"top": w, "bottom": w}
            elif st.rules in ("header", "totals", "box") and r == h - 1:
                sides = {"bottom": w}
            if st.rules == "totals" and total:
                sides["top"] = w
            if st.rules == "box":
                if r == 0:
                    sides["top"] = w
                if r == len(table.rows) - 1:
                    sides["bottom"] = w
                if c == 0:
                    sides["left"] = w
                if c == n - 1:
                    sides["right"] = w
            _borders(cell, sides, look)
            color = None
            if header and st.shading == "header":
                _shade(cell, "1F3B5C")
                color = "FFFFFF"
            elif not header and st.shading == "zebra" and body_i % 2:
                _shade(cell, "E6E6E6")
            elif group and st.shading == "bands":
                _shade(cell, "D9E2EF")
            cell.vertical_alignment = VALIGN[st.header_valign if header else st.valign]
            align = ALIGN[st.num_align] if pt.numeric[c] and c != lab else ALIGN["left"]
            if r < h - 1 and c in group_starts:
                align = ALIGN["center"]
            bold = (header and st.bold_header) or total or (group and st.shading == "bands")
            _write(cell, values[c], st, bold, align, color)


def build_docx(spec: DocSpec, path: Path) -> None:
    """Given a document spec, write it as a .docx to `path`."""
    st = spec.style
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    if st.orientation != "portrait":
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Cm(2.0)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    width_cm = (sec.page_width - sec.left_margin - sec.right_margin) / 360000
    normal = doc.styles["Normal"]
    normal.font.name = st.font
    normal.font.size = Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), st.font)
    for name in ("Heading 1", "Heading 2"):
        doc.styles[name].font.name = st.font
    if st.running:
        sec.header.paragraphs[0].text = f"{MUNICIPALITY}\t\t12. august 2022"
        foot = sec.footer.paragraphs[0]
        foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        foot.add_run("Side ")
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), "PAGE")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        fld.append(r)
        foot._p.append(fld)
    for k, b in enumerate(spec.blocks):
        notes_follow = k + 1 < len(spec.blocks) and isinstance(spec.blocks[k + 1], NoteLine)
        if isinstance(b, Heading):
            doc.add_heading(b.text, level=b.level)
        elif isinstance(b, Para):
            doc.add_paragraph(b.text)
        elif isinstance(b, NoteLine):  # under the table, in small type
            p = doc.add_paragraph()
            p.add_run(b.text).font.size = Pt(8)
            p.paragraph_format.space_after = Pt(4 if st.caption_gap else 0)
            if not notes_follow:
                doc.add_paragraph()
        elif isinstance(b, Caption | UnitLine):
            p = doc.add_paragraph()
            run = p.add_run(b.text)
            run.bold = isinstance(b, Caption) and st.caption_bold
            run.font.size = Pt(9.5 if isinstance(b, Caption) else 8.5)
            pf = p.paragraph_format
            pf.keep_with_next = True
            pf.space_after = Pt(6 if st.caption_gap else 0)
            pf.space_before = Pt(10 if isinstance(b, Caption) else 0)
        elif isinstance(b, PTable):
            _table(doc, b, st, width_cm)
            if not notes_follow:  # the notes are set right under the table
                doc.add_paragraph()
    doc.save(str(path))
