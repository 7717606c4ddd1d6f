"""Actors: who a noun phrase stands for (name, country code, sector, title), resolved within an article.

Everything is driven by the lists in `eventwire/data/` (countries, capitals and seats of power,
intergovernmental bodies, NGOs and armed groups, role words -> sectors, office holders).  The
lists become two phrase tables once per process; each article is then scanned once, and a
small index of its people (fullest name, title, country) lets a later "Sullivan", "he" or
"the spokesman" point back to the full mention.

Public API (used by events, quotes, claims and the pipeline):
    ArticleActors(doc).actor_for_span(span) / .actor_for_token(token) -> Actor | None
    ArticleActors(doc).entities() -> list[Entity]
    ArticleActors(doc).coded_between(start, end) -> list[(offset, Actor)]   (coded entities within character offsets)
    ArticleActors(doc).home_code   the country the article is mainly about, or None
    ArticleActors(doc).possessor(token, exclude) -> Actor | None   (who "its"/"their" stands for)
    lookup(text) -> Named | None   (a place or body name)

An actor with a sector but no stated country ("the government", "police", "militants") takes
the article's home_code when there is one; named people never do.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span, Token

from .. import nlp
from ..model import Actor, Entity
from .sentences import Sentences
from .vocabulary import DATA_DIR, read_yaml, word_set

# Name files and the kind of entry each holds, lowest priority first: a later file's alias
# replaces an earlier one's, so the hand-authored lists win over the generated ones.
NAME_FILES = (
    ("countries.tsv", "place"),
    ("bodies_phoenix.tsv", "body"),
    ("people_phoenix.tsv", "person"),
    ("countries_extra.tsv", "place"),
    ("bodies.tsv", "body"),
    ("seats.tsv", "seat"),
    ("people.tsv", "person"),
)
ROLE_FILES = ("agents.tsv", "agents_extra.tsv")
# written by scripts/build_actor_data.py
GENERATED = {"countries.tsv", "bodies_phoenix.tsv", "people_phoenix.tsv"}
NAME_ENTS = {"GPE", "LOC", "NORP", "ORG", "FAC"}
PERSON_ENTS = {"PERSON"}

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_WORDS = read_yaml("actor_words.yaml")
NOT_PERSON = word_set(_WORDS, "not_person", "actor_words.yaml")
HONORIFICS = word_set(_WORDS, "honorifics", "actor_words.yaml")
HONORIFIC_GENDER: dict[str, str] = _WORDS["honorific_gender"]
PRONOUN_GENDER: dict[str, str] = _WORDS["pronoun_gender"]
ROLE_GENDER: dict[str, str] = _WORDS["role_gender"]
ROLE_CLASS: dict[str, str] = _WORDS["role_class"]  # role nouns that name the same job
FAMILY_NAME_FIRST = frozenset(_WORDS["family_name_first"])
PLACE_KINDS = {"country", "demonym", "capital", "place", "region"}
ROLE_PREPS = word_set(_WORDS, "role_prepositions", "actor_words.yaml")
OUTSIDE_GOV = {"OPP", "REB"}  # modifier sectors that override a government head
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
DEFINITE = word_set(_WORDS, "definite", "actor_words.yaml")
AFFILIATION_OK = word_set(_WORDS, "affiliation_ok", "actor_words.yaml")  # "US-led" keeps the code
NAME_PARTS = re.compile(r"[\s-]+")  # "Omar al-Bashir" -> Omar, al, Bashir
PLAIN = re.compile(r"[^\W_]+(?: [^\W_]+)*")  # words and single spaces only
PRONOUN_WINDOW = 3  # sentences a pronoun looks back
BODY_POSSESSIVES = word_set(_WORDS, "body_possessives", "actor_words.yaml")
HOME_MIN, HOME_RATIO = 2, 2.0  # how clearly one country must lead to be the article's home
TITLE_MAX = 14  # tokens of an appositive or prefix read for a title

V = TypeVar("V")


# ---------------------------------------------------------------------------------------------
# Lexicon: built once per process
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Named:
    """An entry of the name lists: a country, capital, seat of power, body or known person."""

    name: str
    kind: str  # country | demonym | capital | place | seat | body | person
    code: str | None
    sector: str | None
    title: str | None = None
    gender: str | None = None
    generated: bool = False  # from a generated list: article context wins over its code


@dataclass(frozen=True)
class Role:
    """A role word or institution: its sector (None: no sector of its own) and how it combines."""

    sector: str | None
    weak: bool = False
    owned: bool = False  # equipment ("jets", "drones"): an actor only when its owner is named
    code: str | None = None  # a title of one country's offices ("Republican senator": USA), used
    # when the phrase names no country itself


@dataclass(frozen=True)
class Alias(Generic[V]):
    """One way of writing an entry; `exact` holds the token texts when case must match exactly."""

    value: V
    exact: tuple[str, ...] | None
    capitalised: bool
    needs_ent: bool = False  # generated one-word names: only where NER sees a name (not "Male", "Split")


class PhraseTable(Generic[V]):
    """Longest-match lookup of token sequences (lower-cased), one dict probe per candidate length."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], Alias[V]] = {}
        self.lengths: dict[str, tuple[int, ...]] = {}

    def add(self, words: tuple[str, ...], alias: Alias[V]) -> None:
        """Add or replace; the same entry written twice keeps the looser case rule
        ("al-Shabab" and "Al-Shabab" both match)."""
        old = self.entries.get(words)
        if old is not None and old.value == alias.value:
            alias = Alias(
                alias.value,
                old.exact and alias.exact,
                old.capitalised and alias.capitalised,
                old.needs_ent and alias.needs_ent,
            )
        self.entries[words] = alias

    def freeze(self) -> None:
        lengths: dict[str, set[int]] = {}
        for words in self.entries:
            lengths.setdefault(words[0], set()).add(len(words))
        self.lengths = {w: tuple(sorted(ls, reverse=True)) for w, ls in lengths.items()}

    def match(self, words: list[str], i: int) -> tuple[int, Alias[V]] | None:
        for n in self.lengths.get(words[i], ()):
            if i + n > len(words):
                continue
            alias = self.entries.get(tuple(words[i : i + n]))
            if alias is not None:
                return n, alias
        return None


