#!/usr/bin/env python3
"""Start-up cost: `eventwire extract story.txt` on one article, end to end, as a user runs it.

usage: python bench/startup.py [--runs 5] [STORY]

Prints the wall time of each run, their median and minimum (the target is at most 2.5 s), the CPU
time per run (what an idle machine's wall time comes near), and the
heavy libraries the command imported that it does not use (Dask, FastAPI, pyarrow: none expected),
read from `python -X importtime`. Wall figures depend on what else runs on the machine.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORY = ROOT / "examples" / "000_a3803002c0d27c0a.txt"
UNUSED = ("dask", "distributed", "fastapi", "uvicorn", "pyarrow")  # extract needs none of these
TARGET_SECONDS = 2.5


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(story: Path, *flags: str) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, stderr) of one run."""
    started, cpu = time.perf_counter(), _child_cpu()
    proc = subprocess.run(
        [sys.executable, *flags, "-m", "eventwire.cli", "extract", str(story)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - started, _child_cpu() - cpu, proc.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("story", nargs="?", type=Path, default=DEFAULT_STORY, help="the article to extract")
    parser.add_argument("--runs", type=int, default=5, help="runs to time (default 5)")
    args = parser.parse_args()
    run(args.story)  # warm the file cache and Python's bytecode
    runs = [run(args.story) for _ in range(args.runs)]
    times = [wall for wall, _, _ in runs]
    print("runs (s):", " ".join(f"{t:.2f}" for t in times))
    print(f"CPU per run (s, load-independent): {statistics.median(cpu for _, cpu, _ in runs):.2f}")
    median = statistics.median(times)
    verdict = "met" if median <= TARGET_SECONDS else "not met"
    print(f"median {median:.2f} s, min {min(times):.2f} s (target <= {TARGET_SECONDS} s: {verdict})")
    imported = {line.rsplit("|", 1)[-1].strip() for line in run(args.story, "-X", "importtime")[2].splitlines()}
    heavy = sorted({m.split(".")[0] for m in imported} & set(UNUSED))
    print("unused heavy imports:", ", ".join(heavy) or "none")


if __name__ == "__main__":
    main()
