"""Read-side queries over the store, shared by the CLI and the web UI. Every filter is a bound parameter."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from typing import Any


@dataclass
class EventFilter:
    type: str | None = None
    actor: str | None = None      # country/IGO code on either side
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None
    status: str | None = None
    article: str | None = None
    text: str | None = None       # words in the evidence sentence
    claims_only: bool = False     # only events reported on someone's word, denied or disputed
    limit: int = 100
    offset: int = 0


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
            for table in ("articles", "entities", "events", "quotes")}


def articles(conn: sqlite3.Connection, search: str | None = None, limit: int = 100,
             offset: int = 0) -> list[dict[str, Any]]:
    """Stored articles, newest first; `search` is an FTS5 query over title and text."""
    cols = ("a.id, a.published, a.source, a.title, a.language, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events, "
            "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes")
    if search:
        sql = (f"SELECT {cols} FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
               "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?")
        args: tuple[Any, ...] = (search, limit, offset)
    else:
        sql = f"SELECT {cols} FROM articles a ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?"
        args = (limit, offset)
    return [dict(r) for r in conn.execute(sql, args)]


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    record = dict(row)
    for key in ("authors", "slug_keywords", "keywords", "extra"):
        record[key] = json.loads(record[key])
    return record


def _actors_by_event(conn: sqlite3.Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """{(article_id, event_id): {role: [actor dicts]}} for the given events."""
    found: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {k: {} for k in keys}
    for article_id in {a for a, _ in keys}:
        for r in conn.execute("SELECT * FROM event_actors WHERE article_id = ? ORDER BY event_id, role, seq",
                              (article_id,)):
            key = (r["article_id"], r["event_id"])
            if key in found:
                found[key].setdefault(r["role"], []).append(
                    {k: r[k] for k in ("text", "name", "code", "sector", "title")})
    return found


def events(conn: sqlite3.Connection, f: EventFilter) -> list[dict[str, Any]]:
    """Events matching the filter, with their actors, newest first."""
    where, args = [], []
    for column, value in (("e.type", f.type and f.type.upper()), ("e.status", f.status),
                          ("e.article_id", f.article)):
        if value:
            where.append(f"{column} = ?")
            args.append(value)
    if f.date_from:
        where.append("e.date >= ?")
        args.append(f.date_from)
    if f.date_to:
        where.append("e.date <= ?")
        args.append(f.date_to)
    if f.actor:
        where.append("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id "
                     "AND x.event_id = e.id AND x.role IN ('source', 'target') AND x.code = ?)")
        args.append(f.actor.upper())
    if f.claims_only:
        where.append("(e.status IN ('reported', 'denied') OR EXISTS (SELECT 1 FROM event_actors x "
                     "WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = 'disputed_by'))")
    if f.text:
        where.append("e.sentence LIKE ? ESCAPE '\\'")
        args.append("%" + f.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    sql = ("SELECT e.*, a.title AS article_title, a.published AS article_published FROM events e "
           "JOIN articles a ON a.id = e.article_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY coalesce(e.date, a.published) DESC, e.article_id, e.start LIMIT ? OFFSET ?")
    rows = [dict(r) for r in conn.execute(sql, (*args, f.limit, f.offset))]
    actors = _actors_by_event(conn, [(r["article_id"], r["id"]) for r in rows])
    for r in rows:
        roles = actors[(r["article_id"], r["id"])]
        for role in ("source", "target", "attributed_to", "disputed_by"):
            r[role] = roles.get(role, [])
        r["context"] = json.loads(r["context"])
    return rows


def quotes(conn: sqlite3.Connection, speaker: str | None = None, article_id: str | None = None,
           limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Quotes, optionally by speaker (a word of the name or description) or article."""
    where, args = [], []
    if speaker:
        where.append("(q.speaker_name LIKE ? OR q.speaker_text LIKE ?)")
        args += [f"%{speaker}%"] * 2
    if article_id:
        where.append("q.article_id = ?")
        args.append(article_id)
    sql = ("SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY a.published DESC, q.article_id, q.start LIMIT ? OFFSET ?")
    return [dict(r) for r in conn.execute(sql, (*args, limit, offset))]


def claims(conn: sqlite3.Connection, f: EventFilter) -> list[dict[str, Any]]:
    """Events that rest on someone's word or that someone disputes, with who reports and who disputes."""
    return events(conn, replace(f, claims_only=True))
