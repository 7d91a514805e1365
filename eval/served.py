"""A ``policy-assistant serve`` process tree on 127.0.0.1, for the benchmark and the fault script: start it,
wait until ready, read its CPU time and memory, stop it or kill it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

READY_TIMEOUT_SECONDS = 300
STARTED = "Application startup complete."  # uvicorn's line once a process has loaded and warmed its engine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Served:
    process: subprocess.Popen
    url: str
    ui_port: int
    ready_seconds: float = 0.0
    env: dict[str, str] = field(default_factory=dict)

    def tree(self) -> list[psutil.Process]:
        try:
            root = psutil.Process(self.process.pid)
            return [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def cpu_seconds(self) -> float:
        """User + system CPU time of every process of the tree so far."""
        total = 0.0
        for proc in self.tree():
            try:
                times = proc.cpu_times()
                total += times.user + times.system
            except psutil.NoSuchProcess:
                continue
        return total

    def memory(self) -> dict[str, list[float]]:
        """RSS in MB by role: ``worker`` (answers /v1), ``ui`` (the UI process), ``supervisor``."""
        roles: dict[str, list[float]] = {}
        processes = self.tree()
        for proc in processes:
            try:
                rss = proc.memory_info().rss / 2**20
                role = self.role(proc, len(processes))
            except psutil.NoSuchProcess:
                continue
            roles.setdefault(role, []).append(round(rss, 1))
        return roles

    def role(self, proc: psutil.Process, count: int) -> str:
        if count == 1:
            return "worker"
        if proc.pid == self.process.pid:
            return "supervisor"
        if proc.name() == "chroma" or "resource_tracker" in " ".join(proc.cmdline()):
            return "other"
        listening = {c.laddr.port for c in proc.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN}
        return "ui" if self.ui_port in listening else "worker"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self) -> None:
        """``kill -9`` of every process of the tree at once, as a power cut would."""
        for proc in self.tree():
            try:
                proc.kill()
            except psutil.NoSuchProcess:
                continue
        self.process.wait(timeout=30)


def start(data_dir: Path, workers: int, extra_env: dict[str, str] | None = None) -> Served:
    """``policy-assistant serve --workers N`` with ``PA_DATA_DIR=data_dir``; returns once ``/healthz`` is 200
    and every process (each worker, and the UI process beside several workers) has finished its start-up.
    Its output goes to ``serve.log`` beside the data dir."""
    port, ui_port = free_port(), free_port()
    env = {**os.environ, "PA_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
           "GRADIO_ANALYTICS_ENABLED": "False", **(extra_env or {})}
    log = data_dir.parent / f"{data_dir.name}-serve.log"
    output = open(log, "ab")  # noqa: SIM115 - inherited by the server, which keeps it open
    processes = workers + (1 if workers > 1 else 0)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port), "--workers", str(workers),
         "--ui-port", str(ui_port)],
        env=env, stdout=output, stderr=output,
    )
    served = Served(process, f"http://127.0.0.1:{port}", ui_port, env=env)
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode} before it was ready")
        try:
            ready = httpx.get(served.url + "/healthz", timeout=2).status_code == 200
        except httpx.HTTPError:
            ready = False
        if ready and log.read_text(errors="replace").count(STARTED) >= processes:
            served.ready_seconds = time.perf_counter() - started
            return served
        time.sleep(0.2)
    served.kill()
    raise RuntimeError(f"the server was not ready within {READY_TIMEOUT_SECONDS} s")
