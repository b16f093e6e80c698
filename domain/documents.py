"""Recognise what a document is (kind, municipality, title) from its content, never its file name.

The kind summarises what was found: the kinds of the tables recognised in it (`tables.kind`) and the markers
of its text on all pages. It never gates the domain tables: those are built from every table recognised,
whatever the document's kind. The title is read from the first pages.

Pure functions over plain text lines: the pipeline reads the lines (with font size) from the PDF and passes
them here, so this module can be tested on any text.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DOCUMENT_KINDS = ("grant_expiry_list", "proposal_catalogue", "committee_minutes", "task_budget", "unknown")
FIRST_PAGES = 3  # how many leading pages the title is read from
MIN_KIND_SCORE = 2  # distinct markers a kind needs before the document is called that kind
# A recognised table (its `tables.kind`) is evidence of the document kind that holds such tables, worth this
# many markers: one such table is enough by itself. A satspulje overview is what committee minutes carry.
TABLE_KIND_EVIDENCE: dict[str, str] = {
    "grant_expiry": "grant_expiry_list",
    "catalogue_overview": "proposal_catalogue",
    "proposal_economics": "proposal_catalogue",
    "satspulje_overview": "committee_minutes",
    "task_budget": "task_budget",
    "task_sheet": "task_budget",
}
TABLE_KIND_SCORE = MIN_KIND_SCORE

# Markers per kind, matched against normalised text (casefolded, whitespace collapsed, hyphenation removed),
# except the UPPERCASE heading markers, which are matched case-sensitively against the raw lines.
KIND_MARKERS: dict[str, tuple[str, ...]] = {
    "grant_expiry_list": (
        r"bevilling(?:er|sudløb)\b[^.]{0,120}\budløb",
        r"\bbevillingsudløb",
        r"\bbør videreføres\b",
        r"\bikke relevant at videreføre\b",
        r"\bsom udløber\b",
    ),
    "proposal_catalogue": (
        r"\bforslagets titel\b",
        r"\bforslagets samlede økonomiske konsekvenser\b",
        r"\b(?:effektiviserings|investerings)katalog\b",
        r"\bfremstillende forvaltning\b",
        r"\bvarige ændringer\b",
        r"\bimplementeringsomkostninger\b",
    ),
    "committee_minutes": (
        r"(?:^|\n)punkt \d+\s*(?:\n|$)",
        r"\bgodkendelse af dagsorden",
        r"(?:^|\n)(?:supplerende )?sagsfremstilling\s*(?:\n|$)",
        r"(?:^|\n)indstilling\s*(?:\n|$)",
        r"(?:^|\n)beslutning\s*(?:\n|$)",
        r"udvalget, den \d{1,2}\. \w+ \d{4}",
        # the minutes systems' own layouts (eDoc, Acadre, city council minutes)
        r"(?:^|\n)(?:åbent |lukket )?referat\s*(?:\n|$)",
        r"\b(?:åbent|lukket) referat\b",
        r"(?:^|\n)(?:tilstede|til stede|fraværende|afbud(?:/fraværende)?|medlemmer|mødedeltagere)\s*(?:\n|$)",
        r"(?:^|\n)sagsnr\.?:",
        r"\bsagen afgøres i\b",
        r"(?:^|\n)beslutning i [^\n]{0,80}\bden \d",
        r"(?:udvalgets|byrådets|kommunalbestyrelsens|økonomiudvalgets) beslutning den \d",
        r"\b(?:byrådsmøde|kommunalbestyrelsesmøde|udvalgsmøde)\b",
    ),
    "task_budget": (
        r"\bskal\W{0,3}(?:og|/)\W{0,3}\W?kan\W{0,3}opgaver\b",
        r"\bskal-opgaver\b",
        r"\bkan-opgaver\b",
        r"\bbudgettype\b",
        r"\budgiftstype\b",
    ),
}
HEADING_MARKERS: dict[str, tuple[str, ...]] = {
    "proposal_catalogue": (r"\b(?:INVESTERINGS|INNOVATIONS|EFFEKTIVISERINGS)FORSLAG\b",),
}

# The official list of the 98 municipalities and 5 regions (domain/data/README.md gives its source).
MUNICIPALITIES_CSV = Path(__file__).with_name("data") / "municipalities.csv"
# A line broken at a name's hyphen ("Lyngby-" / "Taarbæk Kommune") is joined before names are matched.
_HYPHEN_BREAK = re.compile(r"(\w)[-\u2010\u2011]\s*\n\s*(\w)")

CATALOGUE_TITLE_RE = re.compile(r"\b((?:Effektiviserings|Investerings|Innovations)katalog(?:et)? \d{4})\b")
MINUTES_TITLE_RE = re.compile(r"^([A-ZÆØÅ][\w\- ]*udvalget?, den \d{1,2}\. \w+ \d{4})\s*$", re.MULTILINE)
RUNNING_LINE_RE = re.compile(r"^\s*(?:side \d+(?: af \d+)?|\d+(?: af \d+)?)\s*$", re.IGNORECASE)
MAX_TITLE_LINES = 3
MAX_TITLE_CHARS = 200
LETTERHEAD_LINES = 2  # the first printed lines of the first page: the letterhead naming the publisher


@dataclass(frozen=True)
class TextLine:
    """One printed line: its text, its main font size in points (0 when unknown) and its 1-based page."""

    text: str
    page: int
    size: float = 0.0


@dataclass(frozen=True)
class DocumentFacts:
    """What a document is, as recognised from its content."""

    kind: str
    municipality: str | None
    title: str | None


def normalise(text: str) -> str:
    """Given raw text, return it NFKC-normalised, casefolded, de-hyphenated at line breaks, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"(\w)-[ \t]*\n[ \t]*(\w)", r"\1\2", text)
    text = re.sub(r"[ \t]+", " ", text)
    return text.casefold()


