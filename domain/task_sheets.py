"""Domain table `task_sheets`: the per-task fact sheets that follow a Skal/Kan task budget table.

Each sheet's FAKTA box arrives as a small form grid: a label column ("Budget 2022", "Antal medarbejdere
(årsværk) & faggruppe", "Antal borgere omfattet af ordning i 2020", ...) and a value column; `context` holds
the sheet's task title and `caption` the nearest heading. The classification line ("SKAL-opgave hvor der er
mulighed for at justere serviceniveau, mellem") and the page header ("SKAL-opgaver – nr. 3 og nr. 34 ... jf.
bilag 1") may arrive as the caption/context or as rows of the form; they are found wherever they are.
The parsing is done by pure string functions; `cross_check` compares each sheet's budget with the task table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from rapidfuzz import fuzz

from domain import task_budgets
from domain.cells import amount, clean, norm, to_dkk
from domain.grid import Grid, GridCell, GridRow
from domain.registry import DocumentContext, TotalCheck

KIND = "task_sheet"

# FAKTA field -> label pattern (searched in the normalised label); first match wins.
FIELD_PATTERNS = (
    ("budget", re.compile(r"^budget(?:ramme)?\b(?:\s*(?:19|20)\d{2})?(?:\s*\(?(?:i\s+)?kr\.?\)?)?:?$")),
    ("staff", re.compile(r"^antal medarbejdere|årsværk|faggruppe|^personalegrupper")),
    ("citizens", re.compile(r"^antal borgere|^borgere|omfattet af ordning")),
)
MAX_LABEL_WORDS = 8  # a FAKTA label is short
MIN_FAKTA_FIELDS = 2  # a form grid is a fact sheet when it has this many FAKTA labels (budget among them)
MAX_SHEET_COLUMNS = 4
MAX_TITLE_WORDS = 8  # a sheet title printed alone on its row is short ...
MAX_TITLE_CHARS = 80  # ... and fits one line
SECTION_HEADINGS = ("fakta",)  # headings inside a sheet's form, never a sheet title
KEY_WORDS = 3  # a form label is recognised again (next sheet) by its first words
TITLE_MATCH = 90  # rapidfuzz token_sort_ratio to pair a sheet without printed refs with a task row by title
MAX_RUN = 10  # longest run of consecutive task rows a sheet's budget may cover (a sheet for several rows)
ADJUSTABILITY = ("lille", "mellem", "stor")
_FACTORS = {"mio": 10**6, "mia": 10**9}

_CLASSIFICATION = re.compile(  # anchored: the line starts with it; SKAL/KAN upper case as printed
    r"^(SKAL|KAN)[-\u2010-\u2015 ]?(?i:opgave)(?![a-zæøå])"
    r"(?:\s+hvor\s+der\s+er\s+mulighed\s+for(?:\s+at)?\s+(?:at\s+)?justere\s+serviceniveau(?:et)?)?"
    r"(?:\s*[,\u2010-\u2015-]\s*(lille|mellem|stor)\b)?\.?")
_HEADER = re.compile(
    r"(?<![\w-])(SKAL|KAN)[-\u2010-\u2015 ]?opgaver\s*[-\u2010-\u2015:]?\s*"
    r"nr\.?\s*(\d+(?:\s*(?:,|og|&)\s*(?:nr\.?\s*)?\d+)*)", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
_BUDGET = re.compile(r"^\s*(-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?)\s*(mio|mia)?", re.IGNORECASE)
# A leading head-count / FTE phrase of the staff cell: "12 årsværk", "18,6 årsværk", "3 medarbejdere (3 årsværk)".
_COUNT = re.compile(
    r"^(\d+(?:,\d+)?(?:\s+\d+/\d+|½)?\s+(?:årsværk|medarbejdere?)\b\.?(?:\s*\([^)]*\))?)\s*[/;:]?\s*(.*)$",
    re.IGNORECASE | re.DOTALL)
_FTE = re.compile(r"(\d+(?:,\d+)?)?(?:\s*(\d+)/(\d+)|(½))?\s*årsværk", re.IGNORECASE)
_PAREN_FTE = re.compile(r"^\d+(?:,\d+)?\s*\((\d+(?:,\d+)?)\)$")
NO_STAFF_WORDS = ("ingen",)  # "Ingen i kommunen." -> 0 FTE
NOT_STAFF_GROUP_WORDS = ("finansieret",)  # a remainder about financing is not a staff group


# ---------------------------------------------------------------- pure string parsers
@dataclass(frozen=True)
class Classification:
    """A sheet's classification line: category (SKAL/KAN), adjustability (lille/mellem/stor) and the printed text."""

    category: str
    adjustability: str | None
    text: str


