"""Short forms of named organisations: "the ministry" after "Kenya's Ministry of Foreign
Affairs", "the mission" after "the UN Mission in South Sudan" (docs/design.md, actors)."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from ...model import Actor
from .tables import DEFINITE


class ShortForms:
    """The short-form index of `ArticleActors` (article.py): each organisation the article names
    in full, by its head word, which a later definite "the <head word>" stands for."""

    def _index_short_forms(self) -> None:
        self._full_forms: dict[str, list[Span]] = {}
        for ent in self.doc.ents:
            if ent.label_ == "ORG" and len([t for t in ent if t.dep_ != "det"]) > 1:
                self._full_forms.setdefault(ent.root.lemma_.lower(), []).append(ent)

    def _short_form_actor(self, head: Token, lo: int, text: str) -> Actor | None:
        """The organisation a bare definite noun ("the agency") shortens: the latest one named in
        full before it whose head word is that noun, with its full name; None for any other phrase."""
        if head.pos_ != "NOUN" or head.ent_type_ or head.i - lo != 1 or self.doc[lo].lower_ not in DEFINITE:
            return None
        forms = self._full_forms.get(head.lemma_.lower(), [])
        k = bisect_left(forms, head.i, key=lambda e: e.start)
        if not k:
            return None
        ent = forms[k - 1]
        full = self._with_place(ent)
        actor = self._resolve(ent.root, ent.start, ent.end, ent.text) or Actor(text=ent.text)
        if actor.name is None or full.end > ent.end:
            name = self.doc[full.start + (full[0].dep_ == "det") : full.end].text
        else:
            name = actor.name
        return Actor(text=text, name=name, code=actor.code, sector=actor.sector)

    def _with_place(self, ent: Span) -> Span:
        """The organisation's name with the place the parse hung after it ("the UN Mission" +
        "in South Sudan"), when the entity leaves it out."""
        end = ent.end
        if end < len(self.doc) and self.doc[end].dep_ == "prep" and self.doc[end].head.i == ent.root.i:
            place = self.doc[end].right_edge.i + 1
            if all(t.ent_type_ in ("GPE", "LOC") for t in self.doc[end + 1 : place] if t.dep_ != "det"):
                end = place
        return self.doc[ent.start : end]
