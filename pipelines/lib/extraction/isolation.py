"""Run one document's work in a limited worker process: wall time, address space (memory), CPU time.

Workers are long-lived: forked from a forkserver that imported the extraction code once (`PRELOAD`), each works
through documents one at a time, so a document costs a message on a pipe, not a process (nor the start of the
extractor's own page-reading processes, which a worker keeps). A worker makes itself a process-group leader
before any work and sets RLIMIT_AS (memory) once; before each document it sets RLIMIT_CPU to the CPU time it
has used plus that document's allowance (a backstop that ends a runaway worker even if this process is killed
first). A document over its wall time gets the worker's whole process group killed (the extractor's processes
too), and a worker whose document failed in any way (timeout, crash, memory, an exception) is replaced, never
reused; a healthy one is replaced after `MAX_TASKS_PER_WORKER` documents. So one document's crash, hang or
memory use stays that document's error, and the rest of the run goes on in fresh workers. The result comes back
over a pipe: the return value of OUR function, pickled by multiprocessing; nothing read from an input file is
ever unpickled.
"""
from __future__ import annotations

import atexit
import contextlib
import ctypes
import gc
import math
import multiprocessing
import multiprocessing.connection
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

MAX_SECONDS_ENV = "DKBUDGET_MAX_SECONDS"
MAX_PAGES_ENV = "DKBUDGET_MAX_PAGES"
MAX_BYTES_ENV = "DKBUDGET_MAX_BYTES"
MAX_MEMORY_MB_ENV = "DKBUDGET_MAX_MEMORY_MB"
ISOLATION_ENV = "DKBUDGET_ISOLATION"  # "process" (default) or "off": in-process, no time/memory limit (debugging)
ISOLATION_OFF = ("off", "0", "false", "no")

DEFAULT_MAX_SECONDS = 600.0  # wall time of one document's extraction
DEFAULT_MAX_PAGES = 2000
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_MEMORY_MB = 4096  # address space of the child (and of each of its own worker processes)

START_METHOD = "forkserver"
# imported once by the forkserver: every child has them
PRELOAD = ["pipelines.lib.extraction.process", "pipelines.lib.extraction.extractor"]
STARTUP_SECONDS = 120.0  # a worker's start: a fork, but the first one also waits for the forkserver's imports
MAX_TASKS_PER_WORKER = 100  # documents one worker reads before it is replaced (bounds leaks and caches)
CPU_GRACE_SECONDS = 30  # RLIMIT_CPU = max_seconds + this: only a backstop, the wall-time limit acts first
EXIT_GRACE_SECONDS = 5.0
MAX_MESSAGE_CHARS = 200
PR_SET_PDEATHSIG = 1  # Linux prctl: signal this process when its parent (the forkserver) dies
BYTES_PER_MB = 1024 * 1024
OWNER_POLL_SECONDS = 0.5  # how often a child checks that the process that asked for it is alive


@dataclass(frozen=True)
class Limits:
    """Per-document limits; a document exceeding one is `failed` with the reason."""

    max_seconds: float = DEFAULT_MAX_SECONDS
    max_pages: int = DEFAULT_MAX_PAGES
    max_bytes: int = DEFAULT_MAX_BYTES
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB
    isolated: bool = True


def _positive(env: Mapping[str, str], name: str, default: float, kind: type) -> Any:
    """Given the environment, a variable name, its default and type, return its positive value or raise."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = 0
    if not value > 0:
        raise ValueError(f"{name} must be a positive {'integer' if kind is int else 'number'}, not {raw!r}")
    return value


def limits_from_env(env: Mapping[str, str] | None = None) -> Limits:
    """Given an environment (default os.environ), return the limits it sets; raise ValueError on a bad value."""
    env = os.environ if env is None else env
    return Limits(max_seconds=_positive(env, MAX_SECONDS_ENV, DEFAULT_MAX_SECONDS, float),
                  max_pages=_positive(env, MAX_PAGES_ENV, DEFAULT_MAX_PAGES, int),
                  max_bytes=_positive(env, MAX_BYTES_ENV, DEFAULT_MAX_BYTES, int),
                  max_memory_mb=_positive(env, MAX_MEMORY_MB_ENV, DEFAULT_MAX_MEMORY_MB, int),
                  isolated=env.get(ISOLATION_ENV, "").strip().lower() not in ISOLATION_OFF)


@dataclass
class ChildResult:
    """What a child produced: its function's return value, or a one-line reason why there is none."""

    value: Any = None
    failure: str | None = None
    transient: bool = False  # the failure comes from a limit or a crash, not from the input's content alone


