"""Linear models shipped as JSON: trained offline by `make train` (scripts/train.py), applied
here with numpy alone, so running eventwire needs neither scikit-learn nor pickle
(docs/design.md).  Features are strings; a model knows the ones it was trained on and ignores
the rest."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression per label over binary features (scripts/train.py trains them together,
    one weight of a label's own cues shared by all labels, and stores the sum in each label's weights).

    A label is predicted when its probability reaches `threshold`; with `at_least_one`, the
    likeliest label is predicted even below it (every event has some issue area)."""

    labels: tuple[str, ...]
    features: dict[str, int]  # feature -> row of `weights`
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)
    threshold: float
    at_least_one: bool

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearModel:
        """The model from its JSON form (written by scripts/train.py): weights listed per label,
        as {feature: weight}, features with weight 0 left out."""
        labels = tuple(data["labels"])
        features = {f: i for i, f in enumerate(data["features"])}
        weights = np.zeros((len(features), len(labels)))
        for j, label in enumerate(labels):
            for feature, w in data["weights"][label].items():
                weights[features[feature], j] = w
        return cls(
            labels=labels,
            features=features,
            weights=weights,
            bias=np.array([data["bias"][label] for label in labels]),
            threshold=float(data["threshold"]),
            at_least_one=bool(data.get("at_least_one", False)),
        )

    def probabilities(self, features: Iterable[str]) -> np.ndarray:
        """P(label) for each label, given the features present."""
        rows = sorted({self.features[f] for f in features if f in self.features})
        scores = self.bias + self.weights[rows].sum(axis=0)
        return 1.0 / (1.0 + np.exp(-scores))

    def predict(self, features: Iterable[str]) -> list[str]:
        """The labels predicted, likeliest first."""
        p = self.probabilities(features)
        order = np.argsort(-p, kind="stable")
        chosen = [self.labels[j] for j in order if p[j] >= self.threshold]
        if not chosen and self.at_least_one and len(order):
            chosen = [self.labels[order[0]]]
        return chosen


@cache
def shipped(name: str) -> LinearModel:
    """A model shipped in eventwire/data, read once per process."""
    text = resources.files("eventwire.data").joinpath(name).read_text(encoding="utf-8")
    return LinearModel.from_dict(json.loads(text))
