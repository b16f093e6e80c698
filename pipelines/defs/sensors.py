"""A sensor that registers new and changed PDFs of the raw dir as partitions and requests their runs.

It also observes the changed PDFs that are partitions already (`raw_pdf`, pipelines.defs.documents.versions): their
new bytes show in the UI, and their assets as stale, before the run it requests has rebuilt them. New PDFs are
observed by that run.
"""

import hashlib
import json

import dagster as dg

from pipelines.defs.documents.versions import observation
from pipelines.defs.jobs import dkbudget_job
from pipelines.defs.partitions import PDF_PARTITIONS_NAME, range_run_requests
from pipelines.defs.resources import DkbudgetPaths
from pipelines.lib.config import list_pdfs
from pipelines.lib.extraction.process import sha256_of
from pipelines.lib.instance.monitoring import reap_dead_runs

SENSOR_INTERVAL_SECONDS = 60


def file_stamp(stat_size: int, stat_mtime_ns: int) -> str:
    """Given a file's size and mtime, return the stamp that marks a change of its bytes."""
    return f"{stat_size}-{stat_mtime_ns}"


@dg.sensor(job=dkbudget_job, minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
           default_status=dg.DefaultSensorStatus.STOPPED)
def raw_pdf_sensor(context: dg.SensorEvaluationContext, dkbudget: DkbudgetPaths) -> dg.SensorResult:
    """Register each new PDF as a partition and request one run for the new or changed ones (a range of keys),
    observing the bytes of the changed ones already registered; first mark failed the runs of this host whose
    process died (pipelines.lib.instance.monitoring)."""
    reap_dead_runs(context.instance)
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    current = {}
    raw = dkbudget.raw()
    for path in list_pdfs(raw):
        st = path.stat()
        current[path.name] = file_stamp(st.st_size, st.st_mtime_ns)
    changed = sorted(name for name, stamp in current.items() if seen.get(name) != stamp)
    known_keys = list(context.instance.get_dynamic_partitions(PDF_PARTITIONS_NAME))
    known = set(known_keys)
    new = [name for name in sorted(current) if name not in known]
    stamp = hashlib.sha256(json.dumps({n: current[n] for n in changed}).encode()).hexdigest()[:16]
    requests = range_run_requests([*known_keys, *new], set(changed), stamp)
    observations = []
    for name in changed:
        if name in known:
            try:
                observations.append(observation(name, sha256_of(raw / name)))
            except OSError:  # removed since listed: nothing to observe
                continue
    return dg.SensorResult(
        run_requests=requests, cursor=json.dumps(current), asset_events=observations,
        dynamic_partitions_requests=[dg.AddDynamicPartitionsRequest(PDF_PARTITIONS_NAME, new)] if new else [])
