"""The response cache: one computation per URL and state of the store; after a commit a recent answer
is replayed while a background task computes the new one, an older one is computed afresh; while one
request computes, others for that URL get the previous answer at once."""

from __future__ import annotations

import asyncio
import time

from eventwire.web import responses
from eventwire.web.responses import ResponseCache


class Counter:
    """An ASGI app answering each URL with how often it was computed (a stand-in route, the unit here
    being the cache around it); `gate` holds a computation until released."""

    def __init__(self) -> None:
        self.calls = 0
        self.gate: asyncio.Event | None = None
        self.status = 200

    async def __call__(self, scope, receive, send) -> None:
        self.calls += 1
        calls = self.calls
        if self.gate is not None:
            await self.gate.wait()
        await send({"type": "http.response.start", "status": self.status, "headers": []})
        await send({"type": "http.response.body", "body": str(calls).encode()})


async def get(app, path: str = "/events", query: bytes = b"") -> tuple[int, bytes]:
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    await app({"type": "http", "method": "GET", "path": path, "query_string": query}, None, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def test_one_computation_per_url_and_state():
    async def run() -> None:
        stamp = [1]
        inner = Counter()
        app = ResponseCache(inner, stamp=lambda: tuple(stamp), last_write=lambda: 0.0)  # the store still since
        assert await get(app) == (200, b"1")
        assert await get(app) == (200, b"1")  # kept
        assert await get(app, query=b"type=AGREE") == (200, b"2")  # another URL
        stamp[0] = 2  # a commit
        assert await get(app) == (200, b"3")  # the first request after it computes afresh
        assert await get(app, path="/events.csv") == (200, b"4")
        assert await get(app, path="/events.csv") == (200, b"5")  # streams are never kept
        inner.status = 500
        assert (await get(app, path="/broken"))[0] == 500
        inner.status = 200
        assert await get(app, path="/broken") == (200, b"7")  # errors are not kept

    asyncio.run(run())


def test_while_one_request_computes_the_others_get_the_previous_answer():
    async def run() -> None:
        stamp = [1]
        inner = Counter()
        app = ResponseCache(inner, stamp=lambda: tuple(stamp), last_write=lambda: 0.0)
        assert await get(app) == (200, b"1")
        stamp[0] = 2
        inner.gate = asyncio.Event()
        computing = asyncio.create_task(get(app))
        await asyncio.sleep(0)
        assert await get(app) == (200, b"1")  # at once, not queued behind the computation
        inner.gate.set()
        assert await computing == (200, b"2")
        assert await get(app) == (200, b"2")

    asyncio.run(run())


def test_while_the_store_is_written_the_previous_answer_is_replayed_and_refreshed():
    async def run() -> None:
        stamp = [1]
        inner = Counter()
        app = ResponseCache(inner, stamp=lambda: tuple(stamp), last_write=lambda: time.time() + 1)  # writing
        assert await get(app) == (200, b"1")
        stamp[0] = 2  # a commit, less than QUIET seconds ago
        assert await get(app) == (200, b"1")  # at once
        await asyncio.gather(*app._background)  # the refresh it started
        assert inner.calls == 2
        assert await get(app) == (200, b"2")  # the new state, and never the old one again
        assert await get(app) == (200, b"2")

    asyncio.run(run())


def test_memory_is_bounded(monkeypatch):
    monkeypatch.setattr(responses, "MAX_KEPT", 2)  # bytes: room for two one-byte answers

    async def run() -> None:
        app = ResponseCache(Counter(), stamp=lambda: (1,), last_write=lambda: 0.0)
        for path in ("/a", "/b", "/c"):
            await get(app, path)
        assert list(app._answers) == [("/b", b""), ("/c", b"")] and app._kept == 2
        assert await get(app, "/a") == (200, b"4")  # dropped: computed again

    asyncio.run(run())
