"""Events: PLOVER triggers on the parse, argument roles, merging, and bad input."""

from __future__ import annotations

import json

import pytest
from conftest import SEED

from eventwire import nlp
from eventwire.extract.events.lexicon import lexicon
from eventwire.extract.events.matching import match
from eventwire.extract.vocabulary import read_yaml
from eventwire.model import Article, Event
from eventwire.pipeline import process
from eventwire.readers.discover import read_paths


@pytest.fixture(scope="session")
def english():
    """The spaCy pipeline, loaded once for the session."""
    return nlp.load()


def events_of(text: str, published: str | None = "2022-03-13T21:12:38") -> list[Event]:
    return process(Article(id="t", text=text, published=published)).events


def codes(side) -> set[str]:
    return {a.code for a in side if a.code}


def find(events: list[Event], type_: str, source: set[str] | None = None, target: set[str] | None = None) -> Event:
    for e in events:
        if (
            e.type == type_
            and (source is None or source <= codes(e.source))
            and (target is None or target <= codes(e.target))
        ):
            return e
    raise AssertionError(
        f"no {type_} {source}->{target} in {[(e.type, codes(e.source), codes(e.target)) for e in events]}"
    )


def pair(e: Event) -> set[str]:
    return codes(e.source) | codes(e.target)


@pytest.fixture(scope="session")
def seed(english) -> list[Event]:
    [article] = read_paths([str(SEED)])  # examples/: the seed as its reader gives it
    return process(article).events


def test_seed_consult_between_us_and_china_is_planned_on_monday(seed):
    meetings = [e for e in seed if e.type == "CONSULT" and pair(e) >= {"USA", "CHN"}]
    assert any(e.date == "2022-03-14" and e.status == "planned" for e in meetings)
    assert any(e.date and e.date.startswith("2021-10") for e in meetings)  # "last met in Zurich in October"


def test_seed_request_is_reported_by_us_and_disputed_by_china_and_russia(seed):
    e = find(seed, "REQUEST", {"RUS"}, {"CHN"})
    assert e.status == "reported"
    assert codes(e.attributed_to) == {"USA"}
    assert codes(e.disputed_by) >= {"CHN", "RUS"}


def test_seed_zhao_accuses_the_us(seed):
    e = find(seed, "ACCUSE", {"CHN"}, {"USA"})
    assert e.date == "2022-03-14"


def test_seed_invasion_is_a_nominal_assault(seed):
    find(seed, "ASSAULT", {"RUS"}, {"UKR"})


def test_every_event_keeps_its_evidence(seed):
    text = "\n".join(SEED.read_text(encoding="utf-8").split("\n")[4:])
    for e in seed:
        assert text[e.start : e.end] == e.sentence
        assert e.start <= e.trigger_start < e.trigger_end <= e.end
        assert text[e.trigger_start : e.trigger_end] == e.trigger


def test_active_and_passive_give_the_same_roles(english):
    active = find(events_of("Chadian rebels attacked Sudanese troops near the border on Monday."), "ASSAULT")
    passive = find(events_of("Sudanese troops were attacked by Chadian rebels near the border on Monday."), "ASSAULT")
    for e in (active, passive):
        assert codes(e.source) == {"TCD"} and codes(e.target) == {"SDN"}


def test_nominal_triggers_take_possessor_modifier_and_preposition(english):
    events = events_of("Russia's invasion of Ukraine shocked Europe. Leaders discussed US sanctions against Russia.")
    find(events, "ASSAULT", {"RUS"}, {"UKR"})
    find(events, "SANCTION", {"USA"}, {"RUS"})


def test_light_verb_and_control_verb_reach_the_subject(english):
    e = find(events_of("The European Union decided to impose sanctions on Iran on Friday."), "SANCTION")
    assert codes(e.source) == {"IGO"} and codes(e.target) == {"IRN"}
    e = find(events_of("Kenya launched an attack on al-Shabab camps in Somalia."), "ASSAULT")
    assert codes(e.source) == {"KEN"}


def test_coordinated_parties_meet_as_one_mutual_event(english):
    events = [e for e in events_of("France and Germany held talks in Paris on Monday.") if e.type == "CONSULT"]
    assert len(events) == 1 and pair(events[0]) == {"FRA", "DEU"}


def test_a_conversation_noun_takes_the_parties_of_its_verb(english):
    text = "The French president told the German chancellor in a phone conversation on Monday that the war must end."
    e = find(events_of(text), "CONSULT")
    assert pair(e) == {"FRA", "DEU"}


def test_retellings_merge_into_one_event(english):
    text = (
        "Iran attacked Saudi Arabia on Monday, officials said. "
        "The attack by Iran on Saudi Arabia was condemned by France. "
        "Iran attacked Saudi Arabia because of a border dispute."
    )
    assaults = [e for e in events_of(text) if e.type == "ASSAULT"]
    assert len(assaults) == 1
    assert assaults[0].trigger == "attacked"  # a verb tells it better than the noun


def test_an_object_that_is_no_trigger_does_not_make_one(english):
    # "send" is MOBILIZE only with troops and the like, AID only with aid and the like
    types = {e.type for e in events_of("Mexico sent 10,000 troops to its northern border.")}
    assert "MOBILIZE" in types and "AID" not in types
    assert not events_of("Mexico sent a letter to its northern neighbour.")


def test_content_of_a_demand_is_not_an_event(english):
    types = {e.type for e in events_of("The United Nations called for sanctions on North Korea.")}
    assert types == {"REQUEST"}


def test_lexicon_is_indexed_once_per_process():
    assert lexicon() is lexicon()
    lex = lexicon()
    assert any(r.type == "ASSAULT" for r in lex.verbs["attack"])
    assert any(r.type == "SANCTION" for r in lex.nouns["sanction"])


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday, March 14.",  # no verb
        " ".join(["the talks between Russia and Ukraine and the sanctions on Iran"] * 50),  # a 500-word sentence
        "RUSSIA ATTACKS UKRAINE AS CHINA WATCHES",  # all-caps headline
        "\u201cWe will fight.\u201d \u201cThey attacked us.\u201d \u201cNever again.\u201d",  # only quotes
        "They attacked the village at dawn and burned the houses.",  # actors never named
        "",
    ],
)
def test_bad_input_gives_no_crash_and_no_event_without_evidence(english, text):
    for e in events_of(text, published=None):
        assert text[e.start : e.end] == e.sentence and e.sentence
        assert e.source or e.target  # never an event with no party at all
        for actor in e.source + e.target:
            assert actor.text and actor.text.lower() in text.lower()  # no invented actor


def test_an_act_with_no_stated_target_is_aimed_at_the_country_its_sentence_names(english):
    event = find(events_of("The United Nations urged an end to violence in Syria."), "REQUEST")
    assert codes(event.source) == {"IGO"} and codes(event.target) == {"SYR"}


def test_an_act_with_no_other_country_named_is_domestic(english):
    event = find(events_of("The French police arrested three men on Monday."), "COERCE")
    assert codes(event.source) == codes(event.target) == {"FRA"}


def test_an_event_without_any_coded_actor_is_left_out(english):
    assert events_of("Unknown gunmen attacked a village on Monday.") == []


def test_we_inside_a_direct_quote_is_the_speaker(english):
    text = (
        "“We have told Beijing that we will not stand by and allow any country to compensate "
        "Russia,” US national security adviser Jake Sullivan said on Sunday."
    )
    event = find(events_of(text), "THREATEN")
    assert codes(event.source) == {"USA"} and codes(event.target) == {"CHN"}


