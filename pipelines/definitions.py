"""Dagster definitions of dkbudget: assets (with their checks), the audit report, the per-PDF job, sensor,
schedule, resource."""
from __future__ import annotations

import dagster as dg

from pipelines.assets import all_assets
from pipelines.audit_asset import audit_report_asset
from pipelines.jobs import dkbudget_job
from pipelines.resources import RESOURCE_KEY, paths_from_env
from pipelines.schedules import nightly_schedule
from pipelines.sensors import raw_pdf_sensor

defs = dg.Definitions(
    assets=[*all_assets, audit_report_asset],
    jobs=[dkbudget_job],
    sensors=[raw_pdf_sensor],
    schedules=[nightly_schedule],
    resources={RESOURCE_KEY: paths_from_env()},
)
