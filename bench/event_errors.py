#!/usr/bin/env python3
"""Why events are missed or wrong: every gold dyad the output lacks and every output dyad the
gold lacks, on the studied folds only, tabulated by cause (docs/recipes.md: rules are written
from folds 1-2; folds 3-4 are read as numbers).

usage: python bench/event_errors.py [--benchmarks DIR] [--folds 1,2] [--show CAUSE] [--limit N]

The event passes are run one by one (`events.MENTION_PASSES`, `merge`, `OCCASION_PASSES`) so
that a gold event lost on the way is blamed on the pass that dropped it.  What is tabulated is
what the rules propose, before the sides model decides (docs/design.md): the shipped model was
trained on these stories, so its decisions here would flatter; bench/accuracy.py scores them.  Causes of a missed
gold dyad, first that applies:
  sides        an output event of its type in its sentence has other sides (which side, and how)
  dropped      a telling of its type in its sentence was found, then dropped (by which pass)
  not kept     a telling of its type was marked not kept (no political actor, or content)
  typed        a trigger of another type in its sentence (which lemma, which type)
  no trigger   nothing in its sentence (its verbs are listed under --show)
Causes of an output dyad the gold lacks: sides (gold has the type in that sentence), typed
(gold has another type there), spurious (gold has no event there).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.accuracy import DEFAULT_BENCHMARKS, FOLDS, folds_of, load_scorer, read_jsonl  # noqa: E402
from eventwire import nlp  # noqa: E402
from eventwire.extract.article import ArticleContext  # noqa: E402
from eventwire.extract.events import MENTION_PASSES, OCCASION_PASSES, merge  # noqa: E402
from eventwire.extract.events.grammar import lemma_of  # noqa: E402
from eventwire.model import Article, Event  # noqa: E402
from eventwire.pipeline import article_context  # noqa: E402

STUDIED = range(1, FOLDS // 2 + 1)  # folds 1-2; the others are held out and read as numbers only
SCORER = load_scorer(DEFAULT_BENCHMARKS / "score.py")  # its `dyads` is the one definition of a dyad
MUTUAL = SCORER.MUTUAL


def as_record(e: Event) -> dict:
    """An output event as score.py reads it (sides as actor objects with codes)."""
    return {
        "type": e.type,
        "source": [{"code": a.code} for a in e.source],
        "target": [{"code": a.code} for a in e.target],
    }


def codes(side: list) -> list[str]:
    return sorted(SCORER.codes([a if isinstance(a, str) else {"code": a.code} for a in side]))


@dataclass
class Trace:
    """What the passes did with one article: every mention, and which pass dropped each event."""

    mentions: list = field(default_factory=list)
    dropped: list[tuple[str, Event]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def trace(ctx: ArticleContext) -> Trace:
    """The event passes of `events.propose`, one by one, noting each event a pass removes."""
    out = Trace()
    mentions: list = []
    for mention_pass in MENTION_PASSES:
        mentions = mention_pass(ctx, mentions)
    out.mentions = mentions
    occasions = merge(ctx, mentions)
    for occasion_pass in OCCASION_PASSES:
        after = occasion_pass(ctx, occasions)
        kept = {id(o) for o in after}
        out.dropped += [(occasion_pass.__name__, o.event) for o in occasions if id(o) not in kept]
        occasions = after
    out.events = [o.event for o in occasions]
    return out


def sentence_span(text: str, evidence: str) -> tuple[int, int] | None:
    """Where the gold evidence sentence sits in the text (exact, else by its first 40 characters)."""
    for probe in (evidence, evidence[:40]):
        at = text.find(probe) if probe else -1
        if at >= 0:
            return at, at + len(evidence)
    return None


def inside(start: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= start < span[1]


def side_cause(gold: tuple[str, str, str], events: list[Event]) -> str:
    """How an output event of the gold's type got the sides wrong."""
    t, gs, gt = gold
    parts = []
    for e in events:
        ss, st = set(codes(e.source)), set(codes(e.target))
        if t in MUTUAL:
            parts.append(f"mutual has {'/'.join(sorted(ss | st))}")
            continue
        src = "ok" if gs in ss else ("empty" if ss == {"-"} else "other")
        tgt = "ok" if gt in st else ("empty" if st == {"-"} else ("same as source" if st & ss else "other"))
        parts.append(f"source {src}, target {tgt}")
    return parts[0] if parts else "?"


def classify_missed(
    gold: tuple[str, str, str], span: tuple[int, int] | None, tr: Trace, ctx: ArticleContext
) -> tuple[str, str]:
    """The cause of a missed gold dyad (the module's list, first that applies) and what shows it."""
    t = gold[0]
    here = [e for e in tr.events if inside(e.trigger_start or e.start, span)]
    same = [e for e in here if e.type == t]
    if same:
        return "sides: " + side_cause(gold, same), _events_text(same)
    dropped = [(p, e) for p, e in tr.dropped if e.type == t and inside(e.trigger_start or e.start, span)]
    if dropped:
        return f"dropped by {dropped[0][0]}", _events_text([e for _, e in dropped])
    mentions = [m for m in tr.mentions if inside(m.token.idx, span)]
    unkept = [m for m in mentions if m.type == t and not m.kept]
    if unkept:
        m = unkept[0]
        why = "no political actor" if not any(a.code or a.sector for a in m.source + m.target) else "content"
        return f"not kept: {why}", _mentions_text(unkept)
    if mentions or here:
        lemmas = sorted({f"{lemma_of(m.token)}={m.type}" for m in mentions})
        return "typed: " + ", ".join(lemmas[:3]), _mentions_text(mentions)
    verbs = []
    if span is not None:
        sent = ctx.doc.char_span(span[0], span[1], alignment_mode="expand")
        verbs = [lemma_of(x) for x in sent or [] if x.pos_ in ("VERB", "NOUN")] if sent is not None else []
    return "no trigger", "words: " + " ".join(verbs)


