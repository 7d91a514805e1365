"""How long ``bash scripts/serve.sh PORT`` takes until the service is usable: ``/healthz`` answers 200
and the UI page answers (``/`` followed to the UI process). A figure, not a test.

    python3 scripts/start_time.py            # three starts on port 7870, one after another
    python3 scripts/start_time.py 7880 --runs 5

Each run starts the script as a user would (same data dir, same ``.venv``), polls both addresses every
50 ms, then stops the service with SIGTERM and waits for it. The first run of a fresh clone also
installs the project and builds the index; the later runs are the "second start" that should take
under 5 s. Per run it prints the seconds to ``/healthz``, to the UI page, the CPU seconds the whole
process tree used (less sensitive than wall time to other work on the machine) and the 1-minute load
average before the run; then the phases, read from the service's output as it appears: the ``serve``
command started, past ``serve.sh``'s ``.venv`` check (``serve``), the supervisor done loading the data it shares with its
workers (``preload``), the workers forked (``fork``), the UI process serving (``ui up``) and each
process warm (``warm``, one time per process). Uses the standard library only, so it runs before any
``.venv`` exists.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.05
TIMEOUT_SECONDS = 900
# (phase, a line the service prints when it is reached); every occurrence of the last one is timed
PHASES = (
    ("serve", "Serving on http"),
    ("preload", "Starting gunicorn"),
    ("fork", "Booting worker"),
    ("ui up", "Uvicorn running on"),
    ("warm", "Application startup complete."),
)


def answers(url: str, wanted: bytes = b"") -> bool:
    """Whether ``url`` answers 200 (redirects followed) with ``wanted`` in its body."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200 and wanted in response.read()
    except (urllib.error.URLError, OSError):
        return False


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wait_until_free(port: int) -> None:
    """Waits (up to a minute) until ``port`` and the UI's ``port + 1`` can be bound again after a stop."""
    deadline = time.monotonic() + 60
    for wanted in (port, port + 1):
        while True:
            with socket.socket() as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds
                try:
                    probe.bind(("127.0.0.1", wanted))
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise SystemExit(f"port {wanted} is still taken") from None
            time.sleep(0.5)


class PhaseClock:
    """Times the first appearance of each phase's line in the service's output (every one for ``warm``)."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.offset = log.stat().st_size if log.exists() else 0
        self.seen: dict[str, list[float]] = {}
        self._partial = b""

    def read(self, elapsed: float) -> None:
        if not self.log.exists():
            return
        with self.log.open("rb") as handle:
            handle.seek(self.offset)
            data = handle.read()
        self.offset += len(data)
        *lines, self._partial = (self._partial + data).split(b"\n")
        for line in lines:
            text = line.decode("utf-8", "replace")
            for phase, marker in PHASES:
                if marker in text and (phase == "warm" or phase not in self.seen):
                    self.seen.setdefault(phase, []).append(elapsed)

    def summary(self) -> str:
        return "  ".join(f"{phase} {' '.join(f'{t:.2f}' for t in self.seen[phase])}"
                         for phase, _ in PHASES if phase in self.seen)


def one_start(port: int, log: Path) -> dict[str, float | str]:
    """Starts the service, returns ``{"healthz", "ui", "ready", "cpu", "load", "phases"}`` (seconds; load
    average; the phase line). The service's output goes to ``log``."""
    wait_until_free(port)
    load = os.getloadavg()[0]
    cpu_before = cpu_of_children()
    clock = PhaseClock(log)
    started = time.perf_counter()
    with log.open("ab") as output:
        process = subprocess.Popen(["bash", "scripts/serve.sh", str(port)], cwd=ROOT, stdout=output, stderr=output,
                                   start_new_session=True)
    seen: dict[str, float] = {}
    base = f"http://127.0.0.1:{port}"
    try:
        while len(seen) < 2:
            if process.poll() is not None:
                raise SystemExit(f"serve.sh exited with {process.returncode} before it was ready; see {log}")
            elapsed = time.perf_counter() - started
            clock.read(elapsed)
            if elapsed > TIMEOUT_SECONDS:
                raise SystemExit(f"not ready within {TIMEOUT_SECONDS} s")
            if "healthz" not in seen and answers(f"{base}/healthz"):
                seen["healthz"] = time.perf_counter() - started
            if "ui" not in seen and answers(f"{base}/", b"gradio"):
                seen["ui"] = time.perf_counter() - started
            time.sleep(POLL_SECONDS)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=120)
    clock.read(time.perf_counter() - started)
    return {**seen, "ready": max(seen.values()), "cpu": cpu_of_children() - cpu_before, "load": load,
            "phases": clock.summary()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("port", nargs="?", type=int, default=7870)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--log", type=Path, default=Path("/tmp/start_time-serve.log"), help="the service's output")
    args = parser.parse_args()
    print(f"{'run':>3} {'healthz s':>9} {'UI s':>6} {'ready s':>7} {'CPU s':>6} {'load':>5}   phases (s after start)")
    for run in range(1, args.runs + 1):
        figures = one_start(args.port, args.log)
        print(f"{run:>3} {figures['healthz']:>9.2f} {figures['ui']:>6.2f} {figures['ready']:>7.2f} "
              f"{figures['cpu']:>6.2f} {figures['load']:>5.2f}   {figures['phases']}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
