"""Modes from the wording of news: sentences of our own in the styles of wire copy, official
readouts, regional papers and broadcasters, each read with its type and trigger given, so that the
mode cues are checked whatever the event passes make of the sentence (data/modes.yaml)."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.extract import modes
from eventwire.model import Event


def mode_in(text: str, type_: str, trigger: str) -> str | None:
    """The mode of an event of the type whose trigger is the first token spelt `trigger`."""
    doc = nlp.load()(text)
    token = next(t for t in doc if t.text == trigger)
    event = Event(id="e", type=type_, trigger=trigger, sentence=text, start=0, end=len(text))
    return modes.mode_of(event, token, token.sent)


@pytest.mark.parametrize(
    ("text", "trigger", "mode"),
    [
        (
            "Ukrainian troops hit Russian positions with HIMARS launchers, the General Staff said.",
            "hit",
            "heavy-weapons",
        ),
        ("Soldiers fired live rounds at demonstrators in Omdurman, medics said.", "fired", "firearms"),
        ("Militants sprayed a passenger bus with bullets in Quetta, killing nine people.", "sprayed", "firearms"),
        ("Insurgents blew up a bridge in Borno state on Monday, the army said.", "blew", "explosives"),
        ("A man wearing an explosive vest attacked a mosque in Peshawar, killing 40.", "attacked", "suicide-attack"),
        ("Bandits carted away 30 students from a school in Zamfara on Tuesday.", "carted", "abduct"),
        ("Fighters sexually assaulted dozens of girls during the raid, witnesses said.", "assaulted", "sexual"),
        # "assaulted" alone is an attack, not a beating: the weapon named beside it says how
        ("Russian troops assaulted the town of Pokrovsk with artillery and drones.", "assaulted", "heavy-weapons"),
        ("Militants killed the district chief in a targeted attack in Kandahar.", "killed", "targeted"),
        ("Security guards punched and kicked a reporter outside the court.", "punched", "beat"),
        ("Police beat opposition supporters with batons outside parliament in Kampala.", "beat", "beat"),
        ("A mob set fire to a church in Punjab, police said.", "set", "primitive"),
        ("Rioters torched homes in the Kandy district overnight.", "torched", "primitive"),
    ],
)
def test_news_wording_of_attacks_says_how(text, trigger, mode):
    assert mode_in(text, "ASSAULT", trigger) == mode


@pytest.mark.parametrize(
    ("text", "trigger", "mode"),
    [
        ("The army picked up three activists from their homes in Lahore, their families said.", "picked", "arrest"),
        ("Authorities froze the bank accounts of the human rights group.", "froze", "seize"),
        ("Authorities placed the city under a security lockdown ahead of the vote.", "placed", "restrict"),
        ("The junta suspended all political party activities in Niger.", "suspended", "restrict"),
        ("Police sealed off the square to prevent a rally in Minsk.", "sealed", "restrict"),
        ("The election commission disqualified the opposition candidate from the race.", "disqualified", "restrict"),
        ("The regulator suspended the broadcast licence of the private TV station.", "suspended", "censor"),
        ("The army halted the delivery of food and fuel to the besieged town.", "halted", "withhold"),
        ("The government ordered three foreign journalists out of the country.", "ordered", "deport"),
        ("Burkina Faso declared the French military attache persona non grata.", "declared", "deport"),
    ],
)
def test_news_wording_of_crackdowns_says_how(text, trigger, mode):
    assert mode_in(text, "COERCE", trigger) == mode


@pytest.mark.parametrize(
    ("text", "type_", "trigger", "mode"),
    [
        (
            "The rebel group vowed to march on the capital and overthrow the government.",
            "THREATEN",
            "vowed",
            "violence",
        ),
        ("Kyiv warned it would pull out of the talks.", "THREATEN", "warned", "relations"),
        # a demand says nothing of what was demanded: what follows it does
        ("Moscow rejected demands to withdraw its troops from Ukraine.", "REJECT", "rejected", "yield"),
        ("Hundreds of students took to the streets of Dhaka on Monday.", "PROTEST", "took", "demo"),
        ("The Wagner group moved fighters into central Mali.", "MOBILIZE", "moved", "militia"),
        ("Israel allowed U.N. aid workers into northern Gaza.", "RETREAT", "allowed", "access"),
    ],
)
def test_news_wording_of_threats_refusals_and_moves_says_how(text, type_, trigger, mode):
    assert mode_in(text, type_, trigger) == mode


@pytest.mark.parametrize(
    ("text", "type_", "trigger", "mode"),
    [
        ("Police fired rubber bullets at protesters in Dhaka.", "ASSAULT", "fired", "crowd-control"),
        ("Police fired warning shots in the air to disperse the crowd in Lahore.", "ASSAULT", "fired", "crowd-control"),
    ],
)
def test_a_cue_inside_a_longer_cue_says_less(text, type_, trigger, mode):
    """'rubber bullets' are no firearm, nor 'warning shots' shooting, though a bullet and a shot are."""
    assert mode_in(text, type_, trigger) == mode


def test_the_words_that_say_what_kind_of_actor_name_the_means():
    """'a suicide car bomber': the bomber is no aircraft, the attack a suicide attack."""
    assert mode_in("A suicide car bomber rammed a military base in northern Mali.", "ASSAULT", "rammed") == (
        "suicide-attack"
    )


def test_a_hyphenated_cue_is_read_as_spacy_cuts_it():
    """'sit-in' is three tokens (sit - in); the cue must be too."""
    text = "Supporters of the opposition staged a sit-in outside the electoral commission."
    assert modes.cues()["PROTEST"].by_first_word["sit"]
    assert mode_in(text, "PROTEST", "staged") == "demo"


def test_the_noun_a_relative_clause_tells_of_is_the_means():
    """'a landmine that killed three': the landmine did the killing."""
    text = "Militants planted a landmine that killed three villagers in Rakhine state."
    assert mode_in(text, "ASSAULT", "killed") == "explosives"


def test_an_assault_launched_is_no_beating():
    """'launched an assault' names an attack, not how it was done."""
    text = "The insurgents launched a bold assault on an army camp in Lamu County."
    assert mode_in(text, "ASSAULT", "launched") is None


def test_a_raid_on_a_newspaper_is_a_seizure():
    """The act the trigger names (raided) wins over the outlet beside it (censorship)."""
    text = "Police raided the newspaper offices in Dhaka on Thursday."
    assert mode_in(text, "COERCE", "raided") == "seize"
