"""Pronoun speakers: whom a "he", "she", "it" or "they" that speaks stands for. The antecedent is
looked for in the pronoun's own sentence, then back along the timeline of who spoke or was a
subject (docs/design.md, quotes), agreeing in number, person and gender."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...model import Actor
from ..actors.tables import BODY_NOUNS, PERSON_ROLES, PRONOUN_GENDER, fold

if TYPE_CHECKING:
    from .speakers import QuoteParse

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
NOT_PEOPLE = frozenset({"GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
SUBJECT_DEPTH = 6  # clauses climbed to find a subject
LOOKBACK = 6  # earlier speakers tried for a pronoun (places and bodies it cannot be are passed over)
SCANNED = 60  # entries of the timeline read back for a pronoun
PRONOUN_SENTENCES = 3  # sentences before a "he" inside a quote read for whom the quote speaks of


def _plural(head: Token) -> bool:
    """Does the noun phrase headed by `head` name several ("ministers", "Kenya and Uganda")?"""
    return head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)


def _agrees(pronoun: Token, head: Token, person: bool) -> bool:
    """Whether a pronoun can stand for the noun phrase headed by `head` (number and person);
    `person`: the article knows the phrase names a person, whatever its entity label."""
    plural = _plural(head)
    if pronoun.lower_ in ("they", "them"):
        return plural or (not person and head.ent_type_ in ("ORG", "NORP"))
    if pronoun.lower_ == "it":
        return not plural and not person and head.ent_type_ != "PERSON"
    if person:
        return not plural
    if head.ent_type_ == "ORG":  # the small model tags many surnames ORG: "Trump"
        return not plural and head.is_title and not head.n_lefts and not head.n_rights
    if head.pos_ == "PROPN" and not head.ent_type_:  # a capitalised word no one names ("Water had reached")
        return False
    return not plural and head.ent_type_ not in NOT_PEOPLE


class Pronouns:
    """Pronoun resolution over one article's QuoteParse (its timeline, its quote tokens, its
    actor resolution)."""

    def __init__(self, parse: QuoteParse) -> None:
        self.parse = parse
        self.doc = parse.doc
        self.actors = parse.actors
        self.sentences = parse.sentences
        self.in_quote = parse.in_quote

    def speaker(self, pronoun: Token) -> Actor:
        """A pronoun speaker, with the pronoun as text and the name of what it refers to: our
        antecedent when it is a name or a subject of its own sentence, else what ArticleActors
        makes of the pronoun, if anything, else for a "he" or "she" the person the next sentence
        introduces (a story may name its first speaker only after her words)."""
        found = self.antecedent(pronoun)
        if found is None or not found[1]:
            theirs = self.actors.actor_for_token(pronoun)
            if theirs is not None and theirs.name and theirs.name.lower() != pronoun.lower_:
                return replace(theirs, text=pronoun.text)
        if found is None:
            later = self.named_next(pronoun)
            return (
                replace(later, text=pronoun.text, name=later.name or later.text) if later else Actor(text=pronoun.text)
            )
        actor = self.parse.span_actor(self.parse.speaker_span(found[0]))
        return replace(actor, text=pronoun.text, name=actor.name or actor.text)

    def named_next(self, pronoun: Token) -> Actor | None:
        """For a "he" or "she" with no one before it, the person the next sentence introduces
        ("'We will,' she said. Prime Minister Sara Lind spoke in Oslo.")."""
        if pronoun.lower_ not in PRONOUN_GENDER:
            return None
        return self.parse.introduced_after(self.parse.sent_of(pronoun.i).end_char)

    def antecedent(self, pronoun: Token) -> tuple[Token, bool] | None:
        """What a pronoun speaker stands for, and whether that is a sure guess: a named or
        speaking subject higher in its own sentence ("Trump hosted Erdogan for what he called
        ..."; sure), else the latest one before it that agrees in number and person, among
        speakers and named subjects of main clauses (sure when it is a name): quoted speech
        keeps to one speaker at a time."""
        tok = pronoun.head
        for _ in range(SUBJECT_DEPTH):
            for c in tok.children:
                if (
                    c.dep_ in SUBJECTS
                    and c.i < pronoun.i
                    and not self.in_quote[c.i]
                    and (c.pos_ == "PROPN" or (c.pos_ == "NOUN" and self.parse.cue_kind(tok, self.parse.direct_verbs)))
                    and self.agrees(pronoun, c)
                ):
                    return c, True
            if tok.head.i == tok.i:
                break
            tok = tok.head
        i = bisect_left(self.parse.said_at, pronoun.idx)
        named = self.named_in_quotes_beside(pronoun)
        tried, loose = 0, None
        for _, who, spoke in reversed(self.parse.said[max(i - SCANNED, 0) : i]):
            if who.pos_ == "PROPN" and fold(who.text) in named:
                continue  # "'Farmajo never built it,' he said": he is not Farmajo
            if not (spoke or who.pos_ == "PROPN" or self.is_group(pronoun, who)):
                continue
            if self.agrees(pronoun, who, spoke):
                if spoke or not self.is_loose_fit(pronoun, who):
                    return who, who.pos_ == "PROPN"
                loose = loose or who
            elif who.ent_type_ not in NOT_PEOPLE | {"ORG"} or self.actors.is_person(who.i):
                tried += 1  # countries and bodies named since ("Russia launched ...") use no try
                if tried >= LOOKBACK:
                    break
        return (loose, loose.pos_ == "PROPN") if loose is not None else None

    @staticmethod
    def is_loose_fit(pronoun: Token, head: Token) -> bool:
        """A pronoun that fits a subject that did not speak only loosely: "they" for one body
        ("Parliament passed the bill"), as British outlets write, and "it" for a place ("Washington
        approved the sale"): taken only when no plural, speaking or closer fit comes before within
        the look back ("Amnesty and Human Rights Watch said ... Parliament passed the bill. '...,'
        they said"; "The ministry urged ... Washington approved ... '...,' it said")."""
        if pronoun.lower_ == "it":
            return head.ent_type_ in ("GPE", "LOC")
        return pronoun.lower_ in ("they", "them") and not _plural(head)

    def is_group(self, pronoun: Token, head: Token) -> bool:
        """ "they" and a plural noun that names people ("Protesters gathered ... 'We want jobs,' they
        chanted"; not "Schools closed"), "it" and a body ("The coalition rejected the results. '...,'
        it said"): no person competes for such a pronoun, so a group or body that did not speak
        before may."""
        if pronoun.lower_ == "it":
            return head.pos_ == "NOUN" and head.lemma_.lower() in BODY_NOUNS
        return pronoun.lower_ in ("they", "them") and head.tag_ == "NNS" and self.names_people(head)

    def names_people(self, noun: Token) -> bool:
        """Whether a plural noun names people: a role the lists know ("teachers", "members"), one
        actor resolution gives a sector ("protesters"), or a number of such ("thousands of farmers")."""
        if noun.lemma_.lower() in PERSON_ROLES:
            return True
        actor = self.actors.actor_for_token(noun)
        if actor is not None and (actor.code or actor.sector):
            return True
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((c for c in of.children if c.dep_ == "pobj" and c.tag_ == "NNS"), None) if of else None
        return whole is not None and self.names_people(whole)

    def quoted_subject(self, pronoun: Token, outer: Actor) -> Actor | None:
        """Whom a "he" inside a quote stands for, when not its speaker: the latest person the
        quoted words made a subject, in its sentence and the PRONOUN_SENTENCES before ("'President
        Trump is the dissenter.' ... 'He calls Xi a friend'")."""
        n = self.sentences.number_of[pronoun.i]
        first = self.sentences.spans[max(n - PRONOUN_SENTENCES, 0)].start
        for tok in reversed(self.doc[first : pronoun.i]):
            if (
                self.in_quote[tok.i]
                and tok.dep_ in SUBJECTS
                and self.actors.is_person(tok.i)
                and self.agrees(pronoun, tok)
            ):
                actor = self.parse.span_actor(self.parse.speaker_span(tok))
                if actor.name != outer.name:
                    return replace(actor, text=pronoun.text)
        return None

    def named_in_quotes_beside(self, pronoun: Token) -> set[str]:
        """The names (folded) inside the quotes of the pronoun's sentence and the one before: whom
        the quoted words speak of, and so most likely not who speaks them."""
        n = self.sentences.number_of[pronoun.i]
        start = self.sentences.spans[max(n - 1, 0)].start
        return {
            fold(t.text)
            for t in self.doc[start : self.sentences.spans[n].end]
            if self.in_quote[t.i] and t.pos_ == "PROPN"
        }

    def agrees(self, pronoun: Token, head: Token, spoke: bool = False) -> bool:
        """Whether a pronoun can stand for the noun phrase headed by `head`: number and person,
        and gender when the article tells the person's ("she" is not Mr. Lebovich); "he" and
        "she" never stand for a body or a document.  A full name no entity covers that spoke
        (`spoke`: the subject of a cue, "'...,' Shabana Mahmood told parliament") is a person's."""
        said = PRONOUN_GENDER.get(pronoun.lower_)
        if (
            said is not None
            and head.pos_ == "NOUN"
            and (head.lemma_.lower() in BODY_NOUNS or self.parse.is_document(head))
        ):
            return False  # "he" is no body, nor a statement
        body = said is not None and (head.lower_ in BODY_NOUNS or self.actors.names_body_or_place(head.i))
        if body and not self.actors.is_person(head.i):
            return False  # nor a body the recogniser took for a person ("Al-Shabab controls", "Congress")
        person = self.actors.is_person(head.i) or (spoke and self.is_unlisted_name(head))
        gender = self.actors.gender_at(head.i)
        return _agrees(pronoun, head, person) and (said is None or gender is None or said == gender)

    def is_unlisted_name(self, head: Token) -> bool:
        """Two capitalised proper nouns or more that name nothing the article or the lists know
        (no country, no sector): the recogniser often labels a person's name ORG or nothing."""
        words = head.doc[head.left_edge.i : head.i + 1]
        if head.pos_ != "PROPN" or len(words) < 2 or not all(t.pos_ == "PROPN" and t.is_title for t in words):
            return False
        actor = self.parse.span_actor(words)
        return actor.code is None and actor.sector is None
