"""Contexts: the PLOVER issue areas of an event (military, diplomatic, economic, legal, ...).

A linear model trained by `make train` (scripts/train.py, docs/recipes.md) reads the event's
sentence, the contexts cued by the sentences either side of it, its type, the shape of its dyad,
the article's title and keywords and the contexts its text keeps coming back to; only contexts
of the PLOVER list can come out (data/plover_vocabulary.yaml, docs/conventions.md).  The same
`event_features` serve training (from gold events) and prediction (from extracted ones), so
the two see the same features."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from ..learn import LinearModel, shipped
from ..model import Article, Event
from .rule_sentences import sentences
from .types import body_codes
from .vocabulary import read_yaml, words

MODEL = "contexts_model.json"
WORD = re.compile(r"[a-z][a-z'’-]*[a-z]")
ARTICLE_CUE_MIN = 2  # an article whose text cues a context this often is about it
# An article's events mostly share its main issues (a story on a nuclear programme: its talks, threats
# and sanctions are all about it): the contexts its text cues most, each at least ARTICLE_TOP_MIN times,
# are a feature of their own.  Chosen by bench/accuracy.py: the top 2 from 5 cues gave studied 0.669
# (0.646 without), held-out 0.582 (0.560), GSR 0.597 (0.599: its articles are one sentence each).
ARTICLE_TOP, ARTICLE_TOP_MIN = 2, 5
# The features that name a context by its own cues (in the sentence, the sentences either side of it,
# the title and keywords, the text): scripts/train.py gives them one weight shared by all contexts.
OWN_CUES = ("cue", "near-cue", "topic-cue", "article-cue", "article-top")
STEM = 5  # a word's first letters stand for its family ("sanction", "sanctions", "sanctioned")


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


# The sentences around an event: both neighbours were chosen on the studied folds and the GSR's first half
# (bench/accuracy.py): studied 0.668 -> 0.697, GSR half 1 0.681 unchanged; the sentence before alone gave
# 0.689 (GSR half 1 0.670), the one after alone 0.674.  Held-out, read once: 0.588 -> 0.595.
@lru_cache(maxsize=8)
def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cut with no abbreviations: "Mr. Smith" may be cut after "Mr.", alike in training and at
    run time (the model was chosen and trained with these cuts)."""
    return sentences(text, frozenset())


def around(text: str, sentence: str, at: int | None = None) -> str:
    """The sentences just before and just after `sentence`, which starts at offset `at` of the
    article's `text` (else where it is first found; '' when it is not): a story tells what an
    event is about in the sentences around it too.  Cut by rule (rule_sentences.py), so gold
    evidence and extracted sentences are cut alike."""
    if at is None:
        at = text.find(sentence) if sentence else -1
    if at < 0:
        return ""
    spans = _sentence_spans(text)
    before = [(a, b) for a, b in spans if b <= at][-1:]
    after = [(a, b) for a, b in spans if a >= at + len(sentence)][:1]
    return " ".join(text[a:b] for a, b in before + after)


def event_features(
    type_: str,
    sentence: str,
    sources: Iterable[str],
    targets: Iterable[str],
    topic: Iterable[str] = (),
    sentence_cues: list[str] | None = None,
    near: str = "",
) -> list[str]:
    """The features of one event: its type, the word stems and cues of its sentence, the cues of
    the sentences around it (`near`, from `around`), who it is between (bodies, one country, two
    countries) and its article's features (`article_topic`).  `sentence_cues`: `cued(sentence)`,
    when the caller has it already."""
    src, tgt = {c for c in sources if c}, {c for c in targets if c}
    if src and tgt:
        dyad = "domestic" if src & tgt else "between"
    else:
        dyad = "one-sided"
    feats = [f"type={type_}", f"dyad={dyad}"]
    bodies = body_codes()
    feats += [f"source={c}" for c in sorted(src & bodies)] + [f"target={c}" for c in sorted(tgt & bodies)]
    feats += [f"w={s}" for s in sorted(_stems(sentence))]
    feats += [f"cue={c}" for c in (cued(sentence) if sentence_cues is None else sentence_cues)]
    feats += [f"near-cue={c}" for c in cued(near)]
    feats += topic
    return feats


def article_topic(article: Article) -> tuple[str, ...]:
    """The features an article gives all its events: the word stems and cues of its title and
    keywords, the contexts its text keeps coming back to (cued ARTICLE_CUE_MIN times or more) and
    the ARTICLE_TOP it cues most."""
    topic = " ".join([article.title or "", *article.keywords])
    feats = [f"topic={s}" for s in sorted(_stems(topic))] + [f"topic-cue={c}" for c in cued(topic)]
    text = article.text.lower()
    counts = {c: len(p.findall(text)) for c, p in cues().patterns.items()}
    feats += [f"article-cue={c}" for c, n in counts.items() if n >= ARTICLE_CUE_MIN]
    most = sorted((c for c, n in counts.items() if n >= ARTICLE_TOP_MIN), key=lambda c: -counts[c])
    feats += [f"article-top={c}" for c in most[:ARTICLE_TOP]]
    return tuple(feats)


def predict(
    model: LinearModel,
    type_: str,
    sentence: str,
    sources: Iterable[str],
    targets: Iterable[str],
    topic: Iterable[str],
    near: str = "",
) -> list[str]:
    """The contexts of one event: the model's, and those whose decisive cues the sentence holds."""
    found = cued(sentence)
    chosen = model.predict(event_features(type_, sentence, sources, targets, topic, found, near))
    return chosen + [c for c in found if c in cues().decisive and c not in chosen]


def apply_contexts(events: list[Event], article: Article, model: LinearModel | None = None) -> list[Event]:
    """Set each event's contexts (in place; the events are returned for chaining)."""
    model = model or shipped(MODEL)
    topic = article_topic(article)
    for event in events:
        codes = [a.code for a in event.source], [a.code for a in event.target]
        near = around(article.text, event.sentence, event.start)
        event.context = predict(model, event.type, event.sentence, *codes, topic, near)
    return events