@dataclass
class Lexicon:
    names: PhraseTable[Named]
    roles: PhraseTable[Role]
    by_text: dict[str, Named]
    surnames: dict[str, Named | None]  # None: shared by several listed people


def _rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of a TSV data file; '#' lines are comments, the first other line is the header."""
    path = DATA_DIR / name
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k}


def _named_aliases() -> Iterator[tuple[str, Named, bool]]:
    """(alias, entry, generated) from every name file, lowest priority first."""
    for fname, kind in NAME_FILES:
        generated = fname in GENERATED
        for r in _rows(fname):
            for alias, entry in _row_entries(r, kind, generated):
                yield alias, entry, generated


def _row_entries(r: dict[str, str], kind: str, generated: bool) -> Iterator[tuple[str, Named]]:
    """(alias, entry) pairs of one row of a name file."""
    if kind == "place":
        entry = Named(
            r["alias"], r["kind"], r["code"] or None, "GOV" if r["kind"] == "capital" else None, generated=generated
        )
        yield r["alias"], entry
        if r["kind"] == "demonym" and r["alias"][-1] in "in":
            yield r["alias"] + "s", entry  # Iraqis, Afghans
        return
    if kind == "person":
        entry = Named(
            r["name"], kind, r["code"] or None, r["sector"] or None, r["title"] or None, r["gender"] or None, generated
        )
    else:
        entry = Named(r["name"], kind, r["code"] or None, r["sector"] or None, generated=generated)
    for alias in [r["name"], *r["aliases"].split("|")]:
        if alias:
            yield alias, entry


def _plurals(word: str) -> list[str]:
    """Regular plural forms of a role word (the Phoenix agents file lists singulars only)."""
    if word.endswith("man"):
        return [word[:-3] + "men"]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return [word + "es"]
    return [word + "s"]


def _is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "").replace("-", "")
    return surface.isupper() and len(letters) <= 3


def _tokens(text: str) -> tuple[str, ...]:
    """Token texts of a list phrase as the article's tokenizer splits them; plain words are
    split on spaces (the tokenizer is only asked about the few with punctuation)."""
    if PLAIN.fullmatch(text):
        return tuple(text.split())
    return tuple(t.text for t in nlp.load().tokenizer(text))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The phrase tables of all data files; built once per process."""
    names: PhraseTable[Named] = PhraseTable()
    by_text: dict[str, Named] = {}
    curated: set[Named] = set()
    listed: set[Named] = set()
    for alias, entry, generated in _named_aliases():
        texts = _tokens(alias)
        exact = texts if _is_acronym(alias) else None
        names.add(tuple(t.lower() for t in texts), Alias(entry, exact, alias[:1].isupper(), generated))
        by_text[alias.lower()] = entry
        (listed if generated else curated).add(entry)
    roles: PhraseTable[Role] = PhraseTable()
    for r in (r for f in ROLE_FILES for r in _rows(f)):
        words = tuple(t.lower() for t in _tokens(r["phrase"]))
        role = Role(
            None if r["sector"] == "-" else r["sector"],
            r.get("weak") == "1",
            r.get("owned") == "1",
            r.get("code") or None,
        )
        capitalised = r["phrase"][:1].isupper()  # "Democratic senator", not "democratic senators"
        roles.add(words, Alias(role, None, capitalised))
        for plural in _plurals(words[-1]):
            if words[:-1] + (plural,) not in roles.entries or r.get("weak") is not None:
                roles.add(words[:-1] + (plural,), Alias(role, None, capitalised))
    names.freeze()
    roles.freeze()
    return Lexicon(names, roles, by_text, _surnames(curated, listed - curated))


