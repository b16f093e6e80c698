"""One dynamic partition per PDF in the raw dir; the key is the file name. A run covers a range of keys."""
from __future__ import annotations

import dagster as dg
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

PDF_PARTITIONS_NAME = "pdf_files"
MAX_RUN_DOCUMENTS = 1000  # PDFs in one Dagster run at most (a longer backfill is several runs)
pdf_partitions = dg.DynamicPartitionsDefinition(name=PDF_PARTITIONS_NAME)


def partition_ranges(keys: list[str], wanted: set[str], limit: int) -> list[tuple[str, str, list[str]]]:
    """Given the partition keys in their order, the wanted ones and a run size, return the runs to make.

    Each run is a range of consecutive keys (first, last, names) holding only wanted keys, at most `limit`.
    """
    runs: list[tuple[str, str, list[str]]] = []
    names: list[str] = []
    for key in [*keys, None]:
        if key is not None and key in wanted and len(names) < limit:
            names.append(key)
            continue
        if names:
            runs.append((names[0], names[-1], names))
            names = []
        if key is not None and key in wanted:
            names.append(key)
    return runs


def range_tags_of(first: str, last: str) -> dict[str, str]:
    """Given the first and last partition key of a run, return the run tags that make it cover that range."""
    return {ASSET_PARTITION_RANGE_START_TAG: first, ASSET_PARTITION_RANGE_END_TAG: last}


def range_run_requests(keys: list[str], wanted: set[str], stamp: str) -> list[dg.RunRequest]:
    """Given the partition keys in their order, the wanted ones and a stamp for run keys, return one run request
    per range of consecutive wanted keys."""
    return [dg.RunRequest(run_key=f"{first}..{last}@{stamp}", tags=range_tags_of(first, last))
            for first, last, _ in partition_ranges(keys, wanted, MAX_RUN_DOCUMENTS)]
