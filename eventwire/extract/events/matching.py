"""Matching a token against the lexicon: the most specific entry of its lemma whose conditions
(objects, particles, modifiers, exclusions, complements) the parse meets."""

from __future__ import annotations

from spacy.tokens import Token

from .grammar import NOUN_POS, lemma_of, light_verb, pobjs
from .lexicon import Lexicon, Rule
from .roles import ACTOR_ENTS
from .words import event_words

OBJECTS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
PAST_OF = {"would": "will"}  # a modal's past form: reported speech tells "will" as "would"
AIMING_PREPOSITIONS = frozenset({"at", "against"})  # "fired rockets at Israel": what the object is aimed at


def _carriers(tok: Token) -> list[Token]:
    """The trigger and, for a noun, the light verb that carries its prepositions ("imposed bans
    on five settlers": the "on" hangs from the verb but tells whom the bans hit)."""
    verb = light_verb(tok) if tok.pos_ in NOUN_POS else None
    return [tok] if verb is None else [tok, verb]


def _objects_of(tok: Token) -> set[str]:
    out = {lemma_of(c) for c in tok.children if c.dep_ in OBJECTS}
    # "freed six Americans", "detained two Britons": people named by their nation are people
    out.update("people" for c in tok.children if c.dep_ in OBJECTS and c.ent_type_ == "NORP" and c.tag_ == "NNPS")
    out.update(
        lemma_of(g)
        for t in _carriers(tok)
        for c in t.children
        if c.dep_ in ("prep", "prt", "agent")
        for g in c.children
        if g.dep_ == "pobj"
    )
    out.update(lemma_of(g) for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "conj")
    # "ended mediation efforts", "halted aid deliveries": the compound names what the object is of
    out.update(lemma_of(g) for c in tok.children if c.dep_ in OBJECTS for g in c.children if g.dep_ == "compound")
    # "summoned the high commissioner": an object with an adjective, for objects two words name
    out.update(
        f"{lemma_of(g)} {lemma_of(c)}"
        for c in tok.children
        if c.dep_ in OBJECTS
        for g in c.children
        if g.dep_ == "amod"
    )
    # "part of the aid program", "tons of food": what a quantity or part counts
    out.update(lemma_of(g) for c in tok.children if c.dep_ == "dobj" for g in pobjs(c, ("of",)))
    if tok.dep_ in ("acl", "amod", "relcl"):
        out.add(lemma_of(tok.head))
    return out


def _governed(tok: Token) -> set[str]:
    """Lemmas of the particles and prepositions a trigger governs (a noun's light verb's too); a
    preposition whose object is a date or time does not count ("called ... on Monday" is no "call on").
    "would" counts as the "will" it is the past of ("said it would not accept" tells "will not accept").
    What a thing is aimed at counts wherever the parser hangs it ("fired rockets at Israel": on
    the rockets)."""
    governed = {
        PAST_OF.get(lemma_of(c), lemma_of(c))
        for t in _carriers(tok)
        for c in t.children
        if not any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)
        and c.tag_ != "TO"  # the "to" of an infinitive ("to protest") is no "protest to"
    }
    objects = [o for o in tok.children if o.dep_ == "dobj"]
    aimed = {c.lower_ for o in objects for n in (o, *o.conjuncts) for c in n.children if c.dep_ == "prep"}
    return governed | (aimed & AIMING_PREPOSITIONS)


def _carried(tok: Token, verbs: frozenset[str]) -> bool:
    """Is this noun the object of one of these light verbs ("staged a strike", "lodged a protest")?"""
    verb = light_verb(tok) if verbs else None
    return verb is not None and bool({lemma_of(verb), verb.lower_} & verbs)


def _foretold(tok: Token, modals: frozenset[str]) -> bool:
    """Does the trigger's that-clause, if it has one, tell what may come ("warned that it would
    strike back"), rather than what is ("warned that the economy is slowing")?"""
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    verbs = clauses + [v for c in clauses for v in c.conjuncts]
    return not clauses or any(a.dep_ == "aux" and a.lower_ in modals for v in verbs for a in v.children)


