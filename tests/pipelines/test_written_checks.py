"""The schema and keys checks of rows a step has just written (`checks.written_checks`, no read-back) give what the
same checks give reading the published file (`checks.file_checks`): passing, duplicate keys, and no rows (no file)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.defs.documents import checks
from pipelines.lib.storage.schemas import to_arrow
from pipelines.lib.storage.writer import write_arrow_table

DID = "0123456789abcdef"


def _plain(results: list) -> list[tuple]:
    """Given check results, return what a run stores of them: name, outcome, severity and plain metadata."""
    return [(r.check_name, r.passed, r.severity, {k: getattr(v, "value", v) for k, v in r.metadata.items()})
            for r in results]


def _cell(row: int, col: int) -> dict:
    """Given a row and column, return a `table_cells` row of table t1."""
    return {"document_id": DID, "table_id": "t1", "page": 1, "row_index": row, "col_index": col, "text": "1",
            "value": 1.0, "x0": 0.0, "top": 0.0, "x1": 1.0, "bottom": 1.0}


@pytest.mark.parametrize("cells", [
    [_cell(0, 0), _cell(0, 1), _cell(1, 0)],  # unique keys
    [_cell(0, 0), _cell(0, 0), _cell(1, 0)],  # a duplicate key
    [],  # no rows: no file
], ids=["unique", "duplicate", "empty"])
def test_written_checks_equal_file_checks(tmp_path: Path, cells: list[dict]) -> None:
    """Checks of the rows as written equal the checks of the file read back."""
    data = to_arrow("table_cells", cells)
    write_arrow_table(tmp_path, "table_cells", DID, data)
    from_file = checks.file_checks(tmp_path, "table_cells", DID)
    written = checks.written_checks(tmp_path, "table_cells", DID, data)
    assert _plain(written) == _plain(from_file)
    assert [r.passed for r in written] == ([True, True] if len({(c["row_index"], c["col_index"]) for c in cells})
                                           == len(cells) else [True, False])


def test_written_checks_of_a_table_without_keys(tmp_path: Path) -> None:
    """A table without a key gets its schema check alone, as from the file."""
    data = to_arrow("catalogue_overview", [{"document_id": DID, "page": 1, "code": "A1", "year": 2024,
                                            "amount_dkk": 5}])
    write_arrow_table(tmp_path, "catalogue_overview", DID, data)
    written = checks.written_checks(tmp_path, "catalogue_overview", DID, data)
    assert _plain(written) == _plain(checks.file_checks(tmp_path, "catalogue_overview", DID))
    assert [r.check_name for r in written] == [checks.SCHEMA_CHECK]
