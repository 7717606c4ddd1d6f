"""The local engine's process pool: analyses come back in input order, and the parent, which only
reads and writes, never imports spaCy or trafilatura (their start-up would take a core from the
workers while they load the model)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from eventwire.engines.local import BATCH, analyse
from eventwire.model import Article

articles = [
    Article(id=f"a{i}", text=f"Kenya and Somalia held talks in Nairobi on Monday, officials said. Story {i}.",
            published="2024-05-08")
    for i in range(2 * BATCH + 1)
]
results = list(analyse(articles, workers=2))
assert [r.article.id for r in results] == [a.id for a in articles], [getattr(r, "article", r) for r in results]
assert all(any(e.type == "CONSULT" for e in r.events) for r in results), results[0].events
loaded = [name for name in ("spacy", "trafilatura") if name in sys.modules]
assert not loaded, f"the pool's parent imported {loaded}"
print("ok")
"""


def test_a_pool_analyses_in_order_and_its_parent_never_loads_spacy():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
