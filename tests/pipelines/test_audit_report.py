"""The auditor's view (`dkbudget audit`, reports/), rendered in a real headless Chromium: every published cell is
boxed on its page, every printed-total error of the samples' gold is shown in red, clicks link box and grid."""
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import dagster as dg
import pandas as pd
import pyarrow.parquet as pq
import pytest

from domain.cells import to_dkk, unit_factor
from pipelines.lib.storage.schemas import DOMAIN_TABLES
from reports.build import audit_dir, report_path
from reports.links import CellIndex
from reports.totals import FAILS, UNVERIFIED, audit_checks
from tests.pipelines.chromium import Chromium, chromium_path
from tests.pipelines.conftest import REPO, run_cli
from tests.samples import GOLD, SAMPLES, pdf_of

ARTIFACTS = REPO / "tests" / "artifacts"  # git-ignored: the screenshot kept from the test run
RED_MIN, OTHER_MAX = 150, 100  # a CSS colour counts as red when its red channel is at least this, the others below
AMOUNT_FIELDS = ("amount_dkk", "budget_dkk", "skal_dkk", "skal_adjustable_dkk", "kan_dkk")
FAILED_FIXTURE = REPO / "tests" / "fixtures" / "hostile" / "own_not-a-pdf.pdf"

# What the test reads from the rendered page (after its script ran).
DOM_FACTS = """(() => {
  const rgb = e => getComputedStyle(e).color.match(/\\d+/g).map(Number);
  const boxes = Array.from(document.querySelectorAll('.cellbox'));
  return {
    boxes: boxes.length,
    box_keys: boxes.map(b => b.dataset.cell),
    boxes_on_image: boxes.filter(b => { const p = b.parentElement.getBoundingClientRect(),
        r = b.getBoundingClientRect();
      return b.parentElement.querySelector('img') && r.width > 0 && r.height > 0 && r.left >= p.left - 1
        && r.right <= p.right + 1 && r.top >= p.top - 1 && r.bottom <= p.bottom + 1; }).length,
    grid_cells: document.querySelectorAll('td[data-cell]').length,
    missing: Array.from(document.querySelectorAll('.missingbox')).map(b => b.dataset.cell),
    images: document.querySelectorAll('.page-view img').length,
    checks: Array.from(document.querySelectorAll('tr.check')).map(e => ({state: e.dataset.state,
      printed: e.dataset.printed, computed: e.dataset.computed, column: e.dataset.column, cell: e.dataset.cell,
      parts: e.dataset.parts, color: rgb(e.querySelector('td'))})),
    domain: Array.from(document.querySelectorAll('tr.domain-row a.cells')).map(a => a.dataset.cells),
    domain_rows: document.querySelectorAll('tr.domain-row').length,
    status: document.querySelector('#document').dataset.status,
  };
})()"""


def _number(text: object) -> Decimal:
    """Given a printed Danish number ("- 5.025", "10.366.277 kr.", "" for a missing total), return it."""
    digits = re.sub(r"[^\d,-]", "", str(text)).replace(",", ".")
    return Decimal(digits) if digits.strip("-") else Decimal(0)


def gold_failures(sample: str) -> list[tuple[Decimal, str | None, str]]:
    """Given a sample, return (printed value, column or None, description) of each printed total its gold records
    as not holding (`holds: false`). A total the gold itself finds within rounding is not a failure; an aggregate
    over many rows without a printed figure is covered by the single checks it lists separately."""
    out = []
    for table in json.loads((GOLD / sample / "tables.json").read_text()):
        for total in table.get("totals") or []:
            if total.get("holds", True) or total.get("within_rounding"):
                continue
            where = f"{table['file']}: {total['total_row']}"
            if "by_column" in total:
                out += [(_number(c["printed_value"]), col, where) for col, c in total["by_column"].items()
                        if not c["holds"]]
            elif isinstance(total.get("mismatches"), list):
                out += [(_number(m["printed"]), m["year"], where) for m in total["mismatches"]]
            elif "printed_total" in total:
                out.append((_number(total["printed_total"]), None, where))
    return out


