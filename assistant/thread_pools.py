"""Thread pools sized per process: one serving process (or worker) uses ``PA_BLAS_THREADS`` BLAS and
OpenMP threads (1 by default).

An OpenBLAS pool as large as the machine makes every query wake idle threads that then busy-wait:
measured on 2 cores, a chat turn spent about twice its wall time in CPU. Several workers each with one
BLAS thread use the cores better than one worker whose BLAS threads spin.
"""

from __future__ import annotations

import sys

from threadpoolctl import threadpool_limits

from index.embedders import machine_threads

__all__ = ["limit_thread_pools", "machine_threads"]


def limit_thread_pools(threads: int) -> None:
    """Caps BLAS/OpenMP pools (and torch's intra-op pool, when torch is loaded) of this process at ``threads``."""
    threadpool_limits(limits=threads)
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(threads)
