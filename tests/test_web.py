"""The web UI and JSON API in-process (FastAPI's TestClient): shapes, filters, escaping, bound
parameters, size limits, and reading while the store is being written."""

from __future__ import annotations

import html
import inspect
import json
import re
import sqlite3
import threading
import time
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run_cli

from eventwire.model import FLAT_EVENT_COLUMNS, Actor, Analysis, Article, Entity, Event, Location, Quote
from eventwire.store.database import StoreError, connect
from eventwire.store.sqlite import Store

with warnings.catch_warnings():  # starlette's notice about its httpx-based client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventwire.web import highlight
from eventwire.web.app import create_app, serve
from eventwire.web.deps import MAX_PAGE
from eventwire.web.responses import QUIET

XSS_SCRIPT = "<script>alert('x')</script>"
XSS_IMG = '<img src=x onerror="alert(1)">'
SQL_NASTIES = [
    "'; DROP TABLE events; --",
    "USA' OR '1'='1",
    '" OR 1=1 --',
    "%",
    "_",
    "\\",
    "*",
    "NEAR(",
    ")",
    "'",
    '"',
    "--",
    "/*",
    "a%' UNION SELECT sql FROM sqlite_master --",
]


def _mark(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def rome_analysis() -> Analysis:
    """A short wire story with a planned US-China meeting in Rome and a quote by Zhao Lijian."""
    text = (
        "US national security adviser Jake Sullivan will meet China's top diplomat Yang Jiechi in Rome "
        "on Monday, the White House said.\n\n"
        "Foreign Ministry spokesman Zhao Lijian called the US claims \u201cdisinformation\u201d.\n\n"
        "\u201cChina's position on the Ukrainian issue is consistent and clear,\u201d Zhao said.\n\n"
        "Separately, Russia accused Ukraine of shelling a border village on March 10."
    )
    s1 = _mark(text, text.split("\n\n")[0])
    meet = _mark(text, "meet")
    accuse_sentence = _mark(text, text.split("\n\n")[3])
    accused = _mark(text, "accused")
    quote = _mark(text, "China's position on the Ukrainian issue is consistent and clear")
    fragment = _mark(text, "disinformation")
    usa, chn = Actor("Jake Sullivan", "Jake Sullivan", "USA", "GOV"), Actor("Yang Jiechi", "Yang Jiechi", "CHN", "GOV")
    zhao = Actor("Zhao Lijian", "Zhao Lijian", "CHN", "GOV", "Foreign Ministry spokesman")
    events = [
        Event(
            "e1",
            "CONSULT",
            "meet",
            text[s1[0] : s1[1]],
            *s1,
            source=[usa],
            target=[chn],
            date="2022-03-14",
            date_precision="day",
            date_text="on Monday",
            location=Location("Rome", "Rome", "ITA", 41.89, 12.48),
            status="planned",
            attributed_to=[Actor("the White House", "White House", "USA", "GOV")],
            trigger_start=meet[0],
            trigger_end=meet[1],
            confidence=0.9,
        ),
        Event(
            "e2",
            "ACCUSE",
            "accused",
            text[accuse_sentence[0] : accuse_sentence[1]],
            *accuse_sentence,
            source=[Actor("Russia", "Russia", "RUS", "GOV")],
            target=[Actor("Ukraine", "Ukraine", "UKR", "GOV")],
            date="2022-03-10",
            date_precision="day",
            date_text="on March 10",
            status="reported",
            attributed_to=[Actor("Russia", "Russia", "RUS", "GOV")],
            disputed_by=[Actor("Ukraine", "Ukraine", "UKR")],
            trigger_start=accused[0],
            trigger_end=accused[1],
        ),
    ]
    quotes = [
        Quote("q1", text[quote[0] : quote[1]], *quote, speaker=zhao, kind="direct", cue="said"),
        Quote("q2", "disinformation", *fragment, speaker=zhao, kind="direct", cue="called"),
    ]
    entities = [
        Entity(w, label, *_mark(text, w), name=w, code=code)
        for w, label, code in (
            ("Jake Sullivan", "PERSON", "USA"),
            ("Yang Jiechi", "PERSON", "CHN"),
            ("Rome", "GPE", "ITA"),
            ("Zhao Lijian", "PERSON", "CHN"),
            ("Russia", "GPE", "RUS"),
        )
    ]
    article = Article(
        "rome-1",
        text,
        title="US to warn China at meeting in Rome",
        source="CNN",
        published="2022-03-13T21:12:38",
        url="https://example.com/rome",
    )
    return Analysis(article, events, quotes, entities)


def hostile_analysis() -> Analysis:
    """An article whose every field tries to run script in the page."""
    text = (
        f"Officials said {XSS_SCRIPT} was found. Protesters {XSS_IMG} rallied in Paris on Tuesday "
        f"against France.\n\n\u201c{XSS_SCRIPT} we will not stop\u201d, said {XSS_IMG} leader."
    )
    sentence = _mark(text, f"Protesters {XSS_IMG} rallied in Paris on Tuesday against France.")
    trigger = _mark(text, "rallied")
    quote = _mark(text, f"{XSS_SCRIPT} we will not stop")
    nasty = Actor(XSS_IMG, XSS_SCRIPT, "FRA", "CVL", XSS_IMG)
    event = Event(
        "e1",
        "PROTEST",
        "rallied",
        text[sentence[0] : sentence[1]],
        *sentence,
        source=[nasty],
        target=[Actor("France", "France", "FRA", "GOV")],
        date="2022-03-15",
        date_precision="day",
        location=Location(XSS_SCRIPT, XSS_IMG, "FRA"),
        status="occurred",
        disputed_by=[nasty],
        trigger_start=trigger[0],
        trigger_end=trigger[1],
    )
    article = Article(
        "xss-<b>1</b>",
        text,
        title=f"Title {XSS_SCRIPT} {XSS_IMG}",
        source=XSS_IMG,
        published="2022-03-15T08:00:00",
        url="javascript:alert(1)",
        authors=[XSS_SCRIPT],
    )
    return Analysis(
        article,
        [event],
        [Quote("q1", text[quote[0] : quote[1]], *quote, speaker=nasty)],
        [Entity(XSS_IMG, "PERSON", *_mark(text, XSS_IMG), name=XSS_SCRIPT)],
    )


def spreadsheet_analysis() -> Analysis:
    text = '=HYPERLINK("http://evil") Iran threatened Israel with retaliation on Friday.'
    sentence = (0, len(text))
    trigger = _mark(text, "threatened")
    event = Event(
        "e1",
        "THREATEN",
        "threatened",
        text,
        *sentence,
        source=[Actor("Iran", "Iran", "IRN")],
        target=[Actor("Israel", "Israel", "ISR")],
        date="2022-03-18",
        date_precision="day",
        trigger_start=trigger[0],
        trigger_end=trigger[1],
    )
    return Analysis(Article("formula-1", text, title="Iran threatens Israel", published="2022-03-18T10:00:00"), [event])


def live_analysis(i: int) -> Analysis:
    """A distinct article (no shared word 3-grams with the others, so no copy detection) with one event."""
    words = " ".join(f"w{i}x{k}" for k in range(40))
    text = f"Iran threatened Israel on day {i}. {words}."
    trigger = _mark(text, "threatened")
    event = Event(
        "e1",
        "THREATEN",
        "threatened",
        text[: text.index(".") + 1],
        0,
        text.index(".") + 1,
        source=[Actor("Iran", "Iran", "IRN")],
        target=[Actor("Israel", "Israel", "ISR")],
        trigger_start=trigger[0],
        trigger_end=trigger[1],
    )
    return Analysis(Article(f"live-{i}", text, title=f"Live {i}", published="2022-03-19T10:00:00"), [event])


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    with Store(path) as store:
        store.write([rome_analysis(), hostile_analysis(), spreadsheet_analysis()])
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(str(db)))


