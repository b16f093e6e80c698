"""A document spec as Typst markup, printed by Typst's own layout engine (the `typst` Python binding): a sixth
producer whose PDFs the extractor was never tuned on.

Every text is a Typst string literal (code mode), so no markup character of a cell is read as markup. Tables are
`table()` with column widths from the content (`pdfwriters.fit_columns`), rules as `stroke` or `table.hline` /
`table.vline`, shading as per-cell `fill`, alignment per cell, the header in `table.header(repeat: …)`, unbreakable
rows via `table.cell(breakable: false)`, captions kept with the table by `block(sticky: true)`, and the running
header and footer (with "Side N af M") as the page's `header` and `footer`.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.producers.pdfwriters import DATE, DEJAVU, LIBERATION, fit_columns
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

MARGIN_X_PT = 56.69  # 2 cm, as the other producers
A4_PT = (595.28, 841.89)
HEADER_FILL = 'rgb("#1f3b5c")'
ZEBRA_FILL = 'rgb("#e6e6e6")'
BAND_FILL = 'rgb("#d9e2ef")'
TIMESTAMP = 1_660_262_400  # 12 August 2022, so the same spec gives the same PDF


def lit(text: str) -> str:
    """Given a text, return it as a Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _text(text: str, *, size: float | None = None, bold: bool = False, white: bool = False) -> str:
    """Given a text and its size/weight/colour, return a Typst `text(...)` call (code mode)."""
    args = [f"{size}pt"] if size else []
    if bold:
        args.append('weight: "bold"')
    if white:
        args.append("fill: white")
    return f"text({', '.join(args + [lit(text)])})"


def _page(st: TableStyle) -> str:
    """Given a style, return the document's set rules: page (size, margins, running header and footer), text."""
    running = ""
    if st.running:
        running = (f", header: text(8pt)[#{lit(MUNICIPALITY)} #h(1fr) #{lit(DATE)}]"
                   ", footer: context align(right, text(8pt)[Side #counter(page).display() af "
                   "#counter(page).final().first()])")
    flipped = "true" if st.orientation != "portrait" else "false"
    return "\n".join([
        f"#set page(paper: \"a4\", flipped: {flipped}, margin: (top: 2.2cm, bottom: 2cm, x: 2cm){running})",
        f'#set text(font: {lit(st.font)}, size: 10pt, lang: "da")',
        "#set par(leading: 0.4em, spacing: 8pt)",
        "#show heading: set text(size: 13pt)",
        "#show heading: set block(above: 14pt, below: 6pt)",
    ])


def _rules(pt: PTable, st: TableStyle, n_rows: int) -> tuple[str, list[str], list[str]]:
    """Given a printed table, its style and its row count (header included), return (the table's stroke argument,
    lines that go in the header, lines that go in the body) for the style's rulings."""
    look = pt.ext.rule_look if pt.ext else "solid"
    w = f"{st.rule_width}pt + black"
    if look == "grey":
        w = f'{st.rule_width}pt + rgb("#999999")'
    elif look == "dotted":
        w = f'(thickness: {st.rule_width}pt, paint: black, dash: "dotted")'
    n = len(pt.header)
    head_rule = [f"table.hline(stroke: {w})"]
    if st.rules == "grid":
        return w, [], []
    if st.rules == "hrules":
        return f"(x: none, y: {w})", [], []
    if st.rules == "header":
        return "none", head_rule, []
    if st.rules == "totals":
        return "none", head_rule, [f"table.hline(y: {i + 1 + bool(pt.group_head)}, stroke: {w})"
                                      for i in sorted(pt.total_rows)]
    if st.rules == "box":
        return "none", [f"table.hline(y: 0, stroke: {w})", *head_rule], [
            f"table.hline(y: {n_rows}, stroke: {w})", f"table.vline(x: 0, stroke: {w})",
            f"table.vline(x: {n}, stroke: {w})"]
    return "none", [], []


def _cell(text: str, *, align: str, bold: bool = False, white: bool = False, fill: str | None = None,
          colspan: int = 1, breakable: bool = True, size: float) -> str:
    """Given a cell's text and its attributes, return a `table.cell(...)` call."""
    args = [f"align: {align}"]
    if fill:
        args.append(f"fill: {fill}")
    if colspan > 1:
        args.append(f"colspan: {colspan}")
    if not breakable:
        args.append("breakable: false")
    return f"table.cell({', '.join(args)}, {_text(text, size=size, bold=bold, white=white)})"


