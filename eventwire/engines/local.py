"""The local engine: `pipeline.process` over a stream of articles, in this process or a process pool.

The parent of a pool only reads and writes: spaCy and the pipeline are imported by the functions
that run in the workers (`load_model`, `process_batch`), so the parent does not spend a second of a
core importing them while its workers start (issue 13: the command keeps its workers busy)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from ..model import Analysis, Article
from ..readers.common import ReadError
from . import default_workers

BATCH = 8  # articles per task: spaCy parses them together, and both workers stay busy to the end


def load_model() -> None:
    """A worker's start: the spaCy model, loaded once before its first task."""
    from .. import nlp

    nlp.load()


def process_safely(article: Article) -> Analysis | ReadError:
    """`process`, with a failure on one article turned into an error record instead of a crash."""
    from ..pipeline import process

    try:
        return process(article)
    except Exception as err:
        return ReadError(article.origin or article.id, f"analysis failed: {type(err).__name__}: {err}")


def process_batch(batch: list[Article]) -> list[Analysis | ReadError]:
    """`process_many` over a batch; if any article fails, the batch is done again one article
    at a time, so the failure costs that article alone."""
    from ..pipeline import process_many

    try:
        return list(process_many(batch))
    except Exception:
        return [process_safely(a) for a in batch]


def batches(articles: Iterable[Article], size: int = BATCH) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def analyse(articles: Iterable[Article], workers: int | None = None) -> Iterator[Analysis | ReadError]:
    """Analyses in input order; with workers > 1 (default: one per core) a pool of processes, each
    loading spaCy once. An input of one batch is analysed here: starting a pool would cost more."""
    workers = workers or default_workers()
    todo = batches(articles)
    first = next(todo, None)
    if first is None:
        return
    second = next(todo, None)
    if workers <= 1 or second is None:
        for batch in chain([first], [second] if second else [], todo):
            yield from process_batch(batch)
        return
    with multiprocessing.get_context("spawn").Pool(workers, initializer=load_model) as pool:
        for results in pool.imap(process_batch, chain([first, second], todo), chunksize=1):
            yield from results
