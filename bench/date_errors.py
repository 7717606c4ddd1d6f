#!/usr/bin/env python3
"""Event dates, gold against system, for the studied folds: where each dated gold event's date
is lost.

usage: python bench/date_errors.py RUN.jsonl [--gold GOLD.jsonl] [--wrong-only]

RUN.jsonl is `eventwire extract ../shared/benchmarks/voa_dev/articles.jsonl --format jsonl`.
As score.py, a dated gold event is scored when a system event shares one of its dyads, and
right when one of those has the gold date at the gold precision.  The listing (gold date and
evidence, then each matching system event's date, the words it came from and its trigger) is
printed for folds 1-2 only: folds 3-4 are held out and give their counts alone
(docs/recipes.md).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
FOLDS, STUDIED = 4, 2


def _score_module() -> Any:
    """score.py's dyad and date keys, so that this listing counts exactly as the scorer does."""
    spec = importlib.util.spec_from_file_location("score", BENCHMARKS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", type=Path)
    parser.add_argument("--gold", type=Path, default=BENCHMARKS / "voa_dev" / "gold.jsonl")
    parser.add_argument("--wrong-only", action="store_true", help="list only the gold dates missed")
    args = parser.parse_args()
    score = _score_module()
    gold = _rows(args.gold)
    system = {str(row["article"]["id"]): row for row in _rows(args.run)}
    size = len(gold) // FOLDS
    counts = [[0, 0] for _ in range(FOLDS)]
    for n, article in enumerate(gold):
        fold = min(n // size, FOLDS - 1)
        row = system.get(str(article["id"]), {})
        published = row.get("article", {}).get("published")
        for ge in article.get("events", []):
            if not ge.get("date"):
                continue
            matched = [se for se in row.get("events", []) if score.dyads(ge) & score.dyads(se)]
            if not matched:
                continue
            prec = score.gold_precision(ge["date"])
            right = any(score.date_key(se.get("date"), prec) == score.date_key(ge["date"], prec) for se in matched)
            counts[fold][0] += right
            counts[fold][1] += 1
            if fold >= STUDIED or (right and args.wrong_only):
                continue
            mark = "ok" if right else "XX"
            print(f"{mark} fold {fold + 1} {article['id']} pub {published} {ge['type']} gold {ge['date']}")
            print(f"      gold: {ge.get('evidence', '')[:200]}")
            for se in matched:
                said = f"{se.get('date')} ({se.get('date_precision')}, {se.get('date_text')!r})"
                print(f"      sys : {said} {se['trigger']!r}: {se['sentence'][:160]}")
    for fold, (right, scored) in enumerate(counts, start=1):
        print(f"fold {fold}: {right}/{scored} = {right / scored if scored else 0:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
