"""Property: whatever JSON Lines a user feeds `eventwire ingest` (any types, any nesting, any
Unicode, broken lines among good ones), the run completes, every good record is stored, every
bad one is reported once with its line, and the database stays sound."""

from __future__ import annotations

import contextlib
import io
import json
import re
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire import cli
from eventwire.readers.jsonl import FIELDS

# Any Unicode but lone surrogates (JSON text cannot hold them) and NUL (refused on purpose).
CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
TEXT = st.text(CHARS, max_size=120)
LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | TEXT
JSON = st.recursive(
    LEAVES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8
)
EXTRA = st.dictionaries(TEXT.filter(lambda k: k not in FIELDS), JSON, max_size=3)


@st.composite
def good_record(draw: st.DrawFn, number: int) -> tuple[str, str]:
    """(its id as stored, its line): a valid article whatever else it carries."""
    record = draw(EXTRA)
    ident: str | int = draw(st.sampled_from([f"good-{number}", 1_000_000 + number]))
    record.update(id=ident, text=f"Report {number}: " + draw(TEXT))
    if draw(st.booleans()):
        record.update(title=draw(TEXT), url=draw(TEXT), published=draw(st.dates()).isoformat())
    return str(ident), json.dumps(record, ensure_ascii=draw(st.booleans()))


def deep(depth: int) -> str:
    return "[" * depth + "]" * depth


BAD_LINES = st.one_of(
    JSON.filter(lambda v: not isinstance(v, dict)).map(json.dumps),  # not an object
    st.builds(lambda extra: json.dumps(extra), EXTRA),  # an object without text (no key of FIELDS: no text)
    st.builds(  # a known field of a wrong type
        lambda name, value: json.dumps({"text": "Talks were held.", name: value}),
        st.sampled_from(sorted(FIELDS)),
        st.one_of(st.booleans(), st.floats(allow_nan=False), st.dictionaries(TEXT, LEAVES, min_size=1)),
    ),
    st.integers(33, 50_000).map(lambda n: '{"text": "Talks.", "x": ' + deep(n) + "}"),  # nested too deep
    TEXT.filter(lambda t: "\n" not in t).map(lambda t: "{" + t),  # not JSON
    st.sampled_from(['{"text": "Talks\\u0000."}', '{"text": "Talks \\udc80."}', '{"text": "x", "date": "2025-13-01"}']),
)


@st.composite
def jsonl_file(draw: st.DrawFn) -> tuple[list[str], dict[str, int], set[int]]:
    """(lines, good ids -> line number, bad line numbers)."""
    lines: list[str] = []
    good: dict[str, int] = {}
    bad: set[int] = set()
    for number in range(1, draw(st.integers(1, 12)) + 1):
        if draw(st.booleans()):
            ident, line = draw(good_record(number))
            good[ident] = number
        else:
            line = draw(BAD_LINES)
            bad.add(number)
        lines.append(line)
    return lines, good, bad


SKIPPED = re.compile(r"^eventwire: skipped .*\.jsonl:(\d+): ", re.MULTILINE)


@settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(jsonl_file())
def test_any_jsonl_ingest_completes_stores_the_good_and_reports_the_bad(case):
    lines, good, bad = case
    with tempfile.TemporaryDirectory() as tmp:
        src, db = Path(tmp) / "in.jsonl", Path(tmp) / "ew.db"
        src.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            status = cli.main(["ingest", str(src), "--db", str(db)])
        reported = [int(n) for n in SKIPPED.findall(stderr.getvalue())]
        assert sorted(reported) == sorted(bad), stderr.getvalue()  # each bad line once, no good one
        assert status == (1 if bad else 0)
        with sqlite3.connect(db) as conn:
            stored = {row[0] for row in conn.execute("SELECT id FROM articles UNION SELECT id FROM duplicates")}
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert stored == set(good)
