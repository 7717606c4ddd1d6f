"""Datasette as a first-class client (issue 13 item 3): it detects the articles' search index and
searches it; an older store's index declaration is rebuilt when it is opened for writing."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.model import Analysis, Article
from eventwire.store.sqlite import Store

ARTICLES = [
    Article("rome", "Jake Sullivan will meet Yang Jiechi in Rome on Monday.", title="Talks in Rome"),
    Article("lima", "Chile and Peru signed a water treaty in Lima.", title="A treaty"),
]
OLD_DECLARATION = "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid')"


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "ew.db"
    with Store(path) as store:
        store.write([Analysis(a) for a in ARTICLES])
    return path


SEARCH = """
import asyncio, json, sys
from datasette.app import Datasette

async def search(path, name, words):
    ds = Datasette(files=[path])
    index = await ds.databases[name].fts_table("articles")
    response = await ds.client.get(f"/{name}/articles.json", params={"_search": words, "_shape": "array"})
    return index, response.status_code, response.json()

print(json.dumps(asyncio.run(search(*sys.argv[1:]))))
"""


def _search(path: Path, words: str) -> tuple[str | None, list[dict]]:
    """Datasette's answer, in a process of its own (its threads hold SQLite connections till exit)."""
    proc = subprocess.run(
        [sys.executable, "-c", SEARCH, str(path), path.stem, words], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    index, status, rows = json.loads(proc.stdout)
    assert status == 200, rows
    return index, rows


def test_datasette_detects_and_searches_the_articles(db):
    index, rows = _search(db, "Rome")
    assert index == "articles_fts"
    assert [r["id"] for r in rows] == ["rome"]


def test_an_older_declaration_is_rebuilt_on_open_without_losing_anything(db):
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE articles_fts")
        conn.execute(OLD_DECLARATION)
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    assert _search(db, "Rome")[0] is None  # what Datasette made of it: no search
    Store(db).close()
    index, rows = _search(db, "treaty")
    assert index == "articles_fts" and [r["id"] for r in rows] == ["lima"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES)
