"""The SQLite store's writer: idempotent writes of analyses, one transaction per batch, a savepoint
per article (a record that cannot be stored is reported and the rest of its batch kept)."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..link import dedup
from ..link.linker import Linker
from ..model import EVENT_ROLES, Actor, Analysis, Article, actor_row, event_row
from ..readers.common import text_hash
from .bodies import actor_id
from .database import SCHEMA, connect, explain

# What one record can make the store raise: its values (a constraint, a type or size SQLite cannot
# hold) or a fault in linking it; an OperationalError is the database's own and stops the batch.
RECORD_ERRORS = (sqlite3.Error, ValueError, TypeError, OverflowError, KeyError)


@dataclass
class BatchResult:
    stored: int = 0  # new articles
    replaced: int = 0  # same id, new text: analysis replaced
    unchanged: int = 0  # same id, same text: skipped
    duplicates: int = 0  # copies of stored articles (same or nearly the same text): recorded, no events
    link_seconds: float = 0.0  # CPU time spent finding copies and linking (this thread's: other load aside)
    failed: list[str] = field(default_factory=list)  # one line per record that could not be stored

    def add(self, other: BatchResult) -> None:
        self.failed += other.failed
        self.stored += other.stored
        self.replaced += other.replaced
        self.unchanged += other.unchanged
        self.duplicates += other.duplicates
        self.link_seconds += other.link_seconds


FTS_DECLARATION = re.compile(r"CREATE VIRTUAL TABLE (IF NOT EXISTS )?articles_fts USING fts5\(.*?\);", re.S)


def declare_search(conn: sqlite3.Connection) -> None:
    """Give a store made before the search index was declared as Datasette reads it (content="articles")
    that declaration, rebuilding the index from the articles (nothing stored changes)."""
    (declared,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
    if 'content="articles"' in declared:
        return
    wanted = FTS_DECLARATION.search(SCHEMA.read_text(encoding="utf-8"))
    with conn:
        conn.execute("DROP TABLE articles_fts")  # the index alone: its content is the articles table
        conn.execute(wanted.group(0).replace("IF NOT EXISTS ", "").rstrip(";"))
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def add_missing_columns(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """Give a store made by an older eventwire the columns added to its tables since (the actors'
    `aliases` and `actor_id`), with their defaults; nothing stored changes. Returns the (table, column)
    pairs added. Inside the caller's transaction, so that the columns and what fills them are kept together."""
    added = set()
    wanted = sqlite3.connect(":memory:")
    wanted.executescript(SCHEMA.read_text(encoding="utf-8"))
    tables = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
    ]
    for table in tables:
        have = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        for _, name, kind, notnull, default, _ in wanted.execute(f'PRAGMA table_info("{table}")'):
            if name not in have:
                constraint = f" NOT NULL DEFAULT {default}" if notnull else (f" DEFAULT {default}" if default else "")
                conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {kind}{constraint}')
                added.add((table, name))
    wanted.close()
    return added


# Made here, not in schema.sql: an older store gets the column first (add_missing_columns).
ACTOR_ID_INDEX = "CREATE INDEX IF NOT EXISTS event_actors_id ON event_actors(actor_id, role)"


def fill_actor_ids(conn: sqlite3.Connection) -> int:
    """Set every event actor's stable id from its stored columns and the data files (store/bodies.py):
    an older store's actors, or every actor again when the tables of bodies changed. Returns the rows changed."""
    changed = [
        (new, rowid)
        for rowid, code, name, title, text, old in conn.execute(
            "SELECT rowid, code, name, title, text, actor_id FROM event_actors WHERE code IS NOT NULL"
        ).fetchall()
        if (new := actor_id(code, name, title, text)) != old
    ]
    conn.executemany("UPDATE event_actors SET actor_id = ? WHERE rowid = ?", changed)
    return len(changed)


