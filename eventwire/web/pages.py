"""The HTML pages: server-rendered from the same queries as the API; nothing is fetched from elsewhere."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from itertools import groupby
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..model import FLAT_EVENT_COLUMNS, flat_event
from ..output import csv_cell
from ..store import facets, queries
from ..store.actor_names import display_name
from ..store.bodies import code_of
from ..store.database import connect
from ..store.queries import PLOVER_TYPES, STATUSES, EventFilter
from . import charts, highlight, map, network
from .api import actors_data, story_page, timeline_rows
from .deps import DEFAULT_PAGE, MAX_TEXT, Limit, Offset, QuoteFilter, Search, event_filter, get_conn, quote_filter

TEMPLATES = FilePath(__file__).with_name("templates")
MAX_EXPORT = 100_000  # rows of one CSV download
EXPORT_BATCH = 2_000
SPEAKER_SECTIONS = 12  # speakers shown with their latest quotes on the unfiltered quotes page
STORY_OTHERS = 12  # other articles of its story listed beside an article
GROUPS_PAGE = 20  # story groups per page: each lists its articles and shared events
GROUP_ROWS = 8  # articles and shared events shown per group before "more"
CSV_COLUMNS = FLAT_EVENT_COLUMNS  # the flat event row

EVENT_PARAMS = (
    "type",
    "actor",
    "from",
    "to",
    "status",
    "mode",
    "context",
    "q",
    "article",
    "place",
    "sort",
)  # the event lists' filters
EventSort = Annotated[str | None, Query(pattern=facets.sort_pattern(facets.EVENT_SORTS), description="column, -column")]
QuoteSort = Annotated[str | None, Query(pattern=facets.sort_pattern(facets.QUOTE_SORTS), description="column, -column")]
Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
Events = Annotated[EventFilter, Depends(event_filter)]


def _evidence(event: dict[str, Any]) -> Markup:
    """The evidence sentence with its trigger in bold, escaped."""
    sentence, start = event["sentence"], event["start"]
    ts, te = event.get("trigger_start"), event.get("trigger_end")
    if ts is None or te is None or not (start <= ts < te <= start + len(sentence)):
        return escape(sentence)
    a, b = ts - start, te - start
    return Markup("{}<b>{}</b>{}").format(sentence[:a], sentence[a:b], sentence[b:])


def _url(path: str, params: dict[str, Any]) -> str:
    return path + ("?" + urlencode({k: v for k, v in params.items() if v not in (None, "")}) if params else "")


def _event_href(article_id: str, event_id: str) -> str:
    """The link to an event's evidence in its article; `event=` lets the page put that event's card first in its
    side panel, which no fragment can scroll (pages run no script)."""
    return (
        _url(f"/articles/{quote(str(article_id), safe='')}", {"event": event_id})
        + "#"
        + highlight.fragment("ev", event_id)
    )


def _with(request: Request, **changes: Any) -> str:
    """The current page's URL with some query parameters changed (None removes one)."""
    params = {**dict(request.query_params), **changes}
    return _url(request.url.path, params)


def _adding(request: Request, **filters: Any) -> str:
    """The events list (or the claims or story list, from there) with these filters added to the current ones: a
    badge narrows what is shown rather than starting over. Paging restarts; other pages' own parameters drop."""
    path = request.url.path if request.url.path in ("/events", "/claims", "/stories") else "/events"
    kept = {k: v for k, v in request.query_params.items() if k in EVENT_PARAMS}
    return _url(path, {**kept, **filters})


def _sorted_by(request: Request, key: str) -> str:
    """The current list sorted by `key`: ascending first, descending on a second click."""
    return _with(request, sort=f"-{key}" if request.query_params.get("sort") == key else key, offset=None)


def _with_path(request: Request, path: str, drop: tuple[str, ...] = ()) -> str:
    """Another address (the API, a CSV form) with the current page's query parameters, some dropped."""
    return _url(path, {k: v for k, v in request.query_params.items() if k not in drop})


templates = Jinja2Templates(directory=TEMPLATES)
templates.env.filters.update(evidence=_evidence, pathquote=lambda s: quote(str(s), safe=""))
templates.env.globals.update(
    PLOVER_TYPES=PLOVER_TYPES,
    STATUSES=STATUSES,
    MUTUAL_TYPES=queries.MUTUAL_TYPES,
    url_with=_with,
    adding=_adding,
    sorted_by=_sorted_by,
    with_path=_with_path,
    actor_name=display_name,
    actor_code=code_of,
    event_href=_event_href,
    fragment=highlight.fragment,
)


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def _paging(total: int, limit: int, offset: int) -> dict[str, Any]:
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "prev": max(offset - limit, 0) if offset else None,
        "next": offset + limit if offset + limit < total else None,
    }


