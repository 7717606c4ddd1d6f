"""Event places: the place phrase tied to a trigger, geocoded offline."""

import pytest

from eventwire import nlp
from eventwire.extract.places import find_place, place_for_event


@pytest.fixture(scope="session")
def parse():
    nlp.load()
    return nlp.load()


def token(doc, word):
    return next(t for t in doc if t.text == word)


def where(loc):
    return (loc.name, loc.code) if loc else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Zurich", ("Zürich", "CHE")),  # accents folded
        ("Rome", ("Rome", "ITA")),  # the big Rome, not Rome, Georgia
        ("Kiev", ("Kyiv", "UKR")),  # another name of a big city
        ("Ukraine", ("Ukraine", "UKR")),  # countries too
        ("eastern Ukraine", ("Ukraine", "UKR")),
        ("Syria's", ("Syria", "SYR")),
        ("the U.S.", ("United States", "USA")),  # from our own gazetteer file
        ("Britain", ("United Kingdom", "GBR")),
        ("the Kremlin", ("Kremlin", "RUS")),
        ("Gaza Strip", ("Gaza Strip", "PSE")),
        ("Guatemala", ("Guatemala", "GTM")),  # the country wins over Guatemala City's other name
        ("Asia", ("Asia", None)),  # the continent wins over a town of its name
    ],
)
def test_find_place(text, expected):
    assert where(find_place(text)) == expected


def test_country_takes_its_capitals_coordinates():
    loc = find_place("Switzerland")
    assert (round(loc.lat), round(loc.lon)) == (47, 7)  # Bern


def test_own_rows_without_coordinates_borrow_the_countrys():
    assert (find_place("U.S.").lat, find_place("U.S.").lon) == (
        find_place("United States").lat,
        find_place("United States").lon,
    )


@pytest.mark.parametrize("text", ["", "   ", "xyzzy", "Boni", "Qahira Hotel"])
def test_unknown_names_give_nothing(text):
    assert find_place(text) is None


def test_seed_meeting_in_zurich(parse):
    doc = parse("Sullivan and Yang last met in Zurich in October at a meeting leading up to the summit.")
    loc = place_for_event(token(doc, "met"))
    assert (loc.text, loc.code) == ("Zurich", "CHE")
    assert abs(loc.lat - 47.37) < 0.1 and abs(loc.lon - 8.55) < 0.1


def test_seed_title_meeting_in_rome(parse):
    doc = parse("US to warn China of dangers of Russian support at high-stakes meeting in Rome")
    assert where(place_for_event(token(doc, "meeting"))) == ("Rome", "ITA")
    assert place_for_event(token(doc, "warn")) is None  # the warning is not placed by the meeting's phrase


def test_place_in_the_object_phrase(parse):
    doc = parse("Fu noted that China will convene a meeting in Beijing with Iran and Russia on Friday.")
    assert where(place_for_event(token(doc, "convene"))) == ("Beijing", "CHN")


def test_place_inside_a_longer_phrase(parse):
    doc = parse("Gunmen stormed a hotel in the Somali city of Beledweyne on Tuesday.")
    assert where(place_for_event(token(doc, "stormed"))) == ("Beledweyne", "SOM")


def test_destination_of_a_journey(parse):
    doc = parse("Indian Prime Minister Narendra Modi is due to travel to Mauritius on Tuesday.")
    assert where(place_for_event(token(doc, "travel"))) == ("Mauritius", "MUS")


def test_event_named_after_its_place(parse):
    doc = parse("Talks failed at the Hanoi Summit held in February.")
    loc = place_for_event(token(doc, "Talks"))
    assert (loc.text, loc.code) == ("Hanoi", "VNM")


def test_where_the_actors_are_is_not_where_the_event_is(parse):
    doc = parse("A group of prominent China experts in the US on Friday urged Washington to keep talking.")
    assert place_for_event(token(doc, "urged")) is None


def test_person_named_like_a_town_is_no_place(parse):
    doc = parse("Unemployment rose sharply in Obama's second term.")
    assert place_for_event(token(doc, "rose")) is None


def test_no_place_phrase(parse):
    doc = parse("The minister resigned on Monday.")
    assert place_for_event(token(doc, "resigned")) is None