def format_seconds(seconds: float) -> str:
    """Given seconds, return them as printed in errors ("30", "0.5")."""
    return f"{seconds:g}"


_CONTEXT: multiprocessing.context.BaseContext | None = None


def _context() -> multiprocessing.context.BaseContext:
    """Return the multiprocessing context children are started from (the preloaded forkserver)."""
    global _CONTEXT
    if _CONTEXT is None:
        ctx = multiprocessing.get_context(START_METHOD)
        ctx.set_forkserver_preload(PRELOAD)
        _CONTEXT = ctx
    return _CONTEXT


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (best effort; a no-op elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _one_line(exc: BaseException) -> str:
    """Given an exception, return "Type: message" on one short line."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:MAX_MESSAGE_CHARS]


def _watch_owner(owner: int) -> None:
    """In the child: kill this child's process group once `owner` (the process that asked for it) is gone.

    The forkserver that forked the child lives until its last child exits, so the child cannot count on dying
    with it: a run killed with SIGKILL would leave its documents' extractions running to the end.
    """
    while True:
        time.sleep(OWNER_POLL_SECONDS)
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os.killpg(0, signal.SIGKILL)
        except PermissionError:
            pass


def _kill_child(process: multiprocessing.process.BaseProcess, group: bool) -> None:
    """Given a child (and whether it leads its own process group), kill it and everything it started."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        if group and process.pid is not None and process.pid != os.getpgrp():
            os.killpg(process.pid, signal.SIGKILL)
        elif process.is_alive():
            process.kill()


def _death_reason(exitcode: int | None, limits: Limits) -> str:
    """Given a dead child's exit code, return why it produced no result."""
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        if -exitcode == signal.SIGXCPU:
            return f"timed out: CPU time limit of {format_seconds(limits.max_seconds)} s (+ grace) exceeded"
        if -exitcode == signal.SIGKILL:
            return f"crashed: the extraction process was killed (out of memory? limit {limits.max_memory_mb} MB)"
        return f"crashed: the extraction process died of {name}"
    return f"crashed: the extraction process exited with code {exitcode} without a result"


def _limit_cpu(max_seconds: float) -> None:
    """In a worker: let it use `max_seconds` (+ grace) more CPU time from now, then die of SIGXCPU."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(usage.ru_utime + usage.ru_stime + max_seconds) + CPU_GRACE_SECONDS
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


_WORKER_SETUP: list[Callable[[], None]] = []  # run in every worker as it starts (`on_worker_start`)


def on_worker_start(setup: Callable[[], None]) -> None:
    """Given a function, run it in every worker as it starts, before its first task (a failure there is ignored).

    For what is right in a worker's own process only, not in the run's (e.g. forking it: its only other thread, the
    owner watch, holds no lock); registered at import by a preloaded module (`PRELOAD`), so that every worker the
    forkserver forks has it."""
    if setup not in _WORKER_SETUP:
        _WORKER_SETUP.append(setup)


def _worker_main(conn: Connection, max_memory_mb: int, owner: int,
                 prepare: Callable[[], None] | None = None) -> None:
    """In a worker: lead a process group, set the memory limit, run the setups (`on_worker_start`), freeze what is
    loaded out of the garbage collector, run `prepare` (if any: a failure there is ignored), say "ready", then run
    tasks until told to stop.

    A task is (fn, args, max_seconds); the answer is ("done", value), ("memory",) or ("error", one line). After
    any answer but "done" the worker exits: its state is not trusted with another document.
    """
    os.setpgrp()
    _die_with_parent()
    threading.Thread(target=_watch_owner, args=(owner,), daemon=True, name="dkbudget-owner-watch").start()
    memory = max_memory_mb * BYTES_PER_MB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    for setup in _WORKER_SETUP:
        with contextlib.suppress(Exception):
            setup()
    gc.freeze()  # the code loaded so far lives as long as the worker: no collection here or in a process it forks
    if prepare is not None:  # (its page readers) traverses it again (~10 % of a forked reader's CPU)
        with contextlib.suppress(Exception):
            prepare()
    conn.send(("ready",))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:  # stop: the extractor's page-reading processes first and to the end (else exiting waits
            from extractors.tables import _shutdown_pool  # for them until this worker is killed, 5 s later)

            _shutdown_pool(wait=True)
            return
        fn, args, max_seconds = task
        _limit_cpu(max_seconds)
        try:
            message: tuple = ("done", fn(*args))
        except MemoryError:
            message = ("memory",)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which records it
            message = ("error", _one_line(exc))
        del task, fn, args
        try:
            conn.send(message)
        except MemoryError:
            message = ("memory",)
            conn.send(message)
        if message[0] != "done":
            return


class _Worker:
    """One long-lived limited worker process (its own process group) and this process's end of its pipe."""

    def __init__(self, ctx: multiprocessing.context.BaseContext, max_memory_mb: int,
                 prepare: Callable[[], None] | None = None) -> None:
        """Given the context and the memory limit (and what the worker prepares before it is ready: a module-level
        function), start the worker (it is not yet known to be ready)."""
        self.max_memory_mb = max_memory_mb
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child, max_memory_mb, os.getpid(), prepare),
                                   daemon=False, name="dkbudget-extract")
        self.tasks = 0
        self.ready = False
        self.leads_group = False  # known to have made itself a process-group leader (it said "ready")
        try:
            self.process.start()
        finally:
            child.close()

    def _answered(self, seconds: float) -> bool:
        """Wait up to `seconds` for a message from the worker or its death; return whether either came.

        Its death is seen by its sentinel, not only by the end of the pipe: processes the worker forked (its page
        readers) hold a copy of the worker's end, which then stays open after the worker died."""
        if self.conn.poll(0):
            return True
        ready = multiprocessing.connection.wait([self.conn, self.process.sentinel], seconds)
        return bool(ready)

    def _receive(self) -> tuple:
        """Return the worker's message (its answer is read before its death); raise EOFError when it died
        without one."""
        if not self.conn.poll(0) and self.process.exitcode is not None:
            raise EOFError("the worker died without an answer")
        return self.conn.recv()

    def await_ready(self, limits: Limits) -> ChildResult | None:
        """Wait for the worker's "ready"; return None when it is, else why it did not start."""
        if not self._answered(STARTUP_SECONDS):
            return ChildResult(failure=f"crashed: the extraction process did not start within {STARTUP_SECONDS:g} s",
                               transient=True)
        try:
            self._receive()
        except EOFError:
            self.process.join(EXIT_GRACE_SECONDS)
            return ChildResult(failure=_death_reason(self.process.exitcode, limits), transient=True)
        self.ready = self.leads_group = True
        return None

    def run(self, fn: Callable[..., Any], args: tuple, limits: Limits) -> tuple[ChildResult, bool]:
        """Given a task and its limits, run it in the worker; return its outcome and whether the worker is reusable."""
        self.tasks += 1
        try:
            self.conn.send((fn, args, limits.max_seconds))
        except OSError:
            self.process.join(EXIT_GRACE_SECONDS)
            return ChildResult(failure=_death_reason(self.process.exitcode, limits), transient=True), False
        if not self._answered(limits.max_seconds):
            return ChildResult(failure=f"timed out after {format_seconds(limits.max_seconds)} s",
                               transient=True), False
        try:
            message = self._receive()
        except EOFError:
            self.process.join(EXIT_GRACE_SECONDS)
            return ChildResult(failure=_death_reason(self.process.exitcode, limits), transient=True), False
        if message[0] == "done":
            return ChildResult(value=message[1]), self.tasks < MAX_TASKS_PER_WORKER
        if message[0] == "memory":
            return ChildResult(failure=f"out of memory: over the {limits.max_memory_mb} MB limit",
                               transient=True), False
        return ChildResult(failure=f"crashed: {message[1]}", transient=True), False

    def ask_to_exit(self) -> None:
        """Ask an idle worker to shut its extractor processes down and exit.

        Also one never used (started ahead, `prestart_workers`), whose "ready" nobody read: it reads the stop
        once it is up, instead of being waited for until its grace is over and then killed.
        """
        if self.process.is_alive():
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)

    def stop(self, grace: float = 0.0) -> None:
        """Wait up to `grace` seconds for the worker to exit, then kill it and everything it started."""
        if grace > 0:
            self.process.join(grace)
        _kill_child(self.process, self.leads_group)
        self.process.join(EXIT_GRACE_SECONDS)
        self.conn.close()


