"""Document specs for the multi-producer generator: gold tables as printed (other years, numbers and minus
glyphs), a random table style drawn from a seed, and the blocks (headings, prose, captions, unit lines,
tables) a producer turns into a PDF.

Everything here is a pure function of the item's seed, so the same seed gives the same spec, PDF text and gold.
"""
from __future__ import annotations

import csv
import hashlib
import json
import random
import re
from dataclasses import asdict, dataclass, field

from tests.variants.cells import GOLD, GoldTable, norm, parse_dk
from tests.variants.layout import PROSE, PROSE_AFTER, Style, header_text, printed, vary_gold

HOLDOUT_BASE = 1_000_000  # item seeds >= this are the holdout split; below it, the tune split
SEED_SPAN = 1_000_000
UNICODE_MINUS = "\u2212"
EN_DASH = "\u2013"
PRODUCERS = ("reportlab", "fpdf2", "weasyprint", "chromium", "libreoffice")  # the producers the extractor is tuned on
# producers kept out of tuning: their PDFs measure how the extractor reads a producer it has not seen (issue 10);
# `generate --producers typst` prints with them, the tests print only a small fixed subset
UNSEEN_PRODUCERS = ("typst",)
ALL_PRODUCERS = PRODUCERS + UNSEEN_PRODUCERS
RULES = ("grid", "hrules", "header", "totals", "box", "none")  # the style family of the reports
SHADING = ("none", "zebra", "header", "bands")
# font families per producer: the PDF writers embed TTF files; the HTML and docx producers name system fonts
FONTS_SYSTEM = ("DejaVu Sans", "DejaVu Serif", "Liberation Sans", "Liberation Serif", "Liberation Mono")
FONTS_REPORTLAB = ("Helvetica", "Times", "DejaVu Sans", "DejaVu Serif", "Liberation Serif")
MUNICIPALITY = "Københavns Kommune"
MUNICIPALITY_NAME = "København"  # the municipality the printed "Københavns Kommune" names
EXTRA_PROSE = (
    "Forslaget er udarbejdet i samarbejde med de berørte centre og er drøftet i forvaltningens ledelse. "
    "Der er tale om et skøn, som vil blive kvalificeret i forbindelse med implementeringen.",
    "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser for borgerne, "
    "idet der fortsat vil være fokus på kvalitet og sammenhæng i indsatsen.",
    "Effektiviseringen forudsætter, at de nødvendige investeringer foretages i det første år, og at "
    "medarbejderne får den fornødne opkvalificering.",
    "Økonomien i forslaget er beregnet ud fra de gældende enhedspriser og det forventede aktivitetsniveau.",
)
_TOTAL = re.compile(r"(^|\s)i alt$|^samle|^total", re.IGNORECASE)
_CODE_CTX = re.compile(r"^[A-ZÆØÅ/]+\d+ – (.+?)(?: \(|$)")


def split_of(seed: int) -> str:
    """Given an item seed, return its split: 'holdout' for seeds >= HOLDOUT_BASE, else 'tune'."""
    return "holdout" if seed >= HOLDOUT_BASE else "tune"


def item_seeds(base: int, n: int, split: str) -> list[int]:
    """Given a base seed, a count and a split ('tune' or 'holdout'), return n distinct seeds of that split."""
    offset = HOLDOUT_BASE if split == "holdout" else 0
    return [offset + (base + k) % SEED_SPAN for k in range(n)]


# ---------------------------------------------------------------- gold
def gold_files(doc: str) -> list[dict]:
    """Given a gold folder name, return its tables.json entries (in document order) that are printed grids."""
    metas = json.loads((GOLD / doc / "tables.json").read_text(encoding="utf-8"))
    return [m for m in metas if (doc, m["file"]) != ("004", "02_fact_sheets.csv")]


