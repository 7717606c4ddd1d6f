"""The JSON API under /api/: the records of docs/contract.md with the same filters as the commands."""

from __future__ import annotations

import sqlite3
from dataclasses import MISSING, fields, replace
from typing import Annotated, Any, Generic, TypeVar, get_type_hints

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, create_model

from .. import model
from ..model import Actor, Entity, actor_record
from ..store import queries
from ..store.queries import EventFilter
from .cache import Aggregates
from .deps import DEFAULT_PAGE, MAX_TEXT, Limit, Offset, QuoteFilter, Search, event_filter, get_conn, quote_filter

T = TypeVar("T")
Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
Events = Annotated[EventFilter, Depends(event_filter)]


def _event_model() -> type[BaseModel]:
    """The API's event: the Event record (eventwire/model.py) with the columns of the flat event
    beside it (the shape of every CSV, JSON Lines and Parquet of events)."""
    hints = get_type_hints(model.Event)
    columns: dict[str, Any] = {"article_id": (str, ...)}
    for f in fields(model.Event):
        default = f.default_factory() if f.default_factory is not MISSING else f.default
        columns[f.name] = (hints[f.name], ... if default is MISSING else default)
    for column in model.FLAT_EVENT_COLUMNS:
        if column not in columns:
            kind = list[str] if column in model.FLAT_LIST_COLUMNS else str | int | float | None
            columns[column] = (kind, [] if column in model.FLAT_LIST_COLUMNS else None)
    return create_model("Event", **columns)


