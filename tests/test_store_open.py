"""Opening the database: every failure is one StoreError line naming the file and what to do; another
application's SQLite file is refused and left byte for byte as it was; a database in a folder the
server cannot write is served read-only."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from eventwire.model import Analysis, Article
from eventwire.store.database import StoreError, connect
from eventwire.store.sqlite import Store


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    db = tmp_path / "ew.db"
    with Store(db) as store:
        store.write([Analysis(Article(id="a/1", text="Troops crossed the border on Monday."))])
    return db


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    """Another application's SQLite file, in rollback-journal mode."""
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('Ada')")
    conn.close()
    return path


@pytest.mark.parametrize("readonly", [False, True])
def test_a_directory_is_refused_in_one_line(tmp_path, readonly):
    with pytest.raises(StoreError, match="is a directory") as error:
        connect(tmp_path, readonly=readonly)
    assert "\n" not in str(error.value) and str(tmp_path) in str(error.value)


def test_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="no folder"):
        connect(tmp_path / "nowhere" / "ew.db")


@pytest.mark.parametrize("readonly", [False, True])
def test_a_garbage_file_is_refused_and_left_unchanged(tmp_path, readonly):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all, " * 100)
    before = garbage.read_bytes()
    with pytest.raises(StoreError, match="not an SQLite database"):
        connect(garbage, readonly=readonly)
    assert garbage.read_bytes() == before


@pytest.mark.parametrize("readonly", [False, True])
def test_another_applications_database_is_refused_and_never_changed(foreign, readonly):
    before = foreign.read_bytes()
    with pytest.raises(StoreError, match="not an eventwire database .*customers"):
        connect(foreign, readonly=readonly)
    assert foreign.read_bytes() == before  # not even switched to WAL
    assert not Path(f"{foreign}-wal").exists()
    with sqlite3.connect(foreign) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_an_empty_file_becomes_a_store_but_is_not_served(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(StoreError, match="no eventwire database yet"):
        connect(empty, readonly=True)
    connect(empty).close()  # the writer makes the schema in it
    connect(empty, readonly=True).close()


def test_cli_says_what_is_wrong_in_one_line(tmp_path, foreign):
    for args, expected in (
        (("events", "--db", str(tmp_path)), "is a directory"),
        (("events", "--db", str(foreign)), "not an eventwire database"),
        (("serve", "--db", str(foreign), "--port", "1"), "not an eventwire database"),
        (("relink", "--db", str(tmp_path / "none" / "ew.db")), "no database at"),
    ):
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.count("\n") == 1 and expected in proc.stderr and "Traceback" not in proc.stderr


# ------------------------------------------------------------------------------ read-only folders


def _as_another_user(code: str) -> subprocess.CompletedProcess:
    """Python `code` run by a user who cannot write the test's folders (root writes anywhere)."""
    cmd = [sys.executable, "-c", code]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a folder read-only")
        cmd = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)


@contextmanager
def _reachable_by_others(*paths: Path) -> Iterator[None]:
    """Let another user walk down to these paths (the database, the checkout, the interpreter):
    o+x on every folder above them that lacks it, as they were again afterwards. A checkout in a
    private folder (`mktemp -d` makes one) is otherwise out of that user's reach."""
    changed = []
    for path in paths:
        for folder in path.parents:
            mode = folder.stat().st_mode
            if not mode & 0o001:
                folder.chmod(mode | 0o001)
                changed.append((folder, mode))
    try:
        yield
    finally:
        for folder, mode in reversed(changed):
            folder.chmod(mode)


@pytest.fixture
def readonly_folder(stored: Path) -> Iterator[Path]:
    folder = stored.parent
    with _reachable_by_others(stored, ROOT / "eventwire", Path(sys.executable).resolve()):
        stored.chmod(0o644)
        folder.chmod(0o555)
        yield stored
        folder.chmod(0o755)


def test_a_database_in_a_read_only_folder_is_read(readonly_folder):
    proc = _as_another_user(
        "from eventwire.store.database import connect; from eventwire.store import queries\n"
        f"print(queries.counts(connect({str(readonly_folder)!r}, readonly=True))['articles'])"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "1"


def test_writing_in_a_read_only_folder_is_refused(readonly_folder):
    proc = _as_another_user(
        "import sys\nfrom eventwire.store.database import StoreError, connect\n"
        f"try:\n    connect({str(readonly_folder)!r})\nexcept StoreError as e:\n    sys.exit(str(e))"
    )
    assert proc.returncode == 1 and "cannot write" in proc.stderr and "Traceback" not in proc.stderr
