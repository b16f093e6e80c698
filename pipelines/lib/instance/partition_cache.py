"""The PDF partitions of an instance read once per `dkbudget run` instead of once per question.

While Dagster executes a run over a range of dynamic partitions, it resolves that range again for every output,
planned event and input version of the step (`get_partition_keys_in_range`: the definition's keys listed from the
instance, then each end of the range looked up: 40 listings and 78 look-ups of the event log for a run of 20 PDFs,
each a sqlite query in the run's main thread). `dkbudget run` adds the run's partitions before it starts the runs
and nothing in those runs adds or removes one, so `partitions_read_once` answers these questions from one listing
per partitions definition, read at the first question; an add or delete through the same instance reads the
listing again at the next question.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

CACHED = ("get_dynamic_partitions", "has_dynamic_partition", "get_existing_dynamic_partitions",
          "add_dynamic_partitions", "delete_dynamic_partition")


@contextmanager
def partitions_read_once(instance: object) -> Iterator[None]:
    """Given a Dagster instance, answer its dynamic-partition questions from one listing per partitions definition
    while the context lasts (adds and deletes through it are passed on and drop the listing); then as before."""
    cls = type(instance)
    listings: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}
    lock = threading.Lock()

    def listing(name: str) -> tuple[tuple[str, ...], frozenset[str]]:
        """The partitions definition's keys in their order and as a set (read once)."""
        with lock:
            if name not in listings:
                keys = tuple(cls.get_dynamic_partitions(instance, name))
                listings[name] = (keys, frozenset(keys))
            return listings[name]

    def get_dynamic_partitions(partitions_def_name: str) -> Sequence[str]:
        """The keys of the partitions definition, in the order they were added."""
        return list(listing(partitions_def_name)[0])

    def has_dynamic_partition(partitions_def_name: str, partition_key: str) -> bool:
        """Whether the partitions definition has that key."""
        return partition_key in listing(partitions_def_name)[1]

    def get_existing_dynamic_partitions(partitions_def_name: str, partition_keys: Sequence[str]) -> set[str]:
        """Those of the keys the partitions definition has."""
        return set(partition_keys) & listing(partitions_def_name)[1]

    def changing(method: str):  # noqa: ANN202 - a wrapper of the instance's own method
        """The instance's method that adds or deletes partitions, dropping the listing of that definition."""
        def change(partitions_def_name: str, *args: object) -> object:
            """Pass the change on; read the definition's keys again at the next question."""
            try:
                return getattr(cls, method)(instance, partitions_def_name, *args)
            finally:
                with lock:
                    listings.pop(partitions_def_name, None)
        return change

    own = {"get_dynamic_partitions": get_dynamic_partitions, "has_dynamic_partition": has_dynamic_partition,
           "get_existing_dynamic_partitions": get_existing_dynamic_partitions,
           "add_dynamic_partitions": changing("add_dynamic_partitions"),
           "delete_dynamic_partition": changing("delete_dynamic_partition")}
    for name, method in own.items():
        setattr(instance, name, method)
    try:
        yield
    finally:
        for name in own:
            instance.__dict__.pop(name, None)