def _is_red(rgb: list[int]) -> bool:
    """Given an rgb(a) colour, return whether it is red."""
    return rgb[0] >= RED_MIN and rgb[1] < OTHER_MAX and rgb[2] < OTHER_MAX


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium for the module (Debian `chromium`; `.ci/run` installs it)."""
    binary = chromium_path()
    if binary is None:
        pytest.fail("chromium is not installed: `apt-get install chromium` (.ci/run does this)")
    with Chromium(binary) as browser:
        yield browser


@pytest.fixture(scope="module")
def reports(corpus_run, tmp_path_factory):
    """Each sample's report, written by `dkbudget audit` into a fresh folder: {sample: (exit code, path)}."""
    out = tmp_path_factory.mktemp("audit")
    docs = pd.read_parquet(corpus_run.clean / "documents")
    made = {}
    for sample in SAMPLES:
        name = pdf_of(sample).name
        code, printed, _ = run_cli(["audit", "--document", name, "--raw-dir", str(corpus_run.raw),
                                    "--clean-dir", str(corpus_run.clean), "--out", str(out)])
        did = docs.loc[docs["file_name"] == name, "document_id"].iloc[0]
        made[sample] = (code, report_path(out, did), did, printed)
    return made


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_cell_is_boxed_on_its_page_and_every_gold_failure_is_red(sample, reports, corpus_run, chromium):
    code, path, did, printed = reports[sample]
    assert code == 0 and str(path) in printed
    cells = pd.read_parquet(corpus_run.clean / "table_cells" / f"{did}.parquet")
    chromium.open(path.as_uri())
    facts = chromium.evaluate(DOM_FACTS)
    assert facts["status"] == "ok"
    assert facts["boxes"] == len(cells) == facts["grid_cells"] == facts["boxes_on_image"]
    assert facts["images"] == cells["page"].nunique()
    expected = {f"{t}:{r}:{c}" for t, r, c in zip(cells.table_id, cells.row_index, cells.col_index, strict=True)}
    assert set(facts["box_keys"]) == expected
    failing = [c for c in facts["checks"] if c["state"] == "fails"]
    for value, column, where in gold_failures(sample):
        shown = [c for c in failing if _number(c["printed"]) == value and (column is None or c["column"] == column)]
        assert shown, f"gold failure not shown as failing: {where} [{column}] printed {value}"
        assert all(_is_red(c["color"]) and c["computed"] for c in shown), shown
    for c in failing:  # a failing check points at its total (printed, or where it is missing) and its summed cells
        assert c["cell"] in expected | set(facts["missing"]) and set(c["parts"].split()) <= expected
    assert not [c for c in facts["checks"] if c["state"] != "fails" and _is_red(c["color"])]


@pytest.mark.parametrize("sample", SAMPLES)
def test_domain_rows_with_an_amount_link_to_the_cell_printing_it(sample, reports, corpus_run, chromium):
    _, path, did, _ = reports[sample]
    chromium.open(path.as_uri())
    facts = chromium.evaluate(DOM_FACTS)
    n_rows = n_amount_rows = 0
    for table in (p.parent.name for p in corpus_run.clean.glob(f"*/{did}.parquet")):
        frame = pd.read_parquet(corpus_run.clean / table / f"{did}.parquet")
        if table in ("documents", "tables", "table_cells"):
            continue
        n_rows += len(frame)
        cols = [c for c in AMOUNT_FIELDS if c in frame]
        n_amount_rows += int(frame[cols].notna().any(axis=1).sum()) if cols else 0
    assert facts["domain_rows"] == n_rows
    assert len(facts["domain"]) >= n_amount_rows
    assert all(set(keys.split()) <= set(facts["box_keys"]) for keys in facts["domain"])