class _Pool:
    """This process's idle workers, by memory limit; workers are started on demand, one per concurrent caller."""

    def __init__(self) -> None:
        """Start empty, owned by this process."""
        self.pid = os.getpid()
        self.lock = threading.Lock()
        self.idle: dict[int, list[_Worker]] = {}

    def take(self, max_memory_mb: int) -> _Worker:
        """Return an idle worker with this memory limit, or a new one."""
        while True:
            with self.lock:
                idle = self.idle.get(max_memory_mb)
                worker = idle.pop() if idle else None
            if worker is None:
                return _Worker(_context(), max_memory_mb)
            if worker.process.is_alive():
                return worker
            worker.stop()  # died while idle (killed from outside): not this document's doing

    def give_back(self, worker: _Worker) -> None:
        """Given a healthy worker that finished its task, keep it for the next one."""
        with self.lock:
            self.idle.setdefault(worker.max_memory_mb, []).append(worker)

    def close(self) -> None:
        """Stop every idle worker (at exit)."""
        with self.lock:
            workers = [w for idle in self.idle.values() for w in idle]
            self.idle.clear()
        for worker in workers:
            worker.ask_to_exit()
        deadline = time.monotonic() + EXIT_GRACE_SECONDS
        for worker in workers:
            worker.stop(grace=max(0.0, deadline - time.monotonic()))


