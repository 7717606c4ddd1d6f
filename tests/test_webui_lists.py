"""The list pages as event-data users expect them: facet counts beside the filters, sortable columns,
badges that add to the filters, a filter by country of place, JSON and CSV links (docs/recipes.md)."""

from __future__ import annotations

import re
from html import unescape

import pytest
import test_web

from eventwire.store import facets
from eventwire.store.database import connect
from eventwire.store.queries import EventFilter

db, client = test_web.db, test_web.client  # its fixtures: the store of three test articles


def _facet(page: str, name: str) -> dict[str, int]:
    """{value: count} of one facet of the events page."""
    section = re.search(rf'<section class="facet" data-facet="{name}">(.*?)</section>', page, re.S).group(1)
    items = re.findall(r'<li>(.*?)<span class="count">([\d,]+)</span></li>', section, re.S)
    return {re.sub(r"<[^>]+>", "", label).split()[0]: int(n) for label, n in items}


def test_facets_count_every_filter_but_their_own(db):
    conn = connect(str(db), readonly=True)
    every = facets.event_facets(conn, EventFilter())
    consult = facets.event_facets(conn, EventFilter(type="CONSULT"))
    conn.close()
    types = {f.value: f.count for f in every["type"]}
    assert types["CONSULT"] >= 1 and types["ACCUSE"] >= 1
    assert {f.value: f.count for f in consult["type"]} == types  # its own filter aside: every type stays in view
    assert {f.value for f in consult["actor"]} == {"USA", "CHN"}  # the other facets narrow
    assert {f.value: f.count for f in consult["place"]} == {"ITA": 1}
    assert sum(f.count for f in every["status"]) == sum(types.values())


def test_events_page_shows_the_facets_with_names_and_counts(client):
    page = client.get("/events", params={"type": "CONSULT"}).text
    assert _facet(page, "actor") == {"CHN": 1, "USA": 1}
    assert '<span class="code">ITA</span> Italy' in page  # codes shown with names
    assert _facet(page, "type")["ACCUSE"] >= 1  # the other types, with what they would give


def test_a_badge_adds_to_the_current_filters(client):
    page = unescape(client.get("/events", params={"actor": "USA", "offset": "0"}).text)
    assert 'href="/events?actor=USA&type=CONSULT"' in page  # the type badge keeps the actor filter
    assert 'href="/events?actor=USA&place=ITA"' in page  # and so does a facet value
    overview = unescape(client.get("/actors", params={"status": "planned", "limit": "5"}).text)
    assert 'href="/events?status=planned&type=CONSULT"' in overview  # from elsewhere: to the events, filters kept


def test_the_place_filter_keeps_events_in_that_country(client):
    rows = client.get("/api/events", params={"place": "ita"}).json()["items"]
    assert [r["id"] for r in rows] == ["e1"]
    assert "No events match" in client.get("/events", params={"place": "NZL"}).text


@pytest.mark.parametrize("sort, first", [("date", "2022-03-10"), ("-date", "2022-03-14")])
def test_events_sort_by_a_column_both_ways(client, sort, first):
    page = client.get("/events", params={"sort": sort, "type": "", "article": "rome-1"}).text
    dates = re.findall(r'<td class="date"[^>]*>(\d{4}-\d{2}-\d{2})', page)
    assert dates[0] == first and len(dates) == 2
    assert f"sort={sort.lstrip('-') if sort.startswith('-') else '-' + sort}" in page  # a second click reverses


def test_claims_and_quotes_sort_too(client):
    quotes = client.get("/quotes", params={"sort": "-kind"}).text
    assert "Sort by" in quotes and "▼" in quotes
    assert client.get("/claims", params={"sort": "-status"}).status_code == 200
    assert client.get("/events", params={"sort": "sentence; DROP TABLE events"}).status_code == 422


@pytest.mark.parametrize(
    "path, json_link, csv_link",
    [
        ("/events?type=CONSULT", "/api/events?type=CONSULT", "/events.csv?type=CONSULT"),
        ("/claims", "/api/claims", None),
        ("/quotes", "/api/quotes", None),
        ("/stories", "/api/stories", None),
        ("/actors", "/api/actors", None),
        ("/articles", "/api/articles", None),
    ],
)
def test_every_list_page_links_its_json_and_csv(client, path, json_link, csv_link):
    page = unescape(client.get(path).text)
    assert f'href="{json_link}"' in page
    assert client.get(json_link).status_code == 200
    if csv_link:
        assert f'href="{csv_link}"' in page and client.get(csv_link).text.startswith("article_id,")


def test_mode_and_context_facets_are_filters(tmp_path):
    """A mode or context in the facets is a link that narrows the list to it, shown as a chosen filter."""
    from dataclasses import replace

    from fastapi.testclient import TestClient

    from eventwire.store.sqlite import Store
    from eventwire.web.app import create_app

    strikes = []
    for i, (mode, context) in enumerate((("aerial", ["military"]), ("firearms", ["military", "crime"]))):
        analysis = test_web.live_analysis(i)
        strikes.append(replace(analysis, events=[replace(analysis.events[0], mode=mode, context=context)]))
    with Store(tmp_path / "ew.db") as store:
        store.write(strikes)
    client = TestClient(create_app(str(tmp_path / "ew.db")))
    page = unescape(client.get("/events").text)
    assert _facet(page, "mode") == {"aerial": 1, "firearms": 1}
    assert _facet(page, "context") == {"military": 2, "crime": 1}
    assert 'href="/events?context=crime"' in page
    narrowed = client.get("/events", params={"context": "crime"}).text
    assert _facet(narrowed, "mode") == {"firearms": 1}
    assert 'class="chosen"' in narrowed and ">crime ✕<" in narrowed  # the value itself, not a tuple