def parse_classification(text: str | None) -> Classification | None:
    """Given a text holding a classification line, return the Classification, or None if it holds none."""
    m = _CLASSIFICATION.search(clean(text))
    if not m:
        return None
    adj = m.group(2).lower() if m.group(2) else None
    return Classification(category=m.group(1).upper(), adjustability=adj, text=m.group(0).strip())


def parse_header(text: str | None) -> tuple[str, list[int]] | None:
    """Given a page header ("SKAL-opgaver – nr. 3 og nr. 34 ... jf. bilag 1"), return (category, refs) or None."""
    m = _HEADER.search(clean(text))
    if not m:
        return None
    return m.group(1).upper(), [int(x) for x in _NUMBER.findall(m.group(2))]


def parse_budget(text: str | None) -> int | None:
    """Given a FAKTA budget cell ("10.366.277 kr. inkl. 1,1 mio. kr. ..."), return its first amount in kroner."""
    m = _BUDGET.match(clean(text))
    if not m:
        return None
    value = amount(m.group(1))
    return to_dkk(value, _FACTORS.get((m.group(2) or "").lower(), 1)) if value is not None else None


def parse_fte(text: str | None) -> float | None:
    """Given a staff phrase, return full-time equivalents where printed ("2 medarbejdere (1 1/2 årsværk)" -> 1.5)."""
    s = clean(text)
    if not s:
        return None
    for m in _FTE.finditer(s):
        whole, num, den, half = m.groups()
        if whole is None and num is None and half is None:
            continue
        value = Decimal(whole.replace(",", ".")) if whole else Decimal(0)
        if num:
            value += Decimal(num) / Decimal(den)
        if half:
            value += Decimal("0.5")
        return float(value)
    if m := _PAREN_FTE.match(s):  # "33 (31)" under the label "Antal medarbejdere (årsværk)"
        return float(Decimal(m.group(1).replace(",", ".")))
    if any(norm(s).startswith(w) for w in NO_STAFF_WORDS):
        return 0.0
    return None


def split_staff(text: str | None) -> tuple[str | None, str | None]:
    """Given the staff cell, return (the count phrase as printed, the staff groups that follow it or None)."""
    s = clean(text)
    if not s:
        return None, None
    m = _COUNT.match(s)
    if not m:
        return s, None
    rest = m.group(2).strip(" /;:") or None
    if rest and any(w in norm(rest) for w in NOT_STAFF_GROUP_WORDS):
        rest = None
    return m.group(1).strip(), rest


def strip_markers(text: str | None) -> str:
    """Given a title/heading text, return it without any classification line or page header inside it."""
    s = clean(text)
    if m := _HEADER.search(s):
        end = re.search(r"jf\.?\s*bilag\s*\d*", s[m.end():], re.IGNORECASE)
        s = s[:m.start()] + (s[m.end() + end.end():] if end else "")
    if m := _CLASSIFICATION.search(s):
        s = s[:m.start()] + " " + s[m.end():]
    return clean(s).strip(" ,;:–-")


# ---------------------------------------------------------------- grid level
def _field(label: str) -> str | None:
    """Given a form row label, return the FAKTA field it names, or None."""
    n = norm(label)
    if not n or len(n.split()) > MAX_LABEL_WORDS:
        return None
    return next((f for f, pat in FIELD_PATTERNS if pat.search(n)), None)


