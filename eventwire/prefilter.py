"""A cheap sentence pre-filter: the parser reads only the sentences that can hold an event, a
quote or a claim; every other sentence is blanked out (its characters become spaces).

Blanking instead of cutting keeps every character where it was, so the offsets of the parse
are offsets into article.text with no map, and evidence sentences read exactly as in the
article.  A run of spaces costs the parser one token, where the sentence cost dozens.

What counts is data: `data/prefilter.yaml` names the lexicons (triggers, quote and status
cues) whose words make a sentence worth parsing; a trigger counts only with the words its
entry requires in the same sentence.  Words are matched as inflected forms (regular endings,
and the irregular forms of the model's own lemmatizer tables), with no parse at all.
It is off by default: on news it keeps about 90 % of the text (most sentences can hold an event
or a quote) and saves a few per cent of the CPU, while the blanked sentences lose their entities
and the people they introduce, which costs dates and dyads (`bench/throughput.py`,
`bench/accuracy.py` measure both). `EVENTWIRE_PREFILTER=1` in the environment turns it on
(`bench/throughput.py` measures both).
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import nlp
from .extract.events.lexicon import split_key
from .extract.rule_sentences import sentences
from .extract.vocabulary import read_yaml, words

ENV = "EVENTWIRE_PREFILTER"
WORD = re.compile(r"[^\W\d_]+")
MAX_QUOTE = 3000  # characters: a quotation mark left open does not swallow the article


@dataclass(frozen=True)
class Trigger:
    """A trigger form and the words that must share its sentence (each group: any one of it)."""

    needs: tuple[frozenset[str], ...] = ()

    def fits(self, words: set[str]) -> bool:
        return all(group & words for group in self.needs)


@dataclass(frozen=True)
class Cues:
    forms: dict[str, tuple[Trigger, ...]]  # word form -> the triggers it may be
    phrases: tuple[str, ...]  # lower-cased phrases matched as text
    quote_marks: str
    abbreviations: frozenset[str]


@dataclass
class Selection:
    """The text to parse (the original with the dropped sentences blanked: same length, same
    offsets) and the character spans of the sentences kept and dropped."""

    text: str
    kept: list[tuple[int, int]]
    dropped: list[tuple[int, int]]

    @property
    def ratio(self) -> float:
        """Share of the sentences' characters left to parse."""
        kept = sum(end - start for start, end in self.kept)
        return kept / ((kept + sum(end - start for start, end in self.dropped)) or 1)


def _data_files(pattern: str) -> list[str]:
    return sorted(fnmatch.filter((p.name for p in resources.files("eventwire.data").iterdir()), pattern))


@lru_cache(maxsize=1)
def _irregular() -> dict[str, set[str]]:
    """lemma -> its irregular forms, from the lemmatizer exception tables of the model itself."""
    out: dict[str, set[str]] = {}
    lookups = nlp.lemmatizer().lookups
    if lookups.has_table("lemma_exc"):
        for table in lookups.get_table("lemma_exc").values():
            for form, lemmas in table.items():
                for lemma in lemmas:
                    out.setdefault(lemma, set()).add(form)
    return out


def forms(lemma: str) -> set[str]:
    """Every form a lemma may take in text; forms that are not words never match, so the rules
    may over-generate (plan -> plans, planned, planning; carry -> carries, carried)."""
    out = {
        lemma,
        lemma + "s",
        lemma + "es",
        lemma + "ed",
        lemma + "d",
        lemma + "ing",
        lemma + lemma[-1:] + "ed",
        lemma + lemma[-1:] + "ing",
    } | _irregular().get(lemma, set())
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith("man"):
        out.add(lemma[:-3] + "men")
    return out


def _any_form(words: list[str]) -> frozenset[str]:
    return frozenset(f for w in words for f in forms(w))


def trigger(key: str, spec: dict | None, noun: bool) -> tuple[str, Trigger]:
    """A lexicon entry as the events extractor reads it (`split_key`): the trigger lemma, and
    the words its entry needs in the same sentence."""
    spec = spec or {}
    lemma, extra = split_key(key, noun)
    needs = [_any_form(words(spec.get(k), key)) for k in ("objects", "complements") if spec.get(k)]
    if spec.get("modifiers") or spec.get("carried_by"):  # a modifier or a carrying light verb
        needs.append(_any_form(words(spec.get("modifiers"), key) + words(spec.get("carried_by"), key)))
    needs += [frozenset({w}) for w in words(spec.get("requires"), key) + extra]
    return lemma, Trigger(tuple(needs))


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue words of every lexicon named in prefilter.yaml; built once per process."""
    config = read_yaml("prefilter.yaml")
    by_form: dict[str, set[Trigger]] = {}
    phrases: set[str] = set()

    def add(lemma: str, trigger: Trigger) -> None:
        for form in forms(lemma):
            by_form.setdefault(form, set()).add(trigger)

    for pattern, keys in config["lexicons"].items():
        for name in _data_files(pattern):
            data = read_yaml(name)
            for key in keys:
                if key == "types":
                    for entry in (data.get("types") or {}).values():
                        for kind in ("verbs", "nouns"):
                            for lemma_key, spec in ((entry or {}).get(kind) or {}).items():
                                add(*trigger(str(lemma_key), spec, kind == "nouns"))
                    continue
                for word in words(data.get(key), f"{name} {key}"):
                    if " " in word:
                        phrases.add(word)
                    else:
                        add(word, Trigger())
    tokenizer_abbrevs = {k[:-1] for k in nlp.load().tokenizer.rules if k.endswith(".") and len(k) > 1}
    return Cues(
        forms={f: tuple(ts) for f, ts in by_form.items()},
        phrases=tuple(sorted(phrases)),
        quote_marks="".join(config["quote_marks"]),
        abbreviations=frozenset(
            tokenizer_abbrevs | set(words(config["abbreviations"], "prefilter.yaml abbreviations"))
        ),
    )


def quoted(text: str, marks: str) -> list[tuple[int, int]]:
    """Spans between a quotation mark and the next one (at most MAX_QUOTE characters): the
    sentences of a quotation that runs over several sentences carry no mark of their own."""
    spans, open_at = [], None
    for m in re.finditer(f"[{re.escape(marks)}]", text):
        i = m.start()
        if open_at is not None and i - open_at <= MAX_QUOTE:
            spans.append((open_at, i + 1))
            open_at = None
        else:
            open_at = i
    return spans


def worth_parsing(sentence: str, c: Cues) -> bool:
    """True when a sentence holds a cue word (a trigger with what it needs) or a cue phrase."""
    low = sentence.lower()
    words = set(WORD.findall(low))
    for word in words:
        if any(t.fits(words) for t in c.forms.get(word, ())):
            return True
    return any(p in low for p in c.phrases)


def enabled() -> bool:
    """Whether the pipeline should parse the selection instead of the whole text (opt-in)."""
    return os.environ.get(ENV, "0") == "1"


def select(text: str) -> Selection:
    """The text with every sentence that can hold no event, quote or claim blanked out."""
    c = cues()
    quotes = quoted(text, c.quote_marks)
    kept: list[tuple[int, int]] = []
    dropped: list[tuple[int, int]] = []
    for start, end in sentences(text, c.abbreviations):
        keep = any(q0 < end and q1 > start for q0, q1 in quotes) or worth_parsing(text[start:end], c)
        (kept if keep else dropped).append((start, end))
    return Selection(_blank(text, dropped), kept, dropped)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span's characters turned into spaces (the whitespace around stays)."""
    parts, pos = [], 0
    for start, end in spans:
        parts += [text[pos:start], " " * (end - start)]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
