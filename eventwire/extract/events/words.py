"""The function words the event passes read, from `data/event_words.yaml`, and the condition
marks they share with the claim cues (`data/status_cues.yaml`)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from ..vocabulary import read_yaml, word_set


@dataclass(frozen=True)
class EventWords:
    first_person: frozenset[str]
    stances: frozenset[str]
    companions: frozenset[str]
    content_prepositions: frozenset[str]
    circumstances: frozenset[str]
    light_prepositions: frozenset[str]
    relative_pronouns: frozenset[str]
    anaphoric_determiners: frozenset[str]
    gerund_marks: frozenset[str]
    ultimatum_marks: frozenset[str]
    topic_prepositions: frozenset[str]
    envoys: frozenset[str]  # titles of who serves a country abroad
    conditional_marks: frozenset[str]  # "if", "unless": a clause put as a condition


@lru_cache(maxsize=1)
def event_words() -> EventWords:
    """The lists, read once per process."""
    data = {**read_yaml("event_words.yaml"), "conditional_marks": read_yaml("status_cues.yaml")["conditional_marks"]}
    return EventWords(**{f.name: word_set(data, f.name, "event_words.yaml") for f in fields(EventWords)})