def test_parties_of_several_countries_without_a_target_act_toward_each_other(english):
    event = find(events_of("Syria and Turkey threatened on Monday to close the border crossing."), "THREATEN")
    assert pair(event) == {"SYR", "TUR"} and not codes(event.source) & codes(event.target)


def test_parties_of_an_undirected_act_each_act_toward_no_one_named(english):
    event = find(events_of("Jordan and Britain have agreed to undertake joint military exercises this month."), "AGREE")
    assert codes(event.source) == {"JOR", "GBR"} and event.target == []


def test_a_missing_source_is_the_country_named_nearest_before_the_trigger(english):
    text = "China criticized the move, and after US pressure new sanctions against Russia took effect on Monday."
    event = find(events_of(text), "SANCTION", target={"RUS"})
    assert codes(event.source) == {"USA"}


def test_a_country_before_experts_is_their_topic_and_the_place_after_says_where_they_are(english):
    text = "A group of prominent China experts in the US on Friday urged Washington to keep talking."
    event = find(events_of(text), "REQUEST")
    assert codes(event.source) == {"USA"}


def test_an_undirected_act_with_no_target_keeps_it_empty(english):
    event = find(events_of("Five hundred Ugandan rebels surrendered last week in the town of Soroti."), "RETREAT")
    assert codes(event.source) == {"UGA"} and event.target == []


def test_a_warning_in_a_reported_clause_is_dated_when_it_was_said(english):
    text = (
        "US national security adviser Jake Sullivan spoke to CNN on Sunday. “We have told Beijing that "
        "we will not stand by and allow any country to compensate Russia,” Sullivan said."
    )
    event = find(events_of(text), "THREATEN")
    assert event.date == "2022-03-13"


def test_a_noun_under_a_light_verb_takes_the_date_of_the_story_before_it(english):
    text = "Trump spoke to Canadian leaders on Tuesday. Trump imposed 25% tariffs on Canadian exports to the U.S."
    event = find(events_of(text), "SANCTION")
    assert event.date == "2022-03-08"


def test_the_country_of_who_tells_the_story_is_no_side_of_it(english):
    event = find(
        events_of("Rebels in Sudan killed about 20 people on Sunday, relief officials in Kenya said."), "ASSAULT"
    )
    assert codes(event.source) == codes(event.target) == {"SDN"}


def test_a_meeting_with_one_party_named_is_with_the_coordinated_countries_its_sentence_names(english):
    event = find(events_of("China will convene a meeting in Beijing with Iran and Russia on Friday."), "CONSULT")
    assert pair(event) == {"CHN", "IRN", "RUS"}


def test_blame_inside_a_quote_is_an_accusation_by_the_speaker(english):
    text = (
        "\u201cRussia does not have a good record of living up to ceasefires,\u201d "
        "U.S. Secretary of State Antony Blinken said on Tuesday."
    )
    e = find(events_of(text), "ACCUSE", {"USA"}, {"RUS"})
    assert e.sentence.startswith("\u201cRussia does not")


def test_quoted_praise_is_no_accusation(english):
    text = (
        "\u201cRussia has a long tradition of great ballet,\u201d "
        "U.S. Secretary of State Antony Blinken said on Tuesday."
    )
    assert not [e for e in events_of(text) if e.type == "ACCUSE"]


def test_what_a_country_says_another_must_do_is_a_request(english):
    text = (
        "A State Department spokesperson told reporters on Monday that the United Nations "
        "must maintain sanctions on North Korea."
    )
    e = find(events_of(text), "REQUEST", {"USA"}, {"IGO"})
    assert e.status != "hypothetical"


def test_what_a_country_declares_or_reiterates_another_must_do_is_a_request(english):
    text = "A senior Japanese minister declared on Monday that China must release the detained fishermen."
    assert codes(find(events_of(text), "REQUEST", {"JPN"}).target) == {"CHN"}
    text = "The British foreign secretary reiterated that Libya must hand over the two suspects."
    assert codes(find(events_of(text), "REQUEST", {"GBR"}).target) == {"LBY"}


def test_what_a_country_says_it_must_do_itself_is_no_request(english):
    text = "A State Department spokesperson said on Monday that the United States must stay vigilant."
    assert not [e for e in events_of(text) if e.type == "REQUEST"]


def test_a_preposition_on_the_participle_after_a_noun_trigger_is_its_target(english):
    text = (
        "Analysts discussed a Chinese and Russian proposal made on Monday "
        "for the U.N. Security Council to lift sanctions."
    )
    e = find(events_of(text), "REQUEST", {"CHN"}, {"IGO"})
    assert "RUS" not in codes(e.target)


def test_a_statement_told_in_the_content_clause_of_a_noun_is_dated_by_the_noun(english):
    text = "Lawmakers welcomed Friday's announcement that Kenya had agreed to send troops to Somalia."
    assert find(events_of(text), "AGREE", {"KEN"}).date == "2022-03-11"


def test_a_definite_event_noun_gives_its_finer_date_to_the_event_named_before(english):
    text = (
        "During a visit by the French president to Germany last month, the two leaders discussed trade. "
        "The chancellor spoke with reporters during the visit on Feb. 24."
    )
    assert find(events_of(text), "CONSULT", {"FRA"}, {"DEU"}).date == "2022-02-24"


def test_a_definite_event_noun_takes_the_date_of_the_event_named_before(english):
    text = (
        "France called an emergency meeting of the U.N. Security Council on Friday. Britain backed the call. "
        "Analysts said on Saturday that Iran's ambassador spoke at the meeting."
    )
    events = events_of(text)
    assert find(events, "CONSULT", {"FRA"}).date == "2022-03-11"  # "called a meeting": its subject meets
    assert find(events, "CONSULT", {"IRN"}).date == "2022-03-11"


def test_a_request_for_comment_is_no_request(english):
    assert events_of("Iran's mission did not respond to an Israeli request for comment.") == []
    assert events_of("Israel asked Iran for comment.") == []


def test_a_doer_the_text_calls_unknown_is_not_filled_in(english):
    event = find(
        events_of("Guatemalan police officers were threatened by unnamed individuals, the judge said."),
        "THREATEN",
        target={"GTM"},
    )
    assert event.source == []


def test_actors_named_along_with_the_subject_act_too(english):
    event = find(events_of("The United States, along with Britain and France, imposed sanctions on Iran."), "SANCTION")
    assert codes(event.source) == {"USA", "GBR", "FRA"} and codes(event.target) == {"IRN"}


def test_troops_moved_within_their_own_country_are_aimed_at_no_one(english):
    event = find(events_of("Mexico's president sent 10,000 troops to Mexico's northern border on Tuesday."), "MOBILIZE")
    assert codes(event.source) == {"MEX"} and codes(event.target) == set()


def test_a_body_acting_with_no_target_acts_toward_the_country_of_its_place(english):
    event = find(
        events_of("The World Food Program distributed food to families in Mulanje district on Thursday."), "AID"
    )
    assert codes(event.source) == {"IGO"} and codes(event.target) == {"MWI"}


def test_a_circumstance_does_not_count_as_the_rejected_claim(english):
    event = find(events_of("Iran rejected the American offer amid concerns about its stockpile of uranium."), "REJECT")
    assert codes(event.source) == {"IRN"}


def test_its_before_an_answered_event_noun_is_the_party_named_before_not_the_answerer(english):
    event = find(events_of("The IAEA made a new proposal on Monday. Tehran rejected its offer."), "REJECT")
    assert codes(event.source) == {"IRN"} and codes(event.target) == {"IGO"}


