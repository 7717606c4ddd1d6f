"""Plural descriptions that stand for actors named before them ("both sides", "the two
countries"): which named actors they can stand for (extract/actors/groups.py)."""

from __future__ import annotations

from eventwire.model import Article
from eventwire.pipeline import process


def pairs(text: str, type_: str) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    events = process(Article(id="g", text=text)).events
    return {
        (tuple(sorted(a.code for a in e.source if a.code)), tuple(sorted(a.code for a in e.target if a.code)))
        for e in events
        if e.type == type_
    }


def test_the_sides_a_clause_asks_are_not_its_own_subject():
    text = "Sudan and South Sudan traded accusations. Egypt and Qatar called on both sides to show restraint."
    assert pairs(text, "REQUEST") == {(("EGY", "QAT"), ("SDN", "SSD"))}
    text = "Chad and Niger clashed at the border. Nigeria and Benin urged the two countries to talk."
    assert pairs(text, "REQUEST") == {(("BEN", "NGA"), ("NER", "TCD"))}


def test_the_city_two_countries_met_in_is_not_one_of_them():
    text = "Leaders of Armenia and Azerbaijan met in Abu Dhabi. The two countries agreed to open their border."
    assert pairs(text, "AGREE") == {(("ARM", "AZE"), ())}
