"""`ArticleActors`: actor resolution over one parsed article (the public API, the scans, and
how a phrase resolves); the people, role and description indexes are its parts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ...model import Actor, Entity
from ..sentences import Sentences
from .ages import AgeIndex
from .describe import Descriptions
from .groups import GroupDescriptions
from .people import PeopleIndex
from .records import Hit, Mention, Person
from .roles import RoleIndex
from .shortforms import ShortForms
from .tables import (
    AFFILIATION_OK,
    BODY_POSSESSIVES,
    BODY_SUBJECT_PRONOUNS,
    ENTITY_LABELS,
    HOME_MIN,
    HOME_RATIO,
    NAME_ENTS,
    PERSON_ENTS,
    PERSON_ROLES,
    PLACE_KINDS,
    PLACED_PEOPLE,
    PLACING_PREPOSITIONS,
    PRONOUN_GENDER,
    RULER_NOUNS,
    SEAT_PLACE_PREPOSITIONS,
    STATE_BODIES,
    STATE_KINDS,
    Alias,
    Named,
    PhraseTable,
    V,
    lexicon,
)

CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
SEAT_PLACE_KINDS = frozenset({"country", "capital"})  # where a seat of government may stand
PLACE_CLIMB = 12  # tokens from a placed noun to the verb of its clause, at most ("civilians ... killed in")


class ArticleActors(PeopleIndex, Descriptions, RoleIndex, ShortForms, GroupDescriptions, AgeIndex):
    """Actor resolution over one parsed article.

    Built once per article; remembers the fullest mention of each person so that a later
    surname, pronoun or title ("Sullivan", "he", "the spokesman") resolves back to it.
    """

    def __init__(self, doc: Doc, sentences: Sentences | None = None) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.sentences = sentences or Sentences.of(doc)
        self._sent_of = self.sentences.number_of
        self._ent_at: list[Span | None] = [None] * len(doc)
        for ent in doc.ents:
            self._ent_at[ent.start : ent.end] = [ent] * (ent.end - ent.start)
        words = self._words = [t.lower_ for t in doc]  # lower case, read once: a Token costs to make
        self._name_at = self._scan_names(words)
        self._role_at = self._scan(self.lex.roles, words)
        counts = self._place_counts()
        self.home_code = _leading(counts, HOME_MIN)
        self.state_home_code = self.home_code or _leading(counts, 1)  # for a body every state has
        self._person_at: dict[int, Person] = {}
        self._mentions: list[Mention] = []
        self._persons: list[Person] = []
        self._full_forms: dict[str, list[Span]] = {}  # none until indexed: people are indexed first
        self._index_people()
        self._role_mentions: dict[str, list[tuple[int, Actor]]] = {}
        self._groups: dict[str, list[tuple[int, Named]]] = {}
        self._index_roles()
        self._index_short_forms()
        self._learn_owners()
        self._index_ages()

    # -- public API -------------------------------------------------------------------------

    def actor_for_span(self, span: Span) -> Actor | None:
        """The actor a noun phrase denotes, or None when it denotes no political actor.

        An actor with a sector but no stated country ("the government", "police", "militants")
        gets the article's home country (`home_code`), when the article has one."""
        if len(span) == 0:
            return None
        return self._resolve(span.root, span.start, span.end, _clean_text(span))

    def actor_for_token(self, token: Token) -> Actor | None:
        """The actor of the noun phrase headed by `token` (a subject, object or pobj)."""
        return self.actor_for_span(self.doc[token.left_edge.i : token.right_edge.i + 1])

    def coded_between(self, start: int, end: int) -> list[tuple[int, Actor]]:
        """(offset, actor) of the entities starting within the character offsets [start, end)
        whose actor has a code, in text order: the candidates for a side the parse leaves empty."""
        return [(at, replace(actor)) for at, actor in self._coded_entities if start <= at < end]

    @cached_property
    def _coded_entities(self) -> list[tuple[int, Actor]]:
        """Every entity whose actor has a code, resolved once: the event passes ask for the coded
        actors of one sentence after another (callers get copies, so none changes another's)."""
        out = []
        for e in self.doc.ents:
            if e.label_ in ENTITY_LABELS:
                actor = self._resolve(e.root, e.start, e.end, e.text)
                if actor is not None and actor.code:
                    out.append((e.start_char, actor))
        return out

    def possessor(self, tok: Token, exclude: Iterable[str] = ()) -> Actor | None:
        """The country or body an "its"/"their" stands for: the one named nearest before it in
        its sentence, else in the sentence before, leaving out the codes `exclude` (the other
        side of its event: Tehran does not reject its own offer).  None when that sentence names
        several, or names none."""
        if tok.lower_ not in BODY_POSSESSIVES or tok.tag_ != "PRP$":
            return None
        left_out = set(exclude)
        sent = self._sent_of[tok.i]
        for n in (sent, sent - 1):
            found = [
                a
                for e in self.doc.ents
                if e.start < tok.i
                and self._sent_of[e.start] == n
                and e.label_ in NAME_ENTS
                and e.root.i not in self._person_at
                and (a := self._resolve(e.root, e.start, e.end, e.text)) is not None
                and a.code
                and a.code not in left_out
            ]
            if found:
                return found[-1] if len({a.code for a in found}) == 1 else None
        return None

    def _subject_antecedent(self, tok: Token, text: str) -> Actor | None:
        """The country or body an "it"/"they" subject of an active verb stands for: the latest
        subject of a main clause in its sentence or the one before that is a coded actor and no
        person, agreeing in number ("they": a plural noun or a pair).  None for any other pronoun
        or when no subject fits; the actor keeps the pronoun as its text."""
        number = BODY_SUBJECT_PRONOUNS.get(tok.lower_)
        if number is None or tok.dep_ != "nsubj" or tok.head.pos_ != "VERB":
            return None  # "it was denied", "it is unclear": no actor's doing
        if not _main_clause(tok.head, reported=True):
            return None  # "although it had ...", "whom they held": a clause told of something else
        sent = self._sent_of[tok.i]
        first = self.sentences.spans[max(sent - 1, 0)].start
        for t in reversed(self.doc[first : tok.i]):
            if t.dep_ not in CLAUSE_SUBJECTS or t.pos_ == "PRON" or not _main_clause(t.head):
                continue
            plural = t.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in t.children)
            if plural != (number == "plural") or t.i in self._person_at:
                continue
            actor = self.actor_for_token(t)
            if actor is not None and actor.code:
                return replace(actor, text=text)
        return None

    def entities(self) -> list[Entity]:
        """People, organisations and places of the article, with offsets, name and code."""
        out = []
        for e in self.doc.ents:
            if e.label_ not in ENTITY_LABELS:
                continue
            actor = self._resolve(e.root, e.start, e.end, e.text)
            out.append(
                Entity(
                    text=e.text,
                    label=e.label_,
                    start=e.start_char,
                    end=e.end_char,
                    name=(actor.name if actor and actor.name else e.text),
                    code=actor.code if actor else None,
                    sector=actor.sector if actor else None,
                )
            )
        return out

    # -- scanning ---------------------------------------------------------------------------

    def _scan(self, table: PhraseTable[V], words: list[str]) -> list[Hit[V] | None]:
        """Longest left-to-right matches of `table`, as a per-token list of the covering hit."""
        at: list[Hit[V] | None] = [None] * len(words)
        i = 0
        while i < len(words):
            m = table.match(words, i)
            if m and self._fits(i, m[0], m[1]):
                hit = Hit(i, i + m[0], m[1].value)
                at[i : i + m[0]] = [hit] * m[0]
                i += m[0]
            else:
                i += 1
        return at

    def _fits(self, i: int, n: int, alias: Alias) -> bool:
        """Whether the n tokens at i may be this alias: case rules, and NER agreement for
        one-word names from the generated lists."""
        if (
            alias.needs_ent
            and n == 1
            and self.doc[i].ent_type_ not in (PERSON_ENTS if alias.value.kind == "person" else NAME_ENTS)
            and not (alias.value.kind in PLACE_KINDS and self.doc[i].text in self._place_words)
        ):
            return False
        if alias.exact is not None:
            return tuple(t.text for t in self.doc[i : i + n]) == alias.exact
        return not alias.capitalised or self.doc[i].text[:1].isupper()

    @cached_property
    def _place_words(self) -> frozenset[str]:
        """One-word names the recogniser calls a place somewhere in the article: one sense per
        story, so "Kharkiv" it calls a person elsewhere is the city too."""
        return frozenset(e.text for e in self.doc.ents if len(e) == 1 and e.label_ in ("GPE", "LOC"))

    def _scan_names(self, words: list[str]) -> list[Hit[Named] | None]:
        """Name hits, minus places inside a longer person name (Chad in "Chad Smith"); places in
        hyphenated compounds ("US-backed", "Sino-US") are kept as qualifiers only."""
        at = self._scan(self.lex.names, words)
        doc = self.doc
        for i, hit in enumerate(at):
            if hit is None or hit.start != i or hit.value.kind not in PLACE_KINDS:
                continue
            ent = self._ent_at[i]
            if ent is not None and ent.label_ == "PERSON" and len(ent) > hit.end - hit.start:
                at[hit.start : hit.end] = [None] * (hit.end - hit.start)
                continue
            joined = not doc[hit.end - 1].whitespace_  # "US-backed", not a dash: "NAIROBI (Reuters) - Kenya's"
            after = doc[hit.end].text if hit.end < len(doc) and joined else ""
            if (after == "-" and (hit.end + 1 >= len(doc) or doc[hit.end + 1].lower_ not in AFFILIATION_OK)) or (
                i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
            ):
                qualifier = Hit(hit.start, hit.end, hit.value, qualifier=True)
                at[hit.start : hit.end] = [qualifier] * (hit.end - hit.start)
        self._spell_out_acronyms(at)
        return at

    def _spell_out_acronyms(self, at: list[Hit[Named] | None]) -> None:
        """An acronym stands for the listed body the article names in full with those initials,
        one sense per story: "RSF" after "the Rapid Support Forces" is the Sudanese paramilitary,
        not Reporters Without Borders, which the lists know as RSF too."""
        spelled = {
            _initials(self.doc[hit.start : hit.end]): hit.value
            for i, hit in enumerate(at)
            if hit is not None and hit.start == i and hit.value.kind == "body" and hit.end - hit.start > 1
        }
        lowered = {initials.lower(): initials for initials in spelled if len(initials) > 1}
        for i, word in enumerate(self._words):
            initials = lowered.get(word)
            if (
                initials is not None
                and self.doc[i].text == initials
                and (at[i] is None or at[i].end - at[i].start == 1)
            ):
                at[i] = Hit(i, i + 1, spelled[initials])

    # -- people -----------------------------------------------------------------------------

    # -- role phrases -----------------------------------------------------------------------

    # -- resolution -------------------------------------------------------------------------

    def _place_counts(self) -> dict[str, int]:
        """How many times the article names each country (its places, capitals and seats)."""
        counts: dict[str, int] = {}
        for i, hit in enumerate(self._name_at):
            if hit and hit.start == i and not hit.qualifier and hit.value.code and hit.value.kind in STATE_KINDS:
                counts[hit.value.code] = counts.get(hit.value.code, 0) + 1
        return counts

    def _resolve(self, head: Token, lo: int, hi: int, text: str) -> Actor | None:
        """The actor of the phrase [lo, hi) headed by `head`, or None; a domestic actor with
        no stated country gets the article's home country (a body every state has, "the army", the
        country the story names most even once, when none other comes near), a non-governmental one
        the code NGO; people named by where they are, the country of the place their clause names."""
        actor = self._resolve_stated(head, lo, hi, text)
        if actor is None or actor.code is not None:
            return actor
        if actor.sector == "NGO":
            actor.code = "NGO"  # "an advocacy group"
        elif head.lemma_.lower() in PLACED_PEOPLE and (where := self._place_of(head)) is not None:
            actor.code = where  # "people were killed in Gaza City"
        elif actor.sector not in {None, "IGO"} and not self._names_person(head):
            actor.code = self.state_home_code if head.lemma_.lower() in STATE_BODIES else self.home_code
            actor.code = actor.code or self._ruled_country(head)
        return actor

    def _place_of(self, head: Token) -> str | None:
        """The country of the place the noun or its clause's verb is placed at ("residents of
        Kharkiv", "were killed in Gaza City"), if one."""
        verb = head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and abs(verb.i - head.i) < PLACE_CLIMB:
            verb = verb.head
        words = [head, verb]
        if verb.dep_ in ("advcl", "xcomp", "conj"):  # "struck a school in Gaza, killing 14 people"
            words.append(verb.head)
        words += [obj for w in words[1:] for obj in w.children if obj.dep_ == "dobj"]
        for word in words:
            for prep in word.children:
                if prep.dep_ != "prep" or prep.lower_ not in PLACING_PREPOSITIONS:
                    continue
                for obj in prep.children:
                    hit = self._name_at[obj.i] if obj.dep_ == "pobj" else None
                    if hit is not None and hit.value.kind in PLACE_KINDS and hit.value.code:
                        return hit.value.code
        return None

    def _ruled_country(self, head: Token) -> str | None:
        """The country the story last named as ruled by a junta, regime or government, for one with
        no country stated in a story no one country leads: "The junta accused Paris" after "Niger's
        military rulers ordered ..." is Niger's."""
        if head.lemma_.lower() not in RULER_NOUNS:
            return None
        for tok in reversed(self.doc[: head.left_edge.i]):
            if tok.lemma_.lower() in RULER_NOUNS and tok.pos_ == "NOUN":
                actor = self._resolve_stated(tok, tok.left_edge.i, tok.i + 1, tok.text)
                if actor is not None and actor.code:
                    return actor.code
        return None

    def _names_person(self, head: Token) -> bool:
        """Whether the phrase names a person: people are often foreign to the story, so they do
        not take its home country."""
        hit = self._name_at[head.i]
        return (
            head.i in self._person_at
            or head.lower_ in PRONOUN_GENDER
            or (hit is not None and hit.value.kind == "person")
        )

    def _resolve_stated(self, head: Token, lo: int, hi: int, text: str) -> Actor | None:
        """The actor of the phrase [lo, hi) headed by `head`, from what the article states."""
        low = head.lower_
        if low in PRONOUN_GENDER and (head.pos_ == "PRON" or head.tag_ == "PRP$"):
            person = self._antecedent(head.i, PRONOUN_GENDER[low])
            return person.actor(text) if person else None
        if head.pos_ == "PRON":
            return self._subject_antecedent(head, text)
        person = self._person_at.get(head.i) or self._person_by_age(lo, hi) or self._person_titled(head, hi)
        if person is not None:
            return person.actor(text)
        short = self._short_form_actor(head, lo, text)
        if short is not None:
            return short
        titled = self._person_by_title(head, lo, hi)
        if titled is not None:
            return titled.actor(text)
        chief = self._head_of_body(head, lo, hi, text)  # "the U.N. chief"
        if chief is not None:
            return chief
        name = self._name_at[head.i]
        role = self._role(head)
        if role is None and name is None and head.lemma_.lower() in PERSON_ROLES:  # "the secretary"
            anaphor = self._anaphor_actor(head, self._left_tokens(head, lo), text, None)
            if anaphor is not None:
                return anaphor
        if role is None and name is None:
            titled_word = self._title_word_actor(head, lo, text)  # "the Republican"
            if titled_word is not None:
                return titled_word
        if role is not None and (name is None or (name.end - 1 < head.i)):
            return self._role_actor(head, lo, hi, text, role)
        if name is not None:
            return self._name_actor(name.value, head, lo, text)
        ent = self._ent_at[head.i]
        if ent is not None and ent.label_ in {"ORG", "NORP"}:
            return self._org_actor(ent, head, lo, text)
        return None

    def _org_actor(self, ent: Span, head: Token, lo: int, text: str) -> Actor:
        """An organisation or group not in the lists: code from the places in and before its name
        ("Afghan refugees"), sector only from its head word ("Defense Ministry"), never from words
        inside ("State of the Union"); a plural group of people (NORP "Kurds") is CVL."""
        codes = [
            h.value.code
            for h in map(self._modifier_name, self.doc[min(lo, ent.start) : ent.end])
            if h is not None and h.value.code
        ]
        role = self._role(ent.root)
        sector = role.value.sector if role else None
        if ent.label_ == "NORP" and head.tag_ in {"NNS", "NNPS"}:
            sector = sector or "CVL"
        toks = [t for t in ent if not (t.i == ent.start and t.dep_ == "det")]
        return Actor(
            text=text,
            name=self.doc[toks[0].i : ent.end].text if toks else ent.text,
            code=codes[0] if codes else None,
            sector=sector,
        )

    def _name_actor(self, entry: Named, head: Token, lo: int, text: str) -> Actor | None:
        if entry.kind == "region":
            return None
        if entry.kind == "person":
            return Actor(text=text, name=entry.name, code=entry.code, sector=entry.sector, title=entry.title)
        if entry.kind == "seat":
            code = self._seat_place_code(head) or self._describe(self._left_tokens(head, lo)).code or entry.code
            return Actor(text=text, name=entry.name, code=code, sector=entry.sector)
        if entry.kind == "body":
            return Actor(text=text, name=entry.name, code=entry.code, sector=entry.sector)
        if entry.kind == "demonym" and any(c.lower_ == "ethnic" for c in head.lefts):
            return Actor(text=text, name=None, code=None, sector="CVL")  # "ethnic Albanians" in Serbia
        return Actor(text=text, name=None, code=entry.code, sector=entry.sector)

    def _person_titled(self, head: Token, hi: int) -> Person | None:
        """The person named right after a title the parser hung beside the name rather than into it
        ("Army chief Ali Mahamat has rejected talks": chief and Mahamat both subjects): the same
        person, not a second actor."""
        if head.i + 1 != hi or self._role(head) is None:
            return None
        mention = next((m for m in self._mentions if m.i == hi), None)
        if mention is None:
            return None
        root = self.doc[mention.root]
        return mention.person if head.head.i in (root.head.i, root.i) or root.head.i == head.i else None

    def _seat_place_code(self, head: Token) -> str | None:
        """The country of the capital or country a seat's name is placed in: "the Foreign Office in
        Islamabad" is Pakistan's, though the Foreign Office named alone is Britain's."""
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in SEAT_PLACE_PREPOSITIONS:
                for place in prep.children:
                    hit = self._name_at[place.i]
                    if place.dep_ == "pobj" and hit is not None and hit.value.kind in SEAT_PLACE_KINDS:
                        return hit.value.code
        return None


def _main_clause(verb: Token, reported: bool = False) -> bool:
    """Is the verb its sentence's root, or joined to it ("said ... and called"), or (`reported`)
    the clause its root reports ("they fired drones, officials said")?"""
    if reported and verb.dep_ == "ccomp":
        verb = verb.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _clean_text(span: Span) -> str:
    """Span text without leading/trailing punctuation."""
    toks = list(span)
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return span.doc[toks[0].i : toks[-1].i + 1].text if toks else span.text


def _initials(words: Span) -> str:
    """The capitals that open the words of a name ("Rapid Support Forces": RSF)."""
    return "".join(t.text[0] for t in words if t.text[:1].isupper())


def _leading(counts: dict[str, int], least: int) -> str | None:
    """The country the article is about: the most named one, if clearly ahead of the next
    (`least` mentions and HOME_RATIO times the runner-up)."""
    ranked = sorted(counts.values(), reverse=True) + [0]
    top = max(counts, key=counts.__getitem__, default=None)
    return top if top and ranked[0] >= least and ranked[0] >= HOME_RATIO * ranked[1] else None
