"""The overview chart: its bar (day, week or month) follows the span of the data, the "event dates" card
says what the chart shows, and events with no date of their own stand at their article's date, marked."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_web import live_analysis, rome_analysis, spreadsheet_analysis

from eventwire.store.sqlite import Store
from eventwire.web import charts
from eventwire.web.app import create_app


def _rows(first: date, days: int, every: int = 1) -> list[dict]:
    return [
        {"day": (first + timedelta(days=d)).isoformat(), "type": "CONSULT", "events": 1, "mentions": 1}
        for d in range(0, days, every)
    ]


@pytest.mark.parametrize("days, unit", [(20, "day"), (200, "week"), (1500, "month"), (9000, "year")])
def test_the_bar_follows_the_span_of_the_data(days, unit):
    span = charts.timeline_span(_rows(date(2020, 1, 1), days + 1, every=max(1, days // 40)), trim=False)
    assert span.unit == unit
    svg = charts.timeline_svg(_rows(date(2020, 1, 1), days + 1, every=max(1, days // 40)), span)
    assert f'aria-label="Events per {unit} by type"' in svg


def test_trimmed_span_counts_what_it_leaves_out():
    rows = [{"day": "1990-05-01", "type": "ACCUSE", "events": 1, "mentions": 1}, *_rows(date(2024, 1, 1), 40)]
    span = charts.timeline_span(rows)
    assert (span.first, span.last, span.unit, span.earliest) == (
        date(2024, 1, 2),
        date(2024, 2, 9),
        "day",
        date(1990, 5, 1),
    )
    assert span.hidden == 2  # the 1990 event and the first day of the 5 % trimmed
    assert charts.timeline_span(rows, trim=False).first == date(1990, 5, 1)


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    db: Path = tmp_path_factory.mktemp("chart") / "chart.db"
    with Store(db) as store:  # dated events on 10, 14 and 18 March 2022; two undated ones published 19 March
        store.write([rome_analysis(), spreadsheet_analysis(), live_analysis(1), live_analysis(2)])
    return TestClient(create_app(str(db)))


def test_the_dates_card_agrees_with_the_chart(client):
    page = client.get("/").text
    card = re.search(r'<div class="card dates"><div class="n small">(.*?)</div>\s*<div class="label">(.*?)</div>', page)
    assert card.group(1) == "2022-03-10<br>2022-03-19" and card.group(2) == "event dates, by day"
    ticks = re.findall(r'<text class="tick" x="[\d.]+" y="\d+" text-anchor="middle">([\d-]+)</text>', page)
    assert ticks[0] == "2022-03-10"


def test_undated_events_stand_hatched_at_their_articles_date(client):
    page = client.get("/").text
    undated = re.findall(r'<rect class="undated"[^>]*><title>(.*?)</title>', page)
    assert undated == ["2022-03-19: 2 events with no date of their own, at their article's date"]
    assert 'id="hatch"' in page
    assert "undated" not in client.get("/", params={"to": "2022-03-18"}).text.split("<svg", 1)[1].split("</svg>")[0]


@pytest.mark.parametrize(
    "rows",
    [
        [{"day": "9999-12-31", "type": "ACCUSE", "events": 1, "mentions": 1}],  # an article dated the last day
        [{"day": "9999-12-01", "date_precision": "month", "type": "ACCUSE", "events": 1, "mentions": 1}],
        [*_rows(date(9999, 1, 1), 365, every=3)],  # bars by week up to the calendar's end
        [{"day": "0001-01-01", "type": "AID", "events": 1, "mentions": 1}, *_rows(date(9999, 12, 1), 31)],
    ],
)
def test_the_calendars_last_days_are_drawn(rows):
    for trim in (True, False):
        span = charts.timeline_span(rows, trim)
        assert span.last.year == 9999
        svg = charts.timeline_svg(rows, span, trim={} if trim else None)
        assert "<rect" in svg or "9999-12</a> (month): 1 event" in svg  # drawn, or listed under the bars
