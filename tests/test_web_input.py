"""Whatever a client sends, the server answers with a status that says what happened: a control
character, an impossible date or `from` after `to` is a 422 with the reason; an FTS query that does
not parse is searched as words; every stored id has its page; HEAD works wherever GET does."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path
from urllib.parse import quote

import pytest
from test_web import rome_analysis

from eventwire.model import Analysis, Article
from eventwire.store.sqlite import Store
from eventwire.web import api, pages
from eventwire.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ODD_IDS = ("wire/2024/05/story", "line\nbreak", "a?b#c d+e")
ODD_TEXTS = (
    "Troops of Mali crossed into Niger on Monday.",
    "Kenya protested to Uganda over a fishing island.",
    "Chile and Peru signed a water treaty in Lima.",
)
SAMPLE_PATH_VALUES = {"article_id": "rome-1", "story_event_id": "1"}


def get_urls(app) -> list[str]:
    """Every GET route of the application, its path parameters filled with stored values."""
    return [
        re.sub(r"\{(\w+)(:\w+)?\}", lambda m: SAMPLE_PATH_VALUES[m.group(1)], route.path)
        for route in (*app.routes, *api.router.routes, *pages.router.routes)  # the routers' own: included as one
        if "GET" in (getattr(route, "methods", None) or ())
    ]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web_input") / "web.db"
    odd = [
        Analysis(
            Article(id, f"Story {n}: troops of Mali crossed into Niger.", title=f"Odd {n}", published="2030-01-0{n}")
        )
        for n, id in enumerate(ODD_IDS, 1)
    ]
    with Store(path) as store:
        store.write([rome_analysis(), *odd])
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(str(db)))


@pytest.mark.parametrize("route", ["/api/articles", "/articles", "/api/events", "/events", "/api/stories", "/quotes"])
@pytest.mark.parametrize("value", ["\x00", "a\x00b", "\x01", "x\x1b[31m", "\x7f"])
def test_control_characters_are_a_422_with_the_reason(client, route, value):
    response = client.get(route, params={"q": value})
    assert response.status_code == 422
    assert "control character" in response.text


def test_a_nul_in_a_path_or_a_parameter_name_is_a_422(client):
    assert client.get("/api/articles/rome%00-1").status_code == 422
    assert client.get("/articles/rome%00-1").status_code == 422
    assert client.get("/api/events?q%00=x").status_code == 422


def test_fts_syntax_errors_are_searched_as_words(client):
    for q in ('"unterminated', "AND OR NOT", "title:", "NEAR(", "*", "-x", "a:b:c", "()"):
        response = client.get("/api/articles", params={"q": q})
        assert response.status_code == 200, (q, response.text)


@pytest.mark.parametrize("route", ["/api/events", "/events", "/api/stories", "/api/timeline", "/actors"])
def test_impossible_dates_are_a_422_saying_why(client, route):
    response = client.get(route, params={"from": "2025-13-45"})
    assert response.status_code == 422 and "month must be in 1..12" in response.text
    response = client.get(route, params={"to": "2025-02-30"})
    assert response.status_code == 422 and "day is out of range" in response.text
    response = client.get(route, params={"from": "2025-03-01", "to": "2025-02-01"})
    assert response.status_code == 422 and "later than" in response.text


def test_a_month_or_year_in_to_takes_in_all_its_days(client):
    events = client.get("/api/events", params={"to": "2022-03"}).json()
    assert events["total"] > 0 and all(e["date"] <= "2022-03-31" for e in events["items"])
    assert client.get("/api/events", params={"from": "2022", "to": "2022"}).json()["total"] == events["total"]


@pytest.mark.parametrize("article_id", ODD_IDS)
def test_every_stored_id_has_its_page_and_record(client, article_id):
    path = quote(article_id, safe="")
    assert client.get(f"/articles/{path}").status_code == 200
    assert client.get(f"/api/articles/{path}").json()["article"]["id"] == article_id


def test_links_to_articles_quote_the_whole_id(client):
    overview = client.get("/").text
    assert 'href="/articles/wire%2F2024%2F05%2Fstory"' in overview
    assert 'href="/articles/line%0Abreak"' in overview
    listed = client.get("/articles").text
    assert 'href="/articles/a%3Fb%23c%20d%2Be"' in listed


def test_head_works_on_every_get_route(client):
    urls = get_urls(client.app)
    assert {"/", "/api/articles/rome-1", "/events.csv", "/stories/1"} <= set(urls)
    for url in urls:
        got, head = client.get(url), client.head(url)
        assert got.status_code == 200, url
        assert head.status_code == 200 and head.content == b"", url
        assert head.headers["content-type"] == got.headers["content-type"]


# ------------------------------------------------------------------------------ the real server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_workers_and_sends_no_server_header(db):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline, response = time.monotonic() + 60, None
        while response is None and time.monotonic() < deadline and proc.poll() is None:
            try:
                response = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5)
            except OSError:
                time.sleep(0.2)
        assert response is not None, proc.stderr.read() if proc.poll() is not None else "no answer"
        assert response.status == 200 and "server" not in {k.lower() for k in response.headers}
        head = urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/", method="HEAD"), timeout=5)
        assert head.status == 200 and head.read() == b""
    finally:
        proc.terminate()
        proc.wait(timeout=30)
