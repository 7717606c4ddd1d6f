"""Parse helpers the event passes share: lemmas, conjuncts, passives, prepositional objects,
subjects, light verbs.  Grammar only (dependency labels, parts of speech); words that cue
meaning live in eventwire/data/."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from .lexicon import lexicon
from .words import event_words

SUBJECTS = frozenset({"nsubj", "csubj"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp"})


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower()


def with_conjuncts(tok: Token) -> list[Token]:
    """`tok` and the tokens coordinated with it ("Britain and Mauritius")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(
            c for c in t.children if (c.dep_ == "conj" and c.pos_ in NOUN_POS | {"PRON", t.pos_}) or _listed(t, c)
        )
    return sorted(out, key=lambda t: t.i)


def _listed(head: Token, c: Token) -> bool:
    """Is `c` the next name of a list the parser took for an apposition ("Greece, Panama and
    South Korea": Panama hangs from Greece as `appos`)?  Two places are never one another."""
    return c.dep_ == "appos" and head.ent_type_ == c.ent_type_ == "GPE" and head.ent_iob_ == "B" and c.text != head.text


def reduced(tok: Token) -> bool:
    """A bare past participle with no subject or auxiliary of its own: "sanctions imposed by
    the US", "the jailed publisher", "Asked about it, ..."."""
    return tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in tok.children)


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.dep_ in ("acl", "amod", "advcl") and reduced(tok)
    )


def pobjs(tok: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and lemma_of(c) in wanted:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def subject_of(tok: Token) -> list[Token]:
    """The subject of a verb, climbing through control verbs, conjuncts and relative clauses."""
    t = tok
    for level in range(5):
        subs = [c for c in t.children if c.dep_ in SUBJECTS or (level and c.dep_ == "nsubjpass")]
        if subs:
            if lemma_of(subs[0]) in event_words().relative_pronouns and t.dep_ == "relcl":
                return [t.head]
            return subs
        if t.dep_ == "relcl" or (t.dep_ in ("acl",) and t.tag_ == "VBG"):
            return [t.head]
        if t.dep_ not in CLIMB_DEPS or t.head.i == t.i:
            return []
        if t.dep_ == "xcomp":  # object control: "urged Washington to keep ..."
            objs = [c for c in t.head.children if c.dep_ == "dobj"]
            if objs:
                return objs
        t = t.head
    return []


def clause_of_noun(tok: Token) -> Token | None:
    """The relative clause or participle of a noun that `tok` is told in, if any ("Egypt, which
    backs the army": backs; "the UAE, accused of arming X": accused, for arming too)."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "relcl" and not any(c.tag_ == "WRB" for c in t.children):  # not "2011, when ..."
            return t
        if t.dep_ == "acl" and (reduced(t) or (t.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in t.children))):
            return t
        t = t.head
    return None


def modified_noun(clause: Token) -> Token:
    """The noun a relative clause or participle is said of: the parser hangs one set after a
    later conjunct on the first ("Egypt, which backs X, and the UAE, accused of Y": the UAE is
    accused), so the last conjunct of its head before it."""
    head = clause.head
    before = [c for c in head.conjuncts if head.i < c.i < clause.i]
    return before[-1] if before else head


def condition_subjects(verb: Token, marks: frozenset[str] | None = None) -> list[Token]:
    """Who a condition is put to: "threatened to stop talks if the United States goes ahead"
    (any condition mark, or only those of `marks`)."""
    marks = event_words().conditional_marks if marks is None else marks
    return [
        s
        for a in verb.children
        if a.dep_ == "advcl" and any(m.dep_ == "mark" and lemma_of(m) in marks for m in a.children)
        for s in a.children
        if s.dep_ == "nsubj"
    ]


def light_verb(tok: Token) -> Token | None:
    """The light verb whose object (or prepositional object) this noun is: "launched an attack"."""
    head = tok.head
    if tok.dep_ == "pobj" and lemma_of(head) == "of" and head.head.dep_ in ("dobj", "nsubjpass"):
        tok, head = head.head, head.head.head  # "led eight hours of talks", "made a string of threats"
    elif tok.dep_ == "pobj" and head.dep_ == "prep" and lemma_of(head) in event_words().light_prepositions:
        head = head.head
    elif tok.dep_ not in ("dobj", "nsubjpass", "attr"):
        return None
    if head.pos_ in ("VERB", "AUX") and (
        lemma_of(head) in lexicon().light_verbs or head.lower_ in lexicon().light_verbs
    ):
        return head
    return None


def to_infinitive(tok: Token) -> bool:
    """Does this verb take the particle "to" ("to fight", "to meet")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def governor(tok: Token) -> Token:
    """The word a nominal or clausal argument hangs from (skipping a preposition)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    return head


def content_clause(verb: Token) -> bool:
    """Is this the "that" clause saying what a noun tells ("the announcement that ...")?"""
    return (
        verb.dep_ == "acl"
        and verb.head.pos_ == "NOUN"
        and any(c.dep_ == "mark" and lemma_of(c) == "that" for c in verb.children)
    )


def token_at(doc: Doc, offset: int | None) -> Token | None:
    """The token at a character offset of the text (an event's trigger, an actor's name)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand") if offset is not None else None
    return span[0] if span is not None and len(span) else None
