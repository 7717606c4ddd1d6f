#!/usr/bin/env python3
"""Direct quotes, gold against system, by fold: which speakers are lost, and why.

usage: python bench/speaker_errors.py RUN.jsonl [--gold GOLD.jsonl]

RUN.jsonl is `eventwire extract ../shared/benchmarks/voa_dev/articles.jsonl --format jsonl`.
Quotes are matched as score.py matches them (greedy, one to one, on word overlap) and a speaker
is right as its `speaker_right` says.  For folds 1-2 every miss is printed (the gold speaker, the
system's, and the words around the quote); folds 3-4 are held out and give only the count of
each class of miss (`miss_class`, docs/recipes.md), which says which cause dominates on
stories nobody studied without reading them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.accuracy import DEFAULT_BENCHMARKS, STUDIED, folds_of, load_scorer, read_jsonl  # noqa: E402
from eventwire.extract.actors.tables import BODY_NOUNS, SHORT_FORM_HEADS  # noqa: E402
from eventwire.extract.quotes.cues import cues  # noqa: E402

MISS_CLASSES = (
    "span missed",
    "span extra",
    "no speaker",
    "pronoun wrong or missing",
    "description kept, a name exists",
    "wrong person",
    "wrong body",
)
BODY_WORDS = BODY_NOUNS | frozenset(w for heads in SHORT_FORM_HEADS.values() for w in heads)
AROUND = 160  # characters of the article shown before a missed quote


def is_description(name: str) -> bool:
    """A gold or system speaker that names no one ("a senior official", "the ministry")."""
    first = name.split()[0] if name.split() else ""
    return not first[:1].isupper() or first.lower() in ("the", "a", "an")


def is_body(name: str, score: Any) -> bool:
    """A gold speaker that is an organisation or a state, not a person: a body word in it
    ("Ministry", "Mission"), or written in capitals ("NISA")."""
    words = score.words(name)
    if is_description(name):  # "armed men who boarded the train"
        return False
    return any(w in BODY_WORDS for w in words) or (name.isupper() and len(name) > 1)


def miss_class(gold: str, speaker: dict[str, Any] | None, score: Any) -> str:
    """Why a matched quote's speaker is wrong, by what the system gave."""
    speaker = speaker or {}
    text, name = (speaker.get("text") or "").strip(), (speaker.get("name") or "").strip()
    if not text and not name:
        return "no speaker"
    if text.lower() in cues().pronouns | {"we", "i", "us"}:
        return "pronoun wrong or missing"
    if not is_description(gold) and is_description(name or text):
        return "description kept, a name exists"
    return "wrong body" if is_body(gold, score) else "wrong person"


def judged(score: Any, gold: dict[str, Any], row: dict[str, Any], listed: bool, misses: Counter) -> tuple[int, int]:
    """(right, matched) over the article's gold direct quotes, each miss counted in `misses`;
    with `listed`, each miss is printed."""
    g_quotes = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == "direct"]
    s_quotes = [q for q in row.get("quotes", []) if q.get("kind", "direct") == "direct"]
    text = (row.get("article") or {}).get("text") or ""
    used: set[int] = set()
    right_n = matched = 0
    for gq in g_quotes:
        best, best_i = 0.0, None
        for i, sq in enumerate(s_quotes):
            o = 0.0 if i in used else score.overlap(gq.get("text"), sq.get("text"))
            if o > best:
                best, best_i = o, i
        if best_i is None or best < 0.5:
            misses["span missed"] += 1
            if listed:
                print(f"SPAN MISSED {gold['id']} gold {gq.get('speaker')!r}: {gq.get('text', '')[:150]!r}")
            continue
        used.add(best_i)
        matched += 1
        sq = s_quotes[best_i]
        if score.speaker_right(gq.get("speaker"), sq.get("speaker"), gq.get("speaker_aliases") or ()):
            right_n += 1
            continue
        why = miss_class(gq.get("speaker") or "", sq.get("speaker"), score)
        misses[why] += 1
        if listed:
            sp = sq.get("speaker") or {}
            print(f"{why.upper()} {gold['id']} gold {gq.get('speaker')!r} {gq.get('speaker_aliases') or ''}")
            print(f"      sys : text {sp.get('text')!r} name {sp.get('name')!r} code {sp.get('code')!r}")
            before = text[max(sq["start"] - AROUND, 0) : sq["start"]].replace("\n", " / ")
            print(
                f"      text: ...{before}[[{text[sq['start'] : sq['end']][:100]}]]{text[sq['end'] : sq['end'] + 80]!r}"
            )
    for i in sorted(set(range(len(s_quotes))) - used):
        misses["span extra"] += 1
        if listed:
            print(f"SPAN EXTRA {gold['id']} sys {(s_quotes[i].get('speaker') or {}).get('text')!r}: ")
            print(f"      {s_quotes[i].get('text', '')[:150]!r}")
    return right_n, matched


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", type=Path)
    parser.add_argument("--gold", type=Path, default=DEFAULT_BENCHMARKS / "voa_dev" / "gold.jsonl")
    args = parser.parse_args()
    score = load_scorer(DEFAULT_BENCHMARKS / "score.py")  # its matching and speaker_right: counted as it counts
    system = {str(row["article"]["id"]): row for row in read_jsonl(args.run)}
    by_fold = []
    for fold, articles in enumerate(folds_of(read_jsonl(args.gold)), start=1):
        right = matched = 0
        misses: Counter = Counter()
        for article in articles:
            r, m = judged(score, article, system.get(str(article["id"]), {}), fold <= STUDIED, misses)
            right, matched = right + r, matched + m
        by_fold.append(misses)
        print(f"fold {fold}: speaker right on {right} of {matched} matched quotes")
    width = max(map(len, MISS_CLASSES)) + 2
    print(f"{'misses by class':{width}s}" + " ".join(f"{'fold ' + str(n):>8}" for n in range(1, len(by_fold) + 1)))
    for name in MISS_CLASSES:
        print(f"  {name:{width - 2}s}" + " ".join(f"{m[name]:8d}" for m in by_fold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
