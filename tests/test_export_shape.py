"""One shape for events everywhere (issue 13 item 2): `events --format jsonl|csv`, the API, the web's
CSV download and `export --table events` give the flat event's columns with the same values; Parquet
is typed; a cell a spreadsheet would run as a formula is quoted."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import warnings
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import run_cli

from eventwire.model import FLAT_EVENT_COLUMNS
from eventwire.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

STORIES = [
    {
        "id": "w1",
        "title": '=HYPERLINK("http://x")',
        "source": "Wire",
        "url": "http://example.com/w1",
        "published": "2024-03-06T10:00:00+02:00",
        "text": "Chinese troops attacked Indian soldiers near Ladakh on March 5, 2024. "
        "Russia accused Ukraine of shelling Donetsk, Ukrainian officials denied it.",
    },
    # A plan stays undated (docs/conventions.md, dates): its row carries the story's date.
    {"id": "w2", "published": "2024-04-02", "text": "Iran will retaliate against Israel."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("shape") / "ew.db"
    proc = run_cli("ingest", "-", "--db", str(path), stdin="".join(json.dumps(s) + "\n" for s in STORIES))
    assert proc.returncode == 0, proc.stderr
    return path


def out(*args: str) -> str:
    proc = run_cli(*args)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def by_event(rows: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["article_id"], r["event_id"]): r for r in rows}


def test_the_flat_view_has_the_model_columns(db):
    with sqlite3.connect(db) as conn:
        assert tuple(r[1] for r in conn.execute("PRAGMA table_info(events_flat)")) == FLAT_EVENT_COLUMNS


def test_commands_export_and_api_give_the_same_rows(db):
    listed = [json.loads(line) for line in out("events", "--db", str(db), "--format", "jsonl").splitlines()]
    exported = [json.loads(line) for line in out("export", "--db", str(db), "--format", "jsonl").splitlines()]
    assert listed and all(tuple(r) == FLAT_EVENT_COLUMNS for r in listed + exported)
    assert by_event(listed) == by_event(exported)
    api = TestClient(create_app(str(db))).get("/api/events").json()["items"]
    assert by_event([{c: r[c] for c in FLAT_EVENT_COLUMNS} for r in api]) == by_event(listed)
    accused = next(r for r in listed if r["type"] == "ACCUSE")
    assert accused["source_codes"] == ["RUS"] and accused["target_codes"] == ["UKR"]
    assert accused["source_ids"] == ["RUS"] and accused["target_ids"] == ["UKR"]  # a country's id is its code
    assert accused["article_published"] == "2024-03-06T08:00:00Z"  # UTC, with Z


def test_csv_of_the_command_the_export_and_the_web_agree_and_quote_formulas(db):
    listed = out("events", "--db", str(db), "--format", "csv")
    exported = out("export", "--db", str(db), "--format", "csv")
    web = TestClient(create_app(str(db))).get("/events.csv").text
    tables = [sorted(csv.reader(io.StringIO(text))) for text in (listed, exported, web)]
    assert tables[0] == tables[1] == tables[2]
    rows = list(csv.DictReader(io.StringIO(listed)))
    assert {r["article_title"] for r in rows if r["article_id"] == "w1"} == {'\'=HYPERLINK("http://x")'}


def test_undated_events_carry_their_story_date(db):
    listed = json.loads(out("events", "--db", str(db), "--format", "json", "--article", "w2"))
    assert listed and all(r["date"] is None and r["story_date"] == "2024-04-02" for r in listed)


@pytest.mark.parametrize("command", [("events",), ("export", "--table", "events")])
def test_parquet_is_typed(db, tmp_path, command):
    path = tmp_path / "events.parquet"
    out(*command, "--db", str(db), "--format", "parquet", "--out", str(path))
    table = pq.read_table(path)
    assert table.schema.names == list(FLAT_EVENT_COLUMNS)
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("article_published").type == pa.timestamp("us", tz="UTC")
    assert table.schema.field("source_codes").type == pa.list_(pa.string())
    assert table.schema.field("lat").type == pa.float64()
