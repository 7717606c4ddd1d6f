#!/usr/bin/env python3
"""Scale: 1k, 5k and 10k articles (the VOA stories repeated under new ids) through the local
engine and a Dask LocalCluster; prints time, articles/s, cost per article and parallel efficiency.

usage: python bench/scale.py [--sizes 1000,5000,10000] [--workers 2] [--engines local,dask]
                             [--input FILE]

Each run streams the articles through the engine and serialises every result as
`eventwire extract` does (nothing is written: the store's own cost is not measured here).
Every run is a fresh process.  The baseline is the local engine with one process on the
smallest size; parallel efficiency is baseline time per article x articles / (workers x time).
The cost per article should stay flat as the input grows, and so should the client's memory
(its peak RSS is printed per run); times include starting the workers and loading the model.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_INPUT = ROOT.parent / "shared" / "benchmarks" / "voa" / "voa_stories.jsonl"
FALLBACK_INPUT = ROOT / "examples" / "voa_stories.jsonl"

from eventwire.engines import dask as dask_engine  # noqa: E402 - after the path is set
from eventwire.engines import local  # noqa: E402
from eventwire.model import Analysis, Article  # noqa: E402
from eventwire.readers.discover import read_paths  # noqa: E402


def repeated(stories: list[Article], n: int) -> Iterator[Article]:
    """n articles: the stories over and over, each copy under a new id."""
    for i in range(n):
        story = stories[i % len(stories)]
        yield Article(
            id=f"{story.id}-{i // len(stories)}",
            text=story.text,
            title=story.title,
            published=story.published,
            source=story.source,
            url=story.url,
        )


def run(engine: str, workers: int, articles: Iterator[Article]) -> tuple[int, int]:
    """Stream the articles through one engine; returns (analysed, failed)."""
    if engine == "dask":
        results = dask_engine.analyse(articles, workers=workers)
    else:
        results = local.analyse(articles, workers)
    ok = failed = 0
    for result in results:
        if isinstance(result, Analysis):
            json.dumps(result.to_dict(), ensure_ascii=False)
            ok += 1
        else:
            failed += 1
    return ok, failed


def one_run(engine: str, workers: int, n: int, path: Path) -> dict:
    """One measurement in a fresh process (this script with --one): its peak RSS is the client's."""
    proc = subprocess.run(
        [sys.executable, __file__, "--one", f"{engine},{workers},{n}", "--input", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.splitlines()[-1])


def measure_here(spec: str, path: Path) -> None:
    engine, workers, n = spec.split(",")
    stories = [a for a in read_paths([str(path)]) if isinstance(a, Article)]
    start = time.perf_counter()
    _, failed = run(engine, int(workers), repeated(stories, int(n)))
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - start,
                "failed": failed,
                "client_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT if DEFAULT_INPUT.exists() else FALLBACK_INPUT)
    ap.add_argument("--sizes", default="1000,5000,10000")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--engines", default="local,dask")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # ENGINE,WORKERS,N: one run, JSON out
    args = ap.parse_args()
    if args.one:
        measure_here(args.one, args.input)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{args.input}; sizes {sizes}; {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f})")
    print(
        f"{'engine':22s} {'articles':>8s} {'time s':>8s} {'art/s':>7s} {'ms/art':>7s} {'efficiency':>10s} "
        f"{'client RSS MB':>13s}"
    )

    def report(label: str, n: int, r: dict, efficiency: str) -> None:
        seconds = r["seconds"]
        print(
            f"{label:22s} {n:8d} {seconds:8.1f} {n / seconds:7.1f} {seconds / n * 1000:7.1f} {efficiency:>10s} "
            f"{r['client_rss_mb']:13.0f}" + (f"  ({r['failed']} failed)" if r["failed"] else ""),
            flush=True,
        )

    base = one_run("local", 1, sizes[0], args.input)
    serial = base["seconds"] / sizes[0]
    report("local, 1 process", sizes[0], base, "baseline")
    for engine in args.engines.split(","):
        for n in sizes:
            r = one_run(engine, args.workers, n, args.input)
            report(f"{engine}, {args.workers} workers", n, r, f"{serial * n / (args.workers * r['seconds']):.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
