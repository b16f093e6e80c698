"""Tables that continue across pages become one table: repeated headers dropped, broken rows rejoined."""
from __future__ import annotations

from rapidfuzz.fuzz import ratio

from extractors.grid import (
    HEADER_REPEAT_RATIO,
    NUMERIC_KINDS,
    first_text_column,
    header_rows,
    holds_amount,
    join_rows,
)
from extractors.linecells import open_end, starts_lower
from extractors.model import Cell, Row, Table
from extractors.regions import YEAR_TOKEN, set_alike
from normalizers.labels import normalize_key
from normalizers.numbers import parse_danish

MIN_COLUMN_OVERLAP = 0.5  # a continuation's column maps onto the column it overlaps by this share of its width
SAME_BAND_TOLERANCE = 2.0  # column edges this close on two pages are the same grid's
MIN_INNER_EDGES = 2  # this many inner column edges the same on two pages make one grid, whatever its outer edges


def _same_header(a: Table, b: Table) -> bool:
    """Given two tables, return whether their column headers read the same."""
    return [normalize_key(c) for c in a.columns] == [normalize_key(c) for c in b.columns]


def _column_map(a: Table, b: Table) -> list[int] | None:
    """Given a table and its candidate continuation, map b's columns onto a's (None if they don't line up): the
    same header maps column by column; else each of b's columns goes to the column of a that holds its middle
    (column bands may differ between pages: another page width, a narrower first column). Several of b's columns
    may map to one of a's (a page whose whitespace split a column) as long as no row fills two of them."""
    if _same_header(a, b):
        return list(range(len(a.columns)))
    # the bands' middles depend on where the page's text left the gutters (a page where the label column is
    # empty in most rows, or a text column empty in every row there: its band and the next one's meet anywhere
    # between their texts); the middles of the columns' own text do not
    if len(b.col_text) == len(b.col_x) and None not in b.col_text:
        by_text = _map_middles(a, b, [(x0 + x1) / 2 for x0, x1 in b.col_text])
        if by_text is not None:
            return by_text
    return _map_middles(a, b, [(x0 + x1) / 2 for x0, x1 in b.col_x])


def _map_middles(a: Table, b: Table, middles: list[float]) -> list[int] | None:
    """Given a table, its candidate continuation and a middle x for each of b's columns, map b's columns onto a's
    (None if they don't line up): each goes to the column of a that holds its middle (a's first and last columns
    run on to either side), else that it overlaps most; no row of b may fill two columns that map to one."""
    out = []
    last = len(a.col_x) - 1
    for (x0, x1), mid in zip(b.col_x, middles, strict=True):
        inside = [i for i, (a0, a1) in enumerate(a.col_x) if (a0 <= mid or i == 0) and (mid <= a1 or i == last)]
        if inside:
            out.append(inside[0])
            continue
        overlaps = [(min(x1, a1) - max(x0, a0), i) for i, (a0, a1) in enumerate(a.col_x)]
        best, i = max(overlaps, default=(0.0, -1))
        if best < MIN_COLUMN_OVERLAP * (x1 - x0):
            return None
        out.append(i)
    for row in b.rows + ([b.header_row] if b.header_row else []):
        filled = [out[j] for j, c in enumerate(row.cells) if c is not None]
        if len(filled) != len(set(filled)):
            return None
    return out


def _similar_header(a: Table, b: Table) -> bool:
    """Given two tables, return whether b's header repeats a's (allowing small print differences)."""
    return ratio(" ".join(normalize_key(c) for c in a.columns), " ".join(normalize_key(c) for c in b.columns)) \
        >= HEADER_REPEAT_RATIO


