"""Training the sides model (eventwire/data/sides_model.json): scripts/train.py calls `fit_sides`
on the candidates of the VOA dev set and the PLOVER GSR; bench/accuracy.py calls it on fold
subsets to score each fold with a model that never saw it.

An example is one candidate of one proposed event (eventwire/extract/events/deciding.py), labelled
by whether any of its (type, source, target) pairs is a gold pair of its article: the pairs the
benchmarks' scorer counts, so the model learns what the scorer rewards and nothing else."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp  # with scikit-learn, in the `train` extra
from sklearn.linear_model import LogisticRegression  # the `train` extra: never imported by eventwire

from eventwire import nlp
from eventwire.extract.events import propose
from eventwire.extract.events.deciding import NamedActors, candidates, pairs_of
from eventwire.model import Article
from eventwire.pipeline import PARSE_BATCH, article_context
from eventwire.readers.discover import read_paths

# Chosen with deciding.RULES_FLOOR on the studied folds (1-2) of the VOA dev set and the GSR together,
# each fold scored by a model trained without it (docs/design.md gives the figures).
C = 0.5  # inverse regularisation strength of the logistic regression
THRESHOLD = 0.5  # a pairing the rules did not choose is added from this probability on
MIN_COUNT = 2  # a feature seen fewer times in training is left out
DIGITS = 3  # weights are rounded: a smaller file, and the same file on every machine


@dataclass
class SideExample:
    features: tuple[str, ...]
    right: bool


def gold_pairs(event: dict) -> frozenset[tuple[str, str, str]]:
    """(type, source, target) of a gold event, as the scorer counts them."""
    type_ = str(event["type"]).upper()
    return pairs_of(type_, [str(c) for c in event.get("source") or []], [str(c) for c in event.get("target") or []])


def articles_by_id(path: Path) -> dict[str, Article]:
    """The articles of a benchmark input file, by id."""
    return {a.id: a for a in read_paths([str(path)]) if isinstance(a, Article)}


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_articles(articles: Path, gold: Path) -> list[Article]:
    """The articles of a gold file, in its order."""
    read = articles_by_id(articles)
    return [read[str(r["id"])] for r in read_jsonl(gold)]


def side_examples(articles: Path, gold: Path) -> list[list[SideExample]]:
    """The candidates of every proposed event, grouped by article in gold-file order (the folds
    of bench/accuracy.py are runs of these groups)."""
    rows, chosen = read_jsonl(gold), gold_articles(articles, gold)
    docs = nlp.pipe((a.text for a in chosen), batch_size=PARSE_BATCH)
    titles = nlp.pipe((a.title or "" for a in chosen), batch_size=PARSE_BATCH)
    out = []
    for row, article, doc, title in zip(rows, chosen, docs, titles, strict=True):
        ctx = article_context(article, doc, title)
        pairs = set().union(*(gold_pairs(e) for e in row.get("events", [])))
        names = NamedActors.of(ctx)
        out.append(
            [
                SideExample(c.features, bool(c.dyads(event.type) & pairs))
                for event in propose(ctx)
                for c in candidates(ctx, event, names)
            ]
        )
    return out


def fit_sides(examples: list[SideExample]) -> dict:
    """A logistic regression over the candidates' features, in the JSON form
    eventwire.learn.LinearModel reads (one label, "right")."""
    counts: dict[str, int] = {}
    for ex in examples:
        for f in set(ex.features):
            counts[f] = counts.get(f, 0) + 1
    features = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    column = {f: i for i, f in enumerate(features)}
    rows, cols = [], []
    for n, ex in enumerate(examples):
        known = sorted({column[f] for f in ex.features if f in column})
        rows += [n] * len(known)
        cols += known
    x = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(features)))
    y = np.array([ex.right for ex in examples], dtype=int)
    clf = LogisticRegression(C=C, solver="liblinear", random_state=0).fit(x, y)
    weights = {f: round(float(w), DIGITS) for f, w in zip(features, clf.coef_[0], strict=True)}
    weights = {f: w for f, w in weights.items() if w}
    return {
        "about": "Which sides an event has; trained by scripts/train.py (make train) from the gold of the VOA "
        "dev set and of the PLOVER GSR (CC BY-SA 4.0, Open Event Data Alliance: this file adapts it and "
        "carries the same licence); features from eventwire/extract/events/deciding.py",
        "labels": ["right"],
        "features": sorted(weights),
        "threshold": THRESHOLD,
        "bias": {"right": round(float(clf.intercept_[0]), DIGITS)},
        "weights": {"right": weights},
    }
