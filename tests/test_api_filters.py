"""The API checks its filters as the commands do (one shared check, store/filters.py): a refused
value is a 422 with the command's message; several values mean either; actors by name; mode and
context filters; undated events found at their story's date, month-precise ones kept whole."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from eventwire.model import Actor, Analysis, Article, Event
from eventwire.store import filters
from eventwire.store.sqlite import Store
from eventwire.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

CHN, IND, RUS = Actor("China", "China", "CHN"), Actor("India", "India", "IND"), Actor("Russia", "Russia", "RUS")


def _event(id: str, type: str, source: Actor, target: Actor, **kw) -> Event:
    return Event(id, type, "x", "A sentence.", 0, 11, source=[source], target=[target], **kw)


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    path: Path = tmp_path_factory.mktemp("api_filters") / "ew.db"
    events = [
        _event(
            "e1", "ASSAULT", CHN, IND, mode="aerial", context=["territory"], date="2024-03-05", date_precision="day"
        ),
        _event("e2", "ACCUSE", RUS, IND, context=["election", "economic"], date="2024-03-01", date_precision="month"),
        _event("e3", "THREATEN", CHN, RUS),  # no date of its own: its story's (the article's) date
    ]
    with Store(path) as store:
        store.write([Analysis(Article("a1", "A sentence. " * 3, published="2024-04-02T09:00:00Z"), events)])
    return TestClient(create_app(str(path)))


def ids(client: TestClient, **params) -> set[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return {e["id"] for e in response.json()["items"]}


@pytest.mark.parametrize(
    "params",
    [{"type": "ATTACK"}, {"status": "rumoured"}, {"from": "2025-13-45"}, {"actor": "Chna"}, {"from": "yesterday"}],
)
def test_a_refused_value_is_a_422_with_the_commands_message(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    name, value = next(iter(params.items()))
    keyword = {"from": "date_from"}.get(name, name)
    with pytest.raises(filters.FilterError) as refused:
        filters.event_filter(**{keyword: value})
    assert str(refused.value) in response.text


def test_repeated_parameters_and_comma_lists_mean_either(client):
    assert ids(client, type=["ASSAULT", "ACCUSE"]) == ids(client, type="assault,accuse") == {"e1", "e2"}
    assert ids(client, status="occurred,reported") == {"e1", "e2", "e3"}


def test_actors_by_name_capital_or_code(client):
    assert ids(client, actor="Beijing") == ids(client, actor="china") == ids(client, actor="CHN") == {"e1", "e3"}
    assert ids(client, actor=["CHN", "RUS"]) == {"e1", "e2", "e3"}


def test_mode_and_context_filters(client):
    assert ids(client, mode="aerial") == {"e1"}
    assert ids(client, context="election") == {"e2"}
    assert ids(client, context=["territory", "economic"]) == {"e1", "e2"}


def test_undated_events_are_found_at_their_story_date_and_months_kept_whole(client):
    assert ids(client, **{"from": "2024-04-02", "to": "2024-04-02"}) == {"e3"}
    assert ids(client, **{"from": "2024-03-05", "to": "2024-03-05"}) == {"e1"}  # the March event is not a day
    assert ids(client, **{"from": "2024-03", "to": "2024-03"}) == {"e1", "e2"}


def test_the_timeline_counts_undated_events_at_their_story_date(client):
    rows = client.get("/api/timeline").json()
    assert {(r["day"], r["date_precision"], r["type"], r["story_dated"]) for r in rows} == {
        ("2024-03-01", "month", "ACCUSE", 0),  # at its precision: the month, not its first day
        ("2024-03-05", "day", "ASSAULT", 0),
        ("2024-04-02", "day", "THREATEN", 1),
    }
    stories = client.get("/api/stories", params={"from": "2024-04", "to": "2024-04"}).json()["items"]
    assert [s["type"] for s in stories] == ["THREATEN"]


def test_modes_and_contexts_outside_plover_are_refused_with_the_valid_ones(client):
    response = client.get("/api/events", params={"mode": "orbital"})
    assert response.status_code == 422 and "unknown mode 'orbital'; one of" in response.text
    assert "aerial" in response.text
    response = client.get("/api/events", params={"context": "sports"})
    assert response.status_code == 422 and "unknown context 'sports'; one of" in response.text
