"""The `eventwire` command: one function per subcommand, argparse for the words."""

from __future__ import annotations

import argparse
import socket
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from . import __version__
from .engines import default_workers
from .link import thresholds as linking
from .model import Analysis, Article
from .output import FORMATS as PRINTED
from .output import event_rows, print_rows, shown_date, write_json_stream
from .readers.common import DEFAULT_MAX_BYTES, ReadError, normalise_published
from .readers.count import records_in
from .readers.discover import read_paths
from .store import filters, queries
from .store.database import StoreError, connect

if TYPE_CHECKING:
    from .store.sqlite import BatchResult, Store

DESCRIPTION = """\
Turn news articles into a database of political events (who did what to whom, when and where),
quotes with their speakers, and contested claims, each with the sentence it comes from.

  eventwire ingest articles/ --db eventwire.db      read and analyse articles, store what they tell
  eventwire events --type ACCUSE --actor China      events, filtered (also: claims, quotes, stories,
                                                    timeline, actors, articles)
  eventwire export --table events --format parquet --out events.parquet
  eventwire serve                                   browse it at http://127.0.0.1:8000/

`eventwire COMMAND --help` lists a command's options with their defaults."""
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


def _published(args: argparse.Namespace) -> str | None:
    """--published as ISO 8601, or a usage error (exit 2) saying it is no date."""
    if args.published is None:
        return None
    try:
        datetime.fromisoformat(args.published.strip())  # an option says a date outright: no "yesterday"
    except ValueError:
        args.parser.error(f"--published {args.published!r} is no date: give YYYY-MM-DD or an ISO 8601 time")
    return normalise_published(args.published)


def analyse(articles: Iterable[Article], args: argparse.Namespace) -> Iterator[Analysis | ReadError]:
    """The chosen engine over the articles: a local process pool, or a Dask cluster."""
    if args.engine == "dask":
        from .engines import dask  # Dask loads only when asked for

        return dask.analyse(articles, scheduler=args.scheduler, workers=args.workers or 2)
    from .engines import local  # spaCy loads only for the commands that analyse

    return local.analyse(articles, args.workers)


def cmd_extract(args: argparse.Namespace) -> int:
    errors = Errors()
    articles = errors.only_articles(read_paths(args.paths, args.max_bytes, _published(args)))

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
    articles = errors.only_articles(read_paths(args.paths, args.max_bytes, _published(args)))
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
    from .store.sqlite import BatchResult, Store  # the linker's libraries load only to store

    errors = Errors()
    if args.out:
        return ingest_shards(args, errors)
    started = time.perf_counter()
    totals, read, unchanged = BatchResult(), 0, 0
    bar = tqdm(total=records_in(args.paths), unit=" articles", desc="ingest", disable=None, file=sys.stderr)
    with bar, Store(args.db, args.dedup_threshold, args.similar_threshold) as store:

        def fresh(articles: Iterable[Article]) -> Iterator[Article]:
            """Articles not yet stored with this text: a rerun after a kill resumes here.
            (A process pool pulls this from its feeder thread: only that thread counts here.)"""
            nonlocal read, unchanged
            for article in articles:
                read += 1
                if store.is_unchanged(article):
                    unchanged += 1
                    bar.update(1)
                else:
                    yield article

        articles = fresh(errors.only_articles(read_paths(args.paths, args.max_bytes, _published(args))))
        good: list[Analysis] = []
        for result in analyse(articles, args):
            bar.update(1)  # each analysed article moves the bar: it moves as soon as the first is done
            if isinstance(result, ReadError):
                errors.report(result)
            else:
                good.append(result)
            if len(good) == BATCH:
                totals.add(store_batch(store, good, errors))
                good = []
        totals.add(store_batch(store, good, errors))
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
    """The command's filters, checked as the API checks them: a refused value is a usage error (exit 2)."""
    try:
        return filters.event_filter(
            type=args.type,
            actor=args.actor,
            mode=args.mode,
            context=args.context,
            date_from=args.date_from,
            date_to=args.date_to,
            status=getattr(args, "status", None),
            article=args.article,
            limit=_all_rows(args.limit),
        )
    except filters.FilterError as error:
        args.parser.error(str(error))


