"""Turn document specs into PDFs with six producers, write the gold each PDF prints, and self-check it.

Producers: `reportlab` (platypus), `fpdf2` (FPDF.table), `weasyprint` (HTML+CSS), `chromium` (the same HTML,
headless print-to-PDF), `libreoffice` (python-docx .docx converted by `soffice --headless`, many per call), and,
kept out of tuning, `typst` (Typst markup compiled by the `typst` binding's own layout engine).
A `rotate90` style re-stores every landscape page as a portrait MediaBox with /Rotate 90 (content drawn rotated
in a form XObject), whichever producer made it.
"""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from tests.producers.spec import (
    ALL_PRODUCERS,
    MUNICIPALITY,
    MUNICIPALITY_NAME,
    DocSpec,
    Heading,
    PTable,
    all_cells,
)
from tests.variants.cells import GOLD, parse_dk

CHROMIUM_TIMEOUT_S = 120
SOFFICE_TIMEOUT_S = 900
LO_BATCH = 40  # .docx files converted per soffice call


def _which(*names: str) -> str | None:
    """Given executable names, return the path of the first one found on PATH."""
    for n in names:
        if p := shutil.which(n):
            return p
    return None


def missing_reason(producer: str) -> str | None:
    """Given a producer name, return why it cannot run on this machine, or None when it can."""
    if producer == "weasyprint":
        try:
            import weasyprint  # noqa: F401
        except Exception as e:  # noqa: BLE001 - ImportError, or OSError when pango is missing
            return f"weasyprint cannot be imported ({type(e).__name__}: {e})"[:300]
    elif producer == "chromium":
        if not _which("chromium", "chromium-browser", "google-chrome"):
            return "no chromium executable on PATH (apt-get install chromium)"
    elif producer == "libreoffice":
        try:
            import docx  # noqa: F401
        except ImportError:
            return "python-docx is not installed (pip install .[test])"
        if not _which("soffice", "libreoffice"):
            return "no soffice executable on PATH (apt-get install libreoffice-writer-nogui)"
    elif producer == "typst":
        try:
            import typst  # noqa: F401
        except ImportError as e:
            return f"typst cannot be imported ({e}; pip install .[test])"[:300]
    elif producer not in ALL_PRODUCERS:
        return f"unknown producer {producer!r}"
    return None


# ---------------------------------------------------------------- drawing
def _chromium(html: Path, pdf: Path) -> None:
    """Given an HTML file, print it to `pdf` with headless Chromium."""
    exe = _which("chromium", "chromium-browser", "google-chrome")
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        proc = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                               "--no-first-run", f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
                               html.resolve().as_uri()],
                              capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT_S)
    if not pdf.is_file():
        raise RuntimeError(f"chromium wrote no PDF ({proc.returncode}): {proc.stderr[-500:]}")


def soffice_convert(docx_files: list[Path], out_dir: Path) -> None:
    """Given .docx files, convert them to PDFs in `out_dir` with one soffice call per batch (own profile)."""
    exe = _which("soffice", "libreoffice")
    for start in range(0, len(docx_files), LO_BATCH):
        batch = docx_files[start:start + LO_BATCH]
        with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
            proc = subprocess.run([exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                                   "--norestore", "--convert-to", "pdf", "--outdir", str(out_dir),
                                   *map(str, batch)], capture_output=True, text=True, timeout=SOFFICE_TIMEOUT_S)
        missing = [d for d in batch if not (out_dir / (d.stem + ".pdf")).is_file()]
        if missing:
            raise RuntimeError(f"soffice did not convert {[d.name for d in missing]} ({proc.returncode}): "
                               f"{proc.stderr[-500:]}")


