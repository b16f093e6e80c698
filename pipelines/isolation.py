"""Run one document's work in a child process under limits: wall time, address space (memory), CPU time.

Children are forked from a forkserver that imported the extraction code once (`PRELOAD`), so a document costs a
fork, not a fresh interpreter. Each child makes itself a process-group leader before any work, so that a
timeout kills the extractor's own worker processes too, and sets RLIMIT_AS (memory) and RLIMIT_CPU (a backstop
that ends a runaway child even if this process is killed first). The result comes back over a pipe: the
return value of OUR function, pickled by multiprocessing; nothing read from an input file is ever unpickled.
"""
from __future__ import annotations

import contextlib
import ctypes
import math
import multiprocessing
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
PRELOAD = ["pipelines.process"]  # imported once by the forkserver; every child starts with it loaded
STARTUP_SECONDS = 120.0  # a child's start: a fork, but the first one also waits for the forkserver's imports
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


def _child_main(fn: Callable[..., Any], args: tuple, limits: Limits, writer: Connection, owner: int) -> None:
    """In the child: lead a process group, set the limits, say "started", run fn(*args) and send its outcome."""
    os.setpgrp()
    _die_with_parent()
    threading.Thread(target=_watch_owner, args=(owner,), daemon=True, name="dkbudget-owner-watch").start()
    memory = limits.max_memory_mb * BYTES_PER_MB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = math.ceil(limits.max_seconds) + CPU_GRACE_SECONDS
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    writer.send(("started",))
    try:
        message: tuple = ("done", fn(*args))
    except MemoryError:
        message = ("memory",)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which records it
        message = ("error", _one_line(exc))
    try:
        writer.send(message)
    except MemoryError:
        writer.send(("memory",))
    writer.close()


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


def _await(process: multiprocessing.process.BaseProcess, reader: Connection,
           limits: Limits) -> tuple[ChildResult, bool]:
    """Given a started child and its pipe, wait for its outcome under the limits; return it and whether it started."""
    if not reader.poll(STARTUP_SECONDS):
        return ChildResult(failure=f"crashed: the extraction process did not start within {STARTUP_SECONDS:g} s",
                           transient=True), False
    try:
        reader.recv()  # ("started",): the child leads its process group and has its limits set
    except EOFError:
        process.join(EXIT_GRACE_SECONDS)
        return ChildResult(failure=_death_reason(process.exitcode, limits), transient=True), False
    if not reader.poll(limits.max_seconds):
        return ChildResult(failure=f"timed out after {format_seconds(limits.max_seconds)} s", transient=True), True
    try:
        message = reader.recv()
    except EOFError:
        process.join(EXIT_GRACE_SECONDS)
        return ChildResult(failure=_death_reason(process.exitcode, limits), transient=True), True
    if message[0] == "done":
        return ChildResult(value=message[1]), True
    if message[0] == "memory":
        return ChildResult(failure=f"out of memory: over the {limits.max_memory_mb} MB limit", transient=True), True
    return ChildResult(failure=f"crashed: {message[1]}", transient=True), True


def run_limited(fn: Callable[..., Any], args: tuple, limits: Limits) -> ChildResult:
    """Given a module-level function, its arguments and limits, return its result computed in a limited child.

    Never raises for what happens in the child: a timeout, memory exhaustion, a crash or an exception there
    comes back as a one-line `failure`. The child and every process it started are gone when this returns.
    """
    if not limits.isolated:
        return ChildResult(value=fn(*args))
    ctx = _context()
    reader, writer = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child_main, args=(fn, args, limits, writer, os.getpid()), daemon=False)
    started = False
    try:
        process.start()
        writer.close()
        result, started = _await(process, reader, limits)
        return result
    finally:
        _kill_child(process, started)
        process.join(EXIT_GRACE_SECONDS)
        reader.close()