router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, conn: Conn, f: Events) -> HTMLResponse:
    stats, aggregates = queries.stats(conn), request.app.state.aggregates
    by_type = stats["events_by_type"]
    rows, undated = aggregates.get(conn, timeline_rows, f), facets.undated_days(conn, f)
    span = charts.timeline_span(rows, not f.date_from, undated)  # the chart and the "event dates" card alike
    return page(
        request,
        "overview.html",
        stats=stats,
        filter=f,
        span=span,
        chart=charts.timeline_svg(
            rows,
            span,
            trim=None if f.date_from else {k: v for k, v in request.query_params.items() if v and k != "from"},
            undated=undated,
        ),
        by_type=[(t, by_type.get(t, 0)) for t in PLOVER_TYPES],
        top=max(by_type.values(), default=1),
        recent=queries.articles(conn, limit=8),
        actors=actors_data(aggregates, conn, replace(f, limit=10))["actors"],
    )


@router.get("/articles", response_class=HTMLResponse)
def article_list(
    request: Request, conn: Conn, limit: Limit = DEFAULT_PAGE, offset: Offset = 0, q: Search = None
) -> HTMLResponse:
    q = (q or "").strip() or None
    return page(
        request,
        "articles.html",
        q=q,
        rows=queries.articles(conn, q, limit, offset),
        paging=_paging(queries.count_articles(conn, q), limit, offset),
    )


@router.get("/articles/{article_id:id}", response_class=HTMLResponse)
def article_view(
    request: Request,
    conn: Conn,
    article_id: Annotated[str, Path(max_length=MAX_TEXT)],
    copy: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
    event: Annotated[str | None, Query(max_length=MAX_TEXT, description="the event arrived from")] = None,
) -> Response:
    """An article with its highlights; the id of a recorded copy leads to the original, which says so."""
    record = queries.article_record(conn, article_id)
    if record is None:
        copy_of = queries.duplicate(conn, article_id)
        if copy_of is None:
            raise HTTPException(404, f"No article {article_id!r} in this database.")
        return RedirectResponse(
            _url(f"/articles/{quote(copy_of['duplicate_of'], safe='')}", {"copy": article_id}), status_code=303
        )
    a = record["article"]
    copied = queries.duplicate(conn, copy) if copy else None
    marks = highlight.spans(record["events"], record["quotes"], record["entities"])
    labels = sorted({n["label"] for n in record["entities"]})
    url = a["url"] if (a.get("url") or "").startswith(("https://", "http://")) else None
    return page(
        request,
        "article.html",
        article=a,
        url=url,
        body=highlight.render(a["text"], marks),
        events=sorted(record["events"], key=lambda e: str(e["id"]) != event),  # the one arrived from first
        arrived=event,
        quotes=record["quotes"],
        labels=labels,
        entity_count=len(record["entities"]),
        story=queries.story_of(conn, article_id, STORY_OTHERS),
        told_by=queries.told_by(conn, article_id),
        copies=queries.duplicates_of(conn, article_id),
        copied=copied if copied and copied["duplicate_of"] == article_id else None,
    )


@router.get("/events", response_class=HTMLResponse)
def event_table(request: Request, conn: Conn, f: Events, sort: EventSort = None) -> HTMLResponse:
    return page(
        request,
        "events.html",
        filter=f,
        facets=request.app.state.aggregates.get(conn, facets.event_facets, f),  # paging and sorting reuse them
        rows=queries.events(conn, f, facets.order_by(sort, facets.EVENT_SORTS, queries.EVENT_ORDER)),
        paging=_paging(queries.count_events(conn, f), f.limit, f.offset),
    )


def _csv_row(event: dict[str, Any]) -> list[str]:
    """An event as a CSV row: its flat columns, as every export of events has them (model.py)."""
    return [csv_cell(v) for v in flat_event(event).values()]


