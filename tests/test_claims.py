"""Claims: status from negation and modality, reporting frames and denials."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.extract.events.frames import cues
from eventwire.model import Article, Event
from eventwire.pipeline import process


@pytest.fixture(scope="session")
def english():
    """The spaCy pipeline, loaded once for the session."""
    return nlp.load()


def events_of(text: str) -> list[Event]:
    return process(Article(id="c", text=text, published="2022-03-13T21:12:38")).events


def codes(side) -> set[str]:
    return {a.code for a in side if a.code}


def only(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger, e.status) for e in events]
    return found[0]


def test_stated_fact_is_occurred(english):
    assert only(events_of("Russia attacked Ukraine on Sunday."), "ASSAULT").status == "occurred"


def test_negation_is_negated(english):
    e = only(events_of("Russia did not attack Ukraine on Sunday."), "ASSAULT")
    assert e.status == "negated"
    assert only(events_of("Russia never attacked Ukraine."), "ASSAULT").status == "negated"


def test_not_only_is_no_negation(english):
    e = only(events_of("Beijing is not only siding with Russia but also sending it drones."), "SUPPORT")
    assert e.status == "occurred"


@pytest.mark.parametrize(
    "text",
    [
        "Putin will meet Erdogan in Ankara.",
        "Putin is to meet Erdogan in Ankara.",
        "Putin plans to meet Erdogan in Ankara.",
        "Indian Prime Minister Narendra Modi is due to travel to Mauritius.",
    ],
)
def test_future_and_scheduled_are_planned(english, text):
    assert only(events_of(text), "CONSULT").status == "planned"


def test_meeting_dated_after_publication_is_planned(english):
    e = only(events_of("Monday's meeting between France and Germany in Paris is seen as a test."), "CONSULT")
    assert e.date == "2022-03-14" and e.status == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "If China helps Russia, Washington could impose sanctions on Beijing.",
        "China may attack Taiwan.",
        "Officials fear that Russia might invade Ukraine.",
    ],
)
def test_conditional_and_possible_events_are_dropped(english, text):
    types = {e.type for e in events_of(text)}
    assert not types & {"SANCTION", "ASSAULT", "AID"}


def test_the_matter_of_talks_is_no_event(english):
    found = events_of("Kenya and Ethiopia met on Monday to discuss upgrading their defence ties.")
    assert {e.type for e in found} == {"CONSULT"}


def test_reporting_frame_attributes_to_the_reporter(english):
    e = only(
        events_of("A senior US official told CNN that Moscow has asked Beijing for military assistance."), "REQUEST"
    )
    assert e.status == "reported"
    assert codes(e.attributed_to) == {"USA"}
    assert codes(e.source) == {"RUS"} and codes(e.target) == {"CHN"}


def test_according_to_attributes_too(english):
    e = only(events_of("Russia has turned to China for economic support, according to a US official."), "REQUEST")
    assert e.status == "reported" and codes(e.attributed_to) == {"USA"}


def test_a_party_saying_it_is_no_report(english):
    e = only(events_of("Japan said on Tuesday it had halted economic aid to Serbia."), "SANCTION")
    assert e.status == "occurred" and not e.attributed_to


def test_denial_elsewhere_disputes_the_reported_event(english):
    text = (
        "A US official said that Moscow has asked Beijing for military assistance. "
        "China denies that Russia asked it for military equipment. "
        "Kremlin spokesman Dmitry Peskov also denied accusations that Russia had asked China for help."
    )
    e = only(events_of(text), "REQUEST")
    assert e.status == "reported"
    assert codes(e.disputed_by) == {"CHN", "RUS"}
    assert "Moscow has asked Beijing" in e.sentence  # the evidence is the telling, not a denial


def test_act_denied_as_a_gerund_is_denied_by_the_denier(english):
    e = only(events_of("Eritrea denies supplying weapons to the rebels in Sudan."), "AID")
    assert e.status == "denied" and codes(e.disputed_by) == {"ERI"}


def test_event_only_denied_is_denied(english):
    e = only(events_of("Iran denied that it attacked Saudi Arabia."), "ASSAULT")
    assert e.status == "denied"
    assert codes(e.disputed_by) == {"IRN"}


def test_cues_are_data():
    c = cues()
    assert "deny" in c.denial_verbs and "say" in c.reporting_verbs and "will" in c.future_aux


def test_calling_reports_false_is_a_denial(english):
    e = only(events_of("China dismissed reports that Russia had asked it for weapons as lies."), "REQUEST")
    assert e.status == "denied" and codes(e.disputed_by) == {"CHN"}


def test_planned_aid_is_a_promise_and_an_announced_curfew_a_threat(english):
    e = only(events_of("The United Nations will provide food aid to Liberia."), "AGREE")
    assert codes(e.source) == {"IGO"} and codes(e.target) == {"LBR"} and e.status == "planned"
    assert {e.type for e in events_of("The Iraqi government announced that it will impose a curfew in Baghdad.")} == {
        "THREATEN"
    }


def test_a_vow_not_to_tolerate_is_a_warning_not_a_negation(english):
    e = only(events_of("We have told Beijing that the United States will not tolerate any help to Russia."), "THREATEN")
    assert e.status == "occurred" and codes(e.source) == {"USA"} and codes(e.target) == {"CHN"}


def test_a_past_circumstance_under_a_warning_is_told_as_fact(english):
    events = events_of(
        "The United Nations warned that food aid will run out in Congo, as M23 rebels attacked Goma on Monday."
    )
    assert {e.status for e in events if e.type == "ASSAULT"} == {"occurred"}


def test_a_meeting_its_actor_refuses_is_a_rejection_one_that_did_not_happen_stays_negated(english):
    e = only(events_of("Uganda's president declined to attend the summit in Nairobi."), "REJECT")
    assert codes(e.source) == {"UGA"} and codes(e.target) == {"KEN"} and e.status == "occurred"
    e = only(events_of("Venezuela said it would not negotiate with Guyana over the Essequibo region."), "REJECT")
    assert codes(e.source) == {"VEN"} and codes(e.target) == {"GUY"}
    assert only(events_of("Kenya and Ethiopia did not meet on Monday."), "CONSULT").status == "negated"
    assert not [e for e in events_of("The spokesman declined to comment on the talks with Iran.") if e.type == "REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said Chad and Niger would not hold talks until after the rainy season.",  # both: a fact
        "Ghana will not meet Togo before the referendum.",  # bounded in time: a schedule
        "Peru will not hold joint exercises with Chile this year.",
    ],
)
def test_a_meeting_several_parties_will_not_hold_or_one_put_off_is_no_rejection(english, text):
    assert [e.status for e in events_of(text)] == ["negated"]


def test_a_refusal_is_by_its_subject_to_the_others(english):
    e = only(events_of("Ghana will not meet Togo."), "REJECT")
    assert (codes(e.source), codes(e.target)) == ({"GHA"}, {"TGO"})


def test_a_readiness_under_a_modal_of_possibility_is_no_plan(english):
    assert not events_of("Kenya could be ready to send troops to Haiti.")
    assert only(events_of("China will be ready to hold talks with India next month."), "CONSULT").status == "planned"


def test_talks_a_spokesman_declined_to_comment_on_keep_their_own_status(english):
    e = only(events_of("A spokesman declined to comment on the talks between Chad and Niger."), "CONSULT")
    assert e.status == "occurred"


@pytest.mark.parametrize(
    "text",
    [
        "Will Kenya send troops to Haiti? Officials in Nairobi would not say.",
        "Will Egypt and Sudan hold talks with Ethiopia next week?",
        '"Did Ethiopia strike the camp?" a reporter asked the minister.',
    ],
)
def test_an_act_a_yes_no_question_asks_about_is_no_event(english, text):
    assert events_of(text) == []


def test_an_act_a_wh_question_takes_as_given_stays(english):
    assert only(events_of("Why did Ethiopia strike the camp in Somalia?"), "ASSAULT").status == "occurred"


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo will raise the issue of border killings with Burkina Faso.",
        "Rights groups in Nairobi published a report on Ethiopian attacks against Kenyan herders.",
        "A debate on Nigerian sanctions against Niger is expected at the summit.",
    ],
)
def test_an_act_named_as_what_a_report_or_debate_is_about_is_no_event(english, text):
    assert not [e for e in events_of(text) if e.type in ("ASSAULT", "SANCTION")]


@pytest.mark.parametrize(
    "text",
    [
        "Had Ethiopia attacked Eritrea, Kenya would have closed the border.",
        "In the event of an attack on Ghana by Togo, its allies would respond.",
        "Any attack by Sudan on Chad would be met with force, the minister said.",
    ],
)
def test_an_act_put_as_a_condition_without_if_is_no_event(english, text):
    assert not [e for e in events_of(text) if e.type == "ASSAULT"]


def test_an_act_told_in_the_past_perfect_stays(english):
    assert only(events_of("Ethiopia had attacked Eritrea before the talks began."), "ASSAULT").status == "occurred"
