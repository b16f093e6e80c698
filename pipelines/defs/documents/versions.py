"""Dagster's versioning of the documents: the raw PDF as an observed source asset, and per document the data and code
version of each materialization, so that the UI shows which documents are stale and why one was (not) rebuilt.

- `raw_pdf` is an observable source asset partitioned like the documents (key = file name): an observation records
  `DataVersion(sha256 of the PDF)`. The build step observes the PDFs of its run whose bytes Dagster has not seen
  (one query for the latest observed versions, one batch of observations for the new or changed ones: none for a
  PDF observed before with the same bytes); the sensor observes the changed files it finds; "Observe" in the UI
  hashes the raw dir.
- Every asset of a document depends on `raw_pdf`. Each materialization records, per document: `dagster/code_version`
  (the `pipeline_version` that built the output), `dagster/data_version` (a hash of the output's marker:
  bytes, code, extraction generation, rows; `state.marker_version`), and as its provenance the PDF's data version
  and the observation it came from (`dagster/input_data_version/raw_pdf`, `dagster/input_event_pointer/raw_pdf`;
  domain tables also the data versions of the generic tables they were shaped from). So a PDF with new bytes or a
  new pipeline version shows its assets stale, and a skipped document keeps the data version it had.

Dagster computes these tags once per asset for a run over a range of partitions; the per-document values are set by
`install_partition_tags`, which hands Dagster's event builder the tags the step registered per (asset, partition)
(`set_partition_tags`). The markers in the clean dir stay the truth that skips are decided on (pipelines.lib.storage
.state): Dagster's history may lose records (a run killed, a sqlite history restored), the markers do not.
"""
from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator, Mapping

import dagster as dg
from dagster._core.definitions.data_version import (
    CODE_VERSION_TAG,
    DATA_VERSION_IS_USER_PROVIDED_TAG,
    DATA_VERSION_TAG,
    NULL_EVENT_POINTER,
    get_input_data_version_tag,
    get_input_event_pointer_tag,
)
from dagster._core.definitions.external_asset import create_external_asset_from_source_asset
from dagster._core.events import DagsterEvent, DagsterEventBatchMetadata, DagsterEventType
from dagster._core.utils import make_new_run_id

from pipelines.defs.partitions import PDF_PARTITIONS_NAME, pdf_partitions
from pipelines.lib.config import list_pdfs
from pipelines.lib.extraction.process import document_id_of, sha256_of
from pipelines.lib.storage.schemas import GENERIC_TABLES
from pipelines.lib.storage.state import Marker, marker_version

RAW_PDF = "raw_pdf"
RAW_PDF_KEY = dg.AssetKey(RAW_PDF)
NO_OUTPUT = "none"  # the data version of a document's table that has no published output (e.g. a failed extraction)
RAW_GROUP = "raw"


def _observe_raw_dir(context: dg.AssetExecutionContext) -> dg.DataVersionsByPartition:
    """Observe the registered PDFs of the raw dir: their SHA-256 as data versions."""
    known = set(context.instance.get_dynamic_partitions(PDF_PARTITIONS_NAME))
    return dg.DataVersionsByPartition({path.name: sha256_of(path)
                                       for path in list_pdfs(context.resources.dkbudget.raw()) if path.name in known})


with warnings.catch_warnings():  # no warning at every start-up: `observable_source_asset` is marked beta, and
    warnings.simplefilter("ignore", dg.BetaWarning)  # Dagster's own conversion of it reads a deprecated property
    warnings.simplefilter("ignore", DeprecationWarning)
    raw_pdf = create_external_asset_from_source_asset(dg.observable_source_asset(
        name=RAW_PDF, partitions_def=pdf_partitions, group_name=RAW_GROUP, required_resource_keys={"dkbudget"},
        description="The PDFs of the raw dir, one partition per file name; an observation records the SHA-256 of "
                    "its bytes as the data version.")(_observe_raw_dir))


def observation(file_name: str, sha: str) -> dg.AssetObservation:
    """Given a PDF's file name and hash, return the observation of its bytes."""
    return dg.AssetObservation(asset_key=RAW_PDF_KEY, partition=file_name,
                               tags={DATA_VERSION_TAG: sha, DATA_VERSION_IS_USER_PROVIDED_TAG: "true"},
                               metadata={"document_id": document_id_of(sha)})


def observe_run_pdfs(context: dg.AssetExecutionContext, shas: Mapping[str, str]) -> dict[str, int]:
    """Given the run's PDFs and their hashes, record an observation of each one whose bytes Dagster has not seen
    as the latest (one batch); return per file name the storage id of its latest observation (now its bytes)."""
    instance = context.instance
    keys = sorted(shas)
    seen = instance.event_log_storage.get_latest_tags_by_partition(
        RAW_PDF_KEY, DagsterEventType.ASSET_OBSERVATION, [DATA_VERSION_TAG], asset_partitions=keys)
    new = [key for key in keys if seen.get(key, {}).get(DATA_VERSION_TAG) != shas[key]]
    step = context.get_step_execution_context()
    batch_id = make_new_run_id()
    for i, key in enumerate(new):
        DagsterEvent.asset_observation(step, observation(key, shas[key]),
                                       DagsterEventBatchMetadata(batch_id, i == len(new) - 1))
    return dict(instance.get_latest_storage_id_by_partition(RAW_PDF_KEY, DagsterEventType.ASSET_OBSERVATION,
                                                            set(keys)))


