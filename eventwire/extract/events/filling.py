"""Sides the parse left empty, filled as docs/conventions.md codes them, and the place a
title lends; events with no coded side are left out."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ...model import Actor, Event, Location
from ..article import ArticleContext
from ..places import place_for_event
from ..types import body_codes, has
from .grammar import clause_of_noun, lemma_of, modified_noun, token_at
from .lexicon import lexicon
from .matching import match
from .mentions import Occasion
from .merging import unique
from .sides import coded
from .words import event_words

OPENING_DEPS = frozenset({"advcl", "prep"})  # how a clause opening a sentence hangs from its verb


def fill_sides(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads the actors of each event's sentence and its place; fills a side the parse left
    empty: the other country the sentence names, else the actor's own country for a domestic
    act (`_fill`); actors known by sector only act where the event happened (`_place_sectors`)."""
    for o in occasions:
        _fill(o.event, ctx, unknown_doer=all(m.unknown_doer for m in o.mentions))
    return occasions


def drop_sideless(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads the sides; drops the events with no coded actor on either side: they say nothing
    about who did what to whom."""
    return [o for o in occasions if coded(o.event.source + o.event.target)]


def place_from_title(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads the title's parse; sets the place of a nominal event with none to the place the
    title gives its type ("... meeting in Rome")."""
    places = _title_places(ctx)
    for o in occasions:
        if o.event.location is None and any(m.nominal for m in o.mentions):
            o.event.location = places.get(o.event.type)
    return occasions


def _fill(event: Event, ctx: ArticleContext, unknown_doer: bool = False) -> None:
    """Fill a side the parse left empty, as docs/conventions.md codes it: an act with no stated
    target is aimed at the other country its sentence names (after the trigger first), else it
    is domestic (police arrests in X: X -> X) unless it needs no one on the other side
    (UNDIRECTED_TYPES); an act with no stated source is by the other country its sentence
    names, else domestic too (not toward an envoy: `_own_country_of`), unless every telling
    says the doer is unknown (`unknown_doer`: "harassed by unknown men").
    A force moved at home (HOME_AIMLESS_TYPES: "sent troops to Mexico's border") is aimed at no one.
    Parties of several countries and no target act toward each other ("clashed": the first
    named toward the others), like "clashes between A and B", unless the act is undirected
    ("Jordan and Britain agreed to hold exercises": each agreed, toward no one named).
    A meeting with one party named is with the other country its sentence names ("arrived in
    Amman on a visit")."""
    _place_sectors(event)
    if has(event.type, "home_aimless"):
        event.target = [a for a in event.target if a.code not in {s.code for s in event.source}]
    source, target = coded(event.source), coded(event.target)
    if not event.source and not event.target and not unknown_doer:
        _fill_unargued(event, ctx)
        source, target = coded(event.source), coded(event.target)
    if has(event.type, "mutual"):
        if len({a.code for a in source + target}) == 1:
            event.target = _other_country(event, source + target, ctx)
        return
    if target:
        if not source and not unknown_doer:
            event.source = _other_country(event, target, ctx, acting=True) or _own_country_of(target[0])
        return
    if len({a.code for a in source}) > 1:
        if not has(event.type, "undirected"):
            event.source, event.target = source[:1], source[1:]
    elif source:
        event.target = _other_country(event, source, ctx) or _home_side(event, source[0], ctx)


def _fill_unargued(event: Event, ctx: ArticleContext) -> None:
    """An act whose parse names no one (`keeping.mark_kept`: "was lifted in Kenya", "then
    exempted the duties") is done by the country where it happened, else aimed at the country
    its sentence names; the rest of `_fill` completes the other side."""
    if event.location is not None and event.location.code:
        event.source = [Actor(text=event.location.code, code=event.location.code)]
    else:
        event.target = _other_country(event, [], ctx)


def _place_sectors(event: Event) -> None:
    """Actors known by their sector only ("police", "protesters") in an event with no coded
    side act in the country where it happened ("police arrested 20 protesters in Nairobi")."""
    place = event.location.code if event.location is not None else None
    if not place or coded(event.source + event.target):
        return
    for side in (event.source, event.target):
        side[:] = [replace(a, code=place) if a.sector else a for a in side]


def _other_country(event: Event, side: list[Actor], ctx: ArticleContext, acting: bool = False) -> list[Actor]:
    """Countries the event's sentence names besides the actors of `side` (and besides who
    tells the story), or []: for a source (`acting`) the nearest before the trigger (else the
    first after it); for a target the first after it (else the first before it), and for a
    mutual event also those coordinated with it ("a meeting with Iran and Russia")."""
    own = {a.code for a in side}
    doc = ctx.doc
    trigger = token_at(doc, event.trigger_start)
    apart = _other_conjuncts(trigger) if trigger is not None else set()
    others = [
        (at, a)
        for at, a in ctx.actors.coded_between(event.start, event.end)
        if a.code not in own and a.code not in body_codes() and not _tells(doc, at, trigger) and at not in apart
    ]
    before = [(at, a) for at, a in others if at < event.trigger_start]
    after = [(at, a) for at, a in others if at >= event.trigger_start]
    if acting:
        return [a for _, a in (before[-1:] or after[:1])]
    found = after or before
    return _with_coordinated(doc, found) if has(event.type, "mutual") else [a for _, a in found[:1]]


def _other_conjuncts(trigger: Token) -> set[int]:
    """Character offsets of the words of the other conjuncts of the noun whose relative clause or
    participle tells the act ("Egypt, which backs the army, and the UAE, accused of arming X"):
    each clause belongs to its own conjunct, who is neither side of the other's act."""
    clause = clause_of_noun(trigger)
    if clause is None:
        return set()
    noun = modified_noun(clause)
    return {t.idx for c in noun.conjuncts for t in _own_words(c)}


def _own_words(conjunct: Token) -> set[Token]:
    """The words of one conjunct with its modifiers, without the conjuncts hung from it."""
    nested = {t for c in conjunct.children if c.dep_ == "conj" for t in c.subtree}
    return set(conjunct.subtree) - nested


def _tells(doc: Doc, at: int, trigger: Token | None = None) -> bool:
    """Is the word at character offset `at` part of who tells the story ("relief officials in
    Nairobi said"), not of the story?  Not when the event is told in a clause opening the
    sentence that has no subject of its own: the teller did it ("After meeting Macron in Paris,
    Merz said ...", "Following talks with Egypt's minister, Fidan told reporters ...")."""
    tok = token_at(doc, at)
    for _ in range(6):
        if tok is None:
            return False
        if tok.dep_ == "nsubj" and lemma_of(tok.head) in lexicon().teller_verbs:
            return trigger is None or not _opens_clause_of(trigger, tok.head)
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _opens_clause_of(trigger: Token, verb: Token) -> bool:
    """Is the trigger in a subjectless clause or phrase set before `verb`, which it shares the
    subject of ("Speaking after talks with X, Y said")?"""
    t = trigger
    while t.head.i != t.i and t.i != verb.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return False
        if t.head.i == verb.i:
            return t.dep_ in OPENING_DEPS and t.i < verb.i
        t = t.head
    return False


def _with_coordinated(doc: Doc, found: list[tuple[int, Actor]]) -> list[Actor]:
    """The first actor of `found` and those named in coordination with it ("Iran and Russia")."""
    if not found:
        return []
    first = token_at(doc, found[0][0])
    conjuncts = {t.idx for t in first.conjuncts} if first is not None else set()
    return unique([found[0][1]] + [a for at, a in found[1:] if at in conjuncts])


def _home_side(event: Event, actor: Actor, ctx: ArticleContext) -> list[Actor]:
    """The other side of an act aimed at no one named: none for an undirected act, the country
    where it happened when that is another's ("Russian missiles hit a plant in Lviv": UKR; also,
    wrongly, "agents kidnapped a journalist in Istanbul": a person abroad with no country told),
    else a country's own people, or for a body (the WFP, an aid agency) the country where it
    acts (the event's place: "distributed food in Mulanje district"), else the country the
    article is about."""
    if has(event.type, "undirected"):
        return []
    place = event.location.code if event.location is not None else None
    if actor.code not in body_codes():
        abroad = place and place != actor.code
        return [Actor(text=event.location.text, code=place)] if abroad else [_country_side(actor)]
    code = place or ctx.actors.home_code
    return [Actor(text=code, code=code)] if code else []


def _own_country_of(actor: Actor) -> list[Actor]:
    """The doer of an act toward `actor` with none named: the actor's own country (police arrests
    in X: X -> X), but no one for an envoy, who serves abroad (event_words.yaml `envoys`)."""
    title = (actor.title or "").lower()
    return [] if title in event_words().envoys else [_country_side(actor)]


def _country_side(actor: Actor) -> Actor:
    """The country of an actor as the other side of a domestic act (its people, not its office)."""
    return Actor(text=actor.text, code=actor.code)


def _title_places(ctx: ArticleContext) -> dict[str, Location]:
    """Places the title gives to event types it names ("... meeting in Rome": CONSULT -> Rome)."""
    title = ctx.title
    if not title:
        return {}
    lex, out = lexicon(), {}
    for tok in title:
        rule = match(tok, lex)
        if rule is not None and rule.type not in out and (place := place_for_event(tok)) is not None:
            out[rule.type] = place
    return out


def in_text_order(ctx: ArticleContext, occasions: list[Occasion]) -> list[Occasion]:
    """Reads the evidence offsets; orders the events as the text tells them."""
    return sorted(occasions, key=lambda o: o.event.start)