def _header_misread(a: Table, b: Table, cmap: list[int]) -> bool:
    """Given a table, a continuation whose header differs and the column map, return whether b's "header" is really
    a body row: set like a's body, not like a's header, or a lone label in a's label column (a bold group row
    opening the continuation), or a lone plain entry in a later column where a's header names the label column (an
    entry under a label spanning several rows, the label on the page before), or a row holding running text no
    column head is as long as (`_prose`), or a plain row of a grid whose column edges are a's or whose columns set
    their text where a's do (`_same_text_edges`) and that names none of a's heads (`_shares_a_head`). A header
    naming years ("2023 | 2024 | 2025 | 2026") under another label head than a's, a's own header naming years too,
    holds no amount: it heads a table of its own (`_names_years`); under a's label head it is a's header repeated,
    whatever a wrapped cell beside it added to it; under a "header" of a's that names no years (a's body row read as
    its header) nothing tells, and it is read as before: rows of a."""
    if b.header_row is None:
        return False
    filled = {cmap[j] for j, c in enumerate(b.header_row.cells) if c is not None}
    label = label_column(a)
    lone_entry = (len(filled) == 1 and label not in filled and not b.header_bold and a.header_row is not None
                  and a.header_row.cells[label] is not None)
    heads = [c.text for j, c in enumerate(b.header_row.cells) if c is not None and cmap[j] == label]
    own_years = (_names_years(b.header_row) and a.header_row is not None and _names_years(a.header_row)
                 and [normalize_key(t) for t in heads] != [normalize_key(a.columns[label])])
    amount = holds_amount(b.header_row) and not own_years
    return ((a.header_bold and not b.header_bold) or filled == {label} or amount or lone_entry or _prose(b.header_row)
            or (not b.header_bold and (_same_bands(a, b) or (
                _same_text_edges(a, b, cmap) and not _shares_a_head(a, b, cmap)))))


MAX_HEAD_WORDS = 20  # a column head names its column in a few words; a cell of more is a body row's text


def _prose(row: Row) -> bool:
    """Given a header row, return whether some cell of it is running text longer than any column head
    (`MAX_HEAD_WORDS`): a body row's description read as a header (a row opening the page, its cells set above
    its values)."""
    return any(c is not None and len(c.text.split()) > MAX_HEAD_WORDS for c in row.cells)


MIN_HEADER_YEARS = 2  # a header row names at least this many years


def _names_years(row: Row) -> bool:
    """Given a header row, return whether every number in it is a year and it names several: a header over year
    columns, not a body row read as a header (a body row's amounts are no years)."""
    numbers = [c.text.strip() for c in row.cells if c is not None and _is_amount(c.text)]
    return len(numbers) >= MIN_HEADER_YEARS and all(YEAR_TOKEN.match(t) for t in numbers)


def _edges(t: Table) -> list[float]:
    """Given a table, return its column edges left to right."""
    return [t.col_x[0][0], *(x1 for _, x1 in t.col_x)] if t.col_x else []


def _same_bands(a: Table, b: Table) -> bool:
    """Given a table and its candidate continuation, return whether b's columns are a's, edge for edge, or some of
    them joined (one grid carried on over the page break, where every row spans two of its columns, as a "Dækket
    ved ..." text spanning the amount and recommendation columns does: a plain first row there is a body row, not
    the header of another table). The outer edges of a grid with no frame are where its widest text ends, which
    differs from page to page: once MIN_INNER_EDGES inner edges (rules or gutters) are the same, only those count."""
    ea, eb = _edges(a), _edges(b)
    near = [min(range(len(ea)), key=lambda i, x=x: abs(ea[i] - x)) for x in eb]
    pairs = list(zip(near, eb, strict=True))
    inner = pairs[1:-1] if len(pairs) - 2 >= MIN_INNER_EDGES else pairs
    return (len(a.col_x) >= len(b.col_x) >= 2 and near == sorted(set(near)) and near[0] == 0
            and near[-1] == len(ea) - 1
            and all(abs(ea[i] - x) <= SAME_BAND_TOLERANCE for i, x in inner))


