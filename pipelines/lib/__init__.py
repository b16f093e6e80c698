"""The pipeline's library, free of Dagster definitions: where things live (`config`), the pipeline version
(`version`), storage of the outputs (`storage/`), one document's extraction in a limited worker process
(`extraction/`), and helpers of the Dagster instance (`instance/`). Nothing here imports `pipelines.defs`,
`pipelines.definitions` or `pipelines.cli`."""
