"""The Dask engine on a real 2-worker LocalCluster: the same store as the local engine, Parquet
shards that match it, one bad article isolated, and a killed ingest that resumes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest
from conftest import EXAMPLES, run_cli, wait_until_stored, write_short_stories
from distributed import LocalCluster

from eventwire.engines import dask as dask_engine
from eventwire.model import Analysis, Article
from eventwire.nlp import MAX_CHARS
from eventwire.readers.common import ReadError
from eventwire.readers.discover import read_paths
from eventwire.store.export import arrow_schemas, export_table

VOLATILE = {"ingested_at"}  # the time a row was written: differs between any two runs


@pytest.fixture(scope="module")
def scheduler() -> str:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def local_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("local") / "local.db"
    proc = run_cli("ingest", str(EXAMPLES), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    return db


def examples() -> list[Article]:
    return [a for a in read_paths([str(EXAMPLES)]) if isinstance(a, Article)]


def tables(db: Path) -> dict[str, list[tuple]]:
    """Every ordinary table's rows, sorted, without the columns that record when they were written."""
    with sqlite3.connect(db) as conn:
        out = {}
        for table in arrow_schemas(conn):
            cursor = conn.execute(f"SELECT * FROM [{table}]")
            keep = [i for i, d in enumerate(cursor.description) if d[0] not in VOLATILE]
            out[table] = sorted((tuple(row[i] for i in keep) for row in cursor), key=repr)
        return out


def count(db: Path, table: str = "articles") -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]


def stored_ids(db: Path) -> tuple[int, int]:
    """(records, distinct ids) over stored articles and recorded copies: each id must be there once."""
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT count(*), count(DISTINCT id) FROM (SELECT id FROM articles UNION ALL SELECT id FROM duplicates)"
        ).fetchone()


def test_dask_ingest_stores_the_same_rows_as_the_local_engine(scheduler, local_db, tmp_path):
    db = tmp_path / "dask.db"
    proc = run_cli("ingest", str(EXAMPLES), "--db", str(db), "--engine", "dask", "--scheduler", scheduler)
    assert proc.returncode == 0, proc.stderr
    expected, got = tables(local_db), tables(db)
    assert expected["articles"] and expected["events"] and expected["quotes"]
    assert got.keys() == expected.keys()
    for table in expected:
        assert got[table] == expected[table], table


def test_results_come_back_in_input_order_and_a_failure_stays_one_read_error(scheduler, tmp_path):
    scheduler_file = tmp_path / "scheduler.json"  # as `dask scheduler --scheduler-file` writes it
    scheduler_file.write_text(json.dumps({"address": scheduler}), encoding="utf-8")
    too_long = Article(id="too-long", text="The army attacked the town. " * (MAX_CHARS // 28 + 1), origin="big.jsonl:3")
    articles = examples()[:5]
    articles.insert(2, too_long)
    results = list(dask_engine.analyse(articles, scheduler=str(scheduler_file), batch_size=2))
    assert len(results) == len(articles)
    [error] = [r for r in results if isinstance(r, ReadError)]
    assert error.origin == "big.jsonl:3" and "analysis failed" in error.reason
    assert [r.article.id for r in results if isinstance(r, Analysis)] == [a.id for a in articles if a is not too_long]


def test_parquet_shards_hold_the_rows_of_the_store_and_a_rerun_skips_them(scheduler, local_db, tmp_path):
    out = tmp_path / "lake"
    shards = list(dask_engine.write_shards(examples(), str(out), scheduler=scheduler, batch_size=8))
    assert len(shards) == 3 and not any(s.errors or s.skipped for s in shards)
    for table in ("articles", "entities", "events", "event_actors", "quotes"):
        files = sorted((out / table).glob("*.parquet"))
        assert len(files) == 3, table
        data = pq.ParquetDataset(files).read()
        assert data.num_rows == count(local_db, table), table
    events = pq.read_table(out / "events")
    assert events.schema.field("lat").type == "double" and events.schema.field("start").type == "int64"
    again = list(dask_engine.write_shards(examples(), str(out), scheduler=scheduler, batch_size=8))
    assert [s.skipped for s in again] == [True] * 3
    assert len(list(out.rglob("*.parquet"))) == 15 and not list(out.rglob("*.tmp"))


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_table_writes_every_row(local_db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    n = export_table(local_db, "events", fmt, out)
    assert n == count(local_db, "events") > 0
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == n
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert len(rows) == n and {"article_id", "type", "sentence", "start", "end"} <= set(rows[0])
    else:
        header, *rows = out.read_text(encoding="utf-8").splitlines()
        assert header.startswith("article_id,id,type")
    with pytest.raises(ValueError, match="no table"):
        export_table(local_db, "events; DROP TABLE events", fmt, out)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_dask_ingest_leaves_no_workers_and_a_rerun_stores_each_article_once(tmp_path):
    n = 300
    src = write_short_stories(tmp_path / "many.jsonl", n)
    db = tmp_path / "ew.db"
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(src), "--db", str(db), "--engine", "dask"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_stored(db, 40, proc, timeout=300)
    workers = psutil.Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored, _ = stored_ids(db)
    assert 0 < stored < n, "the run should have been killed halfway"
    assert workers, "the LocalCluster's worker processes should have been running"
    _, alive = psutil.wait_procs(workers, timeout=30)
    assert not alive, "worker processes outlived the killed client"
    rerun = run_cli("ingest", str(src), "--db", str(db), "--engine", "dask")
    assert rerun.returncode == 0, rerun.stderr
    assert f"unchanged {stored}" in rerun.stderr
    assert stored_ids(db) == (n, n)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
