"""The nightly run at 02:00 Europe/Copenhagen: every PDF of the raw dir (unchanged ones skip themselves)."""

import dagster as dg

from pipelines.defs.jobs import dkbudget_job
from pipelines.defs.partitions import PDF_PARTITIONS_NAME, range_run_requests
from pipelines.defs.resources import DkbudgetPaths
from pipelines.lib.config import list_pdfs

NIGHTLY_CRON = "0 2 * * *"
TIMEZONE = "Europe/Copenhagen"


@dg.schedule(job=dkbudget_job, cron_schedule=NIGHTLY_CRON, execution_timezone=TIMEZONE,
             default_status=dg.DefaultScheduleStatus.STOPPED)
def nightly_schedule(context: dg.ScheduleEvaluationContext, dkbudget: DkbudgetPaths) -> list[dg.RunRequest]:
    """Register all PDFs of the raw dir as partitions and request tonight's run over all of them (one run per
    range of their keys; unchanged documents skip themselves)."""
    names = [p.name for p in list_pdfs(dkbudget.raw())]
    known_keys = list(context.instance.get_dynamic_partitions(PDF_PARTITIONS_NAME))
    known = set(known_keys)
    new = [n for n in names if n not in known]
    stamp = context.scheduled_execution_time.isoformat() if context.scheduled_execution_time else "manual"
    if new:
        context.instance.add_dynamic_partitions(PDF_PARTITIONS_NAME, new)
    return range_run_requests([*known_keys, *new], set(names), stamp)
