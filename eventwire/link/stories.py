"""Cross-article events and stories.

A *story event* is one real-world event however many articles tell it: events of the same
PLOVER type and the same dyad of actor ids (country codes, and each named body as itself:
`IGO:nato` is not `IGO:european-union`, store/bodies.py), whose date spans overlap ("Monday" and "in
March" agree; Monday and Tuesday do not) and whose places agree, are its *mentions*. Analysts
count story events, each once, with how many articles and distinct outlets told it (GDELT's
NumArticles and NumSources). Every stored event belongs to exactly one story event; an event
without a coded actor or a date cannot be matched safely and stays on its own.

A *story* is a group of articles telling the same news: an article joins the story of the
stored article whose text it most resembles, else the story with which it shares the most
story events dated within a few days of its publication (shared background events, such as
an invasion two years earlier, would chain unrelated articles together), else starts one.

This module writes them (`link_article`, `refresh`, `assign_story`, called by the linker inside the
store's write transaction) and knows their keys (`dyad`, `sides`, `pairs`); it never imports the
store: the read side is in store/queries.py (docs/design.md).
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations, product
from typing import Any
from urllib.parse import urlsplit

from ..extract.types import mutual_types
from ..model import EVENT_ROLES

MUTUAL_TYPES = mutual_types()  # A meets B = B meets A (data/types.yaml)
SPAN_DAYS = {"day": 0, "month": 30, "season": 91, "year": 365}  # longest span, finest first
PRECISIONS = tuple(SPAN_DAYS)
PLACE_RADIUS_KM = 100.0  # two named places this close are the same scene (city and suburb)
NEWS_PEG_DAYS = 3  # story events this close to publication are the news, not background
ACTOR_FIELDS = ("text", "name", "code", "sector", "title", "actor_id")


# ------------------------------------------------------------------------------------ keys


def dyad(type_: str, source: Iterable[str], target: Iterable[str]) -> str | None:
    """The actor ids of an event as one key: "USA>CHN", or "CHN+USA" for mutual types."""
    src, tgt = sorted(set(source)), sorted(set(target))
    if not src and not tgt:
        return None
    if type_ in MUTUAL_TYPES:
        return "+".join(sorted(set(src) | set(tgt)))
    return f"{'+'.join(src) or '-'}>{'+'.join(tgt) or '-'}"


def sides(type_: str, key: str) -> tuple[list[str], list[str]]:
    """The actor ids of a dyad key, source side and target side (a mutual key has one side)."""
    if type_ in MUTUAL_TYPES:
        return key.split("+"), []
    src, tgt = (side.split("+") if side != "-" else [] for side in key.split(">"))
    return src, tgt


def pairs(type_: str, key: str) -> list[tuple[str, str]]:
    """Pairs of two actors of a dyad key: every ordered source-target pair, every unordered mutual
    pair. An actor on both sides (USA>USA: Congress against the White House) is no pair."""
    src, tgt = sides(type_, key)
    return list(combinations(src, 2)) if type_ in MUTUAL_TYPES else [(s, t) for s, t in product(src, tgt) if s != t]


def date_span(iso: str | None, precision: str | None) -> tuple[str, str] | None:
    """First and last day of the span a date stands for (docs/contract.md: `date` is its first day)."""
    if not iso:
        return None
    try:
        start = date.fromisoformat(iso[:10])
    except ValueError:
        return None
    if precision == "year":
        return start.isoformat(), date(start.year, 12, 31).isoformat()
    months = {"month": 1, "season": 3}.get(precision or "day")
    if months is None:
        return start.isoformat(), start.isoformat()
    years, month = divmod(start.month - 1 + months, 12)
    end = shifted_day(date(start.year + years, month + 1, 1), -1) if start.year + years <= date.max.year else date.max
    return start.isoformat(), end.isoformat()


def shifted_day(day: date, days: int) -> date:
    """`day` moved by `days`, held within the calendar (years 1 to 9999): a record may be dated anywhere in it."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def outlet(source: str | None, url: str | None) -> str | None:
    """The outlet an article counts as, for distinct sources: its source, else its URL's host."""
    if source and source.strip():
        return source.strip().casefold()
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


