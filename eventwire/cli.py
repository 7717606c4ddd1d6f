"""The `eventwire` command: one function per subcommand, argparse for the words."""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from tqdm import tqdm

from . import __version__
from .engines import local
from .link import dedup
from .model import Analysis, Article
from .output import FORMATS, event_rows, print_rows, write_json_stream
from .readers.common import DEFAULT_MAX_BYTES, ReadError, normalise_published
from .readers.discover import read_paths
from .store import queries
from .store.database import StoreError, connect
from .store.sqlite import BatchResult, Store

BATCH = 25  # articles per transaction: a killed run loses at most this much work


class Errors:
    """Counts bad records and reports each on one line of stderr, so the run can go on."""

    def __init__(self) -> None:
        self.count = 0  # every skipped record: unreadable, or failed in analysis
        self.unreadable = 0  # of which the readers could not read

    def report(self, error: ReadError | str) -> None:
        self.count += 1
        print(f"eventwire: skipped {error}", file=sys.stderr, flush=True)

    def only_articles(self, records: Iterable[Article | ReadError]) -> Iterator[Article]:
        for record in records:
            if isinstance(record, ReadError):
                self.unreadable += 1
                self.report(record)
            else:
                yield record


def _published(value: str | None) -> str | None:
    if value is None:
        return None
    iso = normalise_published(value)
    if iso is None:
        raise SystemExit(f"eventwire: --published {value!r} is not a date")
    return iso


def analyse(articles: Iterable[Article], args: argparse.Namespace) -> Iterator[Analysis | ReadError]:
    """The chosen engine over the articles: a local process pool, or a Dask cluster."""
    if args.engine == "dask":
        from .engines import dask  # Dask loads only when asked for

        return dask.analyse(articles, scheduler=args.scheduler, workers=args.workers or 2)
    return local.analyse(articles, args.workers or 1)


def cmd_extract(args: argparse.Namespace) -> int:
    errors = Errors()
    articles = errors.only_articles(read_paths(args.paths, args.max_bytes, _published(args.published)))

    def records() -> Iterator[dict[str, Any]]:
        for result in analyse(articles, args):
            if isinstance(result, ReadError):
                errors.report(result)
            else:
                yield result.to_dict()

    write_json_stream(records(), args.format)
    return 1 if errors.count else 0


