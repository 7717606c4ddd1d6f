"""The linker the store calls inside its write transaction: copies of stored articles are recorded,
not stored; a new article's events join story events and the article joins a story.

It keeps the in-memory LSH index of the stored texts and writes only the linking tables
(article_signatures, duplicates, article_links, story_*); the store owns the articles and their
analyses and hands the linker its connection. The linker never imports the store (docs/design.md).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from datasketch import LeanMinHash

from ..model import Article
from . import dedup, stories


@dataclass
class Lookup:
    """What the stored texts say about a new one: the article it copies, if any, and its near matches."""

    original: dedup.Match | None  # the stored article this text copies
    kind: str  # exact | near
    signature: LeanMinHash | None = None
    matches: list[dedup.Match] = field(default_factory=list)


class Linker:
    """Finds copies (the same text, or at least `dedup_threshold` of its word 3-grams) and similar
    articles (`similar_threshold`), and links stored articles into story events and stories."""

    def __init__(
        self, dedup_threshold: float = dedup.DEFAULT_DUPLICATE, similar_threshold: float = dedup.DEFAULT_SIMILAR
    ) -> None:
        self._thresholds = (dedup_threshold, similar_threshold)
        dedup.SimilarityIndex(*self._thresholds)  # refuse bad thresholds now, not at the first write
        self._index: dedup.SimilarityIndex | None = None  # built at the first write

    def discard_index(self) -> None:
        """The index saw writes that were rolled back: rebuild it from the store at next use."""
        self._index = None

    def index(self, conn: sqlite3.Connection) -> dedup.SimilarityIndex:
        """The LSH index of the stored articles and their near copies, rebuilt from their
        signatures at first use (an article's signature missing or made with other parameters
        is computed again; a copy's text is gone, so such a copy is left out)."""
        if self._index is None:
            self._index = dedup.SimilarityIndex(*self._thresholds)
            rows = conn.execute(
                "SELECT a.id, a.text, s.signature FROM articles a "
                "LEFT JOIN article_signatures s ON s.article_id = a.id ORDER BY a.rowid"
            )
            for article_id, text, blob in rows:
                sig = dedup.from_blob(blob) if blob else None
                if sig is None:
                    sig = dedup.signature(text)
                    conn.execute(
                        "INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?, ?)",
                        (article_id, dedup.to_blob(sig)),
                    )
                self._index.add(article_id, sig)
            for copy_id, original, blob in conn.execute(
                "SELECT id, duplicate_of, signature FROM duplicates WHERE signature IS NOT NULL"
            ):
                if sig := dedup.from_blob(blob):
                    self._index.add(copy_id, sig, original=original)
        return self._index

    def lookup(self, conn: sqlite3.Connection, article: Article, digest: str) -> Lookup:
        """Exact copies by text hash (no LSH needed), else the LSH index's near matches."""
        exact = conn.execute(
            "SELECT id FROM articles WHERE text_hash = ? AND id != ? LIMIT 1", (digest, article.id)
        ).fetchone()
        if exact:
            return Lookup(dedup.Match(exact[0], 1.0), "exact")
        index = self.index(conn)
        sig = dedup.signature(article.text)
        matches = [m for m in index.matches(sig) if m.article_id != article.id]
        return Lookup(index.duplicate_of(matches), "near", sig, matches)

    def forget(self, conn: sqlite3.Connection, article_id: str) -> set[int]:
        """Before a stored article or recorded copy gets a new text: the copy's record goes (the
        store deletes an article itself); returns the story events to refresh afterwards."""
        index = self.index(conn)
        row = conn.execute("SELECT duplicate_of FROM duplicates WHERE id = ?", (article_id,)).fetchone()
        index.remove(article_id)
        if row:
            conn.execute("DELETE FROM duplicates WHERE id = ?", (article_id,))
            return stories.stories_of(conn, row[0])
        return stories.stories_of(conn, article_id)

    def record_copy(
        self, conn: sqlite3.Connection, article: Article, digest: str, found: Lookup, ingested_at: str
    ) -> None:
        """Record a copy of a stored article (not stored itself): its outlet told the original's events."""
        original = found.original.article_id
        conn.execute(
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
                ingested_at,
            ),
        )
        if found.signature:
            self.index(conn).add(article.id, found.signature, original=original)
        stories.add_copy(conn, original, article.id)

    def link_new(self, conn: sqlite3.Connection, article: Article, found: Lookup) -> None:
        """A newly stored article: keep its signature, then link it."""
        index = self.index(conn)
        conn.execute(
            "INSERT INTO article_signatures (article_id, signature) VALUES (?, ?)",
            (article.id, dedup.to_blob(found.signature)),
        )
        index.add(article.id, found.signature)
        similar = [m.article_id for m in found.matches if m.similarity >= index.similar]
        self._link(conn, article.id, article.source, article.url, similar)

    def refresh(self, conn: sqlite3.Connection, story_ids: set[int]) -> None:
        """Recompute the story events an old text told."""
        stories.refresh(conn, story_ids)

    def _link(
        self, conn: sqlite3.Connection, article_id: str, source: str | None, url: str | None, similar: list[str]
    ) -> None:
        """Link a stored article's events into story events and the article into a story."""
        conn.execute(
            "INSERT INTO article_links (article_id, outlet) VALUES (?, ?)", (article_id, stories.outlet(source, url))
        )
        stories.link_article(conn, article_id)
        stories.assign_story(conn, article_id, similar)

    def relink(self, conn: sqlite3.Connection) -> dict[str, int]:
        """Rebuild story events and stories from the stored articles, in the order they were
        stored (as ingest would have linked them). Copies stay as recorded: their texts are gone.
        Call inside a transaction."""
        self._index = None
        index = self.index(conn)
        conn.execute("DELETE FROM story_events")
        conn.execute("DELETE FROM article_links")
        earlier: set[str] = set()
        for article_id, source, url in conn.execute("SELECT id, source, url FROM articles ORDER BY rowid").fetchall():
            sig = index.signature_of(article_id)
            similar = [m.article_id for m in index.matches(sig) if m.article_id in earlier]
            self._link(conn, article_id, source, url, similar)
            earlier.add(article_id)
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "duplicates", "story_events", "story_mentions")
        } | {"stories": conn.execute("SELECT count(DISTINCT story_id) FROM article_links").fetchone()[0]}
