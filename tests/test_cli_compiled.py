"""The compiled-data cache (issue 13 item 6): a table is built once, then loaded from its file by
every new process; a test that patches a builder's inputs gets a fresh build that never reaches
the file."""

from __future__ import annotations

import pytest

from eventwire import compiled
from eventwire.extract.events import lexicon as trigger_lexicon


def table() -> dict[str, int]:
    """A stand-in table that counts how often it is built."""
    table.builds += 1
    return {"built": table.builds}


table.builds = 0


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(compiled.CACHE_VARIABLE, str(tmp_path))
    table.builds = 0
    return tmp_path


def test_built_once_then_loaded_by_every_new_process(cache):
    assert compiled.Compiled(table, ())() == {"built": 1}
    (stored,) = cache.glob("*.pickle")
    assert compiled.Compiled(table, ())() == {"built": 1}  # a new process: loaded, not built
    assert table.builds == 1
    fresh = compiled.Compiled(table, ())
    fresh.cache_clear()
    assert fresh() == {"built": 2} and table.builds == 2
    assert compiled.Compiled(table, ())() == {"built": 1}  # the file still holds what the data give
    assert list(cache.glob("*.pickle")) == [stored]


def test_a_table_built_anew_replaces_its_stale_versions(cache, monkeypatch):
    compiled.Compiled(table, ())()
    (old,) = cache.glob("*.pickle")
    monkeypatch.setattr(compiled, "_fingerprint", lambda build, packages: "changed-data")  # a data file edited
    assert compiled.Compiled(table, ())() == {"built": 2}
    assert [p.name for p in cache.glob("*.pickle")] == [old.name.rsplit("-", 1)[0] + "-changed-data.pickle"]


def test_the_trigger_lexicon_loads_from_the_cache_as_built(cache):
    built = trigger_lexicon.lexicon.build()
    first = compiled.Compiled(trigger_lexicon.lexicon.build, ())()
    assert first == built and list(cache.glob("*.pickle"))
    assert compiled.Compiled(trigger_lexicon.lexicon.build, ())() == built
