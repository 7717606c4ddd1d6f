"""Plural descriptions that stand for actors named before them ("both sides", "the two
countries"): which named actors they can stand for (extract/actors/groups.py)."""

from __future__ import annotations

from eventwire import nlp
from eventwire.extract.actors import ArticleActors
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


def members(text: str, phrase: str) -> list[str | None]:
    """The codes the plural description `phrase` (its last word the head) stands for."""
    doc = nlp.load()(text)
    head = next(doc[i + len(phrase.split()) - 1] for i in range(len(doc)) if doc[i:].text.startswith(phrase))
    return sorted(a.code or "" for a in ArticleActors(doc).group_members(head))


def test_two_ministers_are_the_people_named_before():
    text = (
        "Chilean Foreign Minister Ana Reyes met her Peruvian counterpart Tomas Vidal in Lima on Tuesday. "
        "The two ministers signed a fisheries pact."
    )
    assert members(text, "The two ministers") == ["CHL", "PER"]


def test_two_leaders_look_back_further_for_the_people_they_count():
    text = (
        "Chilean President Ana Reyes hosted Peruvian President Tomas Vidal on Tuesday. Reyes praised the talks. "
        "The leaders of both countries met the press. The two presidents agreed to reopen the border."
    )
    assert members(text, "The two presidents") == ["CHL", "PER"]


def test_a_capitalised_plural_is_a_group_description():
    text = (
        "Delegates from Ghana and Togo met in Accra. The Delegations agreed on a trade corridor. Both sides signed it."
    )
    assert members(text, "The Delegations") == ["GHA", "TGO"]


def test_a_group_takes_up_the_members_of_a_group_before():
    text = "Delegates from Ghana and Togo met in Accra. The two delegations agreed on a road. Both sides signed it."
    assert members(text, "Both sides") == ["GHA", "TGO"]


def test_a_seat_placed_in_a_capital_is_a_member_as_that_country():
    text = "The Foreign Office in Dhaka protested to the Indian envoy. The two governments agreed to talk."
    assert members(text, "The two governments") == ["BGD", "IND"]
