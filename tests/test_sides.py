"""Who an argument of a trigger stands for (extract/events/sides.py)."""

from __future__ import annotations

from conftest import event_parties

from eventwire import nlp
from eventwire.extract.article import ArticleContext
from eventwire.extract.events import propose
from eventwire.model import Article
from eventwire.pipeline import process


def test_the_people_of_two_countries_stand_for_both():
    text = "The foreign ministers of Peru and Chile held talks in Lima on Monday."
    assert event_parties(text, "CONSULT") == {frozenset({"PER", "CHL"})}
    # the rules' sides: the sides model may add the host at its threshold (a known error)
    doc = nlp.load()(text := "Leaders of Armenia and Azerbaijan met in Abu Dhabi.")
    [meeting] = [e for e in propose(ArticleContext.build(doc, None, None)) if e.type == "CONSULT"]
    assert {a.code for a in meeting.source + meeting.target} == {"ARM", "AZE"}


def sides_of(text: str, type_: str) -> list[tuple[set[str], set[str]]]:
    """The coded source and target of each event of a type that `text` yields as an article."""
    events = process(Article(id="t", text=text)).events
    return [({a.code for a in e.source}, {a.code for a in e.target}) for e in events if e.type == type_]


def test_a_participle_after_a_later_conjunct_is_said_of_that_conjunct():
    text = "Egypt, which backs the army, and the UAE, accused of arming the rebels, stayed away from the talks."
    assert [target for _, target in sides_of(text, "ACCUSE")] == [{"ARE"}]


def test_a_relative_clause_of_the_first_conjunct_is_that_conjunct_s_act_alone():
    text = "Egypt, which backs the army, and the UAE, accused of arming the rebels, stayed away from the talks."
    assert all("ARE" not in source | target for source, target in sides_of(text, "AID") if "EGY" in source)


def test_a_verb_with_a_clause_for_its_complement_shares_no_object_with_the_verb_before():
    text = "Japan and South Korea condemned North Korea's missile launch and agreed to share intelligence."
    parse = nlp.load()
    agreed = [e for e in propose(ArticleContext.build(parse(text), None, None)) if e.type == "AGREE"]
    assert agreed and all(a.code != "PRK" for e in agreed for a in e.target)
