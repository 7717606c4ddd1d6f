"""The people of one article: each named person merged over all mentions (fullest name,
title, country, gender), so that a later surname, pronoun or title points back."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from spacy.tokens import Span, Token

from .records import Description, Mention, Person
from .tables import (
    GIVEN_NAME_GENDER,
    HONORIFIC_GENDER,
    HONORIFICS,
    NAME_PARTICLES,
    NAME_PARTS,
    NOT_PERSON,
    PERSON_ROLES,
    PLACE_KINDS,
    PRONOUN_GENDER,
    PRONOUN_WINDOW,
    ROLE_GENDER,
    TITLE_MAX,
    Named,
    fold,
)

LISTED_KINDS = PLACE_KINDS | {"body", "seat"}  # what the name lists hold besides people


class PeopleIndex:
    """The people index of `ArticleActors` (article.py): each person of the article and who a
    surname, pronoun or title points back to."""

    def _person_spans(self) -> list[tuple[int, int]]:
        """PERSON entities not better known as a body (al-Shabab), listed people NER missed, and
        bare surnames of the article's people that NER labelled otherwise ("Haas" as ORG)."""
        spans = []
        for ent in self.doc.ents:
            hit = self._name_at[ent.root.i]
            core = [t for t in ent if t.dep_ != "case" and not t.is_punct]
            named = ent.label_ == "PERSON" and ent[0].text[:1].isupper() and ent[0].lower_ not in NOT_PERSON
            if named and (hit is None or hit.value.kind == "person" or (hit.end - hit.start) < len(core)):
                spans.append((ent.start, self._past_particle(ent.end)))
        surnames = {fold(self.doc[e - 1].text) for s, e in spans}
        spans += [(ent.start, ent.end) for ent in self.doc.ents if self._mislabelled_person(ent, surnames)]
        spans += self._described_names({i for s, e in spans for i in range(s, e)})
        spans += self._honoured_names({i for s, e in spans for i in range(s, e)})
        seen = {i for s, e in spans for i in range(s, e)}
        for i, hit in enumerate(self._name_at):
            if i not in seen and hit and hit.start == i and hit.value.kind == "person":
                spans.append((hit.start, hit.end))
                seen.update(range(hit.start, hit.end))
        surnames = {fold(self.doc[e - 1].text) for s, e in spans if e - s > 1}
        for tok in self.doc:
            i = tok.i
            if (
                i not in seen
                and self._name_at[i] is None
                and tok.pos_ == "PROPN"
                and fold(tok.text) in surnames
                and (self._ent_at[i] is None or len(self._ent_at[i]) == 1)
            ):
                spans.append((i, i + 1))
        return sorted(spans)

    def _mislabelled_person(self, ent: Span, surnames: set[str]) -> bool:
        """Whether an entity labelled otherwise is a person's full name: two or more capitalised
        proper nouns, no listed body or place, and ending in the surname of a person the article
        names elsewhere ("Siyoka Simasiku" as ORG, then "Simasiku" as PERSON)."""
        return (
            ent.label_ in ("ORG", "GPE", "NORP", "LOC")
            and len(ent) > 1
            and all(t.pos_ == "PROPN" and t.is_title for t in ent)
            and all(self._name_at[t.i] is None for t in ent)
            and fold(ent[-1].text) in surnames
        )

    def _described_names(self, seen: set[int]) -> list[tuple[int, int]]:
        """Runs of two or more capitalised proper nouns that no list names and no person entity
        covers, set beside a role only a person holds ("Lydia Rosasi, a lawyer", "the deputy
        minister, Ama Owusu", "rights lawyer Dawit Mesfin"): the entity recogniser often calls
        African and Asian names ORG or GPE, and a later "she" would find no one to stand for."""
        doc = self.doc
        spans = []
        for root in doc:
            if root.i in seen or root.pos_ != "PROPN" or not root.is_title or root.dep_ == "compound":
                continue
            start = root.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
                if doc[start - 1].dep_ != "compound" or doc[start - 1].i in seen:
                    break
                start -= 1
            names = doc[start : root.i + 1]
            alone = len(names) == 1 and _role_apposed(root)
            if (
                (len(names) > 1 or alone)  # one name with its role beside: "Halima, a mother of four,"
                and all(self._name_at[t.i] is None for t in names)
                and self._role_beside(root, start)
            ):
                spans.append((start, root.i + 1))
        return spans

    def _honoured_names(self, seen: set[int]) -> list[tuple[int, int]]:
        """Capitalised proper nouns right after an honorific that no person entity covers ("Mr
        Farage", as British outlets write it without a full stop, which the recogniser often
        misses)."""
        doc, spans = self.doc, []
        for tok in (doc[i] for i, word in enumerate(self._words) if word in HONORIFICS):
            end = tok.i + 1
            while end < len(doc) and end not in seen and doc[end].pos_ == "PROPN" and doc[end].is_title:
                end += 1
            if end > tok.i + 1 and all(self._name_at[i] is None for i in range(tok.i + 1, end)):
                spans.append((tok.i, end))
        return spans

    def _role_beside(self, root: Token, start: int) -> bool:
        """Whether a person's role is set beside the name [start, root]: an appositive either way
        round, a role word attached into the name before it, or a capitalised one opening it."""
        doc = self.doc
        before = doc[start - 1] if start else None
        return (
            _role_apposed(root)
            or (root.dep_ == "appos" and _person_role(root.head))
            or (before is not None and _person_role(before) and start <= before.head.i <= root.i)
            or (root.i - start > 1 and _person_role(doc[start]))
        )

    def _past_particle(self, end: int) -> int:
        """The end of a name the entity recogniser cut at a particle ("Ursula von" + "der Leyen")."""
        doc = self.doc
        while (
            end < len(doc)
            and doc[end - 1].lower_ in NAME_PARTICLES
            and (doc[end].lower_ in NAME_PARTICLES or (doc[end].is_title and doc[end].pos_ == "PROPN"))
        ):
            end += 1
        return end

    def _index_people(self) -> None:
        doc = self.doc
        for start, end in self._person_spans():
            gender = None
            while start < end and doc[start].lower_ in HONORIFICS:
                gender = HONORIFIC_GENDER.get(doc[start].lower_)
                start += 1
            if start > 0 and doc[start - 1].lower_ in HONORIFICS:
                gender = HONORIFIC_GENDER.get(doc[start - 1].lower_, gender)
            while end > start and (doc[end - 1].dep_ == "case" or doc[end - 1].is_punct):
                end -= 1
            while end - start > 1 and self._role(doc[start]):  # "President Biden" inside the entity
                start += 1
            if start >= end:
                continue
            if gender is None and end - start > 1:  # a given name before a surname ("Mark Lee")
                gender = GIVEN_NAME_GENDER.get(fold(doc[start].text))
            span = doc[start:end]
            person = self._link_person(span)
            person.saw(span.text)
            person.gender = person.gender or gender
            self._describe_person(person, span)
            for i in range(span.start, span.end):
                self._person_at[i] = person
            self._mentions.append(
                Mention(span.start, span.end, span.root.i, self._sent_of[span.start], self._is_topic(span), person)
            )
        self._learn_genders()

    def _learn_owners(self) -> None:
        """People with no country yet read again once the short forms are indexed: "the group's
        executive director, Ana Ruiz" after Amnesty International is of the group."""
        for m in self._mentions:
            if m.person.code is None:
                self._describe_person(m.person, self.doc[m.i : m.end])

    def _learn_genders(self) -> None:
        """Give a person of unknown gender the one the pronouns say: a he/she whose sentence so
        far, or else the sentence before, names that person alone ("Ochieng said ... 'IS Sahel
        has grown,' she said"); a person the pronouns disagree about keeps no gender."""
        votes: dict[int, tuple[Person, set[str]]] = {}
        starts = [m.i for m in self._mentions]
        for tok in self.doc:
            gender = PRONOUN_GENDER.get(tok.lower_)
            if gender is None or tok.pos_ != "PRON" or tok.i in self._person_at:
                continue
            sent = self._sent_of[tok.i]
            before = self._mentions[: bisect_left(starts, tok.i)]
            for n in (sent, sent - 1):
                people = {id(m.person): m.person for m in before if m.sent == n}
                if people:
                    if len(people) == 1:
                        person = next(iter(people.values()))
                        votes.setdefault(id(person), (person, set()))[1].add(gender)
                    break
        for person, genders in votes.values():
            if person.gender is None and len(genders) == 1:
                person.gender = genders.pop()

    def topic_people(self) -> list[Token]:
        """The head token of each mention of a person that is the topic of its clause (its
        subject, or the first person before the main verb: "For Sithole, the journey ..."), in
        text order: what a later "he" or "she" most likely stands for."""
        return [self.doc[m.root] for m in self._mentions if m.subject]

    def is_person(self, i: int) -> bool:
        """Whether token i is part of the name of one of the article's people."""
        return i in self._person_at

    def names_body_or_place(self, i: int) -> bool:
        """Whether token i is part of a listed body's or place's name ("Al-Shabab", "Kenya"),
        whatever the entity recogniser called it."""
        hit = self._name_at[i]
        return hit is not None and not hit.qualifier and hit.value.kind in LISTED_KINDS

    def introduces_person(self, i: int) -> bool:
        """Whether token i names a person the article first names in this sentence (where the
        story introduces someone, often right after a quote of theirs)."""
        person = self._person_at.get(i)
        first = next((m for m in self._mentions if m.person is person), None)
        return first is not None and first.sent == self._sent_of[i]

    def gender_at(self, i: int) -> str | None:
        """The gender ("m"/"f") of the person named at token i, when the article tells it."""
        person = self._person_at.get(i)
        return person.gender if person else None

    def _is_topic(self, span: Span) -> bool:
        """Whether a mention is its clause's subject, or the first person of its sentence
        standing before the main verb (the parser sometimes misses "Trump hosted Erdogan")."""
        if span.root.dep_ in {"nsubj", "nsubjpass"}:
            return True
        if span.root.dep_ == "poss":  # "Museveni's party won": the party is the topic
            return False
        sent = self.sentences.spans[self._sent_of[span.start]]
        first = not self._mentions or self._mentions[-1].sent != self._sent_of[span.start]
        return first and span.end <= sent.root.i

    def _link_person(self, span: Span) -> Person:
        """The article's Person this mention belongs to (created if new)."""
        text = span.text
        known = self._known_person(span)
        words = text.split()
        key = fold(text)
        for p in reversed(self._persons):
            if fold(p.name) == key or (known is not None and p.known == known):
                return p
        if len(words) == 1:
            for pos in (-1, 0):  # surname ("Sullivan", "Bashir"), then family name first ("Zhao", "Xi")
                for p in reversed(self._persons):
                    name = fold(p.name)
                    if NAME_PARTS.split(name)[pos] == key or name.split()[pos] == key:
                        return p
        else:
            for p in reversed(self._persons):
                if (" " not in p.name or p.guessed) and fold(p.name.split()[-1]) == fold(words[-1]):
                    p.name, p.known = text, known if p.guessed else p.known or known
                    p.guessed = False
                    return p
        guessed = False
        introduced = len(words) == 1 and _role_apposed(span.root)
        if known is None and not introduced:  # "Mohammed, a teacher," is someone new, not a listed Mohammed
            guessed = len(words) == 1
            parts = NAME_PARTS.split(text.lower())
            known = self.lex.surnames.get(parts[-1] if len(words) == 1 else f"{parts[0]} {parts[-1]}")
            for p in reversed(self._persons):
                if known is not None and p.known == known:
                    return p
        person = Person(known.name if known and len(words) == 1 else text, known=known, guessed=guessed and bool(known))
        if known:
            person.gender = known.gender
        self._persons.append(person)
        return person

    def _known_person(self, span: Span) -> Named | None:
        hit = self._name_at[span.start]
        if hit and hit.value.kind == "person" and hit.start == span.start and hit.end == span.end:
            return hit.value
        entry = self.lex.by_text.get(span.text.lower())
        return entry if entry and entry.kind == "person" else None

    def _describe_person(self, person: Person, span: Span) -> None:
        """Fill title, code and sector from the words around the name: the prefix ("Kremlin
        spokesman Dmitry Peskov"), an appositive ("Zhao, a Chinese foreign ministry spokesman"),
        a relative clause ("Yang, who is director of ...") or a copula ("Yang is director of ...")."""
        for desc in self._person_descriptions(span):
            if desc.title and desc.title not in person.titles:
                person.titles.append(desc.title)
            if desc.title and not person.title:
                person.title = desc.title
                person.gender = person.gender or ROLE_GENDER.get(desc.title.split()[-1].lower())
            if desc.body and desc.title and desc.body.name not in person.bodies:
                person.bodies.append(desc.body.name)
            if desc.code and not person.code:
                person.code = desc.code
            if desc.sector and not person.sector:
                person.sector = desc.sector

    def _person_descriptions(self, span: Span) -> Iterator[Description]:
        doc = self.doc
        root = span.root
        prefix = self._prefix(span.start, span.end)
        origin = [
            t
            for prep in root.rights
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from"} and prep.i == span.end
            for t in prep.subtree
            if not t.is_punct
        ]  # "President Ruto of Kenya"
        if prefix or origin:
            yield self._describe(prefix + origin[:TITLE_MAX], need_role=True)
        elif (title := self._title_beside(span)) is not None:
            yield self._describe(title, need_role=True)
        for child in root.children:
            if child.left_edge.i > span.end + 1:  # belongs to a later conjunct ("Sullivan and Yang, who")
                continue
            if child.dep_ == "appos" and child.ent_type_ != "PERSON" and not child.like_num:  # not names, not an age
                yield self._describe(self._phrase_tokens(child))
            elif child.dep_ == "relcl" and child.lemma_ == "be":
                for attr in child.children:
                    if attr.dep_ == "attr":
                        yield self._describe(self._phrase_tokens(attr))
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "Mills is an analyst at Chatham House"
            for attr in root.head.children:
                if attr.dep_ == "attr" and attr.pos_ == "NOUN":
                    yield self._describe(self._phrase_tokens(attr))
        if root.dep_ == "appos" and root.head.i < span.start and self._person_at.get(root.head.i) is None:
            head = root.head
            role = head.head.head
            if head.dep_ == "pobj" and role.i < head.i and (self._role(role) or role.lemma_.lower() in PERSON_ROLES):
                head = role  # "the U.N. envoy for Libya, Hanna Tetteh", "Amnesty's director for Asia, ..."
                yield self._describe([t for t in doc[head.left_edge.i : root.left_edge.i] if not t.is_punct])
            else:
                yield self._describe(list(doc[head.left_edge.i : head.i + 1]))

    def _prefix(self, start: int, end: int) -> list[Token]:
        """Tokens right before a name that attach into it: "Chinese Foreign Ministry spokesman"."""
        doc = self.doc
        i = start - 1
        while i >= 0 and start - i <= TITLE_MAX:
            tok = doc[i]
            into = tok.i < tok.head.i < end
            if not (into or tok.dep_ == "case" or tok.text in "[("):
                break
            if tok.ent_type_ == "PERSON" and self._person_at.get(i) is None and not into:
                break
            i -= 1
        return [t for t in doc[i + 1 : start] if not t.is_punct]

    def _title_beside(self, span: Span) -> list[Token] | None:
        """A title phrase right before the name that the parser hung beside it rather than into
        it ("Chad's army chief of staff Ali Mahamat said": chief and Chon both subjects
        of said, or the name hung from the title, or the title from the name past its
        preposition: "Secretary of State Ali Mahamat"): its tokens, or None."""
        if span.start == 0 or self.doc[span.start - 1].is_punct:
            return None
        top = self.doc[span.start - 1]
        while top.head.i < span.start and top.head.i != top.i:
            top = top.head
        root = span.root
        if (
            top.i in self._person_at
            or self._role(top) is None
            or not (top.head.i in (root.head.i, root.i) or root.head.i == top.i)
        ):
            return None
        return [t for t in self.doc[top.left_edge.i : span.start] if not t.is_punct][-TITLE_MAX:]

    def _phrase_tokens(self, head: Token) -> list[Token]:
        """A noun phrase's tokens up to TITLE_MAX, without clauses hanging off it."""
        toks = [t for t in head.subtree if not t.is_punct]
        cut = [t.i for t in head.children if t.dep_ in {"relcl", "acl", "advcl"}]
        if cut:
            toks = [t for t in toks if t.i < min(cut)]
        return toks[:TITLE_MAX]

    def _antecedent(self, i: int, gender: str) -> Person | None:
        """The person a he/she at token i points to: the latest compatible subject of this or
        the previous sentences, else the latest compatible mention (a salience rule)."""
        k = bisect_left(self._mentions, i, key=lambda m: m.i)
        sent = self._sent_of[i]
        fallback = None
        for m in reversed(self._mentions[:k]):
            if sent - m.sent > PRONOUN_WINDOW:
                break
            if m.person.gender not in {None, gender}:
                continue
            if m.subject:
                return m.person
            fallback = fallback or m.person
        return fallback


def _role_apposed(root: Token) -> bool:
    """Is a role only a person holds set beside the name ("Mohammed, a teacher,")?"""
    return any(c.dep_ == "appos" and _person_role(c) for c in root.children)


def _person_role(tok: Token) -> bool:
    """A singular role noun only a person holds ("lawyer", "mother")."""
    return tok.tag_ in ("NN", "NNP") and tok.lemma_.lower() in PERSON_ROLES
