"""Whole answers kept per state of the store, so that many clients asking for the same pages cost one
computation per commit instead of one per request (docs/design.md).

A GET answered 200 is kept with the store's stamp (its files' size and time, which every commit
changes). The next request for the same URL replays it while the stamp is unchanged. After a commit,
an answer computed less than MAX_STALE seconds ago is still replayed while a background task computes
the new one (so an ingest committing every few seconds does not put a computation in front of every
client); an older one is computed afresh for the request. So a commit shows within MAX_STALE seconds,
and a page never goes back to an older state. Streams (CSV downloads) and static files are not kept.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

SKIPPED_PREFIXES = ("/static", "/events.csv")
MAX_STALE = 1.0  # seconds an answer may lag behind the store
MAX_BODY = 4 * 1024 * 1024  # bytes: a larger answer is computed each time rather than kept


@dataclass
class _Answer:
    stamp: tuple
    at: float  # when its computation started (time.monotonic)
    start: Message
    body: bytes


@dataclass
class _Recording:
    start: Message | None = None
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0


class ResponseCache:
    """ASGI middleware keeping up to `size` answers, the least recently asked dropped first. The event
    loop runs it (one thread per worker process): its state needs no lock."""

    def __init__(self, app: ASGIApp, stamp: Callable[[], tuple], size: int = 512) -> None:
        self.app = app
        self.stamp = stamp
        self.size = size
        self._answers: OrderedDict[tuple[str, bytes], _Answer] = OrderedDict()
        self._computing: set[tuple[str, bytes]] = set()
        self._background: set[asyncio.Task] = set()  # refreshes running (kept: the loop holds tasks weakly)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(SKIPPED_PREFIXES):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        stamp, now = self.stamp(), time.monotonic()
        kept = self._answers.get(key)
        if kept is None or (kept.stamp != stamp and key not in self._computing and now - kept.at >= MAX_STALE):
            await self._compute(key, stamp, scope, receive, send)
            return
        if kept.stamp != stamp and key not in self._computing:
            task = asyncio.create_task(self._compute(key, stamp, dict(scope), _no_body, _discard))
            self._background.add(task)
            task.add_done_callback(self._background.discard)
        self._answers.move_to_end(key)
        await send(kept.start)
        await send({"type": "http.response.body", "body": kept.body})

    async def _compute(self, key: tuple[str, bytes], stamp: tuple, scope: Scope, receive: Receive, send: Send) -> None:
        recording, started = _Recording(), time.monotonic()

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                recording.start = message
            elif message["type"] == "http.response.body" and recording.size <= MAX_BODY:
                recording.chunks.append(message.get("body", b""))
                recording.size += len(recording.chunks[-1])
            await send(message)

        self._computing.add(key)
        try:
            await self.app(scope, receive, record)
        finally:
            self._computing.discard(key)
        if recording.start is not None and recording.start["status"] == 200 and recording.size <= MAX_BODY:
            self._answers[key] = _Answer(stamp, started, recording.start, b"".join(recording.chunks))
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


async def _discard(message: Message) -> None:
    """Where a background refresh sends its answer: only the cache keeps it."""