def _cells(texts: list[str]) -> list[str]:
    """Given cell texts in column order, return the non-empty ones, cleaned."""
    return [t for x in texts if (t := clean(x))]


def _row_cells(row: GridRow) -> list[str]:
    """Given a form grid row, return its non-empty cell texts in column order."""
    return _cells([c.text for _, c in sorted(row.cells.items())])


def _label_and_value(row: GridRow) -> tuple[str, str]:
    """Given a form grid row, return (its label text, the joined text of its other cells)."""
    cells = [c for _, c in sorted(row.cells.items())]
    label = row.label or (cells[0].text if cells else "")
    values = [c.text for c in cells if c.text != label]
    return clean(label), clean(" ".join(values))


def fields_of(rows: list[GridRow]) -> tuple[dict[str, str], list[str]]:
    """Given form rows, return ({FAKTA field: value text}, other row texts); unlabelled rows continue a field."""
    out: dict[str, str] = {}
    other: list[str] = []
    current = None
    for row in rows:
        label, value = _label_and_value(row)
        f = _field(label)
        if f is not None and f not in out:
            current = f
            out[f] = value
        elif not label and current is not None:
            out[current] = clean(f"{out[current]} {value}")
        else:
            current = None
            other.append(clean(f"{label} {value}"))
    return out, other


def fields(grid: Grid) -> tuple[dict[str, str], list[str]]:
    """Given a form grid, return ({FAKTA field: value text}, other row texts) over all its rows."""
    return fields_of(grid.rows)


def _is_title_row(cells: list[str]) -> bool:
    """Given a row's cells, return whether it is a sheet title alone on its row (one short, capitalised cell)."""
    if len(cells) != 1 or parse_classification(cells[0]) or _field(cells[0]) or norm(cells[0]) in SECTION_HEADINGS:
        return False
    t = cells[0]
    return len(t) <= MAX_TITLE_CHARS and len(t.split()) <= MAX_TITLE_WORDS and (t[0].isupper() or t[0].isdigit())


def _is_lead(cells: list[str]) -> bool:
    """Given a row's cells, return whether the row opens a sheet: its classification line or its lone title."""
    return bool(cells) and (parse_classification(cells[0]) is not None or _is_title_row(cells))


def _key_re(label: str) -> re.Pattern | None:
    """Given a form row label, return a pattern finding its first words in another label (None if too short)."""
    words = norm(label).split()[:KEY_WORDS]
    return re.compile(r"(?<!\w)" + re.escape(" ".join(words)) + r"(?!\w)") if words else None


@dataclass
class Sheet:
    """One fact sheet: the grid it starts in, the row that opens it (if printed) and its form rows."""

    grid: Grid
    lead: list[str]  # cells of the classification / title row that opens the sheet ([] when not printed)
    rows: list[GridRow] = field(default_factory=list)
    outer: bool = True  # starts at the top of its grid: the grid's caption and context describe it
    page: int = 0
    keys: list[re.Pattern] = field(default_factory=list)  # its form labels, to recognise the next sheet's

    def fields(self) -> set[str]:
        """Return the FAKTA fields among the sheet's rows."""
        return {f for r in self.rows if (f := _field(_label_and_value(r)[0]))}

    def has_budget(self) -> bool:
        """Return whether the sheet's rows hold its FAKTA budget field."""
        return "budget" in self.fields()


def _stream(grid: Grid) -> list[GridRow]:
    """Given a form grid, return its rows with the header first when it holds text (a form row made header)."""
    rows = list(grid.rows)
    if any(clean(h) for h in grid.columns):
        cells = {i: GridCell(text=h, value=None, page=grid.page) for i, h in enumerate(grid.columns) if clean(h)}
        rows.insert(0, GridRow(index=-1, page=grid.page, label=clean(grid.columns[0]), cells=cells))
    return rows


