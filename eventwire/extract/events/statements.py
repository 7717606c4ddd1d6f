"""Three kinds of statement that need no trigger of their own: a warning ("sanctions could
follow if Ankara ..."), blame inside a direct quote, and what a speaker says a named other
"must" or "should" do, or tells or orders them to do ("told Israel to halt the strikes")."""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Actor
from ..article import ArticleContext
from ..dates import clause_verb
from ..types import has
from .dating import mention_date, story_day
from .frames import cues
from .grammar import SUBJECTS, condition_subjects, lemma_of, subject_of, to_infinitive
from .keeping import outer
from .lexicon import Rule, lexicon
from .mentions import Mention, first_tellings
from .merging import unique
from .sides import actors_of, coded
from .words import event_words


def add_warnings(ctx: ArticleContext, found: list[Mention]) -> list[Mention]:
    """Reads every mention, kept or not; adds a THREATEN for a hostile act someone says will or
    could follow if a named other does something: a warning to them, told by the reporting
    verb ("an official said sanctions could follow if Ankara activates the system": THREATEN
    by the act's doer, else the official, to Ankara); for an act that costs them (status_cues.yaml
    ultimatum_types: a sanction, a boycott, a withdrawal) told as an ultimatum ("Ghana said it
    would suspend talks with Togo unless Togo ..."), also within one country (a party's boycott
    unless the president resigns).  The act itself, bound to the condition, is no event
    (docs/conventions.md; the claim passes drop it); a benign act ("would send aid unless"), an
    act said not to follow, or the content of another act ("sanctions will be lifted if"), warns
    of nothing."""
    modals = lexicon().warning_modals
    by_token = first_tellings(found)
    out = []
    for m in found:
        verb = clause_verb(m.token)
        ultimatum = verb is not None and m.type in cues().ultimatum_types and _ultimatum(verb)
        if (
            verb is None
            or not (has(m.type, "consequence") or ultimatum)
            or not _told(verb)
            or not any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)
            or any(c.dep_ == "neg" for c in verb.children)
            or outer(m, by_token) is not None
        ):  # "sanctions would not follow", "will be lifted"
            continue
        warned = coded(actors_of(condition_subjects(verb), ctx))
        warner = coded(m.source) or coded(_teller(verb, ctx))
        if warned and warner and (ultimatum or not {a.code for a in warner} & {a.code for a in warned}):
            out.append(Mention("THREATEN", verb.head, None, warner, warned))
    return found + _dated(ctx, out)


def _told(verb: Token) -> bool:
    """Is this clause what a teller says ("an official said sanctions could follow")?"""
    return verb.dep_ == "ccomp" and lemma_of(verb.head) in lexicon().teller_verbs


def _ultimatum(verb: Token) -> bool:
    """Is this act put as what follows unless someone acts ("will boycott the vote unless the
    president resigns")?  A costly act so put is pressure on them: a warning."""
    return bool(condition_subjects(verb, event_words().ultimatum_marks))


def add_quoted_criticism(ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
    """Reads the direct quotes and the kept mentions; adds an ACCUSE for blame told inside a
    direct quote with no trigger in its sentence ("Russia does not have
    a good record of living up to ceasefires," Pifer said): an ACCUSE by the quote's speaker
    against the other countries the quoted sentence names (not aid groups: NGO)."""
    cues = lexicon().criticism
    found = [m for m in mentions if m.kept]
    taken = {ctx.sentences.bounds(m.token) for m in found}
    out = []
    for start, end, speaker in ctx.speakers:
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else ():
            if lemma_of(tok) not in cues and tok.lower_ not in cues:
                continue
            bounds = ctx.sentences.bounds(tok)
            if bounds in taken:
                continue
            lo, hi = max(start, bounds[0]), min(end, bounds[1])
            targets = unique([a for _, a in ctx.actors.coded_between(lo, hi) if a.code not in (speaker.code, "NGO")])
            if targets:
                taken.add(bounds)
                out.append(Mention("ACCUSE", tok, None, [speaker], targets))
    return mentions + _dated(ctx, out)


def _teller(verb: Token, ctx: ArticleContext) -> list[Actor]:
    """Who says the clause of `verb`: the speaker of the direct quote it stands in, else the
    subject of the reporting verb it is the object of ("X said Y must ...")."""
    speaker = ctx.speaker_at(verb.idx)
    if speaker is not None:
        return [speaker]
    if verb.dep_ == "ccomp" and lemma_of(verb.head) in lexicon().teller_verbs:
        return actors_of(subject_of(verb.head), ctx)
    return []


def add_demands(ctx: ArticleContext, mentions: list[Mention]) -> list[Mention]:
    """Reads the kept mentions and the modals; adds a REQUEST for what someone says a named
    other must or should do ("the U.N. must maintain sanctions," a U.S. spokesperson said),
    unless its verb is a REQUEST already, and for what someone tells or orders a named other to
    do ("the U.S. told Israel to halt the strikes": triggers.yaml bidding_verbs), unless the verb
    tells an event already ("ordered French troops to leave": SANCTION); what is so bidden is the
    request's content, no event of its own (marked not kept, as mark_kept marks a REQUEST
    trigger's: "told Zelenskyy to accept the deal" is no AGREE)."""
    modals = lexicon().demand_modals
    taken = {m.token.i for m in mentions if m.kept and m.type == "REQUEST"}
    out = _bids(ctx, {m.token.i for m in mentions if m.kept})
    bidden = {t.i for b in out for c in b.token.children if c.dep_ == "xcomp" for t in c.subtree}
    for m in mentions:
        m.kept = m.kept and m.token.i not in bidden
    for tok in ctx.doc:
        if tok.dep_ != "aux" or tok.lower_ not in modals:
            continue
        verb = tok.head
        asked = coded(actors_of([c for c in verb.children if c.dep_ in SUBJECTS], ctx))
        teller = coded(_teller(verb, ctx))
        if not asked or not teller or {a.code for a in teller} & {a.code for a in asked}:
            continue
        if verb.i not in taken:
            taken.add(verb.i)
            rule = Rule("REQUEST", lemma_of(verb), False, (), (), requires=modals)  # claims: the modal
            out.append(Mention("REQUEST", verb, rule, teller, asked))  # is the demand, not a doubt
    return mentions + _dated(ctx, out)


def _bids(ctx: ArticleContext, told: set[int]) -> list[Mention]:
    """A REQUEST for each verb of bidding with a named actor as object and an infinitive after
    it ("told Kyiv not to strike", "ordered Israel to halt"), by the verb's subject."""
    out = []
    for tok in ctx.doc:
        if lemma_of(tok) not in lexicon().bidding_verbs or tok.i in told or not _infinitive_after(tok):
            continue
        asked = coded(actors_of([c for c in tok.children if c.dep_ == "dobj"], ctx))
        bidder = coded(actors_of(subject_of(tok), ctx))
        if asked and bidder and not {a.code for a in bidder} & {a.code for a in asked}:
            out.append(Mention("REQUEST", tok, Rule("REQUEST", lemma_of(tok), False, (), ()), bidder, asked))
    return out


def _infinitive_after(verb: Token) -> bool:
    """Does the verb take an infinitive clause after its object ("told Israel to halt")?"""
    return any(c.dep_ == "xcomp" and to_infinitive(c) for c in verb.children)


def _dated(ctx: ArticleContext, told: list[Mention]) -> list[Mention]:
    day = story_day(ctx) if told else None
    for m in told:
        m.date = mention_date(ctx, m, day)
    return told