def test_an_answer_to_a_definite_request_is_aimed_at_who_asked(english):
    found = events_of(
        "Mexico asked the United States for more vaccines on Monday. "
        "Washington denied the request and asked instead for help at the border."
    )
    rejection = find(found, "REJECT", {"USA"})
    assert codes(rejection.target) == {"MEX"}
    counter = [e for e in found if e.type == "REQUEST" and e.trigger_start > rejection.trigger_start]
    assert [(codes(e.source), codes(e.target)) for e in counter] == [({"USA"}, {"MEX"})]


def test_a_deed_after_an_answer_is_not_aimed_at_who_asked(english):
    found = events_of(
        "Egypt proposed a ceasefire on Monday. Israel rejected the proposal and sent troops to the border."
    )
    assert codes(find(found, "REJECT", {"ISR"}).target) == {"EGY"}
    assert "EGY" not in codes(find(found, "MOBILIZE", {"ISR"}).target)


def test_an_answerer_of_no_known_country_is_not_aimed_at_the_asker(english):
    found = events_of(
        "Iran asked the IAEA for more time on Monday. The agency denied the request and demanded access to the site."
    )
    assert not [e for e in found if e.type in ("REJECT", "REQUEST") and codes(e.source) == codes(e.target)]


def test_an_answer_to_an_event_noun_told_before_takes_its_maker_as_target(english):
    event = find(events_of("Iran made a proposal to France. Paris accepted the proposal on Monday."), "AGREE")
    assert codes(event.source) == {"FRA"} and codes(event.target) == {"IRN"}


def test_a_request_by_a_named_party_makes_it_the_target_of_the_rejection(english):
    event = find(events_of("Germany rejected the request by Ukraine for more tanks."), "REJECT")
    assert codes(event.source) == {"DEU"} and codes(event.target) == {"UKR"}


def test_a_hostile_act_said_to_follow_a_condition_is_a_warning_to_who_it_is_put_to(english):
    found = events_of(
        "A Japanese diplomat said on Monday that sanctions could follow if Pyongyang carried out another nuclear test."
    )
    event = find(found, "THREATEN", {"JPN"}, {"PRK"})
    assert event.trigger == "said" and event.status == "occurred"
    assert not [e for e in found if e.type == "SANCTION"]  # only posed as a condition


@pytest.mark.parametrize(
    "text",
    [
        "A Japanese diplomat said on Monday that sanctions would not follow if Pyongyang halted its tests.",
        "A Japanese diplomat said on Monday that sanctions will be lifted if Pyongyang halts its tests.",
    ],
)
def test_an_act_said_not_to_follow_or_to_be_undone_is_no_warning(english, text):
    assert not [e for e in events_of(text) if e.type == "THREATEN"]


def test_a_conditional_act_with_no_one_it_is_put_to_is_no_warning(english):
    found = events_of("A Japanese diplomat said on Monday that sanctions could follow if tensions rose.")
    assert not [e for e in found if e.type == "THREATEN"]


@pytest.mark.parametrize(
    "text, type_",
    [
        ("The Kenyan government was sharply critical of Ethiopia's dam project on Monday.", "ACCUSE"),
        ("Kenyan prosecutors charged two Ethiopian diplomats with smuggling on Monday.", "ACCUSE"),
        ("The Kenyan government faulted Ethiopia for the delay on Monday.", "ACCUSE"),
        ("The Kenyan government halted trade with Ethiopia on Monday.", "SANCTION"),
        ("The Kenyan government turned down Ethiopia's offer of talks on Monday.", "REJECT"),
        ("The Kenyan government ruled out talks with Ethiopia on Monday.", "REJECT"),
        ("Kenya's seizure of an Ethiopian cargo ship on Monday angered officials.", "COERCE"),
        ("The Kenyan government froze the assets of an Ethiopian minister on Monday.", "SANCTION"),
        ("The Kenyan government designated the Ethiopian group as a terrorist organisation on Monday.", "SANCTION"),
        ("Kenyan police broke up an Ethiopian smuggling ring on Monday.", "COERCE"),
        ("Kenya conferred its highest honour on the Ethiopian prime minister on Monday.", "SUPPORT"),
        ("The Kenyan government said on Monday it was deeply concerned about Ethiopia's troop moves.", "ACCUSE"),
        ("Kenyan officials voiced concern on Monday over Ethiopia's dam.", "ACCUSE"),
        ("Kenya pledged 20 million euros to Ethiopia on Monday.", "AID"),
        ("Kenyan warships sailed into the disputed waters off Ethiopia on Monday.", "MOBILIZE"),
        ("Kenyan jets entered Ethiopian airspace on Monday.", "MOBILIZE"),
        ("Ethiopia protested on Monday against a Kenyan incursion into its airspace.", "MOBILIZE"),
        ("The Kenyan president credited Ethiopia for its role in the talks on Monday.", "SUPPORT"),
        ("Kenya inked a trade deal with Ethiopia on Monday.", "SUPPORT"),
        ("Kenya sealed a security pact with Ethiopia on Monday.", "SUPPORT"),
        ("Kenya expressed support for Ethiopia on Monday.", "SUPPORT"),
        ("Kenya pressured Ethiopia on Monday to reopen the border.", "REQUEST"),
        ("The Kenyan president lashed out at Ethiopia on Monday.", "ACCUSE"),
        ("Kenyan police apprehended two Ethiopian journalists on Monday.", "COERCE"),
        ("Kenyan troops razed an Ethiopian village on Monday.", "ASSAULT"),
        ("Kenyan soldiers gunned down two Ethiopian herders on Monday.", "ASSAULT"),
        ("Kenya released ten Ethiopian fishermen on Monday.", "RETREAT"),
        ("Kenya banned the importation of Ethiopian coffee on Monday.", "SANCTION"),
        ("Kenya levied tariffs on Ethiopian goods on Monday.", "SANCTION"),
        ("Kenyan rebels wreaked violence against Ethiopian villagers on Monday.", "ASSAULT"),
        ("The Kenyan president hit out at Ethiopia on Monday.", "ACCUSE"),
        ("The Kenyan foreign minister chastised Ethiopia on Monday.", "ACCUSE"),
        ("Kenya flouted Ethiopia's demands on Monday.", "REJECT"),
        ("Kenya disregarded Ethiopia's ultimatum on Monday.", "REJECT"),
        ("Kenya penalized Ethiopian airlines on Monday.", "SANCTION"),
        ("Kenya downgraded ties with Ethiopia on Monday.", "SANCTION"),
        ("Kenya's travel ban on Ethiopian officials took effect on Monday.", "SANCTION"),
        ("Kenya's ban on Ethiopian coffee took effect on Monday.", "SANCTION"),
        ("A Kenyan asset freeze on Ethiopian officials took effect on Monday.", "SANCTION"),
        ("Kenya scrambled fighter jets toward Ethiopia on Monday.", "MOBILIZE"),
        ("Kenya issued a sharp rebuke to Ethiopia on Monday.", "ACCUSE"),
        ("Kenyan airdrops to Ethiopia resumed on Monday.", "AID"),
        ("Ethiopian soldiers, backed by Kenyan troops, retook the town on Monday.", "AID"),
        ("Kenya filed a protest with Ethiopia on Monday.", "ACCUSE"),  # a diplomatic protest, no rally
        ("Kenya remains opposed to Ethiopia's membership of the bloc.", "REJECT"),
        ("Kenyan air raids on Ethiopia resumed on Monday.", "ASSAULT"),
        ("Kenya fired rockets at Ethiopia on Monday.", "ASSAULT"),  # at someone: no weapons test
        ("Kenya contributed troops to Ethiopia on Monday.", "AID"),  # personnel for another's force
        ("Kenya vowed on Monday to defeat the Ethiopian rebels.", "THREATEN"),
        ("Kenya raised concerns with Ethiopia about the border incursions on Monday.", "ACCUSE"),
        ("Kenya voiced alarm at Ethiopia's military build-up on Monday.", "ACCUSE"),
        ("Kenya cautioned Ethiopia against any military build-up on the border.", "THREATEN"),
        ("Kenyan jets pounded Ethiopian positions on Monday.", "ASSAULT"),
        ("Kenya approved a $30 million loan to Ethiopia on Monday.", "AID"),  # a lender's approval
        ("Kenya imposed travel bans on five Ethiopian officials on Monday.", "SANCTION"),  # "on" under the verb
        ("Kenya lodged stern representations with Ethiopia over the border incident.", "ACCUSE"),
        ("Kenya expelled Ethiopia's deputy high commissioner on Monday.", "SANCTION"),
        ("Kenya ordered Ethiopian troops to leave the country on Monday.", "SANCTION"),  # an expulsion
        ("Kenyan drones hit an Ethiopian army base on Monday.", "ASSAULT"),
        ("Kenya launched a military intervention in Ethiopia on Monday.", "ASSAULT"),
        ("Kenya freed two Ethiopians on Monday.", "RETREAT"),  # people named by their nation
        ("Kenya suspended trade with Ethiopia on Monday.", "SANCTION"),
        ("Kenya extended a $100 million credit line to Ethiopia.", "AID"),
        ("Kenya announced a $50 million grant to Ethiopia on Monday.", "AID"),
        ("Kenya withdrew its ambassador from Ethiopia on Monday.", "SANCTION"),  # as recalling one
        ("Kenya shut down the Ethiopian embassy on Monday.", "SANCTION"),
        ("Kenya sent 500 police officers to Ethiopia on Monday.", "MOBILIZE"),
        ("Kenya seized an Ethiopian cargo plane on Monday.", "COERCE"),
        ("Kenya offered to mediate between Ethiopia and Eritrea.", "AGREE"),  # an offer, not yet a meeting
    ],
)
def test_plover_trigger_words_and_phrases(english, text, type_):
    find(events_of(text), type_, {"KEN"}, {"ETH"})


