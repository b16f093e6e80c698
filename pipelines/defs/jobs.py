"""The one job: materialize every asset for a range of PDF partitions in one run, in-process (the step itself
extracts its documents in parallel, each in a limited worker process)."""
from __future__ import annotations

import dagster as dg

JOB_NAME = "dkbudget"

dkbudget_job = dg.define_asset_job(
    JOB_NAME, selection=dg.AssetSelection.all(), executor_def=dg.in_process_executor,
    description="Extract PDFs (a range of partitions per run) and build their generic and domain tables.")

CELERY_JOB_NAME = "dkbudget_celery"


def celery_job() -> dg.UnresolvedAssetJobDefinition:
    """Return the same job on Celery workers (dagster-celery installed: the `celery` extra), else raise ImportError.

    Its run config names the broker and result backend (README "Scale"); each run's one step is a Celery task,
    so runs of several ranges of documents spread over the workers.
    """
    from dagster_celery import celery_executor

    return dg.define_asset_job(
        CELERY_JOB_NAME, selection=dg.AssetSelection.all(), executor_def=celery_executor,
        description="As `dkbudget`, each run's step executed by a Celery worker.")