def test_clicking_a_box_highlights_its_grid_cell_and_a_failing_check_outlines_its_parts(reports, chromium):
    _, path, _, _ = reports["001"]
    chromium.open(path.as_uri())
    picked = chromium.evaluate("""(() => { const b = document.querySelectorAll('.cellbox')[5]; b.click();
      return {key: b.dataset.cell,
              lit: Array.from(document.querySelectorAll('td.hl')).map(e => e.dataset.cell)}; })()""")
    assert picked["lit"] == [picked["key"]]
    picked = chromium.evaluate("""(() => { const t = document.querySelector('td[data-cell]'); t.click();
      return {key: t.dataset.cell, lit: Array.from(document.querySelectorAll('.cellbox.hl')).map(e => e.dataset.cell)};
      })()""")
    assert picked["lit"] == [picked["key"]]
    check = chromium.evaluate("""(() => { const c = document.querySelector('tr.check.fails'); c.click();
      return {cell: c.dataset.cell, parts: c.dataset.parts.split(' '),
        total: Array.from(document.querySelectorAll('.cellbox.hl')).map(e => e.dataset.cell),
        summed: Array.from(document.querySelectorAll('.cellbox.hl-part')).map(e => e.dataset.cell)}; })()""")
    assert check["total"] == [check["cell"]] and sorted(check["summed"]) == sorted(check["parts"]) != []
    section = chromium.evaluate("document.querySelector('.cellbox.total-fails').closest('section').id")
    shot = chromium.screenshot(f"#{section}", ARTIFACTS / "audit-report-001.png")
    assert shot.stat().st_size > 10_000
    print(f"screenshot of a report page: {shot}")


def test_the_run_materializes_each_report_with_its_path_and_a_markdown_preview(corpus_run):
    instance = dg.DagsterInstance.get()
    docs = pd.read_parquet(corpus_run.clean / "documents")
    for name, did in zip(docs["file_name"], docs["document_id"], strict=True):
        records = instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=dg.AssetKey("audit_report"), asset_partitions=[name]), limit=1).records
        meta = records[0].asset_materialization.metadata
        assert meta["path"].value == str(report_path(audit_dir(corpus_run.clean), did))
        assert Path(meta["path"].value).stat().st_size > 0
        tables = pd.read_parquet(corpus_run.clean / "tables" / f"{did}.parquet")
        preview = meta["preview"].value
        assert f"{len(tables)} tables" in preview and name in preview
        assert ("Failing printed totals" in preview) == bool(tables["totals_failed"].sum())
        documents = instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=dg.AssetKey("documents"), asset_partitions=[name]), limit=1).records
        assert documents[0].asset_materialization.metadata["audit_report"].value == meta["path"].value


