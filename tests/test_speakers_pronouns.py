"""Pronoun speakers whose antecedent lies sentences back: gender from given names, "they" for
people rather than things, and for one body only when no group came before (docs/design.md,
the ArticleContext's quotes; extract/quotes/pronouns.py)."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.extract.actors import ArticleActors
from tests.test_quotes import one, quotes_of, words


@pytest.fixture(scope="module", autouse=True)
def english():
    return nlp.load()


def test_a_given_name_tells_a_person_s_gender():
    doc = nlp.load()("Mark Lee met Olga Petrenko and Kim Soto in Kyiv.")
    actors = ArticleActors(doc)
    assert [actors.gender_at(i) for i in (1, 4, 7)] == ["m", "f", None]  # "Kim" is borne by both


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Dana Morgan has run the shelter for ten years. She says funding has fallen by half. "
            "The city council approved a new grant last week. Councillor Mark Lee voted for it. "
            "\u201cEvery bed is full,\u201d she said.",
            "morgan",
        ),
        (
            "The prime minister, Kaja Vold, met union leaders on Friday. Talks broke down after an hour. "
            "Union chief Henrik Dahl said the offer was too low. \u201cThe door remains open,\u201d she said later.",
            "vold",
        ),
        (
            "Mayor Elena Cruz said the floods were the worst in decades. "
            "\u201cWe lost everything,\u201d said resident Paul Adams.\n\n"
            "The city has asked for federal aid. \u201cWe cannot do this alone,\u201d she said.",
            "cruz",
        ),
    ],
)
def test_she_passes_over_a_man_known_by_his_given_name(text, speaker):
    quote = quotes_of(text)[-1]
    assert speaker in words(quote)


def test_they_stands_for_people_not_for_things_named_since():
    text = (
        "Teachers in three provinces went on strike on Monday over unpaid wages. Schools closed across the "
        "region. \u201cWe have not been paid since March,\u201d they said in a statement."
    )
    assert "teachers" in words(one(quotes_of(text), "We have not"))


def test_they_for_one_body_only_when_no_group_comes_before():
    group = (
        "Oxfam and Save the Children warned that the cuts would close clinics. Parliament approved the "
        "budget on Friday. \u201cChildren will die,\u201d they said in a joint statement."
    )
    assert "parliament" not in words(one(quotes_of(group), "Children will die"))
    alone = "Parliament approved the budget on Friday. \u201cWe had no choice,\u201d they said."
    assert "parliament" in words(one(quotes_of(alone), "We had no choice"))


def test_he_passes_over_a_body_written_with_a_capital():
    text = (
        "Senator Paul Grant opened the hearing. The Pentagon sent two officials. The State Department "
        "declined to comment. Congress adjourned early. \u201cWe will get to the bottom of this,\u201d he said."
    )
    assert "grant" in words(one(quotes_of(text), "We will get"))


def test_a_family_role_tells_a_person_s_gender():
    text = (
        "Halima Yusuf, a mother of four, fled her village in March. Her husband Abdi Warsame stayed behind "
        "to guard the farm. Abdi Warsame said the militia came at night. "
        "\u201cI had to take the children and run,\u201d she said."
    )
    assert "yusuf" in words(one(quotes_of(text), "I had to take"))


def test_it_passes_over_a_place_named_since_for_the_body_that_spoke():
    text = (
        "The Chinese Foreign Ministry on Monday urged the United States to stop arms sales to Taiwan. "
        "Washington approved a new package last week.\n\n"
        "\u201cChina will take resolute measures to defend its sovereignty,\u201d it said."
    )
    assert "ministry" in words(one(quotes_of(text), "China will take"))
