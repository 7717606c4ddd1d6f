"""Argument roles: the parse words a lexicon role names ("subj", "obj", "content", "poss",
"light", a preposition ...) for a verb or a noun trigger (data/triggers.yaml explains each)."""

from __future__ import annotations

from spacy.tokens import Token

from .grammar import (
    NOUN_POS,
    condition_subjects,
    content_clause,
    is_passive,
    lemma_of,
    light_verb,
    modified_noun,
    pobjs,
    reduced,
    subject_of,
    to_infinitive,
)
from .words import event_words

ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def _speaker_for_pronoun(tok: Token, subjects: list[Token]) -> list[Token]:
    """In "Japan said it had halted aid" the pronoun is the speaker: a pronoun subject of a
    reported clause stands for the reporting verb's own subject, and so does a subject owned
    by a pronoun ("the army said its troops killed ...").  The clause is the pronoun's own
    verb, which may govern the trigger ("said it was concerned about", "said it would try to
    halt aid"); an "it" that only announces a clause ("it is important to insist") is no one."""
    if len(subjects) != 1 or not (subjects[0].tag_ == "PRP" or _owned_by_pronoun(subjects[0])):
        return subjects
    clause = subjects[0].head
    # a clause told before its teller ("They also fired drones at Kyiv, Ukrainian officials
    # said") goes on the story before it: its pronoun is not the teller
    if clause.dep_ == "ccomp" and clause.i > clause.head.i and not _expletive(subjects[0], clause):
        speaker = [c for c in clause.head.children if c.dep_ == "nsubj" and c.tag_ != "PRP"]
        if speaker:
            return speaker
    return subjects


def _owned_by_pronoun(tok: Token) -> bool:
    """A common noun with a pronoun for its owner and no name of its own: "its troops"."""
    return tok.pos_ == "NOUN" and not tok.ent_type_ and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children)


def _expletive(subject: Token, clause: Token) -> bool:
    """Is this "it" the empty subject of "it is important to ..." / "it is clear that ..."?"""
    deps = {c.dep_ for c in clause.children}
    return subject.lower_ == "it" and bool(deps & {"acomp", "attr"}) and bool(deps & {"xcomp", "ccomp"})


def _companions(tok: Token, subjects: list[Token]) -> list[Token]:
    """Who acts together with the subject: "the US, along with Britain and France, called a
    meeting", "together with Japan, Seoul held drills", "alongside Kenyan troops"."""
    out = []
    for c in (c for head in [tok, *subjects] for c in head.children if c.dep_ == "prep"):
        if lemma_of(c) == "alongside":
            out += [g for g in c.children if g.dep_ == "pobj"]
        elif lemma_of(c) in event_words().companions:
            out += pobjs(c, ("with",))
        elif lemma_of(c) == "with" and any(
            lemma_of(m) in event_words().companions for m in c.children if m.dep_ == "advmod"
        ):
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def verb_role(tok: Token, role: str) -> list[Token]:
    passive = is_passive(tok)
    if role == "subj":
        if passive:
            return pobjs(tok, ("by",)) or _stray_agent(tok)
        subjects = _speaker_for_pronoun(tok, subject_of(tok))
        return subjects + _companions(tok, subjects) if subjects else subjects
    if role == "obj":
        if tok.dep_ in ("acl", "amod") and reduced(tok):
            return [modified_noun(tok)]
        if passive and tok.dep_ == "advcl" and not any(c.dep_ == "nsubjpass" for c in tok.children):
            return subject_of(tok.head)  # "Asked about it, Zhao said ...": Zhao was asked
        found = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        return found or _shared_object(tok)
    if role == "content":
        return content_of(tok)
    if role == "addressee":  # "we have told Beijing that we will not stand by"
        return [c for c in tok.head.children if c.dep_ in ("dobj", "dative")] if tok.dep_ == "ccomp" else []
    if role == "dative":
        return [c for c in tok.children if c.dep_ == "dative" and c.pos_ in NOUN_POS | {"PRON"}]
    return pobjs(tok, (role,))


