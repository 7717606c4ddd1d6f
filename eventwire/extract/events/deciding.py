"""Rules propose, a trained model decides: which sides each event has (docs/design.md).

The event passes give each event the sides their grammar finds.  Here every event also gets
the other sides its sentence makes plausible: each coded actor of the sentence as the missing
or other side, and each ordered pair of them.  A logistic regression (data/sides_model.json,
trained by `make train` from the benchmarks' gold) scores every candidate from what the parse
says of it: how each actor hangs from the trigger, on which side of it, what kind of actor it
is, how often the article names it, whether the rules chose it.  The rules' sides stay unless
the model finds them very unlikely; another pairing it finds likely becomes an event of its own;
every event the rules propose keeps at least one pairing, so the types the rules find stay."""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from itertools import combinations, permutations

from spacy.tokens import Token

from ...learn import LinearModel, shipped
from ...model import Actor, Event
from ..article import ArticleContext
from ..types import body_codes, has
from .grammar import NOUN_POS, token_at
from .sides import coded

MODEL = "sides_model.json"
PATH_STEPS = 3  # dependency steps from an actor up to the trigger's clause that a feature tells apart
RANKS = 4  # the article's most named actors that features tell apart (the 1st, 2nd, 3rd, the rest)
NEAR = (3, 8, 20)  # token distances from the trigger that features tell apart
NEAREST = 6  # the sentence's actors closest to the trigger that candidates pair (6 make 30 ordered pairs)
# The rules' sides are kept from this probability on; other pairings from the model's threshold (0.5).
# Both chosen with C in scripts/train_sides.py on the studied folds of the VOA dev set and the GSR
# together, each scored by a model trained without it (docs/design.md gives the figures).
RULES_FLOOR = 0.05


@dataclass(frozen=True)
class Candidate:
    """One way to fill an event's sides, with what the model reads about it."""

    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    how: str  # "rules", "other target", "other source", "both new", "other pair" (a mutual type)
    features: tuple[str, ...]

    def dyads(self, type_: str) -> frozenset[tuple[str, str, str]]:
        return pairs_of(type_, [a.code for a in self.source], [a.code for a in self.target])


def pairs_of(type_: str, source: list[str | None], target: list[str | None]) -> frozenset[tuple[str, str, str]]:
    """(type, source code, target code) of every pair an event with these sides makes, "-" for no
    one, the parties of a mutual type unordered: the pairs the benchmarks' scorer counts."""
    src = sorted({c.upper() for c in source if c}) or ["-"]
    tgt = sorted({c.upper() for c in target if c}) or ["-"]
    if has(type_, "mutual"):
        parties = sorted(set(src + tgt) - {"-"}) or ["-"]
        if len(parties) == 1:
            return frozenset({(type_, parties[0], "-")})
        return frozenset((type_, a, b) for i, a in enumerate(parties) for b in parties[i + 1 :])
    return frozenset((type_, s, t) for s in src for t in tgt)


@dataclass(frozen=True)
class NamedActors:
    """The coded actors an article names, read once for all its events: each name's offset, actor
    and head token, in text order, and how many times each code is named."""

    names: list[tuple[int, Actor, Token]]
    counts: Counter[str]

    @classmethod
    def of(cls, ctx: ArticleContext) -> NamedActors:
        roots = {e.start_char: e.root for e in ctx.doc.ents}
        names = [(at, a, roots[at]) for at, a in ctx.actors.coded_between(0, len(ctx.text)) if a.code and at in roots]
        return cls(names, Counter(a.code for _, a, _ in names))

    def between(self, start: int, end: int) -> dict[str, tuple[Actor, Token]]:
        """The actors named within the character offsets, one per code (its first name), with head tokens."""
        out: dict[str, tuple[Actor, Token]] = {}
        for at, actor, root in self.names[bisect_left(self.names, start, key=lambda n: n[0]) :]:
            if at >= end:
                break
            out.setdefault(actor.code, (actor, root))
        return out