@dataclass(frozen=True)
class Place:
    name: str | None
    code: str | None
    lat: float | None
    lon: float | None

    @classmethod
    def of(cls, row: sqlite3.Row) -> Place | None:
        if not (row["location_name"] or row["location_code"]):
            return None
        return cls(row["location_name"], row["location_code"], row["lat"], row["lon"])

    def agrees(self, other: Place) -> bool:
        """Same name, or no contradiction: same country and, when both are on the map, near."""
        if self.name and other.name and self.name.casefold() == other.name.casefold():
            return True
        if self.code and other.code and self.code != other.code:
            return False
        if None in (self.lat, self.lon, other.lat, other.lon):
            return True
        return _km(self, other) <= PLACE_RADIUS_KM


def _km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _places_agree(a: Place | None, b: Place | None) -> bool:
    return a is None or b is None or a.agrees(b)


# ----------------------------------------------------------------------------- write side


@dataclass
class _Told:
    """One mention as a story event takes it in."""

    article_id: str
    status: str
    span: tuple[str, str] | None
    precision: str | None
    place: dict[str, Any] | None
    actors: dict[str, list[dict[str, Any]]]

    @classmethod
    def of(cls, row: sqlite3.Row, actors: dict[str, list[dict[str, Any]]]) -> _Told:
        span = date_span(row["date"], row["date_precision"])
        place = {k: row[k] for k in ("location_name", "location_code", "lat", "lon")}
        return cls(
            row["article_id"],
            row["status"],
            span,
            (row["date_precision"] or "day") if span else None,
            place if Place.of(row) else None,
            actors,
        )


class _Story:
    """A story event's summary, updated one mention or one source at a time: adding costs the
    same however often the event was told, and a full refresh is the same fold from empty."""

    COLUMNS = (
        "source_codes",
        "source_names",
        "target_codes",
        "target_names",
        "source_ids",
        "target_ids",
        "date",
        "date_precision",
        "date_start",
        "date_end",
        "location_name",
        "location_code",
        "lat",
        "lon",
        "num_mentions",
        "num_articles",
        "num_sources",
        "first_seen",
        "last_seen",
        "first_article_id",
        "statuses",
        "attributed_to",
        "disputed_by",
    )

    def __init__(self, conn: sqlite3.Connection, story_id: int, empty: bool = False) -> None:
        self.conn, self.id = conn, story_id
        row = conn.execute(f"SELECT {', '.join(self.COLUMNS)} FROM story_events WHERE id = ?", (story_id,)).fetchone()
        self.v: dict[str, Any] = dict(zip(self.COLUMNS, row, strict=False))
        if empty:
            self.v.update(
                dict.fromkeys(self.COLUMNS),
                num_mentions=0,
                num_articles=0,
                num_sources=0,
                statuses="{}",
                attributed_to="[]",
                disputed_by="[]",
            )
            conn.execute("DELETE FROM story_sources WHERE story_event_id = ?", (story_id,))
        self.statuses = Counter(json.loads(self.v["statuses"]))
        self.claims = {
            role: {_actor_key(a): a for a in json.loads(self.v[role])} for role in ("attributed_to", "disputed_by")
        }

    def tell(self, told: _Told, new_article: bool) -> None:
        v = self.v
        v["num_mentions"] += 1
        v["num_articles"] += new_article
        if v["first_article_id"] is None:  # the article that first told it names its actors
            v["first_article_id"] = told.article_id
            for side in ("source", "target"):
                v[f"{side}_codes"] = _join(a["code"] for a in told.actors[side])
                v[f"{side}_names"] = _join(a["name"] or a["text"] for a in told.actors[side])
                v[f"{side}_ids"] = _join(a["actor_id"] for a in told.actors[side])
        if told.span:  # the span every mention agrees on, at the finest precision told
            v["date_start"] = max(v["date_start"] or told.span[0], told.span[0])
            v["date_end"] = min(v["date_end"] or told.span[1], told.span[1])
            v["date"] = v["date_start"]
            v["date_precision"] = min(filter(None, (v["date_precision"], told.precision)), key=PRECISIONS.index)
        if told.place and not (v["location_name"] or v["location_code"]):
            v.update(told.place)
        self.statuses[told.status] += 1
        for role, known in self.claims.items():
            for actor in told.actors[role]:
                known.setdefault(_actor_key(actor), actor)

    def heard_from(self, source: str, seen: str | None) -> None:
        """One more outlet that told it (an article's, or a copy's): counted once."""
        if self.conn.execute(
            "INSERT OR IGNORE INTO story_sources (story_event_id, source) VALUES (?, ?)", (self.id, source)
        ).rowcount:
            self.v["num_sources"] += 1
        if seen:
            self.v["first_seen"] = min(self.v["first_seen"] or seen, seen)
            self.v["last_seen"] = max(self.v["last_seen"] or seen, seen)

    def save(self) -> None:
        self.v["statuses"] = json.dumps(self.statuses)
        for role, known in self.claims.items():
            self.v[role] = json.dumps(list(known.values()), ensure_ascii=False)
        self.conn.execute(
            f"UPDATE story_events SET {', '.join(f'{k} = ?' for k in self.COLUMNS)} WHERE id = ?",
            (*self.v.values(), self.id),
        )


