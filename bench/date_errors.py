#!/usr/bin/env python3
"""Event dates, gold against system, for the studied folds: where each dated gold event's date
is lost.

usage: python bench/date_errors.py RUN.jsonl [--gold GOLD.jsonl] [--wrong-only]

RUN.jsonl is `eventwire extract ../shared/benchmarks/voa_dev/articles.jsonl --format jsonl`.
As score.py, a dated gold event is scored when a system event shares one of its dyads, and
right when one of those has the gold date at the gold precision.  The listing (gold date and
evidence, then each matching system event's date, the words it came from and its trigger) is
printed for folds 1-2 only: folds 3-4 are held out and give their counts alone
(docs/recipes.md), and for every fold the count of each class of miss (`miss_class`), which
tells which cause dominates on stories nobody studied without reading them.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.accuracy import DEFAULT_BENCHMARKS, STUDIED, folds_of, load_scorer, read_jsonl  # noqa: E402

MISS_CLASSES = (
    "no date",
    "after publication",
    "too coarse",
    "wrong day",
    "wrong month",
    "wrong year",
)
WHERE = (
    "gold before the publication month",
    "gold in an earlier year",
    "gold a year",
    "gold a month",
    "a system date has no words",
    "a system date from another sentence",
    "a system date from its sentence",
)  # misses: of an earlier month or year; the gold's precision; dated by the publication day alone,
# by words its sentence lacks, or by words of its own sentence


def miss_class(gold: str, dates: list[tuple[str, str]], published: str | None) -> str:
    """Why no system event of the dyad has the gold date, told by the nearest miss: undated,
    dated after publication, right but coarser than the gold ("2024-08" for "2024-08-15"), or
    wrong at the day, the month or the year.  `dates` are (date, precision) pairs."""
    dated = [(d, p) for d, p in dates if d]
    if not dated:
        return "no date"
    day = published[:10] if published else None
    if day and all(d[:10] > day for d, _ in dated):
        return "after publication"
    cuts = {"year": 4, "month": 7, "season": 7}
    if any(gold.startswith(d[: cuts.get(p, 10)]) and cuts.get(p, 10) < len(gold) for d, p in dated):
        return "too coarse"
    if any(d[:7] == gold[:7] for d, _ in dated):
        return "wrong day"
    return "wrong month" if any(d[:4] == gold[:4] for d, _ in dated) else "wrong year"


def _borrowed(event: dict[str, Any]) -> bool:
    """Was the event dated by words of another sentence (the occasion before it, the last dated
    speech act, the lead's day)?  A span counted back is written with its "before" or "after"
    turned (`dates.ties`): those words are not looked for."""
    sentence = set(re.findall(r"\w+", (event.get("sentence") or "").lower()))
    words = [w for w in re.findall(r"\w+", (event.get("date_text") or "").lower()) if w not in ("before", "after")]
    return bool(words) and not all(w in sentence for w in words)


def _judged(
    score: Any, article: dict[str, Any], row: dict[str, Any], listed: bool, wrong_only: bool, misses: Counter
) -> tuple[int, int]:
    """(right, scored) over the article's dated gold events, as score.py counts them, each miss
    counted in `misses` by its class; with `listed`, each (with `wrong_only`, each missed) is
    printed beside the system events that share a dyad with it."""
    right_n = scored = 0
    published = row.get("article", {}).get("published")
    for ge in article.get("events", []):
        matched = [se for se in row.get("events", []) if score.dyads(ge) & score.dyads(se)] if ge.get("date") else []
        if not matched:
            continue
        prec = score.gold_precision(ge["date"])
        right = any(score.date_key(se.get("date"), prec) == score.date_key(ge["date"], prec) for se in matched)
        right_n, scored = right_n + right, scored + 1
        if not right:
            misses[
                miss_class(ge["date"], [(se.get("date"), se.get("date_precision")) for se in matched], published)
            ] += 1
            misses["gold before the publication month"] += bool(published) and ge["date"][:7] < published[:7]
            misses["gold in an earlier year"] += bool(published) and ge["date"][:4] < published[:4]
            misses["gold a year"] += prec == "year"
            misses["gold a month"] += prec == "month"
            misses["a system date has no words"] += any(se.get("date") and not se.get("date_text") for se in matched)
            misses["a system date from another sentence"] += any(_borrowed(se) for se in matched)
            misses["a system date from its sentence"] += any(
                se.get("date_text") and not _borrowed(se) for se in matched
            )
        if listed and not (right and wrong_only):
            print(f"{'ok' if right else 'XX'} {article['id']} pub {published} {ge['type']} gold {ge['date']}")
            print(f"      gold: {ge.get('evidence', '')[:200]}")
            for se in matched:
                said = f"{se.get('date')} ({se.get('date_precision')}, {se.get('date_text')!r})"
                print(f"      sys : {said} {se['trigger']!r}: {se['sentence'][:160]}")
    return right_n, scored


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", type=Path)
    parser.add_argument("--gold", type=Path, default=DEFAULT_BENCHMARKS / "voa_dev" / "gold.jsonl")
    parser.add_argument("--wrong-only", action="store_true", help="list only the gold dates missed")
    args = parser.parse_args()
    score = load_scorer(DEFAULT_BENCHMARKS / "score.py")  # its dyad and date keys: counted as the scorer counts
    system = {str(row["article"]["id"]): row for row in read_jsonl(args.run)}
    by_fold = []
    for fold, articles in enumerate(folds_of(read_jsonl(args.gold)), start=1):
        right = scored = 0
        misses: Counter = Counter()
        for article in articles:
            row = system.get(str(article["id"]), {})
            r, s = _judged(score, article, row, fold <= STUDIED, args.wrong_only, misses)
            right, scored = right + r, scored + s
        by_fold.append(misses)
        print(f"fold {fold}: {right}/{scored} = {right / scored if scored else 0:.3f}")
    width = max(map(len, (*MISS_CLASSES, *WHERE))) + 2
    print(f"{'misses by class':{width}s}" + " ".join(f"{'fold ' + str(n):>8}" for n in range(1, len(by_fold) + 1)))
    for name in (*MISS_CLASSES, *WHERE):
        print(f"  {name:{width - 2}s}" + " ".join(f"{m[name]:8d}" for m in by_fold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
