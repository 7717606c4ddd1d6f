"""The UI in a real browser: Debian's Chromium driven by Playwright (no browser download) against
`eventwire serve` on 127.0.0.1 over a store ingested from examples/. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn
from conftest import EXAMPLES, SEED_ID, run_cli
from playwright import sync_api
from test_bodies import RUSSIA, bodies_analysis
from test_web import copy_analysis, hostile_analysis, retold_analysis, rome_analysis, spreadsheet_analysis

from eventwire.model import Analysis, Article, Event
from eventwire.store.sqlite import Store
from eventwire.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("browser") / "examples.db"
    ingest = run_cli("ingest", str(EXAMPLES), "--db", str(db))
    assert ingest.returncode == 0, ingest.stderr
    return db


def _serve(db: Path) -> Iterator[str]:
    """`eventwire serve` (the same app and uvicorn) on a free loopback port over db."""
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(examples_db) -> Iterator[str]:
    yield from _serve(examples_db)


@pytest.fixture(scope="module")
def story_server(tmp_path_factory) -> Iterator[str]:
    """A store where one meeting is told by two outlets and copied by a third (test_web's articles)."""
    db = tmp_path_factory.mktemp("stories") / "stories.db"
    with Store(db) as store:
        store.write([rome_analysis(), retold_analysis(), copy_analysis(), spreadsheet_analysis(), hostile_analysis()])
    yield from _serve(db)


@pytest.fixture(scope="module")
def bodies_server(tmp_path_factory) -> Iterator[str]:
    """NATO, the EU, the UN and Amnesty accusing Russia on one day; an accusation told only as "in February"
    and one in June, so that the overview's bars are weeks."""
    db = tmp_path_factory.mktemp("bodies") / "bodies.db"
    nato = bodies_analysis().events[4].source[0]
    later = [
        Event("m1", "ACCUSE", "x", "A sentence.", 0, 11, [nato], [RUSSIA], date="2022-02-01", date_precision="month"),
        Event("d1", "ACCUSE", "x", "A sentence.", 0, 11, [nato], [RUSSIA], date="2022-06-01", date_precision="day"),
    ]
    with Store(db) as store:
        store.write([bodies_analysis(), Analysis(Article("later", "A sentence.", title="Later"), later)])
    yield from _serve(db)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _page(browser, server: str) -> Iterator:
    """A page that records console errors and any request leaving the server (there must be none)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, base_url=server)
    pg = context.new_page()
    pg.problems = []
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    host = urlsplit(server).netloc
    pg.on(
        "request",
        lambda r: (
            urlsplit(r.url).netloc not in (host, "")
            and not r.url.startswith("data:")
            and pg.problems.append(f"outside request: {r.url}")
        ),
    )
    yield pg
    context.close()


@pytest.fixture
def page(browser, server):
    yield from _page(browser, server)


@pytest.fixture
def story_page(browser, story_server):
    yield from _page(browser, story_server)


def shot(pg, name: str, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


@pytest.mark.parametrize(
    "path, name, heading",
    [
        ("/", "overview", "Events over time, by type"),
        ("/events", "events", "Events"),
        ("/claims", "claims", "Claims"),
        ("/quotes", "quotes", "Quotes"),
        ("/actors", "actors", "Actor network"),
        ("/articles", "articles", "Articles"),
        ("/stories", "stories", "Story events"),
        ("/stories?view=groups", "story-groups", "Story groups"),
        ("/docs", "api-docs", "eventwire"),
    ],
)
def test_every_page_loads_from_this_server_alone(page, path, name, heading):
    response = page.goto(path)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.get_by_text(heading, exact=False).first.is_visible()
    shot(page, name)
    assert page.problems == []


def test_overview_chart_is_drawn_with_a_bar_per_type_and_day(page):
    page.goto("/")
    bars = page.locator("svg.chart rect")
    assert bars.count() > 0
    title = bars.first.locator("title").text_content()
    assert re.match(r"\d{4}-\d{2}-\d{2}|week of|\d{4}", title)
    assert re.search(r": [\d,]+ events?, told [\d,]+ times?$", title)  # each event once, and how often told


def test_events_filter_by_type_and_paging_links(page):
    page.goto("/events")
    page.select_option("select[name=type]", "CONSULT")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"type=CONSULT"))
    badges = page.locator("table.events tbody .badge").all_text_contents()
    assert badges and set(badges) == {"CONSULT"}
    assert "type=CONSULT" in page.get_attribute("a[download]", "href")  # the CSV is of the filtered rows
    shot(page, "events-consult")
    assert page.problems == []


def test_facets_add_filters_and_headers_sort(page):
    page.goto("/events?type=CONSULT")
    actor = page.locator('section[data-facet="actor"] li a').first
    code = actor.locator(".code").inner_text()
    actor.click()
    page.wait_for_url(re.compile(rf"type=CONSULT&actor={code}$"))  # added to the type filter, not instead of it
    assert page.locator('section[data-facet="actor"] .chosen').inner_text().startswith(code)
    assert set(page.locator("table.events tbody .badge").all_text_contents()) == {"CONSULT"}
    page.click("table.events th a.sort >> text=Date")
    page.click("table.events th a.sort >> text=Date")  # twice: newest first
    page.wait_for_url(re.compile(r"sort=-date"))
    dates = [d for d in page.locator("table.events td.date").all_inner_texts() if d[:1].isdigit()]
    assert dates == sorted(dates, reverse=True)
    shot(page, "events-faceted")
    assert page.problems == []


def test_map_circles_lead_to_the_events_of_their_country(page):
    page.goto("/map?status=occurred")
    circle = page.locator("svg.map a:has(circle.place)").first
    assert circle.is_visible() and page.locator("svg.map path.land").count() > 170
    href = circle.get_attribute("href")
    circle.click(force=True)
    page.wait_for_url(re.compile(r"/events\?status=occurred&place=[A-Z]{3}$"))
    code = href.rsplit("=", 1)[1]
    assert page.locator('section[data-facet="place"] .chosen').inner_text().startswith(code)
    assert set(page.locator("table.events tbody .status").all_text_contents()) == {"occurred"}
    page.goto("/map")
    shot(page, "map")
    assert page.problems == []


def test_seed_article_highlights_the_rome_consult_and_zhao_lijians_quote(page):
    """The seed's news is Sullivan and Yang meeting in Rome on Monday 14 March 2022 (Rome is named in
    the title only, so the card is found by its type and date)."""
    page.goto(f"/articles/{SEED_ID}")
    cards = page.locator(".event-card.ty-CONSULT").filter(has_text="2022-03-14")
    assert cards.count() >= 1, "no CONSULT event on Monday 2022-03-14 (the Rome meeting) in the seed article"
    card_id = cards.first.get_attribute("id")
    trigger = page.locator(f'.body a.t[href="#{card_id}"]')
    assert trigger.count() == 1 and trigger.is_visible()
    assert "ty-CONSULT" in trigger.get_attribute("class")
    assert _background(trigger) != "rgba(0, 0, 0, 0)"

    zhao = page.locator(".quote-card").filter(has=page.locator(".speaker", has_text="Zhao Lijian"))
    assert zhao.count() >= 1, "no quote attributed to Zhao Lijian"
    quote_ids = [zhao.nth(i).get_attribute("id") for i in range(zhao.count())]
    marked = [page.locator(f'.body .q[href="#{q}"]') for q in quote_ids]
    assert any(m.count() and m.first.is_visible() for m in marked)
    shot(page, "article-seed")
    shot(page, "article-seed-full", full_page=True)

    trigger.click()  # the highlighted trigger leads to its event card
    page.wait_for_url(re.compile(f"#{card_id}$"))
    assert cards.first.is_visible()

    page.uncheck("#show-quotes")  # a layer can be hidden
    assert _background(marked[0].first) == "rgba(0, 0, 0, 0)"
    assert page.problems == []


def test_evidence_link_from_the_events_table_lands_on_the_article(page):
    page.goto(f"/events?article={SEED_ID}")
    link = page.locator("td.evidence a").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(re.escape(href.split("#")[0])))
    fragment = href.split("#")[1]
    assert page.locator(f'[id="{fragment}"]').count() == 1
    assert page.problems == []


def test_story_mention_links_to_its_evidence_in_the_article(page):
    page.goto(f"/stories?article={SEED_ID}&type=CONSULT")
    row = page.locator("table.stories tbody tr").first
    assert row.locator(".badge").inner_text() == "CONSULT" and "1 article ·" in row.locator("td.reach").inner_text()
    link = row.locator("ol.mentions a").first
    href = link.get_attribute("href")
    assert href.startswith(f"/articles/{SEED_ID}?event=") and "#ev-" in href
    link.click()
    page.wait_for_url(re.compile(re.escape(href.split("#")[0])))
    target = page.locator(f'[id="{href.split("#")[1]}"]')
    assert target.count() == 1
    assert page.get_by_role("link", name="story event", exact=False).first.is_visible()
    assert page.problems == []


def test_a_story_told_by_several_outlets_reads_as_one_row(story_page):
    story_page.goto("/stories")
    row = story_page.locator("table.stories tbody tr").first
    assert "3 sources" in row.locator("td.reach").inner_text() and row.locator("ol.mentions li").count() == 2
    shot(story_page, "stories-told-twice")
    story_page.goto("/stories?view=groups")
    assert story_page.locator("section.story-group").count() == 1
    shot(story_page, "story-groups-told-twice")
    story_page.goto("/articles/rome-copy")  # a copy's id: the original, with a note
    assert story_page.url.endswith("/articles/rome-1?copy=rome-copy")
    assert story_page.locator(".note").is_visible()
    shot(story_page, "article-copy-note")
    assert story_page.problems == []


@pytest.fixture
def bodies_page(browser, bodies_server):
    yield from _page(browser, bodies_server)


def test_a_named_body_is_a_node_a_row_and_a_filter_of_its_own(bodies_page):
    pg = bodies_page
    pg.goto("/actors")
    assert "NATO" in pg.locator("svg.network text.label").all_text_contents()
    row = pg.locator("table.data tr", has=pg.locator("td", has_text="European Union")).last
    assert row.locator("a.code").inner_text() == "IGO"
    pg.locator("table.data tr", has=pg.locator("td", has_text="NATO")).last.locator("a.code").click()
    pg.wait_for_url(re.compile(r"/events\?actor=IGO%3Anato$"))
    assert pg.locator('section[data-facet="actor"] .chosen').inner_text().startswith("IGO:nato NATO")
    assert pg.locator("table.events tbody tr").count() == 4  # NATO's four events, not every IGO's
    shot(pg, "body-events")
    pg.goto("/")
    note = pg.locator("p.apart")
    assert note.is_visible() and "2022-02 (month): 1 event" in note.inner_text()
    assert "dated only to a longer span than a week" in pg.locator(".card.dates").inner_text()
    note.locator("a").click()
    pg.wait_for_url(re.compile(r"/events\?from=2022-02-01&to=2022-02-28$"))
    assert pg.locator("table.events tbody tr").count() == 1
    assert pg.problems == []


PAGES = ["/", "/events", "/claims", "/quotes", "/map", "/actors", "/articles", "/stories", "/stories?view=groups"]


@pytest.mark.parametrize("width", [1280, 390])
def test_no_page_is_wider_than_the_window(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, base_url=server)
    pg = context.new_page()
    wide = {}
    for path in [*PAGES, f"/articles/{SEED_ID}"]:
        pg.goto(path)
        if (scroll := pg.evaluate("document.documentElement.scrollWidth")) > width:
            wide[path] = scroll
    shot(pg, f"article-{width}")
    context.close()
    assert wide == {}


def test_the_article_side_panel_shows_the_event_arrived_from(page):
    """The last event of the seed article is below the panel's fold; arriving from the events list shows its card."""
    page.goto(f"/events?article={SEED_ID}")
    link = page.locator("td.evidence a").last
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(re.escape(href.split("#")[0])))
    card = page.locator(".side-panel .event-card.arrived")
    assert card.count() == 1 and card.get_attribute("id") == href.split("#")[1].replace("ev-", "event-", 1)
    panel = page.locator(".side-panel").bounding_box()
    box = card.bounding_box()
    assert panel["y"] <= box["y"] and box["y"] + 20 < panel["y"] + panel["height"]  # in the panel's view
    top = page.locator(f'[id="{href.split("#")[1]}"]').evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 900  # and the evidence in the text too
    shot(page, "article-arrived")
    assert page.problems == []


def _background(locator) -> str:
    return locator.evaluate("e => getComputedStyle(e).backgroundColor")


def test_pages_keep_answering_while_eventwire_ingest_writes(page, examples_db, tmp_path):
    """Runs last: adds an article to the served store with a real `eventwire ingest` in another process."""
    story = tmp_path / "late_story.txt"
    story.write_text(
        "Ministers meet in Baghdad\n\nIran and Iraq held talks in Baghdad on Monday, officials said.\n",
        encoding="utf-8",
    )
    ingest = subprocess.Popen(
        [sys.executable, "-m", "eventwire.cli", "ingest", str(story), "--db", str(examples_db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    statuses = []
    while ingest.poll() is None:
        statuses += [page.goto(path).status for path in ("/", "/events", "/articles")]
    _, err = ingest.communicate(timeout=600)
    assert ingest.returncode == 0, err
    assert statuses and set(statuses) == {200}
    page.goto("/articles")
    assert page.get_by_text("Ministers meet in Baghdad").is_visible()  # the new row shows on reload
    shot(page, "articles-after-ingest")
    assert page.problems == []