def codes(side: list[dict]) -> list[str]:
    return [a["code"] for a in side]


# ---------------------------------------------------------------------------------------- API shape


def test_stats_count_what_is_stored(client):
    stats = client.get("/api/stats").json()
    assert stats["counts"] == {"articles": 3, "entities": 6, "events": 4, "quotes": 3}
    assert stats["events_by_type"] == {"CONSULT": 1, "ACCUSE": 1, "PROTEST": 1, "THREATEN": 1}
    assert stats["claims"] == 2  # the reported-and-disputed ACCUSE, and the PROTEST someone disputes
    assert (stats["first_date"], stats["last_date"]) == ("2022-03-10", "2022-03-18")


def test_article_record_is_the_extract_shape_with_true_offsets(client):
    record = client.get("/api/articles/rome-1").json()
    assert set(record) == {"article", "events", "quotes", "entities"}
    text = record["article"]["text"]
    consult = record["events"][0]
    assert consult["type"] == "CONSULT" and codes(consult["source"]) == ["USA"] and codes(consult["target"]) == ["CHN"]
    assert consult["location"] == {"text": "Rome", "name": "Rome", "code": "ITA", "lat": 41.89, "lon": 12.48}
    assert text[consult["start"] : consult["end"]] == consult["sentence"]
    assert text[consult["trigger_start"] : consult["trigger_end"]] == "meet"
    assert [q["speaker"]["name"] for q in record["quotes"]] == ["Zhao Lijian", "Zhao Lijian"]
    assert all(text[q["start"] : q["end"]] == q["text"] for q in record["quotes"])
    assert all(text[e["start"] : e["end"]] == e["text"] for e in record["entities"])