_POOL: _Pool | None = None
_POOL_LOCK = threading.Lock()


def _pool() -> _Pool:
    """Return this process's worker pool (a fresh one in a forked copy of a process that had one)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None or _POOL.pid != os.getpid():
            _POOL = _Pool()
            atexit.register(_POOL.close)
        return _POOL


def shutdown_workers() -> None:
    """Stop this process's idle workers now (they are also stopped at exit)."""
    with _POOL_LOCK:
        pool = _POOL if _POOL is not None and _POOL.pid == os.getpid() else None
    if pool is not None:
        pool.close()


def prestart_workers(limits: Limits, count: int,
                     prepare: Callable[[], Callable[[], None] | None] | None = None) -> None:
    """Given the limits and how many documents will be read at once, start that many workers in the background
    (their start, the forkserver's imports included, then overlaps this process's own start-up work).

    `prepare`, called in that background thread, returns what each worker runs before it says it is ready (a
    module-level function, e.g. `page_readers.start_page_readers`), or None.
    """
    if not limits.isolated or count < 1:
        return

    def start() -> None:
        """Start the workers and add them to the idle ones."""
        pool = _pool()
        ahead = None
        if prepare is not None:
            with contextlib.suppress(Exception):  # a failed guess starts the workers without preparing them
                ahead = prepare()
        for _ in range(count):
            pool.give_back(_Worker(_context(), limits.max_memory_mb, ahead))

    threading.Thread(target=start, daemon=True, name="dkbudget-prestart").start()


def run_limited(fn: Callable[..., Any], args: tuple, limits: Limits) -> ChildResult:
    """Given a module-level function, its arguments and limits, return its result computed in a limited worker.

    Never raises for what happens in the worker: a timeout, memory exhaustion, a crash or an exception there
    comes back as a one-line `failure`, and that worker and every process it started are gone when this returns.
    """
    if not limits.isolated:
        return ChildResult(value=fn(*args))
    pool = _pool()
    worker = pool.take(limits.max_memory_mb)
    reusable = False
    try:
        if not worker.ready:
            failure = worker.await_ready(limits)
            if failure is not None:
                return failure
        result, reusable = worker.run(fn, args, limits)
        return result
    finally:
        if reusable:
            pool.give_back(worker)
        else:
            worker.stop()