def decide(ctx: ArticleContext, events: list[Event], model: LinearModel | None = None) -> list[Event]:
    """The events with the sides the model keeps.  The model overrides the rules only when it is
    sure: the rules' sides stay unless their probability is below RULES_FLOOR, another pairing is
    added as an event of its own from the model's threshold on (its confidence the model's
    probability), and an event keeps its likeliest candidate when none is kept."""
    model = model or shipped(MODEL)
    out: list[Event] = []
    seen: set[tuple] = set()
    names = NamedActors.of(ctx)
    for event in events:
        scored = [(float(model.probabilities(c.features)[0]), c) for c in candidates(ctx, event, names)]
        kept = [(p, c) for p, c in scored if p >= (RULES_FLOOR if c.how == "rules" else model.threshold)]
        kept = sorted(kept or [max(scored, key=lambda s: s[0])], key=lambda s: (s[1].how != "rules", -s[0]))
        told: set[tuple[str, str, str]] = set()
        mine: list[tuple[Candidate, Event]] = []
        for p, c in kept:
            pairs = c.dyads(event.type)
            key = (event.type, pairs, event.date)
            if pairs <= told or key in seen:
                continue  # says nothing a kept pairing of this event or an earlier event has not said
            told |= pairs
            seen.add(key)
            mine.append((c, _with_sides(event, c, p)))
        if len(mine) > 1 and mine[0][0].how == "rules":
            added = {d for c, _ in mine[1:] for d in c.dyads(event.type)}
            if completed(mine[0][0].dyads(event.type), added, has(event.type, "mutual")):
                mine = mine[1:]  # the added pairings say who the rules' one-sided event was with
        out += [e for _, e in mine]
    return out


def completed(partial: frozenset[tuple[str, str, str]], added: set[tuple[str, str, str]], mutual: bool) -> bool:
    """Does every pair in `partial` lack a side that a pair in `added` fills with the same actor on
    the known side?  ("Xi and Biden agreed" has no target; Xi with Biden and Biden with Xi say more.)"""
    full = [(s, t) for _, s, t in added if "-" not in (s, t)]

    def filled(source: str, target: str) -> bool:
        if mutual:
            known = source if source != "-" else target
            return any(known in pair for pair in full)
        if source != "-":
            return any(s == source for s, _ in full)
        return target != "-" and any(t == target for _, t in full)

    return bool(partial) and all("-" in (s, t) and filled(s, t) for _, s, t in partial)


def candidates(ctx: ArticleContext, event: Event, names: NamedActors) -> list[Candidate]:
    """The rules' sides first, then each different pairing the sentence's coded actors allow
    (`names`: the article's, `NamedActors.of(ctx)`)."""
    named = _nearest(names.between(event.start, event.end), token_at(ctx.doc, event.trigger_start))
    src, tgt = coded(event.source), coded(event.target)
    in_sentence = [a for a, _ in named.values()]
    options: list[tuple[str, list[Actor], list[Actor]]] = [("rules", event.source, event.target)]
    if has(event.type, "mutual"):
        parties = list({a.code: a for a in src + tgt + in_sentence}.values())
        options += [("other pair", [a], [b]) for a, b in combinations(parties, 2)]
    else:
        for actor in [*in_sentence, None]:
            other = [actor] if actor is not None else []
            if src:
                options.append(("other target", src, other))
            if tgt:
                options.append(("other source", other, tgt))
        options += [("both new", [a], [b]) for a, b in permutations(in_sentence, 2)]
    reading = _Reading(ctx, event, named, names.counts)
    out: list[Candidate] = []
    seen: set[frozenset] = set()
    for how, source, target in options:
        plain = Candidate(tuple(source), tuple(target), how, ())
        key = plain.dyads(event.type)
        if key in seen or (how != "rules" and not any(a.code for a in source + target)):
            continue
        seen.add(key)
        out.append(replace(plain, features=reading.features(plain)))
    return out


