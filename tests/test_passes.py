"""The event passes one by one, on short sentences: what each pass changes, seen before and after it."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.extract import events
from eventwire.extract.article import ArticleContext
from eventwire.extract.events.mentions import Mention, Occasion
from eventwire.model import Article
from eventwire.pipeline import reference_time

PUBLISHED = "2022-03-13T21:12:38"  # a Sunday evening


@pytest.fixture(scope="session")
def english():
    return nlp.load()


def context(text: str, title: str | None = None) -> ArticleContext:
    parse = nlp.load()
    reference = reference_time(Article(id="t", text=text, published=PUBLISHED))
    return ArticleContext.build(parse(text), parse(title) if title else None, reference)


def codes(side) -> tuple:
    return tuple(a.code for a in side)


def seen(items: list[Mention] | list[Occasion]) -> list[tuple]:
    """What a reader of the pass's output sees: one tuple per mention or event."""
    out = []
    for item in items:
        if isinstance(item, Mention):
            date = item.date.date if item.date else None
            out.append((item.type, item.token.text, codes(item.source), codes(item.target), date, item.kept))
        else:
            e = item.event
            place = e.location.name if e.location else None
            out.append((e.type, e.trigger, codes(e.source), codes(e.target), e.status, place, codes(e.disputed_by)))
    return out


def around(name: str, text: str, title: str | None = None) -> tuple[list[tuple], list[tuple]]:
    """The items before and after the pass `name` (merging included), the passes before it run."""
    ctx = context(text, title)
    items: list = []
    for step in (*events.MENTION_PASSES, events.merge, *events.OCCASION_PASSES):
        before = seen(items)
        items = step(ctx, items)
        if step.__name__ == name:
            return before, seen(items)
    raise AssertionError(f"no pass {name}")


def test_every_pass_says_what_it_reads_and_changes():
    listed = events.passes()
    assert [n for n, _ in listed][:2] == ["triggers.find_mentions", "dating.date_mentions"]
    assert "merging.merge" in [n for n, _ in listed]
    assert all(doc.startswith("Reads ") for _, doc in listed), [n for n, d in listed if not d.startswith("Reads ")]


def test_find_mentions_adds_a_mention_per_trigger_with_its_sides(english):
    before, after = around("find_mentions", "North Korea asked Washington for relief.")
    assert before == [] and after == [("REQUEST", "asked", ("PRK",), ("USA",), None, True)]


def test_date_mentions_dates_each_telling(english):
    _, after = around("date_mentions", "Kenya and Ethiopia held talks on Monday.")
    assert {m[4] for m in after} == {"2022-03-14"}  # Monday after a Sunday, told as ahead


def test_follow_antecedents_gives_a_definite_noun_the_sides_told_before(english):
    before, after = around(
        "follow_antecedents", "Kenya and Ethiopia held talks on Monday. The talks ended without a deal."
    )
    assert before[-1][2:5] == ((), (), None)
    assert after[-1][2:5] == (("KEN", "ETH"), (), "2022-03-14")


def test_aim_answers_aims_a_refusal_at_who_asked(english):
    before, after = around("aim_answers", "North Korea asked Washington for relief. Trump denied the request.")
    assert before[1][:4] == ("REJECT", "denied", ("USA",), ())
    assert after[1][:4] == ("REJECT", "denied", ("USA",), ("PRK",))


def test_share_targets_gives_a_statement_coordinated_with_an_answer_its_target(english):
    text = "North Korea asked Washington for relief. Trump denied the request and asked instead for denuclearization."
    before, after = around("share_targets", text)
    assert before[-1][:4] == ("REQUEST", "asked", ("USA",), ())
    assert after[-1][:4] == ("REQUEST", "asked", ("USA",), ("PRK",))


def test_mark_kept_marks_the_content_of_another_trigger(english):
    before, after = around("mark_kept", "Russia said it would impose a curfew.")
    assert [m[5] for m in before] == [True, True]
    assert [(m[1], m[5]) for m in after] == [("impose", True), ("curfew", False)]


def test_mark_kept_keeps_an_act_the_parse_gives_no_one_and_not_a_participle(english):
    _, after = around("mark_kept", "The ban on Ethiopian flights was lifted in Kenya on Monday.")
    assert [(m[1], m[5]) for m in after] == [("ban", False), ("lifted", True)]
    _, after = around("mark_kept", "The rebels will return the equipment seized last year in Kenya.")
    assert ("seized", False) in [(m[1], m[5]) for m in after]


def test_mark_kept_keeps_a_gerund_of_time_or_means_the_parse_gives_no_one(english):
    _, after = around("mark_kept", "After lifting the curfew in Kenya, officials reopened the markets.")
    assert after[0][:2] == ("CONCEDE", "lifting") and after[0][5]


def test_mark_kept_marks_a_hostile_act_that_is_only_the_aim_of_an_infinitive_of_purpose(english):
    before, after = around("mark_kept", "Kenya and Ethiopia formed a joint force to fight the rebels in Somalia.")
    assert ("fight", True) in [(m[1], m[5]) for m in before]
    assert ("fight", False) in [(m[1], m[5]) for m in after]


def test_fill_sides_gives_an_act_told_with_no_one_the_country_where_it_happened(english):
    before, after = around("fill_sides", "The ban on Ethiopian flights was lifted in Kenya on Monday.")
    assert before[0][:4] == ("CONCEDE", "lifted", (), ())
    assert after[0][:4] == ("CONCEDE", "lifted", ("KEN",), ("ETH",))


