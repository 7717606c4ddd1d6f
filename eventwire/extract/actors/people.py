"""The people of one article: each named person merged over all mentions (fullest name,
title, country, gender), so that a later surname, pronoun or title points back."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from spacy.tokens import Span, Token

from .records import Description, Mention, Person
from .tables import (
    HONORIFIC_GENDER,
    HONORIFICS,
    NAME_PARTS,
    NOT_PERSON,
    PRONOUN_WINDOW,
    ROLE_GENDER,
    TITLE_MAX,
    Named,
)


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
                spans.append((ent.start, ent.end))
        seen = {i for s, e in spans for i in range(s, e)}
        surnames = {self.doc[e - 1].text for s, e in spans if e - s > 1}
        for tok in self.doc:
            i = tok.i
            hit = self._name_at[i]
            if i in seen:
                continue
            if hit and hit.start == i and hit.value.kind == "person":
                spans.append((hit.start, hit.end))
                seen.update(range(hit.start, hit.end))
            elif (
                hit is None
                and tok.pos_ == "PROPN"
                and tok.text in surnames
                and (self._ent_at[i] is None or len(self._ent_at[i]) == 1)
            ):
                spans.append((i, i + 1))
        return sorted(spans)

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
            span = doc[start:end]
            person = self._link_person(span)
            person.gender = person.gender or gender
            self._describe_person(person, span)
            for i in range(span.start, span.end):
                self._person_at[i] = person
            self._mentions.append(Mention(span.start, self._sent_of[span.start], self._is_topic(span), person))

    def _is_topic(self, span: Span) -> bool:
        """Whether a mention is its clause's subject, or the first person of its sentence
        standing before the main verb (the parser sometimes misses "Trump hosted Erdogan")."""
        if span.root.dep_ in {"nsubj", "nsubjpass"}:
            return True
        sent = self.sentences.spans[self._sent_of[span.start]]
        first = not self._mentions or self._mentions[-1].sent != self._sent_of[span.start]
        return first and span.end <= sent.root.i

    def _link_person(self, span: Span) -> Person:
        """The article's Person this mention belongs to (created if new)."""
        text = span.text
        known = self._known_person(span)
        words = text.split()
        for p in reversed(self._persons):
            if p.name == text or (known is not None and p.known == known):
                return p
        if len(words) == 1:
            for pos in (-1, 0):  # surname ("Sullivan", "Bashir"), then family name first ("Zhao", "Xi")
                for p in reversed(self._persons):
                    if NAME_PARTS.split(p.name)[pos] == text or p.name.split()[pos] == text:
                        return p
        else:
            for p in reversed(self._persons):
                if " " not in p.name and p.name == words[-1]:
                    p.name, p.known = text, p.known or known
                    return p
        if known is None:
            parts = NAME_PARTS.split(text.lower())
            known = self.lex.surnames.get(parts[-1] if len(words) == 1 else f"{parts[0]} {parts[-1]}")
            for p in reversed(self._persons):
                if known is not None and p.known == known:
                    return p
        person = Person(known.name if known and len(words) == 1 else text, known=known)
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
        spokesman Dmitry Peskov"), an appositive ("Zhao, a Chinese foreign ministry spokesman")
        or a relative clause ("Yang, who is director of ...")."""
        for desc in self._person_descriptions(span):
            if desc.title and not person.title:
                person.title = desc.title
                person.gender = person.gender or ROLE_GENDER.get(desc.title.split()[-1].lower())
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
        ]  # "King Hassan of Morocco"
        if prefix or origin:
            yield self._describe(prefix + origin[:TITLE_MAX], need_role=True)
        elif (title := self._title_beside(span)) is not None:
            yield self._describe(title, need_role=True)
        for child in root.children:
            if child.left_edge.i > span.end + 1:  # belongs to a later conjunct ("Sullivan and Yang, who")
                continue
            if child.dep_ == "appos" and child.ent_type_ != "PERSON":  # not a list of names
                yield self._describe(self._phrase_tokens(child))
            elif child.dep_ == "relcl" and child.lemma_ == "be":
                for attr in child.children:
                    if attr.dep_ == "attr":
                        yield self._describe(self._phrase_tokens(attr))
        if root.dep_ == "appos" and root.head.i < span.start and self._person_at.get(root.head.i) is None:
            head = root.head
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
        it ("North Korea's army chief of staff Pak Jong Chon said": chief and Chon both subjects
        of said, or the name hung from the title): its tokens, or None."""
        if span.start == 0 or self.doc[span.start - 1].is_punct:
            return None
        top = self.doc[span.start - 1]
        while top.head.i < span.start and top.head.i != top.i:
            top = top.head
        root = span.root
        if (
            top.i in self._person_at
            or self._role(top) is None
            or not (top.head.i == root.head.i or root.head.i == top.i)
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
