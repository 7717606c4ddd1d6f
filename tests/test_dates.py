"""Event dates: expressions resolved against the reference time, and tied to the right trigger."""

from datetime import datetime

import pytest

from eventwire import nlp
from eventwire.extract.dates import (
    DateAnchors,
    DateRef,
    context_date,
    date_for_event,
    own_date,
    resolve,
    shifted,
    unpinned_time,
)
from eventwire.extract.dates.resolve import stretch_to_now
from eventwire.extract.sentences import Sentences

# The seed article's reference time: a Sunday evening.
SEED_REF = datetime(2022, 3, 13, 21, 12, 38)
SEED_TEXT = (
    "The Chinese state media report did not provide any further details about Monday’s meeting. "
    "A senior US official told CNN on Sunday that Moscow has asked Beijing for military assistance. "
    "A group of prominent China experts in the US on Friday urged Washington to keep the door open. "
    "Asked if Russia had asked China for military assistance, Foreign Ministry spokesman Zhao Lijian "
    "on Monday called the US claims “disinformation” against China. "
    "Monday’s meeting between Yang and Sullivan is seen by both sides as a continuation of the move "
    "towards better communication outlined by Xi and US President Joe Biden at their summit late last year. "
    "Sullivan and Yang last met in Zurich in October at a meeting leading up to the video summit. "
    "Xi Jinping is widely expected to win a third term during the party congress this fall."
)


@pytest.fixture(scope="session")
def seed_doc():
    return nlp.load()(SEED_TEXT)


def anchors(doc, reference):
    """The article's date anchors, as the pipeline builds them."""
    return DateAnchors(Sentences.of(doc), reference)


def token(doc, word, nth=0):
    return [t for t in doc if t.text == word][nth]


def as_pair(ref: DateRef | None):
    return (ref.date, ref.precision) if ref else None


# --- resolve -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, future, expected",
    [
        ("on Monday", True, ("2022-03-14", "day")),  # ahead for a planned event
        ("on Monday", False, ("2022-03-14", "day")),  # late Sunday evening: Monday has begun east of here
        ("on Sunday", False, ("2022-03-13", "day")),  # the reference day itself
        ("on Friday", False, ("2022-03-11", "day")),
        ("on Friday", True, ("2022-03-18", "day")),
        ("last Sunday", False, ("2022-03-06", "day")),
        ("yesterday", False, ("2022-03-12", "day")),
        ("tomorrow", True, ("2022-03-14", "day")),
        ("in October", False, ("2021-10-01", "month")),  # the most recent October
        ("in October", True, ("2022-10-01", "month")),  # the coming one
        ("earlier this month", False, ("2022-03-01", "month")),
        ("next month", True, ("2022-04-01", "month")),
        ("late last year", False, ("2021-01-01", "year")),
        ("this fall", True, ("2022-09-01", "season")),
        ("last summer", False, ("2021-06-01", "season")),
        ("since the beginning of the year", False, ("2022-01-01", "year")),
        ("the end of last month", False, ("2022-02-01", "month")),
        ("last week", False, ("2022-03-01", "month")),  # Mon 7 to Fri 11 March: one month
        ("three days ago", False, ("2022-03-10", "day")),
        ("March 14, 2022", False, ("2022-03-14", "day")),
        ("14 March", False, ("2021-03-14", "day")),  # no year, past: the last 14 March
        ("Jan. 23", False, ("2022-01-23", "day")),
        ("October 2020", False, ("2020-10-01", "month")),
        ("in January of this year", False, ("2022-01-01", "month")),  # the month, not the year
        ("in March last year", False, ("2021-03-01", "month")),
        ("mid-2021", False, ("2021-01-01", "year")),
        ("3/14/2022", False, ("2022-03-14", "day")),  # numeric: dateparser
    ],
)
def test_resolve_against_seed_reference(text, future, expected):
    assert as_pair(resolve(text, SEED_REF, "future" if future else "past")) == expected


def test_month_told_in_the_present_is_the_nearest():
    # "The August attack is the deadliest" (told in October): the August just past, not the next;
    # "The elections in May are close" (told in March): the coming May, as before.
    assert as_pair(resolve("in August", datetime(2022, 10, 20, 12), "present")) == ("2022-08-01", "month")
    assert as_pair(resolve("in May", SEED_REF, "present")) == ("2022-05-01", "month")


