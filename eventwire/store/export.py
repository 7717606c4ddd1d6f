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
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from pyarrow import fs as pafs

from ..model import FLAT_EVENT_COLUMNS, FLAT_LIST_COLUMNS, Analysis, Article
from ..output import csv_cell
from ..readers.common import text_hash
from .database import SCHEMA, connect
from .sqlite import table_rows

FORMATS = ("csv", "jsonl", "parquet")
FLAT_VIEW = "events_flat"  # its list columns are JSON arrays in SQLite, lists in every file
FLAT_TYPES = {  # the flat event's typed columns in Parquet; the others are strings
    "date": pa.date32(),
    "story_date": pa.date32(),
    "article_published": pa.timestamp("us", tz="UTC"),
    **dict.fromkeys(FLAT_LIST_COLUMNS, pa.list_(pa.string())),
    **dict.fromkeys(("lat", "lon", "confidence"), pa.float64()),
    **dict.fromkeys(
        ("start", "end", "trigger_start", "trigger_end", "story_event_id", "story_id")
        + ("story_mentions", "story_articles", "story_sources"),
        pa.int64(),
    ),
}
FLAT_SCHEMA = pa.schema([(c, FLAT_TYPES.get(c, pa.string())) for c in FLAT_EVENT_COLUMNS])
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
    as csv, jsonl or parquet; returns the number of rows. JSON columns stay JSON text, but the flat
    events' lists, which are lists in every format (docs/design.md)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    conn = connect(db, readonly=True)
    try:
        schemas = arrow_schemas(conn)
        if table not in schemas:
            raise ValueError(f"no table {table!r} in {db}; one of {', '.join(schemas)}")
        cursor = conn.execute(f"SELECT * FROM [{table}]")
        columns = [d[0] for d in cursor.description]
        chunks = (_decoded(c, columns, table == FLAT_VIEW) for c in _chunks(cursor))
        if fmt == "parquet":
            return write_parquet(chunks, FLAT_SCHEMA if table == FLAT_VIEW else schemas[table], out)
        with _text_out(out) as fh:
            return _write_text(chunks, columns, fmt, fh)
    finally:
        conn.close()


def _decoded(chunk: list[tuple], columns: list[str], flat: bool) -> list[dict[str, Any]]:
    rows = [dict(zip(columns, r, strict=True)) for r in chunk]
    if flat:
        for row in rows:
            for column in FLAT_LIST_COLUMNS:
                row[column] = json.loads(row[column]) if row[column] else []
    return rows


def _typed(row: dict[str, Any], schema: pa.Schema) -> dict[str, Any]:
    """ISO dates and times as Python's, for Arrow's date and timestamp columns (a time with no zone is taken as UTC)."""
    typed = dict(row)
    for name in schema.names:
        kind, value = schema.field(name).type, row.get(name)
        if isinstance(value, str) and pa.types.is_date(kind):
            typed[name] = date.fromisoformat(value[:10])
        elif isinstance(value, str) and pa.types.is_timestamp(kind):
            when = datetime.fromisoformat(value)
            typed[name] = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return typed


def inferred_schema(rows: list[dict[str, Any]]) -> pa.Schema:
    """The Arrow schema of rows of any shape (stories, quotes, ...), as Arrow infers it from their values."""
    return pa.Table.from_pylist(rows).schema


def write_parquet(chunks: Iterable[list[dict[str, Any]]], schema: pa.Schema, out: str | Path) -> int:
    """Rows in chunks as one Parquet file of the given schema; returns the number of rows."""
    n = 0
    with pq.ParquetWriter(str(out), schema) as writer:
        for chunk in chunks:
            writer.write_table(pa.Table.from_pylist([_typed(r, schema) for r in chunk], schema=schema))
            n += len(chunk)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _write_text(chunks: Iterable[list[dict[str, Any]]], columns: list[str], fmt: str, fh: IO[str]) -> int:
    n = 0
    writer = csv.writer(fh) if fmt == "csv" else None
    if writer:
        writer.writerow(columns)
    for chunk in chunks:
        if writer:
            writer.writerows([csv_cell(r[c]) for c in columns] for r in chunk)
        else:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in chunk)
        n += len(chunk)
    return n
