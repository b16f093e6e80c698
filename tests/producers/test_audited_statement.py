"""Printed-total checks on an annual report's financial statements, printed by every producer and read by the real
extractor (issue 12: "on correctly read real tables, printed totals that hold are never reported failing; every
printed-total error is still reported").

The report prints, under one heading and between paragraphs of prose, a resultatopgørelse (income statement whose
subtotals "Bruttofortjeneste", "Resultat af primær drift", "Resultat før skat", "Årets resultat" carry no "i alt"),
a balance (the sections "Aktiver" and "Passiver" under one year header, section heads, subtotals with and without
"i alt", "- heraf" lines and an "of which" row set indented without the word, blank cells) long enough to break over
a page, a capital statement ("Egentlig kernekapital", "Kapitalgrundlag"), and a note whose "Heraf:" line lists
indented items and whose last total adds a figure printed elsewhere. Every printed total holds in the clean
report: none may be reported failing, each must be checked (naming the rows it sums), and the total whose summed
range is ambiguous is reported `unverified`, not failing. A second report misprints a few totals, one left blank:
each must be reported failing (the blank one shown blank, never as a printed "0"), and nothing else may fail but a
total that sums a misprinted one.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from domain import registry
from domain.grid import grids_from_records
from extractors.records import table_records
from extractors.tables import extract_tables
from reports.totals import FAILS, UNVERIFIED, audit_checks
from tests.fixtures.eval.goldset import GoldTable
from tests.producers.produce import Made, missing_reason
from tests.producers.reading import norm, print_and_read
from tests.producers.spec import PRODUCERS, Caption, DocSpec, Heading, Para, make_spec, printed_table

INDENT = "\u00a0" * 4  # an indented label: no-break spaces before it (every producer keeps them)
YEARS = ["2024", "2023"]
# (caption, file, rows of (label, indented, 2024, 2023)); row labels that are totals or subtotals are in TOTALS.
STATEMENTS = [
    ("Resultatopgørelse for 2024 (t.kr.)", "01_resultatopgoerelse.csv", [
        ("Nettoomsætning", False, "125.430", "118.210"),
        ("Andre driftsindtægter", False, "2.310", ""),
        ("Vareforbrug", False, "-48.200", "-45.100"),
        ("Andre eksterne omkostninger", False, "-21.450", "-20.330"),
        ("Bruttofortjeneste", False, "58.090", "52.780"),
        ("Personaleomkostninger", False, "-38.100", "-36.400"),
        ("- heraf pensioner", True, "-3.200", "-3.050"),
        ("Af- og nedskrivninger", False, "-4.300", "-4.100"),
        ("Resultat af primær drift", False, "15.690", "12.280"),
        ("Finansielle indtægter", False, "420", "380"),
        ("Finansielle omkostninger", False, "-1.150", "-1.240"),
        ("Resultat før skat", False, "14.960", "11.420"),
        ("Skat af årets resultat", False, "-3.290", "-2.510"),
        ("Årets resultat", False, "11.670", "8.910"),
    ]),
    ("Balance pr. 31. december 2024 (t.kr.)", "02_balance.csv", [
        ("Aktiver", False, "", ""),
        ("Grunde og bygninger", False, "52.300", "53.900"),
        ("Produktionsanlæg og maskiner", False, "18.400", "17.250"),
        ("Andre anlæg, driftsmateriel og inventar", False, "6.150", "5.900"),
        ("Materielle anlægsaktiver", False, "76.850", "77.050"),
        ("Kapitalandele i tilknyttede virksomheder", False, "3.000", "3.000"),
        ("Deposita", False, "850", "820"),
        ("Anlægsaktiver", False, "80.700", "80.870"),
        ("Varebeholdninger", False, "14.300", "13.800"),
        ("Tilgodehavender fra salg", False, "21.650", "19.900"),
        ("- heraf hos tilknyttede virksomheder", True, "2.100", "1.850"),
        ("Andre tilgodehavender", False, "1.240", ""),
        ("Likvide beholdninger", False, "8.910", "6.530"),
        ("Omsætningsaktiver", False, "46.100", "40.230"),
        ("Aktiver i alt", False, "126.800", "121.100"),
        ("Passiver", False, "", ""),
        ("Selskabskapital", False, "10.000", "10.000"),
        ("Overført resultat", False, "48.320", "41.650"),
        ("Foreslået udbytte", False, "5.000", "5.000"),
        ("Egenkapital i alt", False, "63.320", "56.650"),
        ("Hensatte forpligtelser", False, "", ""),
        ("Udskudt skat", False, "3.400", "3.150"),
        ("Andre hensatte forpligtelser", False, "1.200", ""),
        ("Hensatte forpligtelser i alt", False, "4.600", "3.150"),
        ("Gældsforpligtelser", False, "", ""),
        ("Gæld til kreditinstitutter", False, "28.500", "31.200"),
        ("Leverandører af varer og tjenesteydelser", False, "17.840", "16.370"),
        ("Anden gæld", False, "12.540", "13.730"),
        ("Feriepengeforpligtelse", True, "4.100", "3.900"),
        ("Gældsforpligtelser i alt", False, "58.880", "61.300"),
        ("Passiver i alt", False, "126.800", "121.100"),
    ]),
    ("Kapitalforhold (t.kr.)", "03_kapitalforhold.csv", [
        ("Egenkapital i alt", False, "63.320", "56.650"),
        ("- heraf foreslået udbytte", True, "5.000", "5.000"),
        ("Fradrag for foreslået udbytte", False, "-5.000", "-5.000"),
        ("Fradrag for immaterielle aktiver", False, "-1.320", "-1.650"),
        ("Egentlig kernekapital", False, "57.000", "50.000"),
        ("Hybrid kernekapital", False, "2.000", "2.000"),
        ("Kernekapital", False, "59.000", "52.000"),
        ("Supplerende kapital", False, "3.500", "3.500"),
        ("Kapitalgrundlag", False, "62.500", "55.500"),
    ]),
    ("Udgifter og disponible midler (t.kr.)", "04_note_udgifter.csv", [
        ("Driftsudgifter", False, "1.200", "1.100"),
        ("Heraf:", False, "", ""),
        ("lønninger", True, "800", "700"),
        ("husleje", True, "150", "140"),
        ("Anlægsudgifter", False, "300", "250"),
        ("Udgifter i alt", False, "1.500", "1.350"),
        ("Overført fra tidligere år", False, "200", "100"),
        ("Disponibelt i alt", False, "1.900", "1.600"),
    ]),
]
# The totals and subtotals each statement prints (every one holds in the clean report and must be checked).
TOTALS = {
    "01_resultatopgoerelse.csv": {"Bruttofortjeneste", "Resultat af primær drift", "Resultat før skat",
                                  "Årets resultat"},
    "02_balance.csv": {"Materielle anlægsaktiver", "Anlægsaktiver", "Omsætningsaktiver", "Aktiver i alt",
                       "Egenkapital i alt", "Hensatte forpligtelser i alt", "Gældsforpligtelser i alt",
                       "Passiver i alt"},
    "03_kapitalforhold.csv": {"Egentlig kernekapital", "Kernekapital", "Kapitalgrundlag"},
    "04_note_udgifter.csv": {"Udgifter i alt"},
}
# The rows each total of the note sums: a "Heraf:" line's indented items are no parts.
SUMMED = {("04_note_udgifter.csv", "Udgifter i alt"): {"Driftsudgifter", "Anlægsudgifter"}}
# A total that adds a figure printed elsewhere (no reading of the rows above adds up, and the readings differ: the
# rows since the last total, the subtotal with them, the subtotal alone): its summed range is ambiguous, so it is
# reported `unverified` in both reports, never failing or holding.
AMBIGUOUS = {("04_note_udgifter.csv", "Disponibelt i alt")}
# Misprinted totals of the second report: (file, row label, column) -> the printed text.
WRONG = {("02_balance.csv", "Egenkapital i alt", "2023"): "56.750",
         ("02_balance.csv", "Gældsforpligtelser i alt", "2024"): "58.780",
         ("02_balance.csv", "Aktiver i alt", "2024"): "126.900",
         ("04_note_udgifter.csv", "Udgifter i alt", "2023"): ""}  # a total left blank: reported blank, never "0"
PROSE = ("Årsrapporten er aflagt i overensstemmelse med årsregnskabslovens bestemmelser for klasse C-virksomheder. "
         "Den anvendte regnskabspraksis er uændret i forhold til sidste år, og ledelsen anser resultatet for "
         "tilfredsstillende set i lyset af markedsforholdene og de gennemførte tilpasninger af organisationen.")
SEED_BASE = 1720
STYLE = dict(orientation="portrait", unit_line=False, year_shift=0, scale=1, split_rows=False)


def _gold(file: str, caption: str, rows: list[tuple[str, bool, str, str]], wrong: bool) -> GoldTable:
    """Given a statement and whether to misprint its WRONG totals, return it as a gold table (indented labels set
    after no-break spaces)."""
    body = []
    for label, indented, *amounts in rows:
        pairs = zip(YEARS, amounts, strict=True)
        cells = [WRONG.get((file, label, year), text) if wrong else text for year, text in pairs]
        body.append([INDENT + label if indented else label, *cells])
    meta = {"file": file, "title": caption, "unit": "1.000 kr."}
    return GoldTable("900", file, meta, ["t.kr.", *YEARS], body)


def _spec(producer: str, seed: int, wrong: bool) -> DocSpec:
    """Given a producer, a seed and whether to misprint, return the report: a heading, prose, each statement under
    its caption with prose after it (the balance then breaks over a page for most producers)."""
    base = make_spec(seed, producer, "table", "001/22_su4-tabel2-varige-aendringer-service.csv", **STYLE)
    blocks: list = [Heading("Årsrapport 2024", 1), Para(PROSE), Para(PROSE)]
    for caption, file, rows in STATEMENTS:
        blocks += [Caption(caption), printed_table(_gold(file, caption, rows, wrong), base.style)]
        blocks.append(Para(PROSE))
    return replace(base, id=f"{producer}-statement-{'wrong' if wrong else 'clean'}-s{seed}", blocks=blocks)


CASES = [(f"{producer}-{kind}", producer, SEED_BASE + i, kind == "wrong")
         for i, producer in enumerate(PRODUCERS) for kind in ("clean", "wrong")]


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[DocSpec, Made, dict]]:
    """Print every case whose producer runs here and check its totals: case id -> (spec, made, checks by file; the
    audit report's checks by file under AUDIT)."""
    return print_and_read({c[0]: _spec(*c[1:]) for c in CASES}, tmp_path_factory.mktemp("statement"), read=_checks)


Checked = tuple[registry.TotalCheck, set[str]]  # a check and the labels of the rows it summed
AUDIT = "audit"  # the key of the audit report's checks (`reports.totals.audit_checks`) by statement file


def _checks(pdf: Path) -> dict:
    """Given a PDF, return the printed-total checks of its tables as the pipeline makes them, with the labels of the
    rows each summed, by the statement each table prints (the statement sharing most labels with it), and under
    AUDIT the audit report's checks (holds / fails / unverified) by statement."""
    tables, cells = table_records("report", extract_tables(pdf))
    out: dict = {AUDIT: {}}
    files = {}
    for grid in grids_from_records(tables, cells):
        grid.kind = registry.classify(grid)
        labels = {r.index: norm(r.label) for r in grid.rows}
        file = max(STATEMENTS, key=lambda s: len(set(labels.values()) & {norm(r[0]) for r in s[2]}))[1]
        files[grid.table_id] = file
        out.setdefault(file, []).extend((c, {labels[r] for r, _ in c.parts}) for c in registry.check_totals(grid))
    for check in audit_checks(tables, cells):
        out[AUDIT].setdefault(files.get(check.table_id), []).append(check)
    return out


def _case(case_id: str, producer: str, read: dict) -> tuple[DocSpec, dict[str, list[Checked]]]:
    """Given a case, return its spec and checks (skips when the producer cannot run here)."""
    reason = missing_reason(producer)
    if reason:
        pytest.skip(f"producer {producer} unavailable: {reason}")
    spec, made, checks = read[case_id]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    return spec, checks


@pytest.mark.parametrize(("case_id", "producer"), [(c[0], c[1]) for c in CASES if not c[3]])
def test_a_report_whose_totals_hold_raises_no_alarm_and_checks_each(case_id: str, producer: str, read: dict):
    _, checks = _case(case_id, producer, read)
    of_which = {norm(r[0]) for s in STATEMENTS for r in s[2] if r[1]}
    for file, want in TOTALS.items():
        got = checks.get(file, [])
        assert [c.row_label for c, _ in got if not c.holds] == [], f"{file}: a total that holds is reported failing"
        assert {norm(c.row_label) for c, _ in got} == {norm(t) for t in want}, f"{file}: not each total checked"
        assert all(not of_which & parts for _, parts in got), f"{file}: an of-which row was summed"
    for (file, label), rows in SUMMED.items():  # each check names the rows it summed
        named = [parts for c, parts in checks.get(file, []) if norm(c.row_label) == norm(label)]
        assert named and all(parts == {norm(r) for r in rows} for parts in named), \
            f"{file}: {label} does not name the rows it sums: {named}"


@pytest.mark.parametrize(("case_id", "producer", "wrong"), [(c[0], c[1], c[3]) for c in CASES])
def test_a_total_whose_summed_range_is_ambiguous_is_reported_unverified(case_id: str, producer: str, wrong: bool,
                                                                         read: dict):
    """A total that adds a figure printed elsewhere: no reading of the rows above adds up and the readings differ,
    so the audit report lists it as unverified (no check), never as failing or holding."""
    _, checks = _case(case_id, producer, read)
    for file, label in AMBIGUOUS:
        states = {a.state for a in checks[AUDIT].get(file, []) if norm(a.row_label) == norm(label)}
        assert states == {UNVERIFIED}, f"{file}: {label} is reported {states}, not unverified"


@pytest.mark.parametrize(("case_id", "producer"), [(c[0], c[1]) for c in CASES if c[3]])
def test_a_blank_total_cell_is_reported_blank_never_as_a_printed_zero(case_id: str, producer: str, read: dict):
    """A total left blank under parts that print amounts is reported failing, its printed value shown blank
    ("(blank)"), not as a printed "0"; no other cell is reported blank."""
    _, checks = _case(case_id, producer, read)
    blank = {(file, norm(label), col) for (file, label, col), text in WRONG.items() if not text}
    shown = {(file, norm(a.row_label), a.column): a.shown_printed for file, audits in checks[AUDIT].items()
             for a in audits if a.state == FAILS}
    assert all(shown.get(key) == "(blank)" for key in blank), f"a blank total is not shown blank: {shown}"
    assert all(text != "0" for text in shown.values()), "a failing total is shown as a printed 0"
    assert {key for key, text in shown.items() if text == "(blank)"} == blank, "a printed total is shown blank"


@pytest.mark.parametrize(("case_id", "producer"), [(c[0], c[1]) for c in CASES if c[3]])
def test_every_misprinted_total_is_reported(case_id: str, producer: str, read: dict):
    _, checks = _case(case_id, producer, read)
    wrong = {(file, norm(label), col) for file, label, col in WRONG}
    failing = {(file, norm(c.row_label), c.column): parts for file, cs in checks.items() if file != AUDIT
               for c, parts in cs if not c.holds}
    assert wrong <= set(failing), f"misprinted totals not reported: {wrong - set(failing)}"
    for (file, label, col), parts in failing.items():  # else only a total summing a misprinted one fails
        assert (file, label, col) in wrong or {lb for f, lb, c in wrong if f == file and c == col} & parts, \
            f"{file}: {label} [{col}] is reported failing"
