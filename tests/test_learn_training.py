"""Training the contexts model (scripts/train.py): a context seldom seen still follows its own cues;
extracted events learn the contexts of the gold events they match."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
pytest.importorskip("sklearn")  # the `train` extra

from sklearn.linear_model import LogisticRegression

from eventwire.learn import LinearModel
from eventwire.model import Article
from eventwire.pipeline import process
from scripts.train import SYSTEM_WEIGHT, C, Example, _design, fit, system_examples


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
    assert model.predict(["w=unseen", "cue=migration"])[0] == "migration"
    assert "migration" not in model.predict(["w=unseen", "cue=legal"])


def test_training_is_deterministic():
    assert fit(examples()) == fit(examples())


def test_the_stored_model_gives_the_probabilities_it_was_trained_to_give():
    """Shared cue weights and the scale of the type features are folded into each label's weights:
    eventwire, reading features as present or absent, scores as the trained regression does."""
    train_set = examples()
    model = LinearModel.from_dict(fit(train_set))
    x, y, _ = _design(train_set, sorted({f for ex in train_set for f in ex.features}), list(model.labels))
    clf = LogisticRegression(C=C, solver="liblinear", random_state=0).fit(x, y)
    expected = clf.predict_proba(x)[:, 1].reshape(len(train_set), len(model.labels))
    got = np.array([model.probabilities(ex.features) for ex in train_set])
    assert np.abs(got - expected).max() < 0.02


def test_an_example_counts_as_much_as_its_weight():
    def trained(military: float, economic: float) -> list[str]:
        train_set = [Example(["w=port"], ["military"], military) for _ in range(10)]
        train_set += [Example(["w=port"], ["economic"], economic) for _ in range(10)]
        return LinearModel.from_dict(fit(train_set)).predict(["w=port"])

    assert trained(1.0, 0.2)[0] == "military"
    assert trained(0.2, 1.0)[0] == "economic"


def test_an_extracted_event_learns_the_contexts_of_the_gold_event_it_matches(tmp_path):
    text = "Israeli warplanes bombed Hamas positions in Gaza on Tuesday. Egypt hosted talks with Qatar in Cairo."
    row = process(Article(id="a1", text=text, published="2025-03-01")).to_dict()
    assert [e["type"] for e in row["events"]] == ["ASSAULT", "CONSULT"]
    gold = tmp_path / "gold.jsonl"
    events = [
        {"type": "ASSAULT", "source": ["ISR"], "target": ["PSE"], "context": ["military", "terrorism"]},
        {"type": "CONSULT", "source": ["EGY"], "target": ["QAT"], "context": ["diplomatic"]},  # other sides
    ]
    gold.write_text(json.dumps({"id": "a1", "events": events}) + "\n", encoding="utf-8")
    [group] = system_examples([row], gold)
    assert [(ex.labels, ex.weight) for ex in group] == [(["military", "terrorism"], SYSTEM_WEIGHT)]
    assert "type=ASSAULT" in group[0].features and "w=warpl" in group[0].features