def data_version_of(marker: Marker | None) -> str:
    """Given the marker of a document's output (None: no output), return its data version."""
    return NO_OUTPUT if marker is None else marker_version(marker)


def document_tags(tables: tuple[str, ...], sha: str, pointer: int | None, markers: Mapping[str, Marker | None],
                  version: str) -> dict[str, dict[str, str]]:
    """Given tables of a document, its PDF hash, the storage id of that PDF's observation, the markers of its
    tables and the running pipeline version, return per table the Dagster tags of its materialization.

    An output's provenance is its marker's: a kept output built from other bytes (the PDF now fails to extract)
    records those bytes, without a pointer to an observation of them; one built by other code, that code version."""
    versions = {table: data_version_of(marker) for table, marker in markers.items()}
    generic_inputs = {}
    for dep in GENERIC_TABLES:  # what the domain tables are shaped from (built in the same step: no pointer)
        generic_inputs[get_input_data_version_tag(dg.AssetKey(dep))] = versions.get(dep, NO_OUTPUT)
        generic_inputs[get_input_event_pointer_tag(dg.AssetKey(dep))] = NULL_EVENT_POINTER
    out = {}
    for table in tables:
        marker = markers.get(table)
        built_from = marker.sha256 if marker is not None else sha
        observed = str(pointer) if pointer is not None and built_from == sha else NULL_EVENT_POINTER
        out[table] = {CODE_VERSION_TAG: marker.pipeline_version if marker is not None else version,
                      DATA_VERSION_TAG: versions.get(table, NO_OUTPUT), DATA_VERSION_IS_USER_PROVIDED_TAG: "true",
                      get_input_data_version_tag(RAW_PDF_KEY): built_from,
                      get_input_event_pointer_tag(RAW_PDF_KEY): observed,
                      **({} if table in GENERIC_TABLES else generic_inputs)}
    return out


_PARTITION_TAGS_ATTR = "_dkbudget_partition_tags"
_INSTALL_LOCK = threading.Lock()


def set_partition_tags(context: dg.AssetExecutionContext, tags: Mapping[tuple[str, str], Mapping[str, str]]) -> None:
    """Given {(asset, partition key): tags} for the run's partitions, have the step's materializations carry them."""
    step = context.get_step_execution_context()
    merged = {**getattr(step, _PARTITION_TAGS_ATTR, {}),
              **{(dg.AssetKey(table), key): dict(values) for (table, key), values in tags.items()}}
    setattr(step, _PARTITION_TAGS_ATTR, merged)


def install_partition_tags() -> None:
    """Make Dagster's builder of a step's asset events (one per asset and partition) add the tags the step set
    for each (asset, partition) with `set_partition_tags`: Dagster itself gives every partition of a range the
    same version tags."""
    from dagster._core.execution.plan import execute_step

    with _INSTALL_LOCK:
        original = execute_step._get_output_asset_events  # noqa: SLF001 - see docstring
        if getattr(original, "dkbudget_partition_tags", False):
            return

        def with_partition_tags(asset_key: dg.AssetKey, asset_partitions, output, output_def, io_manager_metadata,  # noqa: ANN001, PLR0913
                                step_context, execution_type) -> Iterator:
            """Dagster's events, each with its partition's tags when the step set them; the step's own record of
            the asset's data version is then the last event's, as Dagster finds it stored (no "mismatch" warning)."""
            by_partition = getattr(step_context, _PARTITION_TAGS_ATTR, None)
            last = None
            for event in original(asset_key, asset_partitions, output, output_def, io_manager_metadata, step_context,
                                  execution_type):
                extra = by_partition.get((asset_key, event.partition)) if by_partition else None
                if extra:
                    event = event._replace(tags={**(event.tags or {}), **extra})
                    last = extra.get(DATA_VERSION_TAG)
                yield event
            if last is not None:
                step_context.set_data_version(asset_key, dg.DataVersion(last))

        with_partition_tags.dkbudget_partition_tags = True  # type: ignore[attr-defined]
        execute_step._get_output_asset_events = with_partition_tags  # noqa: SLF001


def stale_resolver(instance: dg.DagsterInstance, asset_graph: object) -> object:
    """Given an instance and the definitions' asset graph, return Dagster's stale-status resolver (what the UI
    shows): `.get_status(asset_key, partition_key)` and `.get_stale_root_causes(asset_key, partition_key)`."""
    from dagster._core.asset_graph_view.asset_graph_view import AssetGraphView, TemporalContext
    from dagster._core.definitions.data_version import CachingStaleStatusResolver
    from dagster._time import get_current_datetime

    view = AssetGraphView(temporal_context=TemporalContext(effective_dt=get_current_datetime(), last_event_id=None),
                          instance=instance, asset_graph=asset_graph)
    return CachingStaleStatusResolver(instance=instance, asset_graph=asset_graph, loading_context=view)
