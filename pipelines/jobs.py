"""The one job: materialize every asset for one PDF partition, in-process (extraction is the heavy step)."""
from __future__ import annotations

import dagster as dg

JOB_NAME = "dkbudget"

dkbudget_job = dg.define_asset_job(
    JOB_NAME, selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor, description="Extract one PDF and build its generic and domain tables.")