def read_gold(doc: str, meta: dict) -> GoldTable:
    """Given a gold folder and one tables.json entry, return the gold table."""
    with open(GOLD / doc / meta["file"], encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    rows = [(r + [""] * len(header))[: len(header)] for r in rows]
    return GoldTable(doc, meta["file"], meta, header, rows)


ALL_DOCS = ("000", "001", "002", "003", "004")


def all_gold() -> list[GoldTable]:
    """Return every printed gold table of the five samples, in document order."""
    return [read_gold(d, m) for d in ALL_DOCS for m in gold_files(d)]


def caption_of(gold: GoldTable) -> str:
    """Given a gold table, return its caption: the gold title, or a heading for untitled text tables."""
    if gold.title:
        return gold.title
    f = gold.file
    for key, text in (("hvem-er-hoert", "Hvem er hørt?"), ("opfoelgning", "Opfølgning"), ("tidsplan", "Tidsplan"),
                      ("kriterier", "Kriterier til prioritering")):
        if key in f:
            return text
    return "Oversigt"


def context_of(gold: GoldTable) -> tuple[str, str] | None:
    """Given a gold table, return the (code, title) of the proposal it belongs to, if any."""
    ctx = gold.meta.get("context")
    if isinstance(ctx, dict) and ctx.get("code"):
        return ctx["code"], ctx.get("title") or ""
    if isinstance(ctx, str) and (m := _CODE_CTX.match(ctx)):
        code, _, title = m.group(1).partition(". ")
        return code, title
    return None


def is_total(label: str) -> bool:
    """Given a row label, say whether it is a total row ('... i alt', 'Samlet ...', 'Total ...')."""
    return bool(_TOTAL.search(label.strip()))


# ---------------------------------------------------------------- style
@dataclass(frozen=True)
class TableStyle:
    """How one generated PDF prints its tables; one field per dimension of variation."""

    producer: str
    rules: str = "grid"  # RULES
    shading: str = "none"  # SHADING
    font: str = "DejaVu Sans"
    size: float = 9.0
    bold_header: bool = True
    valign: str = "top"  # top | middle | bottom (body cells)
    header_valign: str = "bottom"  # bottom | top
    num_align: str = "right"  # right | center | left
    repeat_header: bool = True
    split_rows: bool = True  # rows may break over a page break
    orientation: str = "portrait"  # portrait | landscape | rotate90 (landscape view stored as /Rotate 90)
    minus: str = "-"
    nil: str = "-"
    caption_gap: bool = False  # space between caption and table, or set tight above it
    caption_bold: bool = True
    unit_line: bool = False  # "(1.000 kr.)" between caption and table
    label_share: float | None = None  # label column's share of the table width (None: the producer decides)
    rule_width: float = 0.5
    pad: float = 3.0
    year_shift: int = 0
    scale: int = 1
    running: bool = True  # running header and footer
    full_width: bool = True
    prose_numbers: bool = False  # prose paragraphs quote amounts

    @property
    def family(self) -> str:
        """The style family reported per producer: the rulings."""
        return self.rules

    def variant_style(self) -> Style:
        """The tests/variants Style whose gold helpers (vary_gold, printed) this style reuses."""
        return Style(minus=self.minus, nil=self.nil, year_shift=self.year_shift, scale=self.scale)


def draw_style(rng: random.Random, producer: str) -> TableStyle:
    """Given a random generator and a producer, return a random table style for it."""
    fonts = FONTS_REPORTLAB if producer == "reportlab" else FONTS_SYSTEM
    font = rng.choice(fonts)
    minus = rng.choice(["-", "-", UNICODE_MINUS, EN_DASH])
    if producer == "reportlab" and font in ("Helvetica", "Times") and minus == UNICODE_MINUS:
        font = "DejaVu Sans"  # the standard Type 1 fonts print WinAnsi only
    orient = rng.choices(["portrait", "landscape", "rotate90"], [0.75, 0.15, 0.10])[0]
    return TableStyle(
        producer=producer,
        rules=rng.choice(RULES),
        shading=rng.choices(SHADING, [0.5, 0.2, 0.15, 0.15])[0],
        font=font,
        size=rng.choice([7.0, 8.0, 8.0, 9.0, 9.0, 10.0]),
        bold_header=rng.random() < 0.75,
        valign=rng.choices(["top", "middle", "bottom"], [0.5, 0.35, 0.15])[0],
        header_valign=rng.choice(["bottom", "top"]),
        num_align=rng.choices(["right", "center", "left"], [0.7, 0.2, 0.1])[0],
        repeat_header=rng.random() < 0.7,
        split_rows=rng.random() < 0.5,
        orientation=orient,
        minus=minus,
        nil=rng.choice(["-", "-", EN_DASH]),
        caption_gap=rng.random() < 0.5,
        caption_bold=rng.random() < 0.7,
        unit_line=rng.random() < 0.3,
        label_share=rng.choice([None, None, 0.3, 0.4, 0.5]),
        rule_width=rng.choice([0.25, 0.5, 0.75, 1.0]),
        pad=rng.choice([1.5, 2.5, 3.0, 4.0, 6.0]),
        year_shift=rng.choice([0, 0, 1, 2, 3, 4]),
        scale=rng.choice([1, 1, 2, 3, 7]),
        running=rng.random() < 0.7,
        full_width=rng.random() < 0.7,
        prose_numbers=rng.random() < 0.3,
    )


# ---------------------------------------------------------------- extended styles
HEAD_FORMS = ("plain", "b_bo", "budget")  # year heads "2026" | "B2026", "BO1 2027" | "Budget 2026", "Overslag 2027"
GROUP_HEADS = ("none", "split", "unit")  # a header of two levels: "Budget" | "Overslagsår" over the years, or the unit
RULE_LOOKS = ("solid", "grey", "dotted")
NOTE_LINES = ("none", "kilde", "anm")
_YEAR_HEAD = re.compile(r"\d{4}")
_BARE_THOUSANDS = re.compile(r"^(\D*)(\d)\.(\d{3}(?:,\d+)?)$")  # "4.523", "-4.523,5": one thousands separator
KILDE = ("Kilde: Forvaltningens egne beregninger på baggrund af regnskab og budget.",
         "Kilde: Økonomiforvaltningen, budgetopfølgning.")
ANM = ("Anm.: Beløb i faste priser. Positive beløb er merudgifter, negative beløb er mindreudgifter.",
       "Anm.: Der kan forekomme afrundingsdifferencer.")
FOOTNOTES = ("Inkl. overførsler fra tidligere år.", "Beløbet er foreløbigt og afventer endelig afklaring.")
SUPERSCRIPTS = "\u00b9\u00b2\u00b3"


@dataclass(frozen=True)
class ExtStyle:
    """The extended style dimensions (`generate --extended-styles`), drawn from a stream of their own
    (`random.Random(f"{seed}-ext")`) so that a seed's `TableStyle` and blocks stay what they were without them.
    Dimensions that change a cell's text (year heads, header levels, footnote markers, a note column) apply to
    single tables only: whole documents keep the sample's columns and labels, which their domain gold reads."""

    head_form: str = "plain"  # HEAD_FORMS
    group_head: str = "none"  # GROUP_HEADS (with plain year heads)
    bare_thousands: bool = False  # amounts below 10.000 printed without a separator ("4523")
    footnotes: str = "none"  # none | super ("Ældre¹") | paren ("Ældre 1)"): markers explained under the table
    note_line: str = "none"  # NOTE_LINES: a source or remark line in small type under the table
    note_col: bool = False  # a "Note" column of small integers after the label column
    rule_look: str = "solid"  # RULE_LOOKS: rules drawn light grey or dotted
    tight: bool = False  # cell padding 0.5 pt (rows set almost as tight as wrapped lines)


def draw_ext(rng: random.Random, kind: str) -> ExtStyle:
    """Given the extended styles' own random generator and the item's kind, return its extended style."""
    single = kind == "table"
    head_form = rng.choices(HEAD_FORMS, [0.5, 0.25, 0.25])[0]
    group_head = rng.choices(GROUP_HEADS, [0.6, 0.25, 0.15])[0] if head_form == "plain" else "none"
    return ExtStyle(
        head_form=head_form if single else "plain",
        group_head=group_head if single else "none",
        bare_thousands=rng.random() < 0.4,
        footnotes=rng.choices(["none", "super", "paren"], [0.6, 0.25, 0.15])[0] if single else "none",
        note_line=rng.choices(NOTE_LINES, [0.5, 0.25, 0.25])[0],
        note_col=single and rng.random() < 0.2,
        rule_look=rng.choices(RULE_LOOKS, [0.5, 0.3, 0.2])[0],
        tight=rng.random() < 0.2,
    )


# ---------------------------------------------------------------- blocks
@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Para:
    text: str


@dataclass
class Caption:
    text: str


@dataclass
class UnitLine:
    text: str


@dataclass
class NoteLine(UnitLine):
    """A source, remark or footnote line in small type under a table (printed as a unit line is)."""


@dataclass
class PTable:
    """A table as printed: header texts, body cells (printed strings), and which columns/rows are what."""

    gold: GoldTable  # the printed gold: varied years/numbers, printed minus and nil glyphs
    header: list[str]  # printed header texts (the label column may print the unit, or nothing)
    numeric: list[bool]  # per column: numbers (and nil markers) set as numbers
    group_rows: set[int]  # rows with a label and nothing else (section rows)
    total_rows: set[int]
    group_head: list[tuple[str, int, int]] = field(default_factory=list)  # (text, first column, span): a header
    # row of group heads printed over `header` (a header of two levels)
    ext: ExtStyle | None = None  # the extended style dimensions, when drawn

    @property
    def rows(self) -> list[list[str]]:
        return self.gold.rows

    @property
    def label_col(self) -> int:
        return self.gold.label_col


Block = Heading | Para | Caption | UnitLine | NoteLine | PTable


@dataclass
class DocSpec:
    """One generated PDF: its id, seed, style and blocks."""

    id: str
    seed: int
    kind: str  # table | document
    source: str  # gold folder (and for single tables the CSV file) it prints
    style: TableStyle
    blocks: list[Block] = field(default_factory=list)
    ext: ExtStyle | None = None  # extended style dimensions (`generate --extended-styles`), None without them

    @property
    def split(self) -> str:
        return split_of(self.seed)

    @property
    def tables(self) -> list[PTable]:
        return [b for b in self.blocks if isinstance(b, PTable)]

    def describe(self) -> dict:
        """Return the spec as a JSON-able summary (no table bodies)."""
        out = dict(id=self.id, seed=self.seed, split=self.split, kind=self.kind, source=self.source,
                   style=asdict(self.style), tables=[t.gold.file for t in self.tables])
        if self.ext is not None:
            out["ext"] = asdict(self.ext)
        return out


def _numeric_col(gold: GoldTable, col: int) -> bool:
    """Given a gold table and a column, say whether most of its filled cells are numbers or nil markers."""
    vals = [r[col].strip() for r in gold.rows if r[col].strip()]
    nums = [v for v in vals if norm(v) == "-" or parse_dk(v) is not None]
    return col != gold.label_col and bool(vals) and 2 * len(nums) >= len(vals)


def printed_table(gold: GoldTable, style: TableStyle) -> PTable:
    """Given a gold table and a style, return the table as printed (and the gold it is scored against)."""
    vs = style.variant_style()
    varied = vary_gold(gold, vs)
    keep = {varied.label_col} | {i for i, h in enumerate(varied.header) if norm(h).startswith("nr")}
    rows = [[c if i in keep else printed(c, vs) for i, c in enumerate(r)] for r in varied.rows]
    meta = dict(varied.meta, title=caption_of(varied))
    pg = GoldTable(varied.doc, varied.file, meta, list(varied.header), rows)
    header = [header_text(pg, c) for c in range(len(pg.header))]
    lab = pg.label_col
    groups = {i for i, r in enumerate(rows) if r[lab].strip() and not any(c.strip() for j, c in enumerate(r)
                                                                        if j != lab)}
    totals = {i for i, r in enumerate(rows) if is_total(r[lab])}
    return PTable(pg, header, [_numeric_col(pg, c) for c in range(len(header))], groups, totals)


def _bare(cell: str) -> str:
    """Given a printed cell, return it with the thousands separator of an amount below 10.000 left out."""
    m = _BARE_THOUSANDS.match(cell)
    return f"{m.group(1)}{m.group(2)}{m.group(3)}" if m and re.fullmatch(r"[-\u2212\u2013]? ?", m.group(1)) else cell


def _year_heads(header: list[str], form: str) -> list[str]:
    """Given the gold header and a head form, return the header with its year heads in that form."""
    years = [i for i, h in enumerate(header) if _YEAR_HEAD.fullmatch(h.strip())]
    out = list(header)
    for k, i in enumerate(years):
        y = header[i].strip()
        if form == "b_bo":
            out[i] = f"B{y}" if k == 0 else f"BO{k} {y}"
        elif form == "budget":
            out[i] = f"Budget {y}" if k == 0 else f"Overslag {y}"
    return out


def extend_table(pt: PTable, ext: ExtStyle, rng: random.Random) -> tuple[PTable, list[str]]:
    """Given a printed table, its extended style and the extended styles' random generator, return the table as
    printed in them (gold = what is printed: a two-level header's column is its group head and its own head
    joined, as a head wrapped over lines is; a lone group head over every amount column, the unit, is a cell of its
    own, as ICDAR 2013's ground truth keeps such a head, and no column's) and the footnote lines printed under it."""
    g, lab = pt.gold, pt.label_col
    header, printed_head, numeric = list(g.header), list(pt.header), list(pt.numeric)
    rows = [list(r) for r in g.rows]
    if ext.bare_thousands:
        rows = [[c if i == lab else _bare(c) for i, c in enumerate(r)] for r in rows]
    notes: list[str] = []
    if ext.footnotes != "none":
        marked = [i for i, r in enumerate(rows) if r[lab].strip() and i not in pt.group_rows
                  and i not in pt.total_rows]
        for k, i in enumerate(sorted(rng.sample(marked, min(len(marked), rng.choice([1, 1, 2]))))):
            mark = SUPERSCRIPTS[k] if ext.footnotes == "super" else f" {k + 1})"
            rows[i][lab] = rows[i][lab].rstrip() + mark
            notes.append(f"{SUPERSCRIPTS[k] if ext.footnotes == 'super' else f'{k + 1})'} {FOOTNOTES[k]}")
    if ext.note_col:
        col, n = lab + 1, 0
        for i, r in enumerate(rows):
            note = ""
            if i not in pt.group_rows and r[lab].strip() and rng.random() < 0.3:
                n += 1
                note = str(n)
            r.insert(col, note)
        header.insert(col, "Note")
        printed_head.insert(col, "Note")
        numeric.insert(col, True)
    spans: list[tuple[str, int, int]] = []
    years = [i for i, h in enumerate(header) if _YEAR_HEAD.fullmatch(h.strip()) and printed_head[i] == h]
    if ext.head_form != "plain":
        header = _year_heads(header, ext.head_form)
        printed_head = _year_heads(printed_head, ext.head_form)
    elif ext.group_head != "none" and len(years) >= 2 and years == list(range(years[0], years[-1] + 1)):
        if ext.group_head == "split":
            spans = [("Budget", years[0], 1), ("Overslagsår", years[1], len(years) - 1)]
        else:
            unit = g.meta.get("unit")
            spans = [(unit if isinstance(unit, str) and 0 < len(unit) < 20 else "Beløb", years[0], len(years))]
        amounts = {c for c, num in enumerate(numeric) if num and c != lab}
        for text, first, span in spans:
            if len(spans) == 1 and set(range(first, first + span)) >= amounts:
                continue  # one head over every amount column (the unit) is a cell of its own, no column's head
            for c in range(first, first + span):
                header[c] = f"{text} {header[c]}"
    gold = GoldTable(g.doc, g.file, dict(g.meta), header, rows)
    return PTable(gold, printed_head, numeric, set(pt.group_rows), set(pt.total_rows), spans, ext), notes


def _prose(rng: random.Random, style: TableStyle) -> Para:
    """Given a random generator and a style, return a prose paragraph (sometimes quoting an amount)."""
    text = rng.choice((PROSE, PROSE_AFTER) + EXTRA_PROSE)
    if style.prose_numbers:
        amount = f"{rng.randint(1, 40)},{rng.randint(0, 9)}"
        text += f" Samlet set forventes en nettoeffekt på {amount} mio. kr. i {2023 + style.year_shift}."
    return Para(text)


def _heading_for(ctx: tuple[str, str], rng: random.Random) -> str:
    """Given a proposal (code, title), return its printed heading in one of the samples' forms (the code is always
    printed: "Forslagets titel: SU1. …" as in the catalogue sample)."""
    code, title = ctx
    return rng.choice([f"{code}. {title}", f"{code} - {title}", f"Forslagets titel: {code}. {title}"])


def _table_blocks(pt: PTable, style: TableStyle, rng: random.Random, notes: list[str] = ()) -> list[Block]:
    """Given a printed table, its style, a random generator and the note lines printed under the table (footnotes,
    source, remark), return caption, unit line, table and note blocks."""
    out: list[Block] = [Caption(pt.gold.title)]
    unit = pt.gold.meta.get("unit")
    if style.unit_line and unit and len(unit) < 20:
        out.append(UnitLine(f"({unit})"))
    out.append(pt)
    out.extend(NoteLine(text) for text in notes)
    if rng.random() < 0.5:
        out.append(_prose(rng, style))
    return out


MAX_SINGLE_ROWS = 160
NUMERIC_SHARE = 0.75


def make_spec(seed: int, producer: str, kind: str | None = None, source: str | None = None,
              extended: bool | ExtStyle = False, **style_fields: object) -> DocSpec:
    """Given an item seed, a producer and optionally the kind ('table' or 'document'), source (a gold folder,
    or 'NNN/file.csv'), whether to draw the extended style dimensions (or an `ExtStyle` to pin) and TableStyle
    fields to pin, return the document spec; the rest is drawn from the seed. The extended dimensions come from
    a random stream of their own: a seed's style, tables and blocks without them are those drawn before."""
    rng = random.Random(seed)
    style = draw_style(rng, producer)
    if style_fields:
        style = TableStyle(**dict(asdict(style), **style_fields))
    kind = kind or ("document" if rng.random() < 0.08 else "table")
    gold_all = all_gold()
    if kind == "document":
        doc = source or rng.choice(["000", "001", "002", "003", "004"])
        golds = [g for g in gold_all if g.doc == doc]
    else:
        if source:
            doc, _, file = source.partition("/")
            golds = [g for g in gold_all if g.doc == doc and g.file == file]
        else:
            pool = [g for g in gold_all if len(g.rows) <= MAX_SINGLE_ROWS]
            if rng.random() < NUMERIC_SHARE:  # most picks are tables with amounts, the rest any table
                pool = [g for g in pool if len(g.cells()[0]) >= 4]
            golds = [rng.choice(pool)]
        doc = golds[0].doc
    if any(len(g.header) >= 10 for g in golds) and style.orientation == "portrait":
        style = TableStyle(**dict(asdict(style), orientation="landscape"))  # the 10-column task budget
    src = doc if kind == "document" else f"{doc}/{golds[0].file}"
    digest = hashlib.sha1(src.encode()).hexdigest()[:6]
    ext_rng = random.Random(f"{seed}-ext")
    ext = extended if isinstance(extended, ExtStyle) else (draw_ext(ext_rng, kind) if extended else None)
    if ext is not None and ext.tight:
        style = TableStyle(**dict(asdict(style), pad=0.5))
    spec = DocSpec(id=f"{producer}-{kind[:3]}-{doc}-{digest}-s{seed}", seed=seed, kind=kind, source=src, style=style,
                   ext=ext)
    blocks = spec.blocks
    last_ctx = None
    for i, g in enumerate(golds):
        pt = printed_table(g, style)
        ctx = context_of(g)
        if i == 0 or (ctx and ctx != last_ctx):
            if ctx:
                blocks.append(Heading(_heading_for(ctx, rng), 1))
            elif i == 0:
                blocks.append(Heading(f"{MUNICIPALITY} – {pt.gold.title or 'Oversigt'}"[:90], 1))
            for _ in range(rng.choice([1, 1, 2])):
                blocks.append(_prose(rng, style))
        last_ctx = ctx
        if kind == "document" and rng.random() < 0.4:
            blocks.append(_prose(rng, style))
        notes: list[str] = []
        if ext is not None:
            pt, notes = extend_table(pt, ext, ext_rng)
            if ext.note_line != "none":
                notes.append(ext_rng.choice(KILDE if ext.note_line == "kilde" else ANM))
        blocks.extend(_table_blocks(pt, style, rng, notes))
    return spec


def all_cells(pt: PTable) -> list[str]:
    """Given a printed table, return every printed non-empty cell (header and body)."""
    return [h for h in pt.header if h.strip()] + [c for r in pt.rows for c in r if c.strip()]
