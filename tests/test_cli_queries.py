"""The query commands as a user runs them, over a store ingested from examples/ once."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import EXAMPLES, SEED_ID, run_cli


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "ew.db"
    proc = run_cli("ingest", str(EXAMPLES), "--db", str(path))
    assert proc.returncode == 0, proc.stderr
    return path


def rows(*args: str) -> list[dict]:
    proc = run_cli(*args, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_events_filters_by_type_actor_and_article(db):
    consults = rows("events", "--db", str(db), "--type", "consult", "--actor", "CHN", "--article", SEED_ID)
    assert consults and all(r["type"] == "CONSULT" and r["article_id"] == SEED_ID for r in consults)
    assert all("CHN" in r["source_codes"] + r["target_codes"] for r in consults)
    by_name = rows("events", "--db", str(db), "--actor", "China", "--type", "consult", "--article", SEED_ID)
    assert by_name == consults


def test_claims_show_the_seed_request_on_a_us_officials_word_denied_by_china_and_russia(db):
    claims = rows("claims", "--db", str(db), "--article", SEED_ID)
    request = next(
        r for r in claims if r["type"] == "REQUEST" and r["source_codes"] == ["RUS"] and r["target_codes"] == ["CHN"]
    )
    assert request["status"] == "reported"
    assert request["attributed_to_codes"] == ["USA"]
    assert set(request["disputed_by_codes"]) == {"CHN", "RUS"}
    table = run_cli("claims", "--db", str(db), "--article", SEED_ID).stdout
    assert "reported by" in table and "disputed by" in table


def test_quotes_by_speaker(db):
    quotes = rows("quotes", "--db", str(db), "--speaker", "Zhao")
    assert quotes and all(q["speaker_name"] == "Zhao Lijian" for q in quotes)
    assert any("disinformation" in q["text"] for q in quotes)


def test_stories_timeline_and_actor_network(db):
    story_events = rows("stories", "--db", str(db), "--min-articles", "1")
    assert story_events and all(s["num_mentions"] >= 1 and s["mentions"] for s in story_events)
    timeline = rows("timeline", "--db", str(db), "--actor", "CHN")
    assert any(t["date"] == "2022-03-14" for t in timeline)
    network = rows("actors", "--db", str(db), "--network")
    assert any({n["source"], n["target"]} == {"CHN", "USA"} and n["type"] == "CONSULT" for n in network)


def test_export_flat_events_as_csv_and_parquet(db, tmp_path):
    with sqlite3.connect(db) as conn:
        n_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    proc = run_cli("export", "--db", str(db), "--table", "events", "--format", "csv")
    exported = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(exported) == n_events
    assert {
        "source_codes",
        "target_codes",
        "attributed_to_names",
        "disputed_by_names",
        "sentence",
        "article_url",
    } <= set(exported[0])
    out = tmp_path / "quotes.parquet"
    assert (
        run_cli("export", "--db", str(db), "--table", "quotes", "--format", "parquet", "--out", str(out)).returncode
        == 0
    )
    with sqlite3.connect(db) as conn:
        assert pq.read_table(out).num_rows == conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
    bad = run_cli("export", "--db", str(db), "--table", "nope; DROP TABLE events")
    assert bad.returncode != 0 and "no table" in bad.stderr


def test_relink_rebuilds_the_same_story_events(db, tmp_path):
    copy = tmp_path / "copy.db"
    with sqlite3.connect(db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with sqlite3.connect(copy) as conn:
        before = conn.execute("SELECT count(*) FROM story_events").fetchone()[0]
    proc = run_cli("relink", "--db", str(copy))
    assert proc.returncode == 0, proc.stderr
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM story_events").fetchone()[0] == before


def test_dates_are_checked_and_take_in_every_day_they_name(db):
    march = rows("events", "--db", str(db), "--article", SEED_ID, "--from", "2022-03", "--to", "2022-03")
    assert march and all("2022-03-01" <= (r["date"] or r["story_date"]) <= "2022-03-31" for r in march)
    bad = run_cli("events", "--db", str(db), "--from", "2025-13-45")
    assert bad.returncode == 2 and "month must be in 1..12" in bad.stderr
