"""Modes: how an event was done (an ASSAULT by `aerial` strike, a CONSULT by `phone`, a
PROTEST as a `hunger` strike), read from the words of data/modes.yaml around its trigger.

Only a mode of the event's type can come out (data/plover_vocabulary.yaml, docs/conventions.md).
The nearest evidence wins: the trigger itself ("shelled"), then the trigger lexicon's mode for
the rule that matched, then the words the trigger governs ("strikes by drones"), then its
clause ("a suicide bomber blew himself up"), then the type's default (an ACCUSE that alleges
nothing disapproves)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from ..model import Event

Cue = tuple[str, ...]  # the words of a cue phrase, each matching a token's lemma or text


@dataclass(frozen=True)
class Vocabulary:
    """PLOVER's names: the modes each type allows and the contexts any event may carry."""

    modes: dict[str, tuple[str, ...]]
    contexts: tuple[str, ...]


@dataclass(frozen=True)
class TypeCues:
    """The mode cues of one event type, in the order they are tried (the more specific first)."""

    cues: tuple[tuple[str, tuple[Cue, ...]], ...]  # (mode, cue phrases)
    default: str | None = None


def _load(name: str) -> dict:
    text = resources.files("eventwire.data").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


@cache
def vocabulary() -> Vocabulary:
    data = _load("plover_vocabulary.yaml")
    return Vocabulary(
        modes={t: tuple(m or ()) for t, m in data["modes"].items()},
        contexts=tuple(data["contexts"]),
    )


@cache
def cues() -> dict[str, TypeCues]:
    """data/modes.yaml, checked against the vocabulary: a cue for a mode its type does not allow
    is an error in the data, reported when the file is read."""
    allowed = vocabulary().modes
    out = {}
    for type_, spec in _load("modes.yaml")["types"].items():
        table = []
        for mode, phrases in (spec.get("modes") or {}).items():
            if mode not in allowed.get(type_, ()):
                raise ValueError(f"modes.yaml: {type_} has no mode {mode!r} (plover_vocabulary.yaml)")
            table.append((mode, tuple(tuple(str(p).lower().split()) for p in phrases)))
        default = spec.get("default")
        if default is not None and default not in allowed[type_]:
            raise ValueError(f"modes.yaml: {type_} has no mode {default!r} (plover_vocabulary.yaml)")
        out[type_] = TypeCues(tuple(table), default)
    return out


def _matches(cue: Cue, tokens: list[Token], at: int) -> bool:
    """Does the cue phrase start at tokens[at]?  Each word matches a lemma or the text."""
    if at + len(cue) > len(tokens):
        return False
    return all(w in (t.lemma_.lower(), t.lower_) for w, t in zip(cue, tokens[at:], strict=False))


def _cued(table: TypeCues, tokens: list[Token], must_hold: Token | None = None) -> str | None:
    """The first mode of the table with a cue among the tokens (in document order), or with a
    cue covering `must_hold` when given."""
    for mode, phrases in table.cues:
        for cue in phrases:
            for at in range(len(tokens)):
                if _matches(cue, tokens, at) and (
                    must_hold is None or tokens[at].i <= must_hold.i < tokens[at].i + len(cue)
                ):
                    return mode
    return None


def _clause(trigger: Token) -> Token:
    """The verb whose clause holds the trigger: itself, or the nearest verb above a noun."""
    tok = trigger
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok:
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else trigger


def _span(tokens) -> list[Token]:
    return sorted(tokens, key=lambda t: t.i)


def mode_of(event: Event, trigger: Token | None) -> str | None:
    """The mode of one event, or None when the text does not say how."""
    allowed = vocabulary().modes.get(event.type, ())
    table = cues().get(event.type)
    if not allowed:
        return None
    lexicon_mode = event.mode if event.mode in allowed else None
    if table is None:
        return lexicon_mode
    if trigger is not None:
        sent = list(trigger.sent)
        window = sent[max(0, trigger.i - sent[0].i - 3) : trigger.i - sent[0].i + 4]
        found = (
            _cued(table, window, must_hold=trigger)
            or lexicon_mode
            or _cued(table, _span(trigger.subtree))
            or _cued(table, _span(_clause(trigger).subtree))
        )
        if found:
            return found
    return lexicon_mode or _met_elsewhere(event, allowed) or table.default


def _met_elsewhere(event: Event, allowed: tuple[str, ...]) -> str | None:
    """`third-party` for a meeting placed in a country that is neither side's ("talks with
    Ukrainian officials in Jeddah")."""
    place = event.location.code if event.location else None
    sides = {a.code for a in event.source + event.target if a.code}
    if "third-party" in allowed and place and len(sides) >= 2 and place not in sides:
        return "third-party"
    return None


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    if event.trigger_start is None or event.trigger_end is None:
        return None
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def apply_modes(events: list[Event], doc: Doc) -> list[Event]:
    """Set each event's mode (in place; the events are returned for chaining)."""
    for event in events:
        event.mode = mode_of(event, _trigger_token(doc, event))
    return events
