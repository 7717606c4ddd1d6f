"""Modes: how an event was done (an ASSAULT by `aerial` strike, a CONSULT by `phone`, a
PROTEST as a `hunger` strike), read from the words of data/modes.yaml around its trigger.

Only a mode of the event's type can come out (data/plover_vocabulary.yaml, docs/conventions.md).
The nearest evidence wins: the trigger and the words it governs ("shelled", "warplanes bombed", "a
drone strike"), then the trigger lexicon's mode for the rule that matched, then the rest of the
trigger's phrase, then its clause ("a suicide bomber blew himself up"), then the clause a
participle clause hangs from ("launched rocket fire, killing 12"), then where a meeting was held,
then the type's default (an ACCUSE that alleges nothing disapproves). A cue near the trigger must
cover it, one of the words it governs (the subject a relative clause tells of too: "a landmine that
killed three"), or a word naming their kind ("a suicide car bomber"). A few modes are acts the
trigger itself names ("gunmen kidnapped": abduct, not firearms): named by the trigger, they win
over the means named beside it (`named_by_trigger`). The default says least: found near the trigger
("travel"), it gives way to a more specific mode of the phrase or clause ("for meetings with G7
ministers")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..model import Event
from .article import ArticleContext
from .dates import clause_verb
from .dates.tense import anchor_verb
from .types import vocabulary
from .vocabulary import read_yaml, words

Cue = tuple[str, ...]  # the words of a cue phrase, each matching a token's lemma or text
HYPHEN_BETWEEN_LETTERS = re.compile(r"(?<=[a-z])-(?=[a-z])")
KIND_MODIFIERS = {"compound", "amod"}  # the words before a noun that say what kind it is
Window = tuple[list[Token], frozenset[int] | None]  # words to read, and the positions a cue must cover (None: any)


@dataclass(frozen=True)
class TypeCues:
    """The mode cues of one event type.  Modes are ranked in the order of the file (the more
    specific first); cues are indexed by their first word, so a text is read once."""

    modes: tuple[str, ...]
    by_first_word: dict[str, tuple[tuple[int, Cue], ...]]  # word -> (rank of the mode, cue phrase)
    default: str | None = None
    named_by_trigger: frozenset[str] = frozenset()  # modes the trigger's own word decides


@cache
def cues() -> dict[str, TypeCues]:
    """data/modes.yaml, checked against the vocabulary: a cue for a mode its type does not allow
    is an error in the data, reported when the file is read."""
    allowed = vocabulary().modes
    out = {}
    for type_, spec in read_yaml("modes.yaml")["types"].items():
        ranked = list(spec.get("modes") or {})
        index: dict[str, list[tuple[int, Cue]]] = {}
        for rank, mode in enumerate(ranked):
            if mode not in allowed.get(type_, ()):
                raise ValueError(f"modes.yaml: {type_} has no mode {mode!r} (plover_vocabulary.yaml)")
            for phrase in spec["modes"][mode]:
                cue = _cue_words(str(phrase))
                index.setdefault(cue[0], []).append((rank, cue))
        default = spec.get("default")
        if default is not None and default not in allowed[type_]:
            raise ValueError(f"modes.yaml: {type_} has no mode {default!r} (plover_vocabulary.yaml)")
        named = frozenset(words(spec.get("named_by_trigger"), f"modes.yaml {type_}"))
        if not named <= set(ranked):
            raise ValueError(f"modes.yaml: {type_} named_by_trigger lists modes it has no cues for: {sorted(named)}")
        out[type_] = TypeCues(tuple(ranked), {w: tuple(c) for w, c in index.items()}, default, named)
    return out


def _cue_words(phrase: str) -> Cue:
    """A cue phrase as the tokens spaCy cuts it into: a hyphen between letters is a token of its
    own ("sit-in" is sit - in, "cease-fire" cease - fire); between a letter and a digit it is not ("ak-47")."""
    return tuple(HYPHEN_BETWEEN_LETTERS.sub(" - ", phrase.lower()).split())


@cache
def quantity_words() -> frozenset[str]:
    """data/modes.yaml `quantities`: the words that count what follows them ("thousands of riot police")."""
    return frozenset(words(read_yaml("modes.yaml").get("quantities"), "modes.yaml quantities"))


def _words(tokens: list[Token]) -> list[tuple[str, str]]:
    return [(t.lemma_.lower(), t.lower_) for t in tokens]


def _matches(cue: Cue, words: list[tuple[str, str]], at: int) -> bool:
    """Does the cue phrase start at words[at]?  Each word matches a lemma or the text."""
    return at + len(cue) <= len(words) and all(w in pair for w, pair in zip(cue, words[at:], strict=False))


def _cued(table: TypeCues, spans: list[Window]) -> str | None:
    """The first mode of the table with a cue in one of the spans; a cue must cover one of the
    span's positions when they are given.  A cue inside a longer cue that also matches says less
    and is not read ("rubber bullets" are no bullets, "warning shots" no shooting)."""
    best = len(table.modes)
    matched: dict[int, list[tuple[int, int, int]]] = {}  # windows may share one token list: match it once
    for tokens, must_hold in spans:
        found = matched.get(id(tokens))
        if found is None:
            found = matched[id(tokens)] = _matches_in(table, tokens)
        for start, end, rank in found:
            covers = must_hold is None or any(tokens[at].i in must_hold for at in range(start, end))
            inside = any(s <= start and end <= e and e - s > end - start for s, e, _ in found)
            if rank < best and covers and not inside:
                best = rank
    return table.modes[best] if best < len(table.modes) else None


def _matches_in(table: TypeCues, tokens: list[Token]) -> list[tuple[int, int, int]]:
    """Every cue of the table found in the tokens: (start, end, rank of its mode)."""
    words = _words(tokens)
    return [
        (at, at + len(cue), rank)
        for at, pair in enumerate(words)
        for rank, cue in {c for w in pair for c in table.by_first_word.get(w, ())}
        if _matches(cue, words, at)
    ]


def _around(tok: Token, sentence: list[Token]) -> Window:
    """The sentence's tokens, with the token and those of its modifiers that name a kind of it: a
    cue must cover one of them ("a suicide car bomber": suicide, not the bomber of an air raid)."""
    kind = {c.i for c in tok.lefts if c.dep_ in KIND_MODIFIERS}
    return sentence, frozenset({tok.i, *kind})


def _arguments(trigger: Token) -> list[Token]:
    """The words the trigger governs, through a preposition too ("went on a hunger strike") and
    through a word that counts them ("deployed thousands of riot police": the police); not a verb
    joined to it, which is another act ("raided a camp and detained ten": the raid is a seizure).
    The noun a relative clause tells of is the trigger's subject ("a landmine that killed three")."""
    out = [trigger.head] if trigger.dep_ == "relcl" else []
    for child in trigger.children:
        if child.dep_ == "conj":
            continue
        out.append(child)
        if child.dep_ == "prep" or child.lemma_.lower() in quantity_words():
            out += _objects(child)
    return out