def test_an_investigation_against_people_is_aimed_at_them(english):
    text = "A Kenyan court opened investigations against six Ethiopian officials."
    (accused,) = [e for e in events_of(text) if e.type == "ACCUSE"]
    assert [a.text for a in accused.target] == ["six Ethiopian officials"] and accused.mode == "investigate"


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Kenya met the demands of Ethiopia on Monday.", "CONSULT"),  # meeting a demand is no meeting
        ("Kenya mobilized support among Ethiopian voters on Monday.", "MOBILIZE"),  # backers, not troops
        ("Kenya's long-threatened offensive against Ethiopia began on Monday.", "THREATEN"),  # the offensive's
        ("Kenyan medics evacuated the wounded from Ethiopia on Monday.", "ASSAULT"),  # "the wounded": people
        ("Kenya and Ethiopia signed a deal on Monday to fight smuggling.", "ASSAULT"),  # what the deal is for
        (
            "Thousands of Kenyans took to the streets to protest against Ethiopia's dam.",
            "ACCUSE",
        ),  # "to" is no "protest to"
        ("Prices hit a record high in Kenya after Ethiopia closed the border.", "ASSAULT"),
        ("Kenya's foreign minister spoke with reporters about Ethiopia on Monday.", "CONSULT"),  # no meeting
    ],
)
def test_words_that_look_like_triggers_but_tell_no_such_event(english, text, type_):
    assert not [e for e in events_of(text) if e.type == type_]


def test_declaring_an_emergency_or_martial_law_restricts_and_calls_for_nothing(english):
    assert find(events_of("Kenya declared a state of emergency on Monday."), "COERCE", {"KEN"})
    assert not [e for e in events_of("Kenya declared a state of emergency on Monday.") if e.type == "REQUEST"]
    assert find(events_of("Kenya declared martial law on Monday after the riots."), "COERCE", {"KEN"})


def test_a_vow_parsed_as_a_clause_of_purpose_is_still_a_vow(english):
    found = events_of("Kenyan rebels had sworn to fight until the Ethiopian army leaves the region.")
    assert find(found, "THREATEN", {"KEN"})
    assert not [e for e in found if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's president spoke by phone with his Ethiopian counterpart on Monday.",
        "Kenya and Ethiopia deepened their security ties on Monday.",
    ],
)
def test_talking_together_and_working_together(english, text):
    assert [e for e in events_of(text) if pair(e) >= {"KEN", "ETH"} and e.type in ("CONSULT", "COOPERATE")]


def test_a_ban_on_rallies_restricts_and_sanctions_no_one(english):
    found = events_of("Kenya imposed a ban on opposition rallies on Monday.")
    assert find(found, "COERCE", {"KEN"}) and not [e for e in found if e.type == "SANCTION"]


def test_a_meeting_a_trip_is_for_is_told_by_the_trip(english):
    found = events_of("Kenya's president flew to Addis Ababa on Monday to meet Ethiopia's prime minister.")
    assert find(found, "CONSULT", {"KEN"}) and pair(find(found, "CONSULT")) >= {"KEN", "ETH"}


def test_the_agent_of_a_passive_hung_from_a_noun_is_still_its_source(english):
    found = events_of("Ethiopia said the rebel group had been designated as a terrorist organization by Kenya.")
    assert find(found, "SANCTION", {"KEN"})


def test_a_warning_threatens_only_what_may_come(english):
    assert find(events_of("Kenya warned Ethiopia on Monday that it would close the border."), "THREATEN", {"KEN"})
    found = events_of("Kenya warned Ethiopia on Monday that the drought is hurting herders.")
    assert not [e for e in found if e.type == "THREATEN"]


def test_discussing_with_someone_is_a_meeting_and_a_topic_alone_is_not(english):
    met = events_of("Kenyan officials discussed the border with their Ethiopian counterparts on Monday.")
    assert find(met, "CONSULT", {"KEN", "ETH"})
    assert not [
        e for e in events_of("Kenyan officials discussed the Ethiopian border on Monday.") if e.type == "CONSULT"
    ]


def test_teaming_up_with_someone_is_cooperation(english):
    assert find(events_of("Kenya teamed up with Ethiopia on Monday to fight smugglers."), "COOPERATE", {"KEN", "ETH"})


def test_arranging_a_meeting_is_no_cooperation_but_coordinating_a_response_is(english):
    assert not [e for e in events_of("France and Germany coordinated the summit on Monday.") if e.type == "COOPERATE"]
    response = events_of("France and Germany coordinated their response to the crisis on Monday.")
    assert find(response, "COOPERATE", {"FRA", "DEU"})


def test_a_ban_that_says_on_no_one_is_no_sanction_of_another_country_named(english):
    assert not [e for e in events_of("Kenya's ban angered Ethiopia on Monday.") if e.type == "SANCTION"]


def test_a_ban_on_rallies_is_no_sanction(english):
    found = events_of("Kenya's ban on Ethiopian rallies angered Addis Ababa on Monday.")
    assert not [e for e in found if e.type == "SANCTION"]


def test_a_source_asking_not_to_be_named_makes_no_request(english):
    found = events_of("A Kenyan official, who requested anonymity, said Ethiopia had closed the border on Monday.")
    assert not [e for e in found if e.type == "REQUEST"]


