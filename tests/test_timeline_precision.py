"""Events dated only to a month or a year appear at that precision (docs/contract.md): on a row of their own in
`eventwire timeline` and /api/timeline, in their bar when the chart's bars are that long, and listed under
the chart otherwise, the "event dates" card saying so."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import run_cli
from fastapi.testclient import TestClient

from eventwire.model import Actor, Analysis, Article, Event
from eventwire.store.sqlite import Store
from eventwire.web import charts
from eventwire.web.app import create_app

CHN, IND = Actor("China", "China", "CHN"), Actor("India", "India", "IND")


def _event(id: str, type: str, day: str | None, precision: str | None) -> Event:
    return Event(id, type, "x", "A sentence.", 0, 11, [CHN], [IND], date=day, date_precision=precision)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("precision") / "ew.db"
    events = [
        _event("e1", "ASSAULT", "2024-03-05", "day"),
        _event("e2", "ACCUSE", "2024-03-01", "month"),  # "in March"
        _event("e3", "REJECT", "2023-01-01", "year"),  # "last year"
        _event("e4", "THREATEN", "2024-03-20", "day"),
    ]
    with Store(path) as store:
        store.write([Analysis(Article("a1", "A sentence. " * 3, published="2024-04-02T09:00:00Z"), events)])
    return path


def _cli(db: Path, *args: str) -> str:
    proc = run_cli("timeline", "--db", str(db), *args)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_the_timeline_lists_a_month_or_a_year_at_its_precision(db):
    rows = json.loads(_cli(db, "--format", "json"))
    assert [(r["date"], r["date_precision"], r["events"]) for r in rows] == [
        ("2023-01-01", "year", 1),
        ("2024-03-01", "month", 1),  # before the days of its month
        ("2024-03-05", "day", 1),
        ("2024-03-20", "day", 1),
    ]
    table = _cli(db)
    assert re.search(r"^2023\s+year\s+1", table, re.M) and re.search(r"^2024-03\s+month\s+1", table, re.M)
    api = TestClient(create_app(str(db))).get("/api/timeline").json()
    assert [{"date": r.pop("day"), **r} for r in api] == json.loads(_cli(db, "--by-type", "--format", "json"))


def test_the_overview_lists_what_its_bars_are_too_short_for_and_the_card_says_so(db):
    page = TestClient(create_app(str(db))).get("/").text  # 2023-01 to 2024-03: bars by week
    assert "event dates, by week" in page
    assert "and 2 dated only to a longer span than a week, listed under the chart" in page
    note = re.search(r'<p class="hint apart">(.*?)</p>', page).group(1)
    assert '<a href="/events?from=2023-01-01&amp;to=2023-12-31">2023</a> (year): 1 event' in note
    assert '<a href="/events?from=2024-03-01&amp;to=2024-03-31">2024-03</a> (month): 1 event' in note
    bars = re.findall(r"<title>week of [\d-]+ (\w+): ", page)
    assert sorted(bars) == ["ASSAULT", "THREATEN"]


def test_bars_by_month_count_a_month_precise_event_in_its_month():
    rows = [
        *(
            {"day": (date(2020, 1, 1) + timedelta(days=d)).isoformat(), "type": "CONSULT", "events": 1, "mentions": 1}
            for d in range(0, 1500, 30)
        ),
        {"day": "2021-06-01", "date_precision": "month", "type": "ACCUSE", "events": 3, "mentions": 4},
        {"day": "2021-01-01", "date_precision": "year", "type": "REJECT", "events": 2, "mentions": 2},
    ]
    span = charts.timeline_span(rows, trim=False)
    assert (span.unit, span.apart) == ("month", 2)  # the year is longer than a bar by month
    svg = charts.timeline_svg(rows, span)
    assert "<title>2021-06 ACCUSE: 3 events, told 4 times</title>" in svg
    assert "REJECT" not in svg.split("</svg>")[0] and "2021</a> (year): 2 events" in svg