def _objects(word: Token) -> list[Token]:
    """The object of a preposition, or of the 'of' after a word that counts ("thousands of police")."""
    if word.dep_ == "prep":
        return [c for c in word.children if c.dep_ == "pobj"]
    return [o for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for o in _objects(c)]


def _span(tokens) -> list[Token]:
    return sorted(tokens, key=lambda t: t.i)


def mode_of(event: Event, trigger: Token | None, sent: Span | None = None) -> str | None:
    """The mode of one event, or None when the text does not say how; `sent` is the trigger's
    sentence (found from the trigger when not given)."""
    allowed = vocabulary().modes.get(event.type, ())
    table = cues().get(event.type)
    if not allowed:
        return None
    lexicon_mode = event.mode if event.mode in allowed else None
    if table is None:
        return lexicon_mode
    if trigger is not None:
        sent = sent or trigger.sent
        sentence = list(sent)
        near = [_around(t, sentence) for t in [trigger, *_arguments(trigger)]]
        clause = clause_verb(trigger) or trigger
        phrase: list[Window] = [(_span(trigger.subtree), None), (_span(clause.subtree), None)]
        named = _cued(table, near[:1])
        found = named if named in table.named_by_trigger else _cued(table, near)
        if found == table.default:  # says little: a more specific cue of the phrase or clause tells more
            found = _cued(table, near + phrase)
        found = found or lexicon_mode or _cued(table, phrase[:1]) or _cued(table, phrase[1:])
        head = anchor_verb(trigger)
        if not found and head is not None and head is not clause:  # "launched rocket fire, killing 50"
            found = _cued(table, [(_span(head.subtree), None)])
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


def apply_modes(events: list[Event], ctx: ArticleContext) -> list[Event]:
    """Set each event's mode (in place; the events are returned for chaining)."""
    for event in events:
        trigger = _trigger_token(ctx.doc, event)
        event.mode = mode_of(event, trigger, ctx.sentences.span(trigger) if trigger is not None else None)
    return events
