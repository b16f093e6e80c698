"""Row groups headed by one label beside a cycle of sub-labels ("Allergy problems | Count ..." / "| Percentage ..."):
a group label wrapped over two lines prints its second line beside the group's second sub-row, where a reader of
lines takes it for that row's label. Here it goes back onto the group's label."""
from __future__ import annotations

from extractors.model import Cell, Table
from normalizers.labels import clean_text, join_lines
from normalizers.numbers import parse_danish

MIN_CYCLES = 3  # sub-labels repeat at least this many times before the cycle is trusted
MAX_CYCLE = 4  # a group holds at most this many sub-rows


def _text(cell: Cell | None) -> str:
    """A cell's text (blank for an empty cell)."""
    return cell.text.strip() if cell else ""


def _cycle(subs: list[str]) -> int:
    """Given a column's texts row by row, return the length of the cycle of sub-labels they repeat (2 for "Count",
    "Percentage", "Count", ...), or 0 when they repeat none: every text a label (no amount), the first `p` all
    different and each row's text that of the row `p` above, at least MIN_CYCLES full cycles."""
    if any(not t or parse_danish(t).kind != "text" for t in subs):
        return 0
    for p in range(2, MAX_CYCLE + 1):
        if (len(subs) >= MIN_CYCLES * p and len(set(subs[:p])) == p
                and all(subs[i] == subs[i - p] for i in range(p, len(subs)))):
            return p
    return 0


def join_group_labels(table: Table) -> None:
    """Given a table, put the wrapped lines of its group labels back onto them (in place): where a column of
    sub-labels repeats a cycle (`_cycle`) and the column before it labels each group on the group's first row, a
    text in that column on a later row of a group, each such text starting in lowercase, is the group label's last
    line (a label starting a group is set on the group's first row)."""
    ncols = len(table.columns)
    for sub in range(1, ncols):
        lab = sub - 1
        p = _cycle([_text(r.cells[sub]) for r in table.rows])
        if not p:
            continue
        starts = [table.rows[i] for i in range(0, len(table.rows), p)]
        later = [r for i, r in enumerate(table.rows) if i % p and _text(r.cells[lab])]
        if (not later or not all(_text(r.cells[lab]) for r in starts)
                or not all(_text(r.cells[lab])[:1].islower() for r in later)):
            continue
        for i, row in enumerate(table.rows):
            if i % p and (cell := row.cells[lab]) is not None:
                head = table.rows[i - i % p].cells[lab]
                box = (min(head.bbox[0], cell.bbox[0]), min(head.bbox[1], cell.bbox[1]),
                       max(head.bbox[2], cell.bbox[2]), max(head.bbox[3], cell.bbox[3]))
                table.rows[i - i % p].cells[lab] = Cell(clean_text(join_lines([head.text, cell.text])), head.page,
                                                        box if head.page == cell.page else head.bbox)
                row.cells[lab] = None
        return

