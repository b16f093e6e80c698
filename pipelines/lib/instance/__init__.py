"""Helpers of the Dagster instance: cheaper sqlite commits (`sqlite_home`), the batched sqlite event log
(`event_storage`), and run monitoring and retention (`monitoring`)."""