def test_bad_input_is_a_one_line_error_with_exit_2(tmp_path, corpus_run, capsys):
    code, _, _ = run_cli(["audit", "--document", "nope.pdf", "--clean-dir", str(corpus_run.clean)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "nope.pdf" in err
    code, _, _ = run_cli(["audit", "--document", "nope.pdf", "--clean-dir", str(tmp_path / "missing")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "missing" in err


def test_a_failed_document_gets_a_report_that_says_why_and_nothing_else(tmp_path, dagster_home, chromium):
    raw, clean = tmp_path / "raw", tmp_path / "clean"
    raw.mkdir()
    shutil.copy(FAILED_FIXTURE, raw)
    assert run_cli(["run", "--raw-dir", str(raw), "--clean-dir", str(clean)])[0] == 0
    doc = pd.read_parquet(clean / "documents").iloc[0]
    assert doc["status"] == "failed"
    code, _, _ = run_cli(["audit", "--document", doc["file_name"], "--raw-dir", str(raw), "--clean-dir", str(clean)])
    assert code == 0
    chromium.open(report_path(audit_dir(clean), doc["document_id"]).as_uri())
    facts = chromium.evaluate(DOM_FACTS)
    assert facts["status"] == "failed" and facts["boxes"] == facts["images"] == facts["domain_rows"] == 0
    assert not facts["checks"] and doc["error"] in chromium.evaluate("document.querySelector('.why').textContent")
    assert chromium.evaluate("document.querySelectorAll('section').length") == 0


@pytest.mark.parametrize("sample", SAMPLES)
def test_a_traced_domain_row_points_at_the_cell_printing_its_amount(sample, corpus_run):
    docs = pd.read_parquet(corpus_run.clean / "documents")
    did = docs.loc[docs["file_name"] == pdf_of(sample).name, "document_id"].iloc[0]
    tables = pq.read_table(corpus_run.clean / "tables" / f"{did}.parquet").to_pylist()
    cells = pq.read_table(corpus_run.clean / "table_cells" / f"{did}.parquet").to_pylist()
    index = CellIndex(tables, cells)
    factor = {t["table_id"]: unit_factor(t["unit"]) for t in tables}
    by_key = {(c["table_id"], c["row_index"], c["col_index"]): c for c in cells}
    checked = 0
    for table in DOMAIN_TABLES:
        path = corpus_run.clean / table / f"{did}.parquet"
        for row in pq.read_table(path).to_pylist() if path.exists() else []:
            amount = row.get("amount_dkk", row.get("budget_dkk"))
            if amount is None:
                continue
            keys = index.trace(table, row)
            assert keys, (table, row)
            cell = by_key[keys[0]]
            assert cell["page"] == row["page"]
            printed = {to_dkk(Decimal(w.replace(".", "").replace(",", ".")), factor[cell["table_id"]])
                       for w in re.findall(r"-?\d[\d.]*(?:,\d+)?", cell["text"].replace("- ", "-"))}
            assert int(amount) in printed, (table, row, cell["text"])
            if row.get("year") is not None:
                assert str(row["year"]) in cell["column"], (table, row, cell["column"])
            checked += 1
    assert checked > 0


def test_a_total_that_no_reading_can_check_is_unverified_not_failed_or_dropped(corpus_run):
    """The failing total of sample 001 (one reading: all rows above) with a section head put above its parts:
    two readings are possible, so the checker verifies nothing; the report lists its printed figures as
    unverified."""
    did = pd.read_parquet(corpus_run.clean / "documents").set_index("file_name").loc[pdf_of("001").name, "document_id"]
    tables = pq.read_table(corpus_run.clean / "tables" / f"{did}.parquet").to_pylist()
    cells = pq.read_table(corpus_run.clean / "table_cells" / f"{did}.parquet").to_pylist()
    failing = [c for c in audit_checks(tables, cells) if c.state == FAILS]
    table_id, total_row = failing[0].table_id, failing[0].row_index
    table = [t for t in tables if t["table_id"] == table_id]
    own = [dict(c) for c in cells if c["table_id"] == table_id]
    for c in own:
        c["row_index"] += c["row_index"] >= 1
    head = dict(next(c for c in own if c["row_index"] == 0 and c["col_index"] == 0), row_index=1,
                text="Øvrige ændringer", row_label="Øvrige ændringer", value=None)
    checks = audit_checks(table, [*own, head])
    assert not [c for c in checks if c.state == FAILS]
    unverified = [c for c in checks if c.state == UNVERIFIED]
    printed = [c for c in own if c["row_index"] == total_row + 1 and c["value"] is not None]
    assert {c.cell for c in unverified} == {(table_id, total_row + 1, c["col_index"]) for c in printed} != set()


def test_a_document_is_found_by_id_without_reading_the_others(corpus_run, tmp_path):
    from reports.published import find_document

    clean = tmp_path / "clean"
    shutil.copytree(corpus_run.clean / "documents", clean / "documents")
    files = sorted((clean / "documents").glob("*.parquet"))
    wanted, other = files[-1].stem, files[0]
    other.write_bytes(b"not parquet")  # another document's file, unreadable: not this document's business
    row = find_document(clean, wanted)
    assert row["document_id"] == wanted
    assert row == pq.read_table(files[-1]).to_pylist()[0]