def _opens_sheet(cur: Sheet | None, cells: list[str], label: str) -> bool:
    """Given the current sheet and a row's cells and label, return whether the row starts the next sheet.

    A sheet ends once it has its budget when a classification line or lone title row follows, or a row repeats
    one of its form labels (the next sheet's form, its opening row unprinted); a lead row also ends a fragment
    that has neither an opening row nor any FAKTA field.
    """
    if cur is None:
        return True
    if _is_lead(cells):
        return cur.has_budget() or (not cur.lead and not cur.fields() and bool(cur.rows))
    return cur.has_budget() and bool(label) and (any(k.search(norm(label)) for k in cur.keys)
                                                 or _field(label) in cur.fields())


def split_sheets(grids: list[Grid]) -> list[Sheet]:
    """Given consecutive form grids of one document, return the fact sheets printed in them.

    The grids are read as one stream of form rows: a sheet may span several grids (page breaks, a split box)
    and a grid may hold several sheets. A sheet whose opening row is not printed starts at the top of a grid,
    whose caption and context then describe it.
    """
    sheets: list[Sheet] = []
    for grid in grids:
        for pos, row in enumerate(_stream(grid)):
            cells, label = _row_cells(row), _label_and_value(row)[0]
            cur = sheets[-1] if sheets else None
            if cur is not None and cur.lead and not cur.rows and len(cur.lead) == 1 \
                    and parse_classification(cur.lead[0]) and _is_title_row(cells):
                cur.lead = [*cur.lead, *cells]  # the title printed on the line below the classification
                continue
            if _opens_sheet(cur, cells, label):
                lead = cells if _is_lead(cells) else []
                sheets.append(Sheet(grid=grid, lead=lead, outer=pos == 0, page=row.page))
                if lead:
                    continue
            cur = sheets[-1]
            cur.rows.append(row)
            if label and (k := _key_re(label)):
                cur.keys.append(k)
    return sheets


def recognise(grid: Grid) -> bool:
    """Given a grid, return whether it is a fact sheet's FAKTA form (a budget label plus staff/citizens labels)."""
    if not grid.rows or len(grid.columns) > MAX_SHEET_COLUMNS:
        return False
    found, _ = fields(grid)
    return "budget" in found and len(found) >= MIN_FAKTA_FIELDS


def _lead_title(lead: list[str]) -> str | None:
    """Given the cells of a sheet's opening row, return the title printed there (beside the classification)."""
    if not lead:
        return None
    if parse_classification(lead[0]):
        rest = [c for c in lead[1:] if not parse_classification(c)]
        return (strip_markers(rest[0]) if rest else strip_markers(lead[0])) or None
    return strip_markers(lead[0]) or None


def sheet_record(doc: DocumentContext, sheet: Sheet) -> dict:
    """Given a document and one fact sheet, return its `task_sheets` row."""
    grid = sheet.grid
    found, other = fields_of(sheet.rows)
    outer = [grid.caption or "", grid.context or ""] if sheet.outer else []
    texts = [*sheet.lead, *outer, *other]
    cls = next((c for t in texts if (c := parse_classification(t))), None)
    hdr = next((h for t in texts if (h := parse_header(t))), None)
    title = _lead_title(sheet.lead)
    if title is None and sheet.outer:
        title = next((t for t in (strip_markers(grid.context), strip_markers(grid.caption)) if t), None)
    fte_text, staff_groups = split_staff(found.get("staff"))
    return dict(document_id=doc.document_id, page=sheet.page or grid.page, task=title,
                account_refs=hdr[1] if hdr else [],
                category=cls.category if cls else (hdr[0] if hdr else None),
                adjustability=cls.adjustability if cls else None,
                classification_text=cls.text if cls else None,
                budget_dkk=parse_budget(found.get("budget")), fte=parse_fte(fte_text), fte_text=fte_text,
                staff_groups=staff_groups, citizens_text=found.get("citizens") or None)


def _is_sheet(grid: Grid) -> bool:
    """Given a grid, return whether it is (classified or recognised as) a fact sheet."""
    return grid.kind == KIND or (grid.kind in ("other", None) and recognise(grid))