def test_an_adjective_is_a_trigger_only_with_its_preposition(english):
    doc = nlp.load()("Kenya called the ceasefire a welcome step and was critical of Ethiopia.")
    adjectives = {t.lower_: match(t, lexicon()) for t in doc if t.pos_ == "ADJ"}
    assert adjectives["welcome"] is None and adjectives["critical"].type == "ACCUSE"


@pytest.mark.parametrize(
    "text",
    [
        "Cuba's U.N. mission condemned the United States on Monday.",
        "Cuban ambassador Pedro Luis Gomez spoke on Monday. His U.N. mission later condemned the United States.",
    ],
)
def test_a_possessor_owns_a_post_named_after_a_body(english, text):
    event = find(events_of(text), "ACCUSE")
    assert codes(event.source) == {"CUB"} and codes(event.target) == {"USA"}


def test_backing_a_told_proposal_is_aimed_at_who_proposed_it(english):
    event = find(
        events_of("Ethiopia proposed a ceasefire on Monday. Uganda backed the proposal on Tuesday."), "SUPPORT"
    )
    assert codes(event.source) == {"UGA"} and codes(event.target) == {"ETH"}


def test_a_trade_war_is_no_fighting(english):
    found = events_of("China waged a trade war against Australia, and Russia waged war against Ukraine.")
    assert [(e.type, codes(e.source), codes(e.target)) for e in found if e.type == "ASSAULT"] == [
        ("ASSAULT", {"RUS"}, {"UKR"})
    ]


def test_an_event_noun_as_argument_is_its_possessor_not_its_object(english):
    found = events_of("Sudan's shelling of Chadian villages killed dozens on Monday.")
    assert {(e.type, frozenset(codes(e.source)), frozenset(codes(e.target))) for e in found} == {
        ("ASSAULT", frozenset({"SDN"}), frozenset({"TCD"}))
    }


def test_curated_entries_come_first_and_cameo_rules_follow_unless_the_lemma_is_replaced(english):
    fired = events_of("Syrian troops fired artillery at Turkish positions.")
    find(fired, "ASSAULT", {"SYR"}, {"TUR"})  # CAMEO's "fire <weapon>", beside the curated "fire on"
    curated = read_yaml("triggers.yaml")
    assert "fire" not in curated["replaces"] and "launch" in curated["replaces"]
    launch = {r.type for r in lexicon().verbs["launch"]}
    assert launch == {t for t, s in curated["types"].items() if "launch" in ((s or {}).get("verbs") or {})}


def test_a_list_the_parser_took_for_an_apposition_keeps_every_country(english):
    e = find(events_of("Council members Greece, Panama and South Korea supported the call by Britain."), "SUPPORT")
    assert codes(e.source) == {"GRC", "PAN", "KOR"}


def test_a_vow_to_crush_an_armed_group_is_a_threat_not_an_agreement(english):
    events = events_of("The Nigerian army pledged to crush the insurgents in Niger.")
    assert [(e.type, e.status) for e in events] == [("THREATEN", "planned")]


FIFTY_COUNTRIES = [
    "Afghanistan",
    "Albania",
    "Algeria",
    "Angola",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahrain",
    "Bangladesh",
    "Belarus",
    "Belgium",
    "Bolivia",
    "Brazil",
    "Bulgaria",
    "Burundi",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Chad",
    "Chile",
    "China",
    "Colombia",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Denmark",
    "Ecuador",
    "Egypt",
    "Eritrea",
    "Estonia",
    "Ethiopia",
    "Finland",
    "France",
    "Gabon",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Guatemala",
    "Guinea",
    "Haiti",
    "Honduras",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
]
ONLY_DATELINES = "WASHINGTON —\nBy Jane Roe, VOA News\nNAIROBI (AFP) -\nBy John Doe\nUpdated March 3, 2025 10:12 AM\n"
LISTS_AND_TABLES = (
    "| Country | Attacks | Talks |\n|---|---|---|\n| Sudan | 12 | 3 |\n| Chad | 4 | 1 |\n"
    "- Russia: sanctions\n- Iran: talks\n* Kenya attacked | Somalia\n\tIraq\t\tSyria\tclashes\n1. 2. 3.\n"
)
COUNTRIES_IN_ONE_SENTENCE = ", ".join(FIFTY_COUNTRIES[:-1]) + " and Iraq condemned the attack by Syria on Monday."
TRIGGERS_IN_ONE_SENTENCE = (
    "On Monday Russia attacked, shelled, bombed, invaded, besieged, blockaded, sanctioned, condemned, accused, "
    "criticized, threatened, warned, rejected, denounced, blamed, punished, arrested, expelled, raided, occupied, "
    "seized, captured, detained, deported, banned, boycotted, embargoed, struck, targeted and ambushed Ukraine."
)


@pytest.mark.parametrize(
    ("text", "some_events"),
    [
        (ONLY_DATELINES, False),
        (LISTS_AND_TABLES, False),
        (COUNTRIES_IN_ONE_SENTENCE, True),
        (TRIGGERS_IN_ONE_SENTENCE, True),
    ],
    ids=["only-datelines-and-bylines", "lists-and-tables", "50-countries", "30-triggers"],
)
def test_odd_articles_read_and_analysed_keep_the_evidence_of_every_event(english, tmp_path, text, some_events):
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"id": "odd", "text": text, "published": "2025-03-13"}) + "\n", encoding="utf-8")
    [article] = read_paths([str(path)])
    events = process(article).events
    if some_events:
        assert events
    for e in events:
        assert article.text[e.start : e.end] == e.sentence
        assert article.text[e.trigger_start : e.trigger_end] == e.trigger
        assert e.start <= e.trigger_start < e.trigger_end <= e.end


def test_office_holders_of_2025_stand_for_their_countries(english):
    event = find(events_of("Aziz Akhannouch condemned Ahmed Attaf on Monday."), "ACCUSE")
    assert codes(event.source) == {"MAR"} and codes(event.target) == {"DZA"}


def test_it_in_a_reported_clause_is_the_speaker_also_when_it_governs_the_trigger(english):
    text = "Kenya said on Monday that after a row with Uganda it had begun to expel Ethiopian diplomats."
    event = find(events_of(text), "SANCTION")
    assert codes(event.source) == {"KEN"}


def test_an_it_that_announces_a_clause_is_no_speaker(english):
    found = events_of("It is important to expel Ethiopian diplomats, a Kenyan spokesman said on Monday.")
    assert not [e for e in found if "KEN" in codes(e.source)]


def test_commerce_is_no_cooperation_between_states(english):
    found = events_of("Kenya imported 2,000 tonnes of Ethiopian coffee last year and exports tea to Ethiopia.")
    assert not [e for e in found if e.type == "COOPERATE"]


def test_forces_owned_by_a_pronoun_in_a_reported_clause_are_the_speakers(english):
    text = "Kenya's army said on Monday that after talks with Uganda its troops had attacked Ethiopian rebels."
    event = find(events_of(text), "ASSAULT")
    assert codes(event.source) == {"KEN"}


def test_police_and_protesters_act_in_the_country_where_it_happened(english):
    event = find(events_of("Police arrested 20 protesters in Nairobi on Monday."), "COERCE")
    assert codes(event.source) == {"KEN"} and codes(event.target) == {"KEN"}


def test_a_participle_that_hedges_a_noun_tells_no_accusation(english):
    text = "Kenya's president, in many ways, is the fiercest opponent of this alleged Ethiopian consensus."
    assert not [e for e in events_of(text) if e.type == "ACCUSE"]


def test_a_plural_description_puts_each_country_it_stands_for_on_its_side(english):
    text = "Armenia and Azerbaijan signed a peace framework on Monday. The two countries accused Russia of delaying it."
    event = find(events_of(text), "ACCUSE")
    assert codes(event.source) == {"ARM", "AZE"} and codes(event.target) == {"RUS"}