def rotate90(pdf_path: Path) -> None:
    """Given a PDF of landscape pages, rewrite it: each page stored portrait with /Rotate 90, drawn rotated."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(pdf_path))
    dst = pdfium.PdfDocument.new()
    try:
        for i in range(len(src)):
            w, h = src[i].get_size()
            xobj = src.page_as_xobject(i, dst)
            obj = xobj.as_pageobject()
            obj.transform(pdfium.PdfMatrix(0, 1, -1, 0, h, 0))  # landscape (x, y) -> stored (h - y, x)
            page = dst.new_page(h, w)
            page.insert_obj(obj)
            page.gen_content()
            page.set_rotation(90)
        tmp = pdf_path.with_suffix(".rot.pdf")
        dst.save(str(tmp))
    finally:
        dst.close()
        src.close()
    tmp.replace(pdf_path)


def draw_one(spec: DocSpec, pdf: Path, work: Path) -> None:
    """Given a spec (not LibreOffice), write its PDF; `work` holds intermediate files."""
    p = spec.style.producer
    if p == "reportlab":
        from tests.producers.pdfwriters import draw_reportlab

        draw_reportlab(spec, pdf)
    elif p == "fpdf2":
        from tests.producers.pdfwriters import draw_fpdf2

        draw_fpdf2(spec, pdf)
    elif p in ("weasyprint", "chromium"):
        from tests.producers.html import to_html

        html = work / f"{spec.id}.html"
        html.write_text(to_html(spec), encoding="utf-8")
        if p == "weasyprint":
            import logging

            import weasyprint

            logging.getLogger("weasyprint").setLevel(logging.ERROR)
            logging.getLogger("fontTools").setLevel(logging.ERROR)
            weasyprint.HTML(filename=str(html)).write_pdf(str(pdf))
        else:
            _chromium(html, pdf)
    elif p == "typst":
        from tests.producers.typst_build import draw_typst

        draw_typst(spec, pdf, work)
    else:
        raise ValueError(f"draw_one cannot draw {p}")


def build_docx(spec: DocSpec, work: Path) -> Path:
    """Given a LibreOffice spec, write its .docx in `work`; return the path."""
    from tests.producers.docx_build import build_docx as build

    path = work / f"{spec.id}.docx"
    build(spec, path)
    return path


# ---------------------------------------------------------------- gold
def write_gold(spec: DocSpec, folder: Path) -> None:
    """Given a spec and a gold folder, write one CSV per printed table (sample file names) and tables.json."""
    folder.mkdir(parents=True, exist_ok=True)
    metas = []
    for pt in spec.tables:
        g = pt.gold
        with open(folder / g.file, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(g.header)
            w.writerows(g.rows)
        meta = {k: v for k, v in g.meta.items() if k not in ("source_lines", "pages_inferred", "notes")}
        meta.update(columns=list(g.header), row_count=len(g.rows), totals=_totals(pt, g.meta.get("totals") or []),
                    numeric_cells=sum(1 for r in g.rows for i, c in enumerate(r)
                                      if i != g.label_col and parse_dk(c) is not None),
                    generated=dict(producer=spec.style.producer, seed=spec.seed, style=spec.style.family))
        metas.append(meta)
    (folder / "tables.json").write_text(json.dumps(metas, ensure_ascii=False, indent=1), encoding="utf-8")
    if spec.kind == "document":  # the whole sample: let score.py derive its domain rows as for the sample
        from tests.fixtures.eval.goldset import DOCS

        (folder / "doc.json").write_text(json.dumps(document_facts(spec, DOCS[spec.source]), ensure_ascii=False),
                                         encoding="utf-8")
        sample_proposals = GOLD / spec.source / "proposals.csv"
        if sample_proposals.is_file():  # headings print the sample's titles as they are (years not moved)
            write_printed_proposals(spec, sample_proposals, folder / "proposals.csv")


def document_facts(spec: DocSpec, sample: dict) -> dict:
    """Given a whole-document spec and its sample's facts (goldset.DOCS), return the facts this PDF prints: the
    generator's municipality where it is printed (running header or a heading), the budget year moved with the
    printed years, and no committee (the generated documents do not name one)."""
    printed = spec.style.running or any(isinstance(b, Heading) and MUNICIPALITY in b.text for b in spec.blocks)
    facts = dict(sample, like=spec.source, municipality=MUNICIPALITY_NAME if printed else None)
    facts.pop("committee", None)
    if isinstance(facts.get("budget_year"), int):
        facts["budget_year"] += spec.style.year_shift
    return facts


def write_printed_proposals(spec: DocSpec, sample: Path, out: Path) -> None:
    """Given a whole-document spec, its sample's proposals.csv and a path, write the proposals as this PDF prints
    them: only proposals whose code is printed (a heading or a table cell names it), no administration (the
    generator prints no "Fremstillende forvaltning"), the proposal type only when a table prints the type groups
    (the catalogue overview's "INVESTERINGSFORSLAG" rows; else "other", the contract's value), the payback years
    as the proposal's printed "Tilbagebetalingstid ..." rows state them (scaled and all)."""
    texts = [b.text for b in spec.blocks if isinstance(b, Heading)] + [c for pt in spec.tables for c in all_cells(pt)]
    printed_labels = {r[pt.label_col].strip() for pt in spec.tables for r in pt.rows}
    types_printed = any(label.isupper() and label.endswith("FORSLAG") for label in printed_labels)
    with open(sample, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    kept = []
    for row in rows:
        code = re.compile(rf"(?<![\w/]){re.escape(row['code'])}(?![\w/])")
        if not any(code.search(t) for t in texts):
            continue
        row["administration"] = ""
        if not types_printed:
            row["proposal_type"] = "other"
        row.update(_printed_payback(spec, row["code"]))
        kept.append(row)
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
        w.writeheader()
        w.writerows(kept)


def _context_code(context: object) -> str | None:
    """Given a gold table's context (a dict with "code", or a string opening with the code), return the code."""
    if isinstance(context, dict):
        return context.get("code")
    m = re.match(r"\s*([A-ZÆØÅ]{1,5}(?:/[A-ZÆØÅ]{1,5})?\d{1,3})\b", context or "")
    return m.group(1) if m else None


def _printed_payback(spec: DocSpec, code: str) -> dict[str, str]:
    """Given a whole-document spec and a proposal code, return {payback field: printed years} from the
    "Tilbagebetalingstid baseret på Service.../Totaløkonomi" rows of that proposal's tables ("" where none)."""
    out = {"payback_service_years": "", "payback_total_years": ""}
    for pt in spec.tables:
        if _context_code(pt.gold.meta.get("context")) != code:
            continue
        for r in pt.rows:
            label = r[pt.label_col].lower()
            if "tilbagebetal" not in label:
                continue
            years = next((m.group(0) for i, c in enumerate(r) if i != pt.label_col
                          for m in [re.search(r"\d+(?:,\d+)?", c)] if m), "")
            out["payback_total_years" if "total" in label else "payback_service_years"] = years.replace(",", ".")
    return out


def _totals(pt: PTable, totals: list[dict]) -> list[dict]:
    """Given a printed table and its sample `totals` entries, return them with the printed (varied) totals."""
    out = []
    for t in totals:
        idx = t.get("total_row_index")
        if not isinstance(idx, int) or not 1 <= idx <= len(pt.rows):
            continue
        row = pt.rows[idx - 1]
        by_col = {}
        for col in t.get("by_column", {}):
            if col in pt.gold.header:
                cell = row[pt.gold.header.index(col)]
                v = parse_dk(cell)
                by_col[col] = dict(printed=cell, printed_value=float(v) if v is not None else None)
        out.append(dict(total_row=row[pt.label_col], total_row_index=idx, by_column=by_col))
    return out


# ---------------------------------------------------------------- self-check
def pdf_text(pdf: Path) -> tuple[int, str]:
    """Given a PDF, return (page count, its text as pdfium reads it, NFKC-normalised)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        parts = []
        for page in doc:
            tp = page.get_textpage()
            parts.append(tp.get_text_range())
            tp.close()
            page.close()
        text = "\n".join(parts).replace("\x02", "-").replace("\ufffe", "-")  # pdfium: hyphens as U+0002/U+FFFE
        return len(doc), unicodedata.normalize("NFKC", text)
    finally:
        doc.close()


# where a word may be broken over lines: after each hyphen, dash or slash, or after a run of them ("regel-/kultur")
_BREAKS = (r"(?<=[-/\u2010-\u2015])(?=.)", r"(?<=[-/\u2010-\u2015])(?=[^-/\u2010-\u2015])")


def _canon(s: str) -> str:
    return unicodedata.normalize("NFKC", s).replace("\u00ad", "")


def check_printed(spec: DocSpec, pdf: Path) -> list[str]:
    """Given a spec and its PDF, return what the PDF does not print as the gold says (empty when all is well):
    every numeric cell as a whole word, every other cell's characters in order (line breaks ignored) with no
    word broken over two lines except after a hyphen, and a sane page count."""
    n_pages, text = pdf_text(pdf)
    words = set(text.split())
    flat = re.sub(r"\s+", "", text)
    problems = []
    rows = sum(len(t.rows) for t in spec.tables)
    if not 1 <= n_pages <= 3 + rows // 3 + len(spec.tables):
        problems.append(f"{n_pages} pages for {rows} rows")
    for pt in spec.tables:
        for cell in all_cells(pt):
            c = _canon(cell.strip())
            if parse_dk(c) is not None and " " not in c:
                if c not in words:
                    problems.append(f"{pt.gold.file}: number {c!r} not printed as a word")
            elif re.sub(r"\s+", "", c) not in flat:
                problems.append(f"{pt.gold.file}: {c[:60]!r} not printed")
            else:
                broken = [w for w in c.split() if w not in words
                          and not any(all(p in words for p in re.split(at, w)) for at in _BREAKS)
                          and not (w.endswith("-") and any(x.startswith(w) for x in words))]  # pdfium joins
                if broken:
                    problems.append(f"{pt.gold.file}: word(s) {broken[:3]} broken over lines")
    return problems


# ---------------------------------------------------------------- one item end to end
@dataclass
class Made:
    """One generated PDF: its spec summary, paths and self-check problems."""

    id: str
    pdf: Path
    gold: Path
    info: dict
    problems: list[str]


def finish(spec: DocSpec, pdf: Path, gold_root: Path) -> Made:
    """Given a spec whose PDF is drawn, rotate it if the style says so, write its gold and self-check it."""
    if spec.style.orientation == "rotate90":
        rotate90(pdf)
    gold = gold_root / spec.id
    write_gold(spec, gold)
    return Made(spec.id, pdf, gold, spec.describe(), check_printed(spec, pdf))


def produce(specs: list[DocSpec], out: Path, workers: int = 2) -> list[Made]:
    """Given specs and an output folder, write out/pdf/<id>.pdf, out/gold/<id>/, out/gold_map.json and
    out/manifest.json; return what was made (in spec order). Draws in a pool of `workers` processes; the
    LibreOffice specs are converted in batches, one soffice call per batch (two batches run side by side)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pdf_dir, gold_root = out / "pdf", out / "gold"
    pdf_dir.mkdir(parents=True, exist_ok=True)
    gold_root.mkdir(parents=True, exist_ok=True)
    made: dict[str, Made] = {}
    with tempfile.TemporaryDirectory(prefix="producers-work-") as tmp:
        work = Path(tmp)
        lo = [s for s in specs if s.style.producer == "libreoffice"]
        rest = [s for s in specs if s.style.producer != "libreoffice"]
        if workers <= 1:
            docx_files = [build_docx(s, work) for s in lo]
            _convert_lo(docx_files, pdf_dir, 1)
            for s in rest:
                made[s.id] = _draw_and_finish(s, pdf_dir, gold_root, work)
            for s in lo:
                made[s.id] = finish(s, pdf_dir / f"{s.id}.pdf", gold_root)
        else:
            # fresh interpreters, not forks: a fork of a process that has run Typst (whose compiler keeps threads)
            # or other threaded work may hang in the child
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                docx_files = list(pool.map(build_docx, lo, [work] * len(lo)))
                lo_future = pool.submit(_convert_lo, docx_files, pdf_dir, workers) if lo else None
                futures = [pool.submit(_draw_and_finish, s, pdf_dir, gold_root, work) for s in rest]
                for s, f in zip(rest, futures, strict=True):
                    made[s.id] = f.result()
                if lo_future:
                    lo_future.result()
                for s, m in zip(lo, pool.map(finish, lo, [pdf_dir / f"{s.id}.pdf" for s in lo],
                                             [gold_root] * len(lo)), strict=True):
                    made[s.id] = m
    result = [made[s.id] for s in specs]
    gold_map = {m.pdf.name: os.path.relpath(m.gold, out) for m in result}
    (out / "gold_map.json").write_text(json.dumps(gold_map, indent=1, ensure_ascii=False), encoding="utf-8")
    manifest = [dict(m.info, pdf=m.pdf.name, gold=os.path.relpath(m.gold, out), problems=m.problems)
                for m in result]
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return result


def _draw_and_finish(spec: DocSpec, pdf_dir: Path, gold_root: Path, work: Path) -> Made:
    """Given a spec, draw its PDF, then rotate, write gold and self-check (one pool task)."""
    pdf = pdf_dir / f"{spec.id}.pdf"
    draw_one(spec, pdf, work)
    return finish(spec, pdf, gold_root)


def _convert_lo(docx_files: list[Path], pdf_dir: Path, parallel: int) -> None:
    """Given .docx files, convert them in `parallel` interleaved streams of soffice batches."""
    if not docx_files:
        return
    if parallel <= 1:
        soffice_convert(docx_files, pdf_dir)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(parallel) as pool:
        list(pool.map(soffice_convert, [docx_files[i::parallel] for i in range(parallel)], [pdf_dir] * parallel))
