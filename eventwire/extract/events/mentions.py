"""What the event passes hand each other: mentions (one telling of an event each), then
occasions (the mentions of one real-world event and the event they make)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...model import Actor, Event
from ..dates import DateRef
from .grammar import NOUN_POS
from .lexicon import Rule

if TYPE_CHECKING:  # frames reads mentions: imported for the annotations only
    from .frames import Frame


@dataclass
class Mention:
    """One telling of an event: the trigger token, the rule it matched and the actors found."""

    type: str
    token: Token
    rule: Rule | None
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    date: DateRef | None = None
    unknown_doer: bool = False  # the text says the doer is unknown ("by unnamed individuals")
    # False for a telling that is no event of its own (no political actor, or the content of
    # another trigger): later passes still read it ("sanctions could follow if ..." warns).
    kept: bool = True

    @property
    def sides(self) -> int:
        return bool(self.source) + bool(self.target)

    @property
    def nominal(self) -> bool:
        return self.token.pos_ in NOUN_POS


def first_tellings(mentions: list[Mention]) -> dict[int, Mention]:
    """The first telling of each trigger token, by its index: a token may tell a second event of
    another type (`Rule.also`), which the passes that look tellings up by token leave aside."""
    out: dict[int, Mention] = {}
    for m in mentions:
        out.setdefault(m.token.i, m)
    return out


@dataclass
class Occasion:
    """One real-world event: the mentions that tell it, the event they make, and (once the
    claim passes have read them) the telling chosen as its evidence with its frame."""

    mentions: list[Mention]
    event: Event
    frames: list[tuple[Mention, Frame]] = field(default_factory=list)  # one per telling
    told: tuple[Mention, Frame] | None = None  # the telling the event is told by
