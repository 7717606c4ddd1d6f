"""Aggregates too slow to compute on every request of a large store (the actor network and counts
read every story event and split its dyad into pairs), kept per state of the store.

The state is read from the store's files (the database and its WAL change with every commit). A request
after a change gets the figures of the previous state at once while a background thread recomputes
them; lists of rows are never cached, so new rows show on the next reload regardless.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import astuple, replace
from typing import Any

from ..store.database import connect
from ..store.queries import EventFilter

Compute = Callable[[sqlite3.Connection, EventFilter], Any]
log = logging.getLogger(__name__)


def store_stamp(db_path: str) -> tuple:
    """What changes whenever a writer commits: size and time of the database file and its WAL."""
    out = []
    for path in (db_path, db_path + "-wal"):
        try:
            st = os.stat(path)
            out.append((st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            out.append(None)
    return tuple(out)


def last_write(db_path: str) -> float:
    """When a writer last committed (the latest modification time of the store's files, time.time())."""
    return max((part[0] / 1e9 for part in store_stamp(db_path) if part), default=0.0)


class Aggregates:
    def __init__(self, db_path: str, size: int = 128) -> None:
        self.db_path = db_path
        self.size = size
        self._values: OrderedDict[tuple, tuple[tuple, Any]] = OrderedDict()
        self._running: dict[tuple, threading.Event] = {}  # keys being recomputed in the background
        self._lock = threading.Lock()

    def stamp(self) -> tuple:
        return store_stamp(self.db_path)

    def get(self, conn: sqlite3.Connection, compute: Compute, f: EventFilter) -> Any:
        """Every row of compute(conn, f) (f's paging aside: the caller pages), from the cache when
        the store has not changed since."""
        key, f = self._key(compute, f)
        stamp = self.stamp()
        with self._lock:
            hit = self._values.get(key)
            if hit is not None:
                self._values.move_to_end(key)
                if hit[0] != stamp:
                    self._start(key, compute, f)
                return hit[1]
            running = self._running.get(key)
        if running is not None and running.wait(timeout=30):  # being computed already: wait for it
            with self._lock:
                hit = self._values.get(key)
            if hit is not None:
                return hit[1]
        value = compute(conn, f)
        self._put(key, stamp, value)
        return value

    def warm(self, compute: Compute, f: EventFilter) -> None:
        """Compute in the background now, so the first visitor does not wait."""
        key, f = self._key(compute, f)
        with self._lock:
            self._start(key, compute, f)

    @staticmethod
    def _key(compute: Compute, f: EventFilter) -> tuple[tuple, EventFilter]:
        f = replace(f, limit=-1, offset=0)  # no limit, as in SQLite
        return (compute.__module__, compute.__qualname__, astuple(f)), f

    def _start(self, key: tuple, compute: Compute, f: EventFilter) -> None:
        """Recompute in a thread of its own, unless one is at it (call with the lock held)."""
        if key not in self._running:
            self._running[key] = threading.Event()
            threading.Thread(target=self._refresh, args=(key, compute, f), daemon=True).start()

    def _refresh(self, key: tuple, compute: Compute, f: EventFilter) -> None:
        try:
            stamp = self.stamp()  # before reading: a commit during the work makes the result stale again
            conn = connect(self.db_path, readonly=True)
            try:
                self._put(key, stamp, compute(conn, f))
            finally:
                conn.close()
        except sqlite3.Error as error:  # the next request computes it in the foreground and shows the error
            log.warning("eventwire: refreshing %s failed: %s", key[1], error)
        finally:
            with self._lock:
                self._running.pop(key).set()

    def _put(self, key: tuple, stamp: tuple, value: Any) -> None:
        with self._lock:
            self._values[key] = (stamp, value)
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