def test_weekday_not_late_in_the_day_goes_back_a_week():
    morning = datetime(2022, 3, 13, 9, 0)
    assert as_pair(resolve("on Monday", morning, "past")) == ("2022-03-07", "day")


def test_week_split_across_months_gives_no_date():
    # Week of Mon 28 Feb - Fri 4 Mar 2022: neither month holds it.
    assert resolve("last week", datetime(2022, 3, 9, 12), "past") is None


def test_without_reference_only_absolute_dates_resolve():
    for relative in ("on Monday", "in October", "late last year", "yesterday", "this fall", "14 March"):
        assert resolve(relative, None, "past") is None
    assert as_pair(resolve("March 14, 2022", None, "past")) == ("2022-03-14", "day")
    assert as_pair(resolve("in 2015", None, "past")) == ("2015-01-01", "year")


@pytest.mark.parametrize("text", ["", "   ", "xyzzy plugh", "four months later", "the 21st century", "30-day"])
def test_nonsense_gives_nothing(text):
    assert resolve(text, SEED_REF, "past") is None


@pytest.mark.parametrize(
    "text, tense, reference, expected",
    [
        # A weekend pins no day: its month, as a week gives.  Told on Wednesday 2 April 2025,
        # the weekend past fell in March, the coming one in April.
        ("over the weekend", "past", datetime(2025, 4, 2, 12), ("2025-03-01", "month")),
        ("this past weekend", "past", datetime(2025, 4, 2, 12), ("2025-03-01", "month")),
        ("at the weekend", "future", datetime(2025, 4, 2, 12), ("2025-04-01", "month")),
        ("next weekend", "past", datetime(2025, 4, 2, 12), ("2025-04-01", "month")),
        ("over the weekend", "past", datetime(2025, 4, 6, 20), ("2025-04-01", "month")),  # told on its Sunday
        ("over the weekend", "past", datetime(2025, 6, 2, 12), None),  # Saturday 31 May, Sunday 1 June
    ],
)
def test_a_weekend_gives_its_month(text, tense, reference, expected):
    assert as_pair(resolve(text, reference, tense)) == expected


def test_text_keeps_the_words():
    assert resolve("late last year", SEED_REF, "past").text == "late last year"


# --- date_for_event on the seed -------------------------------------------------------------


def test_seed_event_dates(seed_doc):
    d = seed_doc
    assert as_pair(date_for_event(token(d, "meeting", 1), anchors(d, SEED_REF))) == ("2022-03-14", "day")
    assert as_pair(date_for_event(token(d, "met"), anchors(d, SEED_REF))) == ("2021-10-01", "month")
    assert as_pair(date_for_event(token(d, "summit"), anchors(d, SEED_REF))) == ("2021-01-01", "year")
    assert as_pair(date_for_event(token(d, "told"), anchors(d, SEED_REF))) == ("2022-03-13", "day")
    assert as_pair(date_for_event(token(d, "urged"), anchors(d, SEED_REF))) == ("2022-03-11", "day")
    assert as_pair(date_for_event(token(d, "called"), anchors(d, SEED_REF))) == ("2022-03-14", "day")
    assert as_pair(date_for_event(token(d, "win"), anchors(d, SEED_REF))) == ("2022-09-01", "season")


def test_date_text_includes_preposition(seed_doc):
    assert date_for_event(token(seed_doc, "urged"), anchors(seed_doc, SEED_REF)).text == "on Friday"


def test_date_of_another_verb_is_not_the_events(seed_doc):
    # "told CNN on Sunday that Moscow has asked": the asking happened before the telling.
    assert date_for_event(token(seed_doc, "asked", 1), anchors(seed_doc, SEED_REF)) is None


def test_no_reference_no_relative_date(seed_doc):
    assert date_for_event(token(seed_doc, "met"), anchors(seed_doc, None)) is None


def test_tense_sets_direction():
    ref = datetime(2022, 3, 16, 12)  # a Wednesday
    doc = nlp.load()("The ministers met on Monday. The ministers will meet again on Monday.")
    assert as_pair(date_for_event(token(doc, "met"), anchors(doc, ref))) == ("2022-03-14", "day")
    assert as_pair(date_for_event(token(doc, "meet"), anchors(doc, ref))) == ("2022-03-21", "day")


