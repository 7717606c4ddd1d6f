"""Event dates: the date expression tied to an event's trigger (`ties.py`), resolved against
the article's reference time with a precision (`resolve.py`, whose docstring gives the
conventions), over the date expressions found once per article (`anchors.py`)."""

from .anchors import DateAnchors
from .cues import cues
from .resolve import DateRef, resolve, shifted
from .tense import clause_verb, past_form
from .ties import (
    Lender,
    context_date,
    counted_back,
    date_for_event,
    dates_its_clauses,
    describes_a_thing,
    own_date,
    sentence_date,
    unpinned_time,
)

__all__ = [
    "DateAnchors",
    "DateRef",
    "Lender",
    "clause_verb",
    "context_date",
    "counted_back",
    "cues",
    "date_for_event",
    "dates_its_clauses",
    "describes_a_thing",
    "own_date",
    "past_form",
    "resolve",
    "sentence_date",
    "shifted",
    "unpinned_time",
]
