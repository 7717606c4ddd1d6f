"""The SQLite store: schema, idempotent writes of analyses, one transaction per batch."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

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
        for table, rows in table_rows(analysis, digest).items():
            if rows:
                columns = list(rows[0])
                sql = (f"INSERT INTO {table} ({', '.join(f'[{c}]' for c in columns)}) "
                       f"VALUES ({', '.join('?' * len(columns))})")
                self.conn.executemany(sql, [tuple(r.values()) for r in rows])


def table_rows(analysis: Analysis, digest: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """An analysis as rows of the store's tables (parents first): one shape for SQLite and Parquet."""
    a = analysis.article
    article = {k: v for k, v in a.to_dict().items()}
    for key in ("authors", "slug_keywords", "keywords"):
        article[key] = json.dumps(article[key], ensure_ascii=False)
    article["extra"] = json.dumps(article["extra"], ensure_ascii=False)
    article.update(text_hash=digest or text_hash(a.text), origin=a.origin,
                   ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    events, actors = [], []
    for ev in analysis.events:
        loc = ev.location
        row = {k: v for k, v in asdict(ev).items() if k not in (*ACTOR_ROLES, "location")}
        row.update(article_id=a.id, context=json.dumps(ev.context), location_text=loc and loc.text,
                   location_name=loc and loc.name, location_code=loc and loc.code,
                   lat=loc and loc.lat, lon=loc and loc.lon)
        events.append(row)
        actors += [{"article_id": a.id, "event_id": ev.id, "role": role, "seq": i, **asdict(actor)}
                   for role in ACTOR_ROLES for i, actor in enumerate(getattr(ev, role))]
    return {
        "articles": [article],
        "entities": [{"article_id": a.id, "seq": i, **asdict(e)} for i, e in enumerate(analysis.entities)],
        "events": events,
        "event_actors": actors,
        "quotes": [{"article_id": a.id, **{k: v for k, v in asdict(q).items() if k != "speaker"},
                    **_speaker_columns(q.speaker)} for q in analysis.quotes],
    }


def _speaker_columns(actor: Actor | None) -> dict[str, str | None]:
    fields = ("text", "name", "code", "sector", "title")
    d = asdict(actor) if actor else {}
    return {f"speaker_{k}": d.get(k) for k in fields}
