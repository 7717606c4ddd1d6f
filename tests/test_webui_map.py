"""The events map: the world outline ships in the package and is drawn on the server; circles sized by
events link to the events of their country with the filters kept (docs/recipes.md)."""

from __future__ import annotations

import re
from html import unescape

import test_web

from eventwire.web import map as world_map

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
