"""The records of docs/contract.md as dataclasses: what every extractor returns and the store keeps."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Article:
    """One input article, as read; `text` is what every offset points into."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601
    published_from: str | None = None  # asset-stamp | field | html-meta | option | None
    authors: list[str] = field(default_factory=list)
    slug_keywords: list[str] = field(default_factory=list)
    language: str | None = None
    section: str | None = None
    keywords: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    origin: str | None = None  # file (and line) the record came from; not part of the output record

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("origin")
        return d


@dataclass
class Actor:
    """Who acts or speaks: surface text, resolved name, country code and sector; `aliases`, the
    other ways the article names it, let the quotes page, API and network group by speaker."""

    text: str
    name: str | None = None
    code: str | None = None
    sector: str | None = None
    title: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class Location:
    text: str
    name: str | None = None
    code: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Event:
    id: str
    type: str
    trigger: str
    sentence: str
    start: int  # offsets of the evidence sentence in article.text
    end: int
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: Location | None = None
    status: str = "occurred"
    attributed_to: list[Actor] = field(default_factory=list)
    disputed_by: list[Actor] = field(default_factory=list)
    confidence: float = 0.5
    trigger_start: int | None = None  # offsets of the trigger word itself
    trigger_end: int | None = None


# ------------------------------------------------------------------ the event row
# An Event is stored as one row of `events` (its location as columns, its context as JSON) and its
# actors as rows of `event_actors`, one per role and place. Everything that shows or exports events
# derives its columns from here (docs/design.md), so a new field of Event is one edit in this file
# and one in schema.sql (a test checks the two agree).

EVENT_ROLES = tuple(f.name for f in fields(Event) if f.type == "list[Actor]")  # event_actors.role
LOCATION_COLUMNS = {
    f"location_{k.name}" if k.name in ("text", "name", "code") else k.name: k.name for k in fields(Location)
}


# The columns of an event's row in `events` (article_id aside): Event's fields in order, the place as
# its columns, the actors in `event_actors`.
EVENT_COLUMNS = tuple(
    c
    for f in fields(Event)
    if f.name not in EVENT_ROLES
    for c in (LOCATION_COLUMNS if f.name == "location" else (f.name,))
)


# The flat event: one row per event with plain columns, the one shape of `events --format csv|jsonl`,
# the web's CSV download, the API's items and `export --table events` (the events_flat view of
# schema.sql gives the same columns; a test checks it). Each actor role is three lists: codes, names
# and ids (the actor ids of the actors table and the story events, docs/contract.md);
# an undated event has its article's publication day as `story_date`; the article's and the story
# event's columns follow.
FLAT_ACTOR_COLUMNS = {f"{role}_{part}": (role, part) for role in EVENT_ROLES for part in ("codes", "names", "ids")}
FLAT_ARTICLE_COLUMNS = ("article_title", "article_published", "article_outlet", "article_url")
FLAT_STORY_COLUMNS = ("story_event_id", "story_id", "story_mentions", "story_articles", "story_sources")


def _flat_columns_of(name: str) -> tuple[str, ...]:
    if name == "id":
        return ("event_id",)
    if name == "date":
        return ("date", "story_date")
    if name == "location":
        return tuple(LOCATION_COLUMNS)
    if name in EVENT_ROLES:
        return (f"{name}_codes", f"{name}_names", f"{name}_ids")
    return (name,)


FLAT_EVENT_COLUMNS = (
    "article_id",
    *(c for f in fields(Event) for c in _flat_columns_of(f.name)),
    *FLAT_ARTICLE_COLUMNS,
    *FLAT_STORY_COLUMNS,
)
FLAT_LIST_COLUMNS = ("context", *FLAT_ACTOR_COLUMNS)  # lists of strings: JSON arrays in SQLite, ";"-joined in CSV


def flat_event(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event as queries.events reads it (actors under their roles) as its flat row."""
    flat = {c: row.get(c) for c in FLAT_EVENT_COLUMNS}
    flat["event_id"] = row["id"]
    for column, (role, part) in FLAT_ACTOR_COLUMNS.items():
        side = row.get(role) or []
        flat[column] = {
            "codes": [a["code"] for a in side if a.get("code")],
            "names": [a.get("name") or a["text"] for a in side],
            "ids": [a["actor_id"] for a in side if a.get("actor_id")],
        }[part]
    return flat


def event_row(event: Event) -> dict[str, Any]:
    """An event as its row of `events` (actors aside: see EVENT_ROLES)."""
    d = asdict(event)
    location = d.pop("location") or {}
    row = {k: v for k, v in d.items() if k not in EVENT_ROLES}
    row["context"] = json.dumps(row["context"])
    row.update({column: location.get(key) for column, key in LOCATION_COLUMNS.items()})
    return {c: row[c] for c in EVENT_COLUMNS}


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row (actors read back under their roles) as the Event record: the place as one
    `location` object, or None; other keys of the row (the article's title, ...) kept."""
    record = {k: v for k, v in row.items() if k not in LOCATION_COLUMNS}
    if isinstance(record.get("context"), str):
        record["context"] = json.loads(record["context"])
    record["location"] = {key: row[c] for c, key in LOCATION_COLUMNS.items()} if row.get("location_text") else None
    return record


# An Actor is stored as columns of its own (`event_actors`; a quote's speaker as `speaker_*` columns of
# `quotes`), its aliases as a JSON list. A store made before aliases were kept has no such column: an
# actor read from it has none.
ACTOR_COLUMNS = tuple(f.name for f in fields(Actor))


def actor_row(actor: Actor | None) -> dict[str, Any]:
    """An actor as its stored columns (for no actor: None, and no aliases)."""
    row = asdict(actor) if actor is not None else {**dict.fromkeys(ACTOR_COLUMNS), "aliases": []}
    row["aliases"] = json.dumps(row["aliases"], ensure_ascii=False)
    return row


def actor_record(row: Any, prefix: str = "") -> dict[str, Any]:
    """The Actor record of a stored row's columns (`prefix`: "speaker_" in `quotes`), with the stable
    `actor_id` the store gives an event's actors (docs/contract.md) where the row has one."""
    present = set(row.keys())
    record = {c: row[prefix + c] for c in (*ACTOR_COLUMNS, "actor_id") if prefix + c in present}
    record["aliases"] = json.loads(record.get("aliases") or "[]")
    return record


@dataclass
class Quote:
    id: str
    text: str
    start: int  # offsets of the quoted words (without the marks) in article.text
    end: int
    speaker: Actor | None = None
    kind: str = "direct"  # direct | indirect
    cue: str | None = None


@dataclass
class Entity:
    text: str
    label: str
    start: int
    end: int
    name: str | None = None
    code: str | None = None
    sector: str | None = None


@dataclass
class Analysis:
    """Everything `pipeline.process` learns about one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "events": [asdict(e) for e in self.events],
            "quotes": [asdict(q) for q in self.quotes],
            "entities": [asdict(e) for e in self.entities],
        }
