"""Shared fixtures: paths to the example data and a helper to run the CLI as a user does."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "000_a3803002c0d27c0a.txt"
SEED_ID = "000_a3803002c0d27c0a"


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`eventwire ARGS...` in a subprocess, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "eventwire.cli", *args],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=cwd,
        timeout=600,
    )


def event_parties(text: str, type_: str) -> set[frozenset[str]]:
    """The coded parties, sides aside, of each event of a type that `text` yields as an article."""
    from eventwire.model import Article
    from eventwire.pipeline import process

    events = process(Article(id="t", text=text)).events
    return {frozenset(a.code for a in e.source + e.target if a.code) for e in events if e.type == type_}


def write_short_stories(path: Path, n: int) -> Path:
    """A JSON Lines file of n short distinct articles, quick to analyse: input for killed-run tests."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(
                json.dumps(
                    {
                        "id": f"k{i}",
                        "text": f"Story {i}. The army of Mali attacked rebels near Gao on day {i}, officials said.",
                    }
                )
                + "\n"
            )
    return path


def wait_until_stored(db: Path, at_least: int, proc: subprocess.Popen, timeout: float) -> None:
    """Wait until a running ingest has committed `at_least` articles (or ended, or time ran out)."""
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db) as conn:
                if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= at_least:
                    return
        except sqlite3.OperationalError:  # not created yet, or busy
            pass


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED
