"""The read side of the store: every query the CLI and the web UI make, beside the schema they read
(docs/design.md). Functions of a connection and a filter returning dicts; every filter is a bound parameter."""

from __future__ import annotations

import json
import re
import sqlite3
from calendar import monthrange
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..extract.types import body_codes
from ..link.stories import MUTUAL_TYPES, pairs, shifted_day, sides
from ..model import EVENT_ROLES, actor_record
from .actor_names import display_name
from .bodies import SEPARATOR, code_of

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
DATE_SHAPE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
ACTOR_BATCH = 500  # articles whose event actors one query reads
MAX_ARTICLE_ROWS = 10_000  # events or quotes of one article: far above any real article
STATUSES = ("occurred", "reported", "planned", "hypothetical", "denied", "negated")
# Membership tests are written `(e.article_id, e.id) IN (SELECT ...)`: SQLite builds the set once
# (from the event_actors_code index where a code is given), several times faster than EXISTS per event.
CLAIM_WHERE = (
    "(e.status IN ('reported', 'denied') OR (e.article_id, e.id) IN "
    "(SELECT x.article_id, x.event_id FROM event_actors x WHERE x.role = 'disputed_by'))"
)


@dataclass
class EventFilter:
    """What the query commands and the API filter events by; several values of one field mean either
    (store/filters.py reads and checks them)."""

    type: tuple[str, ...] = ()  # PLOVER types
    actor: tuple[str, ...] = ()  # actor ids on either side (USA, IGO:nato); IGO or NGO alone: every such body
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None
    status: tuple[str, ...] = ()
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()  # any of these in the event's context list
    article: str | None = None
    text: str | None = None  # words in the evidence sentence
    place: str | None = None  # ISO3 code of the country where events happened
    claims_only: bool = False  # only events reported on someone's word, denied or disputed
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        """One value given as a string is that value alone (`EventFilter(type="CONSULT")`)."""
        for name in ("type", "actor", "status", "mode", "context"):
            if isinstance(getattr(self, name), str):
                setattr(self, name, (getattr(self, name),))


def _dicts(conn: sqlite3.Connection, sql: str, args: tuple | list = ()) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, args)]


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
    words = search.replace("\x00", " ").split()  # FTS5 reads a NUL as the end of the query
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


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
    return _dicts(
        conn,
        'SELECT text, label, start, "end", name, code, sector FROM entities WHERE article_id = ? ORDER BY start, seq',
        (article_id,),
    )