def test_add_warnings_adds_a_threat_to_whom_a_condition_is_put(english):
    before, after = around(
        "add_warnings", "A U.S. official said sanctions could follow if Turkey activates the system."
    )
    assert [m[:2] for m in before] == [("SANCTION", "sanctions")]
    assert after[-1][:4] == ("THREATEN", "said", ("USA",), ("TUR",))


def test_add_quoted_criticism_adds_blame_in_a_direct_quote(english):
    text = '"Russia does not have a good record," U.S. Secretary of State Marco Rubio said.'
    before, after = around("add_quoted_criticism", text)
    assert before == [] and after[0][:4] == ("ACCUSE", "record", ("USA",), ("RUS",))


def test_add_demands_adds_what_a_speaker_says_another_must_do(english):
    before, after = around("add_demands", '"The U.N. must maintain sanctions," a U.S. spokesperson said.')
    assert "REQUEST" not in [m[0] for m in before]
    assert after[-1][:4] == ("REQUEST", "maintain", ("USA",), ("IGO",))


def test_add_demands_adds_what_one_tells_another_to_do_and_marks_it_content(english):
    before, after = around("add_demands", "Macron told Zelenskyy to accept the deal.")
    assert [(m[0], m[1], m[5]) for m in before] == [("AGREE", "accept", True)]
    assert [(m[0], m[1], m[2], m[3], m[5]) for m in after] == [
        ("AGREE", "accept", ("UKR",), (), False),
        ("REQUEST", "told", ("FRA",), ("UKR",), True),
    ]


def test_merge_makes_one_event_of_the_tellings_of_one_occasion(english):
    before, after = around("merge", "Kenya and Ethiopia held talks on Monday. The talks ended without a deal.")
    assert len([m for m in before if m[5]]) == 2
    assert after == [("CONSULT", "held", ("KEN", "ETH"), (), "occurred", None, ())]


def test_fill_sides_aims_a_domestic_act_at_home(english):
    before, after = around("fill_sides", "Russia said it would impose a curfew.")
    assert before[0][3] == () and after[0][3] == ("RUS",)


def test_join_exercises_makes_drills_held_by_several_countries_cooperation(english):
    before, after = around("join_exercises", "Egypt and Sudan held naval drills in the Red Sea on Monday.")
    assert [e[:4] for e in before] == [("MOBILIZE", "drills", ("EGY", "SDN"), ())]
    assert [e[:4] for e in after] == [("COOPERATE", "drills", ("EGY", "SDN"), ())]
    _, alone = around("join_exercises", "China launched war games around Taiwan on Saturday.")
    assert [e[:4] for e in alone] == [("MOBILIZE", "games", ("CHN",), ("TWN",))]


def test_reject_refusals_makes_a_meeting_one_party_will_not_hold_its_rejection(english):
    before, after = around("reject_refusals", "Ghana will not meet Togo.")
    assert [e[:5] for e in before] == [("CONSULT", "meet", ("GHA", "TGO"), (), "negated")]
    assert [e[:5] for e in after] == [("REJECT", "meet", ("GHA",), ("TGO",), "occurred")]
    _, put_off = around("reject_refusals", "Ghana will not meet Togo until June.")
    assert [e[:5] for e in put_off] == [("CONSULT", "meet", ("GHA", "TGO"), (), "negated")]


def test_dispute_by_reference_lets_a_denial_of_the_allegation_dispute_the_act(english):
    text = "Russian troops shelled Kharkiv on Monday. Moscow denied the allegation."
    before, after = around("dispute_by_reference", text)
    assert [(e[0], e[6]) for e in before] == [("ASSAULT", ())] and [(e[0], e[6]) for e in after] == [
        ("ASSAULT", ("RUS",))
    ]


def test_drop_sideless_drops_an_event_with_no_coded_actor(english):
    before, after = around("drop_sideless", "Police arrested dozens of protesters.")
    assert [e[0] for e in before] == ["COERCE"] and after == []


def test_place_from_title_places_a_nominal_event_where_the_title_says(english):
    text = "A meeting between the US and China ended without a deal."
    before, after = around("place_from_title", text, title="US and China to meet in Rome")
    assert before[0][5] is None and after[0][5] == "Rome"


def test_in_text_order_orders_events_as_told(english):
    _, after = around("in_text_order", "Kenya attacked Somalia. Earlier, Russia had asked China for aid.")
    assert [e[0] for e in after] == ["ASSAULT", "REQUEST"]


def test_drop_unasserted_drops_an_event_only_hoped_for(english):
    before, after = around("drop_unasserted", "Kenya hopes to attack Somalia.")
    assert [e[0] for e in before] == ["ASSAULT"] and after == []


def test_set_status_marks_an_event_denied(english):
    before, after = around("set_status", "China denied that Russia asked it for military aid.")
    assert before[0][4] == "occurred" and after[0][:5] == ("REQUEST", "asked", ("RUS",), ("CHN",), "denied")


def test_retype_plans_makes_a_planned_coercion_by_its_actor_a_threat(english):
    before, after = around("retype_plans", "Russia said it would impose a curfew.")
    assert before[0][::4] == ("COERCE", "planned") and after[0][::4] == ("THREATEN", "planned")


def test_retell_makes_the_telling_as_fact_the_evidence(english):
    before, after = around("retell", "Kenya could attack Somalia, officials said. Kenya attacked Somalia.")
    assert before[0][1] == "attack" and after[0][1] == "attacked"


def test_find_mentions_adds_a_second_mention_for_a_trigger_that_tells_two_events(english):
    _, after = around("find_mentions", "A Kenyan court sentenced the former minister to ten years in prison.")
    assert [(m[0], m[1]) for m in after] == [("SANCTION", "sentenced"), ("COERCE", "sentenced")]