class Store:
    """Writes analyses into one SQLite file; safe to kill at any point (each batch is atomic).

    Each write also calls its linker (by default one with the given thresholds): a copy of a stored
    article is recorded instead of stored; a new article's events join the story events they tell
    again, and the article joins a story."""

    def __init__(
        self,
        path: str | Path,
        dedup_threshold: float = dedup.DEFAULT_DUPLICATE,
        similar_threshold: float = dedup.DEFAULT_SIMILAR,
        linker: Linker | None = None,
    ) -> None:
        self.path = Path(path)
        self.linker = linker or Linker(dedup_threshold, similar_threshold)
        self.conn = connect(self.path)
        declare_search(self.conn)
        self._writer_thread = threading.get_ident()
        self._readers = threading.local()
        self.articles_written = 0  # stored or replaced by this Store: what a run cut short has kept
        self.migrated: dict[str, int] | None = None  # what relinking a store made before actor ids changed
        try:
            with self._transaction():  # one transaction: a migration cut short leaves the store as it was
                older = ("event_actors", "actor_id") in add_missing_columns(self.conn)
                self.conn.execute(ACTOR_ID_INDEX)
                if older:  # a store made before actor ids: its actors' ids, then its story events keyed by them
                    self.migrated = self._relink()
        except sqlite3.Error as error:
            self.conn.close()
            raise explain(error, self.path) from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def is_unchanged(self, article: Article) -> bool:
        """True when the article is stored already (or recorded as a copy) with the same text:
        no need to analyse it again. Safe to call from another thread than the writer's (an
        engine may pull its input from a feeder thread): that thread reads through its own
        read-only connection, which sees every committed batch."""
        return self._stored_hash(article.id, self._reader()) == text_hash(article.text)

    def _reader(self) -> sqlite3.Connection:
        if threading.get_ident() == self._writer_thread:
            return self.conn
        if getattr(self._readers, "conn", None) is None:
            self._readers.conn = connect(self.path, readonly=True)
        return self._readers.conn

    def _stored_hash(self, article_id: str, conn: sqlite3.Connection | None = None) -> str | None:
        row = (
            (conn or self.conn)
            .execute(
                "SELECT text_hash FROM articles WHERE id = ? UNION ALL SELECT text_hash FROM duplicates WHERE id = ?",
                (article_id, article_id),
            )
            .fetchone()
        )
        return row[0] if row else None

    def write(self, analyses: Iterable[Analysis]) -> BatchResult:
        """Store a batch in one transaction, each article under a savepoint of its own: a record the
        store refuses (a constraint, a value SQLite cannot hold) is rolled back alone and listed in
        `failed`; the disk filling up stops the run with a StoreError, nothing committed lost."""
        result = BatchResult()
        try:
            with self._transaction():
                for analysis in analyses:
                    self._write_saved(analysis, result)
        except sqlite3.Error as error:
            raise explain(error, self.path, written=self.articles_written) from None
        self.articles_written += result.stored + result.replaced
        return result

    def _write_saved(self, analysis: Analysis, result: BatchResult) -> None:
        self.conn.execute("SAVEPOINT article")
        try:
            self._write_one(analysis, result)
        except sqlite3.OperationalError:
            raise  # the database itself (disk full, locked, I/O): the batch cannot go on
        except RECORD_ERRORS as error:
            self.conn.execute("ROLLBACK TO article")
            self.linker.discard_index()  # it may hold the rolled-back text
            article = analysis.article
            where = f" ({article.origin})" if article.origin else ""
            result.failed.append(f"{article.id!r}{where}: not stored: {type(error).__name__}: {error}")
        self.conn.execute("RELEASE article")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            with self.conn:
                self.conn.execute("BEGIN")  # savepoints nest in it (a first SAVEPOINT would commit on release)
                yield
        except BaseException:
            self.linker.discard_index()
            raise

    def _write_one(self, analysis: Analysis, result: BatchResult) -> None:
        article = analysis.article
        digest = text_hash(article.text)
        old = self._stored_hash(article.id)
        if old == digest:
            result.unchanged += 1
            return
        started, storing = time.thread_time(), 0.0
        touched = set()
        if old is not None:
            touched = self.linker.forget(self.conn, article.id)
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))  # its analysis goes with it
        found = self.linker.lookup(self.conn, article, digest)
        if found.original:
            self.linker.record_copy(self.conn, article, digest, found, _now())
            result.duplicates += 1
        else:
            storing = time.thread_time()
            self._insert(analysis, digest)
            storing = time.thread_time() - storing  # storing the analysis itself is not linking
            self.linker.link_new(self.conn, article, found)
            result.replaced += old is not None
            result.stored += old is None
        self.linker.refresh(self.conn, touched)  # those the old text told
        result.link_seconds += time.thread_time() - started - storing

    def relink(self) -> dict[str, int]:
        """Rebuild story events and stories from the stored articles (`eventwire relink`), the actors'
        ids first (the tables of bodies may have changed since they were stored)."""
        try:
            with self._transaction():
                return self._relink()
        except sqlite3.Error as error:
            raise explain(error, self.path) from None

    def _relink(self) -> dict[str, int]:
        ids = fill_actor_ids(self.conn)
        return {**self.linker.relink(self.conn), "actor ids changed": ids}

    def _insert(self, analysis: Analysis, digest: str) -> None:
        insert_rows(self.conn, table_rows(analysis, digest))


def insert_rows(conn: sqlite3.Connection, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Rows of the store's tables (as table_rows gives them, parents first), inserted as they are:
    no copy detection and no linking (the store's writer does those; bench/ fills a store in bulk)."""
    for table, rows in tables.items():
        if rows:
            columns = list(rows[0])
            sql = (
                f"INSERT INTO {table} ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' * len(columns))})"
            )
            conn.executemany(sql, [tuple(r.values()) for r in rows])


def table_rows(analysis: Analysis, digest: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """An analysis as rows of the store's tables (parents first): one shape for SQLite and Parquet."""
    a = analysis.article
    article = a.to_dict()
    for key in ("authors", "slug_keywords", "keywords"):
        article[key] = json.dumps(article[key], ensure_ascii=False)
    article["extra"] = json.dumps(article["extra"], ensure_ascii=False)
    article.update(text_hash=digest or text_hash(a.text), origin=a.origin, ingested_at=_now())
    events = [{"article_id": a.id, **event_row(ev)} for ev in analysis.events]
    actors = [
        {
            "article_id": a.id,
            "event_id": ev.id,
            "role": role,
            "seq": i,
            **actor_row(actor),
            "actor_id": actor_id(actor.code, actor.name, actor.title, actor.text),
        }
        for ev in analysis.events
        for role in EVENT_ROLES
        for i, actor in enumerate(getattr(ev, role))
    ]
    return {
        "articles": [article],
        "entities": [{"article_id": a.id, "seq": i, **asdict(e)} for i, e in enumerate(analysis.entities)],
        "events": events,
        "event_actors": actors,
        "quotes": [
            {
                "article_id": a.id,
                **{k: v for k, v in asdict(q).items() if k != "speaker"},
                **_speaker_columns(q.speaker),
            }
            for q in analysis.quotes
        ],
    }


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")  # UTC, written with Z (docs/conventions.md)


def _speaker_columns(actor: Actor | None) -> dict[str, str | None]:
    return {f"speaker_{k}": v for k, v in actor_row(actor).items()}
