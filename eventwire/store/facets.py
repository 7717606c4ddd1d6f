"""Facet counts and sort orders for the web's lists (docs/design.md: all SQL stays in store/).

A facet counts the events matching every filter but its own, as Datasette and ACLED's explorer do, so
that the other values of a filter stay in view with what choosing them would give.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, fields, replace
from typing import Any

from .queries import EventFilter, add_dates, event_where

FACET_ROWS = 12  # values listed per facet, most frequent first


@dataclass(frozen=True)
class Facet:
    """One value of a filter and the events it would match with the other filters kept."""

    value: str
    count: int


# facet name -> (the filter field it drops, SQL of its value, the rows counted: one per event and value)
_FACETS: dict[str, tuple[str, str, str]] = {
    "type": ("type", "e.type", "events e"),
    "status": ("status", "e.status", "events e"),
    "actor": (
        "actor",
        "x.actor_id",
        "(SELECT DISTINCT article_id, event_id, actor_id FROM event_actors WHERE role IN ('source', 'target')) x "
        "JOIN events e ON e.article_id = x.article_id AND e.id = x.event_id",
    ),
    "place": ("place", "e.location_code", "events e"),
    "mode": ("mode", "e.mode", "events e"),
    "context": ("context", "c.value", "events e, json_each(e.context) c"),
}
_UNFILTERED = {f.name: f.default for f in fields(EventFilter)}  # each field's "no filter" value

# sort key (as in `sort=date` or `sort=-date`) -> SQL expression, for the events and claims lists
EVENT_SORTS = {
    "date": "e.date",
    "type": "e.type",
    "status": "e.status",
    "place": "coalesce(e.location_name, e.location_text)",
    "article": "a.title",
}
QUOTE_SORTS = {"date": "a.published", "speaker": "coalesce(q.speaker_name, q.speaker_text)", "kind": "q.kind"}


def event_facets(conn: sqlite3.Connection, f: EventFilter, rows: int = FACET_ROWS) -> dict[str, list[Facet]]:
    """{facet: its most frequent values with their counts} under the filter `f` less the facet's own field."""
    found = {}
    for name, (field, value, rows_counted) in _FACETS.items():
        where, args = event_where(replace(f, **{field: _UNFILTERED[field]}))
        sql = (
            f"SELECT {value} AS value, count(*) AS n FROM {rows_counted} "
            f"WHERE {value} IS NOT NULL AND {value} != '' AND {where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?"
        )
        found[name] = [Facet(r[0], r[1]) for r in conn.execute(sql, (*args, rows))]
    return found


def order_by(sort: str | None, columns: dict[str, str], default: str) -> str:
    """An ORDER BY clause for `sort` ("date", or "-date" for descending) among `columns`, ties in
    the default order; the default alone for None or an unknown key (the route's pattern refuses those)."""
    key = (sort or "").lstrip("-")
    if key not in columns:
        return default
    direction = "DESC" if (sort or "").startswith("-") else "ASC"
    return f"{columns[key]} IS NULL, {columns[key]} {direction}, {default}"


def sort_pattern(columns: dict[str, Any]) -> str:
    """The query-parameter pattern accepting exactly these sort keys, ascending or descending."""
    return "^(-?(" + "|".join(columns) + "))?$"


@dataclass(frozen=True)
class PlacePoint:
    """The events placed at one spot (rounded to a tenth of a degree) for the map."""

    code: str | None
    name: str
    lat: float
    lon: float
    count: int


def place_points(conn: sqlite3.Connection, f: EventFilter, most: int = 400) -> list[PlacePoint]:
    """Where the filtered events happened: one point per place name and spot, most events first."""
    where, args = event_where(f)
    sql = (
        "SELECT e.location_code, coalesce(e.location_name, e.location_text), round(e.lat, 1), round(e.lon, 1), "
        f"count(*) FROM events e WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND {where} "
        "GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 2 LIMIT ?"
    )
    return [PlacePoint(*row) for row in conn.execute(sql, (*args, most))]


def undated_days(conn: sqlite3.Connection, f: EventFilter) -> list[dict[str, Any]]:
    """Events with no date of their own per day their article was published (`day`, `events`), for the
    overview chart; the filter's dates apply to that day. docs/conventions.md: GDELT and POLECAT date
    events by story."""
    where, args = event_where(replace(f, date_from=None, date_to=None))
    day = "substr(a.published, 1, 10)"
    dated: list[str] = []
    add_dates(f, day, dated, args)
    sql = (
        f"SELECT {day} AS day, count(*) AS events FROM events e JOIN articles a ON a.id = e.article_id "
        f"WHERE (e.date IS NULL OR e.date = '') AND a.published IS NOT NULL AND {where} "
        + "".join(f"AND {c} " for c in dated)
        + "GROUP BY 1 ORDER BY 1"
    )
    return [dict(r) for r in conn.execute(sql, args)]
