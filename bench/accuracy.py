#!/usr/bin/env python3
"""Accuracy on the benchmarks: run `eventwire extract` on each and print score.py's figures.

usage: python bench/accuracy.py [--benchmarks DIR] [--only seed,voa_dev,...] [--per-type] [--keep DIR]

Benchmarks (under DIR, default ../shared/benchmarks beside the work tree):
  seed          seed/000_*.txt         against seed/gold.jsonl (events, dates, quotes)
  voa_dev       voa_dev/articles.jsonl against voa_dev/gold.jsonl
  plover_gsr    plover_gsr/articles.jsonl against gold_types.jsonl (document types)
                and gold_dyads.jsonl (event dyads)
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCHMARKS = ROOT.parent / "shared" / "benchmarks"

# name -> (input paths relative to the benchmark dir, [(label, gold file, lines to print)])
EVENT_LINES = ("events(type,source,target)", "events(type)", "events(source,target)")
QUOTE_LINES = ("quotes(span)", "quotes(span+speaker)")
BENCHMARKS = {
    "seed": (["seed/000_a3803002c0d27c0a.txt"], [("gold", "seed/gold.jsonl", EVENT_LINES + QUOTE_LINES)]),
    "voa_dev": (["voa_dev/articles.jsonl"], [("gold", "voa_dev/gold.jsonl", EVENT_LINES + QUOTE_LINES)]),
    # gold_types has event types only (no dyads): its event lines would be empty
    "plover_gsr": (
        ["plover_gsr/articles.jsonl"],
        [("gold_types", "plover_gsr/gold_types.jsonl", ()), ("gold_dyads", "plover_gsr/gold_dyads.jsonl", EVENT_LINES)],
    ),
}


def extract_command() -> list[str]:
    """The installed `eventwire` beside this interpreter, else the module."""
    exe = Path(sys.executable).with_name("eventwire")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "eventwire.cli"]


def run_extract(inputs: list[Path], out: Path) -> float:
    """Run `eventwire extract` into `out`; returns the wall time in seconds."""
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as f:
        proc = subprocess.run(
            [*extract_command(), "extract", *map(str, inputs), "--format", "jsonl"],
            stdout=f,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
    if proc.returncode != 0:
        print(f"  eventwire extract exited {proc.returncode}: {proc.stderr.strip()[-500:]}", file=sys.stderr)
    return time.perf_counter() - start


def score(scorer: Path, gold: Path, run: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(run), "--json"], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout)


def print_report(label: str, report: dict, lines: tuple[str, ...], per_type: bool) -> None:
    print(f"  [{label}] articles={report['articles']} missing={report['articles_missing_from_system']}")
    for name in lines:
        v = report[name]
        print(
            f"    {name:28s} P={v['precision']:.3f} R={v['recall']:.3f} F1={v['f1']:.3f} "
            f"(tp={v['tp']} sys={v['system']} gold={v['gold']})"
        )
    d = report["dates(on matched events)"]
    if d["scored"]:
        print(f"    {'dates(on matched events)':28s} {d['accuracy']:.3f} ({d['right']}/{d['scored']})")
    print(f"    {'document types macro F1':28s} {report['document_types_macro_f1']:.3f}")
    if per_type:
        for typ, v in report["document_types"].items():
            if v["gold"] or v["system"]:
                print(
                    f"      doc {typ:10s} P={v['precision']:.2f} R={v['recall']:.2f} F1={v['f1']:.2f} "
                    f"(tp={v['tp']} sys={v['system']} gold={v['gold']})"
                )
        for typ, v in report["per_type"].items():
            print(
                f"      dyad {typ:9s} P={v['precision']:.2f} R={v['recall']:.2f} F1={v['f1']:.2f} "
                f"(tp={v['tp']} sys={v['system']} gold={v['gold']})"
            )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--benchmarks", type=Path, default=DEFAULT_BENCHMARKS)
    ap.add_argument("--only", default=",".join(BENCHMARKS), help="comma-separated benchmark names")
    ap.add_argument("--per-type", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the runs (<name>.jsonl) in this folder")
    args = ap.parse_args()
    scorer = args.benchmarks / "score.py"
    if not scorer.exists():
        print(f"no scorer at {scorer}; pass --benchmarks DIR", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="eventwire-accuracy-"))
    try:
        for name in args.only.split(","):
            inputs, golds = BENCHMARKS[name]
            run = (args.keep or workdir) / f"{name}.jsonl"
            run.parent.mkdir(parents=True, exist_ok=True)
            seconds = run_extract([args.benchmarks / p for p in inputs], run)
            print(f"{name}: extracted in {seconds:.1f}s")
            for label, gold, lines in golds:
                print_report(label, score(scorer, args.benchmarks / gold, run), lines, args.per_type)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
