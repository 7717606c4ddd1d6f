"""The records of SPEC.md §2 as dataclasses: what every extractor returns and the store keeps."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One input article, as read; `text` is what every offset points into."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601
    published_from: str | None = None  # asset-stamp | field | html-meta | option | None
    authors: list[str] = field(default_factory=list)
    slug_keywords: list[str] = field(default_factory=list)
    language: str | None = None
    section: str | None = None
    keywords: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    origin: str | None = None  # file (and line) the record came from; not part of the SPEC record

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("origin")
        return d


@dataclass
class Actor:
    """Who acts or speaks: surface text, resolved name, country code and sector."""

    text: str
    name: str | None = None
    code: str | None = None
    sector: str | None = None
    title: str | None = None


@dataclass
class Location:
    text: str
    name: str | None = None
    code: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Event:
    id: str
    type: str
    trigger: str
    sentence: str
    start: int  # offsets of the evidence sentence in article.text
    end: int
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: Location | None = None
    status: str = "occurred"
    attributed_to: list[Actor] = field(default_factory=list)
    disputed_by: list[Actor] = field(default_factory=list)
    confidence: float = 0.5
    trigger_start: int | None = None  # offsets of the trigger word itself
    trigger_end: int | None = None


@dataclass
class Quote:
    id: str
    text: str
    start: int  # offsets of the quoted words (without the marks) in article.text
    end: int
    speaker: Actor | None = None
    kind: str = "direct"  # direct | indirect
    cue: str | None = None


@dataclass
class Entity:
    text: str
    label: str
    start: int
    end: int
    name: str | None = None
    code: str | None = None
    sector: str | None = None


@dataclass
class Analysis:
    """Everything `pipeline.process` learns about one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "events": [asdict(e) for e in self.events],
            "quotes": [asdict(q) for q in self.quotes],
            "entities": [asdict(e) for e in self.entities],
        }