def test_unknown_article_is_404_in_json_and_in_html(client):
    assert client.get("/api/articles/nope").status_code == 404
    page = client.get("/articles/nope")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"] and "nope" in page.text


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"type": "consult"}, {"CONSULT"}),
        ({"actor": "ukr"}, {"ACCUSE"}),
        ({"from": "2022-03-14", "to": "2022-03-15"}, {"CONSULT", "PROTEST"}),
        ({"status": "reported"}, {"ACCUSE"}),
        ({"q": "border village"}, {"ACCUSE"}),
        ({"actor": "FRA", "type": "PROTEST"}, {"PROTEST"}),
        ({"type": "ASSAULT"}, set()),
    ],
)
def test_event_filters_narrow_the_rows(client, params, expected):
    body = client.get("/api/events", params=params).json()
    assert {e["type"] for e in body["items"]} == expected and body["total"] == len(expected)


def test_paging_reports_total_and_slices(client):
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 4 and len(first["items"]) == len(second["items"]) == 2
    assert {e["article_id"] + e["id"] for e in first["items"]}.isdisjoint(
        {e["article_id"] + e["id"] for e in second["items"]}
    )


def test_claims_keep_who_reports_and_who_disputes(client):
    items = client.get("/api/claims").json()["items"]
    accuse = next(e for e in items if e["type"] == "ACCUSE")
    assert codes(accuse["attributed_to"]) == ["RUS"] and codes(accuse["disputed_by"]) == ["UKR"]
    assert {e["type"] for e in items} == {"ACCUSE", "PROTEST"}
    page = client.get("/claims").text
    assert "Reported by" in page and "Disputed or denied by" in page


def test_quotes_by_speaker_and_words(client):
    assert client.get("/api/quotes", params={"speaker": "Zhao"}).json()["total"] == 2
    found = client.get("/api/quotes", params={"q": "consistent and clear"}).json()["items"]
    assert [q["speaker"]["name"] for q in found] == ["Zhao Lijian"]
    page = client.get("/quotes").text
    assert "Zhao Lijian" in page and "all 2 quotes" in page