def _is_form(grid: Grid) -> bool:
    """Given a grid, return whether it may carry fact-sheet rows (a narrow grid not of another domain kind)."""
    return grid.kind in (KIND, "other", None) and len(grid.columns) <= MAX_SHEET_COLUMNS


def sheets(grids: list[Grid]) -> list[Sheet]:
    """Given one document's grids in order, return its fact sheets (each with its FAKTA budget).

    Only documents with a recognised fact-sheet grid have sheets; the stream of form rows starts at the first
    grid that is a sheet or opens one (a classification line on top), and takes every narrow grid after it.
    """
    if not any(_is_sheet(g) for g in grids):
        return []
    start = next(i for i, g in enumerate(grids) if _is_form(g) and (_is_sheet(g) or _opening(g)))
    found = split_sheets([g for g in grids[start:] if _is_form(g)])
    return [s for s in found if s.has_budget()]


def _opening(grid: Grid) -> bool:
    """Given a grid, return whether its top row (header or first row) is a sheet's classification line."""
    top = _stream(grid)[:1]
    return bool(top) and parse_classification(_row_cells(top[0])[0] if _row_cells(top[0]) else "") is not None


def build(doc: DocumentContext, grids: list[Grid]) -> list[dict]:
    """Given a document and its grids, return one `task_sheets` row per fact sheet."""
    return [sheet_record(doc, s) for s in sheets(grids)]


OUTPUTS = {"task_sheets": build}


# ---------------------------------------------------------------- cross-check with the task table
def cross_check(grids: list[Grid]) -> list[TotalCheck]:
    """Given one document's grids, return a check per fact sheet: its budget vs its task-table row(s).

    The rows are the printed account refs; without refs, a row (or a run of consecutive task rows) whose
    budget or single category amount equals the sheet's budget, else the task row with a matching title.
    Sheets that match nothing are not reported. `printed` is the sheet's budget, `computed` the table's.
    """
    doc = DocumentContext(document_id="", kind="task_budget")
    tasks = [r for r in task_budgets.build(doc, [g for g in grids if g.kind == task_budgets.KIND
                                                  or (g.kind in ("other", None) and task_budgets.recognise(g))])
             if r["account_no"] is not None]
    if not tasks:
        return []
    out = []
    for found in sheets(grids):
        sheet = sheet_record(doc, found)
        budget = sheet["budget_dkk"]
        if budget is None:
            continue
        computed = _table_budget(sheet, tasks)
        if computed is None:
            continue
        row_index = found.rows[0].index if found.rows else 0
        out.append(TotalCheck(table_id=found.grid.table_id, row_index=row_index, row_label=sheet["task"] or "",
                              column="budget_dkk vs task table", printed=Decimal(budget),
                              computed=Decimal(computed), tolerance=Decimal(0)))
    return out


def _table_budget(sheet: dict, tasks: list[dict]) -> int | None:
    """Given a sheet row and the task rows, return the task-table budget the sheet should equal, or None."""
    budget = sheet["budget_dkk"]
    if sheet["account_refs"]:
        rows = [t for t in tasks if t["account_no"] in sheet["account_refs"]]
        return sum(t["budget_dkk"] or 0 for t in rows) if rows else None
    for t in tasks:
        amounts = [t[k] for k in task_budgets.AMOUNTS if t[k] is not None]
        if budget in amounts:
            return budget
    for i in range(len(tasks)):
        run = 0
        for t in tasks[i:i + MAX_RUN]:
            if t["group"] != tasks[i]["group"]:
                break
            run += t["budget_dkk"] or 0
            if run == budget:
                return budget
    title = norm(sheet["task"]).rstrip(".")
    best = max(tasks, key=lambda t: fuzz.token_sort_ratio(title, norm(t["task"])), default=None)
    if best is not None and title and fuzz.token_sort_ratio(title, norm(best["task"])) >= TITLE_MATCH:
        return best["budget_dkk"]
    return None