def test_a_vow_not_to_accept_something_is_a_refusal_not_a_warning(english):
    text = "Venezuela will not accept the findings of the inquiry, its foreign minister told reporters on Monday."
    assert [e.type for e in events_of(text)] == ["REJECT"]


def test_warships_entering_another_countrys_waters_are_a_show_of_force(english):
    text = "Two Russian navy vessels entered Norwegian waters on Friday, the Norwegian coast guard said."
    event = find(events_of(text), "MOBILIZE")
    assert codes(event.source) == {"RUS"} and codes(event.target) == {"NOR"}


def test_a_demand_voiced_by_a_protest_is_part_of_the_protest(english):
    text = (
        "Thousands of Serbian students marched in Belgrade on Saturday calling for the resignation of the government."
    )
    assert [e.type for e in events_of(text)] == ["PROTEST"]


def test_not_meeting_demands_is_a_refusal_and_meeting_them_no_meeting(english):
    refused = "Nigeria's government will not meet the strikers' demands, the labour minister said."
    assert [e.type for e in events_of(refused)] == ["REJECT"]
    assert not events_of("Kenya met the union's demands on Friday.")


def test_authorities_demolishing_homes_coerce_their_owners(english):
    text = "Israeli army bulldozers demolished Palestinian homes in the West Bank on Sunday, officials said."
    event = find(events_of(text), "COERCE")
    assert codes(event.source) == {"ISR"} and codes(event.target) == {"PSE"}


def test_leaving_an_international_body_is_a_sanction_against_it(english):
    for text in (
        "Mali and Niger withdrew from the Economic Community of West African States.",
        "The United States quit the World Health Organization on Monday.",
    ):
        event = find(events_of(text), "SANCTION")
        assert codes(event.target) == {"IGO"} and event.mode == "withdraw"
    assert not events_of("The minister left the meeting early.")


def test_a_vow_to_crush_a_named_armed_force_or_gang_is_a_threat(english):
    for text in (
        "Sudan's army chief vowed to crush the Rapid Support Forces.",
        "The Haitian government vowed to eliminate the gangs that control the capital.",
    ):
        assert [(e.type, e.status) for e in events_of(text)] == [("THREATEN", "planned")]


def test_missiles_launched_into_the_sea_are_a_show_of_force_not_an_attack(english):
    text = "Pyongyang launched two cruise missiles into the Yellow Sea on Wednesday."
    assert [e.type for e in events_of(text)] == ["MOBILIZE"]
    find(events_of("Hamas launched rockets into southern Israel on Saturday."), "ASSAULT", {"PSE"}, {"ISR"})


def test_speeding_up_or_completing_an_act_is_its_light_verb(english):
    text = "France speeded up the withdrawal of the last combat units from Mali on Friday."
    find(events_of(text), "RETREAT", {"FRA"}, {"MLI"})


def test_a_demand_that_a_country_act_is_aimed_at_that_country_not_at_who_it_helps(english):
    text = "The United Nations labour agency repeated its demand that Turkey lift restrictions on Syrian workers."
    event = find(events_of(text), "REQUEST")
    assert codes(event.target) == {"TUR"}


def test_summoning_a_foreign_envoy_is_a_complaint_to_the_envoys_country(english):
    text = "Poland's foreign ministry summoned the Russian ambassador on Monday after a drone entered its airspace."
    assert find(events_of(text), "ACCUSE", {"POL"}, {"RUS"}).mode == "disapprove"


def test_weapons_launched_at_a_country_are_an_attack_wherever_the_parser_hangs_at(english):
    text = "Russia launched more than 400 drones and 30 missiles at Ukraine overnight, Ukraine's air force said."
    find(events_of(text), "ASSAULT", {"RUS"}, {"UKR"})
    assert not [e for e in events_of("Iran launched a satellite on Sunday.") if e.type == "ASSAULT"]


def test_a_high_commissioner_is_an_envoy_to_summon(english):
    text = "Ghana summoned Nigeria's acting high commissioner over the closure of shops in Accra."
    find(events_of(text), "ACCUSE", {"GHA"}, {"NGA"})


def test_a_pronoun_of_a_clause_told_before_its_teller_goes_on_the_story_not_the_teller(english):
    text = "Russian forces shelled the city overnight. They also fired drones at Kyiv, Ukrainian officials said."
    find(events_of(text), "ASSAULT", {"RUS"}, {"UKR"})


def test_staging_rallies_is_a_protest_not_an_attack(english):
    events = events_of("Opposition supporters in Kenya staged rallies in Nairobi against the finance bill.")
    assert "ASSAULT" not in {e.type for e in events}
    find(events, "PROTEST", {"KEN"})


def test_a_complaint_over_an_act_is_aimed_at_who_did_it(english):
    text = "Kenya complained to the African Union on Monday over Somali raids on its border towns."
    find(events_of(text), "ACCUSE", {"KEN"}, {"SOM"})


def test_refusals_told_in_reported_speech_or_brushed_aside_are_rejections(english):
    find(events_of("Ethiopia said it would not accept any deal that limits its access to the sea."), "REJECT", {"ETH"})
    find(events_of("The Kremlin brushed aside a peace proposal from Ukraine on Tuesday."), "REJECT", {"RUS"})


def test_working_together_is_cooperation_and_a_vow_of_force_a_threat(english):
    find(events_of("Brazil and Argentina will work together on a joint nuclear fuel plant."), "AGREE", {"BRA", "ARG"})
    find(events_of("Pyongyang vowed to respond with force to any incursion by Seoul."), "THREATEN", {"PRK"}, {"KOR"})


def test_an_act_put_as_an_ultimatum_is_a_warning_to_whom_it_is_put(english):
    text = "Ghana said it would suspend talks with Togo unless Togo hands over the detained fishermen."
    find(events_of(text), "THREATEN", {"GHA"}, {"TGO"})
    text = "Mali's largest opposition party said it will boycott the election unless Mali's interim president resigns."
    assert [(e.type, codes(e.source), codes(e.target)) for e in events_of(text)] == [("THREATEN", {"MLI"}, {"MLI"})]
    text = "Ghana said it would withdraw its troops from Mali unless Mali's junta sets an election date."
    find(events_of(text), "THREATEN", {"GHA"}, {"MLI"})


def test_a_benign_act_put_as_an_ultimatum_warns_of_nothing(english):
    text = "Peru said it would grant loans to Chile unless Chile objects."
    assert not [e for e in events_of(text) if e.type == "THREATEN"]


def test_removing_a_member_from_a_body_is_a_sanction_against_the_member(english):
    find(events_of("Guinea was suspended from the African Union after the coup."), "SANCTION", {"IGO"}, {"GIN"})
    e = find(events_of("Mali was expelled from the Organisation of Islamic Cooperation."), "SANCTION", {"IGO"}, {"MLI"})
    assert e.mode == "expel"


def test_handing_over_suspects_strikes_downed_tools_barricades_and_blocked_bids(english):
    find(events_of("Nepal handed over two suspects to Indian police on Sunday."), "COOPERATE", {"NPL"}, {"IND"})
    assert find(events_of("Nurses across Malawi downed tools on Monday over unpaid wages."), "PROTEST").mode == "strike"
    assert find(events_of("Traders in Ghana barricaded roads in Accra over new taxes."), "PROTEST").mode == "obstruct"
    find(events_of("Slovakia blocked the EU's new aid package for Ukraine on Friday."), "REJECT", {"SVK"}, {"IGO"})
    assert not events_of("Police blocked the road to the airport.")


