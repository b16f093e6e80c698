"""A document spec as HTML + CSS, printed by WeasyPrint or Chromium (border-collapse tables, as the web does)."""
from __future__ import annotations

from html import escape

from tests.producers.spec import (
    MUNICIPALITY,
    Caption,
    DocSpec,
    ExtStyle,
    Heading,
    NoteLine,
    Para,
    PTable,
    TableStyle,
    UnitLine,
)

DATE = "12. august 2022"


def _css(st: TableStyle, ext: ExtStyle | None = None) -> str:
    """Given a style (and the extended style, if drawn), return the document's stylesheet."""
    size = "A4 landscape" if st.orientation != "portrait" else "A4"
    look = ext.rule_look if ext else "solid"
    rule = f"{st.rule_width}pt {'dotted' if look == 'dotted' else 'solid'} {'#999' if look == 'grey' else '#000'}"
    valign = {"top": "top", "middle": "middle", "bottom": "bottom"}[st.valign]
    css = [
        f"@page {{ size: {size}; margin: 2.2cm 2cm 2cm 2cm;"
        + (f" @top-left {{ content: '{MUNICIPALITY}'; font-size: 8pt; }}"
           f" @top-right {{ content: '{DATE}'; font-size: 8pt; }}"
           " @bottom-right { content: 'Side ' counter(page) ' af ' counter(pages); font-size: 8pt; }"
           if st.running else "") + " }",
        f"body {{ font-family: '{st.font}'; font-size: 10pt; line-height: 1.25; }}",
        "h1 { font-size: 13pt; margin: 14pt 0 6pt 0; } h2 { font-size: 11pt; }",
        "p { margin: 0 0 8pt 0; }",
        f"p.caption {{ font-weight: {'bold' if st.caption_bold else 'normal'}; font-size: 9.5pt;"
        f" margin: 10pt 0 {'6pt' if st.caption_gap else '0'} 0; break-after: avoid; }}",
        f"p.unit {{ font-size: 8.5pt; margin: 0 0 {'4pt' if st.caption_gap else '0'} 0; break-after: avoid; }}",
        f"table {{ border-collapse: collapse; font-size: {st.size}pt; margin-bottom: 10pt;"
        f" {'width: 100%;' if st.full_width else ''} }}",
        f"th, td {{ padding: {st.pad}pt {st.pad + 1}pt; vertical-align: {valign}; text-align: left; }}",
        f"thead th {{ vertical-align: {st.header_valign}; font-weight: {'bold' if st.bold_header else 'normal'}; }}",
        # a figure never wraps, a column head does (a header cell kept on one line pushes the table over the page)
        f"td.num, th.num {{ text-align: {st.num_align}; }} td.num {{ white-space: nowrap; }}",
        "tr.total td { font-weight: bold; }",
    ]
    if ext is not None:
        css += ["thead tr.grp th { text-align: center; }",
                f"p.note {{ font-size: 8pt; margin: 2pt 0 {'4pt' if st.caption_gap else '0'} 0; }}"]
    if not st.repeat_header:
        css.append("thead { display: table-row-group; }")
    css.append(f"tr {{ break-inside: {'auto' if st.split_rows else 'avoid'}; }}")
    if st.rules == "grid":
        css.append(f"th, td {{ border: {rule}; }}")
    elif st.rules == "hrules":
        css.append(f"th, td {{ border-top: {rule}; border-bottom: {rule}; }}")
    elif st.rules == "header":
        css.append(f"thead th {{ border-bottom: {rule}; }}")
    elif st.rules == "totals":
        css.append(f"thead th {{ border-bottom: {rule}; }} tr.total td {{ border-top: {rule}; }}")
    elif st.rules == "box":
        css.append(f"table {{ border: {rule}; }} thead th {{ border-bottom: {rule}; }}")
    if st.shading == "zebra":
        css.append("tbody tr:nth-child(even) td { background: #e6e6e6; }")
    elif st.shading == "header":
        css.append("thead th { background: #1f3b5c; color: #fff; }")
    elif st.shading == "bands":
        css.append("tr.group td { background: #d9e2ef; font-weight: bold; }")
    if st.label_share:
        css.append(f"td.label, th.label {{ width: {round(st.label_share * 100)}%; }}")
    return "\n".join(css)


def _table(pt: PTable, st: TableStyle) -> str:
    """Given a printed table and its style, return it as an HTML table."""
    n, lab = len(pt.header), pt.label_col

    def cls(c: int) -> str:
        return "num" if pt.numeric[c] else ("label" if c == lab else "text")

    head = "".join(f'<th class="{cls(c)}">{escape(h)}</th>' for c, h in enumerate(pt.header))
    group = ""
    if pt.group_head:  # a header of two levels: group heads spanning their columns over the column heads
        starts = {first: (text, span) for text, first, span in pt.group_head}
        cells, c = [], 0
        while c < n:
            text, span = starts.get(c, ("", 1))
            cells.append(f'<th colspan="{span}">{escape(text)}</th>' if span > 1 else f"<th>{escape(text)}</th>")
            c += span
        group = f'<tr class="grp">{"".join(cells)}</tr>'
    body = []
    for i, row in enumerate(pt.rows):
        kind = "group" if i in pt.group_rows else ("total" if i in pt.total_rows else "")
        if i in pt.group_rows and st.shading == "bands" and lab == 0:
            body.append(f'<tr class="group"><td colspan="{n}">{escape(row[lab])}</td></tr>')
            continue
        cells = "".join(f'<td class="{cls(c)}">{escape(v)}</td>' for c, v in enumerate(row))
        body.append(f'<tr class="{kind}">{cells}</tr>')
    return f"<table><thead>{group}<tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def to_html(spec: DocSpec) -> str:
    """Given a document spec, return the complete HTML document."""
    st = spec.style
    parts = []
    for b in spec.blocks:
        if isinstance(b, Heading):
            parts.append(f"<h{b.level}>{escape(b.text)}</h{b.level}>")
        elif isinstance(b, Para):
            parts.append(f"<p>{escape(b.text)}</p>")
        elif isinstance(b, Caption):
            parts.append(f'<p class="caption">{escape(b.text)}</p>')
        elif isinstance(b, NoteLine):
            parts.append(f'<p class="note">{escape(b.text)}</p>')
        elif isinstance(b, UnitLine):
            parts.append(f'<p class="unit">{escape(b.text)}</p>')
        elif isinstance(b, PTable):
            parts.append(_table(b, st))
    return (f'<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>{escape(spec.id)}</title>'
            f"<style>{_css(st, spec.ext)}</style></head><body>{''.join(parts)}</body></html>")
