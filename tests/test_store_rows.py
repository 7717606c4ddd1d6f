"""One definition of the event row (eventwire/model.py): the schema, the writes, the API and the
exports agree with it."""

from __future__ import annotations

import sqlite3
from dataclasses import fields

from eventwire.model import Actor, Analysis, Article, Event, Location, event_columns, event_record, event_row
from eventwire.store.database import SCHEMA
from eventwire.store.sqlite import table_rows
from eventwire.web.api import Event as ApiEvent


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
    assert set(_schema_columns("events")) == {"article_id", *event_columns()}


def test_an_event_row_read_back_is_the_event():
    row = event_row(EVENT)
    assert list(row) == list(event_columns())
    record = event_record({**row, "source": [], "target": [], "attributed_to": [], "disputed_by": []})
    assert record["location"] == {"text": "Rome", "name": "Rome", "code": "ITA", "lat": 41.9, "lon": 12.5}
    assert record["context"] == ["talks"] and record["status"] == "occurred"


def test_writes_and_the_api_model_derive_from_the_event():
    [row] = table_rows(Analysis(Article(id="a", text=EVENT.sentence), [EVENT]))["events"]
    assert list(row) == ["article_id", *event_columns()]
    assert {f.name for f in fields(Event)} | {"article_id"} <= set(ApiEvent.model_fields)
