"""Contexts: a linear model shipped as JSON, read with numpy, and its decisive cues."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_modes import first_event

from eventwire.extract import contexts
from eventwire.extract.modes import vocabulary
from eventwire.learn import LinearModel, shipped
from eventwire.model import Article, Event

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"

TINY = {
    "labels": ["economic", "military"],
    "features": ["w=army", "w=trade"],
    "threshold": 0.5,
    "at_least_one": True,
    "bias": {"economic": -1.0, "military": -1.0},
    "weights": {"economic": {"w=trade": 3.0}, "military": {"w=army": 3.0}},
}


def test_a_label_is_predicted_when_its_probability_reaches_the_threshold():
    model = LinearModel.from_dict(TINY)
    assert model.predict(["w=army"]) == ["military"]
    assert model.predict(["w=trade", "w=army", "w=unknown"]) == ["economic", "military"]


def test_at_least_one_label_gives_the_likeliest_below_the_threshold():
    assert LinearModel.from_dict(TINY).predict([]) == ["economic"]  # a tie: the first label
    assert LinearModel.from_dict({**TINY, "at_least_one": False}).predict([]) == []


def test_the_shipped_model_knows_only_plover_contexts():
    model = shipped(contexts.MODEL)
    assert set(model.labels) <= set(vocabulary().contexts)
    assert {"military", "diplomatic", "economic", "legal"} <= set(model.labels)
    assert contexts.cues().decisive <= set(vocabulary().contexts)
    assert set(contexts.cues().patterns) <= set(vocabulary().contexts)


def test_a_short_cue_is_a_whole_word_and_a_long_one_a_stem():
    assert "military" in contexts.cued("The war went on.")
    assert "military" not in contexts.cued("They warned the ministry.")
    assert "economic" in contexts.cued("New sanctions were announced.")


@pytest.mark.parametrize(
    ("text", "context", "found"),
    [
        ("Power cuts left the capital without electricity for a week.", "election", False),
        ("He was elected mayor after voters cast their votes.", "election", True),
        ("Kurdish fighters held the town.", "religion_ethnicity", True),
        ("Both sides discussed denuclearization.", "cbrn", True),
        ("They passed new laws on Monday.", "legal", True),
    ],
)
def test_cue_lists_find_a_word_family_and_nothing_else(text, context, found):
    assert (context in contexts.cued(text)) is found


def test_an_article_that_keeps_coming_back_to_a_context_marks_all_its_events():
    text = "Iran expanded its nuclear program. Inspectors found enriched uranium. Talks resume Monday."
    assert "article-cue=cbrn" in contexts.article_topic(Article(id="a", text=text))
    once = "Iran expanded its nuclear program. Talks resume Monday."
    assert "article-cue=cbrn" not in contexts.article_topic(Article(id="a", text=once))


def test_the_contexts_an_article_cues_most_are_its_main_issues():
    text = (
        "Iran expanded its nuclear program. Inspectors found enriched uranium at a nuclear site. "
        "Diplomats said the nuclear talks would resume, and the ambassador called the uranium stockpile "
        "a threat. The embassy declined to comment, an envoy said."
    )
    topic = contexts.article_topic(Article(id="a", text=text))
    assert [f for f in topic if f.startswith("article-top=")] == ["article-top=cbrn", "article-top=diplomatic"]
    short = "Iran expanded its nuclear program. Talks resume Monday."
    assert not [f for f in contexts.article_topic(Article(id="a", text=short)) if f.startswith("article-top=")]


def test_the_sentences_around_an_event_are_the_one_before_and_the_one_after():
    text = "Rebels seized the port. Talks stalled on Monday. The U.S. envoy left. Prices rose."
    assert contexts.around(text, "Talks stalled on Monday.") == "Rebels seized the port. The U.S. envoy left."
    assert contexts.around(text, "Rebels seized the port.") == "Talks stalled on Monday."
    assert contexts.around(text, "Not in the story.") == ""
    assert contexts.around("One sentence only.", "One sentence only.") == ""


def test_an_event_carries_the_cues_of_the_sentences_around_it():
    features = contexts.event_features("ACCUSE", "They blamed Tehran.", ["USA"], ["IRN"], near="It enriched uranium.")
    assert "near-cue=cbrn" in features and "cue=cbrn" not in features


def test_applying_contexts_reads_the_sentences_around_each_event():
    near = {
        **TINY,
        "features": ["near-cue=economic"],
        "weights": {"economic": {"near-cue=economic": 3.0}, "military": {}},
    }
    text = "Washington raised tariffs on steel. Beijing condemned the move. Talks ended."
    event = Event(id="e", type="ACCUSE", trigger="condemned", sentence="Beijing condemned the move.", start=36, end=63)
    contexts.apply_contexts([event], Article(id="a", text=text), LinearModel.from_dict({**near, "at_least_one": False}))
    assert event.context == ["economic"]


@pytest.mark.parametrize(
    ("text", "type_", "context"),
    [
        ("Russian troops attacked Ukrainian army positions near Bakhmut on Monday.", "ASSAULT", "military"),
        ("The United States imposed sanctions on Iran's oil exports.", "SANCTION", "economic"),
        ("A Bosnian court sentenced Dodik to one year in prison.", "SANCTION", "legal"),
        ("The U.S. condemned Iran for enriching uranium to weapons grade.", "ACCUSE", "cbrn"),
        ("Indian Prime Minister Narendra Modi visited Mauritius on Tuesday.", "CONSULT", "diplomatic"),
    ],
)
def test_events_get_the_context_their_words_give(text, type_, context):
    assert context in first_event(text, type_).context


def test_running_eventwire_imports_no_scikit_learn():
    code = (
        "import sys; from eventwire.model import Article; from eventwire.pipeline import process; "
        "e = process(Article(id='t', text='Russian troops attacked Ukraine.')).events; "
        "assert e and e[0].context, e; assert 'sklearn' not in sys.modules, 'sklearn imported'"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-500:]