def test_actor_network_counts_pairs_by_type(client):
    body = client.get("/api/actors").json()
    pairs = [{k: v for k, v in e.items() if not k.endswith("_name")} for e in body["network"]]
    assert {"source": "CHN", "target": "USA", "type": "CONSULT", "mutual": True, "events": 1, "mentions": 1} in pairs
    # a meeting has no direction: one pair, in code order
    assert {"source": "RUS", "target": "UKR", "type": "ACCUSE", "mutual": False, "events": 1, "mentions": 1} in pairs
    assert {(e["source_name"], e["target_name"]) for e in body["network"]} >= {("Russia", "Ukraine")}
    usa = next(a for a in body["actors"] if a["code"] == "USA")
    assert usa == {
        "id": "USA",
        "code": "USA",
        "name": "United States",
        "events": 1,
        "mentions": 1,
        "as_source": 0,
        "as_target": 0,
    }
    page = client.get("/actors").text
    assert "<svg" in page and "CHN – USA: 1 event, told 1 time (CONSULT 1)" in page
    assert "RUS – UKR: 1 event, told 1 time (ACCUSE RUS→UKR 1)" in page
    assert "FRA" not in {e["source"] for e in body["network"]}  # France protesting in France: no pair
    second = client.get("/api/actors", params={"limit": 1, "offset": 1}).json()["actors"]
    assert [a["code"] for a in second] == [body["actors"][1]["code"]]  # pages as every list does
    assert next(a for a in body["actors"] if a["code"] == "FRA")["events"] == 1


def test_overview_draws_the_timeline_by_type(client):
    page = client.get("/").text
    assert '<svg class="chart"' in page
    assert "2022-03-14 CONSULT: 1 event, told 1 time" in page and "/events?type=CONSULT&amp;from=2022-03-14" in page


def test_openapi_lists_the_filters_and_docs_load_nothing_remote(client):
    spec = client.get("/openapi.json").json()
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"type", "actor", "from", "to", "status", "q", "limit", "offset"} <= params
    assert {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/quotes",
        "/api/claims",
        "/api/actors",
        "/api/stats",
        "/api/stories",
        "/api/stories/{story_event_id}",
    } <= set(spec["paths"])
    story_params = {p["name"] for p in spec["paths"]["/api/stories"]["get"]["parameters"]}
    assert {"type", "actor", "from", "to", "status", "q", "limit", "offset"} <= story_params
    docs = client.get("/docs").text
    assets = re.findall(r'(?:src|href)="([^"]+)"', docs)
    assert assets and all(a.startswith("/") for a in assets), assets
    assert all(client.get(a).status_code == 200 for a in assets)


def test_csv_download_has_the_filtered_rows_and_defuses_formulas(client):
    response = client.get("/events.csv", params={"type": "THREATEN", "limit": 1})
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    header = lines[0].split(",")
    assert header == list(FLAT_EVENT_COLUMNS) and len(lines) == 2  # the flat event row of every export
    assert "'=HYPERLINK" in lines[1]
    assert len(client.get("/events.csv").text.splitlines()) == 5  # all rows, whatever the page size


# ---------------------------------------------------------------------------------------- stories


def retold_analysis() -> Analysis:
    """The Rome meeting told again by another outlet in other words: the same story event."""
    text = (
        "Jake Sullivan is set to hold talks with Yang Jiechi in the Italian capital on Monday, "
        "according to officials familiar with the plans. Beijing has denied the reports about Moscow."
    )
    sentence = _mark(text, text.split(". ")[0] + ".")
    talks = _mark(text, "hold talks")
    event = Event(
        "e1",
        "CONSULT",
        "hold talks",
        text[sentence[0] : sentence[1]],
        *sentence,
        source=[Actor("Jake Sullivan", "Jake Sullivan", "USA", "GOV")],
        target=[Actor("Yang Jiechi", "Yang Jiechi", "CHN", "GOV")],
        date="2022-03-14",
        date_precision="day",
        location=Location("the Italian capital", "Rome", "ITA", 41.89, 12.48),
        status="planned",
        attributed_to=[Actor("officials", "officials familiar with the plans")],
        trigger_start=talks[0],
        trigger_end=talks[1],
    )
    return Analysis(
        Article(
            "retold-1",
            text,
            title="Sullivan and Yang to talk in Rome",
            source="Reuters",
            published="2022-03-13T22:00:00",
        ),
        [event],
    )


