"""Training the contexts model (scripts/train.py): a context seldom seen still follows its own cues."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
pytest.importorskip("sklearn")  # the `train` extra

from eventwire.learn import LinearModel
from scripts.train import Example, fit


def examples() -> list[Example]:
    """Contexts that are well seen, each with its own cue, and one seen twice without its cue."""
    out = []
    for i in range(30):
        out.append(Example([f"w=a{i % 5}", "cue=military", "type=ASSAULT"], ["military"]))
        out.append(Example([f"w=b{i % 5}", "cue=economic", "type=SANCTION"], ["economic"]))
        out.append(Example([f"w=c{i % 5}", "cue=legal", "type=COERCE"], ["legal"]))
    out += [Example(["w=boat", "type=COERCE"], ["migration"]) for _ in range(2)]
    return out


def test_a_rare_context_is_predicted_from_its_own_cue():
    model = LinearModel.from_dict(fit(examples()))
    assert model.predict(["type=COERCE", "w=unseen", "cue=migration"])[0] == "migration"
    assert "migration" not in model.predict(["type=COERCE", "w=unseen", "cue=legal"])


def test_training_is_deterministic():
    assert fit(examples()) == fit(examples())
