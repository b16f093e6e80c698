"""Table grids -> the contract's `tables` and `table_cells` rows (generic layer, before kinds and checks)."""
from __future__ import annotations

from extractors.model import Table
from extractors.stitch import label_column
from normalizers.numbers import cell_value


def table_records(document_id: str, tables: list[Table]) -> tuple[list[dict], list[dict]]:
    """Given a document id and its tables, return (`tables` rows, `table_cells` rows) per CONTRACT.md.

    `kind` is "other" and the totals counters 0 here; the pipeline classifies and checks afterwards.
    """
    trows, crows = [], []
    for i, t in enumerate(tables):
        table_id = f"{document_id}-{i:03d}"
        label_col = label_column(t)
        trows.append(dict(
            document_id=document_id, table_id=table_id, table_index=i, page=t.page, last_page=t.last_page,
            caption=t.caption, context=t.context, columns=list(t.columns), n_rows=len(t.rows), unit=t.unit,
            pl_year=t.pl_year, kind="other", totals_checked=0, totals_failed=0))
        for ri, row in enumerate(t.rows):
            label_cell = row.cells[label_col] if label_col < len(row.cells) else None
            label = label_cell.text if label_cell is not None else ""
            for ci, cell in enumerate(row.cells):
                if cell is None or not cell.text:
                    continue
                x0, top, x1, bottom = cell.bbox
                crows.append(dict(
                    document_id=document_id, table_id=table_id, page=cell.page, row_index=ri, col_index=ci,
                    column=t.columns[ci], row_label=label, text=cell.text, value=cell_value(cell.text),
                    x0=x0, top=top, x1=x1, bottom=bottom))
    return trows, crows
