"""Record-level isolation through `eventwire ingest`: a bad record, a bad file or an article the
store refuses costs itself alone; every skip is one escaped line on stderr and exit status 1."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from conftest import run_cli

from eventwire.cli import Errors, store_batch
from eventwire.model import Analysis, Article
from eventwire.store.sqlite import Store


def stored_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(row[0] for row in conn.execute("SELECT id FROM articles"))


def skipped(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("eventwire: skipped")]


def test_one_bad_record_among_thirty_costs_that_record_alone(tmp_path):
    src = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": f"s{i}", "text": f"Story {i}. Police arrested {i} protesters in Lagos."}) for i in range(30)
    ]
    lines[7] = json.dumps({"id": "bad-url", "text": "Talks were held.", "url": 123})
    lines[20] = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "ew.db"
    proc = run_cli("ingest", str(src), "--db", str(db))
    assert proc.returncode == 1
    assert skipped(proc.stderr) == [
        f"eventwire: skipped {src}:8: url must be a string, not int",
        f"eventwire: skipped {src}:21: JSON nested deeper than 32 levels",
    ]
    assert stored_ids(db) == sorted(f"s{i}" for i in range(30) if i not in (7, 20))


def test_an_article_the_store_refuses_costs_that_article_alone(tmp_path):
    errors = Errors()
    refused = Article(id="refused", text="A lone surrogate \udc80 cannot be stored.", origin="x.jsonl:2")
    batch = [Analysis(Article(id=name, text=f"Story {name}: talks were held.")) for name in ("a", "b")]
    batch.insert(1, Analysis(refused))
    with Store(tmp_path / "ew.db") as store:
        result = store_batch(store, batch, errors)
    assert (result.stored, errors.count) == (2, 1)
    assert stored_ids(tmp_path / "ew.db") == ["a", "b"]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_skipped_links_and_strange_names_give_one_escaped_line_each_and_exit_1(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "loop.txt").symlink_to(src / "loop.txt")
    (src / "evil\n\x1b[31mred.txt").write_text("")
    (src / "good.txt").write_text("Headline\n\nKenya and Somalia held talks in Nairobi.\n", encoding="utf-8")
    proc = run_cli("ingest", str(src), "--db", str(tmp_path / "ew.db"))
    assert proc.returncode == 1
    assert "\x1b" not in proc.stderr
    assert sorted(skipped(proc.stderr)) == [
        f"eventwire: skipped {src}/evil\\n\\x1b[31mred.txt: empty",
        f"eventwire: skipped {src}/loop.txt: cannot open: Too many levels of symbolic links",
    ]
    assert stored_ids(tmp_path / "ew.db") == ["good"]