def _all_rows(limit: int) -> int:
    """--limit 0 means every row (SQLite's LIMIT -1)."""
    return limit or -1


def say_if_cut(shown: int, limit: int, total: Callable[[], int]) -> None:
    """A list cut by --limit says so on stderr, so a partial answer is never taken for the whole."""
    if limit and shown >= limit and (n := total()) > shown:
        print(f"eventwire: showing {shown:,} of {n:,}; --limit 0 for all", file=sys.stderr)


def emit(rows: list[dict[str, Any]], args: argparse.Namespace, flat_events: bool = False) -> None:
    """The rows in the chosen format, to --out or stdout; Parquet (to a file only) typed as the export types it."""
    if args.format == "parquet":
        from .store import export  # pyarrow loads only for Parquet

        if not args.out:
            args.parser.error("--format parquet writes a binary file: give it with --out FILE")
        schema = export.FLAT_SCHEMA if flat_events else export.inferred_schema(rows)
        export.write_parquet([rows], schema, args.out)
        print(f"wrote {len(rows):,} rows to {args.out}", file=sys.stderr)
    elif args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as out:
            print_rows(rows, args.format, out)
    else:
        print_rows(rows, args.format)


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
        rows = queries.articles(conn, args.search, _all_rows(args.limit))
        say_if_cut(len(rows), args.limit, lambda: queries.count_articles(conn, args.search))
    emit(rows, args)
    return 0


def _print_events(args: argparse.Namespace, f: queries.EventFilter) -> int:
    with open_db(args.db) as conn:
        rows = queries.events(conn, f)
        say_if_cut(len(rows), args.limit, lambda: queries.count_events(conn, f))
    emit(event_rows(rows, args.format), args, flat_events=True)
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    return _print_events(args, _event_filter(args))


def cmd_claims(args: argparse.Namespace) -> int:
    return _print_events(args, replace(_event_filter(args), claims_only=True))


def cmd_quotes(args: argparse.Namespace) -> int:
    with open_db(args.db) as conn:
        rows = queries.quotes(conn, args.speaker, args.article, _all_rows(args.limit))
        say_if_cut(len(rows), args.limit, lambda: queries.count_quotes(conn, args.speaker, args.article))
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
    emit(rows, args)
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
            "source": r["source_ids"] or r["source_names"],  # IGO:nato, not a bare IGO (docs/contract.md)
            "target": r["target_ids"] or r["target_names"],
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
            rows = queries.stories(conn, args.min_articles, _all_rows(args.limit))
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
            f = _event_filter(args)
            rows = queries.story_events(conn, f, args.min_articles)
            say_if_cut(len(rows), args.limit, lambda: queries.count_story_events(conn, f, args.min_articles))
            rows = _story_rows(rows, args.format)
    emit(rows, args)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    with open_db(args.db) as conn:
        rows = queries.timeline(conn, _event_filter(args), by_type=args.by_type)
    if args.format == "table":  # "2022-03" for a month, as the events table shows it
        rows = [{**r, "date": shown_date(r)} for r in rows]
    emit(rows, args)
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    with open_db(args.db) as conn:
        f = _event_filter(args)
        count = queries.actor_network if args.network else queries.actor_counts
        every = count(conn, replace(f, limit=-1, offset=0))  # counted once: paging is a slice of it
        rows = queries.paged(every, f)
        say_if_cut(len(rows), args.limit, lambda: len(every))
    emit(rows, args)
    return 0


