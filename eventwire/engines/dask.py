"""The Dask engine: `pipeline.process` over batches of articles on a Dask cluster.

One task per batch (a task costs about 1.6 ms of scheduling, an article about 100 ms of
parsing), a bounded number of batches in flight so memory stays flat however long the
input, results streamed back in input order as batches complete.  Each worker loads
spaCy once (`LoadModel`); a failing article becomes a ReadError as in the local engine.
Without a scheduler address a LocalCluster of worker processes starts on 127.0.0.1.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

import dask
from distributed import Client, Future, LocalCluster, WorkerPlugin

from .. import nlp
from ..model import Analysis, Article
from ..readers.common import ReadError
from ..store import export
from .local import batches, process_batch

BATCH = 32
ENVIRON = "distributed.nanny.pre-spawn-environ"
# Dask keeps the last messages of every connection for debugging (1,000 by default); ours carry
# whole batches of articles, so the scheduler would hold up to 1,000 batches per worker.
LOG_LENGTH, KEPT_MESSAGES = "distributed.admin.low-level-log-length", 10
IN_FLIGHT_PER_THREAD = 3  # batches queued per worker thread: none idles while the client catches up

R = TypeVar("R")


class LoadModel(WorkerPlugin):
    """Loads the spaCy pipeline once as each worker starts, before it takes a batch."""

    name = "eventwire-load-model"

    def setup(self, worker: object) -> None:
        nlp.load()


@dataclass
class Shard:
    """What writing one batch as Parquet gave: rows per table, articles that failed."""

    name: str
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[ReadError] = field(default_factory=list)
    skipped: bool = False  # written completely by an earlier run


def worker_environ() -> dict[str, object]:
    """What the nanny sets in a worker's environment, less MALLOC_TRIM_THRESHOLD_: setting it
    turns off glibc's adaptive mmap threshold, so the parser's large temporary arrays are
    mapped and unmapped every time, which makes a worker 30 % slower per article here."""
    return {k: v for k, v in (dask.config.get(ENVIRON) or {}).items() if k != "MALLOC_TRIM_THRESHOLD_"}


@contextmanager
def connect(scheduler: str | None = None, workers: int = 2) -> Iterator[Client]:
    """A client of the cluster at `scheduler` (an address, or the scheduler file that
    `dask scheduler --scheduler-file` writes), or of a new LocalCluster of `workers` processes
    (one thread each: spaCy holds the GIL) on 127.0.0.1, closed on exit."""
    if scheduler:
        client = Client(scheduler_file=scheduler) if Path(scheduler).is_file() else Client(scheduler)
        with client:
            client.register_plugin(LoadModel())
            yield client
        return
    with (
        dask.config.set({ENVIRON: worker_environ(), LOG_LENGTH: KEPT_MESSAGES}),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.register_plugin(LoadModel())
        yield client


def write_batch(batch: list[Article], out: str) -> Shard:
    """The task run on a worker for a data lake: analyse the batch and write its Parquet shard."""
    results = process_batch(batch)
    name = export.shard_name(batch)
    rows = export.write_parquet_shard((r for r in results if isinstance(r, Analysis)), out, name)
    return Shard(name, rows, [r for r in results if isinstance(r, ReadError)])


def run_batches(
    client: Client,
    task: Callable[[list[Article]], R],
    work: Iterable[list[Article]],
) -> Iterator[tuple[list[Article], R | Exception]]:
    """Submit `task` over the batches with a bounded number in flight; yield (the batch, its
    result or the exception that lost it) in input order, as the local engine does: the store
    links copies and stories in the order articles arrive, so the order is part of the output."""
    limit = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
    work = iter(work)
    running: deque[tuple[list[Article], Future]] = deque()

    def submit_next() -> None:
        batch = next(work, None)
        if batch is not None:
            running.append((batch, client.submit(task, batch, pure=False)))

    for _ in range(limit):
        submit_next()
    while running:
        batch, future = running.popleft()
        try:
            result: R | Exception = future.result()
        except Exception as err:
            result = err
        future.release()
        submit_next()  # before yielding: the workers go on while the caller writes
        yield batch, result


def _lost(batch: list[Article], err: Exception) -> list[ReadError]:
    reason = f"analysis failed on the cluster: {type(err).__name__}: {err}"
    return [ReadError(a.origin or a.id, reason) for a in batch]


def analyse(
    articles: Iterable[Article], scheduler: str | None = None, workers: int = 2, batch_size: int = BATCH
) -> Iterator[Analysis | ReadError]:
    """Analyses in input order, streamed as batches complete, from the cluster at `scheduler`
    or from a LocalCluster of `workers` processes."""
    with connect(scheduler, workers) as client:
        for batch, result in run_batches(client, process_batch, batches(articles, batch_size)):
            yield from _lost(batch, result) if isinstance(result, Exception) else result


def write_shards(
    articles: Iterable[Article], out: str, scheduler: str | None = None, workers: int = 2, batch_size: int = BATCH
) -> Iterator[Shard]:
    """Analyse on the cluster and have the workers write one Parquet shard per batch under `out`
    (a folder or a URI the workers reach); batches a previous run wrote are skipped."""
    where = export.location(out)
    skipped: list[Shard] = []

    def fresh(work: Iterable[list[Article]]) -> Iterator[list[Article]]:
        for batch in work:
            name = export.shard_name(batch)
            if export.shard_exists(where, name):
                skipped.append(Shard(name, skipped=True))
            else:
                yield batch

    with connect(scheduler, workers) as client:
        for batch, result in run_batches(client, partial(write_batch, out=where), fresh(batches(articles, batch_size))):
            yield from skipped
            skipped.clear()
            if isinstance(result, Exception):
                result = Shard(export.shard_name(batch), errors=_lost(batch, result))
            yield result
        yield from skipped