@cache
def required_text(pattern: str) -> str:
    """Given a regular expression (without flags), return the longest run of plain characters that every match of
    it holds at its top level ('' when none, or the pattern cannot be read so): a text without that run holds no
    match. Read with Python's own pattern parser: a run is consecutive literal characters, not inside a group, an
    alternative or a repeat."""
    try:
        from re import _constants, _parser  # Python's own (private) regular expression parser

        parsed = _parser.parse(pattern)
    except Exception:  # noqa: BLE001 - no run known: the pattern is searched as before
        return ""
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ""
    best = run = ""
    for op, arg in parsed:
        run = run + chr(arg) if op is _constants.LITERAL else ""
        if len(run) > len(best):
            best = run
    return best


def has_marker(pattern: str, text: str) -> bool:
    """Given a marker pattern and a text, return whether the pattern matches anywhere in it (`re.search`), first
    looking for its `required_text` with a plain substring test: a pattern opening on a word boundary ("\\bsagen
    afgøres i\\b") is otherwise tried at every position of a long document's text."""
    need = required_text(pattern)
    return (not need or need in text) and re.search(pattern, text) is not None


def kind_scores(text: str, table_kinds: Iterable[str] = ()) -> dict[str, int]:
    """Given a document's text and the kinds of its recognised tables, return {document kind: evidence}: the
    number of distinct text markers found plus TABLE_KIND_SCORE per distinct table kind that kind holds."""
    norm = normalise(text)
    scores = {}
    for kind, patterns in KIND_MARKERS.items():
        score = sum(1 for p in patterns if has_marker(p, norm))
        score += sum(1 for p in HEADING_MARKERS.get(kind, ()) if has_marker(p, text))
        scores[kind] = score
    for table_kind in set(table_kinds):
        if (kind := TABLE_KIND_EVIDENCE.get(table_kind)) is not None:
            scores[kind] += TABLE_KIND_SCORE
    return scores


def recognise_kind(text: str, table_kinds: Iterable[str] = ()) -> str:
    """Given a document's text (all pages) and its tables' kinds, return the document kind (DOCUMENT_KINDS): the
    kind with the most evidence; on a tie, the one whose tables were found (tables outweigh words in prose)."""
    scores = kind_scores(text, table_kinds)
    found = {TABLE_KIND_EVIDENCE[t] for t in table_kinds if t in TABLE_KIND_EVIDENCE}
    rank = {k: (s, k in found) for k, s in scores.items()}
    best = max(rank, key=lambda k: rank[k])
    if scores[best] < MIN_KIND_SCORE:
        return "unknown"
    if sum(1 for r in rank.values() if r == rank[best]) > 1:
        return "unknown"
    return best


@dataclass(frozen=True)
class Municipality:
    """One entry of the official list: the published name, municipality or region, and its printed forms."""

    name: str
    type: str
    forms: tuple[str, ...]


