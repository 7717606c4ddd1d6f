"""Modes: how an event was done, from the words around its trigger, only among its type's modes."""

from __future__ import annotations

import pytest

from eventwire.extract import modes
from eventwire.model import Actor, Article, Event, Location
from eventwire.pipeline import process


def first_event(text: str, type_: str) -> Event:
    """The first event of the type that eventwire finds in a short text."""
    events = [e for e in process(Article(id="t", text=text, published="2025-03-01")).events if e.type == type_]
    assert events, f"no {type_} in {text!r}"
    return events[0]


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("Israeli warplanes bombed Hamas positions in Gaza on Tuesday.", "ASSAULT", "aerial"),
        ("A suicide bomber attacked a police station in Kabul, Afghan officials said.", "ASSAULT", "suicide-attack"),
        ("French President Emmanuel Macron talked by phone with Chinese President Xi Jinping.", "CONSULT", "phone"),
        ("Kenyan teachers went on a hunger strike on Monday to protest against the government.", "PROTEST", "hunger"),
    ],
)
def test_the_words_around_the_trigger_say_how(text, type_, mode):
    assert first_event(text, type_).mode == mode


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("Russian forces shelled the Ukrainian town of Kharkiv on Monday.", "ASSAULT", "heavy-weapons"),
        ("A US drone strike killed an al-Shabab commander in Somalia.", "ASSAULT", "drone"),
        ("Turkish police detained 20 journalists in Istanbul.", "COERCE", "arrest"),
        ("A Bosnian court sentenced Dodik to one year in prison.", "SANCTION", "convict"),
    ],
)
def test_a_mode_the_trigger_lexicon_states_for_the_type_is_kept(text, type_, mode):
    """The lexicon's rules already give these; the modes pass must not lose or change them."""
    assert first_event(text, type_).mode == mode


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        # an offer says nothing of what was offered: the talks say what was turned down
        ("Tehran rejected an offer of new nuclear talks from Washington on Monday.", "REJECT", "meet"),
        ("Syria's Kurds rejected the interim constitution, calling it exclusionary.", "REJECT", "change"),
        ("The United Nations urged Israel to remove the checkpoints around Gaza.", "REQUEST", "yield"),
        # the trigger says how; the outlet the editor works for does not make it censorship
        ("Police in Harare arrested the editor of an opposition newspaper on Monday.", "COERCE", "arrest"),
        # a verb joined to the trigger is another act: the raid is a seizure, the detention an arrest
        ("Israeli forces raided a refugee camp and detained ten Palestinians.", "COERCE", "seize"),
        # a country hosting talks between two others is the third party, not a host receiving a visit
        ("Turkey hosted peace talks between Russia and Ukraine in Istanbul.", "CONSULT", "third-party"),
    ],
)
def test_what_was_asked_for_or_turned_down_says_how(text, type_, mode):
    assert first_event(text, type_).mode == mode


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("The Nigerian army clashed with Boko Haram in a firefight near Maiduguri.", "ASSAULT", "firearms"),
        ("Kenyan police killed two protesters in a shootout in Nairobi.", "ASSAULT", "firearms"),
        ("Iran threatened to halt talks with the European Union over the sanctions.", "THREATEN", "relations"),
        ("Thailand threatened to impose martial law on the southern provinces.", "THREATEN", "restrict"),
        ("Hamas threatened to resume terrorist attacks in Israel.", "THREATEN", "violence"),
    ],
)
def test_news_wording_of_gunfights_and_threats_says_how(text, type_, mode):
    assert first_event(text, type_).mode == mode


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        # a bare "call" is also calling a meeting: only a call held with someone is by phone
        (
            "Britain called a closed-door meeting on Wednesday of the U.N. Security Council on Sudan.",
            "CONSULT",
            "multilateral",
        ),
        (
            "Algeria called an urgent meeting Monday of the Arab League over the strikes on Gaza.",
            "CONSULT",
            "multilateral",
        ),
        ("Egypt brokered talks between Israel and Hamas on Sunday.", "CONSULT", "third-party"),
        ("Hamas threatened to resume suicide bombings in Israel.", "THREATEN", "violence"),
        ("Pyongyang threatened to launch nuclear strikes against Seoul.", "THREATEN", "violence"),
        ("Morocco threatened to cut diplomatic ties with Algeria.", "THREATEN", "relations"),
        ("Authorities shut down mobile internet in Conakry as the protests spread.", "COERCE", "withhold"),
        ("The African Union suspended Gabon's membership after the coup.", "SANCTION", "expel"),
        ("Somalia asked Turkey for military equipment.", "REQUEST", "assist"),
        ("Kenya deployed police officers to Haiti.", "MOBILIZE", "police"),
        ("Nurses in Malawi downed their tools to protest unpaid allowances.", "PROTEST", "strike"),
    ],
)
def test_news_wording_of_calls_threats_cuts_and_requests_says_how(text, type_, mode):
    """Wire copy, readouts and regional papers tell these modes in words the first cue lists missed."""
    assert first_event(text, type_).mode == mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Gunmen kidnapped 40 schoolchildren in Katsina state on Friday.", "abduct"),
        ("Unidentified gunmen assassinated a district governor in Helmand.", "targeted"),
    ],
)
def test_an_act_the_trigger_names_wins_over_the_weapon_beside_it(text, mode):
    """'gunmen' names firearms, but a kidnapping or an assassination says more of what was done."""
    assert first_event(text, "ASSAULT").mode == mode