def _name_keys(entries: Iterable[Named]) -> dict[str, Named | None]:
    """People by family name (last word; also first word where it comes first: "Xi", "Yang")
    and by first + last word ("omar bashir" for "Omar Hassan al-Bashir"); None where shared."""
    out: dict[str, Named | None] = {}
    for e in {e for e in entries if e.kind == "person"}:
        words = NAME_PARTS.split(e.name.lower())
        keys = {words[-1], f"{words[0]} {words[-1]}"} | ({words[0]} if e.code in FAMILY_NAME_FIRST else set())
        for key in keys:
            out[key] = e if out.get(key, e) == e else None
    return out


def _surnames(curated: Iterable[Named], generated: Iterable[Named]) -> dict[str, Named | None]:
    """Name keys of the hand-listed people, else of the generated ones: a bare "Sullivan" finds
    Jake Sullivan, a bare "Bouteflika" the Phoenix record, when no one else shares the name."""
    return {**_name_keys(generated), **{k: v for k, v in _name_keys(curated).items() if v is not None}}


def lookup(text: str) -> Named | None:
    """The list entry a whole name stands for ("Kyiv" -> UKR capital, "NATO" -> IGO), or None."""
    return lexicon().by_text.get(text.strip().lower())


# ---------------------------------------------------------------------------------------------
# Per-article resolution
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit(Generic[V]):
    """A phrase-table match in the article: tokens [start, end) and what they name."""

    start: int
    end: int
    value: V
    qualifier: bool = False  # in a hyphenated compound ("US-backed", "Sino-US"): names, not an affiliation


@dataclass
class Description:
    """What a role phrase tells: "a senior US official" -> code USA, sector GOV, title."""

    code: str | None = None
    sector: str | None = None
    title: str | None = None
    body: Named | None = None  # a named body the phrase belongs to (UN peacekeepers)
    has_role: bool = False


@dataclass
class Person:
    """One person of the article, merged over all mentions."""

    name: str
    code: str | None = None
    sector: str | None = None
    title: str | None = None
    gender: str | None = None
    known: Named | None = None

    def actor(self, text: str) -> Actor:
        """The actor of a mention: a hand-listed person's code wins over the article's words,
        the article's words over a generated record's (which may be stale)."""
        k = self.known
        listed = k.code if k and not k.generated else None
        return Actor(
            text=text,
            name=self.name,
            code=listed or self.code or (k.code if k else None),
            sector=self.sector or (k.sector if k else None),
            title=self.title or (k.title if k else None),
        )


