"""Datasette as a first-class client (issue 13 item 3): it detects the articles' search index and
searches it; an older store's index declaration is rebuilt when it is opened for writing."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette

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


async def _search(path: Path, words: str) -> tuple[str | None, list[dict]]:
    ds = Datasette(files=[str(path)])
    found = await ds.databases[path.stem].fts_table("articles")
    response = await ds.client.get(f"/{path.stem}/articles.json", params={"_search": words, "_shape": "array"})
    assert response.status_code == 200, response.text
    return found, response.json()


def test_datasette_detects_and_searches_the_articles(db):
    index, rows = asyncio.run(_search(db, "Rome"))
    assert index == "articles_fts"
    assert [r["id"] for r in rows] == ["rome"]


def test_an_older_declaration_is_rebuilt_on_open_without_losing_anything(db):
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE articles_fts")
        conn.execute(OLD_DECLARATION)
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    assert asyncio.run(_search(db, "Rome"))[0] is None  # what Datasette made of it: no search
    Store(db).close()
    index, rows = asyncio.run(_search(db, "treaty"))
    assert index == "articles_fts" and [r["id"] for r in rows] == ["lima"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES)
