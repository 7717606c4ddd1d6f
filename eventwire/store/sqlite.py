"""The SQLite store: schema, idempotent writes of analyses, one transaction per batch."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from datasketch import LeanMinHash

from ..link import dedup, stories
from ..model import Actor, Analysis, Article
from ..readers.common import text_hash

SCHEMA = Path(__file__).with_name("schema.sql")
ACTOR_ROLES = ("source", "target", "attributed_to", "disputed_by")


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the schema in place (writer) or a read-only one (web UI, queries)."""
    if readonly:
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.executescript(SCHEMA.read_text(encoding="utf-8"))
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


@dataclass
class BatchResult:
    stored: int = 0  # new articles
    replaced: int = 0  # same id, new text: analysis replaced
    unchanged: int = 0  # same id, same text: skipped
    duplicates: int = 0  # copies of stored articles (same or nearly the same text): recorded, no events
    link_seconds: float = 0.0  # CPU time spent finding copies and linking (this thread's: other load aside)

    def add(self, other: BatchResult) -> None:
        self.stored += other.stored
        self.replaced += other.replaced
        self.unchanged += other.unchanged
        self.duplicates += other.duplicates
        self.link_seconds += other.link_seconds


@dataclass
class _Lookup:
    original: dedup.Match | None  # the stored article this text copies
    kind: str  # exact | near
    signature: LeanMinHash | None = None
    matches: list[dedup.Match] = field(default_factory=list)


