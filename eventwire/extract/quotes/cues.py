"""The cue lexicon of quotes: data/quote_cues.yaml, read once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.strings import get_string_id

from ..vocabulary import read_yaml, word_set


@dataclass(frozen=True)
class Cues:
    """The cue lists of data/quote_cues.yaml."""

    speech: frozenset[str]  # direct and indirect quotes
    direct: frozenset[str]  # direct quotes only
    adjacent: frozenset[str]  # direct quotes, only right beside the mark
    with_object: dict[str, str]  # direct quotes, only with this object ("put it")
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # first word -> phrases starting with it
    elisions: frozenset[str]
    title_nouns: frozenset[str]  # lemmas that make the quote before them a title
    title_words: tuple[str, ...]  # " " + words that make the quote after them a title
    pronouns: frozenset[str]
    first_person: frozenset[str]  # inside a quote: its speaker
    origin_prepositions: frozenset[str]
    function_words: frozenset[str]  # lower case in a title
    document_nouns: frozenset[str]  # "the statement said": its author speaks
    author_prepositions: frozenset[str]  # "a statement by X"
    quoting: frozenset[str]  # "quoted X as saying": X speaks
    naming: frozenset[str]  # "a practice called '...'": a name, not a quote
    asking_labels: frozenset[str]  # "Question:" opening an interview's line: no speaker
    answering_labels: frozenset[str]  # "A:": the one interviewed, named before
    ids: frozenset[int]  # spaCy string ids of all cue verbs, to pick them out of Doc.to_array
    phrase_ids: frozenset[int]  # ... and of the first words of the phrases


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = read_yaml("quote_cues.yaml")
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase in data["phrases"]:
        words = tuple(phrase.lower().split())
        phrases.setdefault(words[0], []).append(words)
    verbs = {key: frozenset(data[key]) for key in ("speech_verbs", "direct_verbs", "adjacent_verbs")}
    return Cues(
        speech=verbs["speech_verbs"],
        direct=verbs["direct_verbs"],
        adjacent=verbs["adjacent_verbs"],
        with_object={str(k): str(v).lower() for k, v in data["object_cues"].items()},
        phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        elisions=frozenset(str(w).lower() for w in data["elisions"]),
        title_nouns=frozenset(data["title_nouns"]),
        title_words=tuple(" " + " ".join(words.lower().split()) for words in data["title_words"]),
        pronouns=word_set(data, "pronouns", "quote_cues.yaml"),
        first_person=word_set(data, "first_person", "quote_cues.yaml"),
        origin_prepositions=word_set(data, "origin_prepositions", "quote_cues.yaml"),
        function_words=word_set(data, "function_words", "quote_cues.yaml"),
        document_nouns=word_set(data, "document_nouns", "quote_cues.yaml"),
        author_prepositions=word_set(data, "author_prepositions", "quote_cues.yaml"),
        quoting=word_set(data, "quoting_verbs", "quote_cues.yaml"),
        naming=word_set(data, "naming_verbs", "quote_cues.yaml"),
        asking_labels=word_set(data, "asking_labels", "quote_cues.yaml"),
        answering_labels=word_set(data, "answering_labels", "quote_cues.yaml"),
        ids=frozenset(get_string_id(w) for words in (*verbs.values(), data["object_cues"]) for w in words),
        phrase_ids=frozenset(get_string_id(w) for w in phrases),
    )
