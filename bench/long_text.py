#!/usr/bin/env python3
"""The cost of one pathological or very long article, end to end (`pipeline.process`).

usage: python bench/long_text.py [--case NAME]

Each case runs in a fresh process (the model loaded and warmed up before the clock starts) and
prints its characters, seconds, seconds per 10,000 characters and the process's peak RSS.
Cases: runs of 10,000 quotation marks, exclamation marks and mixed symbols inside a sentence,
one paragraph of 200,000 characters, 200,000 characters in paragraphs, and a 2 MB article
(the default --max-bytes). Targets (issue 14): at most 2 s per 10,000 characters for any text,
at most 1 GB peak per worker for the 2 MB article. Texts are built from examples/.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SECONDS_PER_10K, PEAK_MB = 2.0, 1024.0


def paragraphs() -> list[str]:
    from eventwire.model import Article
    from eventwire.readers.discover import read_paths

    return [p for r in read_paths([str(ROOT / "examples")]) if isinstance(r, Article) for p in r.text.split("\n") if p]


def filled(size: int, separator: str) -> str:
    """Paragraphs of the examples, joined by `separator`, cut at `size` characters."""
    paras, out, length = paragraphs(), [], 0
    while length < size:
        out.append(paras[len(out) % len(paras)])
        length += len(out[-1]) + len(separator)
    return separator.join(out)[:size]


def in_sentence(run: str) -> str:
    return f'The minister said "{run}" before the talks in Paris on Monday.\n\nThe talks ended.'


CASES = {
    "10k quotation marks": lambda: in_sentence('"' * 10_000),
    "10k exclamation marks": lambda: in_sentence("!" * 10_000),
    "10k mixed symbols": lambda: in_sentence("!?*(\U0001f600_" * 2_000),
    "one paragraph, 200k chars": lambda: filled(200_000, " "),
    "paragraphs, 200k chars": lambda: filled(200_000, "\n\n"),
    "2 MB article": lambda: filled(2_000_000, "\n\n"),  # the most --max-bytes lets in by default
}


def run_case(name: str) -> dict[str, float]:
    from eventwire import pipeline
    from eventwire.model import Article

    text = CASES[name]()
    pipeline.process(Article(id="warm-up", text=filled(2_000, "\n\n")))  # loads the model and lexicons
    started = time.perf_counter()
    analysis = pipeline.process(Article(id="long", text=text))
    seconds = time.perf_counter() - started
    for quote in analysis.quotes:  # offsets still point at the right text
        assert text[quote.start : quote.end] == quote.text, quote
    return {
        "chars": len(text),
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "events": len(analysis.events),
        "quotes": len(analysis.quotes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=CASES, help="run one case in this process and print it as JSON")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return
    print(f"{'case':28} {'chars':>10} {'seconds':>8} {'s/10k':>6} {'peak MB':>8}  events quotes")
    for name in CASES:
        out = subprocess.run(
            [sys.executable, __file__, "--case", name], capture_output=True, text=True, check=True
        ).stdout
        r = json.loads(out)
        per_10k = r["seconds"] / r["chars"] * 10_000
        print(
            f"{name:28} {r['chars']:>10,} {r['seconds']:>8.1f} {per_10k:>6.2f} {r['peak_mb']:>8.0f}"
            f"  {r['events']:>6} {r['quotes']:>6}"
        )
    print(f"targets: at most {SECONDS_PER_10K} s per 10,000 characters; at most {PEAK_MB:.0f} MB for 2 MB")


if __name__ == "__main__":
    main()