class Store:
    """Writes analyses into one SQLite file; safe to kill at any point (each batch is atomic).

    Each write also links: a copy of a stored article (same text, or at least `dedup_threshold`
    of its word 3-grams) is recorded in `duplicates` instead of being stored again; the events of
    a new article join the story events they tell again, and the article joins a story (an
    article sharing `similar_threshold` of its 3-grams, or story events, with it)."""

    def __init__(
        self,
        path: str | Path,
        dedup_threshold: float = dedup.DEFAULT_DUPLICATE,
        similar_threshold: float = dedup.DEFAULT_SIMILAR,
    ) -> None:
        self.path = Path(path)
        self.conn = connect(self.path)
        self._writer_thread = threading.get_ident()
        self._readers = threading.local()
        self._thresholds = (dedup_threshold, similar_threshold)
        dedup.SimilarityIndex(*self._thresholds)  # refuse bad thresholds now, not at the first write
        self._index: dedup.SimilarityIndex | None = None  # built at the first write

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
        """Store a batch in one transaction: all of it lands or none of it does."""
        result = BatchResult()
        with self._transaction():
            for analysis in analyses:
                self._write_one(analysis, result)
        return result

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            with self.conn:
                yield
        except BaseException:
            self._index = None  # the index saw writes that were rolled back: rebuild it from the store
            raise

    def _write_one(self, analysis: Analysis, result: BatchResult) -> None:
        article = analysis.article
        digest = text_hash(article.text)
        old = self._stored_hash(article.id)
        if old == digest:
            result.unchanged += 1
            return
        started, storing = time.thread_time(), 0.0
        touched = self._forget(article.id) if old is not None else set()
        found = self._lookup(article, digest)
        if found.original:
            self._record_copy(article, digest, found)
            result.duplicates += 1
        else:
            storing = time.thread_time()
            self._insert(analysis, digest)
            storing = time.thread_time() - storing  # storing the analysis itself is not linking
            self.conn.execute(
                "INSERT INTO article_signatures (article_id, signature) VALUES (?, ?)",
                (article.id, dedup.to_blob(found.signature)),
            )
            self.index.add(article.id, found.signature)
            self._link(
                article.id,
                article.source,
                article.url,
                [m.article_id for m in found.matches if m.similarity >= self.index.similar],
            )
            result.replaced += old is not None
            result.stored += old is None
        stories.refresh(self.conn, touched)  # those the old text told
        result.link_seconds += time.thread_time() - started - storing

    def copy_of(self, article: Article) -> str | None:
        """The stored article this one is a copy of (the same or nearly the same text under
        another id), else None. A copy's events are never kept, so a caller may skip analysing
        it and write `Analysis(article)` alone."""
        found = self._lookup(article, text_hash(article.text))
        return found.original.article_id if found.original else None

    def _lookup(self, article: Article, digest: str) -> _Lookup:
        """Exact copies by text hash (no LSH needed), else the LSH index's near matches."""
        exact = self.conn.execute(
            "SELECT id FROM articles WHERE text_hash = ? AND id != ? LIMIT 1", (digest, article.id)
        ).fetchone()
        if exact:
            return _Lookup(dedup.Match(exact[0], 1.0), "exact")
        sig = dedup.signature(article.text)
        matches = [m for m in self.index.matches(sig) if m.article_id != article.id]
        return _Lookup(self.index.duplicate_of(matches), "near", sig, matches)

    @property
    def index(self) -> dedup.SimilarityIndex:
        """The LSH index of the stored articles and their near copies, rebuilt from their
        signatures at first use (an article's signature missing or made with other parameters
        is computed again; a copy's text is gone, so such a copy is left out)."""
        if self._index is None:
            self._index = dedup.SimilarityIndex(*self._thresholds)
            rows = self.conn.execute(
                "SELECT a.id, a.text, s.signature FROM articles a "
                "LEFT JOIN article_signatures s ON s.article_id = a.id ORDER BY a.rowid"
            )
            for article_id, text, blob in rows:
                sig = dedup.from_blob(blob) if blob else None
                if sig is None:
                    sig = dedup.signature(text)
                    self.conn.execute(
                        "INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?, ?)",
                        (article_id, dedup.to_blob(sig)),
                    )
                self._index.add(article_id, sig)
            for copy_id, original, blob in self.conn.execute(
                "SELECT id, duplicate_of, signature FROM duplicates WHERE signature IS NOT NULL"
            ):
                if sig := dedup.from_blob(blob):
                    self._index.add(copy_id, sig, original=original)
        return self._index

    def _forget(self, article_id: str) -> set[int]:
        """Remove a stored article (its copies and events go with it) or a recorded copy, before
        its new text is written; returns the story events to recompute."""
        row = self.conn.execute("SELECT duplicate_of FROM duplicates WHERE id = ?", (article_id,)).fetchone()
        if row:
            self.conn.execute("DELETE FROM duplicates WHERE id = ?", (article_id,))
            self.index.remove(article_id)
            return stories.stories_of(self.conn, row[0])
        touched = stories.stories_of(self.conn, article_id)
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.index.remove(article_id)
        return touched

    def _record_copy(self, article: Article, digest: str, found: _Lookup) -> None:
        original = found.original.article_id
        self.conn.execute(
            "INSERT INTO duplicates (id, duplicate_of, kind, similarity, title, source, url, published, outlet, "
            "origin, text_hash, signature, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                original,
                found.kind,
                round(found.original.similarity, 4),
                article.title,
                article.source,
                article.url,
                article.published,
                stories.outlet(article.source, article.url),
                article.origin,
                digest,
                found.signature and dedup.to_blob(found.signature),
                _now(),
            ),
        )
        if found.signature:
            self.index.add(article.id, found.signature, original=original)
        stories.add_copy(self.conn, original, article.id)

    def _link(self, article_id: str, source: str | None, url: str | None, similar: list[str]) -> None:
        """Link a stored article's events into story events and the article into a story."""
        self.conn.execute(
            "INSERT INTO article_links (article_id, outlet) VALUES (?, ?)", (article_id, stories.outlet(source, url))
        )
        stories.link_article(self.conn, article_id)
        stories.assign_story(self.conn, article_id, similar)

    def relink(self) -> dict[str, int]:
        """Rebuild story events and stories from the stored articles, in the order they were
        stored (as ingest would have linked them). Copies stay as recorded: their texts are gone."""
        self._index = None
        with self._transaction():
            index = self.index
            self.conn.execute("DELETE FROM story_events")
            self.conn.execute("DELETE FROM article_links")
            earlier: set[str] = set()
            for article_id, source, url in self.conn.execute(
                "SELECT id, source, url FROM articles ORDER BY rowid"
            ).fetchall():
                sig = index.signature_of(article_id)
                similar = [m.article_id for m in index.matches(sig) if m.article_id in earlier]
                self._link(article_id, source, url, similar)
                earlier.add(article_id)
        return {
            table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "duplicates", "story_events", "story_mentions")
        } | {"stories": self.conn.execute("SELECT count(DISTINCT story_id) FROM article_links").fetchone()[0]}

    def _insert(self, analysis: Analysis, digest: str) -> None:
        for table, rows in table_rows(analysis, digest).items():
            if rows:
                columns = list(rows[0])
                sql = (
                    f"INSERT INTO {table} ({', '.join(f'[{c}]' for c in columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})"
                )
                self.conn.executemany(sql, [tuple(r.values()) for r in rows])


def table_rows(analysis: Analysis, digest: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """An analysis as rows of the store's tables (parents first): one shape for SQLite and Parquet."""
    a = analysis.article
    article = a.to_dict()
    for key in ("authors", "slug_keywords", "keywords"):
        article[key] = json.dumps(article[key], ensure_ascii=False)
    article["extra"] = json.dumps(article["extra"], ensure_ascii=False)
    article.update(text_hash=digest or text_hash(a.text), origin=a.origin, ingested_at=_now())
    events, actors = [], []
    for ev in analysis.events:
        loc = ev.location
        row = {k: v for k, v in asdict(ev).items() if k not in (*ACTOR_ROLES, "location")}
        row.update(
            article_id=a.id,
            context=json.dumps(ev.context),
            location_text=loc and loc.text,
            location_name=loc and loc.name,
            location_code=loc and loc.code,
            lat=loc and loc.lat,
            lon=loc and loc.lon,
        )
        events.append(row)
        actors += [
            {"article_id": a.id, "event_id": ev.id, "role": role, "seq": i, **asdict(actor)}
            for role in ACTOR_ROLES
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
    return datetime.now(UTC).isoformat(timespec="seconds")


def _speaker_columns(actor: Actor | None) -> dict[str, str | None]:
    fields = ("text", "name", "code", "sector", "title")
    d = asdict(actor) if actor else {}
    return {f"speaker_{k}": d.get(k) for k in fields}
