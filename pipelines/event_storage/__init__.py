"""The batched sqlite event log's former module path, kept for instance homes seeded before `pipelines/` took its
present shape: their dagster.yaml names `module: pipelines.event_storage`, and an instance home's settings are
never rewritten once they differ from the seed (`pipelines.lib.config.ensure_dagster_home`). The class lives in
`pipelines.lib.instance.event_storage`."""
from pipelines.lib.instance.event_storage import BatchingSqliteEventLogStorage

__all__ = ["BatchingSqliteEventLogStorage"]
