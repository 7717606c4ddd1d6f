"""Read-side queries over the store, shared by the CLI and the web UI. Every filter is a bound parameter."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from typing import Any

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
ACTOR_BATCH = 500  # articles whose event actors one query reads
STATUSES = ("occurred", "reported", "planned", "hypothetical", "denied", "negated")
# Membership tests are written `(e.article_id, e.id) IN (SELECT ...)`: SQLite builds the set once
# (from the event_actors_code index where a code is given), several times faster than EXISTS per event.
CLAIM_WHERE = (
    "(e.status IN ('reported', 'denied') OR (e.article_id, e.id) IN "
    "(SELECT x.article_id, x.event_id FROM event_actors x WHERE x.role = 'disputed_by'))"
)


@dataclass
class EventFilter:
    type: str | None = None
    actor: str | None = None  # country/IGO code on either side
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None
    status: str | None = None
    article: str | None = None
    text: str | None = None  # words in the evidence sentence
    claims_only: bool = False  # only events reported on someone's word, denied or disputed
    limit: int = 100
    offset: int = 0


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("articles", "entities", "events", "quotes")
    }


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its own % and _ taken literally (use with ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _fts_phrases(search: str) -> str:
    """Free text as an FTS5 query that cannot be a syntax error: every word a quoted phrase."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in search.split())


def _articles_sql(search: str | None, columns: str, tail: str) -> tuple[str, str]:
    if search:
        return (
            f"SELECT {columns} FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
            f"WHERE articles_fts MATCH ? {tail}"
        ), search
    return f"SELECT {columns} FROM articles a {tail}", ""


def _fts_execute(conn: sqlite3.Connection, sql: str, search: str, args: tuple[Any, ...]) -> list[sqlite3.Row]:
    """Run an FTS query as the user wrote it (`Sullivan AND Rome`); if FTS5 cannot parse it, as plain words."""
    if not search:
        return conn.execute(sql, args).fetchall()
    try:
        return conn.execute(sql, (search, *args)).fetchall()
    except sqlite3.OperationalError:  # fts5: syntax error, unterminated string, no such column, ...
        phrases = _fts_phrases(search)
        return conn.execute(sql, (phrases, *args)).fetchall() if phrases else []