def cmd_relink(args: argparse.Namespace) -> int:
    from .store.sqlite import Store

    if not Path(args.db).is_file():
        raise StoreError(f"no database at {args.db} (run `eventwire ingest PATH --db {args.db}` first)")
    with Store(args.db, args.dedup_threshold, args.similar_threshold) as store:
        counts = store.migrated or store.relink()  # an older store was relinked as it opened
    print(", ".join(f"{k} {v:,}" for k, v in counts.items()), file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .store.export import export_table  # pyarrow loads only for this command

    if args.format == "parquet" and args.out == "-":
        args.parser.error("--format parquet writes a binary file: give it with --out FILE")
    try:
        rows = export_table(args.db, EXPORT_TABLES.get(args.table, args.table), args.format, args.out)
    except ValueError as err:
        raise SystemExit(f"eventwire: {err}") from None
    print(f"exported {rows:,} rows of {args.table} to {args.out}", file=sys.stderr)
    return 0


# `--table events` exports the flat one-row-per-event view (actors, place, claims, story, outlet).
EXPORT_TABLES = {"events": "events_flat"}


def port_free(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port (in use, no such address), or None."""
    try:
        socket.create_server((host, port)).close()
    except OSError as error:
        return f"cannot listen on {host}:{port}: {error.strerror or error} (is another server running? try --port)"
    return None


def cmd_serve(args: argparse.Namespace) -> int:
    from .web.app import serve  # FastAPI loads only for this command

    connect(args.db, readonly=True).close()  # a database that cannot be served is said first
    if problem := port_free(args.host, args.port):
        print(f"eventwire: {problem}", file=sys.stderr)
        return 2
    serve(args.db, args.host, args.port, args.workers)
    return 0


def _share(text: str) -> float:
    """An argparse type for a threshold: a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text} is outside 0-1")
    return value


def _bounded(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type for a whole number from `low` (to `high`)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"{value} is outside {low}-{high if high is not None else ''}")
        return value

    return parse


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Each option's help ends with its default, where it has one."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if action.default not in (None, False, argparse.SUPPRESS) and action.option_strings and "default" not in text:
            text += " (default %(default)s)"
        return text


Command = Callable[[str, str], argparse.ArgumentParser]  # adds a subcommand: name, help


def _database(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="eventwire.db", help="the SQLite file")


def _reading(p: argparse.ArgumentParser) -> None:
    """The options of the commands that read and analyse articles."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or - for stdin")
    p.add_argument(
        "--workers",
        type=_bounded(1),
        default=None,
        help="processes to analyse with (default: one per core, "
        f"{default_workers()} here; with --engine dask, 2 local workers)",
    )
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local process pool or a Dask cluster",
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
        help="skip articles larger than this many bytes",
    )
    p.add_argument("--published", help="reference time for articles that carry none (ISO date)")


def _thresholds(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--dedup-threshold",
        type=_share,
        default=linking.DEFAULT_DUPLICATE,
        help="share of word 3-grams (0-1) from which an article is a copy of a stored one",
    )
    p.add_argument(
        "--similar-threshold",
        type=_share,
        default=linking.DEFAULT_SIMILAR,
        help="share (0-1) from which two articles tell one story",
    )


def _querying(p: argparse.ArgumentParser, formats: tuple[str, ...] = (*PRINTED, "parquet")) -> None:
    """The options of the commands that print stored rows."""
    _database(p)
    p.add_argument("--format", choices=formats, default="table", help="how to print the rows")
    p.add_argument("--out", metavar="FILE", help="write the rows to this file instead of the terminal")
    p.add_argument("--limit", type=_bounded(0), default=100, help="rows to print, 0 for all")


def _filtering(p: argparse.ArgumentParser, status: bool = True) -> None:
    """The event filters (store/filters.py reads them)."""
    many = "; several allowed, repeated or comma-separated, meaning either"
    if status:
        p.add_argument("--status", action="append", help=f"{', '.join(queries.STATUSES)}{many}")
    p.add_argument("--type", action="append", help=f"PLOVER event type, e.g. CONSULT{many}")
    p.add_argument(
        "--actor",
        action="append",
        help=f"actor on either side: a code, a name or a body, e.g. CHN, China, NATO, or IGO for every body{many}",
    )
    p.add_argument("--mode", action="append", help=f"how the event was carried out, e.g. aerial{many}")
    p.add_argument("--context", action="append", help=f"what the event is part of, e.g. election{many}")
    p.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="first date, YYYY[-MM[-DD]]; undated events by their story's date",
    )
    p.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help="last date, YYYY[-MM[-DD]] (a month or year takes in all its days)",
    )
    p.add_argument("--article", help="article id")


def _analysis_commands(command: Command) -> None:
    """extract and ingest: the commands that read and analyse articles."""
    p = command("extract", "analyse articles and print one JSON record per article (docs/contract.md); stores nothing")
    _reading(p)
    p.add_argument("--format", choices=("jsonl", "json"), default="jsonl", help="JSON Lines, or one JSON array")
    p.set_defaults(func=cmd_extract)

    p = command("ingest", "analyse articles and store them in the database")
    _reading(p)
    _database(p)
    p.add_argument(
        "--out",
        metavar="DIR",
        help="write Parquet shards under this folder or URI instead of the database (Dask engine)",
    )
    p.add_argument("--format", choices=("parquet",), default="parquet", help="format of --out (parquet)")
    _thresholds(p)
    p.set_defaults(func=cmd_ingest)


def _query_commands(command: Command) -> None:
    """The commands that print what the store holds."""
    p = command("articles", "list or search stored articles")
    _querying(p)
    p.add_argument("--search", help='FTS5 query over title and text, e.g. "Sullivan AND Rome"')
    p.set_defaults(func=cmd_articles)

    p = command("events", "filter stored events")
    _querying(p)
    _filtering(p)
    p.set_defaults(func=cmd_events)

    p = command("claims", "events reported on someone's word or disputed, with both sides")
    _querying(p)
    _filtering(p, status=False)
    p.set_defaults(func=cmd_claims)

    p = command("quotes", "stored quotes with their speakers")
    _querying(p)
    p.add_argument("--speaker", help="part of the speaker's name or description")
    p.add_argument("--article", help="article id")
    p.set_defaults(func=cmd_quotes)

    p = command("stories", "events merged across articles, with their mentions and sources")
    _querying(p)
    _filtering(p)
    p.add_argument("--min-articles", type=int, default=2, help="told by at least this many articles (default 2)")
    p.add_argument("--groups", action="store_true", help="list stories: groups of articles telling the same news")
    p.set_defaults(func=cmd_stories)

    p = command(
        "timeline",
        "events per day (and per month or year for those dated only so), each real-world event counted once",
    )
    _querying(p)
    _filtering(p)
    p.add_argument("--by-type", action="store_true", help="one row per day and event type")
    p.set_defaults(func=cmd_timeline)

    p = command("actors", "countries and named bodies with their events; --network for pairs by type")
    _querying(p)
    _filtering(p)
    p.add_argument("--network", action="store_true", help="actor pairs with their events by type")
    p.set_defaults(func=cmd_actors)


def _store_commands(command: Command) -> None:
    """relink, export and serve: the commands that rebuild, write out or serve the store."""
    p = command("relink", "rebuild story events and stories from the stored articles")
    _database(p)
    _thresholds(p)
    p.set_defaults(func=cmd_relink)

    p = command("export", "write a table to csv, jsonl or parquet")
    _database(p)
    p.add_argument(
        "--table",
        default="events",
        help="events (flat, one row per event), story_events, quotes, articles, entities, ... (default events)",
    )
    p.add_argument("--format", choices=("csv", "jsonl", "parquet"), default="csv", help="file format")
    p.add_argument("--out", default="-", help="output file, - for stdout (csv and jsonl only)")
    p.set_defaults(func=cmd_export)

    p = command("serve", "web UI and JSON API over the database (read-only)")
    _database(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=_bounded(1, 65535), default=8000, help="TCP port to listen on")
    p.add_argument("--workers", type=_bounded(1), default=None, help="server processes (default: one per core)")
    p.set_defaults(func=cmd_serve)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description=DESCRIPTION, formatter_class=HelpFormatter)
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        p = commands.add_parser(name, help=help, description=help, formatter_class=HelpFormatter)
        p.set_defaults(parser=p)
        return p

    for group in (_analysis_commands, _query_commands, _store_commands):
        group(command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args, unknown = build_parser().parse_known_args(argv)
    if unknown:  # the subcommand's usage, not the top-level one
        args.parser.error(f"unrecognized arguments: {' '.join(unknown)}")
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
