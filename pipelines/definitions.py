"""Dagster definitions of dkbudget, loaded from `pipelines.defs`: the assets (with their checks), the audit report,
the job (and its Celery twin), sensor, schedule, resource. `dagster dev` loads `defs` from here (pyproject.toml)."""
from __future__ import annotations

import dagster as dg

from pipelines.defs.audit.assets import audit_report_asset
from pipelines.defs.documents.assets import all_assets
from pipelines.defs.jobs import celery_job, dkbudget_job
from pipelines.defs.resources import RESOURCE_KEY, paths_from_env
from pipelines.defs.schedules import nightly_schedule
from pipelines.defs.sensors import raw_pdf_sensor


def _jobs() -> list:
    """Return the jobs: the in-process one, and the Celery one when dagster-celery is installed."""
    try:
        return [dkbudget_job, celery_job()]
    except ImportError:
        return [dkbudget_job]


defs = dg.Definitions(
    assets=[*all_assets, audit_report_asset],
    jobs=_jobs(),
    sensors=[raw_pdf_sensor],
    schedules=[nightly_schedule],
    resources={RESOURCE_KEY: paths_from_env()},
)


def celery_job_def() -> dg.JobDefinition:
    """Return the resolved Celery job (reconstructable by Celery workers from this module)."""
    return defs.resolve_job_def("dkbudget_celery")