def test_undated_event_gets_no_date_not_the_publication_date():
    doc = nlp.load()("Protesters marched through the capital demanding new elections.")
    assert date_for_event(token(doc, "marched"), anchors(doc, datetime(2022, 3, 16, 12))) is None


def test_weekday_in_a_name_is_no_date():
    doc = nlp.load()("The Sunday Times reported the attack.")
    assert date_for_event(token(doc, "reported"), anchors(doc, SEED_REF)) is None


def test_deadline_is_not_the_event_date():
    doc = nlp.load()("Trump delayed the tariffs until April 2.")
    assert date_for_event(token(doc, "delayed"), anchors(doc, datetime(2025, 3, 9, 12))) is None


def test_statement_date_covers_what_it_promises():
    doc = nlp.load()("The United States said Tuesday that it would resume cooperation with Ukraine.")
    found = date_for_event(token(doc, "resume"), anchors(doc, datetime(2025, 3, 12, 18)))
    assert as_pair(found) == ("2025-03-11", "day")


def test_statement_date_reaches_through_participle_and_coordination():
    doc = nlp.load()(
        "Chinese Foreign Ministry spokesperson Mao Ning responded to the news reports in a Jan. 23 "
        "press briefing, asserting that China abides by its own export controls and rejects other "
        "countries' imposition of what Beijing considers illegal unilateral sanctions."
    )
    found = date_for_event(token(doc, "rejects"), anchors(doc, datetime(2025, 3, 14, 5)))
    assert as_pair(found) == ("2025-01-23", "day")


def test_date_of_an_event_noun_stays_with_it():
    # "Monday's meeting" dates the meeting, not the providing of details about it.
    doc = nlp.load()("The report did not provide any details about Monday's meeting.")
    assert date_for_event(token(doc, "provide"), anchors(doc, SEED_REF)) is None


def test_context_date_only_for_past_events():
    ref = datetime(2025, 3, 14, 14)
    doc = nlp.load()("Pedersen said Friday that the agreements were positive. He called for calm. Talks will resume.")
    assert as_pair(context_date(token(doc, "called"), anchors(doc, ref))) == ("2025-03-14", "day")
    assert context_date(token(doc, "resume"), anchors(doc, ref)) is None


def test_no_context_date_when_the_sentence_dates_other_clauses(seed_doc):
    assert context_date(token(seed_doc, "asked", 1), anchors(seed_doc, SEED_REF)) is None


def test_where_clause_shares_the_time_of_the_verb_it_is_set_by():
    doc = nlp.load()(
        "Fighting that began March 6 in the coastal region, where soldiers clashed with rebels, went on for days."
    )
    found = date_for_event(token(doc, "clashed"), anchors(doc, datetime(2025, 3, 14, 14)))
    assert as_pair(found) == ("2025-03-06", "day")


def test_document_date_dates_the_clause_it_takes_part_in():
    # The parser hangs "dated" on "plan"; the letter's date is the urging's.
    doc = nlp.load()(
        "The senators sent a letter to the minister about the plan dated Feb. 4, urging him to stop the shipments."
    )
    found = date_for_event(token(doc, "urging"), anchors(doc, datetime(2025, 3, 14, 5)))
    assert as_pair(found) == ("2025-02-04", "day")


def test_own_date_is_only_the_words_own_modifier():
    doc = nlp.load()(
        "Lawmakers welcomed Tuesday's announcement. Peskov on Monday denied accusations that Russia had asked."
    )
    ref = datetime(2025, 3, 12, 18)
    assert as_pair(own_date(token(doc, "announcement"), anchors(doc, ref))) == ("2025-03-11", "day")
    assert own_date(token(doc, "accusations"), anchors(doc, ref)) is None