def _actors_by_event(conn: sqlite3.Connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """{(article_id, event_id): {role: [actor dicts]}} for the given events, read by article (indexed)
    a few hundred articles per query; an actor standing for a named body has that body's name as `body`."""
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
                actor = actor_record(r)
                if SEPARATOR in (actor.get("actor_id") or ""):
                    actor["body"] = display_name(actor["actor_id"])
                found[key].setdefault(r["role"], []).append(actor)
    return found


def date_span(text: str) -> tuple[date, date]:
    """First and last day of YYYY, YYYY-MM or YYYY-MM-DD; ValueError when it is none of these or no
    such day exists (2025-13-45), with Python's reason. Date filters take in every day they name."""
    if not DATE_SHAPE.fullmatch(text):
        raise ValueError("not YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in text.split("-")]
    first = date(parts[0], *(parts[1:] + [1, 1])[:2])
    if len(parts) == 3:
        return first, first
    if len(parts) == 2:
        return first, first.replace(day=monthrange(first.year, first.month)[1])
    return first, first.replace(month=12, day=31)


def _next_day(iso: str) -> str:
    return shifted_day(date.fromisoformat(iso), 1).isoformat()


# The last day of an event's date span, by its precision: a month- or year-precise date is in a
# range only when its whole month or year is (docs/conventions.md).
DATE_END = (
    "CASE e.date_precision WHEN 'year' THEN substr(e.date, 1, 4) || '-12-31' "
    "WHEN 'month' THEN date(e.date, 'start of month', '+1 month', '-1 day') "
    "WHEN 'season' THEN date(e.date, 'start of month', '+3 months', '-1 day') ELSE e.date END"
)


def add_dates(f: EventFilter, column: str, where: list[str], args: list[Any]) -> None:
    """The filter's date range as conditions on `column` (ISO dates compare as text)."""
    for op, value in ((">=", f.date_from), ("<=", f.date_to)):
        if value:
            where.append(f"{column} {op} ?")
            args.append(value)


def _add_told_dates(f: EventFilter, first: str, last: str, article: str, where: list[str], args: list[Any]) -> None:
    """Events (or story events) whose date span, from `first` to `last`, lies in the filter's range, and
    undated ones whose article (`article`) was published in it: their story date (docs/conventions.md)."""
    if not (f.date_from or f.date_to):
        return
    dated, dated_args = [f"{first} IS NOT NULL"], []
    add_dates(replace(f, date_to=None), first, dated, dated_args)
    add_dates(replace(f, date_from=None), last, dated, dated_args)
    told, told_args = [], []
    add_dates(replace(f, date_to=None), "a.published", told, told_args)
    if f.date_to:
        told.append("a.published < ?")
        told_args.append(_next_day(f.date_to))
    where.append(
        f"(({' AND '.join(dated)}) OR ({first} IS NULL AND {article} IN "
        f"(SELECT a.id FROM articles a WHERE {' AND '.join(told)})))"
    )
    args += dated_args + told_args


def _any_of(column: str, values: tuple[str, ...], where: list[str], args: list[Any]) -> None:
    if values:
        where.append(f"{column} IN ({', '.join('?' * len(values))})")
        args += values


def _add_actors(actors: tuple[str, ...], where: list[str], args: list[Any]) -> None:
    """Events with any of these actors on a side: by id (a country's code, a named body's IGO:nato), or
    every body of a kind by its code alone (IGO)."""
    kinds = [a.upper() for a in actors if a.upper() in body_codes()]
    ids = [a if SEPARATOR in a else a.upper() for a in actors if a.upper() not in body_codes()]
    found = [
        f"SELECT x.article_id, x.event_id FROM event_actors x WHERE x.{column} IN ({', '.join('?' * len(values))}) "
        "AND x.role IN ('source', 'target')"
        for column, values in (("actor_id", ids), ("code", kinds))
        if values
    ]
    where.append(f"(e.article_id, e.id) IN ({' UNION '.join(found)})")
    args += ids + kinds


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """The filter as SQL conditions on events `e` (never empty: "1" when nothing is asked) and their arguments."""
    where: list[str] = []
    args: list[Any] = []
    _any_of("e.type", tuple(t.upper() for t in f.type), where, args)
    _any_of("e.status", f.status, where, args)
    _any_of("e.mode", f.mode, where, args)
    if f.article:
        where.append("e.article_id = ?")
        args.append(f.article)
    if f.place:
        where.append("e.location_code = ?")
        args.append(f.place.upper())
    _add_told_dates(f, "e.date", DATE_END, "e.article_id", where, args)
    if f.actor:
        _add_actors(f.actor, where, args)
    if f.context:
        where.append(
            f"EXISTS (SELECT 1 FROM json_each(e.context) c WHERE c.value IN ({', '.join('?' * len(f.context))}))"
        )
        args += f.context
    if f.claims_only:
        where.append(CLAIM_WHERE)
    if f.text:
        where.append("e.sentence LIKE ? ESCAPE '\\'")
        args.append(like_pattern(f.text))
    return " AND ".join(where) or "1", args


# An event's columns beside its own, as the events_flat view of schema.sql gives them (model.FLAT_EVENT_COLUMNS).
EVENT_EXTRAS = (
    "CASE WHEN e.date IS NULL THEN substr(a.published, 1, 10) END AS story_date, "
    "a.title AS article_title, a.published AS article_published, a.source AS article_outlet, a.url AS article_url, "
    "m.story_event_id, l.story_id, s.num_mentions AS story_mentions, s.num_articles AS story_articles, "
    "s.num_sources AS story_sources"
)


EVENT_ORDER = "e.date DESC, e.article_id, e.start"  # events_date gives the order
QUOTE_ORDER = "a.published DESC, q.article_id, q.start"


def events(conn: sqlite3.Connection, f: EventFilter, order: str = EVENT_ORDER) -> list[dict[str, Any]]:
    """Events matching the filter, with their actors, newest event date first (undated last) unless
    `order` (SQL from store/facets.py, never user text) says otherwise."""
    where, args = event_where(f)
    sql = (
        f"SELECT e.*, {EVENT_EXTRAS} FROM events e JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN story_mentions m ON m.article_id = e.article_id AND m.event_id = e.id "
        "LEFT JOIN story_events s ON s.id = m.story_event_id "
        f"LEFT JOIN article_links l ON l.article_id = e.article_id WHERE {where} "
        f"ORDER BY {order} LIMIT ? OFFSET ?"
    )
    rows = _dicts(conn, sql, (*args, f.limit, f.offset))
    actors = _actors_by_event(conn, [(r["article_id"], r["id"]) for r in rows])
    for r in rows:
        roles = actors[(r["article_id"], r["id"])]
        for role in EVENT_ROLES:
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
    order: str = QUOTE_ORDER,
) -> list[dict[str, Any]]:
    """Quotes, optionally by speaker (a word of the name or description), article or words quoted; newest
    first unless `order` (SQL from store/facets.py) says otherwise."""
    where, args = _quote_where(speaker, article_id, text)
    sql = (
        "SELECT q.*, a.title AS article_title, a.published AS article_published FROM quotes q "
        f"JOIN articles a ON a.id = q.article_id WHERE {where} "
        f"ORDER BY {order} LIMIT ? OFFSET ?"
    )
    return _dicts(conn, sql, (*args, limit, offset))


def count_quotes(
    conn: sqlite3.Connection, speaker: str | None = None, article_id: str | None = None, text: str | None = None
) -> int:
    where, args = _quote_where(speaker, article_id, text)
    return conn.execute(f"SELECT count(*) FROM quotes q WHERE {where}", args).fetchone()[0]


def speakers(conn: sqlite3.Connection, limit: int = 50) -> list[dict[str, Any]]:
    """Who is quoted most: the resolved name (else the description), code and number of quotes."""
    return _dicts(
        conn,
        "SELECT coalesce(speaker_name, speaker_text) AS speaker, max(speaker_code) AS code, "
        "count(*) AS quotes, count(DISTINCT article_id) AS articles FROM quotes "
        "WHERE coalesce(speaker_name, speaker_text) IS NOT NULL GROUP BY 1 ORDER BY quotes DESC, speaker LIMIT ?",
        (limit,),
    )


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


# ------------------------------------------------------------------ story events and stories


def story_where(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL conditions on story events `s` for the filters every command shares: type and dates on
    the story event (the span its mentions agree on); the others as the events filter reads them,
    all on one mention (a story event told as planned by one article and denied by another is
    found by either status, but not by "planned" with words only the other has)."""
    where: list[str] = []
    args: list[Any] = []
    _any_of("s.type", tuple(t.upper() for t in f.type), where, args)
    _add_told_dates(f, "s.date", "s.date_end", "s.first_article_id", where, args)
    told, told_args = event_where(replace(f, type=(), date_from=None, date_to=None))
    if told != "1":
        where.append(
            "s.id IN (SELECT m.story_event_id FROM story_mentions m WHERE (m.article_id, m.event_id) "
            f"IN (SELECT e.article_id, e.id FROM events e WHERE {told}))"
        )  # as the events page finds them
        args += told_args
    return " AND ".join(where) or "1", args


def paged(rows: list[Any], f: EventFilter) -> list[Any]:
    """The filter's page of ranked rows; a negative limit means all of them, as in SQLite."""
    rows = rows[f.offset :]
    return rows if f.limit < 0 else rows[: f.limit]


def _decode(row: sqlite3.Row) -> dict[str, Any]:
    record = dict(row)
    for key in ("statuses", "attributed_to", "disputed_by"):
        record[key] = json.loads(record[key])
    return record


def _with_evidence(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    """Story events with their evidence: every mention (article, outlet, sentence, offsets, its trigger's
    offsets so the evidence shows the trigger) and every outlet that told it, copies included."""
    records = {r["id"]: {**_decode(r), "mentions": [], "outlets": []} for r in rows}
    if not records:
        return []
    marks = ",".join("?" * len(records))
    for r in conn.execute(
        "SELECT m.story_event_id, m.article_id, m.event_id, a.title, a.source AS outlet, a.url, "
        'a.published, e.status, e.date, e.date_precision, e.trigger, e.sentence, e.start, e."end", '
        "e.trigger_start, e.trigger_end "
        "FROM story_mentions m JOIN events e ON e.article_id = m.article_id AND e.id = m.event_id "
        f"JOIN articles a ON a.id = m.article_id WHERE m.story_event_id IN ({marks}) "
        "ORDER BY coalesce(a.published, a.ingested_at), m.rowid",
        list(records),
    ):
        records[r["story_event_id"]]["mentions"].append({k: r[k] for k in r.keys() if k != "story_event_id"})  # noqa: SIM118 (a Row iterates values)
    for story_id, source in conn.execute(
        f"SELECT story_event_id, source FROM story_sources WHERE story_event_id IN ({marks})", list(records)
    ):
        records[story_id]["outlets"].append(source)
    return list(records.values())


def story_events(conn: sqlite3.Connection, f: EventFilter, min_articles: int = 1) -> list[dict[str, Any]]:
    """Story events, the most widely told first, each with its evidence (`eventwire stories`)."""
    where, args = story_where(f)
    rows = conn.execute(
        f"SELECT s.* FROM story_events s WHERE {where} AND s.num_articles >= ? "
        "ORDER BY s.num_sources DESC, s.num_articles DESC, s.date DESC, s.id LIMIT ? OFFSET ?",
        (*args, min_articles, f.limit, f.offset),
    ).fetchall()
    return _with_evidence(conn, rows)


def count_story_events(conn: sqlite3.Connection, f: EventFilter, min_articles: int = 1) -> int:
    """How many story events match (limit and offset aside): for paging."""
    where, args = story_where(f)
    return conn.execute(
        f"SELECT count(*) FROM story_events s WHERE {where} AND s.num_articles >= ?", (*args, min_articles)
    ).fetchone()[0]


def story_event(conn: sqlite3.Connection, story_event_id: int) -> dict[str, Any] | None:
    rows = conn.execute("SELECT * FROM story_events WHERE id = ?", (story_event_id,)).fetchall()
    return next(iter(_with_evidence(conn, rows)), None)


def stories(conn: sqlite3.Connection, min_articles: int = 2, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Groups of articles telling the same news, the largest first, with their articles (and
    how many copies each has) and the story events told by more than one of them."""
    rows = conn.execute(
        "SELECT l.story_id, count(*) AS num_articles, "
        "min(coalesce(a.published, a.ingested_at)) AS first_seen, "
        "max(coalesce(a.published, a.ingested_at)) AS last_seen FROM article_links l "
        "JOIN articles a ON a.id = l.article_id WHERE l.story_id IS NOT NULL GROUP BY l.story_id "
        "HAVING count(*) >= ? ORDER BY num_articles DESC, last_seen DESC LIMIT ? OFFSET ?",
        (min_articles, limit, offset),
    ).fetchall()
    out = []
    for r in rows:
        members = _dicts(
            conn,
            "SELECT a.id, a.title, a.source AS outlet, a.url, a.published, "
            "(SELECT count(*) FROM duplicates d WHERE d.duplicate_of = a.id) AS copies "
            "FROM article_links l JOIN articles a ON a.id = l.article_id WHERE l.story_id = ? "
            "ORDER BY coalesce(a.published, a.ingested_at), a.id",
            (r["story_id"],),
        )
        shared = _dicts(
            conn,
            "SELECT s.id, s.type, s.dyad, s.date, s.date_precision, s.num_articles, s.num_sources "
            "FROM story_events s WHERE s.num_articles > 1 AND s.id IN (SELECT m.story_event_id FROM "
            "story_mentions m JOIN article_links l ON l.article_id = m.article_id WHERE l.story_id = ?) "
            "ORDER BY s.num_sources DESC, s.date",
            (r["story_id"],),
        )
        out.append({**dict(r), "title": members[0]["title"], "articles": members, "story_events": shared})
    return out


# A story event's day on the timeline: its own when it has one, else its first article's publication day.
STORY_DAY = "coalesce(s.date, (SELECT substr(a.published, 1, 10) FROM articles a WHERE a.id = s.first_article_id))"


# Coarser first, so that a month's row comes before the days of that month.
PRECISION_ORDER = "CASE date_precision WHEN 'year' THEN 0 WHEN 'season' THEN 1 WHEN 'month' THEN 2 ELSE 3 END"


def timeline(conn: sqlite3.Connection, f: EventFilter, by_type: bool = False) -> list[dict[str, Any]]:
    """Events per date at the precision they were told, each real-world event once (`events`) beside how
    often it was told (`mentions`), for `eventwire timeline` and the web's chart: a row per day, and one per
    month, season or year for the events dated only so (`date` its first day, `date_precision` its size),
    before the days of that span; undated events at their story date (`story_dated` of them)."""
    where, args = story_where(f)
    group = "1, 2, 3" if by_type else "1, 2"
    return _dicts(
        conn,
        f"SELECT {STORY_DAY} AS date, coalesce(s.date_precision, 'day') AS date_precision"
        f"{', s.type' if by_type else ''}, count(*) AS events, sum(s.num_mentions) AS mentions, "
        f"sum(s.date IS NULL) AS story_dated FROM story_events s WHERE {STORY_DAY} IS NOT NULL AND {where} "
        f"GROUP BY {group} ORDER BY 1, {PRECISION_ORDER}{', 3' if by_type else ''}",
        args,
    )


def _dyad_counts(conn: sqlite3.Connection, f: EventFilter) -> list[sqlite3.Row]:
    where, args = story_where(f)
    return conn.execute(
        "SELECT s.type, s.dyad, count(*) AS events, sum(s.num_mentions) AS mentions "
        f"FROM story_events s WHERE s.dyad IS NOT NULL AND {where} GROUP BY s.type, s.dyad",
        args,
    ).fetchall()


def actor_network(conn: sqlite3.Connection, f: EventFilter) -> list[dict[str, Any]]:
    """Pairs of two actors (ids: a country's code, a named body's IGO:nato) with their story events by
    type and their names, most first (`eventwire actors --network`, the web's network); mutual types
    (CONSULT, COOPERATE) give unordered pairs, listed in id order. An actor's events with itself count
    in `actor_counts` only."""
    edges: Counter[tuple[str, str, str]] = Counter()
    told: Counter[tuple[str, str, str]] = Counter()
    for r in _dyad_counts(conn, f):
        for source, target in pairs(r["type"], r["dyad"]):
            edges[(source, target, r["type"])] += r["events"]
            told[(source, target, r["type"])] += r["mentions"]
    ranked = paged(sorted(edges.items(), key=lambda kv: (-kv[1], kv[0])), f)
    return [
        {
            "source": s,
            "target": t,
            "source_name": display_name(s),
            "target_name": display_name(t),
            "type": ty,
            "mutual": ty in MUTUAL_TYPES,
            "events": n,
            "mentions": told[(s, t, ty)],
        }
        for (s, t, ty), n in ranked
    ]


def actor_counts(conn: sqlite3.Connection, f: EventFilter) -> list[dict[str, Any]]:
    """Countries and named bodies (by id, with code and name) with the story events they take part in,
    most first (`eventwire actors`, the web's actors); a mutual event (CONSULT, COOPERATE) counts in
    `events`, on neither side."""
    counts: dict[str, Counter[str]] = {}
    for r in _dyad_counts(conn, f):
        src, tgt = sides(r["type"], r["dyad"])
        directed = r["type"] not in MUTUAL_TYPES
        for actor in set(src) | set(tgt):
            counts.setdefault(actor, Counter()).update(
                events=r["events"],
                mentions=r["mentions"],
                as_source=r["events"] * (directed and actor in src),
                as_target=r["events"] * (actor in tgt),
            )
    ranked = paged(sorted(counts.items(), key=lambda kv: (-kv[1]["events"], kv[0])), f)
    return [
        {
            "id": actor,
            "code": code_of(actor),
            "name": display_name(actor),
            "events": c["events"],
            "as_source": c["as_source"],
            "as_target": c["as_target"],
            "mentions": c["mentions"],
        }
        for actor, c in ranked
    ]


def duplicates_of(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    """The copies of a stored article (other outlets or ids that ran the same text)."""
    return _dicts(
        conn,
        "SELECT id, kind, similarity, title, source, url, published, origin, ingested_at FROM duplicates "
        "WHERE duplicate_of = ? ORDER BY coalesce(published, ingested_at), id",
        (article_id,),
    )


def duplicate(conn: sqlite3.Connection, copy_id: str) -> dict[str, Any] | None:
    """A record stored as a copy: what it is a copy of and how alike (an article page can redirect)."""
    row = conn.execute("SELECT * FROM duplicates WHERE id = ?", (copy_id,)).fetchone()
    return dict(row) if row else None


# ------------------------------------------------------------------------------ one article


def article_record(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The article with its events (in text order), quotes and entities, or None."""
    found = article(conn, article_id)
    if found is None:
        return None
    told = events(conn, EventFilter(article=article_id, limit=MAX_ARTICLE_ROWS))
    return {
        "article": found,
        "events": sorted(told, key=lambda e: e["start"]),
        "quotes": quotes(conn, article_id=article_id, limit=MAX_ARTICLE_ROWS),
        "entities": entities(conn, article_id),
    }


def story_of(conn: sqlite3.Connection, article_id: str, others: int) -> dict[str, Any] | None:
    """The story (group of articles telling the same news) an article belongs to, with up to `others`
    of its other articles."""
    row = conn.execute("SELECT story_id FROM article_links WHERE article_id = ?", (article_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    rows = conn.execute(
        "SELECT a.id, a.title, a.source, a.published FROM article_links l JOIN articles a ON a.id = l.article_id "
        "WHERE l.story_id = ? AND a.id != ? ORDER BY coalesce(a.published, a.ingested_at), a.id LIMIT ?",
        (row[0], article_id, others),
    )
    return {"id": row[0], "others": [dict(r) for r in rows]}


def told_by(conn: sqlite3.Connection, article_id: str) -> dict[str, dict[str, Any]]:
    """{event id: its story event's id and reach} for the events of one article."""
    return {
        r["event_id"]: dict(r)
        for r in conn.execute(
            "SELECT m.event_id, s.id, s.num_articles, s.num_sources FROM story_mentions m "
            "JOIN story_events s ON s.id = m.story_event_id WHERE m.article_id = ?",
            (article_id,),
        )
    }
