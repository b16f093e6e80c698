"""dkbudget's Dagster project, shaped like Dagster's own (dagster-open-platform): a small `definitions.py` that loads
the Dagster objects of `defs/`, which use the library in `lib/`; the CLI is one module.

| path                               | what it holds                                                                 |
|------------------------------------|-------------------------------------------------------------------------------|
| `definitions.py`                   | `defs`: the Definitions `dagster dev` and `dkbudget run` load                 |
| `cli.py`                           | `dkbudget run` / `dev` / `audit` (`python -m pipelines.cli`)                  |
| `defs/documents/assets.py`         | the `build_documents` step: `documents`, `tables`, `table_cells` + domain     |
| `defs/documents/batch.py`          | that step's per-document work, many documents in parallel                     |
| `defs/documents/checks.py`         | the checks of those assets (schema, keys, totals, coverage)                   |
| `defs/audit/assets.py`             | the `audit_report` asset                                                      |
| `defs/jobs.py`, `partitions.py`,   | the job (and its Celery twin), the PDF partitions, the paths resource,        |
| `resources.py`, `schedules.py`,    | the nightly schedule and the raw-dir sensor                                   |
| `sensors.py`                       |                                                                               |
| `lib/config.py`, `lib/version.py`  | where things live (dirs, Dagster home); the pipeline version                  |
| `lib/storage/`                     | contract schemas, atomic parquet writer, skip markers, `documents` rows       |
| `lib/extraction/`                  | one document's extraction in a limited worker process, page readers, ahead    |
| `lib/instance/`                    | sqlite commits, the batched sqlite event log, run monitoring and retention    |
| `event_storage/`                   | the event log's former module path, for instance homes seeded before          |

Data flows one way: `cli` -> `definitions` -> `defs` -> `lib`; nothing in `lib` imports `defs`, `definitions` or
`cli` (tests/pipelines/test_layout.py).
"""
