#!/usr/bin/env python3
"""Same output before and after a change: extract the records of four inputs, and compare two runs.

usage: python bench/compare_runs.py run OUT_DIR [--only seed,examples,...]
       python bench/compare_runs.py diff BEFORE_DIR AFTER_DIR

`run` reads each input as `eventwire extract` does (the readers, then `pipeline.process_many`
in one process) and writes one JSON record per article to OUT_DIR/<input>.jsonl.  `diff`
compares two such folders article by article and field by field, prints every difference
(an event or quote by its id, else by its position) and the count; exit status 1 if any.
A refactoring must leave the count at 0; a change of behaviour is read here, record by record.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
INPUTS = {
    "seed": ROOT / "examples" / "000_a3803002c0d27c0a.txt",
    "examples": ROOT / "examples",
    "voa_dev": BENCHMARKS / "voa_dev" / "articles.jsonl",
    "plover_gsr": BENCHMARKS / "plover_gsr" / "articles.jsonl",
}
KEYED_LISTS = ("events", "quotes")  # lists of records with an `id`: compared id by id


def records(path: Path) -> Iterator[dict[str, Any]]:
    """The records `eventwire extract` prints for `path`; an unreadable record is reported and skipped."""
    from eventwire.pipeline import process_many
    from eventwire.readers.common import DEFAULT_MAX_BYTES, ReadError
    from eventwire.readers.discover import read_paths

    articles = []
    for record in read_paths([str(path)], DEFAULT_MAX_BYTES, None):
        if isinstance(record, ReadError):
            print(f"  skipped {record}", file=sys.stderr)
        else:
            articles.append(record)
    for analysis in process_many(articles):
        yield analysis.to_dict()


def run(out: Path, names: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        start = time.perf_counter()
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            count = 0
            for record in records(INPUTS[name]):
                f.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
        print(f"{name}: {count} records in {time.perf_counter() - start:.1f}s -> {out / name}.jsonl")


def _by_article(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return {_article_id(r): r for r in rows}


def _article_id(record: dict[str, Any]) -> str:
    article = record.get("article")
    return str(article.get("id") if isinstance(article, dict) else record.get("id"))


def differences(before: Any, after: Any, where: str) -> Iterator[str]:
    """Every place two JSON values differ, as 'where: before -> after' lines."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after)):
            if key in KEYED_LISTS and _keyed(before.get(key)) and _keyed(after.get(key)):
                yield from _keyed_differences(before[key], after[key], f"{where}.{key}")
            else:
                yield from differences(before.get(key), after.get(key), f"{where}.{key}")
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for n, (b, a) in enumerate(zip(before, after, strict=True)):
            yield from differences(b, a, f"{where}[{n}]")
    elif before != after:
        yield f"{where}: {json.dumps(before, ensure_ascii=False)} -> {json.dumps(after, ensure_ascii=False)}"


def _keyed(items: Any) -> bool:
    return isinstance(items, list) and all(isinstance(i, dict) and "id" in i for i in items)


def _keyed_differences(before: list[dict], after: list[dict], where: str) -> Iterator[str]:
    old, new = {i["id"]: i for i in before}, {i["id"]: i for i in after}
    for key in old.keys() - new.keys():
        yield f"{where}[{key}] removed: {_summary(old[key])}"
    for key in new.keys() - old.keys():
        yield f"{where}[{key}] added: {_summary(new[key])}"
    for key in sorted(old.keys() & new.keys()):
        yield from differences(old[key], new[key], f"{where}[{key}]")
    if [i["id"] for i in before if i["id"] in new] != [i["id"] for i in after if i["id"] in old]:
        yield f"{where}: order changed"


def _summary(item: dict[str, Any]) -> str:
    """An event or quote in one line: what a reader needs to judge a change."""
    if "type" in item:
        sides = [",".join(a.get("code") or a.get("text", "") for a in item.get(s) or []) for s in ("source", "target")]
        return f"{item['type']} {sides[0]}->{sides[1]} {item.get('status')} trigger={item.get('trigger')!r}"
    return json.dumps(item, ensure_ascii=False)[:200]


def diff(before: Path, after: Path) -> int:
    total = 0
    for path in sorted(before.glob("*.jsonl")):
        other = after / path.name
        if not other.exists():
            print(f"{path.name}: missing from {after}")
            total += 1
            continue
        old, new = _by_article(path), _by_article(other)
        found = [
            line
            for key in sorted(old.keys() | new.keys())
            for line in differences(old.get(key), new.get(key), f"{path.stem}/{key}")
        ]
        for line in found:
            print(line)
        print(f"{path.stem}: {len(found)} differences over {len(old.keys() | new.keys())} articles")
        total += len(found)
    print(f"total: {total} differences")
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="extract every input into OUT_DIR")
    p.add_argument("out", type=Path)
    p.add_argument("--only", default=",".join(INPUTS), help="comma-separated inputs: " + ", ".join(INPUTS))
    p = sub.add_parser("diff", help="compare two runs record by record")
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.command == "run":
        run(args.out, args.only.split(","))
        return 0
    return 1 if diff(args.before, args.after) else 0


if __name__ == "__main__":
    sys.exit(main())
