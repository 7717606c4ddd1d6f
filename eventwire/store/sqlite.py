"""The SQLite store: schema, idempotent writes of analyses, one transaction per batch."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

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
    stored: int = 0     # new articles
    replaced: int = 0   # same id, new text: analysis replaced
    unchanged: int = 0  # same id, same text: skipped

    def add(self, other: BatchResult) -> None:
        self.stored += other.stored
        self.replaced += other.replaced
        self.unchanged += other.unchanged


class Store:
    """Writes analyses into one SQLite file; safe to kill at any point (each batch is atomic)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.conn = connect(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def is_unchanged(self, article: Article) -> bool:
        """True when the article is stored already with the same text: no need to analyse it again."""
        row = self.conn.execute("SELECT text_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
        return row is not None and row[0] == text_hash(article.text)

    def write(self, analyses: Iterable[Analysis]) -> BatchResult:
        """Store a batch in one transaction: all of it lands or none of it does."""
        result = BatchResult()
        with self.conn:
            for analysis in analyses:
                self._write_one(analysis, result)
        return result

    def _write_one(self, analysis: Analysis, result: BatchResult) -> None:
        article = analysis.article
        digest = text_hash(article.text)
        row = self.conn.execute("SELECT text_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
        if row is not None and row[0] == digest:
            result.unchanged += 1
            return
        if row is not None:
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
            result.replaced += 1
        else:
            result.stored += 1
        self._insert(analysis, digest)

    def _insert(self, analysis: Analysis, digest: str) -> None:
        a = analysis.article
        self.conn.execute(
            "INSERT INTO articles (id, title, source, url, published, published_from, authors, "
            "slug_keywords, language, section, keywords, extra, text, text_hash, origin, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.title, a.source, a.url, a.published, a.published_from, json.dumps(a.authors),
             json.dumps(a.slug_keywords), a.language, a.section, json.dumps(a.keywords),
             json.dumps(a.extra, ensure_ascii=False), a.text, digest, a.origin,
             datetime.now(timezone.utc).isoformat(timespec="seconds")))
        self.conn.executemany(
            'INSERT INTO entities (article_id, seq, text, label, start, "end", name, code, sector) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.id, i, e.text, e.label, e.start, e.end, e.name, e.code, e.sector)
             for i, e in enumerate(analysis.entities)])
        for ev in analysis.events:
            loc = ev.location
            self.conn.execute(
                "INSERT INTO events (article_id, id, type, mode, context, date, date_precision, date_text, "
                "location_text, location_name, location_code, lat, lon, status, trigger, sentence, start, "
                '"end", trigger_start, trigger_end, confidence) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, ev.id, ev.type, ev.mode, json.dumps(ev.context), ev.date, ev.date_precision,
                 ev.date_text, loc and loc.text, loc and loc.name, loc and loc.code, loc and loc.lat,
                 loc and loc.lon, ev.status, ev.trigger, ev.sentence, ev.start, ev.end,
                 ev.trigger_start, ev.trigger_end, ev.confidence))
            self.conn.executemany(
                "INSERT INTO event_actors (article_id, event_id, role, seq, text, name, code, sector, title) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(a.id, ev.id, role, i, actor.text, actor.name, actor.code, actor.sector, actor.title)
                 for role in ACTOR_ROLES for i, actor in enumerate(getattr(ev, role))])
        self.conn.executemany(
            'INSERT INTO quotes (article_id, id, kind, text, cue, start, "end", speaker_text, speaker_name, '
            "speaker_code, speaker_sector, speaker_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.id, q.id, q.kind, q.text, q.cue, q.start, q.end, *_speaker_columns(q.speaker))
             for q in analysis.quotes])


def _speaker_columns(actor: Actor | None) -> tuple[str | None, ...]:
    if actor is None:
        return (None,) * 5
    d = asdict(actor)
    return tuple(d[k] for k in ("text", "name", "code", "sector", "title"))