def copy_analysis() -> Analysis:
    """Another outlet running the Rome story word for word: recorded as a copy, not stored."""
    original = rome_analysis().article
    return Analysis(
        Article("rome-copy", original.text, title=original.title, source="AP", published="2022-03-14T01:00:00")
    )


@pytest.fixture(scope="module")
def story_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stories") / "stories.db"
    with Store(path) as store:
        store.write([rome_analysis(), retold_analysis(), copy_analysis(), spreadsheet_analysis()])
    return path


@pytest.fixture(scope="module")
def story_client(story_db) -> TestClient:
    return TestClient(create_app(str(story_db)))


def rome_story(client: TestClient) -> dict:
    return client.get("/api/stories", params={"type": "CONSULT"}).json()["items"][0]


def test_story_event_counts_articles_and_outlets_with_evidence_in_each(story_client):
    body = story_client.get("/api/stories").json()
    assert body["total"] == 3 and body["limit"] == 50  # the Rome meeting once; the ACCUSE; the THREATEN
    story = body["items"][0]  # the most widely told first
    assert (story["type"], story["dyad"], story["date"], story["location_name"]) == (
        "CONSULT",
        "CHN+USA",
        "2022-03-14",
        "Rome",
    )
    assert (story["num_mentions"], story["num_articles"], story["num_sources"]) == (2, 2, 3)  # AP's copy counts
    assert sorted(story["outlets"]) == ["ap", "cnn", "reuters"]
    assert {a["name"] for a in story["attributed_to"]} == {"White House", "officials familiar with the plans"}
    assert [m["article_id"] for m in story["mentions"]] == ["rome-1", "retold-1"]
    for m in story["mentions"]:
        text = story_client.get(f"/api/articles/{m['article_id']}").json()["article"]["text"]
        assert text[m["start"] : m["end"]] == m["sentence"]
    assert story_client.get(f"/api/stories/{story['id']}").json() == story


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"type": "consult"}, {"CONSULT"}),
        ({"actor": "rus"}, {"ACCUSE"}),
        ({"actor": "isr"}, {"THREATEN"}),
        ({"from": "2022-03-14", "to": "2022-03-17"}, {"CONSULT"}),
        ({"status": "planned"}, {"CONSULT"}),
        ({"q": "Italian capital"}, {"CONSULT"}),
        ({"q": "HYPERLINK", "type": "THREATEN"}, {"THREATEN"}),
        ({"q": "Italian capital", "type": "ACCUSE"}, set()),
        ({"type": "ASSAULT"}, set()),
    ],
)
def test_story_filters_narrow_the_rows(story_client, params, expected):
    body = story_client.get("/api/stories", params=params).json()
    assert {s["type"] for s in body["items"]} == expected and body["total"] == len(expected)