@pytest.mark.parametrize(
    "anchor, text, expected",
    [
        (("2025-03-05", "day"), "Two days later", ("2025-03-07", "day")),
        (("2025-03-05", "day"), "a few hours later", ("2025-03-05", "day")),
        (("2025-03-05", "day"), "days later", ("2025-03-01", "month")),  # some day of March, at best
        (("2025-03-05", "day"), "three weeks earlier", ("2025-02-01", "month")),  # weeks are no precision
        (("2025-02-01", "month"), "a month later", ("2025-03-01", "month")),
        (("2019-01-01", "year"), "nearly five years later", ("2024-01-01", "year")),
        (("2019-01-01", "year"), "a month later", None),  # finer than the year it moves
        (("2025-03-05", "day"), "a few months later", None),
        (("2025-03-05", "day"), "on Monday", None),  # no span: the caller keeps its date
        (("2025-03-05", "day"), "The next day", ("2025-03-06", "day")),
        (("2025-03-05", "day"), "the following morning", ("2025-03-06", "day")),
        (("2025-03-05", "day"), "the day before", ("2025-03-04", "day")),
        (("2025-03-05", "day"), "two days after", ("2025-03-07", "day")),
        (("2025-03-05", "day"), "a week before", ("2025-02-01", "month")),
    ],
)
def test_shifted_moves_an_anchor_by_a_span(anchor, text, expected):
    assert as_pair(shifted(DateRef(anchor[0], anchor[1], "before"), text)) == expected


def test_event_noun_in_a_present_clause_is_the_nearest_occasion():
    wednesday = datetime(2025, 3, 12, 13)
    doc = nlp.load()("The attack on Sunday shows that the group is strong. The summit on Friday is a chance for peace.")
    ref = anchors(doc, wednesday)
    assert as_pair(date_for_event(token(doc, "attack"), ref)) == ("2025-03-09", "day")  # was the coming Sunday
    assert as_pair(date_for_event(token(doc, "summit"), ref)) == ("2025-03-14", "day")


@pytest.mark.parametrize(
    "text, expected",
    [
        # spaCy leaves these spans out of its DATE entities: found, counted from the occasion before.
        ("Rebels seized the port on March 4. The following day, the navy shelled the harbour.", ("2025-03-05", "day")),
        (
            "Rebels seized the port on March 4. The navy shelled the harbour two days after the raid.",
            ("2025-03-06", "day"),
        ),
        ("Rebels seized the port on March 4. The previous day, the navy shelled the harbour.", ("2025-03-03", "day")),
        ("Rebels seized the port on March 4. The navy had shelled it the preceding night.", ("2025-03-03", "day")),
    ],
)
def test_a_span_counted_from_the_occasion_before_moves_its_date(text, expected):
    doc = nlp.load()(text)
    found = context_date(token(doc, "shelled"), anchors(doc, datetime(2025, 3, 13, 19)))
    assert as_pair(found) == expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        (
            "Ukraine shelled a Russian airbase on Friday, a week after the raid on Kharkiv.",
            "raid",
            ("2025-02-01", "month"),
        ),
        (
            "Police arrested the opposition leader on Friday, two days before the election.",
            "election",
            ("2025-03-09", "day"),
        ),
        (
            "Ukraine shelled a Russian airbase on Friday, a week after Russian jets bombed Kharkiv.",
            "bombed",
            ("2025-02-01", "month"),
        ),
        (
            "Two days after protesters stormed the embassy, the government expelled the ambassador on Sunday.",
            "stormed",
            ("2025-03-07", "day"),
        ),
        (  # an event noun its verb takes as object: the verb's clause is counted
            "Koreans voted on Sunday in a snap election, six months after the president declared martial law.",
            "law",
            ("2024-09-01", "month"),
        ),
    ],
)
def test_an_event_after_a_span_lies_that_span_from_its_clause(text, word, expected):
    # Not the clause's day: the raid and the bombing were a week earlier (a week gives its month),
    # the election two days later, the storming two days before Sunday.
    doc = nlp.load()(text)
    assert as_pair(date_for_event(token(doc, word), anchors(doc, datetime(2025, 3, 13, 19)))) == expected


def test_a_gerund_of_content_keeps_its_date_from_the_verb_above_it():
    # What Somalia is accused of happened in August; the accusation is not dated by it.  A gerund
    # of means shares its clause's day: the accord was signed, and the dispute ended, on Monday.
    doc = nlp.load()(
        "Kenya accused Somalia of shelling its border posts in August. "
        "By signing the accord on Monday, Kenya ended its dispute with Somalia."
    )
    ref = anchors(doc, datetime(2025, 3, 13, 19))
    assert date_for_event(token(doc, "accused"), ref) is None
    assert as_pair(date_for_event(token(doc, "ended"), ref)) == ("2025-03-10", "day")