class _Reading:
    """What the features of one event's candidates read: its trigger, its sentence's actors with
    their head tokens, and how often the article names each code."""

    def __init__(
        self, ctx: ArticleContext, event: Event, named: dict[str, tuple[Actor, Token]], counts: Counter[str]
    ) -> None:
        self.event = event
        self.trigger = token_at(ctx.doc, event.trigger_start)
        self.named = named
        self.counts = counts
        self.rank = {code: n for n, (code, _) in enumerate(counts.most_common(), start=1)}
        self.rules = {c.code for c in coded(event.source)}, {c.code for c in coded(event.target)}

    def features(self, c: Candidate) -> tuple[str, ...]:
        t = self.event.type
        out = [f"how={c.how}", f"type={t}", f"how={c.how}|{t}", f"status={self.event.status}"]
        out.append(f"named={min(len(self.named), 4)}")
        if self.trigger is not None and self.trigger.pos_ in NOUN_POS:
            out.append("nominal")
        for side, actors, own, other in (("s", c.source, *self.rules), ("t", c.target, *reversed(self.rules))):
            out += self._side(side, [a for a in actors if a.code], own, other)
        codes = {a.code for a in c.source if a.code} & {a.code for a in c.target if a.code}
        if codes:
            out += ["same on both sides", f"same on both sides|{c.how}", f"same on both sides|{t}"]
        return tuple(out)

    def _side(self, side: str, actors: list[Actor], own: set[str], other: set[str]) -> list[str]:
        t = self.event.type
        if not actors:
            return [f"{side}=none", f"{side}=none|{t}", *([f"{side}=none, the rules had one"] if own else [])]
        a = actors[0]
        code = a.code or ""
        out = [
            f"{side}.kind={code if code in body_codes() else 'country'}",
            f"{side}.named={min(self.counts[code], 4)}",
            f"{side}.rank={min(self.rank.get(code, RANKS), RANKS)}",
        ]
        if not own:
            out.append(f"{side}.fills an empty side")
        if len({b.code for b in actors}) > 1:
            out += [f"{side}.several", f"{side}.several|{t}"]
        if a.sector:
            out.append(f"{side}.sector={a.sector}")
        if code in own:
            out.append(f"{side}.rules")
        if code in other:
            out.append(f"{side}.swapped")
        head = self.named.get(code, (None, None))[1]
        if head is None or self.trigger is None:
            return [*out, f"{side}.outside the sentence"]
        chosen = [self.named[r][1] for r in own | other if r in self.named]
        if code not in own | other and any(_same_phrase(head, r) for r in chosen):
            out.append(f"{side}.in the phrase of an actor the rules chose")
        return out + self._placement(side, head, self.trigger)

    def _placement(self, side: str, head: Token, trigger: Token) -> list[str]:
        """Where the actor's name stands from the trigger: in the parse, before or after it, how far."""
        t = self.event.type
        path = dependency_path(head, trigger)
        where = "before" if head.i < trigger.i else "after"
        near = sum(abs(head.i - trigger.i) > n for n in NEAR)
        return [
            f"{side}.path={path}",
            f"{side}.path={path}|{t}",
            f"{side}.{where}",
            f"{side}.{where}|{t}",
            f"{side}.far={near}",
        ]


def _nearest(named: dict[str, tuple[Actor, Token]], trigger: Token | None) -> dict[str, tuple[Actor, Token]]:
    """The NEAREST actors named closest to the trigger, in text order: a sentence listing fifty
    countries would otherwise make thousands of pairings."""
    if len(named) <= NEAREST or trigger is None:
        return named
    close = sorted(named, key=lambda code: abs(named[code][1].i - trigger.i))[:NEAREST]
    return {code: named[code] for code in named if code in close}


def _same_phrase(a: Token, b: Token) -> bool:
    """Do the two tokens modify each other or the same word ("Cuba's U.N. mission")?"""
    return a.i != b.i and (a.head.i == b.head.i or a.head.i == b.i or b.head.i == a.i)


def dependency_path(tok: Token, trigger: Token) -> str:
    """How a token hangs from the trigger: its dependency labels up to the nearest token that
    governs both (at most PATH_STEPS; a preposition with its word: "in Rome" is no "against
    Rome"), then how many steps the trigger is below that token."""
    up_from_trigger = {t.i: n for n, t in enumerate([trigger, *trigger.ancestors])}
    labels = []
    for t in [tok, *tok.ancestors]:
        if t.i in up_from_trigger:
            return ".".join(labels[:PATH_STEPS]) + f"^{min(up_from_trigger[t.i], 2)}"
        labels.append(f"{t.dep_}({t.lemma_.lower()})" if t.dep_ in ("prep", "agent") else t.dep_)
    return "apart"


def _with_sides(event: Event, c: Candidate, probability: float) -> Event:
    if c.how == "rules":
        return event
    codes = ",".join(sorted(f"{s}>{t}" for _, s, t in c.dyads(event.type)))
    return replace(
        event,
        id=hashlib.sha1(f"{event.id}:{codes}".encode()).hexdigest()[:16],
        source=list(c.source),
        target=list(c.target),
        confidence=round(probability, 2),
    )