def articles(
    conn: sqlite3.Connection, search: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Stored articles, newest first; `search` is an FTS5 query over title and text."""
    cols = (
        "a.id, a.published, a.source, a.title, a.language, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes"
    )
    order = "ORDER BY rank" if search else "ORDER BY a.published DESC, a.id"
    sql, search = _articles_sql(search, cols, f"{order} LIMIT ? OFFSET ?")
    return [dict(r) for r in _fts_execute(conn, sql, search, (limit, offset))]


def count_articles(conn: sqlite3.Connection, search: str | None = None) -> int:
    sql, search = _articles_sql(search, "count(*)", "")
    rows = _fts_execute(conn, sql, search, ())
    return rows[0][0] if rows else 0


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    record = dict(row)
    for key in ("authors", "slug_keywords", "keywords", "extra"):
        record[key] = json.loads(record[key])
    return record


def entities(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    """The entities of one article in text order, with offsets into its text."""
    return [
        dict(r)
        for r in conn.execute(
            'SELECT text, label, start, "end", name, code, sector FROM entities WHERE article_id = ? '
            "ORDER BY start, seq",
            (article_id,),
        )
    ]


def _actors_by_event(conn: sqlite3.Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """{(article_id, event_id): {role: [actor dicts]}} for the given events, read by article (indexed)
    a few hundred articles per query."""
    found: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {k: {} for k in keys}
    article_ids = list(dict.fromkeys(a for a, _ in keys))
    for first in range(0, len(article_ids), ACTOR_BATCH):
        batch = article_ids[first : first + ACTOR_BATCH]
        for r in conn.execute(
            f"SELECT * FROM event_actors WHERE article_id IN ({', '.join('?' * len(batch))}) "
            "ORDER BY article_id, event_id, role, seq",
            batch,
        ):
            key = (r["article_id"], r["event_id"])
            if key in found:
                found[key].setdefault(r["role"], []).append(
                    {k: r[k] for k in ("text", "name", "code", "sector", "title")}
                )
    return found


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """The filter as SQL conditions on events `e` (never empty: "1" when nothing is asked) and their arguments."""
    where: list[str] = []
    args: list[Any] = []
    for column, value in (("e.type", f.type and f.type.upper()), ("e.status", f.status), ("e.article_id", f.article)):
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
        where.append(
            "(e.article_id, e.id) IN (SELECT x.article_id, x.event_id FROM event_actors x "
            "WHERE x.code = ? AND x.role IN ('source', 'target'))"
        )
        args.append(f.actor.upper())
    if f.claims_only:
        where.append(CLAIM_WHERE)
    if f.text:
        where.append("e.sentence LIKE ? ESCAPE '\\'")
        args.append(like_pattern(f.text))
    return " AND ".join(where) or "1", args


def events(conn: sqlite3.Connection, f: EventFilter) -> list[dict[str, Any]]:
    """Events matching the filter, with their actors, newest event date first (undated last)."""
    where, args = event_where(f)
    sql = (
        "SELECT e.*, a.title AS article_title, a.published AS article_published FROM events e "
        f"JOIN articles a ON a.id = e.article_id WHERE {where} "
        "ORDER BY e.date DESC, e.article_id, e.start LIMIT ? OFFSET ?"
    )  # events_date gives the order
    rows = [dict(r) for r in conn.execute(sql, (*args, f.limit, f.offset))]
    actors = _actors_by_event(conn, [(r["article_id"], r["id"]) for r in rows])
    for r in rows:
        roles = actors[(r["article_id"], r["id"])]
        for role in ("source", "target", "attributed_to", "disputed_by"):
            r[role] = roles.get(role, [])
        r["context"] = json.loads(r["context"])
    return rows


def count_events(conn: sqlite3.Connection, f: EventFilter) -> int:
    """How many events match the filter (its limit and offset aside): for paging."""
    where, args = event_where(f)
    return conn.execute(f"SELECT count(*) FROM events e WHERE {where}", args).fetchone()[0]


def _quote_where(speaker: str | None, article_id: str | None, text: str | None) -> tuple[str, list[Any]]:
    where, args = [], []
    if speaker:
        where.append("(q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_text LIKE ? ESCAPE '\\')")
        args += [like_pattern(speaker)] * 2
    if article_id:
        where.append("q.article_id = ?")
        args.append(article_id)
    if text:
        where.append("q.text LIKE ? ESCAPE '\\'")
        args.append(like_pattern(text))
    return " AND ".join(where) or "1", args


def quotes(
    conn: sqlite3.Connection,
    speaker: str | None = None,
    article_id: str | None = None,
    limit: int = 100,
    offset: int = 0,
    text: str | None = None,
) -> list[dict[str, Any]]:
    """Quotes, optionally by speaker (a word of the name or description), article or words quoted."""
    where, args = _quote_where(speaker, article_id, text)
    sql = (
        "SELECT q.*, a.title AS article_title, a.published AS article_published FROM quotes q "
        f"JOIN articles a ON a.id = q.article_id WHERE {where} "
        "ORDER BY a.published DESC, q.article_id, q.start LIMIT ? OFFSET ?"
    )
    return [dict(r) for r in conn.execute(sql, (*args, limit, offset))]


def count_quotes(
    conn: sqlite3.Connection, speaker: str | None = None, article_id: str | None = None, text: str | None = None
) -> int:
    where, args = _quote_where(speaker, article_id, text)
    return conn.execute(f"SELECT count(*) FROM quotes q WHERE {where}", args).fetchone()[0]


def speakers(conn: sqlite3.Connection, limit: int = 50) -> list[dict[str, Any]]:
    """Who is quoted most: the resolved name (else the description), code and number of quotes."""
    return [
        dict(r)
        for r in conn.execute(
            "SELECT coalesce(speaker_name, speaker_text) AS speaker, max(speaker_code) AS code, "
            "count(*) AS quotes, count(DISTINCT article_id) AS articles FROM quotes "
            "WHERE coalesce(speaker_name, speaker_text) IS NOT NULL GROUP BY 1 ORDER BY quotes DESC, speaker LIMIT ?",
            (limit,),
        )
    ]


def quotes_by_speaker(conn: sqlite3.Connection, names: list[str], per_speaker: int = 3) -> dict[str, list[dict]]:
    """The latest quotes of each speaker named as `speakers` names them (resolved name, else description)."""
    found: dict[str, list[dict[str, Any]]] = {}
    sql = (
        "SELECT q.*, a.title AS article_title, a.published AS article_published FROM quotes q "
        "JOIN articles a ON a.id = q.article_id WHERE {} ORDER BY a.published DESC, q.article_id, q.start LIMIT ?"
    )
    for name in names:  # one indexed query per speaker: cheaper than ranking every quote
        rows = (
            conn.execute(sql.format("q.speaker_name = ?"), (name, per_speaker)).fetchall()
            or conn.execute(sql.format("q.speaker_name IS NULL AND q.speaker_text = ?"), (name, per_speaker)).fetchall()
        )
        found[name] = [dict(r) for r in rows]
    return found


def claims(conn: sqlite3.Connection, f: EventFilter) -> list[dict[str, Any]]:
    """Events that rest on someone's word or that someone disputes, with who reports and who disputes."""
    return events(conn, replace(f, claims_only=True))


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the store holds: row counts, events by type and status, claims, and the span of event dates."""
    first, last = conn.execute("SELECT min(date), max(date) FROM events").fetchone()
    by_status = dict(conn.execute("SELECT status, count(*) FROM events GROUP BY status ORDER BY 2 DESC"))
    disputed_only = conn.execute(  # disputed events not already counted as reported or denied
        "SELECT count(*) FROM (SELECT DISTINCT x.article_id, x.event_id FROM event_actors x JOIN events e "
        "ON e.article_id = x.article_id AND e.id = x.event_id "
        "WHERE x.role = 'disputed_by' AND e.status NOT IN ('reported', 'denied'))"
    ).fetchone()[0]
    return {
        "counts": counts(conn),
        "events_by_type": dict(conn.execute("SELECT type, count(*) FROM events GROUP BY type ORDER BY 2 DESC")),
        "events_by_status": by_status,
        "claims": by_status.get("reported", 0) + by_status.get("denied", 0) + disputed_only,
        "first_date": first,
        "last_date": last,
    }