def test_a_gerund_is_told_in_the_tense_of_the_verb_above_it():
    # Accused in March of shelling "in August": the August just past, not the one to come.
    doc = nlp.load()("Kenya accused Somalia of shelling its border posts in August.")
    assert as_pair(date_for_event(token(doc, "shelling"), anchors(doc, datetime(2025, 3, 13, 19)))) == (
        "2024-08-01",
        "month",
    )


@pytest.mark.parametrize(
    "text, word",
    [
        ("Ukraine on Sunday accuses Russia of shelling Kharkiv.", "accuses"),  # a headline's present
        ("Kenya condemns Sunday's raid on its border post.", "raid"),  # an event noun in such a clause
        ("The ministry says on Sunday that troops shelled the post.", "says"),
    ],
)
def test_a_present_verb_of_saying_with_a_weekday_reports_the_day_just_past(text, word):
    # Told on Thursday: not the coming Sunday, as "meets on Sunday" would be.
    doc = nlp.load()(text)
    assert as_pair(date_for_event(token(doc, word), anchors(doc, datetime(2025, 3, 13, 19)))) == ("2025-03-09", "day")


def test_a_scheduled_present_keeps_its_day_ahead():
    doc = nlp.load()("The council meets on Sunday to discuss the shelling of Kharkiv.")
    assert as_pair(date_for_event(token(doc, "meets"), anchors(doc, datetime(2025, 3, 13, 19)))) == (
        "2025-03-16",
        "day",
    )


@pytest.mark.parametrize(
    "text, word",
    [
        ("The ambassador said the 1951 Mutual Defense Treaty covers attacks on Philippine ships.", "attacks"),
        ("Officials said the 2015 Paris Agreement requires cuts by every member.", "cuts"),
    ],
)
def test_a_year_inside_a_name_dates_nothing_the_clause_tells(text, word):
    # The year says which treaty; the attacks it covers are not of 1951.
    doc = nlp.load()(text)
    assert date_for_event(token(doc, word), anchors(doc, datetime(2025, 3, 13, 19))) is None


@pytest.mark.parametrize(
    "text, stretch",
    [
        ("recent weeks", True),
        ("the past three years", True),
        ("decades", True),
        ("the last few days", True),
        ("two years", False),  # "sentenced to two years": a length, not a time
        ("days later", False),  # counted from an occasion (`shifted`)
        ("the next day", False),
        ("35-year-old", False),
    ],
)
def test_a_stretch_up_to_now_is_told_apart_from_a_length_and_a_span_counted(text, stretch):
    assert stretch_to_now(text) is stretch


@pytest.mark.parametrize(
    "text, teller, told",
    [
        ("Russia accused Ukraine of attacking its power plants in a statement on Tuesday.", "accused", "attacking"),
        ("The ministry urged Israel to halt its strikes at a briefing on Tuesday.", "urged", "halt"),
        ("The army accused the rebels of shelling the town in a statement issued on Tuesday.", "accused", "shelling"),
    ],
)
def test_a_date_set_in_a_telling_dates_the_verb_of_telling(text, teller, told):
    # The parser hangs "in a statement on Tuesday" on what was told; Tuesday is when it was told.
    doc = nlp.load()(text)
    ref = anchors(doc, datetime(2025, 3, 13, 19))
    assert as_pair(date_for_event(token(doc, teller), ref)) == ("2025-03-11", "day")
    assert date_for_event(token(doc, told), ref) is None


def test_a_bare_date_hung_on_the_object_dates_the_verb():
    # The parser hangs "earlier this month" on "entry"; it says when the entry was halted.
    doc = nlp.load()("Israel halted the entry of aid into Gaza earlier this month.")
    found = date_for_event(token(doc, "halted"), anchors(doc, datetime(2025, 3, 13, 19)))
    assert as_pair(found) == ("2025-03-01", "month")


def test_a_past_date_on_a_thing_put_ahead_dates_the_verb_that_put_it_ahead():
    # "last week" cannot be when the supplies are to be cut: it is when the threat was made.
    # A day that may lie ahead ("on Friday") stays with what is to be done.
    doc = nlp.load()(
        "The prime minister threatened to cut electricity supplies to Ukraine last week. "
        "The rebels agreed to resume talks on Friday."
    )
    ref = anchors(doc, datetime(2025, 3, 13, 19))
    assert as_pair(date_for_event(token(doc, "threatened"), ref)) == ("2025-03-01", "month")
    assert date_for_event(token(doc, "cut"), ref) is None
    assert as_pair(date_for_event(token(doc, "resume"), ref)) == ("2025-03-14", "day")


