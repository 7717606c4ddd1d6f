"""Short forms of named organisations: "the ministry" after "Kenya's Ministry of Foreign
Affairs", "the mission" after "the UN Mission in South Sudan" (docs/design.md, actors)."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from ...model import Actor
from .tables import DEFINITE, GROUP_NOUNS, GROUP_SECTORS, MODIFIER_DEPS, SHORT_FORM_HEADS

OWNER_DEPS = frozenset({"compound", "pobj", "poss"})  # a body's short form in a role phrase


class ShortForms:
    """The short-form index of `ArticleActors` (article.py): each organisation the article names
    in full, by its head word, which a later definite "the <head word>" stands for."""

    _full_forms: dict[str, list[Span]]  # organisations named in full, by head word (`_index_short_forms`)

    def _index_short_forms(self) -> None:
        """Organisation entities of more than one word ("the Indonesian Navy"), and common nouns
        a place or body names the owner of ("Kenya's presidency"), by head word, in text order;
        listed bodies outside the state and organisations no list knows also as "the group"
        (actor_words.yaml group_nouns)."""
        forms = [
            ent for ent in self.doc.ents if ent.label_ == "ORG" and _is_full_name([t for t in ent if t.dep_ != "det"])
        ]
        for tok in self.doc:
            ent = self._ent_at[tok.i]  # the recogniser may label a lower-case phrase: "defense ministry"
            if (
                tok.is_lower
                and tok.pos_ in ("NOUN", "PROPN")
                and (ent is None or all(t.is_lower for t in ent))
                and any(self._owner(c) for c in tok.lefts)
            ):
                forms.append(self.doc[tok.left_edge.i : tok.i + 1])
        keyed = [(form.root.lemma_.lower(), form) for form in forms]
        for ent in self.doc.ents:  # an organisation no list knows, unless of the state, is "the group" too
            if ent.label_ == "ORG" and not ent[-1].is_lower and self._name_at[ent.root.i] is None:
                role = self._role(ent.root)  # "Ministry of Health": GOV
                if role is None or role.value.sector in GROUP_SECTORS:
                    keyed += [(noun, ent) for noun in GROUP_NOUNS]
        for tok in self.doc:  # a one-word name the recogniser missed that acts: "Gazprom halted supplies"
            if self._is_unlabelled_actor(tok):
                keyed += [(noun, self.doc[tok.i : tok.i + 1]) for noun in GROUP_NOUNS]
        for i, hit in enumerate(self._name_at):  # listed bodies, also by acronym: "NATO", "the EU"
            if hit is not None and hit.start == i and hit.value.kind == "body":
                form = self.doc[hit.start : hit.end]
                keyed += [(key, form) for key in {form[-1].lower_, hit.value.name.split()[-1].lower()}]
                if hit.value.sector in GROUP_SECTORS:  # "the group" after "Human Rights Watch"
                    keyed += [(noun, form) for noun in GROUP_NOUNS]
        for key, form in sorted(keyed, key=lambda kf: kf[1].start):
            self._full_forms.setdefault(key, []).append(form)

    def _is_unlabelled_actor(self, tok: Token) -> bool:
        """A capitalised word alone, subject of its clause, that no entity, list or person covers."""
        return (
            tok.pos_ == "PROPN"
            and tok.dep_ in ("nsubj", "nsubjpass")
            and tok.is_title
            and not tok.ent_type_
            and not any(c.dep_ in ("compound", "amod", "det") for c in tok.children)
            and self._name_at[tok.i] is None
            and tok.i not in self._person_at
        )

    def _owner(self, tok: Token) -> bool:
        """Whether a modifier names a country or body that owns its head ("Kenya's", "Indonesian")."""
        hit = self._modifier_name(tok)
        return tok.dep_ in MODIFIER_DEPS and hit is not None and hit.value.code is not None

    def _short_form_actor(self, head: Token, lo: int, text: str) -> Actor | None:
        """The organisation a definite noun ("the agency", "the regional body": adjectives that
        name no place may describe it) shortens: the latest one named in full before it whose head
        word is that noun, with its full name; None for any other phrase and for a role a person
        was named with."""
        ent = self._ent_at[head.i]
        if not head.is_lower or (ent is not None and len(ent) > 1 and not all(t.is_lower for t in ent)):
            return None  # a name; a lower-case "entity" ("the coast guard") is none
        if self.doc[lo].lower_ not in DEFINITE or self._role_antecedent(head) is not None:
            return None  # "the spokeswoman" is the person named with that title
        form = self._latest_full_form(head, lo)
        if form is None:
            return None
        actor = self._full_form_actor(form, text)
        if not self._describes(form, self.doc[lo + 1 : head.i], actor.code):
            return None
        said = self._role_at[head.i]  # "the press freedom group": an NGO, not the armed group named before
        if said is not None and said.start < head.i and said.value.sector not in (None, actor.sector) and actor.sector:
            return None
        return actor

    def _full_form_actor(self, form: Span, text: str) -> Actor:
        """The actor of a full name that the phrase `text` shortens, with that name."""
        full = self._with_place(form)
        actor = self._resolve(form.root, form.start, form.end, form.text) or Actor(text=form.text)
        if actor.name is None or full.end > form.end:
            name = self.doc[full.start + (full[0].dep_ == "det") : full.end].text
        else:
            name = actor.name
        owned_by = [t for t in form if t.i != form.root.i] + [c for c in form.root.lefts if c.i < form.start]
        owners = [self._modifier_name(t) for t in owned_by if self._owner(t)]  # "Kenya's Ministry of ..."
        owners += [self._modifier_name(t) for t in full[form.end - full.start :]]  # "... of Ghana"
        code = actor.code or next((h.value.code for h in owners if h is not None), None)
        aliases = [w for w in dict.fromkeys((form.text, text)) if w != name]
        return Actor(text=text, name=name, code=code, sector=actor.sector, aliases=aliases)

    def short_form_owner(self, head: Token, tokens: list[Token], lo: int) -> Actor | None:
        """The body a role phrase or a document names by a short form among `tokens` ("a ministry
        spokesperson", "a spokesperson for the group", "the agency's chief", "a ministry statement"): the organisation
        named in full before it."""
        for tok in tokens:
            if tok.i != head.i and tok.is_lower and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in OWNER_DEPS:
                form = self._latest_full_form(tok, lo)
                if form is not None:
                    return self._full_form_actor(form, tok.text)
        return None

    def _describes(self, form: Span, modifiers: Span, code: str | None) -> bool:
        """Whether the words before a short form's head may describe the full form (of country or
        kind `code`): adjectives that name no place ("the regional body"), nouns that name no place
        nor role (what the body works for: "the press freedom group"), words of the full name ("the
        coast guard" after "the Philippine Coast Guard"), or a place or body of the same code ("the
        U.N. food agency" after "the World Food Programme")."""
        words = {t.lower_ for t in form}
        return all(
            t.lower_ in words
            or (code is not None and (hit := self._modifier_name(t)) is not None and hit.value.code == code)
            or (t.tag_ == "JJ" and self._name_at[t.i] is None)
            or (t.tag_ == "NN" and t.dep_ == "compound" and self._name_at[t.i] is None and not self._word_role(t))
            for t in modifiers
        )

    def _word_role(self, tok: Token) -> bool:
        """Whether the word alone is a role ("rebel"), not only inside a longer role phrase."""
        return (tok.lemma_.lower(),) in self.lex.roles.entries

    def _latest_full_form(self, head: Token, lo: int) -> Span | None:
        """The latest full name ending before the short form [lo, head] whose head word is the
        short form's, or one that generic noun may stand for (actor_words.yaml short_form_heads:
        "the bloc" -> union)."""
        lemma = head.lemma_.lower()
        latest = None
        for key in SHORT_FORM_HEADS.get(lemma, frozenset()) | {lemma}:
            forms = self._full_forms.get(key, [])
            before = [form for form in forms[: bisect_left(forms, lo, key=lambda e: e.start)] if form.end <= lo]
            if before and (latest is None or before[-1].start > latest.start):
                latest = before[-1]
        return latest

    def _with_place(self, ent: Span) -> Span:
        """The organisation's name with the place the parse hung after it ("the UN Mission" +
        "in South Sudan"), when the entity leaves it out or cuts it after its preposition ("the
        Ministry of Foreign Affairs of" + "Ghana")."""
        doc, end = self.doc, ent.end
        prep = doc[end - 1] if doc[end - 1].dep_ == "prep" else doc[end] if end < len(doc) else None
        if prep is not None and prep.dep_ == "prep" and ent.start <= prep.head.i < ent.end:
            place = prep.right_edge.i + 1
            if place > end and all(t.ent_type_ in ("GPE", "LOC") for t in doc[prep.i + 1 : place] if t.dep_ != "det"):
                end = place
        return doc[ent.start : end]


def _is_full_name(words: list[Token]) -> bool:
    """Two words or more, not all lower case: "the coast guard" is itself a short form."""
    return len(words) > 1 and not all(t.is_lower for t in words)