def ingest_shards(args: argparse.Namespace, errors: Errors) -> int:
    """`ingest --out DIR --format parquet`: the Dask workers write one Parquet shard per batch."""
    from .engines import dask

    started, written, skipped = time.perf_counter(), 0, 0
    articles = errors.only_articles(read_paths(args.paths, args.max_bytes, _published(args.published)))
    for shard in dask.write_shards(articles, args.out, args.scheduler, args.workers or 2):
        for error in shard.errors:
            errors.report(error)
        written += shard.rows.get("articles", 0)
        skipped += shard.skipped
    print(
        f"wrote {written} articles as Parquet under {args.out}, {skipped} batches already written, "
        f"failed {errors.count}, {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 1 if errors.count else 0


def store_batch(store: Store, analyses: list[Analysis], errors: Errors) -> BatchResult:
    """Write a batch in one transaction. The store rolls back an article it refuses alone (a
    savepoint each) and lists it in `failed`: each is reported here as a skipped record. A
    database that cannot be written (locked, full, read-only) stops the run with a StoreError;
    every committed batch is kept."""
    result = store.write(analyses)
    for line in result.failed:
        errors.report(line)
    return result


def cmd_ingest(args: argparse.Namespace) -> int:
    errors = Errors()
    if args.out:
        return ingest_shards(args, errors)
    started = time.perf_counter()
    totals, read, unchanged = BatchResult(), 0, 0
    with Store(args.db, args.dedup_threshold, args.similar_threshold) as store:

        def fresh(articles: Iterable[Article]) -> Iterator[Article]:
            """Articles not yet stored with this text: a rerun after a kill resumes here.
            (A process pool pulls this from its feeder thread: only that thread counts here.)"""
            nonlocal read, unchanged
            for article in articles:
                read += 1
                if store.is_unchanged(article):
                    unchanged += 1
                else:
                    yield article

        articles = fresh(errors.only_articles(read_paths(args.paths, args.max_bytes, _published(args.published))))
        results = analyse(articles, args)
        with tqdm(unit=" articles", desc="ingest", disable=None, file=sys.stderr) as bar:
            while batch := list(islice(results, BATCH)):
                good: list[Analysis] = []
                for result in batch:
                    if isinstance(result, ReadError):
                        errors.report(result)
                    else:
                        good.append(result)
                totals.add(store_batch(store, good, errors))
                bar.update(len(batch))
    seconds = time.perf_counter() - started
    print(
        f"read {read + errors.unreadable}, stored {totals.stored + totals.replaced} "
        f"({totals.replaced} replaced), duplicates {totals.duplicates}, "
        f"unchanged {unchanged + totals.unchanged}, "
        f"failed {errors.count}, {seconds:.1f} s, {read / seconds if seconds else 0:.1f} articles/s "
        f"(linking {totals.link_seconds:.1f} s)",
        file=sys.stderr,
    )
    return 1 if errors.count else 0


def _event_filter(args: argparse.Namespace) -> queries.EventFilter:
    return queries.EventFilter(
        type=args.type,
        actor=args.actor,
        date_from=args.date_from,
        date_to=args.date_to,
        status=getattr(args, "status", None),
        article=args.article,
        limit=args.limit,
    )


@contextmanager
def open_db(path: str) -> Iterator[sqlite3.Connection]:
    """The store, read-only (a StoreError says in one line why it cannot be read)."""
    conn = connect(path, readonly=True)
    try:
        yield conn
    finally:
        conn.close()


def cmd_articles(args: argparse.Namespace) -> int:
    with open_db(args.db) as conn:
        print_rows(queries.articles(conn, args.search, args.limit), args.format)
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    with open_db(args.db) as conn:
        print_rows(event_rows(queries.events(conn, _event_filter(args)), args.format), args.format)
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    with open_db(args.db) as conn:
        print_rows(event_rows(queries.claims(conn, _event_filter(args)), args.format), args.format)
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    with open_db(args.db) as conn:
        rows = queries.quotes(conn, args.speaker, args.article, args.limit)
    if args.format == "table":
        rows = [
            {
                "article": r["article_id"],
                "speaker": r["speaker_name"] or r["speaker_text"],
                "code": r["speaker_code"],
                "kind": r["kind"],
                "quote": r["text"],
            }
            for r in rows
        ]
    print_rows(rows, args.format)
    return 0


def _story_rows(rows: list[dict[str, Any]], fmt: str) -> list[dict[str, Any]]:
    """Story events flattened for a table; csv and json keep every field (mentions, outlets)."""
    if fmt != "table":
        return rows
    return [
        {
            "id": r["id"],
            "date": r["date"],
            "type": r["type"],
            "source": r["source_codes"] or r["source_names"],
            "target": r["target_codes"] or r["target_names"],
            "place": r["location_name"],
            "mentions": r["num_mentions"],
            "articles": r["num_articles"],
            "sources": r["num_sources"],
            "first seen": r["first_seen"],
            "evidence": r["mentions"][0]["sentence"] if r["mentions"] else "",
        }
        for r in rows
    ]


def cmd_stories(args: argparse.Namespace) -> int:
    with open_db(args.db) as conn:
        if args.groups:
            rows = queries.stories(conn, args.min_articles, args.limit)
            if args.format == "table":
                rows = [
                    {
                        "story": r["story_id"],
                        "articles": r["num_articles"],
                        "first seen": r["first_seen"],
                        "last seen": r["last_seen"],
                        "shared events": len(r["story_events"]),
                        "title": r["title"],
                    }
                    for r in rows
                ]
        else:
            rows = _story_rows(queries.story_events(conn, _event_filter(args), args.min_articles), args.format)
    print_rows(rows, args.format)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    with open_db(args.db) as conn:
        print_rows(queries.timeline(conn, _event_filter(args), by_type=args.by_type), args.format)
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    with open_db(args.db) as conn:
        f = _event_filter(args)
        print_rows(queries.actor_network(conn, f) if args.network else queries.actor_counts(conn, f), args.format)
    return 0


def cmd_relink(args: argparse.Namespace) -> int:
    with Store(args.db, args.dedup_threshold, args.similar_threshold) as store:
        counts = store.relink()
    print(", ".join(f"{k} {v:,}" for k, v in counts.items()), file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .store.export import export_table  # pyarrow loads only for this command

    try:
        rows = export_table(args.db, EXPORT_TABLES.get(args.table, args.table), args.format, args.out)
    except ValueError as err:
        raise SystemExit(f"eventwire: {err}") from None
    print(f"exported {rows:,} rows of {args.table} to {args.out}", file=sys.stderr)
    return 0


# `--table events` exports the flat one-row-per-event view (actors, place, claims, story, outlet).
EXPORT_TABLES = {"events": "events_flat"}


def cmd_serve(args: argparse.Namespace) -> int:
    from .web.app import serve  # FastAPI loads only for this command

    serve(args.db, args.host, args.port, args.workers)
    return 0


def _day(end: int) -> Callable[[str], str]:
    """An argparse type for --from (end 0: the first day the date names) or --to (1: its last day)."""

    def parse(text: str) -> str:
        try:
            return queries.date_span(text)[end].isoformat()
        except ValueError as error:
            raise argparse.ArgumentTypeError(f"{text!r} is no date: {error}") from None

    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description=__doc__)
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def database(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default="eventwire.db", help="the SQLite file (default eventwire.db)")

    def reading(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or - for stdin")
        p.add_argument(
            "--workers",
            type=int,
            default=None,
            help="processes to analyse with (default 1; with --engine dask, 2 local workers)",
        )
        p.add_argument(
            "--engine",
            choices=("local", "dask"),
            default="local",
            help="local process pool (default) or a Dask cluster",
        )
        p.add_argument(
            "--scheduler",
            metavar="ADDR",
            help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster here)",
        )
        p.add_argument(
            "--max-bytes",
            type=int,
            default=DEFAULT_MAX_BYTES,
            help=f"skip articles larger than this (default {DEFAULT_MAX_BYTES:,})",
        )
        p.add_argument("--published", help="reference time for articles that carry none (ISO date)")

    def querying(p: argparse.ArgumentParser, formats: tuple[str, ...] = FORMATS) -> None:
        database(p)
        p.add_argument("--format", choices=formats, default="table")
        p.add_argument("--limit", type=int, default=100)

    def filtering(p: argparse.ArgumentParser, status: bool = True) -> None:
        if status:
            p.add_argument("--status", choices=queries.STATUSES)
        p.add_argument("--type", help="PLOVER event type, e.g. CONSULT")
        p.add_argument("--actor", help="country or IGO code on either side, e.g. CHN")
        p.add_argument("--from", dest="date_from", type=_day(0), help="first date, YYYY[-MM[-DD]]")
        p.add_argument("--to", dest="date_to", type=_day(1), help="last date, YYYY[-MM[-DD]]")
        p.add_argument("--article", help="article id")

    p = sub.add_parser("extract", help="analyse articles and print SPEC records; stores nothing")
    reading(p)
    p.add_argument("--format", choices=("jsonl", "json"), default="jsonl")
    p.set_defaults(func=cmd_extract)

    def thresholds(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--dedup-threshold",
            type=float,
            default=dedup.DEFAULT_DUPLICATE,
            help="share of word 3-grams from which an article is a copy of a stored one "
            f"(default {dedup.DEFAULT_DUPLICATE})",
        )
        p.add_argument(
            "--similar-threshold",
            type=float,
            default=dedup.DEFAULT_SIMILAR,
            help=f"share from which two articles tell one story (default {dedup.DEFAULT_SIMILAR})",
        )

    p = sub.add_parser("ingest", help="analyse articles and store them in the database")
    reading(p)
    database(p)
    p.add_argument(
        "--out",
        metavar="DIR",
        help="write Parquet shards under this folder or URI instead of the database (Dask engine)",
    )
    p.add_argument("--format", choices=("parquet",), default="parquet", help="format of --out (parquet)")
    thresholds(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("articles", help="list or search stored articles")
    querying(p)
    p.add_argument("--search", help='FTS5 query over title and text, e.g. "Sullivan AND Rome"')
    p.set_defaults(func=cmd_articles)

    p = sub.add_parser("events", help="filter stored events")
    querying(p)
    filtering(p)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("claims", help="events reported on someone's word or disputed, with both sides")
    querying(p)
    filtering(p, status=False)
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser("quotes", help="stored quotes with their speakers")
    querying(p)
    p.add_argument("--speaker", help="part of the speaker's name or description")
    p.add_argument("--article", help="article id")
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("stories", help="events merged across articles, with their mentions and sources")
    querying(p)
    filtering(p)
    p.add_argument("--min-articles", type=int, default=2, help="told by at least this many articles (default 2)")
    p.add_argument("--groups", action="store_true", help="list stories: groups of articles telling the same news")
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("timeline", help="events per day, each real-world event counted once")
    querying(p)
    filtering(p)
    p.add_argument("--by-type", action="store_true", help="one row per day and event type")
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("actors", help="countries and IGOs with their events; --network for pairs by type")
    querying(p)
    filtering(p)
    p.add_argument("--network", action="store_true", help="actor pairs with their events by type")
    p.set_defaults(func=cmd_actors)

    p = sub.add_parser("relink", help="rebuild story events and stories from the stored articles")
    database(p)
    thresholds(p)
    p.set_defaults(func=cmd_relink)

    p = sub.add_parser("export", help="write a table to csv, jsonl or parquet")
    database(p)
    p.add_argument(
        "--table",
        default="events",
        help="events (flat, one row per event), story_events, quotes, articles, entities, ... (default events)",
    )
    p.add_argument("--format", choices=("csv", "jsonl", "parquet"), default="csv")
    p.add_argument("--out", default="-", help="output file, - for stdout (csv and jsonl only)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("serve", help="web UI and JSON API over the database (read-only)")
    database(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=None, help="server processes (default: one per core)")
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `eventwire events | head`
        return 0
    except StoreError as error:  # the database refused, or a run cut short: one line, no traceback
        print(f"eventwire: {error}", file=sys.stderr)
        return error.status
    except KeyboardInterrupt:
        print("eventwire: interrupted; every committed batch is kept, rerun to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