def test_the_police_a_number_counts_are_what_was_deployed():
    """'thousands of riot police': the deployment is of police, not the troops 'deployed' suggests."""
    assert first_event("The government deployed thousands of riot police in Lima.", "MOBILIZE").mode == "police"


def test_a_participle_clause_takes_the_means_of_the_clause_it_hangs_from():
    """'..., killing 12': the killing was done by what the main clause launched."""
    text = "Sudanese army troops launched artillery fire on the city, killing dozens of civilians."
    assert first_event(text, "ASSAULT").mode == "heavy-weapons"


def test_a_more_specific_mode_overrides_the_default_found_near_the_trigger():
    """The trip is to a meeting of a bloc: its phrase says more than the verb of travel (a visit, the default)."""
    text = "Blinken will travel to Brussels on Friday for talks with NATO foreign ministers."
    assert first_event(text, "CONSULT").mode == "multilateral"


def test_a_meeting_held_in_a_third_country_is_third_party():
    event = Event(
        id="e",
        type="CONSULT",
        trigger="talks",
        sentence="U.S. officials held talks with Russian officials in Riyadh.",
        start=0,
        end=59,
        source=[Actor("U.S. officials", code="USA")],
        target=[Actor("Russian officials", code="RUS")],
        location=Location("Riyadh", code="SAU"),
    )
    assert modes.mode_of(event, None) == "third-party"
    event.location = Location("Moscow", code="RUS")
    assert modes.mode_of(event, None) == "visit"  # the type's default: one side hosts


def test_a_lexicon_mode_outside_the_type_is_dropped():
    event = Event(id="e", type="CONCEDE", trigger="x", sentence="x", start=0, end=1, mode="release")
    assert modes.mode_of(event, None) is None  # CONCEDE has no modes
    event = Event(id="e", type="THREATEN", trigger="x", sentence="x", start=0, end=1, mode="weapons")
    assert modes.mode_of(event, None) is None  # weapons is a MOBILIZE mode


def test_every_cue_names_a_mode_of_its_type():
    """modes.cues() refuses a cue for a mode its type does not allow; the shipped data loads."""
    allowed = modes.vocabulary().modes
    table = modes.cues()
    for type_, cues in table.items():
        assert set(cues.modes) <= set(allowed[type_])
        assert cues.default is None or cues.default in allowed[type_]


def test_a_cue_for_a_mode_outside_its_type_is_refused(monkeypatch):
    bad = {"types": {"CONSULT": {"modes": {"aerial": ["air strike"]}}}}
    real = modes.read_yaml
    monkeypatch.setattr(modes, "read_yaml", lambda name: bad if name == "modes.yaml" else real(name))
    modes.cues.cache_clear()
    try:
        with pytest.raises(ValueError, match="CONSULT has no mode 'aerial'"):
            modes.cues()
    finally:
        modes.cues.cache_clear()


def test_the_vocabulary_is_plovers():
    vocab = modes.vocabulary()
    assert len(vocab.modes) == 16 and len(vocab.contexts) == 37
    assert vocab.modes["AGREE"] == () and "aerial" in vocab.modes["ASSAULT"]


def test_a_trigger_with_no_verb_above_it_ends():
    """The clause of a nominal trigger is looked for up to the root, which heads itself."""
    events = process(Article(id="t", text="Talks between Russia and Ukraine in Riyadh.")).events
    assert all(e.mode is None or e.mode in modes.vocabulary().modes[e.type] for e in events)
