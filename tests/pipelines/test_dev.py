"""`dkbudget dev` stops on SIGTERM however it was started, also when it inherited SIGINT as ignored (a script's
background job), and leaves no process behind."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from tests.pipelines.conftest import REPO
from tests.pipelines.test_durability import _session_processes

START_SECONDS = 240.0  # dagster dev loads the code location and starts webserver + daemon (slow on a busy machine)
STOP_SECONDS = 60.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ignore_sigint() -> None:
    """As a shell does for a script's background job: SIGINT ignored, inherited across exec."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _up(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def test_dev_stops_on_sigterm_with_sigint_ignored(tmp_path):
    port = _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "DKBUDGET_RAW_DIR": str(tmp_path / "raw"),
           "DKBUDGET_CLEAN_DIR": str(tmp_path / "clean")}
    log = tmp_path / "dev.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "dev", "--port", str(port)], cwd=REPO,
                                env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                preexec_fn=_ignore_sigint, start_new_session=True)
    try:
        deadline = time.monotonic() + START_SECONDS
        while not _up(port) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(1.0)
        assert proc.poll() is None and _up(port), log.read_text(errors="replace")[-3000:]
        warnings = [line for line in log.read_text(errors="replace").splitlines() if "warn" in line.lower()]
        # only Dagster's own notice that `dagster dev` is superseded by `dg dev` (README "Dagster UI")
        assert all("Use 'dg dev' instead" in line for line in warnings), warnings
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=STOP_SECONDS)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    reap_by = time.monotonic() + 15.0
    while _session_processes(proc.pid) and time.monotonic() < reap_by:
        time.sleep(0.5)
    left = _session_processes(proc.pid)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "processes of `dkbudget dev` were left behind"
    assert not _up(port)
