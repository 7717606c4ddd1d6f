"""Rules propose, the sides model decides (eventwire/extract/events/deciding.py): the candidates
an event gets, what the decision keeps, and training that reproduces the shipped model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eventwire import nlp
from eventwire.extract.article import ArticleContext
from eventwire.extract.events import propose
from eventwire.extract.events.deciding import (
    MODEL,
    NEAREST,
    NamedActors,
    candidates,
    completed,
    decide,
    dependency_path,
)
from eventwire.learn import LinearModel
from eventwire.model import Article
from eventwire.pipeline import process, process_many

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"


def context(text: str) -> ArticleContext:
    doc = next(nlp.pipe([text], batch_size=1))
    return ArticleContext.build(doc, None, None)


def flat(bias: float, weights: dict[str, float] | None = None, threshold: float = 0.35) -> LinearModel:
    """A sides model that gives every candidate the probability of `bias` plus its features' weights."""
    weights = weights or {}
    return LinearModel.from_dict(
        {
            "labels": ["right"],
            "features": sorted(weights),
            "threshold": threshold,
            "bias": {"right": bias},
            "weights": {"right": weights},
        }
    )


def pairs(events) -> set[tuple[str, frozenset[str], frozenset[str]]]:
    return {(e.type, frozenset(a.code for a in e.source), frozenset(a.code for a in e.target)) for e in events}


ATTACK = "Kenya launched an attack on militant camps in Somalia on Monday."


def test_candidates_start_with_the_rules_sides_then_pair_the_sentences_other_actors():
    ctx = context(ATTACK)
    (event,) = [e for e in propose(ctx) if e.type == "ASSAULT"]
    found = candidates(ctx, event, NamedActors.of(ctx))
    assert found[0].how == "rules" and found[0].dyads("ASSAULT") == {("ASSAULT", "KEN", "SOM")}
    every = {d for c in found for d in c.dyads("ASSAULT")}
    assert {("ASSAULT", "SOM", "KEN"), ("ASSAULT", "KEN", "-"), ("ASSAULT", "KEN", "KEN")} <= every
    assert len({c.dyads("ASSAULT") for c in found}) == len(found)  # no pairing twice


def test_a_path_tells_the_preposition_a_place_hangs_from():
    ctx = context(ATTACK)
    trigger = next(t for t in ctx.doc if t.text == "attack")
    somalia = next(t for t in ctx.doc if t.text == "Somalia")
    kenya = next(t for t in ctx.doc if t.text == "Kenya")
    assert "prep(in)" in dependency_path(somalia, trigger)
    assert dependency_path(kenya, trigger).startswith("nsubj")


def test_a_model_that_accepts_nothing_leaves_the_rules_sides():
    ctx = context(ATTACK)
    proposed = propose(ctx)
    decided = decide(ctx, proposed, flat(-10.0))
    assert pairs(decided) == pairs(proposed)
    assert [e.id for e in decided] == [e.id for e in proposed]


def test_accepted_pairings_are_events_of_their_own_after_the_rules_event():
    ctx = context(ATTACK)
    (proposed,) = [e for e in propose(ctx) if e.type == "ASSAULT"]
    decided = [e for e in decide(ctx, [proposed], flat(0.0)) if e.type == "ASSAULT"]
    assert decided[0] is proposed  # the rules' sides keep the event and its id
    added = decided[1:]
    assert added and len({e.id for e in decided}) == len(decided)
    for e in added:  # the same evidence, the model's probability as confidence
        assert (e.sentence, e.start, e.end, e.trigger_start) == (
            proposed.sentence,
            proposed.start,
            proposed.end,
            proposed.trigger_start,
        )
        assert e.confidence == 0.5


def test_the_model_replaces_sides_it_finds_unlikely():
    ctx = context(ATTACK)
    model = flat(-10.0, {"how=both new": 12.0})  # every pairing of two new actors, nothing else
    decided = [e for e in decide(ctx, propose(ctx), model) if e.type == "ASSAULT"]
    assert ("ASSAULT", frozenset({"KEN"}), frozenset({"SOM"})) not in pairs(decided)
    assert ("ASSAULT", frozenset({"SOM"}), frozenset({"KEN"})) in pairs(decided)


def test_a_pairing_a_kept_event_already_tells_is_not_added():
    ctx = context("China will convene a meeting in Beijing with Iran and Russia on Friday.")
    decided = [e for e in decide(ctx, propose(ctx), flat(0.0)) if e.type == "CONSULT"]
    assert len(decided) == 1  # CHN-IRN and CHN-RUS are pairs of the three-party meeting
    assert {a.code for a in decided[0].source + decided[0].target} == {"CHN", "IRN", "RUS"}


