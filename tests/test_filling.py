"""Sides the parse leaves empty, filled from the sentence (extract/events/filling.py)."""

from __future__ import annotations

import pytest
from conftest import event_parties

from eventwire.model import Article
from eventwire.pipeline import process


@pytest.mark.parametrize(
    "text, pair",
    [
        (
            "After meeting Brazil's president in Brasilia, Chile's foreign minister said trade would grow.",
            {"BRA", "CHL"},
        ),
        (
            "Following talks with his Kenyan counterpart, Uganda's president told reporters the border would open.",
            {"KEN", "UGA"},
        ),
        (
            "Speaking after talks with the Japanese prime minister, the Australian leader said ties were strong.",
            {"JPN", "AUS"},
        ),
    ],
)
def test_who_tells_a_meeting_opening_the_sentence_took_part_in_it(text, pair):
    assert frozenset(pair) in event_parties(text, "CONSULT")


def test_who_tells_an_act_told_with_its_own_subject_took_no_part_in_it():
    text = "After Ethiopia's army shelled the town, Kenya's foreign minister said the border would close."
    assert all("KEN" not in pair for pair in event_parties(text, "ASSAULT"))


def test_who_tells_a_meeting_others_held_took_no_part_in_it():
    text = "Officials in Nairobi said talks between Ethiopia and Somalia had stalled."
    assert event_parties(text, "CONSULT") == {frozenset({"ETH", "SOM"})}


def pairs(text: str, type_: str) -> set[tuple[str, str]]:
    events = process(Article(id="f", text=text)).events
    return {(a.code, b.code) for e in events if e.type == type_ for a in e.source for b in e.target}


def test_an_act_aimed_at_no_one_named_is_aimed_at_the_country_where_it_happened():
    assert pairs("Russian drones hit a power plant in Lviv overnight.", "ASSAULT") == {("RUS", "UKR")}
    assert pairs("Kenyan police arrested 20 protesters in Mombasa.", "COERCE") == {("KEN", "KEN")}


def test_an_envoy_summoned_by_no_one_named_is_not_summoned_by_his_own_country():
    [e] = process(Article(id="t", text="Officials summoned the Spanish ambassador on Monday.")).events
    assert (e.type, [a.code for a in e.source], [a.code for a in e.target]) == ("ACCUSE", [], ["ESP"])


def test_a_side_of_an_act_told_in_a_relative_clause_is_not_filled_from_another_conjunct():
    text = "Kenya, which accuses militants of raids, and Ethiopia, which hosts the talks, met on Monday."
    assert all("ETH" not in pair for pair in event_parties(text, "ACCUSE"))