def test_taking_back_ones_own_measure_under_pressure_is_a_concession(english):
    find(events_of("Kenya's president withdrew the finance bill after deadly protests."), "CONCEDE", {"KEN"})
    find(events_of("Ghana's parliament reversed its decision to ban the opposition party."), "CONCEDE", {"GHA"})
    find(events_of("Nigeria's government bowed to pressure from the unions on Tuesday."), "CONCEDE", {"NGA"})
    assert find(events_of("Nigeria withdrew its troops from the border town."), "RETREAT").mode == "withdraw"


def test_seeking_an_act_is_asking_for_it_not_doing_it(english):
    events = events_of("Nigeria sought the arrest of the separatist leader at the court in Helsinki.")
    find(events, "REQUEST", {"NGA"})
    assert "COERCE" not in {e.type for e in events}


def test_agreeing_to_a_meeting_another_holds_is_an_agreement_to_ones_own_a_planned_meeting(english):
    find(events_of("Sudan's army agreed to Saudi mediation with the rebels."), "AGREE", {"SDN"}, {"SAU"})
    events = events_of("Iran agreed to hold talks with the United States in Oman next week.")
    assert [(e.type, e.status) for e in events] == [("CONSULT", "planned")]


def test_a_compound_before_the_object_names_what_it_is_of(english):
    find(events_of("Qatar ended its mediation efforts between Israel and Hamas on Saturday."), "SANCTION", {"QAT"})


def test_evacuating_the_wounded_is_aid_whatever_the_tagger_makes_of_wounded(english):
    find(events_of("Turkish helicopters evacuated the wounded from the Syrian border town."), "AID", {"TUR"}, {"SYR"})


def test_retaking_a_place_is_fighting_for_it(english):
    text = "Ethiopian troops retook the town of Lalibela from Tigrayan forces on Sunday."
    assert find(events_of(text), "ASSAULT", {"ETH"}).status == "occurred"


def test_joint_patrols_are_cooperation_a_patrol_alone_a_show_of_force(english):
    find(events_of("Kenyan and Tanzanian police began joint patrols along the border."), "COOPERATE", {"KEN", "TZA"})
    assert find(events_of("Chinese coast guard ships patrolled near the Philippines."), "MOBILIZE", {"CHN"})


def test_encouraging_another_to_act_is_asking_it(english):
    find(events_of("Brazil encouraged Venezuela to hold free elections."), "REQUEST", {"BRA"}, {"VEN"})
    assert not [
        e for e in events_of("The minister said Chile was encouraged by the vote in Peru.") if e.type == "REQUEST"
    ]


def test_a_delegation_received_is_from_the_country_it_came_from(english):
    (meeting,) = [e for e in events_of("Ghana received a delegation from Togo on Friday.") if e.type == "CONSULT"]
    assert codes(meeting.source) | codes(meeting.target) == {"GHA", "TGO"}


def test_an_expelled_attache_is_a_diplomat_with_or_without_the_accent(english):
    for text in ("Poland expelled a Belarusian military attaché.", "Poland expelled a Belarusian military attache."):
        find(events_of(text), "SANCTION", {"POL"}, {"BLR"})


@pytest.mark.parametrize(
    "text",
    [
        "Norway sent air defence systems to Ukraine.",
        "Italy delivered armoured vehicles to Lebanon.",
        "Turkey shipped armed drones to Somalia.",
        "Sweden provided fighter jets to Ukraine.",
    ],
)
def test_weapons_and_equipment_sent_to_another_country_are_aid(english, text):
    (aid,) = [e for e in events_of(text) if e.type == "AID"]
    assert codes(aid.target) and codes(aid.source) != codes(aid.target)


def test_goods_shipped_are_trade_not_aid(english):
    assert not [e for e in events_of("Vietnam shipped goods to China.") if e.type == "AID"]


def test_a_participle_hyphened_to_its_doer_before_a_noun_tells_no_event(english):
    # "Israeli-occupied" says what the land is; the strike is the sentence's event
    events = events_of("Teachers in the Israeli-occupied West Bank went on strike on Monday.")
    assert [e.type for e in events] == ["PROTEST"]


def test_a_trigger_noun_inside_a_capitalised_name_tells_no_event(english):
    assert not events_of("The Defence Cooperation Agreement between Kenya and Britain expires next year.")
    assert {e.type for e in events_of("Kenya and Britain signed a defence cooperation agreement.")} == {"SUPPORT"}


def test_forces_said_to_be_of_no_actor_name_no_one(english):
    assert not events_of("The forces of nature destroyed homes in Malawi, the government said.")
    find(events_of("The forces of the Malian government attacked a village."), "ASSAULT", {"MLI"})


def test_forces_rushed_somewhere_are_a_mobilization(english):
    find(events_of("Kenya rushed extra police to the district after the clashes."), "MOBILIZE", {"KEN"})


def test_a_shutdown_called_is_a_strike_one_of_the_internet_is_not(english):
    e = find(events_of("Kenya's opposition called a nationwide shutdown on Monday."), "PROTEST", {"KEN"})
    assert e.mode == "strike"
    assert not events_of("Authorities in Ethiopia imposed an internet shutdown on Monday.")


def test_a_prison_sentence_is_a_conviction_and_a_detention(english):
    events = events_of("A court in Bosnia sentenced the Serb leader to one year in prison on Wednesday.")
    assert sorted(e.type for e in events) == ["COERCE", "SANCTION"]
    assert [e.mode for e in events if e.type == "COERCE"] == ["arrest"]
    assert [e.type for e in events_of("An Iranian court sentenced the activist to death.")] == ["SANCTION"]


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria's government declared war on corruption on Monday.",
        "Kenya's police are fighting cybercrime with help from Britain.",
        "The Chinese foreign minister struck a conciliatory tone toward Japan.",
    ],
)
def test_ills_fought_and_tones_struck_are_no_fighting(english, text):
    assert not [e for e in events_of(text) if e.type == "ASSAULT"]


def test_a_deal_struck_is_an_agreement_and_a_policy_attacked_is_decried(english):
    find(events_of("Turkey struck a deal with Iraq on water sharing."), "AGREE", {"TUR"}, {"IRQ"})
    events = events_of("Brazil's president attacked Argentina's trade policy on Monday.")
    assert [e.type for e in events] == ["ACCUSE"]


def test_storming_to_victory_or_out_of_a_room_is_no_assault(english):
    assert not events_of("Senegal's president stormed to victory in the election on Sunday.")
    assert [e.type for e in events_of("Kenya's delegation stormed out of the talks with Uganda.")] == ["CONSULT"]
    find(events_of("Israeli troops stormed a hospital in Gaza."), "ASSAULT", {"ISR"})


@pytest.mark.parametrize(
    "text",
    [
        "Teachers in Zambia staged a strike over late salaries.",
        "Nurses in Peru began a strike on Friday.",
        "Nurses in Ghana held a strike on Monday.",
        "Nurses in Senegal walked off the job over unpaid wages.",
        "Hundreds of farmers staged a sit-in at the ministry in Lima.",
    ],
)
def test_a_strike_staged_and_a_job_walked_off_are_protests(english, text):
    assert [e.type for e in events_of(text)] == ["PROTEST"]


def test_a_strike_launched_is_an_attack_and_a_protest_lodged_is_a_complaint(english):
    assert [e.type for e in events_of("Israel launched a strike on Gaza on Friday.")] == ["ASSAULT"]
    events = events_of("Egypt lodged a strong protest with Ethiopia over the dam.")
    assert [e.type for e in events] == ["ACCUSE"]


