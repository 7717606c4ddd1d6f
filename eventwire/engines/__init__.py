"""The engines that run `pipeline.process` over many articles: `local` (a process pool) and `dask`."""

from __future__ import annotations

import os


def default_workers() -> int:
    """One worker process per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