def _actor_key(actor: dict[str, Any]) -> tuple:
    return actor["code"], (actor["name"] or actor["text"]).casefold()


def _join(values: Iterable[str | None]) -> str | None:
    return ";".join(v for v in values if v) or None


def _tellers(conn: sqlite3.Connection, article_id: str) -> list[tuple[str, str | None]]:
    """The outlets that ran an article, as (source key, time seen): its own, then its copies'.
    An article or copy of unknown outlet counts as a source of its own."""
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT coalesce(l.outlet, 'article:' || a.id), coalesce(a.published, a.ingested_at) FROM articles a "
            "LEFT JOIN article_links l ON l.article_id = a.id WHERE a.id = ? UNION ALL "
            "SELECT coalesce(outlet, 'article:' || id), coalesce(published, ingested_at) FROM duplicates "
            "WHERE duplicate_of = ?",
            (article_id, article_id),
        )
    ]


def _actors_of(conn: sqlite3.Connection, where: str, args: tuple) -> dict[tuple[str, str], dict[str, list]]:
    """{(article_id, event_id): {role: [actor dicts]}} for the events `where` selects in event_actors x."""
    found: dict[tuple[str, str], dict[str, list]] = {}
    for r in conn.execute(
        f"SELECT x.article_id, x.event_id, x.role, {', '.join(f'x.{k}' for k in ACTOR_FIELDS)} "
        f"FROM event_actors x WHERE {where} ORDER BY x.seq",
        args,
    ):
        roles = found.setdefault((r["article_id"], r["event_id"]), {role: [] for role in EVENT_ROLES})
        roles[r["role"]].append({k: r[k] for k in ACTOR_FIELDS})
    return found


def link_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Put each stored event of the article into a story event (an old one it matches, else a
    new one). Reads the events back from the store, so ingest and `relink` take the same path."""
    actors = _actors_of(conn, "x.article_id = ?", (article_id,))
    none = {role: [] for role in EVENT_ROLES}
    tellers = _tellers(conn, article_id)
    events = conn.execute(
        "SELECT ? AS article_id, id AS event_id, type, status, date, date_precision, "
        "location_name, location_code, lat, lon FROM events WHERE article_id = ? ORDER BY start, id",
        (article_id, article_id),
    ).fetchall()
    for ev in events:
        told = _Told.of(ev, actors.get((article_id, ev["event_id"]), none))
        key = dyad(
            ev["type"], *([a["actor_id"] for a in told.actors[side] if a["actor_id"]] for side in ("source", "target"))
        )
        story_id = _match(conn, ev["type"], key, told.span, Place.of(ev)) if key and told.span else None
        if story_id is None:
            story_id = conn.execute("INSERT INTO story_events (type, dyad) VALUES (?, ?)", (ev["type"], key)).lastrowid
        new_article = (
            conn.execute(
                "SELECT 1 FROM story_mentions WHERE story_event_id = ? AND article_id = ?", (story_id, article_id)
            ).fetchone()
            is None
        )
        conn.execute(
            "INSERT INTO story_mentions (story_event_id, article_id, event_id) VALUES (?, ?, ?)",
            (story_id, article_id, ev["event_id"]),
        )
        story = _Story(conn, story_id)
        story.tell(told, new_article)
        if new_article:
            for source, seen in tellers:
                story.heard_from(source, seen)
        story.save()  # at once: the article's next event must see this one's span and place


def _match(conn: sqlite3.Connection, type_: str, key: str, span: tuple[str, str], place: Place | None) -> int | None:
    """The stored story event this event tells again, if any; an exact date match first, then
    the most told. One index range per precision, from the longest span of that precision
    before: only story events that can overlap are read, however many the store holds."""
    first = date.fromisoformat(span[0])
    rows = [
        r
        for precision, days in SPAN_DAYS.items()
        for r in conn.execute(
            "SELECT id, date_start, date_end, num_mentions, location_name, location_code, lat, lon "
            "FROM story_events WHERE type = ? AND dyad = ? AND date_precision = ? AND date_start BETWEEN ? AND ? "
            "AND date_end >= ?",
            (type_, key, precision, shifted_day(first, -days).isoformat(), span[1], span[0]),
        )
    ]
    fits = [r for r in rows if _places_agree(place, Place.of(r))]
    if not fits:
        return None
    return max(fits, key=lambda r: ((r["date_start"], r["date_end"]) == span, r["num_mentions"], -r["id"]))["id"]


def stories_of(conn: sqlite3.Connection, article_id: str) -> set[int]:
    """The story events an article tells."""
    return {
        r[0]
        for r in conn.execute("SELECT DISTINCT story_event_id FROM story_mentions WHERE article_id = ?", (article_id,))
    }


def add_copy(conn: sqlite3.Connection, original_id: str, copy_id: str) -> None:
    """A copy of a stored article was recorded: its outlet told the original's story events too."""
    row = conn.execute(
        "SELECT coalesce(outlet, 'article:' || id), coalesce(published, ingested_at) FROM duplicates WHERE id = ?",
        (copy_id,),
    ).fetchone()
    for story_id in stories_of(conn, original_id):
        story = _Story(conn, story_id)
        story.heard_from(*row)
        story.save()