def _events_text(events: list[Event]) -> str:
    return "; ".join(f"{e.type} {e.trigger} {codes(e.source)}->{codes(e.target)}" for e in events)


def _mentions_text(mentions: list) -> str:
    return "; ".join(f"{m.type} {m.token.text} {codes(m.source)}->{codes(m.target)} kept={m.kept}" for m in mentions)


def classify_extra(dyad: tuple[str, str, str], event: Event, gold_events: list[dict], text: str) -> str:
    """The cause of an output dyad the gold lacks: sides, typed or spurious."""
    spans = [(g, sentence_span(text, g.get("evidence") or "")) for g in gold_events]
    here = [g for g, s in spans if inside(event.trigger_start or event.start, s)]
    if any(str(g["type"]).upper() == dyad[0] for g in here):
        return "sides"
    if here:
        return "typed (gold " + "/".join(sorted({str(g["type"]).upper() for g in here})) + ")"
    return "spurious: " + dyad[0]


@dataclass
class Tally:
    """Dyads counted over the chosen articles, each miss and extra with its cause."""

    missed: Counter = field(default_factory=Counter)
    extra: Counter = field(default_factory=Counter)
    cases: list[tuple] = field(default_factory=list)  # (missed or extra, cause, dyad, sentence, detail)
    right: int = 0
    gold: int = 0
    output: int = 0

    def add(self, text: str, g_events: list[dict], tr: Trace, ctx: ArticleContext) -> None:
        """One article: its gold events against the events the passes kept."""
        gd: dict = {}
        for g in g_events:
            for d in SCORER.dyads(g):
                gd.setdefault(d, g)
        sd: dict = {}
        for e in tr.events:
            for d in SCORER.dyads(as_record(e)):
                sd.setdefault(d, e)
        self.right += len(gd.keys() & sd.keys())
        self.gold, self.output = self.gold + len(gd), self.output + len(sd)
        for d, g in gd.items():
            if d not in sd:
                cause, detail = classify_missed(d, sentence_span(text, g.get("evidence") or ""), tr, ctx)
                self.missed[
                    cause.split(":")[0] + (":" + cause.split(":")[1] if cause.startswith(("sides", "not")) else "")
                ] += 1
                self.cases.append(("missed", cause, d, g.get("evidence", ""), detail))
        for d, e in sd.items():
            if d not in gd:
                cause = classify_extra(d, e, g_events, text)
                self.extra[cause if not cause.startswith("spurious") else "spurious"] += 1
                self.cases.append(("extra", cause, d, e.sentence, f"{e.trigger} ({e.status})"))

    def report(self, folds: str, limit: int, show: str) -> None:
        """The counts, the causes most common first, and with `show` every case of that cause."""
        p, r = self.right / max(self.output, 1), self.right / max(self.gold, 1)
        print(f"folds {folds}: dyads gold {self.gold}, output {self.output}, right {self.right}  P {p:.3f} R {r:.3f}")
        for title, table in (
            ("missed gold dyads by cause", self.missed),
            ("output dyads not in gold by cause", self.extra),
        ):
            print(f"\n{title}")
            for cause, n in table.most_common(limit or None):
                print(f"  {n:4d}  {cause}")
        by_type = Counter(c[2][0] for c in self.cases if c[0] == "missed" and c[1] == "no trigger")
        print("\nno trigger, by gold type: " + ", ".join(f"{t} {n}" for t, n in by_type.most_common()))
        for kind, cause, d, sentence, detail in self.cases if show else ():
            if cause.startswith(show) or kind == show:
                print(f"\n[{kind}] {cause} {d}\n  {' '.join(sentence.split())[:300]}\n  {detail}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--benchmarks", type=Path, default=DEFAULT_BENCHMARKS)
    ap.add_argument("--folds", default="1,2", help="folds to study (default 1,2: never the held-out 3,4)")
    ap.add_argument("--show", default="", help="print every case whose cause starts with this")
    ap.add_argument("--limit", type=int, default=0, help="how many causes to print per table (0: all)")
    args = ap.parse_args()
    wanted = {int(f) for f in args.folds.split(",")}
    if args.show and not wanted <= set(STUDIED):
        ap.error(
            f"--show lists the studied folds only ({', '.join(map(str, STUDIED))}): the others are read as numbers"
        )
    dev = args.benchmarks / "voa_dev"
    gold = {str(g["id"]): g for g in read_jsonl(dev / "gold.jsonl")}
    chosen = [a for i, fold in enumerate(folds_of(read_jsonl(dev / "articles.jsonl")), 1) if i in wanted for a in fold]
    tally = Tally()
    docs = nlp.pipe((a["text"] for a in chosen), batch_size=8)
    titles = nlp.pipe((a.get("title") or "" for a in chosen), batch_size=8)
    for record, doc, title in zip(chosen, docs, titles, strict=True):
        article = Article(id=str(record["id"]), text=record["text"], published=record.get("published"))
        ctx = article_context(article, doc, title)
        tally.add(article.text, gold.get(article.id, {}).get("events", []), trace(ctx), ctx)
    tally.report(args.folds, args.limit, args.show)


if __name__ == "__main__":
    main()