def _same_text_edges(a: Table, b: Table, cmap: list[int]) -> bool:
    """Given a table, its candidate continuation and the column map, return whether b's columns set their text
    where a's do: each of b's columns (two or more) starts its text where the column of a it maps onto starts its
    own, ends it where that one ends (figures set to the right) or centres it on that one's middle (a column of
    centred cells: "Dækket ved ..." under centred amounts, figures set centred: "-26.572" under "2023"), each onto a
    column of its own. The column bands of one grid carried on over the page break may read differently on the two
    pages (bands from the rules under a's header, bands from the whitespace on b's page), the cells' text edges do
    not: a plain first row there is a body row, not the header of another table."""
    if (len(b.col_text) < 2 or None in b.col_text or len(set(cmap)) != len(cmap)
            or max(cmap) >= len(a.col_text)):
        return False
    return all(a.col_text[j] is not None and set_alike(edges, a.col_text[j], SAME_BAND_TOLERANCE)
               for edges, j in zip(b.col_text, cmap, strict=True))


def _shares_a_head(a: Table, b: Table, cmap: list[int]) -> bool:
    """Given a table, its candidate continuation and the column map, return whether some cell of b's header row
    names what a's head over that column names, one starting with the other ("Ja/Nej" / "Ja/Nej/Ikke relevant",
    "Dato for godkendelse" / "Dato for godkendelse og evt. høringssvar"): the header of another table of the kind,
    not a body row."""
    if b.header_row is None:
        return False
    for j, cell in enumerate(b.header_row.cells):
        mine, theirs = normalize_key(cell.text) if cell else "", normalize_key(a.columns[cmap[j]])
        if mine and theirs and (mine.startswith(theirs) or theirs.startswith(mine)):
            return True
    return False


def label_column(t: Table) -> int:
    """Given a table, return its label column: the first column whose body cells are mostly text."""
    return first_text_column([[r.cells[c].text for r in t.rows if r.cells[c] is not None]
                              for c in range(len(t.columns))])


def _remap(row: Row, cmap: list[int], n: int) -> Row:
    """Given a row of the continuation and the column map, return it in the first table's columns."""
    cells = [None] * n
    for j, c in enumerate(row.cells):
        if c is not None:
            cells[cmap[j]] = c
    return Row(cells, row.page)


MIN_WORD_COLUMN_ROWS = 3  # a column holding one word in each of this many rows (all it fills) is a column of words
BAND_SLACK = 2.0  # a cell starting this far left of its column's band starts in the band before


def _word_column(t: Table, col: int) -> bool:
    """Given a table and a column, return whether that column holds one word in every body row it fills (a
    numbering column, "1" ... "44"; a code column), in at least `MIN_WORD_COLUMN_ROWS` rows."""
    texts = [r.cells[col].text.split() for r in t.rows if r.cells[col] is not None]
    return len(texts) >= MIN_WORD_COLUMN_ROWS and all(len(w) == 1 for w in texts)


def _split_at_bands(row: Row, a: Table) -> Row:
    """Given a continuation's row in the first table's columns and that table, return the row with each cell that
    starts inside the band of an empty column of words before its own (`_word_column`) split there: its first word
    goes to that column (a page without the header, whose gutters ran the row number and the label into one cell:
    "45 § 16.21.31.10. Seksuel Sundhed" under "Nr." and "Omprioritering af opsparing"; the continuation then reads
    fewer columns than the table)."""
    cells = list(row.cells)
    if len(a.col_x) != len(cells):
        return row
    for k in range(1, len(cells)):
        c = cells[k]
        if c is None or cells[k - 1] is not None or len(words := c.text.split(maxsplit=1)) < 2:
            continue
        (b0, b1), start = a.col_x[k - 1], a.col_x[k][0]
        if b0 - BAND_SLACK <= c.bbox[0] < start - BAND_SLACK and _word_column(a, k - 1):
            x0, top, x1, bottom = c.bbox
            cells[k - 1] = Cell(words[0], c.page, (x0, top, min(b1, x1), bottom))
            cells[k] = Cell(words[1], c.page, (max(start, x0), top, x1, bottom))
    return Row(cells, row.page)