def event_item(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event as the API gives it: its output record and its flat columns."""
    return {**model.flat_event(row), **model.event_record(row)}


Event = _event_model()


class Quote(BaseModel):
    article_id: str
    id: str
    speaker: Actor | None = None
    text: str
    kind: str
    cue: str | None = None
    start: int
    end: int
    article_title: str | None = None
    article_published: str | None = None


class ArticleSummary(BaseModel):
    id: str
    published: str | None = None
    source: str | None = None
    title: str | None = None
    language: str | None = None
    events: int
    quotes: int


class Article(BaseModel):
    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    published_from: str | None = None
    authors: list[str] = []
    slug_keywords: list[str] = []
    language: str | None = None
    section: str | None = None
    keywords: list[str] = []
    extra: dict[str, Any] = {}
    text: str
    ingested_at: str | None = None


class ArticleRecord(BaseModel):
    """One article as `eventwire extract` prints it (docs/contract.md), read back from the store."""

    article: Article
    events: list[Event]
    quotes: list[Quote]
    entities: list[Entity]


class StoryMention(BaseModel):
    """One article's telling of a story event: its evidence is `sentence` at `start` in that article."""

    article_id: str
    event_id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    status: str
    date: str | None = None
    date_precision: str | None = None
    trigger: str
    sentence: str
    start: int
    end: int
    trigger_start: int | None = None
    trigger_end: int | None = None


class StoryEvent(BaseModel):
    """One real-world event however many articles told it (GDELT's NumMentions/NumArticles/NumSources)."""

    id: int
    type: str
    dyad: str | None = None
    source_codes: str | None = None
    source_names: str | None = None
    target_codes: str | None = None
    target_names: str | None = None
    source_ids: str | None = None
    target_ids: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    location_name: str | None = None
    location_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    num_mentions: int
    num_articles: int
    num_sources: int
    first_seen: str | None = None
    last_seen: str | None = None
    first_article_id: str | None = None
    statuses: dict[str, int] = {}
    attributed_to: list[Actor] = []
    disputed_by: list[Actor] = []
    outlets: list[str] = []
    mentions: list[StoryMention] = []


class Page(BaseModel, Generic[T]):
    total: int
    limit: int
    offset: int
    items: list[T]


class Stats(BaseModel):
    counts: dict[str, int]
    events_by_type: dict[str, int]
    events_by_status: dict[str, int]
    claims: int
    first_date: str | None = None
    last_date: str | None = None


class TimelineRow(BaseModel):
    """Story events of one type dated that day, or dated only to the month, season or year starting that day
    (`date_precision`): each real-world event once, however many articles told it."""

    day: str
    date_precision: str
    type: str
    events: int
    mentions: int  # how often they were told (one per article telling one)
    story_dated: int  # of the events, those with no date of their own, counted at their article's date


class ActorCount(BaseModel):
    """Story events a country or named body takes part in; a mutual one (CONSULT, COOPERATE) on neither side.
    `id` is the country's code or the body's id (IGO:nato), `code` its country-or-IGO code (docs/contract.md)."""

    id: str
    code: str
    name: str | None = None
    events: int
    mentions: int
    as_source: int
    as_target: int


class Edge(BaseModel):
    """Story events between two actors (their ids) of one type; `mutual` pairs (CONSULT, COOPERATE) have no
    direction and are listed in id order."""

    source: str
    target: str
    source_name: str | None = None
    target_name: str | None = None
    type: str
    mutual: bool
    events: int
    mentions: int


class Actors(BaseModel):
    actors: list[ActorCount]
    network: list[Edge]


def quote_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored quote row as the output quote: the speaker as one actor object."""
    record = {k: v for k, v in row.items() if not k.startswith("speaker_")}
    record["speaker"] = actor_record(row, "speaker_") if row.get("speaker_text") else None
    return record


router = APIRouter(prefix="/api", tags=["api"])


@router.get("/stats", response_model=Stats, summary="What the store holds")
def api_stats(conn: Conn) -> dict[str, Any]:
    return queries.stats(conn)


@router.get("/articles", response_model=Page[ArticleSummary], summary="Stored articles, newest first")
def api_articles(conn: Conn, limit: Limit = DEFAULT_PAGE, offset: Offset = 0, q: Search = None) -> dict[str, Any]:
    return {
        "total": queries.count_articles(conn, q),
        "limit": limit,
        "offset": offset,
        "items": queries.articles(conn, q, limit, offset),
    }


@router.get(
    "/articles/{article_id:id}",
    response_model=ArticleRecord,
    responses={404: {"description": "no such article"}},
    summary="One article with its events, quotes and entities (the record of `eventwire extract`)",
)
def api_article(conn: Conn, article_id: Annotated[str, Path(max_length=MAX_TEXT)]) -> dict[str, Any]:
    record = queries.article_record(conn, article_id)
    if record is None:
        copy_of = queries.duplicate(conn, article_id)
        raise HTTPException(
            404,
            f"no article {article_id!r}"
            + (f"; it is recorded as a copy of {copy_of['duplicate_of']!r}" if copy_of else ""),
        )
    return {
        **record,
        "events": [model.event_record(e) for e in record["events"]],
        "quotes": [quote_record(q) for q in record["quotes"]],
    }


@router.get("/events", response_model=Page[Event], summary="Events matching the filters, newest first")
def api_events(conn: Conn, f: Events) -> dict[str, Any]:
    return {
        "total": queries.count_events(conn, f),
        "limit": f.limit,
        "offset": f.offset,
        "items": [event_item(e) for e in queries.events(conn, f)],
    }


@router.get(
    "/claims",
    response_model=Page[Event],
    summary="Events reported on someone's word, denied or disputed, with who reports and who disputes",
)
def api_claims(conn: Conn, f: Events) -> dict[str, Any]:
    claims = replace(f, claims_only=True)
    return {
        "total": queries.count_events(conn, claims),
        "limit": f.limit,
        "offset": f.offset,
        "items": [event_item(e) for e in queries.events(conn, claims)],
    }


def story_page(conn: sqlite3.Connection, f: EventFilter) -> tuple[int, list[dict[str, Any]]]:
    """Matching story events (the most widely told first) and how many there are; `q` keeps those
    with a mention whose evidence sentence has the words, as on the events page."""
    return queries.count_story_events(conn, f), queries.story_events(conn, f)


@router.get(
    "/stories",
    response_model=Page[StoryEvent],
    summary="Story events: one real-world event each, with every article that told it, the most widely told first",
)
def api_stories(conn: Conn, f: Events) -> dict[str, Any]:
    total, items = story_page(conn, f)
    return {"total": total, "limit": f.limit, "offset": f.offset, "items": items}


@router.get(
    "/stories/{story_event_id}",
    response_model=StoryEvent,
    responses={404: {"description": "no such story event"}},
    summary="One story event with its mentions (the evidence in each article) and outlets",
)
def api_story(conn: Conn, story_event_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    found = queries.story_event(conn, story_event_id)
    if found is None:
        raise HTTPException(404, f"no story event {story_event_id}")
    return found


@router.get("/quotes", response_model=Page[Quote], summary="Quotes with their speakers, newest first")
def api_quotes(conn: Conn, f: Annotated[QuoteFilter, Depends(quote_filter)]) -> dict[str, Any]:
    return {
        "total": queries.count_quotes(conn, f.speaker, f.article, f.q),
        "limit": f.limit,
        "offset": f.offset,
        "items": [quote_record(q) for q in queries.quotes(conn, f.speaker, f.article, f.limit, f.offset, f.q)],
    }


@router.get(
    "/actors",
    response_model=Actors,
    summary="Countries and bodies by story events (`limit` of them; each real-world event once, with "
    "`mentions`, how often it was told), and the network: pairs by type, mutual ones unordered",
)
def api_actors(request: Request, conn: Conn, f: Events) -> dict[str, Any]:
    return actors_data(request.app.state.aggregates, conn, f)


def actors_data(cache: Aggregates, conn: sqlite3.Connection, f: EventFilter) -> dict[str, Any]:
    """The `limit` most active actors and the whole network, counted as `eventwire actors` counts
    (both kept in the cache: they read every story event)."""
    return {
        "actors": queries.paged(cache.get(conn, queries.actor_counts, f), f),
        "network": cache.get(conn, queries.actor_network, f),
    }


def timeline_rows(conn: sqlite3.Connection, f: EventFilter) -> list[dict[str, Any]]:
    """`eventwire timeline --by-type`, its `date` named `day` as the API always named it."""
    return [{"day": r.pop("date"), **r} for r in queries.timeline(conn, f, by_type=True)]


@router.get(
    "/timeline",
    response_model=list[TimelineRow],
    summary="Story events per date and type (each real-world event once, with `mentions`, how often it "
    "was told), at the precision they were dated: a row per day, and per month or year for events dated only so",
)
def api_timeline(request: Request, conn: Conn, f: Events) -> JSONResponse:
    rows = request.app.state.aggregates.get(conn, timeline_rows, f)
    return JSONResponse(rows)  # thousands of plain rows: no need to validate each