def _csv_lines(db_path: str, f: EventFilter) -> Iterator[str]:
    """The filtered events as CSV, read in batches on a connection of its own (the response outlives the request's)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    conn = connect(db_path, readonly=True)
    try:
        for offset in range(0, MAX_EXPORT, EXPORT_BATCH):
            rows = queries.events(conn, replace(f, limit=EXPORT_BATCH, offset=offset))
            writer.writerows(_csv_row(e) for e in rows)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            if len(rows) < EXPORT_BATCH:
                break
    finally:
        conn.close()


@router.get("/events.csv")
def event_csv(request: Request, f: Events) -> Response:
    return StreamingResponse(
        _csv_lines(request.app.state.db_path, replace(f, offset=0)),
        media_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="events.csv"'},
    )


@router.get("/map", response_class=HTMLResponse)
def event_map(request: Request, conn: Conn, f: Events) -> HTMLResponse:
    """Where the filtered events happened; a country or a point leads to its events, the filters kept."""
    points = facets.place_points(conn, f)
    return page(
        request,
        "map.html",
        filter=f,
        map=map.map_svg(points, lambda code: _adding(request, place=code), f.place and f.place.upper()),
        places=points[:30],
        placed=sum(p.count for p in points),
        total=queries.count_events(conn, f),
    )


@router.get("/claims", response_class=HTMLResponse)
def claim_table(request: Request, conn: Conn, f: Events, sort: EventSort = None) -> HTMLResponse:
    claims = replace(f, claims_only=True)
    rows = queries.events(conn, claims, facets.order_by(sort, facets.EVENT_SORTS, queries.EVENT_ORDER))
    return page(
        request,
        "claims.html",
        filter=f,
        rows=rows,
        paging=_paging(queries.count_events(conn, claims), f.limit, f.offset),
    )


@router.get("/quotes", response_class=HTMLResponse)
def quote_list(
    request: Request, conn: Conn, f: Annotated[QuoteFilter, Depends(quote_filter)], sort: QuoteSort = None
) -> HTMLResponse:
    """With no filter, the most quoted speakers with their latest words; with one, every matching quote."""
    speakers = queries.speakers(conn, 40)
    if not (f.speaker or f.q or f.article or sort):
        top = speakers[:SPEAKER_SECTIONS]
        latest = queries.quotes_by_speaker(conn, [s["speaker"] for s in top])
        return page(
            request,
            "quotes.html",
            filter=f,
            speakers=speakers,
            paging=None,
            groups=[(s, latest[s["speaker"]]) for s in top],
        )
    order = facets.order_by(sort, facets.QUOTE_SORTS, queries.QUOTE_ORDER)
    rows = queries.quotes(conn, f.speaker, f.article, f.limit, f.offset, f.q, order)
    groups = [
        ({"speaker": name, "quotes": None}, list(items))
        for name, items in groupby(rows, key=lambda r: r["speaker_name"] or r["speaker_text"] or "Unknown speaker")
    ]
    return page(
        request,
        "quotes.html",
        filter=f,
        groups=groups,
        speakers=speakers,
        paging=_paging(queries.count_quotes(conn, f.speaker, f.article, f.q), f.limit, f.offset),
    )


@router.get("/actors", response_class=HTMLResponse)
def actor_network(request: Request, conn: Conn, f: Events) -> HTMLResponse:
    cache = request.app.state.aggregates
    data = actors_data(cache, conn, f)
    return page(
        request,
        "actors.html",
        filter=f,
        actors=data["actors"],
        edges=queries.paged(data["network"], f),
        network=charts.network_svg(data["network"], cache.get(conn, queries.actor_counts, f)),
        types=sorted({e["type"] for e in data["network"]}, key=PLOVER_TYPES.index),
    )


@router.get("/actors.gexf")
@router.get("/actors.graphml")
def actor_network_file(request: Request, conn: Conn, f: Events) -> Response:
    """The whole filtered network (not one page of it) for Gephi: GEXF or GraphML, as the path ends."""
    fmt = request.url.path.rsplit(".", 1)[1]
    cache = request.app.state.aggregates
    graph = network.actor_graph(  # the cache keeps every row, paging aside
        cache.get(conn, queries.actor_network, f), cache.get(conn, queries.actor_counts, f)
    )
    return Response(
        network.write(graph, fmt),
        media_type=network.FORMATS[fmt],
        headers={"Content-Disposition": f'attachment; filename="actors.{fmt}"'},
    )


@router.get("/stories", response_class=HTMLResponse)
def story_list(
    request: Request, conn: Conn, f: Events, view: Annotated[str | None, Query(pattern="^(events|groups)?$")] = None
) -> HTMLResponse:
    """Story events (one real-world event, every article that told it), or story groups (articles telling the
    same news) with `view=groups`."""
    if view == "groups":
        limit = min(f.limit, GROUPS_PAGE)
        groups = queries.stories(conn, 2, limit + 1, f.offset)  # one more than shown: is there a next page?
        paging = {
            "limit": limit,
            "first": f.offset + 1,
            "last": f.offset + min(len(groups), limit),
            "prev": max(f.offset - limit, 0) if f.offset else None,
            "next": f.offset + limit if len(groups) > limit else None,
        }
        return page(
            request, "stories.html", filter=f, view="groups", groups=groups[:limit], paging=paging, shown=GROUP_ROWS
        )
    total, rows = story_page(conn, f)
    return page(request, "stories.html", filter=f, view="events", rows=rows, paging=_paging(total, f.limit, f.offset))


@router.get("/stories/{story_event_id}", response_class=HTMLResponse)
def story_view(request: Request, conn: Conn, story_event_id: Annotated[int, Path(ge=1, le=2**62)]) -> HTMLResponse:
    found = queries.story_event(conn, story_event_id)
    if found is None:
        raise HTTPException(404, f"No story event {story_event_id} in this database.")
    return page(
        request,
        "stories.html",
        filter=EventFilter(),
        view="one",
        rows=[found],
        paging=None,
    )


@router.get("/types.css")
def type_styles() -> Response:
    """One colour per event type for the badges and highlights (the same palette as the charts)."""
    css = "".join(f".ty-{t}{{--ty:{c}}}\n" for t, c in charts.TYPE_COLOURS.items())
    return Response(css, media_type="text/css", headers={"Cache-Control": "max-age=3600"})