def _fits(rule: Rule, tok: Token, lex: Lexicon) -> bool:
    if rule.requires and not rule.requires <= _governed(tok):
        return False
    if rule.objects and not rule.objects & _objects_of(tok):
        return False
    if (rule.modifiers or rule.carried_by) and not (
        rule.modifiers & {lemma_of(c) for c in tok.lefts} or _carried(tok, rule.carried_by)
    ):
        return False
    if rule.excludes and rule.excludes & (
        {lemma_of(c) for c in tok.children}
        | {lemma_of(g) for c in tok.children for g in c.children if g.dep_ == "mark" or g.tag_.startswith("W")}
        | {
            lemma_of(g)
            for t in _carriers(tok)
            for g in pobjs(t, {lemma_of(c) for c in t.children} - event_words().circumstances)
        }
    ):
        return False
    if rule.light_only and light_verb(tok) is None:
        return False
    if rule.foretells and not _foretold(tok, lex.warning_modals | lex.demand_modals):
        return False
    if rule.complements:
        clause = [t for t in tok.subtree if t.i > tok.i and t.dep_ not in ("ccomp", "advcl", "relcl")]
        return bool(rule.complements & {lemma_of(t) for t in clause[:25]})
    return True


def _nominal_participle(tok: Token) -> bool:
    """A participle used as a noun ("evacuated the wounded", "the detained were freed") names
    people, not an act: a verb takes no determiner."""
    return tok.tag_ == "VBN" and any(c.dep_ == "det" for c in tok.children)


NAME_TAGS = frozenset({"NNP", "NNPS"})


def _in_a_name(tok: Token) -> bool:
    """A trigger noun that is a word of a capitalised name ("the Defence Cooperation Agreement",
    "the Shanghai Cooperation Organisation", "the Peace Talks Office") names a thing; the act it
    would tell is not told."""
    if tok.tag_ not in NAME_TAGS:
        return False
    return any(c.dep_ == "compound" and c.tag_ in NAME_TAGS for c in tok.children) or (
        tok.dep_ == "compound" and tok.head.tag_ in NAME_TAGS
    )


def _hyphened_participle(tok: Token) -> bool:
    """A participle joined by a hyphen to the word before it, before a noun ("Iranian-backed
    militias", "the Nato-led mission"), says what the noun is, not what anyone did."""
    return tok.tag_ == "VBN" and tok.dep_ == "amod" and any(c.tag_ == "HYPH" and c.i < tok.i for c in tok.children)


def match(tok: Token, lex: Lexicon) -> Rule | None:
    """The first entry of the token's lemma whose conditions the parse meets."""
    return next(iter(matches(tok, lex)), None)


def matches(tok: Token, lex: Lexicon) -> list[Rule]:
    """The first fitting entry, then the fitting entries of other types that its trigger tells
    as well (`also`: a prison sentence is a conviction and a detention)."""
    if tok.dep_ == "amod" and lemma_of(tok) in lex.hedges:
        return []
    if _nominal_participle(tok) or _hyphened_participle(tok) or _in_a_name(tok):
        return []
    if tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
        rules = lex.verbs.get(lemma_of(tok), ())
    elif tok.pos_ == "ADJ":  # "critical of": an adjective is a trigger only with its preposition
        rules = tuple(r for r in lex.verbs.get(lemma_of(tok), ()) if r.requires)
    elif tok.pos_ in NOUN_POS and tok.ent_type_ not in ACTOR_ENTS:
        rules = lex.nouns.get(lemma_of(tok), ()) or lex.nouns.get(tok.lower_, ())
    else:
        return []
    first = next((r for r in rules if not r.also and _fits(r, tok, lex)), None)
    if first is None:
        return []
    return [first] + [r for r in rules if r.also and r.type != first.type and _fits(r, tok, lex)]
