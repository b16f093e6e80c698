"""The pipeline's schemas are the contract's: cross-checked against CONTRACT.md's column lists."""
import re
from pathlib import Path

import pytest

from pipelines.lib.storage.schemas import SCHEMAS

CONTRACT = Path(__file__).resolve().parents[2] / ".." / "shared" / "CONTRACT.md"


def _contract_columns() -> dict[str, list[str]]:
    text = CONTRACT.read_text(encoding="utf-8")
    out = {}
    for m in re.finditer(r"^### `(\w+)`.*?\n(.*?)(?=^### |^## |\Z)", text, re.S | re.M):
        body = m.group(2).split("\n\n")[0]
        names = re.findall(r"`(\w+)`\s*\(", body)
        out[m.group(1)] = names
    return out


@pytest.mark.skipif(not CONTRACT.exists(), reason="CONTRACT.md lives beside the repo (../shared) on dev machines")
def test_every_contract_column_is_in_the_schema():
    for table, names in _contract_columns().items():
        assert table in SCHEMAS
        missing = [n for n in names if n not in SCHEMAS[table].names]
        assert not missing, f"{table}: {missing}"


def test_common_columns_lead_every_table():
    for table, schema in SCHEMAS.items():
        assert schema.names[0] == "document_id"
        assert ("page" in schema.names) == (table != "documents")
