"""Store rows out to files: Parquet shards of analyses for a data lake, and one table of a
SQLite store as CSV, JSONL or Parquet.

Every file has the columns and types of the store's own tables (read from schema.sql through
SQLite), so the shards of one table always share a schema, even where a batch has only nulls.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from pyarrow import fs as pafs

from ..model import Analysis, Article
from ..readers.common import text_hash
from .database import SCHEMA, connect
from .sqlite import table_rows

FORMATS = ("csv", "jsonl", "parquet")
ARROW_TYPES = {"TEXT": pa.string(), "INTEGER": pa.int64(), "REAL": pa.float64(), "BLOB": pa.binary()}
MARKER = "articles"  # the table written last: its shard existing means the whole batch is written
ROWS_PER_CHUNK = 10_000  # rows read from SQLite and written at a time, so memory stays flat


def arrow_schemas(conn: sqlite3.Connection) -> dict[str, pa.Schema]:
    """Arrow schema of every ordinary table and view of a SQLite database (FTS tables left out)."""
    tables = [
        r[1]
        for r in conn.execute("PRAGMA table_list")
        if r[0] == "main" and r[2] in ("table", "view") and not r[1].startswith(("sqlite_", "articles_fts"))
    ]
    return {
        t: pa.schema(
            [(c[1], ARROW_TYPES.get(c[2].upper(), pa.string())) for c in conn.execute(f"PRAGMA table_info([{t}])")]
        )
        for t in tables
    }


@lru_cache(maxsize=1)
def store_schemas() -> dict[str, pa.Schema]:
    """The Arrow schemas of the store's tables as schema.sql defines them."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(SCHEMA.read_text(encoding="utf-8"))
        return arrow_schemas(conn)
    finally:
        conn.close()


# ---------------------------------------------------------------------------------------------
# Parquet shards: OUT/<table>/<shard>.parquet, one shard of each table per batch of articles
# ---------------------------------------------------------------------------------------------


def location(out: str | Path) -> str:
    """`out` as workers on any machine read it: a URI (s3://, gs://, hdfs://) as given, a local
    path made absolute (a shared file system must hold it when the workers are elsewhere)."""
    text = str(out)
    return text if "://" in text else str(Path(text).resolve())


def _filesystem(out: str) -> tuple[pafs.FileSystem, str]:
    if "://" in out:
        return pafs.FileSystem.from_uri(out)
    return pafs.LocalFileSystem(), out


def shard_name(articles: Iterable[Article]) -> str:
    """A name fixed by the batch's articles (ids and texts): a rerun on the same input finds
    the shards already written and skips them."""
    digest = hashlib.sha256()
    for a in articles:
        digest.update(f"{a.id}\0{text_hash(a.text)}\n".encode())
    return f"part-{digest.hexdigest()[:20]}"


def shard_exists(out: str, name: str) -> bool:
    """True when the batch `name` was written completely (its articles shard, written last, exists)."""
    fs, root = _filesystem(out)
    return fs.get_file_info(f"{root}/{MARKER}/{name}.parquet").type != pafs.FileType.NotFound


def write_parquet_shard(analyses: Iterable[Analysis], out_dir: str | Path, name: str) -> dict[str, int]:
    """Write a batch as one Parquet file per table, OUT/<table>/<name>.parquet; returns rows per table.

    Each file is written under a temporary name and renamed, and the articles file comes last,
    so a run killed midway leaves no torn file and a rerun rewrites the batch whole."""
    schemas = store_schemas()
    rows: dict[str, list[dict[str, Any]]] = {MARKER: []}
    for analysis in analyses:
        for table, batch_rows in table_rows(analysis).items():
            rows.setdefault(table, []).extend(batch_rows)
    fs, root = _filesystem(location(out_dir))
    for table in sorted(rows, key=lambda t: t == MARKER):
        if rows[table] or table == MARKER:
            fs.create_dir(f"{root}/{table}", recursive=True)
            final, partial = f"{root}/{table}/{name}.parquet", f"{root}/{table}/.{name}.parquet.tmp"
            pq.write_table(pa.Table.from_pylist(rows[table], schema=schemas[table]), partial, filesystem=fs)
            fs.move(partial, final)
    return {t: len(r) for t, r in rows.items()}


# ---------------------------------------------------------------------------------------------
# One table of an existing SQLite store
# ---------------------------------------------------------------------------------------------


@contextmanager
def _text_out(out: str | Path) -> Iterator[IO[str]]:
    if str(out) == "-":
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="") as fh:
        yield fh


def _chunks(cursor: sqlite3.Cursor) -> Iterator[list[tuple]]:
    while chunk := cursor.fetchmany(ROWS_PER_CHUNK):
        yield chunk


def export_table(db: str | Path, table: str, fmt: str, out: str | Path) -> int:
    """Write one table of the SQLite store at `db` to `out` ("-": stdout, for csv and jsonl)
    as csv, jsonl or parquet; returns the number of rows. JSON columns stay JSON text."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    conn = connect(db, readonly=True)
    try:
        schemas = arrow_schemas(conn)
        if table not in schemas:
            raise ValueError(f"no table {table!r} in {db}; one of {', '.join(schemas)}")
        cursor = conn.execute(f"SELECT * FROM [{table}]")
        columns = [d[0] for d in cursor.description]
        if fmt == "parquet":
            return _write_parquet(_chunks(cursor), schemas[table], out)
        with _text_out(out) as fh:
            return _write_text(_chunks(cursor), columns, fmt, fh)
    finally:
        conn.close()


def _write_parquet(chunks: Iterable[list[tuple]], schema: pa.Schema, out: str | Path) -> int:
    n = 0
    with pq.ParquetWriter(str(out), schema) as writer:
        for chunk in chunks:
            writer.write_table(
                pa.Table.from_pylist([dict(zip(schema.names, r, strict=False)) for r in chunk], schema=schema)
            )
            n += len(chunk)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _write_text(chunks: Iterable[list[tuple]], columns: list[str], fmt: str, fh: IO[str]) -> int:
    n = 0
    writer = csv.writer(fh) if fmt == "csv" else None
    if writer:
        writer.writerow(columns)
    for chunk in chunks:
        if writer:
            writer.writerows(chunk)
        else:
            fh.writelines(json.dumps(dict(zip(columns, r, strict=False)), ensure_ascii=False) + "\n" for r in chunk)
        n += len(chunk)
    return n
