"""The tense an event is told in, and the verb whose time it shares."""

from __future__ import annotations

from spacy.tokens import Token

from ..quotes.cues import cues as quote_cues
from .cues import cues
from .resolve import ANTERIORITY_ADVERBS, FUTURE_AUX

VERB_POS = {"VERB", "AUX"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}


def event_tense(trigger: Token) -> str:
    """past | future | present: of the clause the event word sits in ("will hold talks"), or
    future for an event noun its modifiers put ahead ("upcoming talks").  An event noun in a
    present-tense clause is `nearest`: an occasion talked about ("the attack on Sunday shows
    ...", "the June summit is a chance"), as likely done as to come; a verb in the present
    ("meets on Friday") is scheduled ahead.  A gerund takes the tense of the verb above it."""
    future = cues()["future_cues"]
    if trigger.pos_ not in VERB_POS and any(
        c.lemma_.lower() in future for c in trigger.children if c.dep_ in ("amod", "acl", "compound")
    ):
        return "future"
    verb = _tense_verb(trigger)
    tense = verb_tense(verb) if verb is not None else "present"
    return "nearest" if tense == "present" and trigger.pos_ not in VERB_POS else tense


def resolution_tense(trigger: Token) -> str:
    """The tense a date tied to `trigger` is resolved in: its event's (`event_tense`), but a
    verb of saying or accusing in the simple present ("Ukraine on Sunday accuses Russia of
    shelling Kharkiv", "Kenya condemns Sunday's raid": headline style) reports what was just
    said, not what is scheduled: its day is the one just past."""
    tense = event_tense(trigger)
    verb = _tense_verb(trigger)
    if tense in ("present", "nearest") and verb is not None and _says_now(verb):
        return "past"
    return tense


def _says_now(verb: Token) -> bool:
    speech = quote_cues()
    return (
        verb.tag_ in ("VBZ", "VBP")
        and verb.lemma_.lower() in speech.speech | speech.direct
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _tense_verb(trigger: Token) -> Token | None:
    """The verb whose tense an event is told in: the verb it shares its time with, or for a
    gerund the verb above it."""
    verb = anchor_verb(trigger)
    while verb is not None and _is_gerund(verb) and (above := governor(verb)) is not None:
        verb = above
    return verb


def _is_gerund(verb: Token) -> bool:
    """ "accused Somalia of shelling its posts in August": a gerund after a preposition has no
    tense of its own; it is told in the time of the verb above it (the August just past)."""
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def verb_tense(verb: Token) -> str:
    if verb.lemma_.lower() in cues()["future_cues"]:
        return "future"
    if any(a.lower_ in FUTURE_AUX for a in verb.children if a.dep_ in ("aux", "auxpass")):
        return "future"
    return "past" if past_form(verb) else "present"


def past_form(verb: Token) -> bool:
    """Is the verb in a past form: a past or perfect auxiliary ("did", "has met"), a past
    tense, or a participle with no auxiliary ("the jailed publisher")?"""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "VBD" or a.lemma_.lower() == "have" for a in auxes):
        return True
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxes)


def told_before(trigger: Token) -> bool:
    """ "had agreed", "agreed earlier": a clause set before the occasion the story tells, so an
    event told there without a date of its own is not of the story's day (docs/conventions.md).
    A reported clause's past perfect ("said troops had attacked") is only the tense shifted back
    after a past verb of saying: it tells the occasion itself.  A gerund is told in the time of
    the verb above it ("had accused India of striking mosques")."""
    verb = _tense_verb(trigger)
    if verb is None:
        return False
    return past_perfect(verb) or any(c.dep_ == "advmod" and c.lower_ in ANTERIORITY_ADVERBS for c in verb.children)


def past_perfect(verb: Token) -> bool:
    """ "had seized power in 2020": a clause in the past perfect, not reported ("said troops had
    attacked" is the tense shifted back after a verb of saying)."""
    return verb.dep_ != "ccomp" and any(
        c.dep_ == "aux" and c.tag_ == "VBD" and c.lemma_.lower() == "have" for c in verb.children
    )


def governor(token: Token) -> Token | None:
    """The nearest verb above a noun: the clause an event noun sits in."""
    for anc in token.ancestors:
        if anc.pos_ in VERB_POS:
            return anc
    return None


def clause_verb(token: Token) -> Token | None:
    """The verb of the clause a trigger stands in: itself, or the verb above its noun."""
    return token if token.pos_ in VERB_POS else governor(token)


def anchor_verb(trigger: Token) -> Token | None:
    """The verb whose time the event shares: the trigger itself, the verb over an event noun,
    or the head of a subjectless participle clause."""
    verb = clause_verb(trigger)
    while verb is not None and is_participle_clause(verb):
        verb = verb.head
    return verb


def is_participle_clause(verb: Token) -> bool:
    """ "..., calling for talks", "called a meeting to discuss Iran": no subject, no time of its own."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VB", "VBG", "VBN")
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )
