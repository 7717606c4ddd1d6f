"""The read side takes any search text: what FTS5 cannot parse is searched as words, never an error."""

from __future__ import annotations

import pytest

from eventwire.model import Analysis, Article
from eventwire.store import queries
from eventwire.store.database import connect
from eventwire.store.sqlite import Store


@pytest.mark.parametrize("search", ["\x00", "Mali\x00", '"unterminated', "NEAR(", "a:b", "AND"])
def test_any_search_text_is_answered(tmp_path, search):
    db = tmp_path / "ew.db"
    with Store(db) as store:
        store.write([Analysis(Article(id="a", text="Troops of Mali crossed into Niger."))])
    conn = connect(db, readonly=True)
    rows = queries.articles(conn, search)
    assert queries.count_articles(conn, search) == len(rows)
    assert [r["id"] for r in rows] == (["a"] if "Mali" in search else [])
