"""What an article's actor index holds: phrase hits, the people of the article and their
mentions, and what a role phrase tells."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic

from ...model import Actor
from .tables import Named, V


@dataclass(frozen=True)
class Hit(Generic[V]):
    """A phrase-table match in the article: tokens [start, end) and what they name."""

    start: int
    end: int
    value: V
    qualifier: bool = False  # in a hyphenated compound ("US-backed", "Sino-US"): names, not an affiliation


@dataclass
class Description:
    """What a role phrase tells: "a senior US official" -> code USA, sector GOV, title."""

    code: str | None = None
    sector: str | None = None
    title: str | None = None
    body: Named | None = None  # a named body the phrase belongs to (UN peacekeepers)
    has_role: bool = False


@dataclass
class Person:
    """One person of the article, merged over all mentions."""

    name: str
    code: str | None = None
    sector: str | None = None
    title: str | None = None
    titles: list[str] = field(default_factory=list)  # every title the article gives, `title` first
    bodies: list[str] = field(default_factory=list)  # names of the listed bodies those titles name
    gender: str | None = None
    known: Named | None = None
    guessed: bool = False  # named from the lists after a bare surname: the article's full name wins
    written: list[str] = field(default_factory=list)  # every way the article writes the name

    def saw(self, text: str) -> None:
        if text not in self.written:
            self.written.append(text)

    def actor(self, text: str) -> Actor:
        """The actor of a mention: a hand-listed person's code wins over the article's words,
        the article's words over a generated record's (which may be stale)."""
        k = self.known
        listed = k.code if k and not k.generated else None
        return Actor(
            text=text,
            name=self.name,
            code=listed or self.code or (k.code if k else None),
            sector=self.sector or (k.sector if k else None),
            title=self.title or (k.title if k else None),
            aliases=[w for w in self.written if w != self.name],
        )


@dataclass(frozen=True)
class Mention:
    i: int
    end: int  # the token after the name
    root: int  # the head token of the name
    sent: int  # index of the sentence
    subject: bool
    person: Person