def test_added_pairings_that_complete_a_one_sided_event_replace_it():
    ctx = context("Macron and Lula agreed to protect the rainforest.")
    proposed = [e for e in propose(ctx) if e.type == "AGREE"]
    assert pairs(proposed) == {("AGREE", frozenset({"FRA", "BRA"}), frozenset())}  # both as sources
    model = flat(-10.0, {"how=rules": 10.0, "how=both new": 10.0})  # keeps the rules' sides, adds pairs
    decided = [e for e in decide(ctx, proposed, model) if e.type == "AGREE"]
    assert pairs(decided) == {
        ("AGREE", frozenset({"FRA"}), frozenset({"BRA"})),
        ("AGREE", frozenset({"BRA"}), frozenset({"FRA"})),
    }


@pytest.mark.parametrize(
    ("partial", "added", "mutual", "expected"),
    [
        (
            {("AGREE", "FRA", "-"), ("AGREE", "BRA", "-")},
            {("AGREE", "FRA", "BRA"), ("AGREE", "BRA", "FRA")},
            False,
            True,
        ),
        ({("AGREE", "FRA", "-"), ("AGREE", "BRA", "-")}, {("AGREE", "FRA", "BRA")}, False, False),
        ({("AID", "-", "UKR")}, {("AID", "DEU", "UKR")}, False, True),
        ({("AID", "-", "UKR")}, {("AID", "UKR", "DEU")}, False, False),
        ({("CONSULT", "CHN", "-")}, {("CONSULT", "BRA", "CHN")}, True, True),
        ({("CONSULT", "-", "CHN")}, {("CONSULT", "BRA", "CHN")}, True, True),  # a party named as target alone
        ({("ASSAULT", "KEN", "SOM")}, {("ASSAULT", "KEN", "ETH")}, False, False),  # a full pair stays
    ],
)
def test_completed_asks_that_every_missing_side_be_filled(partial, added, mutual, expected):
    assert completed(frozenset(partial), added, mutual) is expected


def test_the_pipeline_uses_the_sides_model_it_is_given():
    article = Article(id="k", text=ATTACK)
    (accepting,) = process_many([article], sides=flat(0.0))
    (refusing,) = process_many([article], sides=flat(-10.0))
    assert len(accepting.events) > len(refusing.events)


def test_the_shipped_model_keeps_every_type_the_rules_propose():
    text = (ROOT / "examples" / "000_a3803002c0d27c0a.txt").read_text(encoding="utf-8")
    ctx = context(text)
    assert {e.type for e in decide(ctx, propose(ctx))} == {e.type for e in propose(ctx)}
    assert {e.type for e in process(Article(id="s", text=text)).events} == {e.type for e in propose(ctx)}


def test_training_learns_which_paths_make_a_side():
    pytest.importorskip("sklearn")  # the `train` extra
    sys.path.insert(0, str(ROOT))
    from scripts.train_sides import SideExample, fit_sides

    examples = [SideExample(("how=rules", "s.path=nsubj^0"), True) for _ in range(20)]
    examples += [SideExample(("how=other source", "s.path=pobj.prep(in)^0"), False) for _ in range(20)]
    examples += [SideExample(("how=rules", "s.path=pobj.prep(in)^0"), i < 5) for i in range(10)]
    model = LinearModel.from_dict(fit_sides(examples))
    assert model.probabilities(["s.path=nsubj^0"])[0] > 0.5 > model.probabilities(["s.path=pobj.prep(in)^0"])[0]
    assert fit_sides(examples) == fit_sides(examples)


@pytest.mark.skipif(not BENCHMARKS.exists(), reason="needs the benchmarks beside the work tree")
def test_make_train_reproduces_the_shipped_models(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train.py"), "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-500:]
    for name in ("contexts_model.json", MODEL):
        shipped_text = (ROOT / "eventwire" / "data" / name).read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == shipped_text, name


def test_a_sentence_naming_many_countries_pairs_only_those_nearest_the_trigger():
    countries = ["Chile", "Peru", "Ghana", "Nepal", "Oman", "Fiji", "Mali", "Chad", "Laos", "Cuba", "Iraq", "Togo"]
    ctx = context(", ".join(countries) + " and Niger condemned the attack by Syria on Monday.")
    names = NamedActors.of(ctx)
    for event in propose(ctx):
        found = candidates(ctx, event, names)
        assert len(found) <= 1 + 2 * (NEAREST + 1) + NEAREST * (NEAREST - 1)
        paired = {a.code for c in found if c.how == "both new" for a in c.source + c.target}
        assert len(paired) <= NEAREST and "CHL" not in paired  # Chile is named farthest from any trigger
