"""Who an argument of a trigger stands for (extract/events/sides.py)."""

from __future__ import annotations

from conftest import event_parties


def test_the_people_of_two_countries_stand_for_both():
    text = "The foreign ministers of Peru and Chile held talks in Lima on Monday."
    assert event_parties(text, "CONSULT") == {frozenset({"PER", "CHL"})}
    text = "Leaders of Armenia and Azerbaijan met in Abu Dhabi."
    assert event_parties(text, "CONSULT") == {frozenset({"ARM", "AZE"})}