def _table(pt: PTable, st: TableStyle, avail: float) -> str:
    """Given a printed table, its style and the text width, return the Typst `table(...)` call."""
    n, lab = len(pt.header), pt.label_col
    widths, size = fit_columns(pt, st, avail, 2 * (st.pad + 1))
    st = replace(st, size=size)
    valign = {"top": "top", "middle": "horizon", "bottom": "bottom"}[st.valign]
    halign = {"right": "right", "center": "center", "left": "left"}[st.num_align]
    hval = {"top": "top", "bottom": "bottom"}[st.header_valign]
    shaded_head = st.shading == "header"
    head = [_cell(h, align=f"{halign if pt.numeric[c] else 'left'} + {hval}", bold=st.bold_header,
                  white=shaded_head, fill=HEADER_FILL if shaded_head else None, size=size)
            for c, h in enumerate(pt.header)]
    if pt.group_head:  # a header of two levels: group heads spanning their columns over the column heads
        starts, group, c = {f: (t, sp) for t, f, sp in pt.group_head}, [], 0
        while c < n:
            text, span = starts.get(c, ("", 1))
            group.append(_cell(text, align=f"center + {hval}", bold=st.bold_header, white=shaded_head,
                               fill=HEADER_FILL if shaded_head else None, colspan=span, size=size))
            c += span
        head = group + head
    stroke, head_lines, body_lines = _rules(pt, st, len(pt.rows) + 1 + bool(pt.group_head))
    body = []
    for i, row in enumerate(pt.rows):
        zebra = ZEBRA_FILL if st.shading == "zebra" and i % 2 == 1 else None
        if i in pt.group_rows and st.shading == "bands":
            if lab == 0:
                body.append(_cell(row[lab], align=f"left + {valign}", bold=True, fill=BAND_FILL, colspan=n,
                                  breakable=st.split_rows, size=size))
                continue
            zebra = BAND_FILL
        total = i in pt.total_rows
        body += [_cell(v, align=f"{halign if pt.numeric[c] else 'left'} + {valign}", bold=total, fill=zebra,
                       breakable=st.split_rows, size=size) for c, v in enumerate(row)]
    cols = ", ".join(f"{w:.2f}pt" for w in widths)
    header = f"table.header(repeat: {'true' if st.repeat_header else 'false'}, {', '.join(head + head_lines)})"
    parts = [f"columns: ({cols},)", f"stroke: {stroke}", f"inset: (x: {st.pad + 1}pt, y: {st.pad}pt)",
             header, *body, *body_lines]
    return "#block(below: 10pt, table(\n  " + ",\n  ".join(parts) + "))"


def to_typst(spec: DocSpec) -> str:
    """Given a document spec, return the complete Typst source."""
    st = spec.style
    width = A4_PT[1] if st.orientation != "portrait" else A4_PT[0]
    avail = width - 2 * MARGIN_X_PT
    parts = [f"#set document(title: {lit(spec.id)})", _page(st)]
    for b in spec.blocks:
        if isinstance(b, Heading):
            parts.append(f"#heading(level: {b.level}, {lit(b.text)})")
        elif isinstance(b, Para):
            parts.append(f"#par({lit(b.text)})")
        elif isinstance(b, Caption):  # a line's box runs from cap height to baseline: 3 pt clears descenders
            below = "8pt" if st.caption_gap else "3pt"
            parts.append(f"#block(sticky: true, above: 12pt, below: {below}, "
                         f"{_text(b.text, size=9.5, bold=st.caption_bold)})")
        elif isinstance(b, NoteLine):
            parts.append(f"#block(above: 3pt, below: {'6pt' if st.caption_gap else '3pt'}, {_text(b.text, size=8)})")
        elif isinstance(b, UnitLine):
            below = "6pt" if st.caption_gap else "3pt"
            parts.append(f"#block(sticky: true, above: 3pt, below: {below}, {_text(b.text, size=8.5)})")
        elif isinstance(b, PTable):
            parts.append(_table(b, st, avail))
    return "\n".join(parts) + "\n"


def draw_typst(spec: DocSpec, pdf: Path, work: Path) -> None:
    """Given a document spec, write its PDF with Typst (its source kept in `work`; only the DejaVu and
    Liberation fonts, the ones the style names, are offered)."""
    import typst

    src = work / f"{spec.id}.typ"
    src.write_text(to_typst(spec), encoding="utf-8")
    fonts = [str(d) for d in (DEJAVU, LIBERATION) if d.is_dir()]
    typst.compile(str(src), output=str(pdf), font_paths=fonts, ignore_system_fonts=True, timestamp=TIMESTAMP)
