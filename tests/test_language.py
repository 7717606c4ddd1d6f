"""Language identification with py3langid's bundled model."""

import pytest

from eventwire.extract.language import detect_language

ENGLISH = (
    "The United States warned Wednesday that it will continue to exert maximum pressure on "
    "Iran in order to prevent it from achieving a nuclear weapon."
)
FRENCH = (
    "Les États-Unis ont averti mercredi qu'ils continueraient d'exercer une pression maximale "
    "sur l'Iran afin de l'empêcher d'obtenir l'arme nucléaire."
)
SPANISH = (
    "Estados Unidos advirtió el miércoles que seguirá ejerciendo la máxima presión sobre Irán "
    "para impedir que obtenga un arma nuclear."
)


@pytest.mark.parametrize("text, code", [(ENGLISH, "en"), (FRENCH, "fr"), (SPANISH, "es"), (ENGLISH.upper(), "en")])
def test_paragraphs(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   \n", "12345 67", "---"])
def test_nothing_to_judge(text):
    assert detect_language(text) == "und"


def test_long_text_is_judged_on_its_opening():
    assert detect_language(ENGLISH * 500 + FRENCH * 5) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Leaders of Armenia and Azerbaijan met in Abu Dhabi.",
        "Kenyan President William Ruto and his Ugandan counterpart Yoweri Museveni began talks in Kampala on Monday.",
    ],
)
def test_a_short_english_sentence_full_of_names_is_english(text):
    # the model's best guesses are Dutch and Ganda: the names pull them away
    assert detect_language(text) == "en"


def test_a_short_sentence_of_another_language_is_not_english():
    assert detect_language("Nederland en België hebben maandag gesproken.") == "nl"