@cache
def municipalities() -> tuple[Municipality, ...]:
    """Return the official list of the 98 municipalities and 5 regions (domain/data/municipalities.csv)."""
    with open(MUNICIPALITIES_CSV, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for r in rows:
        forms = {r["official_name"], *(f for f in r["other_spellings"].split(";") if f)}
        if r["type"] == "municipality":
            forms.add(f"{r['name']} Kommune")
        out.append(Municipality(r["name"], r["type"], tuple(sorted(forms))))
    return tuple(out)


def _entry_of(printed: str) -> Municipality | None:
    """Given a matched printed name ("Ballerup Kommunes", "KØBENHAVNS KOMMUNE"), return its list entry."""
    key = " ".join(printed.split()).casefold()
    table = _names_by_form()
    return table.get(key) or (table.get(key[:-1]) if key.endswith("s") else None)  # the genitive "s"


@cache
def _names_by_form() -> dict[str, Municipality]:
    """Return {printed form, casefolded: its municipality or region}."""
    return {" ".join(f.split()).casefold(): m for m in municipalities() for f in m.forms}


@cache
def _names_re() -> re.Pattern[str]:
    """Return one pattern matching every printed form (and its genitive), longest first, as a whole name."""
    forms = sorted({f for m in municipalities() for f in m.forms}, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms)
    return re.compile(rf"(?<![\w-])(?:{alternatives})s?(?![\w-])", re.IGNORECASE)


def recognise_municipality(text: str) -> str | None:
    """Given a document's text, return the municipality it names most often in one of its official printed forms
    ("Københavns Kommune", "Lyngby-Taarbæk Kommunes", "LYNGBY-" / "TAARBÆK KOMMUNE"), else the region it names
    most often, else None: never a name that is not on the official list."""
    text = _HYPHEN_BREAK.sub(r"\1-\2", unicodedata.normalize("NFC", text).replace("\u00ad", ""))
    found: Counter[str] = Counter()
    first_at: dict[str, int] = {}
    types: dict[str, str] = {}
    for m in _names_re().finditer(text):
        entry = _entry_of(m.group())
        if entry is None:
            continue
        found[entry.name] += 1
        first_at.setdefault(entry.name, m.start())
        types[entry.name] = entry.type
    for wanted in ("municipality", "region"):
        names = [n for n in found if types[n] == wanted]
        if names:
            return max(names, key=lambda n: (found[n], -first_at[n]))
    return None


def _running_lines(lines: list[TextLine]) -> set[str]:
    """Given lines of several pages, return the texts that repeat on more than one page (headers, footers)."""
    pages_of: dict[str, set[int]] = {}
    for line in lines:
        pages_of.setdefault(line.text.strip(), set()).add(line.page)
    return {t for t, pages in pages_of.items() if len(pages) > 1}


def join_lines(lines: list[str]) -> str:
    """Given printed lines, return them joined with spaces, removing line-break hyphenation ("ud-" + "løber")."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if re.search(r"\w-$", out) and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out


def _clean_title(text: str) -> str | None:
    """Given a candidate title, return it with spaces collapsed and length bounded, or None when empty."""
    text = re.sub(r"\s+", " ", text).strip()
    return text[:MAX_TITLE_CHARS] or None


def heading_title(lines: list[TextLine]) -> str | None:
    """Given the lines of the first pages, return the first block of the largest print on the first text page."""
    running = _running_lines(lines)
    body = [ln for ln in lines if ln.text.strip() and ln.text.strip() not in running
            and not RUNNING_LINE_RE.match(ln.text)]
    if not body:
        return None
    first_page = body[0].page
    page_lines = [ln for ln in body if ln.page == first_page]
    largest = max(ln.size for ln in page_lines)
    block: list[str] = []
    for line in page_lines:
        if line.size == largest:
            block.append(line.text.strip())
            if len(block) == MAX_TITLE_LINES:
                break
        elif block:
            break
    return _clean_title(join_lines(block))


def recognise_title(kind: str, lines: list[TextLine]) -> str | None:
    """Given the document kind and the lines of its first pages, return the document's title."""
    text = "\n".join(ln.text for ln in lines)
    if kind == "proposal_catalogue":
        m = CATALOGUE_TITLE_RE.search(text)
        if m:
            return m.group(1)
    if kind == "committee_minutes":
        m = MINUTES_TITLE_RE.search(text)
        if m:
            return _clean_title(m.group(1))
    return heading_title(lines)


def letterhead(lines: list[TextLine]) -> list[str]:
    """Given a document's lines, return its letterhead: the first LETTERHEAD_LINES printed lines of its first
    page and the running lines (headers, footers) printed on that page too."""
    printed = [ln for ln in lines if ln.text.strip()]
    if not printed:
        return []
    first_page = [ln.text for ln in printed if ln.page == printed[0].page]
    running = _running_lines(printed)
    return first_page[:LETTERHEAD_LINES] + [t for t in first_page[LETTERHEAD_LINES:] if t.strip() in running]


def document_municipality(lines: list[TextLine]) -> str | None:
    """Given a document's lines, return its municipality: the one its letterhead names (the publisher), else the
    one its whole text names most often (`recognise_municipality`). A table or prose that lists other
    municipalities ("Lyngby-Taarbæk Kommune" in a list of cases) does not outvote the letterhead."""
    return recognise_municipality("\n".join(letterhead(lines))) or recognise_municipality(
        "\n".join(ln.text for ln in lines))


def recognise_document(lines: list[TextLine], table_kinds: Iterable[str] = ()) -> DocumentFacts:
    """Given a document's lines (all pages, or the first ones) and the kinds of its recognised tables, return
    its kind, municipality and title (the title read from its first FIRST_PAGES pages)."""
    text = "\n".join(ln.text for ln in lines)
    kind = recognise_kind(text, table_kinds)
    first = [ln for ln in lines if ln.page <= FIRST_PAGES]
    return DocumentFacts(kind=kind, municipality=document_municipality(lines), title=recognise_title(kind, first))
