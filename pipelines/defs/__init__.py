"""The Dagster objects of dkbudget, grouped by what they are: the assets of each stage with the checks beside them
(`documents/`: the one step that builds each document's generic and domain tables; `audit/`: its audit report),
and the job, partitions, resource, schedule and sensor. `pipelines.definitions` loads them; they use `pipelines.lib`,
never the other way round."""