@dataclass(frozen=True)
class Mention:
    i: int
    sent: int  # index of the sentence
    subject: bool
    person: Person


class ArticleActors:
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
        words = [t.lower_ for t in doc]
        self._name_at = self._scan_names(words)
        self._role_at = self._scan(self.lex.roles, words)
        self.home_code = self._home_code()
        self._person_at: dict[int, Person] = {}
        self._mentions: list[Mention] = []
        self._persons: list[Person] = []
        self._index_people()
        self._role_mentions: dict[str, list[tuple[int, Actor]]] = {}
        self._groups: dict[str, list[tuple[int, Named]]] = {}
        self._index_roles()

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
        out = []
        for e in self.doc.ents:
            if start <= e.start_char < end and e.label_ in ENTITY_LABELS:
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
        ):
            return False
        if alias.exact is not None:
            return tuple(t.text for t in self.doc[i : i + n]) == alias.exact
        return not alias.capitalised or self.doc[i].text[:1].isupper()

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
            after = doc[hit.end].text if hit.end < len(doc) else ""
            if (after == "-" and (hit.end + 1 >= len(doc) or doc[hit.end + 1].lower_ not in AFFILIATION_OK)) or (
                i > 0 and doc[i - 1].text == "-"
            ):
                qualifier = Hit(hit.start, hit.end, hit.value, qualifier=True)
                at[hit.start : hit.end] = [qualifier] * (hit.end - hit.start)
        return at

    # -- people -----------------------------------------------------------------------------

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

    # -- role phrases -----------------------------------------------------------------------

    def _role(self, tok: Token) -> Hit[Role] | None:
        """The role hit covering `tok`, or a lemma match ("ministries" -> ministry)."""
        hit = self._role_at[tok.i]
        if hit is not None:
            return hit
        m = self.lex.roles.entries.get((tok.lemma_.lower(),))
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
        desc = Description()
        title_toks: list[Token] = []
        strong = weak = mod = post_sector = role_code = None
        post = unknown_org = topic = hollow = ethnic = False
        for tok in tokens:
            post = post or (tok.dep_ == "prep" and bool(title_toks))
            name = self._modifier_name(tok)
            kind = name.value.kind if name is not None else None
            person = self._person_at.get(tok.i)
            role = self._role(tok)
            if post:
                title_toks.append(tok)
                code = name.value.code if name is not None else (person.actor("").code if person else None)
                if tok.dep_ in {"compound", "amod", "nmod"} and self._is_topic_role(tok.head):
                    code = None  # "a group of China experts": a topic, not where they are from
                desc.code = desc.code or code
                if kind in {"seat", "body"}:
                    desc.body = desc.body or (name.value if kind == "body" else None)
                    post_sector = post_sector or name.value.sector
                elif role is not None and role.value.sector and not role.value.weak:
                    post_sector = post_sector or role.value.sector
                unknown_org = unknown_org or (name is None and tok.ent_type_ == "ORG")
                continue
            if person is None and tok.dep_ == "poss" and tok.lower_ in PRONOUN_GENDER:
                person = self._antecedent(tok.i, PRONOUN_GENDER[tok.lower_])  # "his troops"
            if person is not None:
                desc.code = desc.code or person.actor("").code
                continue
            if kind in PLACE_KINDS or (tok.dep_ == "case" and self._is_place(tok.head)):
                if not (ethnic and kind == "demonym"):  # "ethnic Albanian guerrillas" live elsewhere
                    desc.code = desc.code or (name.value.code if name is not None else None)
                continue
            ethnic = ethnic or tok.lower_ == "ethnic"
            if name is not None:  # seat or body: part of the title ("Kremlin spokesman")
                desc.code = desc.code or name.value.code
                desc.body = desc.body or (name.value if kind == "body" else None)
                mod = mod or name.value.sector
                desc.has_role = True
            elif role is not None:
                r = role.value
                desc.has_role = desc.has_role or bool(r.sector) or r.weak
                role_code = role_code or r.code
                if r.sector is None:
                    hollow, topic = hollow or r.weak, topic or not r.weak
                elif r.weak:
                    weak = r.sector
                else:
                    if strong and tok.i == role.start:
                        mod = mod or strong  # "army commander": the modifier role
                    strong = r.sector
            title_toks.append(tok)
        while title_toks and (
            title_toks[0].dep_ in {"det", "case", "preconj", "cc"} or title_toks[0].lower_ in DEFINITE
        ):
            title_toks.pop(0)
        if desc.has_role or not need_role:
            desc.title = "".join(t.text_with_ws for t in title_toks).strip() or None
        if strong:
            desc.sector = mod if strong == "GOV" and mod in OUTSIDE_GOV else strong
        else:
            desc.sector = mod or post_sector or weak
        desc.code = desc.code or role_code  # a stated country wins over what the title implies
        if unknown_org and not desc.code and not desc.body:
            desc.sector = None
        if topic and not (strong or weak or hollow):
            desc.code = desc.sector = desc.body = None
        return desc

    def _modifier_name(self, tok: Token) -> Hit[Named] | None:
        """The name hit of a modifier token, unless it only qualifies ("US-backed")."""
        hit = self._name_at[tok.i]
        return None if hit is None or hit.qualifier else hit

    def _is_place(self, tok: Token) -> bool:
        name = self._name_at[tok.i]
        return name is not None and name.value.kind in PLACE_KINDS

    def _index_roles(self) -> None:
        """Antecedents for "the spokesman"/"the official": titled people and unnamed
        descriptions ("a senior US official"), by role class, in text order."""
        for m in self._mentions:
            p = m.person
            title = p.title or (p.known.title if p.known else None)
            if title:
                self._add_role_mention(title.split()[-1].lower(), m.i, p.actor(p.name))
        for tok in self.doc:
            hit = self._role_at[tok.i]
            if (
                hit is None
                or hit.end - 1 != tok.i
                or tok.pos_ not in {"NOUN", "PROPN"}
                or tok.i in self._person_at
                or tok.dep_ in MODIFIER_DEPS
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

    def _add_role_mention(self, word: str, i: int, actor: Actor) -> None:
        self._role_mentions.setdefault(ROLE_CLASS.get(word, word), []).append((i, actor))

    def _left_tokens(self, head: Token, lo: int = 0) -> list[Token]:
        """The head and the modifiers before it, within [lo, head]."""
        start = max(lo, min((c.left_edge.i for c in head.lefts if c.dep_ not in {"cc", "punct"}), default=head.i))
        return [t for t in self.doc[start : head.i] if not t.is_punct] + [head]

    # -- resolution -------------------------------------------------------------------------

    def _home_code(self) -> str | None:
        """The country the article is about: the most named one, if clearly ahead of the next
        (HOME_MIN mentions and HOME_RATIO times the runner-up)."""
        counts: dict[str, int] = {}
        for i, hit in enumerate(self._name_at):
            if (
                hit
                and hit.start == i
                and not hit.qualifier
                and hit.value.code
                and hit.value.kind in PLACE_KINDS | {"seat"}
            ):
                counts[hit.value.code] = counts.get(hit.value.code, 0) + 1
        ranked = sorted(counts.values(), reverse=True) + [0]
        top = max(counts, key=counts.__getitem__, default=None)
        return top if top and ranked[0] >= HOME_MIN and ranked[0] >= HOME_RATIO * ranked[1] else None

    def _resolve(self, head: Token, lo: int, hi: int, text: str) -> Actor | None:
        """The actor of the phrase [lo, hi) headed by `head`, or None; a domestic actor with
        no stated country gets the article's home country, a non-governmental one the code NGO."""
        actor = self._resolve_stated(head, lo, hi, text)
        if actor is None or actor.code is not None:
            return actor
        if actor.sector == "NGO":
            actor.code = "NGO"  # "a human rights group"
        elif actor.sector not in {None, "IGO"} and not self._names_person(head):
            actor.code = self.home_code
        return actor

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
            return None
        person = self._person_at.get(head.i)
        if person is not None:
            return person.actor(text)
        name = self._name_at[head.i]
        role = self._role(head)
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
        ("Iraqi Kurds"), sector only from its head word ("Defense Ministry"), never from words
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
            code = self._describe(self._left_tokens(head, lo)).code or entry.code
            return Actor(text=text, name=entry.name, code=code, sector=entry.sector)
        if entry.kind == "body":
            return Actor(text=text, name=entry.name, code=entry.code, sector=entry.sector)
        if entry.kind == "demonym" and any(c.lower_ == "ethnic" for c in head.lefts):
            return Actor(text=text, name=None, code=None, sector="CVL")  # "ethnic Albanians" in Serbia
        return Actor(text=text, name=None, code=entry.code, sector=entry.sector)

    def _role_actor(self, head: Token, lo: int, hi: int, text: str, role: Hit[Role]) -> Actor | None:
        """A role phrase: "Iraqi special forces", "the Chinese foreign ministry", "the spokesman"."""
        post = [
            t
            for prep in head.rights
            if prep.dep_ == "prep" and prep.lower_ in ROLE_PREPS
            for t in prep.subtree
            if t.i < hi and not t.is_punct
        ]
        if role.value.sector is None and not role.value.weak:
            return self._topic_role_actor(post, text)
        toks = self._left_tokens(head, lo)
        desc = self._describe(toks + post[:TITLE_MAX])
        if desc.code is None and desc.body is None and self._is_anaphoric(head, toks):
            antecedent = self._role_antecedent(head) if head.tag_ == "NN" else None
            if antecedent is not None:
                return Actor(
                    text=text,
                    name=antecedent.name,
                    code=antecedent.code,
                    sector=antecedent.sector,
                    title=antecedent.title,
                )
            desc.body = self._group_antecedent(head.i, desc.sector)
            desc.code = desc.body.code if desc.body else None
        if desc.sector is None and desc.code is None and desc.body is None:
            return None  # "members", "the group": nothing says whose
        if role.value.owned and desc.code is None and desc.body is None:
            return None  # "drones", but "Russian drones" are Russia's military
        return Actor(
            text=text,
            name=desc.body.name if desc.body else None,
            code=desc.code,
            sector=desc.sector,
            title=desc.title if head.tag_ != "NNS" else None,
        )

    def _is_topic_role(self, tok: Token) -> bool:
        role = self._role(tok)
        return role is not None and role.value.sector is None and not role.value.weak

    def _topic_role_actor(self, post: list[Token], text: str) -> Actor | None:
        """ "China experts in the US": a country before a topic role ("experts", "analysts") is
        their topic; only a place after it ("in the US", "from Japan") says where they are."""
        for tok in post:
            name = self._modifier_name(tok)
            if name is not None and name.value.kind in PLACE_KINDS | {"seat"} and name.value.code:
                return Actor(text=text, code=name.value.code)
        return None

    def _is_anaphoric(self, head: Token, toks: list[Token]) -> bool:
        """ "the spokesman", "the militants": a definite, unmodified role noun."""
        det = [t for t in toks if t.dep_ == "det"]
        return head.tag_ in {"NN", "NNS"} and bool(det) and det[0].lower_ in DEFINITE and len(toks) <= 3

    def _group_antecedent(self, i: int, sector: str | None) -> Named | None:
        """The named group "the militants"/"the fighters" points back to: the latest body of the
        same sector within the last sentences (al-Shabab, Hamas)."""
        groups = self._groups.get(sector or "", [])
        k = bisect_left(groups, i, key=lambda g: g[0])
        if k and self._sent_of[i] - self._sent_of[groups[k - 1][0]] <= PRONOUN_WINDOW:
            return groups[k - 1][1]
        return None

    def _role_antecedent(self, head: Token) -> Actor | None:
        word = head.lower_
        mentions = self._role_mentions.get(ROLE_CLASS.get(word, word), [])
        k = bisect_left(mentions, head.i, key=lambda m: m[0])
        return mentions[k - 1][1] if k else None

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


def _clean_text(span: Span) -> str:
    """Span text without leading/trailing punctuation."""
    toks = list(span)
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return span.doc[toks[0].i : toks[-1].i + 1].text if toks else span.text
