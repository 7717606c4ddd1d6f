"""The store through the CLI: ingest, idempotent re-ingest, bad input, and a run killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEED, SEED_ID, run_cli, wait_until_stored, write_short_stories

from eventwire.model import Analysis, Article
from eventwire.store.sqlite import Store


def count(db: Path, table: str = "articles") -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_extract_prints_a_spec_record_for_the_seed():
    proc = run_cli("extract", str(SEED))
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stdout.splitlines()
    record = json.loads(line)
    assert set(record) == {"article", "events", "quotes", "entities"}
    article = record["article"]
    assert article["id"] == SEED_ID and article["published"] == "2022-03-13T21:12:38"
    assert article["published_from"] == "asset-stamp" and article["source"] == "CNN"
    assert {"title", "url", "authors", "slug_keywords", "language", "text"} <= set(article)
    text = article["text"]
    for ent in record["entities"]:
        assert text[ent["start"] : ent["end"]] == ent["text"]  # offsets point into article.text


def test_extract_json_format_is_one_array():
    proc = run_cli("extract", str(SEED), "--format", "json")
    assert [r["article"]["id"] for r in json.loads(proc.stdout)] == [SEED_ID]


def test_ingest_examples_then_rerun_is_unchanged(tmp_path):
    db = tmp_path / "ew.db"
    first = run_cli("ingest", str(EXAMPLES), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "read 21, stored 21" in first.stderr
    second = run_cli("ingest", str(EXAMPLES), "--db", str(db))
    assert "stored 0" in second.stderr and "unchanged 21" in second.stderr
    assert count(db) == 21
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT published, source, authors FROM articles WHERE id = ?", (SEED_ID,)).fetchone()
        assert row == ("2022-03-13T21:12:38", "CNN", '["Sam Fossum", "Caitlan Collins", "Jim Sciutto", "Kylie Atwood"]')
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        hits = conn.execute(
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
            "WHERE articles_fts MATCH 'Sullivan AND Rome'"
        ).fetchall()
        assert hits == [(SEED_ID,)]
    listed = run_cli("articles", "--db", str(db), "--search", "Sullivan AND Rome", "--format", "json")
    assert [r["id"] for r in json.loads(listed.stdout)] == [SEED_ID]


def test_same_id_with_new_text_replaces_its_analysis(tmp_path):
    db = tmp_path / "ew.db"
    store = Store(db)
    old = Analysis(Article(id="x", text="Old text about talks."))
    assert store.write([old]).stored == 1
    assert store.write([old]).unchanged == 1
    new = Analysis(Article(id="x", text="New text about an attack."))
    assert store.write([new]).replaced == 1
    store.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT text FROM articles").fetchall() == [("New text about an attack.",)]
        assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Old'").fetchone()[0] == 0


def test_bad_input_is_reported_skipped_and_the_rest_stored(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_text("")
    (src / "good.jsonl").write_text(
        json.dumps({"id": "g1", "text": "Kenya and Somalia held talks in Nairobi."})
        + "\n{broken\n"
        + json.dumps({"id": "g2", "text": "Police arrested protesters in Lagos."})
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "ew.db"
    proc = run_cli("ingest", str(src), str(tmp_path / "nope"), "--db", str(db))
    assert proc.returncode == 1
    skipped = [ln for ln in proc.stderr.splitlines() if ln.startswith("eventwire: skipped")]
    assert len(skipped) == 3
    assert any("empty.txt: empty" in ln for ln in skipped)
    assert any("good.jsonl:2: not valid JSON" in ln for ln in skipped)
    assert any("nope: no such file or folder" in ln for ln in skipped)
    assert "failed 3" in proc.stderr
    assert count(db) == 2


def test_query_commands_without_a_database_say_so(tmp_path):
    proc = run_cli("events", "--db", str(tmp_path / "none.db"))
    assert proc.returncode != 0 and "no database at" in proc.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_ingest_leaves_a_sound_database_and_a_rerun_completes(tmp_path):
    n = 400
    src = write_short_stories(tmp_path / "many.jsonl", n)
    db = tmp_path / "ew.db"
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(src), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_stored(db, 50, proc, timeout=120)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = count(db)
    assert 0 < stored < n, "the run should have been killed halfway"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rerun = run_cli("ingest", str(src), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    assert f"unchanged {stored}" in rerun.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (n, n)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
