"""Writes of a batch: a record the store refuses is rolled back alone (a savepoint per article); the
disk filling up stops the run with one line saying how much is kept, every committed batch intact."""

from __future__ import annotations

import pytest

from eventwire.model import Analysis, Article, Event
from eventwire.store.database import StoreError
from eventwire.store.sqlite import Store

TEXT = "The army of Mali attacked rebels near Gao on Monday, officials said. " * 5


def _distinct(n: int, words: int) -> str:
    """A text sharing no word 3-gram with another n's: no copy of it."""
    return " ".join(f"w{n}x{j}" for j in range(words))


def _ids(store: Store, table: str = "articles") -> list[str]:
    return [r[0] for r in store.conn.execute(f"SELECT id FROM {table} ORDER BY rowid")]


def test_a_refused_record_is_rolled_back_alone(tmp_path):
    broken = Analysis(
        Article(id="b", text="x", origin="in.jsonl:2"),
        [Event(id="e", type="AGREE", trigger="t", sentence="s", start=0, end=1, status=None)],  # NOT NULL
    )
    with Store(tmp_path / "ew.db") as store:
        result = store.write([Analysis(Article(id="a", text=TEXT)), broken, Analysis(Article(id="c", text=TEXT))])
        assert (result.stored, result.duplicates) == (1, 1)  # c is a copy of a, which is stored
        assert len(result.failed) == 1 and result.failed[0].startswith("'b' (in.jsonl:2): not stored")
        assert "\n" not in result.failed[0]
        assert _ids(store) == ["a"] and _ids(store, "duplicates") == ["c"]
        assert store.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0  # nothing of b's left
        assert store.write([Analysis(Article(id="b", text="x"))]).stored == 1  # b can come later


def test_a_full_disk_stops_the_run_in_one_line_and_keeps_what_was_committed(tmp_path):
    with Store(tmp_path / "ew.db") as store:
        first = [Analysis(Article(id=f"a{i}", text=_distinct(i, 50))) for i in range(3)]
        assert store.write(first).stored == 3
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # as if the disk had two pages left
        big = [Analysis(Article(id=f"b{i}", text=_distinct(10 + i, 20_000))) for i in range(3)]
        with pytest.raises(StoreError) as error:
            store.write(big)
        message = str(error.value)
        assert "disk is full after 3 articles stored" in message and "rerun to resume" in message
        assert "\n" not in message and error.value.status == 1
        assert _ids(store) == ["a0", "a1", "a2"]


def test_articles_dated_at_the_ends_of_the_calendar_are_stored(tmp_path):
    """Linking looks a few days around an article's date: at year 1 or 9999 that must not overflow."""
    first = Analysis(Article("first", "Report one: talks were held.", published="0001-01-01"))
    last = Analysis(Article("last", "Report two: talks went on.", published="9999-12-31"))
    with Store(tmp_path / "ew.db") as store:
        result = store.write([first, last])
    assert (result.stored, result.failed) == (2, [])