def refresh(conn: sqlite3.Connection, story_ids: Iterable[int]) -> None:
    """Recompute story events from their mentions after some went (an article replaced, a copy
    dropped): the same fold as at ingest, from empty, in the order they were linked. A story
    event left without mentions is deleted."""
    for story_id in story_ids:
        mentions = conn.execute(
            "SELECT m.article_id, m.event_id, e.status, e.date, e.date_precision, e.location_name, "
            "e.location_code, e.lat, e.lon FROM story_mentions m JOIN events e ON e.article_id = m.article_id "
            "AND e.id = m.event_id WHERE m.story_event_id = ? ORDER BY m.rowid",
            (story_id,),
        ).fetchall()
        if not mentions:
            conn.execute("DELETE FROM story_events WHERE id = ?", (story_id,))
            continue
        actors = _actors_of(
            conn,
            "(x.article_id, x.event_id) IN (SELECT article_id, event_id FROM story_mentions WHERE story_event_id = ?)",
            (story_id,),
        )
        story, articles = _Story(conn, story_id, empty=True), set()
        for m in mentions:
            story.tell(
                _Told.of(m, actors.get((m["article_id"], m["event_id"]), {role: [] for role in EVENT_ROLES})),
                m["article_id"] not in articles,
            )
            if m["article_id"] not in articles:
                articles.add(m["article_id"])
                for source, seen in _tellers(conn, m["article_id"]):
                    story.heard_from(source, seen)
        story.save()


def assign_story(conn: sqlite3.Connection, article_id: str, similar: list[str]) -> None:
    """Put a linked article into a story: that of the most alike stored article (`similar`, most
    alike first), else the one sharing the most news-peg story events, else a new story."""
    story = next(
        (
            row[0]
            for a in similar
            if (row := conn.execute("SELECT story_id FROM article_links WHERE article_id = ?", (a,)).fetchone())
            and row[0] is not None
        ),
        None,
    )
    if story is None:
        story = _story_by_shared_events(conn, article_id)
    if story is None:
        story = conn.execute("SELECT coalesce(max(story_id), 0) + 1 FROM article_links").fetchone()[0]
    conn.execute("UPDATE article_links SET story_id = ? WHERE article_id = ?", (story, article_id))


def _story_by_shared_events(conn: sqlite3.Connection, article_id: str) -> int | None:
    published = conn.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    peg = date_span(published, "day")
    near = ""
    args: list[Any] = [article_id]
    if peg:
        day = date.fromisoformat(peg[0])
        near = " AND s.date BETWEEN ? AND ?"
        args += [shifted_day(day, -NEWS_PEG_DAYS).isoformat(), shifted_day(day, NEWS_PEG_DAYS).isoformat()]
    row = conn.execute(
        "SELECT l.story_id FROM story_mentions m1 JOIN story_events s ON s.id = m1.story_event_id "
        "JOIN story_mentions m2 ON m2.story_event_id = s.id AND m2.article_id != m1.article_id "
        "JOIN article_links l ON l.article_id = m2.article_id "
        "WHERE m1.article_id = ? AND s.date_precision = 'day' AND l.story_id IS NOT NULL"
        + near
        + " GROUP BY l.story_id ORDER BY count(DISTINCT s.id) DESC, l.story_id DESC LIMIT 1",
        args,
    ).fetchone()
    return row[0] if row else None