def cli_rows(db: Path, *args: str) -> list[dict]:
    proc = run_cli(*args, "--db", str(db), "--format", "json", "--limit", str(MAX_PAGE))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize(
    "params, flags, types",
    [
        ({}, [], {"CONSULT", "ACCUSE", "THREATEN"}),
        ({"actor": "irn"}, ["--actor", "irn"], {"THREATEN"}),
        (
            {"type": "CONSULT", "status": "planned", "from": "2022-03-14", "to": "2022-03-14"},
            ["--type", "CONSULT", "--status", "planned", "--from", "2022-03-14", "--to", "2022-03-14"],
            {"CONSULT"},
        ),
        ({"from": "2022-03-15"}, ["--from", "2022-03-15"], {"THREATEN"}),
    ],
)
def test_web_and_cli_count_the_same_story_events(story_db, story_client, params, flags, types):
    """The Rome meeting, told by CNN and again by Reuters (AP's copy adds an outlet, not a telling),
    is one event told twice in the chart, the actor tables and the network, as in `eventwire
    timeline` and `eventwire actors`; a filter narrows both alike."""
    timeline = story_client.get("/api/timeline", params=params).json()
    timeline = [{"date": r.pop("day"), **r} for r in timeline]  # the API's `day` is the command's `date`
    assert timeline == cli_rows(story_db, "timeline", "--by-type", *flags)
    assert {r["date_precision"] for r in timeline} == {"day"} and {r["story_dated"] for r in timeline} == {0}
    assert {r["type"] for r in timeline} == types
    body = story_client.get("/api/actors", params={**params, "limit": MAX_PAGE}).json()
    assert body["actors"] == cli_rows(story_db, "actors", *flags)
    assert body["network"] == cli_rows(story_db, "actors", "--network", *flags)
    overview, actors = (story_client.get(path, params=params).text for path in ("/", "/actors"))
    told_twice = "CONSULT" in types
    consult = {
        "date": "2022-03-14",
        "date_precision": "day",
        "type": "CONSULT",
        "events": 1,
        "mentions": 2,
        "story_dated": 0,
    }
    assert (consult in timeline) is told_twice
    assert ("2022-03-14 CONSULT: 1 event, told 2 times" in overview) is told_twice
    assert ("CHN – USA: 1 event, told 2 times (CONSULT 1)" in actors) is told_twice
    assert ("IRN Iran: 1 event, told 1 time" in actors) is ("THREATEN" in types)


