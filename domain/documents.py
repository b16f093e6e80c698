"""Recognise what a document is (kind, municipality, title) from the text of its first pages, never its file name.

Pure functions over plain text lines: the pipeline reads the lines (with font size) from the PDF and passes
them here, so this module can be tested on any text.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

DOCUMENT_KINDS = ("grant_expiry_list", "proposal_catalogue", "committee_minutes", "task_budget", "unknown")
FIRST_PAGES = 3  # how many leading pages the pipeline reads for recognition
MIN_KIND_SCORE = 2  # distinct markers a kind needs before the document is called that kind

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
        r"(?:^|\n)sagsfremstilling\s*(?:\n|$)",
        r"(?:^|\n)indstilling\s*(?:\n|$)",
        r"(?:^|\n)beslutning\s*(?:\n|$)",
        r"udvalget, den \d{1,2}\. \w+ \d{4}",
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

# "<Name> Kommune" / "<Name>s Kommune" / "Bornholms Regionskommune"; the name is one (hyphenated) word.
MUNICIPALITY_RE = re.compile(r"\b([A-ZÆØÅ][A-Za-zÆØÅæøåéü]+(?:-[A-ZÆØÅ][A-Za-zÆØÅæøåéü]+)*)[ \t]+"
                             r"(?:Regions)?(?:[Kk]ommune|KOMMUNE)\b")
# Official names that end in "s" themselves (not a genitive s).
NAMES_ENDING_IN_S = frozenset({"Aarhus", "Assens", "Halsnæs", "Norddjurs", "Randers", "Syddjurs"})
# Words that can precede "Kommune" without being a municipality's name.
NOT_NAMES = frozenset({"Den", "Din", "Hver", "Hele", "Vores", "Jeres", "Anden", "Denne", "Samme", "Ny", "Nye"})

CATALOGUE_TITLE_RE = re.compile(r"\b((?:Effektiviserings|Investerings|Innovations)katalog(?:et)? \d{4})\b")
MINUTES_TITLE_RE = re.compile(r"^([A-ZÆØÅ][\w\- ]*udvalget?, den \d{1,2}\. \w+ \d{4})\s*$", re.MULTILINE)
RUNNING_LINE_RE = re.compile(r"^\s*(?:side \d+(?: af \d+)?|\d+(?: af \d+)?)\s*$", re.IGNORECASE)
MAX_TITLE_LINES = 3
MAX_TITLE_CHARS = 200


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


def kind_scores(text: str) -> dict[str, int]:
    """Given the text of the first pages, return {document kind: number of distinct markers found}."""
    norm = normalise(text)
    scores = {}
    for kind, patterns in KIND_MARKERS.items():
        score = sum(1 for p in patterns if re.search(p, norm))
        score += sum(1 for p in HEADING_MARKERS.get(kind, ()) if re.search(p, text))
        scores[kind] = score
    return scores


def recognise_kind(text: str) -> str:
    """Given the text of the first pages, return the document kind (one of DOCUMENT_KINDS)."""
    scores = kind_scores(text)
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < MIN_KIND_SCORE:
        return "unknown"
    if sum(1 for s in scores.values() if s == scores[best]) > 1:
        return "unknown"
    return best


def municipality_name(printed: str) -> str:
    """Given the word before "Kommune" ("Københavns", "Slagelse"), return the municipality's name."""
    name = printed.title() if printed.isupper() else printed
    if name.endswith("s") and name not in NAMES_ENDING_IN_S:
        name = name[:-1]
    return name


def recognise_municipality(text: str) -> str | None:
    """Given the text of the first pages, return the municipality named most often as "<Name> Kommune"."""
    text = unicodedata.normalize("NFC", text)
    names = Counter(municipality_name(m.group(1)) for m in MUNICIPALITY_RE.finditer(text)
                    if m.group(1) not in NOT_NAMES)
    if not names:
        return None
    return names.most_common(1)[0][0]


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


def recognise_document(lines: list[TextLine]) -> DocumentFacts:
    """Given the lines of a document's first pages, return its kind, municipality and title."""
    text = "\n".join(ln.text for ln in lines)
    kind = recognise_kind(text)
    return DocumentFacts(kind=kind, municipality=recognise_municipality(text), title=recognise_title(kind, lines))
