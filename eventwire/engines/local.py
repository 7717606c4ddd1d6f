"""The local engine: `pipeline.process` over a stream of articles, in this process or a process pool."""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator

from .. import nlp
from ..model import Analysis, Article
from ..pipeline import process
from ..readers.common import ReadError


def process_safely(article: Article) -> Analysis | ReadError:
    """`process`, with a failure on one article turned into an error record instead of a crash."""
    try:
        return process(article)
    except Exception as err:  # noqa: BLE001 - one bad article must not stop a run
        return ReadError(article.origin or article.id, f"analysis failed: {type(err).__name__}: {err}")


def analyse(articles: Iterable[Article], workers: int = 1) -> Iterator[Analysis | ReadError]:
    """Analyses in input order; with workers > 1 a pool of processes, each loading spaCy once."""
    if workers <= 1:
        yield from (process_safely(a) for a in articles)
        return
    with multiprocessing.get_context("spawn").Pool(workers, initializer=nlp.load) as pool:
        yield from pool.imap(process_safely, articles, chunksize=4)
