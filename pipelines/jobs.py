"""The one job: materialize every asset for a range of PDF partitions in one run, in-process (the step itself
extracts its documents in parallel, each in a limited child process)."""
from __future__ import annotations

import dagster as dg

JOB_NAME = "dkbudget"

dkbudget_job = dg.define_asset_job(
    JOB_NAME, selection=dg.AssetSelection.all(), executor_def=dg.in_process_executor,
    description="Extract PDFs (a range of partitions per run) and build their generic and domain tables.")
