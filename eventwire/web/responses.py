"""Whole answers kept per state of the store, so that many clients asking for the same pages cost one
computation per commit instead of one per request (docs/design.md).

A GET answered 200 is kept with the store's stamp (its files' size and time, which every commit
changes). The next request for the same URL replays it while the stamp is unchanged. While the store
is being written (a commit less than QUIET seconds ago), an out-of-date answer is replayed and a
background task computes the new one, so an ingest committing every few seconds does not put a
computation in front of every client (the tasks run one at a time, leaving the rest of the CPU to the
requests); a URL being computed or queued is answered from its previous state. Once the store is
still, an out-of-date answer is computed afresh for the request: a reload QUIET seconds after an
ingest shows all it wrote. A page never goes back to an older state. Streams (CSV downloads) and
static files are not kept.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SKIPPED_PREFIXES = ("/static", "/events.csv")
QUIET = 1.0  # seconds without a commit after which the store counts as still: answers are made fresh
MAX_BODY = 4 * 1024 * 1024  # bytes: a larger answer is computed each time rather than kept
MAX_KEPT = 64 * 1024 * 1024  # bytes of answers kept by one worker process


@dataclass
class _Answer:
    stamp: tuple
    start: Message
    body: bytes


@dataclass
class _Recording:
    start: Message | None = None
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0


class ResponseCache:
    """ASGI middleware keeping up to `size` answers and MAX_KEPT bytes, the least recently asked dropped
    first. The event loop runs it (one thread per worker process): its state needs no lock."""

    def __init__(
        self, app: ASGIApp, stamp: Callable[[], tuple], last_write: Callable[[], float], size: int = 512
    ) -> None:
        self.app = app
        self.stamp = stamp
        self.last_write = last_write  # time.time() of the last commit
        self.size = size
        self._answers: OrderedDict[tuple[str, bytes], _Answer] = OrderedDict()
        self._pending: set[tuple[str, bytes]] = set()  # URLs being computed, or queued to be
        self._kept = 0  # bytes of the answers kept
        self._background: set[asyncio.Task] = set()  # refreshes (kept here: the loop holds tasks weakly)
        self._slot: asyncio.Semaphore | None = None  # one refresh at a time: requests keep the rest of the CPU

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(SKIPPED_PREFIXES):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        kept, stamp = self._answers.get(key), self.stamp()
        fresh = kept is not None and (kept.stamp == stamp or key in self._pending)
        if kept is None or (not fresh and time.time() - self.last_write() >= QUIET):
            self._pending.add(key)
            try:
                await self._compute(key, scope, receive, send)
            finally:
                self._pending.discard(key)
            return
        if not fresh:
            self._pending.add(key)
            task = asyncio.create_task(self._refresh(key, dict(scope)))
            self._background.add(task)
            task.add_done_callback(self._background.discard)
        self._answers.move_to_end(key)
        await send(kept.start)
        await send({"type": "http.response.body", "body": kept.body})

    async def _refresh(self, key: tuple[str, bytes], scope: Scope) -> None:
        self._slot = self._slot or asyncio.Semaphore(1)
        try:
            async with self._slot:
                await self._compute(key, scope, _no_body, _discard)
        finally:
            self._pending.discard(key)

    async def _compute(self, key: tuple[str, bytes], scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request through the application, sending its answer on and keeping it."""
        recording, stamp = _Recording(), self.stamp()  # the state before reading

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                recording.start = message
            elif message["type"] == "http.response.body" and recording.size <= MAX_BODY:
                recording.chunks.append(message.get("body", b""))
                recording.size += len(recording.chunks[-1])
            await send(message)

        await self.app(scope, receive, record)
        if recording.start is not None and recording.start["status"] == 200 and recording.size <= MAX_BODY:
            if old := self._answers.pop(key, None):
                self._kept -= len(old.body)
            self._answers[key] = _Answer(stamp, recording.start, b"".join(recording.chunks))
            self._kept += recording.size
            while len(self._answers) > self.size or self._kept > MAX_KEPT:
                self._kept -= len(self._answers.popitem(last=False)[1].body)


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


async def _discard(message: Message) -> None:
    """Where a background refresh sends its answer: only the cache keeps it."""