def test_public_services_cut_off_are_withheld(english):
    e = find(events_of("Serbia cut off electricity to the villages of Kosovo."), "COERCE", {"SRB"}, {"XKX"})
    assert e.mode == "withhold"
    find(events_of("Georgia cut aid to Armenia."), "SANCTION", {"GEO"}, {"ARM"})


def test_limits_on_another_states_officials_or_trade_are_sanctions_and_at_home_coercion(english):
    e = find(events_of("Canada imposed visa restrictions on Iranian officials."), "SANCTION", {"CAN"}, {"IRN"})
    assert e.mode == "discontinue"
    assert [e.type for e in events_of("Japan tightened export controls on chips to Russia.")] == ["SANCTION"]
    assert [e.type for e in events_of("Kenya imposed restrictions on movement in Nairobi.")] == ["COERCE"]


def test_declaring_independence_from_a_state_turns_down_its_rule_not_a_request(english):
    events = events_of("Abkhazia declared independence from Georgia in 1999.")
    assert [(e.type, codes(e.target)) for e in events] == [("REJECT", {"GEO"})]


def test_demands_and_calls_from_a_capital_are_that_capitals(english):
    find(events_of("Turkey kept its troops there despite demands from Baghdad that they leave."), "REQUEST", {"IRQ"})
    find(events_of("Kenya is studying a request from Uganda for talks."), "REQUEST", {"UGA"}, {"KEN"})
    # ignored, the request is answered, as a rejected one is: the refusal is aimed at who asked
    find(events_of("Kenya ignored a request from Uganda for talks."), "REJECT", {"KEN"}, {"UGA"})


def test_thanks_expressed_for_support_go_to_whom_they_are_told(english):
    text = "Angola hosted the summit. Zambia expressed its appreciation to Namibia for its support."
    assert [(e.type, codes(e.source), codes(e.target)) for e in events_of(text)] == [("SUPPORT", {"ZMB"}, {"NAM"})]
    find(events_of("Poland expressed support for Ukraine."), "SUPPORT", {"POL"}, {"UKR"})


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Serbia does not recognise Kosovo's independence.", "SRB", "XKX"),
        ("Canada did not recognize the election result in Venezuela.", "CAN", "VEN"),
        ("Ethiopia ignored Egypt's calls to halt the filling of the dam.", "ETH", "EGY"),
    ],
)
def test_an_authority_not_recognised_and_a_call_ignored_are_refused(english, text, source, target):
    refusal = find(events_of(text), "REJECT", {source}, {target})
    assert refusal.status == "occurred"
    assert not [e for e in events_of(text) if e.type == "SUPPORT"]


def test_a_government_recognised_stays_support(english):
    find(events_of("Kenya recognised the government of Somalia in 2012."), "SUPPORT", {"KEN"}, {"SOM"})


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"),
    [
        ("The United States paused military aid to Egypt on Monday.", "SANCTION", "USA", "EGY"),
        ("Berlin announced a pause in arms deliveries to Israel.", "SANCTION", "DEU", "ISR"),
        ("Trump paused the tariffs on Mexico for 30 days.", "CONCEDE", "USA", "MEX"),
        ("Thailand waived visa requirements for Indian tourists.", "CONCEDE", "THA", "IND"),
    ],
)
def test_aid_paused_is_cut_and_a_measure_paused_or_waived_is_given_up(english, text, type_, source, target):
    find(events_of(text), type_, {source}, {target})


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"),
    [
        ("India's foreign ministry flayed Pakistan for sheltering militants.", "ACCUSE", "IND", "PAK"),
        ("Beijing tore into Washington over the arms sale to Taiwan.", "ACCUSE", "CHN", "USA"),
        ("Brazil's president took aim at the United States over tariffs.", "ACCUSE", "BRA", "USA"),
        ("The European Union called out China for its treatment of Uyghurs.", "ACCUSE", "IGO", "CHN"),
        ("Kenya pointed the finger at Uganda over the border killings.", "ACCUSE", "KEN", "UGA"),
        ("Senegal's president paid tribute to Gambia's role in the peace talks.", "SUPPORT", "SEN", "GMB"),
        ("Japan's foreign minister sat down with his Chinese counterpart in Tokyo.", "CONSULT", "JPN", "CHN"),
        ("Ukraine handed back the bodies of 500 Russian soldiers to Russia.", "RETREAT", "UKR", "RUS"),
    ],
)
def test_blame_praise_and_meetings_as_other_outlets_word_them(english, text, type_, source, target):
    found = [e for e in events_of(text) if e.type == type_ and pair(e) >= {source, target}]
    assert found, [(e.type, codes(e.source), codes(e.target)) for e in events_of(text)]


def test_troops_called_out_are_no_blame(english):
    assert not [e for e in events_of("Kenya's government called out the army to restore order.") if e.type == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The U.S. told Israel to halt the strikes on Lebanon.", "USA", "ISR"),
        ("Washington has told Kyiv not to strike targets inside Russia, officials said.", "USA", "UKR"),
        ("The World Court ordered Israel to halt its offensive in Rafah.", "IGO", "ISR"),
    ],
)
def test_what_one_tells_or_orders_another_to_do_is_a_request_and_no_act(english, text, source, target):
    events = events_of(text)
    assert [(e.type, codes(e.source), codes(e.target)) for e in events] == [("REQUEST", {source}, {target})]


def test_telling_reporters_is_no_request_and_an_order_to_leave_stays_a_sanction(english):
    assert not events_of("Putin told reporters on Monday that Russia would respond.")
    assert [e.type for e in events_of("Kenya ordered Uganda's troops to leave the country.")] == ["SANCTION"]


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"),
    [
        ("Russia balked at the French plan for a ceasefire.", "REJECT", "RUS", "FRA"),
        ("Israel pushed back against the U.S. demand for a pause.", "REJECT", "ISR", "USA"),
        ("Serbia stonewalled Kosovo's request for talks.", "REJECT", "SRB", "XKX"),
        ("Kenya put Uganda on notice over the border raids.", "THREATEN", "KEN", "UGA"),
        ("The United States trained Ukrainian pilots to fly F-16 jets.", "AID", "USA", "UKR"),
    ],
)
def test_refusals_warnings_and_training_as_news_words_them(english, text, type_, source, target):
    assert [(e.type, codes(e.source), codes(e.target)) for e in events_of(text)] == [(type_, {source}, {target})]


def test_pushing_for_talks_stays_a_request(english):
    assert [e.type for e in events_of("Kenya pushed for talks with Uganda.")] == ["REQUEST"]


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"),
    [
        ("Ghana's president resisted calls from Togo to close the border.", "REJECT", "GHA", "TGO"),
        ("Turkey withheld its consent to Sweden's membership for months.", "REJECT", "TUR", "SWE"),
        ("The EU said no to Hungary's demand for an exemption.", "REJECT", "IGO", "HUN"),
        ("Thailand's government climbed down after protests from Cambodia.", "CONCEDE", "THA", "KHM"),
        ("Pakistan softened its stance on talks with India.", "CONCEDE", "PAK", "IND"),
    ],
)
def test_saying_no_and_giving_way_as_news_words_them(english, text, type_, source, target):
    find(events_of(text), type_, {source}, {target})


def test_an_attack_resisted_and_allegations_said_no_to_are_no_refusal(english):
    assert [e.type for e in events_of("Ukrainian troops resisted the Russian attack on Kharkiv.")] == ["ASSAULT"]
    assert "REJECT" not in [e.type for e in events_of("Kenya said no to the allegations from Uganda.")]
