"""One definition of the event row (eventwire/model.py): the schema, the writes, the API and the
exports agree with it."""

from __future__ import annotations

import sqlite3
from dataclasses import fields

from fastapi.testclient import TestClient

from eventwire.model import (
    EVENT_COLUMNS,
    Actor,
    Analysis,
    Article,
    Event,
    Location,
    Quote,
    event_record,
    event_row,
)
from eventwire.store.database import SCHEMA
from eventwire.store.sqlite import Store, table_rows
from eventwire.web.api import Event as ApiEvent
from eventwire.web.app import create_app


def _schema_columns(table: str) -> list[str]:
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA.read_text(encoding="utf-8"))
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


EVENT = Event(
    id="e1",
    type="CONSULT",
    trigger="met",
    sentence="Sullivan met Yang in Rome.",
    start=0,
    end=26,
    source=[Actor("Sullivan", code="USA")],
    target=[Actor("Yang", code="CHN")],
    context=["talks"],
    location=Location("Rome", "Rome", "ITA", 41.9, 12.5),
)


def test_the_schema_has_a_column_for_every_field_of_the_event_row():
    assert set(_schema_columns("events")) == {"article_id", *EVENT_COLUMNS}


def test_an_event_row_read_back_is_the_event():
    row = event_row(EVENT)
    assert list(row) == list(EVENT_COLUMNS)
    record = event_record({**row, "source": [], "target": [], "attributed_to": [], "disputed_by": []})
    assert record["location"] == {"text": "Rome", "name": "Rome", "code": "ITA", "lat": 41.9, "lon": 12.5}
    assert record["context"] == ["talks"] and record["status"] == "occurred"


def test_writes_and_the_api_model_derive_from_the_event():
    [row] = table_rows(Analysis(Article(id="a", text=EVENT.sentence), [EVENT]))["events"]
    assert list(row) == ["article_id", *EVENT_COLUMNS]
    assert {f.name for f in fields(Event)} | {"article_id"} <= set(ApiEvent.model_fields)


def _aliased_analysis() -> Analysis:
    text = 'Sullivan met Yang in Rome. "We spoke frankly," Sullivan said.'
    sullivan = Actor("Sullivan", "Jake Sullivan", "USA", "GOV", aliases=["Sullivan", "Jake Sullivan"])
    event = Event("e1", "CONSULT", "met", text[:26], 0, 26, source=[sullivan], target=[Actor("Yang", code="CHN")])
    quote = Quote("q1", "We spoke frankly,", 28, 45, speaker=sullivan)
    return Analysis(Article("a1", text, title="Talks"), [event], [quote])


def test_an_actor_keeps_its_aliases_in_the_store(tmp_path):
    with Store(tmp_path / "ew.db") as store:
        store.write([_aliased_analysis()])
    client = TestClient(create_app(str(tmp_path / "ew.db")))
    [event] = client.get("/api/events").json()["items"]
    assert event["source"][0]["aliases"] == ["Sullivan", "Jake Sullivan"]
    assert event["target"][0]["aliases"] == []
    [quote] = client.get("/api/quotes").json()["items"]
    assert quote["speaker"]["aliases"] == ["Sullivan", "Jake Sullivan"]


def test_a_store_made_before_aliases_gains_the_columns_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.write([_aliased_analysis()])
    conn = sqlite3.connect(path)  # as an older eventwire left it: no aliases columns
    conn.execute("ALTER TABLE event_actors DROP COLUMN aliases")
    conn.execute("ALTER TABLE quotes DROP COLUMN speaker_aliases")
    conn.commit()
    conn.close()
    [event] = TestClient(create_app(str(path))).get("/api/events").json()["items"]  # read as it is
    assert event["source"][0]["aliases"] == []
    with Store(path) as store:  # opened for writing: the columns are added
        store.write([Analysis(Article("a2", "Another story.", title="More"))])
        assert store.conn.execute("SELECT count(*) FROM event_actors WHERE aliases = '[]'").fetchone()[0] == 2
    assert sorted(a["id"] for a in TestClient(create_app(str(path))).get("/api/articles").json()["items"]) == [
        "a1",
        "a2",
    ]
