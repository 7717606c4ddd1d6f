"""What a role phrase tells of who it stands for: "a senior US official" -> USA, GOV, title."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .records import Description, Hit
from .tables import (
    DEFINITE,
    OUTSIDE_GOV,
    PERSON_ROLES,
    PLACE_KINDS,
    PRONOUN_GENDER,
    TITLE_ABBREVIATIONS,
    Named,
    Role,
)


class Descriptions:
    """How `ArticleActors` (article.py) reads a role phrase: code, sector, title and body."""

    def _role(self, tok: Token) -> Hit[Role] | None:
        """The role hit covering `tok`, or a lemma match ("ministries" -> ministry), or its
        abbreviation's ("Gen." -> general)."""
        hit = self._role_at[tok.i]
        if hit is not None:
            return hit
        entries = self.lex.roles.entries
        m = entries.get((tok.lemma_.lower(),)) or entries.get((TITLE_ABBREVIATIONS.get(tok.lower_.rstrip("."), ""),))
        return Hit(tok.i, tok.i + 1, m.value) if m else None

    def _describe(self, tokens: list[Token], need_role: bool = False) -> Description:
        """Code, sector, title and body of a role phrase, read from its words.

        The head role gives the sector ("minister" GOV, "troops" MIL) unless it is generic
        ("spokesman", "official", "members") and a modifier names a more specific one ("police
        spokesman" COP, "Hamas official" REB, "members of parliament" GOV).  Country words before
        the head give the code and stay out of the title; after a preposition ("president of
        Kenya", "director of the Office of the Chinese Communist Party") they give the code if
        none was given, and an unknown organisation there ("president of the Council on Foreign
        Relations") leaves no sector.  A topic word ("an Iran analyst") makes the country a
        topic, not a nationality.  A title of one country's offices ("Republican senator",
        agents_extra.tsv `code`) gives that country when no word names one.  With `need_role`, a
        phrase without any role or institution gives no title."""
        reading = _Reading()
        for tok in tokens:
            reading.post = reading.post or (tok.dep_ == "prep" and bool(reading.title_toks))
            if reading.post:
                self._read_after_preposition(reading, tok)
            else:
                self._read_before_preposition(reading, tok)
        return reading.finish(need_role)

    def _read_after_preposition(self, r: _Reading, tok: Token) -> None:
        """A word after the head's preposition ("president of Kenya"): the code if none was
        given, a body or its sector, and whether an unknown organisation is named there."""
        name, person, role = self._modifier_name(tok), self._person_at.get(tok.i), self._role(tok)
        kind = name.value.kind if name is not None else None
        desc = r.desc
        r.title_toks.append(tok)
        code = name.value.code if name is not None else (person.actor("").code if person else None)
        if tok.dep_ in {"compound", "amod", "nmod"} and self._is_topic_role(tok.head):
            code = None  # "a group of China experts": a topic, not where they are from
        desc.code = desc.code or code
        if kind in {"seat", "body"}:
            desc.body = desc.body or (name.value if kind == "body" else None)
            r.post_sector = r.post_sector or name.value.sector
        elif role is not None and role.value.sector and not role.value.weak:
            r.post_sector = r.post_sector or role.value.sector
        r.unknown_org = r.unknown_org or (name is None and tok.ent_type_ == "ORG")

    def _read_before_preposition(self, r: _Reading, tok: Token) -> None:
        """A word up to the head: a person's or a place's code (kept out of the title), a seat or
        body (part of the title: "Kremlin spokesman"), or a role word and its sector."""
        name, person, role = self._modifier_name(tok), self._person_at.get(tok.i), self._role(tok)
        kind = name.value.kind if name is not None else None
        desc = r.desc
        if person is None and tok.dep_ == "poss" and tok.lower_ in PRONOUN_GENDER:
            person = self._antecedent(tok.i, PRONOUN_GENDER[tok.lower_])  # "his troops"
        if person is not None:
            desc.code = desc.code or person.actor("").code
            return
        if name is None and tok.dep_ == "poss" and (owner := self.short_form_owner(tok.head, [tok], tok.i)):
            desc.code = desc.code or owner.code  # "the group's director" after Amnesty International
            r.mod = r.mod or owner.sector
            return
        if kind in PLACE_KINDS or (tok.dep_ == "case" and self._is_place(tok.head)):
            if not (r.ethnic and kind == "demonym"):  # "ethnic Albanian guerrillas" live elsewhere
                r.bare_place = r.bare_place or (not desc.code and tok.dep_ == "compound" and kind != "demonym")
                desc.code = desc.code or (name.value.code if name is not None else None)
            return
        r.ethnic = r.ethnic or tok.lower_ == "ethnic"
        if name is not None:
            desc.code = desc.code or name.value.code
            desc.body = desc.body or (name.value if kind == "body" else None)
            r.mod = r.mod or name.value.sector
            desc.has_role = True
        elif role is not None:
            r.read_role(role, tok)
        r.title_toks.append(tok)

    def _modifier_name(self, tok: Token) -> Hit[Named] | None:
        """The name hit of a modifier token, unless it only qualifies ("US-backed")."""
        hit = self._name_at[tok.i]
        return None if hit is None or hit.qualifier else hit

    def _is_place(self, tok: Token) -> bool:
        name = self._name_at[tok.i]
        return name is not None and name.value.kind in PLACE_KINDS


