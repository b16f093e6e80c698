"""The Dagster definitions load, with every contract table as an asset, its checks, the audit report, the sensor
and the schedule."""
import dagster as dg

from pipelines.definitions import defs
from pipelines.lib.storage.schemas import DOMAIN_TABLES, GENERIC_TABLES


def test_every_contract_table_is_a_partitioned_asset_of_the_observed_pdf():
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    # + each document's report, and the PDF itself: observed (its SHA-256 the data version), never materialized
    assert keys == set(GENERIC_TABLES) | set(DOMAIN_TABLES) | {"audit_report", "raw_pdf"}
    for key in graph.get_all_asset_keys():
        assert isinstance(graph.get(key).partitions_def, dg.DynamicPartitionsDefinition)
    raw_pdf = graph.get(dg.AssetKey("raw_pdf"))
    assert raw_pdf.is_observable and not raw_pdf.is_materializable
    for table in GENERIC_TABLES + DOMAIN_TABLES:  # every document asset depends on the PDF's bytes
        assert dg.AssetKey("raw_pdf") in graph.get(dg.AssetKey(table)).parent_keys
    built = defs.resolve_job_def("dkbudget").asset_layer.selected_asset_keys
    assert dg.AssetKey("raw_pdf") not in built


def test_checks_cover_schema_keys_totals_and_coverage():
    checks = {(k.asset_key.to_user_string(), k.name) for k in defs.resolve_asset_graph().asset_check_keys}
    for table in GENERIC_TABLES + DOMAIN_TABLES:
        assert (table, "schema_matches_contract") in checks
    for table in ("grant_expiries", "proposals", "proposal_economics"):
        assert (table, "keys_unique") in checks
    assert ("tables", "printed_totals_hold") in checks
    assert ("documents", "every_pdf_has_documents_row") in checks


def test_sensor_and_nightly_schedule_target_the_job():
    sensor = defs.resolve_sensor_def("raw_pdf_sensor")
    schedule = defs.resolve_schedule_def("nightly_schedule")
    assert sensor.job_name == schedule.job_name == "dkbudget"
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "Europe/Copenhagen"
    assert defs.resolve_job_def("dkbudget").partitions_def is not None
