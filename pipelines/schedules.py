"""The nightly run at 02:00 Europe/Copenhagen: every PDF of the raw dir (unchanged ones skip themselves)."""

import dagster as dg

from pipelines.config import list_pdfs
from pipelines.jobs import dkbudget_job
from pipelines.partitions import PDF_PARTITIONS_NAME
from pipelines.resources import DkbudgetPaths

NIGHTLY_CRON = "0 2 * * *"
TIMEZONE = "Europe/Copenhagen"


@dg.schedule(job=dkbudget_job, cron_schedule=NIGHTLY_CRON, execution_timezone=TIMEZONE,
             default_status=dg.DefaultScheduleStatus.STOPPED)
def nightly_schedule(context: dg.ScheduleEvaluationContext, dkbudget: DkbudgetPaths) -> list[dg.RunRequest]:
    """Register all PDFs of the raw dir as partitions and request one run per PDF for tonight."""
    names = [p.name for p in list_pdfs(dkbudget.raw())]
    known = set(context.instance.get_dynamic_partitions(PDF_PARTITIONS_NAME))
    new = [n for n in names if n not in known]
    stamp = context.scheduled_execution_time.isoformat() if context.scheduled_execution_time else "manual"
    if new:
        context.instance.add_dynamic_partitions(PDF_PARTITIONS_NAME, new)
    return [dg.RunRequest(run_key=f"{n}@{stamp}", partition_key=n) for n in names]
