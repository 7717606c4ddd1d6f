"""Contexts: the PLOVER issue areas of an event (military, diplomatic, economic, legal, ...).

A linear model trained by `make train` (scripts/train.py, docs/recipes.md) reads the event's
sentence, its type, the shape of its dyad and the article's title and keywords; only contexts
of the PLOVER list can come out (data/plover_vocabulary.yaml, docs/conventions.md).  The same
`event_features` serve training (from gold events) and prediction (from extracted ones), so
the two see the same features."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..learn import LinearModel, shipped
from ..model import Article, Event
from .vocabulary import read_yaml, words

MODEL = "contexts_model.json"
WORD = re.compile(r"[a-z][a-z'’-]*[a-z]")
STEM = 5  # a word's first letters stand for its family ("sanction", "sanctions", "sanctioned")
BODY_CODES = frozenset({"IGO", "NGO"})


def _stems(text: str) -> set[str]:
    return {w[:STEM] for w in WORD.findall(text.lower())}


@dataclass(frozen=True)
class Cues:
    """data/context_cues.yaml: one pattern per context, and the contexts whose cues decide alone."""

    patterns: dict[str, re.Pattern]
    decisive: frozenset[str]


@cache
def cues() -> Cues:
    """A cue of five letters or more is a stem ("sanction" finds "sanctions"); a shorter one must
    be a whole word ("war", not "warn")."""
    data = read_yaml("context_cues.yaml")
    patterns = {}
    for context, cue_words in data["contexts"].items():
        alternatives = [re.escape(w) + ("" if len(w) >= STEM else r"\b") for w in words(cue_words, context)]
        patterns[context] = re.compile(r"\b(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + ")")
    return Cues(patterns, frozenset(data.get("decisive") or ()))


def cued(text: str) -> list[str]:
    """The contexts whose cues the text holds."""
    lower = text.lower()
    return [context for context, pattern in cues().patterns.items() if pattern.search(lower)]


def event_features(
    type_: str, sentence: str, sources: Iterable[str], targets: Iterable[str], topic: str = ""
) -> list[str]:
    """The features of one event: its type, the word stems of its sentence and of the article's
    topic (title and keywords), and who it is between (bodies, one country, two countries)."""
    src, tgt = {c for c in sources if c}, {c for c in targets if c}
    if src and tgt:
        dyad = "domestic" if src & tgt else "between"
    else:
        dyad = "one-sided"
    feats = [f"type={type_}", f"dyad={dyad}"]
    feats += [f"source={c}" for c in sorted(src & BODY_CODES)] + [f"target={c}" for c in sorted(tgt & BODY_CODES)]
    feats += [f"w={s}" for s in sorted(_stems(sentence))]
    feats += [f"topic={s}" for s in sorted(_stems(topic))]
    feats += [f"cue={c}" for c in cued(sentence)] + [f"topic-cue={c}" for c in cued(topic)]
    return feats


def article_topic(article: Article) -> str:
    """What the article is about, in its own words: its title and keywords."""
    return " ".join([article.title or "", *article.keywords])


def predict(
    model: LinearModel, type_: str, sentence: str, sources: Iterable[str], targets: Iterable[str], topic: str
) -> list[str]:
    """The contexts of one event: the model's, and those whose decisive cues the sentence holds."""
    chosen = model.predict(event_features(type_, sentence, sources, targets, topic))
    return chosen + [c for c in cued(sentence) if c in cues().decisive and c not in chosen]


def apply_contexts(events: list[Event], article: Article, model: LinearModel | None = None) -> list[Event]:
    """Set each event's contexts (in place; the events are returned for chaining)."""
    model = model or shipped(MODEL)
    topic = article_topic(article)
    for event in events:
        codes = [a.code for a in event.source], [a.code for a in event.target]
        event.context = predict(model, event.type, event.sentence, *codes, topic)
    return events
