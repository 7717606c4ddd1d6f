"""Plural descriptions that stand for several countries or bodies named just before them: "the
two countries", "both governments", "these countries", "the two sides" (docs/conventions.md, "Who")."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ... import nlp
from ...model import Actor
from .roles import noun_tag
from .tables import (
    GROUP_BOTH,
    GROUP_DEMONSTRATIVES,
    GROUP_DESCRIPTIONS,
    GROUP_PLACE_PREPOSITIONS,
    NUMBER_WORDS,
    PLACE_KINDS,
)

NOT_STATES = frozenset({"IGO", "NGO"})  # the codes of bodies, not countries
GROUP_KINDS = frozenset({"country", "demonym", "capital", "seat", "body"})  # names that may be a group's member
RESTRICTIVE = frozenset({"relcl", "acl", "prep"})  # "the countries that agreed": not those named before
# (nor "the Gulf states", "the European countries": a name or compound before says which)
CITY_KINDS = frozenset({"capital"})  # "met in Abu Dhabi": where, never one of "the two countries"
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "prep"})  # how an object hangs from its verb
GROUP_WINDOW = 1  # sentences before its own that a plural description looks back
PEOPLE_WINDOW = 3  # sentences before its own that "the two leaders" looks back for the people it counts


class GroupDescriptions:
    """The group part of `ArticleActors` (article.py): which coded actors named before a plural
    description ("the two sides") it stands for."""

    def group_members(self, tok: Token) -> list[Actor]:
        """The actors a plural description headed by `tok` stands for, one per code, in text
        order: as many as its number says (the last ones named, in its sentence and the one
        before), or for "these countries", "the countries" every one of the nearest sentence that
        names several.  Empty when it is no such description, or the text names too few."""
        if noun_tag(tok) not in ("NNS", "NNPS"):
            return []
        kind = GROUP_DESCRIPTIONS.get(_plural_lemma(tok))
        if kind is None:
            return []
        count = _group_count(tok)
        demonstrative = (
            any(c.dep_ == "det" and c.lower_ in GROUP_DEMONSTRATIVES for c in tok.children)
            and not any(c.dep_ in RESTRICTIVE for c in tok.rights)
            and not any(c.dep_ == "compound" or self._name_at[c.i] is not None for c in tok.lefts)
        )
        if count is None and not demonstrative:
            return []
        named = [(i, a) for i, a in self._named_before(tok, kind) if not (kind == "states" and a.code in NOT_STATES)]
        if kind == "people":  # "the two leaders": the people named before, when there are enough
            people = self._people_before(tok)
            named = people if len(_latest(people)) >= (count or 2) else named
        if count is None:  # "these countries": those of the nearest sentence that names several
            by_sentence: dict[int, list[tuple[int, Actor]]] = {}
            for i, a in named:
                by_sentence.setdefault(self._sent_of[i], []).append((i, a))
            named = next((s for s in by_sentence.values() if len(_latest(s)) > 1), [])
        chosen = _latest(named)[:count]
        if len(chosen) < (count or 2):
            return []
        text = self.doc[tok.left_edge.i : tok.i + 1].text
        return [Actor(text=text, name=a.name, code=a.code, sector=a.sector) for a in reversed(chosen)]

    def _named_before(self, tok: Token, kind: str) -> list[tuple[int, Actor]]:
        """(token, actor) of the coded countries, bodies and people named before the phrase of
        `tok`, in its sentence and the GROUP_WINDOW before, latest first, and the members of a group
        described before ("The two ministers met ... Both sides signed": the same two); for the
        sides of an act, not a place where something happens ("met in Geneva": "these countries"
        may be places)."""
        first = self.sentences.spans[max(0, self._sent_of[tok.i] - GROUP_WINDOW)].start
        people = {m.i: m.person.actor("") for m in self._mentions if first <= m.i < tok.left_edge.i}
        own_subject = _own_subject(tok)
        out = []
        for i in range(tok.left_edge.i - 1, first - 1, -1):
            hit = self._name_at[i]
            if i in own_subject:
                continue
            if i in people:
                out.append((i, Actor(text="", code=people[i].code, sector=people[i].sector)))
            elif not any(c.dep_ in RESTRICTIVE for c in self.doc[i].rights) and (
                members := self.group_members(self.doc[i])
            ):  # not "both sides of the border"
                out.extend((i, a) for a in reversed(members))
            elif hit is not None and hit.start == i and not hit.qualifier and hit.value.kind in GROUP_KINDS:
                root = self.doc[hit.end - 1]
                located = root.dep_ == "pobj" and root.head.lower_ in GROUP_PLACE_PREPOSITIONS
                venue = located and (kind != "states" or hit.value.kind in CITY_KINDS)
                if not (hit.value.kind in PLACE_KINDS and venue):
                    name = hit.value.name if hit.value.kind == "body" else None
                    code = self._seat_place_code(root) if hit.value.kind == "seat" else None
                    out.append((i, Actor(text="", name=name, code=code or hit.value.code, sector=hit.value.sector)))
        return [(i, a) for i, a in out if a.code]

    def _people_before(self, tok: Token) -> list[tuple[int, Actor]]:
        """(token, actor) of the coded people named in the PEOPLE_WINDOW sentences before the
        phrase of `tok` and in its own, latest first, less the subject whose verb it is the object of."""
        first = self.sentences.spans[max(0, self._sent_of[tok.i] - PEOPLE_WINDOW)].start
        own_subject = _own_subject(tok)
        found = [m for m in self._mentions if first <= m.i < tok.left_edge.i and m.i not in own_subject]
        people = [(m.i, m.person.actor("")) for m in reversed(found)]
        return [(i, Actor(text="", code=a.code, sector=a.sector)) for i, a in people if a.code]


def _plural_lemma(tok: Token) -> str:
    """The lower-case lemma of a noun, also when the tagger took a capitalised plural for a name
    and left it whole ("the two Ministers" in an official statement: minister)."""
    return tok.lemma_.lower() if tok.tag_ != "NNPS" else _noun_lemma(tok.lower_)


@cache
def _noun_lemma(word: str) -> str:
    """The lemma of a word read as a common noun, once per word and process."""
    noun = Doc(nlp.load().vocab, words=[word], pos=["NOUN"])[0]
    return nlp.lemmatizer().rule_lemmatize(noun)[0]


def _latest(named: list[tuple[int, Actor]]) -> list[Actor]:
    """The distinct coded actors of (token, actor) pairs given latest first, in that order."""
    seen: dict[str, Actor] = {}
    for _, a in named:
        seen.setdefault(a.code or "", a)
    return list(seen.values())


def _own_subject(tok: Token) -> set[int]:
    """The tokens of the subject of the verb a description is the object of: "Egypt and Qatar
    called on both sides" asks others, so the sides are not Egypt and Qatar."""
    t = tok
    while t.dep_ in OBJECT_DEPS and t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return {w.i for k in t.children if k.dep_ in ("nsubj", "nsubjpass") for w in k.subtree}
    return set()


def _group_count(tok: Token) -> int | None:
    """How many a plural description counts: its number ("two", "3") or two for "both"; None
    when it says none, or fewer than two."""
    for c in tok.children:
        if c.dep_ == "nummod":
            n = NUMBER_WORDS.get(c.lower_) or (int(c.text) if c.text.isdigit() else 0)
            return n if n > 1 else None
        if c.lower_ in GROUP_BOTH:
            return 2
    return None
