"""Speaker resolution across an article: pronouns by gender and topic, short forms of named
organisations (docs/design.md, the ArticleContext's quotes)."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.extract.actors import ArticleActors
from tests.test_quotes import one, quotes_of, words


@pytest.fixture(scope="module", autouse=True)
def english():
    return nlp.load()


def test_a_pronoun_skips_a_speaker_of_the_other_gender():
    text = (
        "Maria Lopez said the port would reopen. \u201cThe cranes are ready,\u201d she said. "
        "Peter Novak of the research group Delta Watch said the delay had cost millions. "
        "\u201cIt does show how fragile the supply lines are,\u201d he said."
    )
    quote = one(quotes_of(text), "It does show")
    assert "novak" in words(quote) and "lopez" not in words(quote)


def test_a_person_learns_a_gender_from_the_pronoun_that_follows_alone():
    doc = nlp.load()("Maria Lopez said the port would reopen. She added that the cranes were ready.")
    actors = ArticleActors(doc)
    assert actors.gender_at(1) == "f"
    doc = nlp.load()("Maria Lopez met Peter Novak. She said the cranes were ready.")
    assert ArticleActors(doc).gender_at(1) is None  # two people before "she": no vote


def test_a_pronoun_goes_to_the_person_the_paragraph_turned_to():
    text = (
        "\u201cWe follow the same families for years,\u201d said Anna Berg, a researcher. "
        "Berg is writing a report for the ministry.\n\n"
        "For Tomas Reyes, living with the disease has been hard. "
        "But with treatment, he has regained his health. "
        "\u201cI had to change the way I eat,\u201d he said."
    )
    quote = one(quotes_of(text), "I had to change")
    assert "reyes" in words(quote)


def test_the_short_form_of_an_organisation_takes_its_full_name():
    text = (
        "The United Nations Mission in South Sudan reported new clashes near Bor on Monday. "
        "\u201cCivilians must be protected,\u201d the mission said in a statement."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker.name == "United Nations Mission in South Sudan"
    doc = nlp.load()("The mission said civilians must be protected.")
    assert ArticleActors(doc).actor_for_span(doc[0:2]) is None  # no organisation named before


def test_a_short_form_names_the_owner_a_common_noun_had():
    text = (
        "The Indonesian Navy said it had stopped a fishing boat. \u201cThe crew was detained,\u201d the navy said. "
        "Kenya\u2019s presidency issued a statement. "
        "\u201cThe president will travel on Friday,\u201d the presidency said."
    )
    navy, presidency = quotes_of(text)
    assert (navy.speaker.name, navy.speaker.code) == ("Indonesian Navy", "IDN")
    assert (presidency.speaker.name, presidency.speaker.code) == ("Kenya\u2019s presidency", "KEN")


def test_a_surname_is_matched_without_diacritics_before_or_after_the_full_name():
    after = quotes_of(
        "J\u00e1n Kov\u00e1\u010d, the Slovak foreign minister, spoke. \u201cWe back the plan,\u201d Kovac said."
    )
    assert after[0].speaker.name == "J\u00e1n Kov\u00e1\u010d"
    before = quotes_of(
        "\u201cWe will win,\u201d Kovac said. Foreign Minister J\u00e1n Kov\u00e1\u010d spoke after the vote."
    )
    assert before[0].speaker.name == "J\u00e1n Kov\u00e1\u010d"  # not a listed namesake


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("The navy issued a statement on Monday. \u201cThe boat was in our waters,\u201d the statement said.", "navy"),
        ("\u201cWe will not retreat,\u201d according to a statement by Egypt\u2019s army.", "army"),
        ("\u201cTalks will resume,\u201d the ministry\u2019s statement said.", "ministry"),
    ],
)
def test_a_statement_speaks_for_its_author(text, author):
    (quote,) = quotes_of(text)
    assert author in quote.speaker.name.lower()
