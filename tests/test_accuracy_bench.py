"""bench/accuracy.py: its folds are score.py's, and no benchmark output leaves the PLOVER vocabulary."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import accuracy  # noqa: E402
from eventwire.learn import LinearModel  # noqa: E402

needs_benchmarks = pytest.mark.skipif(
    not (accuracy.DEFAULT_BENCHMARKS / "score.py").exists(), reason="needs the benchmarks beside the work tree"
)


def test_folds_are_runs_of_consecutive_articles():
    assert accuracy.folds_of(list(range(64))) == [list(range(i, i + 16)) for i in (0, 16, 32, 48)]
    assert sum(accuracy.folds_of(list(range(10))), []) == list(range(10))


def test_vocabulary_errors_name_the_event_and_what_is_wrong():
    rows = [
        {
            "article": {"id": "a1"},
            "events": [
                {"type": "THREATEN", "mode": "weapons", "context": ["military"]},
                {"type": "ASSAULT", "mode": "aerial", "context": ["warfare"]},
                {"type": "AGREE", "mode": None, "context": []},
            ],
        }
    ]
    assert accuracy.vocabulary_errors(rows) == ["a1: THREATEN with mode 'weapons'", "a1: context 'warfare'"]


def test_contexts_are_predicted_again_by_the_model_given():
    model = LinearModel.from_dict(
        {
            "labels": ["legal"],
            "features": [],
            "threshold": 0.5,
            "at_least_one": True,
            "bias": {"legal": 0.0},
            "weights": {"legal": {}},
        }
    )
    row = {
        "article": {"id": "a", "title": "t"},
        "events": [{"type": "AID", "sentence": "They sent aid.", "source": [], "target": [], "context": ["health"]}],
    }
    assert accuracy.with_contexts([row], model)[0]["events"][0]["context"] == ["legal"]


@needs_benchmarks
@pytest.mark.parametrize("name", ["voa_dev", "plover_gsr"])
def test_every_benchmark_event_keeps_to_its_types_modes_and_plover_contexts(name, tmp_path):
    out = tmp_path / f"{name}.jsonl"
    accuracy.run_extract([accuracy.DEFAULT_BENCHMARKS / p for p in accuracy.INPUTS[name]], out)
    rows = accuracy.read_jsonl(out)
    assert sum(len(r["events"]) for r in rows) > 5
    assert any(e["mode"] for r in rows for e in r["events"])
    assert all(e["context"] for r in rows for e in r["events"])
    assert accuracy.vocabulary_errors(rows) == []
