#!/usr/bin/env python3
"""Cost of linking (copies, story events, stories) at ingest: its share of ingest time on N
articles, and its cost per article when the store holds N versus 10 N articles.

usage: python bench/linking.py [--articles 1000] [--scale 10] [--source FILE.jsonl ...] [--cache FILE]

The corpus is made from the sentences of real stories (default: examples/voa_stories.jsonl):
each article draws 15-30 of them, 100 articles a day, and every tenth article is another
outlet's lightly edited copy of an earlier one (as wire copy is). Part 1 runs the whole ingest
(`pipeline.process`, then `Store.write` in the CLI's batches) and prints linking's share of it.
Part 2 fills a store to N x scale articles with the same analyses moved along the calendar
(new texts, dates shifted with their publication day), so it costs no extra parsing, and
compares the linking time per article of the first N writes with that of the last N.
"""

from __future__ import annotations

import argparse
import pickle
import random
import re
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.cli import BATCH  # noqa: E402
from eventwire.model import Analysis, Article, Event  # noqa: E402
from eventwire.pipeline import process  # noqa: E402
from eventwire.readers.common import DEFAULT_MAX_BYTES  # noqa: E402
from eventwire.readers.discover import read_paths  # noqa: E402
from eventwire.store.sqlite import BatchResult, Store  # noqa: E402

PER_DAY = 100
START = datetime(2025, 1, 6, 9, 0)
OUTLETS = ("Wire One", "Daily Two", "Herald Three", "Post Four", "Times Five")
SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")


def sentence_pool(paths: list[str]) -> list[str]:
    pool = []
    for article in read_paths(paths, DEFAULT_MAX_BYTES, None):
        if isinstance(article, Article):
            pool += [s for s in SENTENCE.split(article.text) if len(s.split()) >= 5]
    return pool


def edited_copy(text: str, rng: random.Random) -> str:
    """Another outlet's copy: two sentences swapped and a few typos."""
    sentences = SENTENCE.split(text)
    i = rng.randrange(len(sentences) - 1)
    sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
    words = " ".join(sentences).split(" ")
    for _ in range(3):
        k = rng.randrange(len(words))
        words[k] = words[k][::-1]
    return " ".join(words)


def corpus(pool: list[str], n: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    articles: list[Article] = []
    for i in range(n):
        published = (START + timedelta(days=i // PER_DAY, minutes=rng.randrange(600))).isoformat()
        if i % 10 == 9:
            text = edited_copy(rng.choice(articles[-PER_DAY:]).text, rng)
        else:
            text = " ".join(rng.sample(pool, rng.randint(15, 30)))
        articles.append(Article(id=f"bench-{i}", text=text, source=rng.choice(OUTLETS), published=published))
    return articles


def analyses(articles: list[Article], cache: Path | None) -> tuple[list[Analysis], float]:
    """The pipeline's analyses and the seconds they took (read from the cache when it matches)."""
    if cache and cache.exists():
        cached, seconds = pickle.loads(cache.read_bytes())
        if [a.article.id for a in cached] == [a.id for a in articles]:
            return cached, seconds
    started = time.thread_time()
    done = [process(a) for a in articles]
    seconds = time.thread_time() - started
    if cache:
        cache.write_bytes(pickle.dumps((done, seconds)))
    return done, seconds


def ingest(store: Store, items: list[Analysis]) -> tuple[BatchResult, float]:
    total, started = BatchResult(), time.thread_time()
    for i in range(0, len(items), BATCH):
        total.add(store.write(items[i : i + BATCH]))
    return total, time.thread_time() - started


def shift(event: Event, days: int) -> Event:
    if not event.date:
        return event
    try:
        day = date.fromisoformat(event.date) + timedelta(days=days)
    except ValueError:
        return event
    if event.date_precision in ("month", "season"):
        day = day.replace(day=1)
    elif event.date_precision == "year":
        day = day.replace(month=1, day=1)
    return replace(event, date=day.isoformat())


def moved(base: list[Analysis], articles: list[Article]) -> list[Analysis]:
    """Article i of a larger corpus with the events of base analysis i mod N, moved to its day."""
    out = []
    for i, article in enumerate(articles):
        j = i % len(base)
        days = i // PER_DAY - j // PER_DAY
        out.append(Analysis(article, [shift(e, days) for e in base[j].events]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--scale", type=int, default=10)
    ap.add_argument("--source", action="append", help="articles to draw sentences from (repeatable)")
    ap.add_argument("--cache", type=Path, help="keep the analyses here to rerun without parsing")
    args = ap.parse_args()
    pool = sentence_pool(args.source or [str(ROOT / "examples" / "voa_stories.jsonl")])
    n = args.articles
    base, analysis_s = analyses(corpus(pool, n, seed=1), args.cache)
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "a.db") as store:
            result, write_s = ingest(store, base)
            linked = store.conn.execute("SELECT count(*), sum(num_articles > 1) FROM story_events").fetchone()
        ingest_s = analysis_s + write_s
        share = result.link_seconds / (ingest_s - result.link_seconds)
        print(
            f"ingest of {n:,} articles ({pool and len(pool):,} source sentences): analysis {analysis_s:.1f} s, "
            f"store {write_s - result.link_seconds:.1f} s, linking {result.link_seconds:.2f} s "
            f"= +{share:.1%} on ingest time without it (limit 10%)"
        )
        print(
            f"  stored {result.stored:,}, copies {result.duplicates:,}, story events {linked[0]:,} "
            f"({linked[1] or 0:,} told by several articles)"
        )
        big = moved(base, corpus(pool, n * args.scale, seed=2))
        with Store(Path(tmp) / "b.db") as store:
            first, _ = ingest(store, big[:n])
            ingest(store, big[n:-n])
            last, _ = ingest(store, big[-n:])
    per = [r.link_seconds / n * 1000 for r in (first, last)]
    print(
        f"linking per article: {per[0]:.2f} ms into a store of 0-{n:,} articles, "
        f"{per[1]:.2f} ms into {n * (args.scale - 1):,}-{n * args.scale:,} (x{per[1] / per[0]:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