def _stray_agent(tok: Token) -> list[Token]:
    """The agent of a passive the parser hung from the noun of one of its prepositions
    ("designated as a terrorist group by the United States")."""
    return [
        g for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj" for g in pobjs(o, ("by",))
    ]


def _shared_object(tok: Token) -> list[Token]:
    """The object coordinated verbs share: "attacking and fighting Kenyan troops"; not a verb
    with a clause of its own for a complement ("condemned the launch and agreed to share
    intelligence": what they agreed is to share, not the launch)."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return []
    verbs = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        verbs.append(tok.head)
    return [o for v in verbs for o in v.children if o.dep_ == "dobj"][:1]


def content_of(tok: Token, depth: int = 1) -> list[Token]:
    """Who a statement is about when the verb names no object actor: the subject of its clause
    ("demanded that Hamas renounce ..."), the objects of its infinitive ("threatened to break
    relations with Russia"), or the parties of its object noun ("rejected calls by Annan")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "ccomp":
            out += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.tag_ != "PRP"]
            out += content_of(c, depth - 1) if depth else []
        elif c.dep_ == "xcomp" or (c.dep_ == "advcl" and to_infinitive(c)):
            objs = [g for g in c.children if g.dep_ in ("dobj", "dative")]
            out += (
                objs
                + pobjs(c, event_words().content_prepositions)
                + [p for o in objs for p in pobjs(o, event_words().content_prepositions)]
            )
            out += condition_subjects(c)
        elif c.dep_ == "dobj" and c.pos_ in NOUN_POS:
            out += [g for g in c.children if g.dep_ == "poss"] + pobjs(c, event_words().content_prepositions)
            out += [s for g in c.children if g.dep_ in ("acl", "ccomp") for s in g.children if s.dep_ == "nsubj"]
        elif c.dep_ == "prep" and lemma_of(c) == "for":  # "called for the release of Zamora"
            out += [g for n in c.children if n.dep_ == "pobj" for g in n.children if g.dep_ == "poss"]
            out += [
                g for n in c.children if n.dep_ == "pobj" for g in pobjs(n, ("of", *event_words().content_prepositions))
            ]
    return out + condition_subjects(tok)


def _clause_content(clause: Token) -> list[Token]:
    """Who a noun's clause is about: the subject of a "that" clause ("its demand that Turkey lift
    restrictions on Syrian workers": Turkey, not the workers), else its objects."""
    if content_clause(clause):
        subjects = [g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass") and g.tag_ != "PRP"]
        if subjects:
            return subjects
    return content_of(clause)


def noun_role(tok: Token, role: str) -> list[Token]:
    if role == "poss":
        return [c for c in tok.children if c.dep_ == "poss"]
    if role == "mod":
        return [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ACTOR_ENTS]
    if role == "light":
        verb = light_verb(tok)
        return verb_role(verb, "subj") if verb is not None else []
    if role == "frame":  # "Sheinbaum told Trump in phone conversations": the verb's parties
        prep = tok.head
        if tok.dep_ != "pobj" or lemma_of(prep) not in ("in", "during", "at", "over") or prep.head.pos_ != "VERB":
            return []
        verb = prep.head
        return subject_of(verb) + [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if role == "content":  # "began an offensive to drive out the rebels", "warnings demanding that ..."
        verb = light_verb(tok)
        own = {t.i for t in tok.subtree}  # its own prepositions are its own roles
        found = [x for x in content_of(verb) if x.i not in own] if verb is not None else []
        return found + [x for a in tok.children if a.dep_ == "acl" for x in _clause_content(a)]
    found = pobjs(tok, (role,))
    verb = light_verb(tok)
    if not found and verb is not None and role not in ("of", "by"):
        found = pobjs(verb, (role,))  # "imposed sanctions on Russia": on attaches to the verb
    if not found and role not in ("of", "by"):  # "a proposal made on Monday for the Council to ..."
        found = [x for a in tok.children if a.dep_ == "acl" and a.tag_ == "VBN" for x in pobjs(a, (role,))]
    return found