def _continues_row(prev: Row, row: Row, label_col: int, cut: bool = False, labelled: bool = False,
                   label_moved: bool = False) -> bool:
    """Given the last row before a page break and the first after it, return whether the second continues it:
    a label run on, values under a label left alone, cells without a label that fill only cells a labelled row
    before left empty (a row broken so that its label and short cells fell before the break, the rest of its
    cells after it), a label (with any cells) under values printed without it (a row broken so that its
    middle-set values fell before the break and its label after it) that fills only cells the row before left
    empty or whose cells that both fill go on from the ones above (their first lines before the break), or text
    cells that each go on from the one above (`_runs_on`: a label, or a label and a long
    description, broken over the page). With `cut` (the row before is open at the page's foot: the page break cut
    it, `regions.cut_at_foot`) or `labelled` (every other row of the table has its label: a row without one is
    no entry of its own), cells without a label, or (`cut`) under a label that runs on, are the rest of its cells
    whatever their text (lines of a plan's cell each starting in capitals: "Teste algoritme" / "Udvikle
    brugerflade"), as long as no cell of both holds an amount (`_fills_open_cells`). With `label_moved` (the row
    before is the only one of the table without its label), a labelled row after it is its label and the rest of its
    cells, as long as no cell of both holds an amount: a row whose wrapped label the page break moved on whole (a
    browser keeps a cell's few lines together), its values and the first lines of its text cells left before the
    break ("- | - | 15,0 | 30,0 | Det fremgår ..." / "Støtte til vanskeligt stillede familier med" / "børn – i bilag
    nr. 97 (Beskæftigelse) | Aftalepartierne er enige ...")."""
    values = [c for i, c in enumerate(row.cells) if c is not None and i != label_col]
    label = row.cells[label_col].text if row.cells[label_col] else ""
    prev_label = prev.cells[label_col].text if prev.cells[label_col] else ""
    prev_values = [i for i, c in enumerate(prev.cells) if c is not None and i != label_col]
    disjoint = not any(a is not None and b is not None for a, b in zip(prev.cells, row.cells, strict=True))
    runs_on = prev_label.endswith("-") or label[:1].islower()
    if prev_label and ((cut and (not label or runs_on)) or (labelled and not label)) and _fills_open_cells(prev, row):
        return True
    if label_moved and label and not prev_label and _fills_open_cells(prev, row):
        return True
    return (not values and bool(label) and runs_on) or (
        bool(values) and not label and bool(prev_label) and (not prev_values or disjoint)) or (
        bool(label) and not prev_label and bool(prev_values) and (disjoint or _runs_on(prev, row, shared=True))) or (
        _runs_on(prev, row))


def _fills_open_cells(prev: Row, row: Row) -> bool:
    """Given the last row before a page break and the first after it, return whether the second can finish the
    first's cells: every cell both fill holds text in both (an amount is one line: no amount goes on below the
    break, and none ends a text cut there)."""
    return all(a is None or b is None or not (_is_amount(a.text) or _is_amount(b.text))
               for a, b in zip(prev.cells, row.cells, strict=True))


def _runs_on(prev: Row, row: Row, shared: bool = False) -> bool:
    """Given the last row before a page break and the first after it, return whether every cell the second fills
    goes on from the text cell above it: the row before fills that cell with text too, neither is an amount, and
    the lower one starts in lowercase or with an opening bracket ("(Beskæftigelse)"), is a year (under text:
    "Dækket ved forhandlinger om budget" / "2025") or the upper one ends open (a hyphen, a comma, "og"): the lines
    of one row's cells, set to the top and broken over the page ("Flere borgere rehabiliteres i en sådan" /
    "grad, at ...", "Ikke" / "relevant"). An entry of its own starts like one, however its label is set. With
    `shared`, only the cells both rows fill are looked at (a row cut under its label: the lines of its cells that
    fitted before the break, its label and the rest after it)."""
    pairs = [(a, b) for a, b in zip(prev.cells, row.cells, strict=True) if b is not None and (a or not shared)]
    return bool(pairs) and all(
        a is not None and any(ch.isalpha() for ch in a.text) and not _is_amount(a.text)
        and (YEAR_TOKEN.match(b.text.strip()) or (not _is_amount(b.text) and (
            starts_lower(b.text) or open_end(a.text)))) for a, b in pairs)


