"""The events map: the world outline ships in the package and is drawn on the server; circles sized by
events link to the events of their country with the filters kept (docs/recipes.md)."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape

import test_web
from fastapi.testclient import TestClient

from eventwire.store.sqlite import Store
from eventwire.web import map as world_map
from eventwire.web.app import create_app

db, client = test_web.db, test_web.client  # its fixtures: the store of three test articles


def test_the_world_outline_is_a_small_file_of_every_country():
    countries = {code: name for code, name, _ in world_map.outlines()}
    assert len(countries) > 170 and countries["SYR"] == "Syria" and countries["ITA"] == "Italy"
    assert world_map.WORLD.stat().st_size < 300_000
    assert all(re.fullmatch(r"(M[-\d.,L]+Z)+", path) for _, _, path in world_map.outlines())


def test_area_grows_with_the_count():
    assert world_map.radius(4, 4) == 2 * world_map.radius(1, 4) == world_map.MAX_RADIUS
    assert world_map.radius(1, 10_000) == world_map.MIN_RADIUS  # a single event stays visible


def test_map_page_draws_a_circle_per_place_linked_to_its_events(client):
    page = unescape(client.get("/map", params={"type": "CONSULT"}).text)
    assert page.count('<path class="land"') > 170
    circles = re.findall(r'<a href="([^"]+)"><circle class="place" cx="([-\d.]+)" cy="([-\d.]+)"', page)
    assert circles == [("/events?type=CONSULT&place=ITA", "12.5", "-41.9")]  # Rome, the type filter kept
    assert "Rome (ITA): 1 event</title>" in page
    assert "http" not in page.split("<svg", 1)[1].split("</svg>")[0]  # nothing fetched: no tiles, no CDN


def test_a_country_of_the_map_is_a_filter_and_is_shown_chosen(client):
    page = client.get("/map", params={"place": "ita"}).text
    assert '<path class="land chosen"' in page and page.count("land chosen") == 1
    assert client.get("/map", params={"place": "Italy"}).status_code == 422  # a code, at most 3 letters


def test_hostile_place_names_are_escaped_on_the_map_and_in_the_facets(tmp_path):
    """A place named with markup, placed on the map: its name shows as text in the tooltips and lists."""
    hostile = test_web.hostile_analysis()
    event = hostile.events[0]
    placed = replace(event, location=replace(event.location, lat=48.9, lon=2.4))
    db = tmp_path / "hostile.db"
    with Store(db) as store:
        store.write([replace(hostile, events=[placed, *hostile.events[1:]])])
    client = TestClient(create_app(str(db)))
    for url in ("/map", "/events"):
        page = client.get(url).text
        assert test_web.XSS_SCRIPT not in page and test_web.XSS_IMG not in page
        tags = test_web.Tags()
        tags.feed(page)
        assert "script" not in tags.names and "img" not in tags.names
    assert "circle" in client.get("/map").text
