"""The sensor registers new PDFs as partitions, requests runs (ranges of keys) for new and changed ones only, and
observes the new bytes of changed ones."""
import hashlib
import os
import shutil

import dagster as dg

from pipelines.defs.partitions import PDF_PARTITIONS_NAME
from pipelines.defs.resources import DkbudgetPaths
from pipelines.defs.sensors import raw_pdf_sensor
from tests.pipelines.conftest import RAW

START, END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"


def _evaluate(instance, raw, clean, cursor=None):
    context = dg.build_sensor_context(instance=instance, cursor=cursor,
                                      resources={"dkbudget": DkbudgetPaths(raw_dir=str(raw), clean_dir=str(clean))})
    return raw_pdf_sensor(context)


def test_sensor_requests_new_and_changed_pdfs_only(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for pdf in sorted(RAW.glob("*.pdf"))[:2]:
        shutil.copyfile(pdf, raw / pdf.name)
    (raw / "notes.txt").write_text("not a pdf")
    with dg.instance_for_test() as instance:
        first = _evaluate(instance, raw, tmp_path / "clean")
        names = sorted(p.name for p in raw.glob("*.pdf"))
        (run,) = first.run_requests  # one run over the range of new keys
        assert (run.tags[START], run.tags[END]) == (names[0], names[-1])
        (request,) = first.dynamic_partitions_requests
        assert request.partitions_def_name == PDF_PARTITIONS_NAME and sorted(request.partition_keys) == names

        instance.add_dynamic_partitions(PDF_PARTITIONS_NAME, names)
        quiet = _evaluate(instance, raw, tmp_path / "clean", first.cursor)
        assert quiet.run_requests == [] and quiet.dynamic_partitions_requests == []

        changed = raw / names[0]
        changed.write_bytes(changed.read_bytes() + b"\n%")
        os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
        again = _evaluate(instance, raw, tmp_path / "clean", quiet.cursor)
        assert [(r.tags[START], r.tags[END]) for r in again.run_requests] == [(names[0], names[0])]
        # the changed PDF, a partition already, is observed with its new bytes (its assets show stale in the UI)
        (seen,) = again.asset_events
        assert (seen.asset_key, seen.partition) == (dg.AssetKey("raw_pdf"), names[0])
        assert seen.tags["dagster/data_version"] == hashlib.sha256(changed.read_bytes()).hexdigest()
        assert first.asset_events == [] and quiet.asset_events == []  # new PDFs are observed by their run