def test_story_paging_and_bounds(story_client):
    first = story_client.get("/api/stories", params={"limit": 2}).json()
    rest = story_client.get("/api/stories", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == rest["total"] == 3 and [len(first["items"]), len(rest["items"])] == [2, 1]
    assert {s["id"] for s in first["items"]}.isdisjoint(s["id"] for s in rest["items"])
    assert story_client.get("/api/stories", params={"limit": MAX_PAGE + 1}).status_code == 422
    assert story_client.get("/api/stories/999999").status_code == 404
    assert story_client.get("/api/stories/abc").status_code == 422
    assert story_client.get("/stories/999999").status_code == 404


def test_stories_page_links_each_mention_to_its_evidence(story_client):
    story = rome_story(story_client)
    page = story_client.get("/stories").text
    assert '<a href="/stories" class="here" aria-current="page">Stories</a>' in page
    assert 'href="/articles/rome-1?event=e1#ev-e1"' in page and 'href="/articles/retold-1?event=e1#ev-e1"' in page
    assert "<b>hold talks</b>" in page and f'href="/stories/{story["id"]}"' in page
    assert "officials familiar with the plans" in page and "3 story events" in page
    assert story_client.get("/stories", params={"type": "ACCUSE"}).text.count('<tr id="story-') == 1
    one = story_client.get(f"/stories/{story['id']}").text
    assert (
        "Story event" in one
        and "Told by 3 outlets" in one
        and "reuters" in one
        and 'href="/articles/retold-1?event=e1#ev-e1"' in one
    )
    anchors = story_client.get("/articles/retold-1").text
    assert 'id="ev-e1"' in anchors  # the fragment the mentions link to exists in the article page


def test_story_groups_put_articles_telling_the_same_news_together(story_client):
    page = story_client.get("/stories", params={"view": "groups"}).text
    group = page[page.index('class="panel story-group"') :]
    assert "/articles/rome-1" in group and "/articles/retold-1" in group and "1 copy" in group
    assert "/articles/formula-1" not in page  # alone in its story
    assert story_client.get("/stories", params={"view": "other"}).status_code == 422


def test_article_page_shows_its_story_and_copies(story_client):
    page = story_client.get("/articles/rome-1").text
    assert 'href="/stories?article=rome-1"' in page and 'href="/articles/retold-1"' in page
    assert "rome-copy" in page and "exact" in page
    assert f'href="/stories/{rome_story(story_client)["id"]}"' in page and "told by 2 articles, 3 sources" in page
    assert "No copies of this article were recorded." in story_client.get("/articles/retold-1").text


def test_a_copy_id_leads_to_the_original_with_a_note(story_client):
    response = story_client.get("/articles/rome-copy", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/articles/rome-1?copy=rome-copy"
    page = story_client.get("/articles/rome-copy").text
    assert "rome-copy (AP) is recorded as an exact copy" in page
    assert "copy of 'rome-1'" in story_client.get("/api/articles/rome-copy").json()["detail"]
    assert "recorded as" not in story_client.get("/articles/retold-1?copy=rome-copy").text  # not its copy
    assert story_client.get("/articles/nope").status_code == 404


# ---------------------------------------------------------------------------------------- escaping


class Tags(HTMLParser):
    """The elements and attribute names a browser would build from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.attributes.update(name for name, _ in attrs)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/events",
        "/claims",
        "/quotes",
        "/actors",
        "/articles",
        "/stories",
        "/stories?view=groups",
        "/stories?q=Protesters",
        "/articles?q=script",
        "/quotes?speaker=alert",
        "/events?q=Protesters",
        "/articles/xss-%3Cb%3E1%3C%2Fb%3E",
    ],
)
def test_hostile_text_is_escaped_everywhere(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = response.text
    for raw in (XSS_SCRIPT, XSS_IMG, "<b>1</b>", "javascript:"):
        assert raw not in page
    tags = Tags()
    tags.feed(page)
    assert "script" not in tags.names and "img" not in tags.names
    assert not [a for a in tags.attributes if a.startswith("on")]  # no event handler anywhere
    assert "script-src" not in response.headers["content-security-policy"]  # no script may run on a page


def test_hostile_article_page_shows_the_text_escaped_and_marked(client):
    page = client.get("/articles/xss-%3Cb%3E1%3C%2Fb%3E").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert 'href="javascript' not in page
    assert re.search(r'<a class="[^"]*\bt\b[^"]*" href="#event-e1"[^>]*>rallied</a>', page)


def test_highlight_render_keeps_the_text_and_marks_overlaps():
    text = 'A <b> "met" & B'
    marks = [
        highlight.Span(0, len(text), ("s",), "sentence"),
        highlight.Span(7, 10, ("t",), 'x"y', "ev-1", "#event-1"),
        highlight.Span(6, 11, ("q",), "quote"),
    ]
    out = str(highlight.render(text, marks))
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
    assert (
        '<span class="anchor" id="ev-1"></span>'
        '<a class="q s t" href="#event-1" title="sentence | quote | x&#34;y">met</a>'
    ) in out
    assert "&lt;b&gt;" in out and "&amp;" in out


# ---------------------------------------------------------------------------------------- bound parameters


@pytest.mark.parametrize("nasty", SQL_NASTIES)
def test_sql_metacharacters_are_only_data(client, db, nasty):
    for url, params in (
        ("/api/claims", {"q": nasty, "article": nasty}),
        ("/api/articles", {"q": nasty}),
        ("/events", {"q": nasty}),
        ("/quotes", {"speaker": nasty, "q": nasty}),
        ("/articles", {"q": nasty}),
        ("/actors", {"q": nasty}),
        ("/claims", {"q": nasty}),
        ("/stories", {"q": nasty}),
        ("/api/stories", {"q": nasty}),
    ):
        response = client.get(url, params=params)
        assert response.status_code == 200, (url, params, response.text[:300])
    events = client.get("/api/events", params={"limit": MAX_PAGE}).json()["items"]
    quotes = client.get("/api/quotes", params={"limit": MAX_PAGE}).json()["items"]
    literal = nasty.lower()
    assert client.get("/api/events", params={"q": nasty}).json()["total"] == sum(
        literal in e["sentence"].lower() for e in events
    )
    assert client.get("/api/events", params={"actor": nasty[:16]}).status_code == 422  # no such actor: said
    assert client.get("/api/stories", params={"q": nasty}).json()["total"] == sum(
        literal in e["sentence"].lower() for e in events
    )  # each event here is a story event of its own
    assert client.get("/api/quotes", params={"speaker": nasty}).json()["total"] == sum(
        literal in (q["speaker"]["name"] + q["speaker"]["text"]).lower() for q in quotes
    )
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 4


def test_like_wildcards_in_filters_are_literal(client):
    assert client.get("/api/quotes", params={"speaker": "%"}).json()["total"] == 0
    assert client.get("/api/events", params={"q": "_"}).json()["total"] == 0
    assert client.get("/api/stories", params={"q": "%"}).json()["total"] == 0


# ---------------------------------------------------------------------------------------- bounds


@pytest.mark.parametrize(
    "params",
    [
        {"limit": MAX_PAGE + 1},
        {"limit": 0},
        {"offset": -1},
        {"type": "BOMB"},
        {"status": "rumoured"},
        {"from": "14 March"},
        {"q": "x" * 201},
        {"actor": "A" * 17},
    ],
)
def test_out_of_bounds_filters_are_refused(client, params):
    for api, html_page in (("/api/events", "/events"), ("/api/stories", "/stories")):
        assert client.get(api, params=params).status_code == 422
        page = client.get(html_page, params=params)
        assert page.status_code == 422 and "Invalid filter" in page.text


def test_largest_page_is_allowed(client):
    assert client.get("/api/events", params={"limit": MAX_PAGE}).status_code == 200


def test_oversized_requests_are_refused(client):
    assert client.get("/events?q=" + "x" * 5000).status_code == 414
    assert client.post("/api/events", content=b"x" * 100_000).status_code == 413
    assert client.post("/api/events", content=b"{}").status_code == 405


def test_default_bind_address_is_loopback():
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="eventwire ingest"):
        create_app(str(tmp_path / "none.db"))


# ---------------------------------------------------------------------------------------- read-only, while writing


def test_server_connection_cannot_write(db):
    conn = connect(db, readonly=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM events")
    conn.close()


def test_pages_keep_answering_while_an_ingest_writes(tmp_path):
    path = tmp_path / "live.db"
    with Store(path) as store:
        store.write([rome_analysis()])
    client = TestClient(create_app(str(path)))
    assert client.get("/api/stats").json()["counts"]["articles"] == 1

    writer = Store(path)
    writer.conn.execute("BEGIN IMMEDIATE")  # a batch in progress holds the write lock
    writer.conn.execute("UPDATE articles SET title = 'changed' WHERE id = 'rome-1'")
    assert client.get("/").status_code == 200
    assert client.get("/api/articles/rome-1").json()["article"]["title"] != "changed"  # uncommitted: unseen
    writer.conn.execute("ROLLBACK")

    seen: list[int] = []
    errors: list[str] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            for url in ("/", "/events", "/api/stats"):
                response = client.get(url)
                if response.status_code != 200:
                    errors.append(f"{url} {response.status_code}")
            seen.append(client.get("/api/stats").json()["counts"]["articles"])

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(20):
            writer.write([live_analysis(i)])
    finally:
        done.set()
        reader.join(timeout=60)
        writer.close()
    assert not errors
    assert seen == sorted(seen)  # never goes back
    time.sleep(QUIET)  # once the store is still, a reload shows every row written
    assert client.get("/api/stats").json()["counts"]["articles"] == 21
    assert client.get("/api/articles/live-19").status_code == 200