def _label_over_cut_cells(rows: list[Row], rest: Row, label_col: int) -> bool:
    """Given the rows before a page break, the last of them cells without a label (a row the break cut), and the
    first row after it, its rest, return whether the row above the cut one is that row's label: it holds a label
    alone, and the rest's label goes on from it in lowercase (a label set to the top of its row, its cells to the
    cut part's foot: "Projektledelse og frikøb af" / "ressourcer til at forberede" / "Service | 1.350 | 225", then
    atop the next page "implementeringen og validere ..."). A section row over a cut row ("Varige ændringer") is
    followed by a label of its own, in capitals."""
    if len(rows) < 2 or rows[-1].cells[label_col] is not None or rest.cells[label_col] is None:
        return False
    above = rows[-2]
    return (above.cells[label_col] is not None and starts_lower(rest.cells[label_col].text)
            and all(c is None for i, c in enumerate(above.cells) if i != label_col))


MIN_LABELLED_ROWS = 3  # a table labels every row once this many rows (all but one) carry a label


def _labels_every_row(rows: list[Row], label_col: int) -> bool:
    """Given the rows of a table on both sides of a page break (the first after it left out), return whether each
    has its label: a table that labels every row, not one whose labels span several rows (`MIN_LABELLED_ROWS`)."""
    return len(rows) >= MIN_LABELLED_ROWS and all(r.cells[label_col] is not None for r in rows)


def _repeats_above(prev: Table, t: Table, stacked: bool) -> bool:
    """Given the table read last, the next one and whether that one is set right under it on its page (nothing
    printed between), return whether the next one is more of its rows: on the same page, under no caption of its
    own, its header the same as the table's, column by column."""
    return (stacked and t.page == prev.last_page and t.caption is None and t.header_row is not None
            and prev.header_row is not None and len(t.columns) == len(prev.columns) and _same_header(prev, t))


def _take_rows(prev: Table, t: Table, rows: list[Row]) -> None:
    """Given a table, the table read after it that goes on from it and that one's rows in its columns, append the
    rows to it: it now ends where the other does (its last page, the bottom of its last rows, a cut row at its foot)."""
    prev.rows.extend(rows)
    prev.last_page = t.page
    prev.bbox_last_bottom = t.bbox[3] if t.bbox else prev.bbox_last_bottom
    prev.cut_foot = t.cut_foot


def _is_amount(text: str) -> bool:
    """Given a cell's text, return whether it is a number or a nil marker."""
    return parse_danish(text).kind in NUMERIC_KINDS