@dataclass
class _Reading:
    """What `Descriptions._describe` has read so far of a role phrase, word by word."""

    desc: Description = field(default_factory=Description)
    title_toks: list[Token] = field(default_factory=list)
    strong: str | None = None  # the sector of the last specific role word
    weak: str | None = None  # the sector of a generic one ("spokesman")
    mod: str | None = None  # the sector a modifier names ("army commander", "Kremlin spokesman")
    post_sector: str | None = None
    role_code: str | None = None
    post: bool = False  # past the head's preposition
    unknown_org: bool = False
    topic: bool = False  # a topic word ("an Iran analyst")
    hollow: bool = False  # a generic role word with no sector
    ethnic: bool = False
    bare_place: bool = False  # the code is a place's set bare before the role ("Uganda director")

    def read_role(self, role: Hit[Role], tok: Token) -> None:
        r = role.value
        # a role only a person holds is a title even with no sector ("researcher Anna Berg")
        self.desc.has_role = self.desc.has_role or bool(r.sector) or r.weak or tok.lemma_.lower() in PERSON_ROLES
        self.role_code = self.role_code or r.code
        if r.sector is None:
            self.hollow, self.topic = self.hollow or r.weak, self.topic or not r.weak
        elif r.weak:
            self.weak = r.sector
        else:
            if self.strong and tok.i == role.start:
                self.mod = self.mod or self.strong  # "army commander": the modifier role
            self.strong = r.sector

    def finish(self, need_role: bool) -> Description:
        desc, title_toks = self.desc, self.title_toks
        while title_toks and (
            title_toks[0].dep_ in {"det", "case", "preconj", "cc"} or title_toks[0].lower_ in DEFINITE
        ):
            title_toks.pop(0)
        if desc.has_role or not need_role:
            desc.title = _joined(title_toks) or None
        if self.strong:
            desc.sector = self.mod if self.strong == "GOV" and self.mod in OUTSIDE_GOV else self.strong
        else:
            desc.sector = self.mod or self.post_sector or self.weak
        desc.code = desc.code or self.role_code  # a stated country wins over what the title implies
        if self.unknown_org and not desc.code and not desc.body:
            desc.sector = None
        if self.bare_place and desc.body is not None and desc.body.code == "NGO":
            desc.code = "NGO"  # "Uganda director for Amnesty International": where the NGO's man works
        if self.topic and not (self.strong or self.weak or self.hollow):
            desc.code = desc.sector = desc.body = None
        return desc


def _joined(tokens: list[Token]) -> str:
    """The words of a title as written, with the hyphens between two of them that the word lists
    leave out ("40-year-old shopkeeper", "Secretary-General")."""
    kept = {t.i for t in tokens}
    parts = []
    for t in tokens:
        parts.append(t.text_with_ws)
        doc = t.doc
        if not t.whitespace_ and t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and t.i + 2 in kept:
            parts.append("-")
    return "".join(parts).strip()
