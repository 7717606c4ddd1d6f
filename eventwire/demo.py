"""What `make demo` prints after the ingest: what is stored, the seed article's record, what to try next."""

from __future__ import annotations

import argparse
import json

from .output import event_rows, print_rows
from .store import queries
from .store.database import connect

SEED = "000_a3803002c0d27c0a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="eventwire.db")
    db = parser.parse_args().db
    conn = connect(db, readonly=True)
    c = queries.counts(conn)
    print(
        f"\nStored in {db}: {c['articles']} articles, {c['entities']} entities, "
        f"{c['events']} events, {c['quotes']} quotes.\n"
    )
    seed = queries.article(conn, SEED)
    if seed:
        seed["text"] = seed["text"][:120] + "…"
        for key in ("extra", "keywords", "text_hash", "section"):
            seed.pop(key, None)
        print(f"The seed article {SEED}:")
        print(json.dumps(seed, ensure_ascii=False, indent=2))
        print("\nIts events:")
        print_rows(event_rows(queries.events(conn, queries.EventFilter(article=SEED))))
        print()
    print("Look at the result:")
    for command in (
        f"eventwire articles --db {db}",
        f"eventwire articles --db {db} --search 'Sullivan AND Rome'",
        f"eventwire events --db {db} --article {SEED}",
        f"eventwire claims --db {db}",
        f"eventwire quotes --db {db} --speaker Zhao",
        f"sqlite3 {db} 'SELECT type, count(*) FROM events GROUP BY type'",
    ):
        print(f"  .venv/bin/{command}" if command.startswith("eventwire") else f"  {command}")
    conn.close()
    print(f"\nStart the web UI:  .venv/bin/eventwire serve --db {db}\nthen open          http://127.0.0.1:8000/")


if __name__ == "__main__":
    main()
