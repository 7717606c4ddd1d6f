"""Role nouns of one article ("the spokesman", "the group") and who each points back to."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Span, Token

from ...model import Actor
from .records import Hit, Person
from .tables import (
    DEFINITE,
    HEAD_ROLES,
    INDEFINITE,
    INTERNATIONAL_HEADS,
    MODIFIER_DEPS,
    OUTSIDE_GOV,
    PERSON_ROLES,
    PLACE_KINDS,
    PRONOUN_WINDOW,
    ROLE_CLASS,
    ROLE_KINDS,
    ROLE_PREPS,
    STATE_KINDS,
    TITLE_ABBREVIATIONS,
    TITLE_MAX,
    Named,
    Role,
)

TITLE_WORD = re.compile(r"[^\W_][\w.-]*")  # "U.N. envoy", "president's" -> president, s
NAMED_AFTER = 2  # sentences after a role phrase read for the person it names


class RoleIndex:
    """The role index of `ArticleActors` (article.py): the role nouns and groups the article
    names, which a later "the spokesman" or "the group" points back to."""

    def _index_roles(self) -> None:
        """Antecedents for "the spokesman"/"the official": titled people and unnamed
        descriptions ("a senior US official"), by role class, in text order."""
        for m in self._mentions:
            p = m.person
            titles = p.titles or ([p.known.title] if p.known and p.known.title else [])
            for word in dict.fromkeys(w for title in titles for w in _role_words(title)):
                self._add_role_mention(word, m.i, p.actor(p.name))
        for tok in self.doc:
            hit = self._role_at[tok.i]
            if (
                hit is None
                or hit.end - 1 != tok.i
                or tok.pos_ not in {"NOUN", "PROPN"}
                or tok.i in self._person_at
                or tok.dep_ in MODIFIER_DEPS
                or self._describes_person(tok)
            ):
                continue
            det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
            if det in {"a", "an", "one"} or (det is None and tok.tag_ == "NN"):
                desc = self._describe(self._left_tokens(tok))
                if desc.has_role and (det is not None or desc.code):
                    text = self.doc[tok.left_edge.i : tok.i + 1].text
                    actor = Actor(text=text, name=text, code=desc.code, sector=desc.sector, title=desc.title)
                    self._add_role_mention(tok.lower_, tok.i, actor)
        for mentions in self._role_mentions.values():
            mentions.sort(key=lambda m: m[0])
        for i, hit in enumerate(self._name_at):
            if hit and hit.start == i and hit.value.kind == "body" and hit.value.sector:
                self._groups.setdefault(hit.value.sector, []).append((i, hit.value))

    def _person_by_title(self, head: Token, lo: int, hi: int) -> Person | None:
        """The person a role phrase repeats the title of ("Kenya's foreign minister", "the U.N.
        envoy", "the army spokesman" after the person named with that title): the latest one named
        before it one of whose titles holds every word of the phrase (a place word may be the
        person's country instead, and a person the one they work for: "Putin's spokesman").  Not an
        indefinite ("a spokesman") nor a plural."""
        if noun_tag(head) != "NN" or head.i in self._person_at or self._role(head) is None:
            return None
        words = [t for t in self.doc[lo : min(hi, head.i + 1)] if not t.is_punct and t.dep_ not in ("det", "case")]
        if any(t.lower_ in INDEFINITE for t in self.doc[lo : head.i]) or len(words) < 2:
            return None
        k = bisect_left(self._mentions, head.i, key=lambda m: m.i)
        for m in reversed(self._mentions[:k]):
            code = m.person.actor("").code
            for title in m.person.titles:
                said = set(TITLE_WORD.findall(title.lower()))
                if all(t.lower_ in said or self._owner_code(t) in (code, "") for t in words) and head.lower_ in said:
                    return m.person
        return None

    def _owner_code(self, tok: Token) -> str | None:
        """The code of the place or person a token names ("Kenya's", "Putin's" spokesman), "" for
        none known, None for neither."""
        hit = self._modifier_name(tok)
        if hit is not None and hit.value.kind in PLACE_KINDS:
            return hit.value.code or ""
        person = self._person_at.get(tok.i) if tok.dep_ == "poss" else None
        return None if person is None else person.actor("").code

    def _describes_person(self, tok: Token) -> bool:
        """Whether a role noun is set beside a person's name ("Amina Yusuf, a nurse", "the
        governor, Ada Obi") or said of it ("Sarah Mills is an analyst"): it is that person's
        title, not another person."""
        said_of = tok.dep_ == "attr" and tok.head.lemma_ == "be"
        return (
            (tok.dep_ == "appos" and tok.head.i in self._person_at)
            or any(c.dep_ == "appos" and c.i in self._person_at for c in tok.children)
            or (said_of and any(c.dep_ == "nsubj" and c.i in self._person_at for c in tok.head.children))
        )

    def _add_role_mention(self, word: str, i: int, actor: Actor) -> None:
        """Under the role's class, and under the general noun for it ("the lawmaker": a senator)."""
        role = ROLE_CLASS.get(word, word)
        for key in dict.fromkeys((role, ROLE_KINDS.get(role, role))):
            self._role_mentions.setdefault(key, []).append((i, actor))

    def _left_tokens(self, head: Token, lo: int = 0) -> list[Token]:
        """The head and the modifiers before it, within [lo, head]."""
        start = max(lo, min((c.left_edge.i for c in head.lefts if c.dep_ not in {"cc", "punct"}), default=head.i))
        return [t for t in self.doc[start : head.i] if not t.is_punct] + [head]

    def _role_actor(self, head: Token, lo: int, hi: int, text: str, role: Hit[Role]) -> Actor | None:
        """A role phrase: "Iraqi special forces", "the Chinese foreign ministry", "the spokesman"."""
        post = self._post_tokens(head, hi)
        toks = self._left_tokens(head, lo)
        if role.value.sector is None and not role.value.weak:  # "the analyst" named before, or a topic
            return self._anaphor_actor(head, toks, text, None) or self._topic_role_actor(post, text)
        desc = self._describe(toks + post[:TITLE_MAX])
        owner = self.short_form_owner(head, toks + post, lo) if desc.body is None else None
        anaphoric = desc.body is None and self._is_anaphoric(head, toks)
        if anaphoric:
            antecedent = self._anaphor_actor(head, toks, text, desc.code, desc.sector)
            if antecedent is not None:  # "the spokesman", "the Congolese president"
                return antecedent
        if anaphoric and desc.code is None:
            if noun_tag(head) == "NNS":  # "the militants", not "the governor"
                desc.body = self._group_antecedent(head.i, desc.sector)
            elif self._role_word(head) in INTERNATIONAL_HEADS:  # "The Secretary-General" of a UN statement
                desc.body = self._latest_body(head.i, "IGO")
            desc.code = desc.body.code if desc.body else None
        if desc.sector is None and desc.code is None and desc.body is None:
            return None  # "members", "the group": nothing says whose
        if role.value.owned and desc.code is None and desc.body is None:
            return None  # "drones", but "Russian drones" are Russia's military
        return Actor(
            text=text,
            # "a ministry spokesperson" after "Kenya's Ministry of Foreign Affairs" speaks for it (its
            # name, and its code when the phrase states none)
            name=desc.body.name if desc.body else owner.name if owner else None,
            code=desc.code or (owner.code if owner else None),
            sector=desc.sector,
            title=desc.title if head.tag_ != "NNS" else None,
        )

    def _post_tokens(self, head: Token, hi: int) -> list[Token]:
        """The words of the phrases that tie a role to a country or body ("of Kenya"), within [.., hi)."""
        return [
            t
            for prep in head.rights
            if prep.dep_ == "prep" and prep.lower_ in ROLE_PREPS
            for t in prep.subtree
            if t.i < hi and not t.is_punct
        ]

    def _head_of_body(self, head: Token, lo: int, hi: int, text: str) -> Actor | None:
        """The person a definite "the <body> chief", "the <body>'s chief" or "the head of <body>"
        stands for ("the U.N. chief", "the alliance head", "the institute's director"): the latest
        one named before it with a title of that body that heads it (head_roles of
        actor_words.yaml: "U.N. Secretary-General Ana Ruiz", "Ana Ruiz, the director of the Nordic
        Institute")."""
        if noun_tag(head) != "NN" or head.lemma_.lower() not in HEAD_ROLES:
            return None
        toks = self._left_tokens(head, lo)
        if not (toks[0].lower_ in DEFINITE or any(t.dep_ == "poss" for t in toks)):
            return None
        words = toks + self._post_tokens(head, hi)
        body = next((h.value.name for t in words if (h := self._modifier_name(t)) and h.value.kind == "body"), None)
        if body is None:
            owner = self.short_form_owner(head, words, lo)  # "the agency's chief"
            org = next((self._ent_at[t.i] for t in words if t.ent_type_ == "ORG"), None)  # "of the Nordic Institute"
            body = owner.name if owner else org.text.removeprefix("the ") if org else None
        if body is None:
            return None
        k = bisect_left(self._mentions, head.i, key=lambda m: m.i)
        for m in reversed(self._mentions[:k]):
            p = m.person
            heads = [t for t in p.titles if any(w in HEAD_ROLES for w in _role_words(t))]
            if heads and (body in p.bodies or any(_has_words(t, body) for t in heads)):
                return _named_again(p.actor(p.name), text)
        return None

    def _anaphor_actor(
        self, head: Token, toks: list[Token], text: str, code: str | None, sector: str | None = None
    ) -> Actor | None:
        """The person or description a definite singular role ("the spokesman") points back to."""
        if noun_tag(head) not in ("NN", "NNP") or not self._is_anaphoric(head, toks):  # one person
            return None
        return _named_again(self._role_antecedent(head, code, sector), text)

    def _title_word_actor(self, head: Token, lo: int, text: str) -> Actor | None:
        """A word the article gave a person as a title, after "the" alone ("the Republican" after
        "Ted Cruz, a Republican from Texas"): that person."""
        if lo != head.i - 1 or self.doc[lo].lower_ not in DEFINITE or head.tag_ not in ("NN", "NNP"):
            return None
        return _named_again(self._role_antecedent(head), text)

    def _is_topic_role(self, tok: Token) -> bool:
        role = self._role(tok)
        return role is not None and role.value.sector is None and not role.value.weak

    def _topic_role_actor(self, post: list[Token], text: str) -> Actor | None:
        """ "China experts in the US": a country before a topic role ("experts", "analysts") is
        their topic; only a place after it ("in the US", "from Japan") says where they are."""
        for tok in post:
            name = self._modifier_name(tok)
            if name is not None and name.value.kind in STATE_KINDS and name.value.code:
                return Actor(text=text, code=name.value.code)
        return None

    def _is_anaphoric(self, head: Token, toks: list[Token]) -> bool:
        """ "the spokesman", "the militants", "the Congolese president", "the Secretary-General": a
        definite role noun, or a title written in capitals, with at most one modifier."""
        det = [t for t in toks if t.dep_ == "det"]
        titled = head.tag_ == "NNP" and self._role_at[head.i] is not None
        return (
            (noun_tag(head) in {"NN", "NNS"} or titled) and bool(det) and det[0].lower_ in DEFINITE and len(toks) <= 3
        )

    def _latest_body(self, i: int, code: str) -> Named | None:
        """The latest body with this code named before token i, else the first named after it in
        its sentence ("The Secretary-General condemns the attack on the UN mission")."""
        end = self.doc[i].sent.end
        for hit in [*reversed(self._name_at[:i]), *self._name_at[i:end]]:
            if hit is not None and hit.value.kind == "body" and hit.value.code == code:
                return hit.value
        return None

    def _group_antecedent(self, i: int, sector: str | None) -> Named | None:
        """The named group "the militants"/"the fighters" points back to: the latest body of the
        same sector within the last sentences (al-Shabab, Hamas)."""
        groups = self._groups.get(sector or "", [])
        k = bisect_left(groups, i, key=lambda g: g[0])
        if k and self._sent_of[i] - self._sent_of[groups[k - 1][0]] <= PRONOUN_WINDOW:
            return groups[k - 1][1]
        return None

    def _role_word(self, head: Token) -> str:
        """The role word a phrase ends in, hyphenated ones whole ("the secretary-general")."""
        hit = self._role_at[head.i]
        if hit is None or hit.end - 1 != head.i or not any(t.text == "-" for t in self.doc[hit.start : hit.end]):
            return head.lower_
        return "".join(t.lower_ for t in self.doc[hit.start : hit.end])

    def _role_antecedent(self, head: Token, code: str | None = None, sector: str | None = None) -> Actor | None:
        """The latest person or description named with this role before `head` (of country
        `code`, when given; of the sector outside government `sector` says, when it says one: "the
        opposition leader" is not the president named since)."""
        word = self._role_word(head)
        mentions = self._role_mentions.get(ROLE_CLASS.get(word, word), [])
        k = bisect_left(mentions, head.i, key=lambda m: m[0])
        outside = sector if sector in OUTSIDE_GOV else None
        return next(
            (
                a
                for _, a in reversed(mentions[:k])
                if code in (None, a.code) and (outside is None or a.sector in (None, outside))
            ),
            None,
        )

    def is_person_anaphor(self, span: Span) -> bool:
        """Whether a phrase is a definite singular role only a person holds ("the veteran
        politician", "the opposition leader"), which points back to someone."""
        head = span.root
        toks = self._left_tokens(head, span.start)
        return head.lemma_.lower() in PERSON_ROLES and noun_tag(head) == "NN" and self._is_anaphoric(head, toks)

    def person_named_after(self, span: Span, code: str | None) -> Actor | None:
        """The person a definite role ("the Ukrainian president", of country `code` when given)
        names in the next sentences: a story may quote someone by role and name them only after.
        For speakers only: an event's "the president" keeps to what came before."""
        head = span.root
        if noun_tag(head) != "NN" or not self._is_anaphoric(head, self._left_tokens(head, span.start)):
            return None
        word = self._role_word(head)
        mentions = self._role_mentions.get(ROLE_CLASS.get(word, word), [])
        people = {p.name for p in self._persons}
        sent = self._sent_of[head.i]
        return next(
            (
                replace(a, text=span.text)
                for i, a in mentions[bisect_left(mentions, head.i, key=lambda m: m[0]) :]
                if self._sent_of[i] - sent <= NAMED_AFTER and a.name in people and code in (None, a.code)
            ),
            None,
        )


def _named_again(antecedent: Actor | None, text: str) -> Actor | None:
    """The person a later phrase names again, with that phrase as its text and one more alias
    ("the farmer": one more way to name her)."""
    if antecedent is None:
        return None
    aliases = [w for w in dict.fromkeys([*antecedent.aliases, text]) if w != antecedent.name]
    return replace(antecedent, text=text, aliases=aliases)


def noun_tag(tok: Token) -> str:
    """A token's tag, a lower-case word the tagger took for a name ("the minister said" after a
    quote: NNP) read as the common noun it is."""
    return {"NNP": "NN", "NNPS": "NNS"}.get(tok.tag_, tok.tag_) if tok.is_lower else tok.tag_


def _role_words(title: str) -> list[str]:
    """The role nouns of a title: its last word before any preposition ("nurse at the district
    hospital" -> nurse, "Foreign Minister" -> minister) and each word only a person's role
    ("former ambassador to Kenya" -> ambassador), abbreviations written out ("Gen." -> general), and the
    roles of two words or more that role_kinds names ("Secretary of State")."""
    words = [TITLE_ABBREVIATIONS.get(w.rstrip("."), w) for w in title.lower().split()]
    cut = next((n for n, w in enumerate(words) if n and w in ROLE_PREPS), len(words))
    joined = f" {' '.join(words)} "
    phrases = [p for p in ROLE_KINDS if " " in p and f" {p} " in joined]  # "prime minister": a leader
    return list(dict.fromkeys([words[cut - 1]] + [w for w in words[:cut] if w in PERSON_ROLES] + phrases))


def _has_words(text: str, words: str) -> bool:
    """Does `text` hold `words` as whole words ("UN" in "UN Secretary-General", not in "Tunisian")?"""
    return re.search(rf"(?<!\w){re.escape(words.lower())}(?!\w)", text.lower()) is not None
