"""Latency of `eventwire serve` under load: concurrent clients asking for every page and API route of
a 10,000-article store over loopback, first alone, then while an `eventwire ingest` writes into the
same file. Prints requests, errors (any answer but 200, or no answer), requests per second and the
latency percentiles of each phase; the budget is 0 errors and p95 <= 300 ms.

The store is bench/web_latency.py's (built once, reused with --reuse); each run serves a copy of it,
so the ingest's writes never accumulate. The ingest reads new articles made from the sentences of
examples/voa_stories.jsonl (distinct texts: stored, linked, committed every batch).

    .venv/bin/python bench/web_load.py [--clients 20] [--seconds 60] [--workers N] [--reuse]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_latency import ROUTES, build

ROOT = Path(__file__).resolve().parent.parent
BUDGET_P95_MS = 300
MAX_REQUESTS = 200_000  # per phase, whatever --seconds says


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, workers: int | None) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    cmd = [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen([*cmd, *(["--workers", str(workers)] if workers else [])], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", "/api/stats")
            if conn.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("the server did not start")


def ingest_input(path: Path, articles: int, seed: int = 11) -> Path:
    """Articles of 8-14 sentences drawn from the example stories: new texts, so each is stored."""
    stories = [json.loads(line) for line in (ROOT / "examples" / "voa_stories.jsonl").open(encoding="utf-8")]
    sentences = [s.strip() + "." for story in stories for s in story["text"].split(". ") if len(s) > 40]
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(articles):
            text = " ".join(rng.sample(sentences, rng.randint(8, 14)))
            out.write(json.dumps({"id": f"load-{i}", "text": text, "published": "2022-06-01"}) + "\n")
    return path


def client(port: int, urls: list[str], stop: float, budget: list[int], out: list[tuple[str, float, int]]) -> None:
    """One client: the routes in turn from a random start, one request at a time, until time or budget run out."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = random.randrange(len(urls))
    while time.monotonic() < stop and budget[0] > 0:
        budget[0] -= 1
        url = urls[i % len(urls)]
        i += 1
        started = time.perf_counter()
        try:
            conn.request("GET", url)
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        out.append((url, (time.perf_counter() - started) * 1000, status))
    conn.close()


def run_phase(port: int, clients: int, seconds: float) -> list[tuple[str, float, int]]:
    urls = [quote(u, safe="/?&=%") for u in ROUTES]
    results: list[tuple[str, float, int]] = []
    stop, budget = time.monotonic() + seconds, [MAX_REQUESTS]
    threads = [threading.Thread(target=client, args=(port, urls, stop, budget, results)) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def report(name: str, results: list[tuple[str, float, int]], seconds: float) -> bool:
    times = sorted(ms for _, ms, _ in results)
    errors = [(u, s) for u, _, s in results if s != 200]
    q = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
    print(
        f"{name}: {len(results):,} requests, {len(errors)} errors, {len(results) / seconds:.0f} req/s, "
        f"p50 {q[49]:.0f} ms, p95 {q[94]:.0f} ms, p99 {q[98]:.0f} ms, max {times[-1]:.0f} ms"
    )
    for url, status in sorted(set(errors))[:5]:
        print(f"  error: {status} {url}")
    by_url: dict[str, list[float]] = {}
    for url, ms, _ in results:
        by_url.setdefault(url, []).append(ms)
    slowest = sorted(by_url.items(), key=lambda kv: -statistics.quantiles(kv[1], n=20)[18] if len(kv[1]) > 1 else 0)
    print(
        "  slowest routes (p95): "
        + ", ".join(f"{u} {statistics.quantiles(v, n=20)[18]:.0f} ms" for u, v in slowest[:3] if len(v) > 1)
    )
    return not errors and q[94] <= BUDGET_P95_MS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/eventwire-bench.db"), help="the built store (kept)")
    parser.add_argument("--reuse", action="store_true", help="serve an existing --db instead of building it")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=None, help="server processes (default: serve's, one per core)")
    parser.add_argument("--no-ingest", action="store_true", help="skip the phase with an ingest writing")
    args = parser.parse_args()
    if not args.reuse:
        build(args.db, args.articles)
    work = args.db.with_name(args.db.stem + "-load.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(args.db) as src, sqlite3.connect(work) as dst:
        src.backup(dst)
    dst.close()
    print(f"serving a copy of {args.db} ({args.articles:,} articles) on {os.cpu_count()} CPUs, {args.clients} clients")
    server, port = start_server(work, args.workers)
    ok = True
    try:
        run_phase(port, args.clients, 5)  # warm: the first request of each route fills the caches
        ok &= report("alone", run_phase(port, args.clients, args.seconds), args.seconds)
        if not args.no_ingest:
            feed = ingest_input(work.with_suffix(".jsonl"), 5000)
            ingest = subprocess.Popen(
                [sys.executable, "-m", "eventwire.cli", "ingest", str(feed), "--db", str(work)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            time.sleep(15)  # its model loaded: writing
            before = _articles(work)
            results = run_phase(port, args.clients, args.seconds)
            written = _articles(work) - before
            ingest.terminate()
            ingest.wait(timeout=60)
            ok &= report(f"while ingest wrote {written} articles", results, args.seconds)
    finally:
        server.terminate()
        server.wait(timeout=60)
    print(f"budget: 0 errors and p95 <= {BUDGET_P95_MS} ms: {'met' if ok else 'NOT MET'}")
    return 0 if ok else 1


def _articles(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


if __name__ == "__main__":
    sys.exit(main())