def test_a_holiday_is_its_day():
    # Told on New Year's Day: the eve just past.  The recogniser calls it an EVENT, not a DATE.
    doc = nlp.load()("Russia launched drones at Ukraine on New Year's Eve.")
    found = date_for_event(token(doc, "launched"), anchors(doc, datetime(2025, 1, 1, 8)))
    assert as_pair(found) == ("2024-12-31", "day")


@pytest.mark.parametrize(
    "text, tense, expected",
    [
        ("on the 19th", "past", ("2024-11-19", "day")),
        ("the 21st", "past", ("2024-10-21", "day")),  # still ahead in November: October's
        ("on the 3rd", "future", ("2024-12-03", "day")),  # gone in November: December's
    ],
)
def test_a_day_of_the_month_alone_is_of_the_nearest_month_in_its_tense(text, tense, expected):
    assert as_pair(resolve(text, datetime(2024, 11, 20, 8), tense)) == expected


def test_this_week_told_on_a_sunday_in_the_past_is_the_week_just_ending():
    # Sunday March 2: the talks "held this week" were held from February 24 to 28.
    sunday = datetime(2025, 3, 2, 10)
    assert as_pair(resolve("this week", sunday, "past")) == ("2025-02-01", "month")
    assert as_pair(resolve("this week", sunday, "future")) == ("2025-03-01", "month")


def test_the_measure_of_a_superlative_dates_nothing():
    # "since 2019" says what the attack is the deadliest of, not when it killed.
    doc = nlp.load()("The attack, the deadliest since 2019, killed 30 people.")
    assert date_for_event(token(doc, "killed"), anchors(doc, datetime(2025, 3, 13, 19))) is None


def test_a_present_participle_on_the_subject_tells_the_occasion_of_its_verb():
    # Rubio said it on Monday, speaking then; the man was arrested on Monday, not told then.
    doc = nlp.load()(
        "Rubio, speaking to reporters on Monday, said the United States would cut aid. "
        "The man arrested on Monday told reporters he was innocent."
    )
    ref = anchors(doc, datetime(2025, 3, 13, 19))
    assert as_pair(date_for_event(token(doc, "said"), ref)) == ("2025-03-10", "day")
    assert date_for_event(token(doc, "told"), ref) is None


def test_a_day_and_its_time_tagged_apart_are_one_expression():
    # The recogniser tags "Monday" a DATE and "night" a TIME: together they date the meeting.
    doc = nlp.load()("The Security Council met Monday night to discuss the crisis.")
    found = date_for_event(token(doc, "met"), anchors(doc, datetime(2025, 3, 13, 19)))
    assert (as_pair(found), found.text) == (("2025-03-10", "day"), "Monday night")


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Russia struck Kyiv a day after Ukraine attacked Moscow on Tuesday.", "struck", ("2025-03-12", "day")),
        ("Fighting resumed hours after the truce took effect on Friday.", "resumed", ("2025-03-07", "day")),
        # a span counted by no word, which the recogniser may miss: "days" from a year is that year
        ("Kenya closed the border in 2022, days after militants attacked a bus.", "attacked", ("2022-01-01", "year")),
        # a date and the span after its comma, tagged as one entity: two expressions
        (
            "Kenya closed the border on Jan. 10, days after militants attacked a bus.",
            "attacked",
            ("2025-01-01", "month"),
        ),
    ],
)
def test_a_clause_told_a_span_after_a_dated_clause_lies_that_span_from_it(text, word, expected):
    doc = nlp.load()(text)
    assert as_pair(date_for_event(token(doc, word), anchors(doc, datetime(2025, 3, 13, 19)))) == expected


def test_a_span_counted_by_no_word_is_no_stretch_up_to_now():
    # "days after" counts from the invasion: not "for days", a stretch that would take no date.
    doc = nlp.load()("Moldova applied for membership, days after Russia invaded Ukraine.")
    assert unpinned_time(token(doc, "invaded"), anchors(doc, datetime(2025, 3, 13, 19))) is None
