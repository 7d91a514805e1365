"""Thread pools sized per process: one serving process (or worker) uses ``PA_BLAS_THREADS`` BLAS and
OpenMP threads (1 by default) and answers ``PA_REQUEST_THREADS`` requests at once (by default 1 when a turn
only computes in the process, 4 when it waits on a database, Chroma or LLM server: ``Settings.answering_threads``).

An OpenBLAS pool as large as the machine makes every query wake idle threads that then busy-wait:
measured on 2 cores, a chat turn spent about twice its wall time in CPU. Several workers each with one
BLAS thread use the cores better than one worker whose BLAS threads spin.

A turn is CPU work under one interpreter lock, so 40 request threads (the ASGI server's default) only
take turns with the lock: every request finishes late together. A few threads answer the requests in
the order they came (measured at 32 clients: p95 0.41 s with 2 threads against 0.72–1.06 s with 40,
the same turns per second); a few rather than one when a turn waits on a server, so a turn waiting on
PostgreSQL lets another compute. When nothing waits, one thread: with four, each request cost about
0.5 ms more CPU in the lock's hand-overs (futex calls, measured with two workers at 32 clients).
"""

from __future__ import annotations

import sys

import anyio.to_thread
from threadpoolctl import threadpool_limits

from index.embedders import machine_threads

__all__ = ["limit_request_threads", "limit_thread_pools", "machine_threads"]


def limit_thread_pools(threads: int) -> None:
    """Caps BLAS/OpenMP pools (and torch's intra-op pool, when torch is loaded) of this process at ``threads``."""
    threadpool_limits(limits=threads)
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(threads)


def limit_request_threads(threads: int) -> None:
    """Caps the worker threads that answer requests (the running event loop's default thread limiter).
    Call it on the serving event loop, e.g. in the app's lifespan."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = threads