def stitch(tables: list[Table], page_heights: dict[int, float], top_share: float, bottom_share: float,
           first_on_page: set[int], last_on_page: set[int], opens_page: set[int] | None = None,
           ends_page: set[int] | None = None, carried: set[int] | None = None,
           stacked: set[int] | None = None) -> list[Table]:
    """Given tables in document order, merge each continuation (next page, near its top or with nothing above it,
    no caption of its own, matching columns; under text printed above it on its page only with its header repeated)
    into the table it continues (which ends near the bottom of its page
    or with nothing below it: a tall row may have moved on to the next page). A continuation repeats its header,
    or its "header" is a body row (`_header_misread`); once a table went on without its header repeated, a plain
    (not bold) first row opening a later page is a body row too: a table repeats its header on every page or on
    none.

    `opens_page` / `ends_page` hold the indices of tables with no text above / below them on their page.
    `carried` holds those of the lines opening a page in the later columns of the table before (`column_page`): once
    stitched, a table right under them on their page goes on from them as from the foot of the page before.
    `stacked` holds those of the tables set right under the table before on their page, nothing printed between:
    one that repeats that table's header word for word, under no caption of its own, is more of its rows (a table
    printed in parts down the page, each part under the same header)."""
    out: list[Table] = []
    opens_page, ends_page, carried = opens_page or set(), ends_page or set(), carried or set()
    stacked = stacked or set()
    ends_prev = False
    stitched = False  # the table before was stitched onto the one before it
    headless: set[int] = set()  # ids of tables continued on a page that did not repeat their header
    for i, t in enumerate(tables):
        prev = out[-1] if out else None
        under_carried = stitched and (i - 1) in carried and prev is not None and t.page == prev.last_page
        if prev is not None and _repeats_above(prev, t, i in stacked):
            _take_rows(prev, t, t.rows)
            ends_prev = i in ends_page
            stitched = True
            continue
        if (prev is not None and (under_carried or (
                i in first_on_page and (i - 1) in last_on_page and t.page == prev.last_page + 1))
                and (t.caption is None or t.caption == prev.caption) and t.bbox
                and (t.bbox[1] <= top_share * page_heights[t.page] or i in opens_page)
                and (prev.bbox_last_bottom >= bottom_share * page_heights[prev.last_page] or ends_prev)):
            repeated = t.header_row is None or _similar_header(prev, t)
            # under text printed above it on its page (a title, a paragraph), a table goes on from the page before
            # only when it repeats its header
            goes_on = i in opens_page or under_carried or (t.header_row is not None and repeated)
            cmap = _column_map(prev, t) if goes_on else None
            # a table under a caption of its own (a generic title repeated, "Oversigt") that heads it otherwise is
            # another table: a continuation that repeats its caption repeats its header too. A table that went on
            # once without its header repeated (its "header" a body row) repeats it on no later page either: a
            # plain first row opening a later page (nothing above it there) is a body row too
            plain_opening = id(prev) in headless and i in opens_page and not t.header_bold
            if cmap is not None and (repeated or (t.caption is None and (
                    _header_misread(prev, t, cmap) or plain_opening))):
                if not repeated:
                    headless.add(id(prev))
                n = len(prev.columns)
                rows = [] if repeated else [_remap(r, cmap, n) for r in header_rows(t)]
                rows += [_remap(r, cmap, n) for r in t.rows]
                if len(t.columns) < len(prev.columns):  # (a gutter the page did not show)
                    rows = [_split_at_bands(r, prev) for r in rows]
                label_col = label_column(prev)
                # (a table that labels every row and ends its page, nothing under it there: a row without a label
                # atop the next page is the rest of its last row)
                labelled = ends_prev and _labels_every_row(prev.rows + rows[1:], label_col)
                # (a table that labels every other row: a row without its label at the page's foot, a row with a
                # label atop the next page, is one row whose label the break moved on)
                label_moved = bool(rows) and len(prev.rows) >= 2 and _labels_every_row(
                    prev.rows[:-1] + rows, label_col) and prev.rows[-1].cells[label_col] is None
                if rows and prev.rows and _continues_row(prev.rows[-1], rows[0], label_col, prev.cut_foot, labelled,
                                                         label_moved):
                    if _label_over_cut_cells(prev.rows, rows[0], label_col):
                        prev.rows[-1] = join_rows(prev.rows.pop(-2), prev.rows[-1])
                    prev.rows[-1] = join_rows(prev.rows[-1], rows.pop(0))
                _take_rows(prev, t, rows)
                ends_prev = i in ends_page
                stitched = True
                continue
        stitched = False
        t.bbox_last_bottom = t.bbox_last_bottom or (t.bbox[3] if t.bbox else 0.0)
        ends_prev = i in ends_page
        out.append(t)
    return out
