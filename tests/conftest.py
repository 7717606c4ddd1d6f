"""Shared fixtures: paths to the example data and a helper to run the CLI as a user does."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "000_a3803002c0d27c0a.txt"
SEED_ID = "000_a3803002c0d27c0a"


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`eventwire ARGS...` in a subprocess, as a user would run it."""
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], input=stdin, text=True,
                          capture_output=True, cwd=cwd, timeout=600)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED
