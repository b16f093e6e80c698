"""`dkbudget run` answers Dagster's dynamic-partition questions during its runs from one listing per partitions
definition (pipelines/lib/instance/partition_cache.py): same answers, one read of the instance's event log, a new
read after an add or delete through the instance, the instance as before once the context ends."""
import dagster as dg
import pytest
from dagster._core.definitions.partitions.context import partition_loading_context

from pipelines.lib.instance.partition_cache import partitions_read_once


@pytest.fixture
def instance(tmp_path, monkeypatch):
    """An instance on a temporary sqlite home, with partitions a, b of definition p; counts the listings read."""
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    with dg.instance_for_test(temp_dir=str(tmp_path)) as inst:
        inst.add_dynamic_partitions("p", ["a", "b"])
        storage = inst.event_log_storage
        reads = {"listings": 0, "lookups": 0}
        listing, lookup = storage.get_dynamic_partitions, storage.has_dynamic_partition

        def counted_listing(name):
            reads["listings"] += 1
            return listing(name)

        def counted_lookup(name, key):
            reads["lookups"] += 1
            return lookup(name, key)

        monkeypatch.setattr(storage, "get_dynamic_partitions", counted_listing)
        monkeypatch.setattr(storage, "has_dynamic_partition", counted_lookup)
        yield inst, reads


def test_questions_are_answered_from_one_listing(instance):
    inst, reads = instance
    definition = dg.DynamicPartitionsDefinition(name="p")
    with partitions_read_once(inst):
        for _ in range(3):
            assert inst.get_dynamic_partitions("p") == ["a", "b"]
            assert inst.has_dynamic_partition("p", "b") and not inst.has_dynamic_partition("p", "z")
            assert inst.get_existing_dynamic_partitions("p", ["a", "z"]) == {"a"}
            with partition_loading_context(dynamic_partitions_store=inst):  # as a run's step asks
                assert definition.get_partition_keys_in_range(dg.PartitionKeyRange("a", "b")) == ["a", "b"]
    assert reads == {"listings": 1, "lookups": 0}


def test_an_add_or_delete_through_the_instance_is_seen(instance):
    inst, reads = instance
    with partitions_read_once(inst):
        assert inst.get_dynamic_partitions("p") == ["a", "b"]
        inst.add_dynamic_partitions("p", ["c"])
        assert inst.get_dynamic_partitions("p") == ["a", "b", "c"] and inst.has_dynamic_partition("p", "c")
        inst.delete_dynamic_partition("p", "a")
        assert not inst.has_dynamic_partition("p", "a")
    assert reads["listings"] == 3


def test_the_instance_asks_its_storage_again_after_the_context(instance):
    inst, reads = instance
    with partitions_read_once(inst):
        inst.get_dynamic_partitions("p")
    inst.event_log_storage.add_dynamic_partitions("p", ["d"])  # e.g. another process
    assert inst.get_dynamic_partitions("p") == ["a", "b", "d"] and inst.has_dynamic_partition("p", "d")
    assert reads == {"listings": 2, "lookups": 1}
    assert "get_dynamic_partitions" not in vars(inst)
