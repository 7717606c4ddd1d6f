"""Opening the store's SQLite file. Every way that fails is one StoreError, a line naming the file and
what to do; a file of another application is refused before anything in it changes (docs/contract.md).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from ..model import FLAT_EVENT_COLUMNS

SCHEMA = Path(__file__).with_name("schema.sql")
CORE_TABLES = frozenset({"articles", "entities", "events", "event_actors", "quotes"})  # any eventwire store has them
# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF)
SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_FULL, SQLITE_NOTADB = 8, 14, 13, 26


class StoreError(Exception):
    """The database cannot be opened or written; `str()` says which file, why, and what to do.
    `status` is the exit status the CLI gives: 2 for a database refused, 1 for a run cut short."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the schema in place (writer, WAL) or a read-only one (web UI, queries).

    A read-only connection to a database in a folder it cannot write (where SQLite cannot make the
    WAL's shared-memory file) opens it as immutable: nobody can be writing there."""
    path = Path(path)
    _check_path(path, readonly)
    conn = None
    try:
        if readonly:
            conn = sqlite3.connect(_readonly_uri(path), uri=True, check_same_thread=False)
            _check_schema(conn, path, readonly=True)
        else:
            conn = sqlite3.connect(path, timeout=30)
            _check_schema(conn, path, readonly=False)  # before WAL or the schema change anything
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(SCHEMA.read_text(encoding="utf-8"))
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
    except (sqlite3.Error, StoreError) as error:
        if conn is not None:
            conn.close()
        raise error if isinstance(error, StoreError) else explain(error, path, readonly) from None
    return conn


def _check_path(path: Path, readonly: bool) -> None:
    if path.is_dir():
        raise StoreError(
            f"{path} is a directory, not a database file: give a file name, e.g. --db {path / 'eventwire.db'}"
        )
    if readonly and not path.exists():
        raise StoreError(f"no database at {path} (run `eventwire ingest PATH --db {path}` first)")
    if not path.parent.is_dir():
        raise StoreError(f"cannot create {path}: there is no folder {path.parent} (create it or choose another --db)")
    if readonly and not os.access(path, os.R_OK):
        raise StoreError(f"cannot read {path}: permission denied")
    if not readonly and not (os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))):
        raise StoreError(
            f"cannot write {path}: it or its folder is read-only (choose a writable place for --db; "
            "`eventwire serve` and the query commands read it where it is)"
        )


def _readonly_uri(path: Path) -> str:
    where = path.resolve()
    immutable = "&immutable=1" if not os.access(where.parent, os.W_OK) else ""
    return f"file:{quote(str(where))}?mode=ro{immutable}"


def _check_schema(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    """Refuse a database of another application (and, to read, an empty one), reading only its schema."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and not tables >= CORE_TABLES:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(
            f"{path} is not an eventwire database (its tables: {shown}); it is left unchanged: choose another --db"
        )
    if readonly and not tables:
        raise StoreError(f"{path} holds no eventwire database yet (run `eventwire ingest PATH --db {path}` first)")
    older = "actor_id" not in {r[1] for r in conn.execute("PRAGMA table_info(event_actors)")} or (
        tuple(r[1] for r in conn.execute("PRAGMA table_info(events_flat)")) != FLAT_EVENT_COLUMNS
    )
    if readonly and older:
        raise StoreError(  # actor ids and the flat view's columns are made by the writer (store/sqlite.py)
            f"{path} was made by an older eventwire: run `eventwire relink --db {path}` once to bring it up to date"
        )


def explain(error: sqlite3.Error, path: Path, readonly: bool = False, written: int | None = None) -> StoreError:
    """An SQLite error on the store as one line saying what to do; `written`: articles a writer had
    stored in this run when it failed (what a rerun resumes after)."""
    code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
    if code == SQLITE_NOTADB:
        return StoreError(f"{path} is not an SQLite database ({error}); it is left unchanged: choose another --db")
    if code == SQLITE_FULL:
        kept = "" if written is None else f" after {written} articles stored in this run (the last batch rolled back)"
        return StoreError(f"{path}: the disk is full{kept}; free some space and rerun to resume", status=1)
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN) and not readonly:
        return StoreError(f"cannot write {path} ({error}): choose a writable place for --db")
    if code == SQLITE_CANTOPEN:
        return StoreError(f"cannot open {path} ({error})")
    return StoreError(f"{path}: {error}", status=1)
