#!/usr/bin/env python3
"""Accuracy on the benchmarks, fold by fold: extract each benchmark once, then score.

usage: python bench/accuracy.py [--benchmarks DIR] [--only seed,voa_dev,plover_gsr,outlets] [--per-type]
                                [--keep DIR | --runs DIR] [--as-extracted]

The VOA dev set is scored in 4 fixed folds of 16 stories (by position, as `score.py --folds 4`):
folds 1-2 are studied (rules are written from their errors), folds 3-4 are held out (read as
numbers only), and the gap between them says how much a change fits what was studied
(docs/recipes.md).  Trained parts are scored honestly: each fold is extracted again with a sides
model trained without it, and its events' contexts come from a contexts model trained without it;
the GSR is extracted in 4 folds with sides and contexts models trained on the VOA dev set and
the other folds (scripts/train.py `fit`, scripts/train_sides.py `fit_sides`).  `--as-extracted`
scores the runs as they are (the shipped models, trained on all).

Benchmarks (under DIR, default ../shared/benchmarks beside the work tree):
  seed          seed/000_*.txt         against seed/gold.jsonl (events, dates, quotes)
  voa_dev       voa_dev/articles.jsonl against voa_dev/gold.jsonl (events, quotes, modes, contexts)
  plover_gsr    plover_gsr/articles.jsonl against gold_types.jsonl (document types),
                gold_dyads.jsonl (dyads) and gold_modes_contexts.jsonl (modes, contexts)
and in this repository:
  outlets       bench/outlets/articles.jsonl against bench/outlets/gold.jsonl: stories of our own in
                other outlets' styles (bench/outlets/README.md), a check only, never studied
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.extract.contexts import around, article_topic, predict  # noqa: E402
from eventwire.extract.modes import vocabulary  # noqa: E402
from eventwire.learn import LinearModel  # noqa: E402
from scripts.train import (  # noqa: E402
    GSR_ARTICLES,
    GSR_DYADS,
    VOA_ARTICLES,
    VOA_GOLD,
    Example,
    extracted,
    fit,
    gsr_examples,
    row_article,
    system_examples,
    voa_examples,
)
from scripts.train_sides import articles_by_id, fit_sides, read_jsonl, side_examples  # noqa: E402

DEFAULT_BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
INPUTS = {
    "seed": ["seed/000_a3803002c0d27c0a.txt"],
    "voa_dev": ["voa_dev/articles.jsonl"],
    "plover_gsr": ["plover_gsr/articles.jsonl"],
    "outlets": [str(ROOT / "bench/outlets/articles.jsonl")],  # an absolute path: ours, not under DIR
}
PLAIN_GOLDS = {"seed": "seed/gold.jsonl", "outlets": str(ROOT / "bench/outlets/gold.jsonl")}
FOLDS = 4
STUDIED = FOLDS // 2  # folds 1-2 are studied; the others are held out

# (label, figure of a score.py report); None where the report has nothing to score.  Indented
# labels are details of the line above (how many gold modes were scored; precision and recall).
CONTEXTS = "contexts(on matched events)"
MEASURES: list[tuple[str, Callable[[dict], float | int | None]]] = [
    ("dyad F1", lambda r: r["events(type,source,target)"]["f1"] if r["events(type,source,target)"]["gold"] else None),
    ("type F1", lambda r: r["events(type)"]["f1"] if r["events(type)"]["gold"] else None),
    ("doc-type macro F1", lambda r: r["document_types_macro_f1"]),
    ("dates", lambda r: r["dates(on matched events)"]["accuracy"] if r["dates(on matched events)"]["scored"] else None),
    ("quote span F1", lambda r: r["quotes(span)"]["f1"] if r["quotes(span)"]["gold"] else None),
    ("quote+speaker F1", lambda r: r["quotes(span+speaker)"]["f1"] if r["quotes(span+speaker)"]["gold"] else None),
    ("modes", lambda r: r["modes(on matched events)"]["accuracy"] if r["modes(on matched events)"]["scored"] else None),
    ("  modes scored", lambda r: r["modes(on matched events)"]["scored"] or None),
    ("contexts F1", lambda r: r[CONTEXTS]["f1"] if r[CONTEXTS]["gold"] else None),
    ("  contexts P", lambda r: r[CONTEXTS]["precision"] if r[CONTEXTS]["gold"] else None),
    ("  contexts R", lambda r: r[CONTEXTS]["recall"] if r[CONTEXTS]["gold"] else None),
]
TARGETS = [  # (benchmark group, measure, at least): the project's goals for events, quotes, modes and contexts
    ("voa_dev held-out", "dyad F1", 0.50),
    ("voa_dev held-out", "type F1", 0.80),
    ("voa_dev held-out", "doc-type macro F1", 0.75),
    ("voa_dev held-out", "dates", 0.80),
    ("voa_dev held-out", "quote span F1", 0.98),
    ("voa_dev held-out", "quote+speaker F1", 0.94),
    ("voa_dev held-out", "modes", 0.75),
    ("voa_dev held-out", "contexts F1", 0.70),
    ("plover_gsr", "dyad F1", 0.55),
    ("plover_gsr", "doc-type macro F1", 0.70),
    ("plover_gsr", "contexts F1", 0.65),
    ("outlets", "dyad F1", 0.50),  # other outlets: the same event targets, speakers >= 0.88
    ("outlets", "type F1", 0.80),
    ("outlets", "quote span F1", 0.98),
    ("outlets", "quote+speaker F1", 0.88),
]


def load_scorer(path: Path):
    """score.py as a module: its `score` is the one definition of every figure."""
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cli_command() -> list[str]:
    """The CLI of this checkout, run from its root (`cwd=ROOT`): not the `eventwire` the
    environment has installed, which may be another worktree's."""
    return [sys.executable, "-m", "eventwire.cli"]


def run_extract(inputs: list[Path], out: Path) -> float:
    """Run `eventwire extract` into `out`; returns the wall time in seconds."""
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as f:
        proc = subprocess.run(
            [*cli_command(), "extract", *map(str, inputs), "--format", "jsonl"],
            stdout=f,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
    if proc.returncode != 0:
        print(f"  eventwire extract exited {proc.returncode}: {proc.stderr.strip()[-500:]}", file=sys.stderr)
    return time.perf_counter() - start


def with_contexts(rows: list[dict], model: LinearModel) -> list[dict]:
    """The system rows with every event's contexts predicted again by `model`."""
    out = []
    for row in rows:
        article = row_article(row)
        topic = article_topic(article)
        events = []
        for e in row["events"]:
            codes = [s.get("code") for s in e["source"]], [t.get("code") for t in e["target"]]
            near = around(article.text, e["sentence"])
            events.append({**e, "context": predict(model, e["type"], e["sentence"], *codes, topic, near)})
        out.append({**row, "events": events})
    return out


def folds_of(rows: list, k: int = FOLDS) -> list[list]:
    """k runs of consecutive rows, as score.py --folds cuts them."""
    n = len(rows)
    return [rows[i * n // k : (i + 1) * n // k] for i in range(k)]


@cache
def voa_folds_extracted(benchmarks: Path) -> tuple[list[dict], ...]:
    """The VOA dev set extracted fold by fold, each fold with a sides model trained on the other
    folds and the GSR."""
    gold_ids = [str(r["id"]) for r in read_jsonl(benchmarks / "voa_dev/gold.jsonl")]
    articles = articles_by_id(benchmarks / INPUTS["voa_dev"][0])
    candidates = side_examples(benchmarks / VOA_ARTICLES, benchmarks / VOA_GOLD)
    gsr_candidates = [ex for group in side_examples(benchmarks / GSR_ARTICLES, benchmarks / GSR_DYADS) for ex in group]
    out = []
    for i, ids in enumerate(folds_of(gold_ids)):
        other_candidates = [ex for j, f in enumerate(folds_of(candidates)) if j != i for group in f for ex in group]
        out.append(extracted([articles[a] for a in ids if a in articles], fit_sides(other_candidates + gsr_candidates)))
    return tuple(out)


def extracted_examples(benchmarks: Path, but: int | None = None) -> list[Example]:
    """The contexts examples of the events extracted from the VOA dev set (scripts/train.py
    `system_examples`), from every fold but `but`."""
    folds = voa_folds_extracted(benchmarks)
    gold = benchmarks / VOA_GOLD
    return [ex for i, rows in enumerate(folds) if i != but for group in system_examples(rows, gold) for ex in group]


def honest_voa_run(benchmarks: Path) -> list[dict]:
    """The VOA dev set extracted fold by fold, each fold's sides and contexts from models trained
    on the other folds and the GSR."""
    per_article = voa_examples(benchmarks)
    gsr = [ex for group in gsr_examples(benchmarks) for ex in group]
    out = []
    for i, rows in enumerate(voa_folds_extracted(benchmarks)):
        others = [ex for j, f in enumerate(folds_of(per_article)) if j != i for group in f for ex in group]
        out += with_contexts(rows, LinearModel.from_dict(fit(others + gsr + extracted_examples(benchmarks, i))))
    return out


def honest_gsr_run(benchmarks: Path) -> list[dict]:
    """The GSR extracted in 4 folds, each with a sides model and a contexts model trained on the VOA
    dev set and the other folds (as `make train` trains the shipped ones on both, never on the fold scored)."""
    voa = [ex for group in voa_examples(benchmarks) for ex in group] + extracted_examples(benchmarks)
    gsr_contexts = folds_of(gsr_examples(benchmarks))  # gold_modes_contexts.jsonl: the ids of gold_dyads.jsonl
    candidates = [ex for group in side_examples(benchmarks / VOA_ARTICLES, benchmarks / VOA_GOLD) for ex in group]
    gsr = side_examples(benchmarks / GSR_ARTICLES, benchmarks / GSR_DYADS)
    ids = [str(r["id"]) for r in read_jsonl(benchmarks / GSR_DYADS)]
    articles = articles_by_id(benchmarks / GSR_ARTICLES)
    rows = []
    for i, fold in enumerate(folds_of(ids)):
        others = [ex for j, f in enumerate(folds_of(gsr)) if j != i for group in f for ex in group]
        other_contexts = [ex for j, f in enumerate(gsr_contexts) if j != i for group in f for ex in group]
        fold_rows = extracted([articles[a] for a in fold], fit_sides(candidates + others))
        rows += with_contexts(fold_rows, LinearModel.from_dict(fit(voa + other_contexts)))
    scored = set(ids)  # the GSR sentences without gold sides are scored for document types alone
    return rows + extracted([a for a in articles.values() if a.id not in scored], fit_sides(candidates))


def vocabulary_errors(rows: list[dict]) -> list[str]:
    """Events with a mode their type does not allow or a context PLOVER does not have."""
    vocab = vocabulary()
    contexts = set(vocab.contexts)
    errors = []
    for row in rows:
        for e in row["events"]:
            if e.get("mode") and e["mode"] not in vocab.modes.get(e["type"], ()):
                errors.append(f"{row['article']['id']}: {e['type']} with mode {e['mode']!r}")
            errors += [f"{row['article']['id']}: context {c!r}" for c in e.get("context") or [] if c not in contexts]
    return errors


def figures(scorer, gold: list[dict], run: list[dict]) -> list[float | None]:
    report = scorer.score(gold, run)
    return [f(report) for _, f in MEASURES]


def print_table(title: str, columns: list[str], rows: list[tuple[str, list[float | None]]], width: int = 9) -> None:
    """A table of figures to 3 decimals, `-` where there is nothing to score."""
    print(title)
    print(f"  {'':18s}" + "".join(f"{c:>{width}s}" for c in columns))
    for label, values in rows:
        print(f"  {label:18s}" + "".join(_cell(v, width) for v in values))


def _cell(v: float | int | None, width: int) -> str:
    if v is None:
        return f"{'-':>{width}s}"
    return f"{v:>{width}d}" if isinstance(v, int) else f"{v:>{width}.3f}"


def gap(a: float | int | None, b: float | int | None) -> float | None:
    """Studied minus held-out, for figures (not for counts)."""
    return None if not isinstance(a, float) or not isinstance(b, float) else a - b


def score_voa(scorer, gold: list[dict], run: list[dict], per_type: bool) -> dict[str, dict[str, float | None]]:
    """The fold table: each fold, studied 1-2, held-out 3-4, and the gap, per measure."""
    folds = folds_of(gold)
    groups = [(f"fold {i + 1}", f) for i, f in enumerate(folds)]
    groups += [("studied", sum(folds[:STUDIED], [])), ("held-out", sum(folds[STUDIED:], []))]
    results = {label: figures(scorer, rows, run) for label, rows in groups}
    columns = [label for label, _ in groups] + ["gap"]
    table = [
        (name, [results[g][m] for g, _ in groups] + [gap(results["studied"][m], results["held-out"][m])])
        for m, (name, _) in enumerate(MEASURES)
    ]
    print_table(
        "  measure by fold (studied = folds 1-2, held-out = folds 3-4, gap = studied - held-out)", columns, table
    )
    if per_type:
        print_per_type(scorer, groups[-2][1], groups[-1][1], run)
    named = dict(MEASURES)
    return {g: dict(zip(named, results[g], strict=True)) for g in ("studied", "held-out")}


def only_type(rows: list[dict], type_: str) -> list[dict]:
    return [{**r, "events": [e for e in r.get("events", []) if e["type"] == type_]} for r in rows]


def print_per_type(scorer, studied: list[dict], held: list[dict], run: list[dict]) -> None:
    """Dyad F1, modes and contexts F1 of each event type, studied against held-out (modes and
    contexts are scored on the gold events of the type alone)."""
    reports = scorer.score(studied, run), scorer.score(held, run)
    types = sorted({e["type"] for r in studied + held for e in r.get("events", [])})
    modes, contexts = dict(MEASURES)["modes"], dict(MEASURES)["contexts F1"]
    table = []
    for t in types:
        dyads = [r["per_type"][t]["f1"] if r["per_type"].get(t, {}).get("gold") else None for r in reports]
        alone = scorer.score(only_type(studied, t), run), scorer.score(only_type(held, t), run)
        table.append((t, dyads + [modes(r) for r in alone] + [contexts(r) for r in alone]))
    columns = ["dyad stu", "dyad held", "mode stu", "mode held", "ctx stu", "ctx held"]
    print_table("  per event type", columns, table, width=10)


def score_gsr(scorer, bench: Path, run: list[dict]) -> dict[str, float | None]:
    """The GSR against its three gold files, one column each."""
    golds = [("types", "gold_types"), ("dyads", "gold_dyads"), ("modes+ctx", "gold_modes_contexts")]
    columns = [figures(scorer, read_jsonl(bench / f"plover_gsr/{name}.jsonl"), run) for _, name in golds]
    table = [(n, [c[m] for c in columns]) for m, (n, _) in enumerate(MEASURES)]
    print_table("  against each gold file", [label for label, _ in golds], table, width=10)
    return dict(zip(dict(MEASURES), columns[-1], strict=True))


def score_plain(scorer, gold: list[dict], run: list[dict]) -> dict[str, float | None]:
    values = figures(scorer, gold, run)
    print_table("  against the gold", ["all"], [(n, [v]) for (n, _), v in zip(MEASURES, values, strict=True)])
    return dict(zip(dict(MEASURES), values, strict=True))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--benchmarks", type=Path, default=DEFAULT_BENCHMARKS)
    ap.add_argument("--only", default=",".join(INPUTS), help="comma-separated benchmark names")
    ap.add_argument("--per-type", action="store_true")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--keep", type=Path, help="keep the runs (<name>.jsonl) in this folder")
    where.add_argument("--runs", type=Path, help="score the runs kept in this folder instead of extracting")
    ap.add_argument("--as-extracted", action="store_true", help="score contexts as extracted (no fold models)")
    args = ap.parse_args()
    bench = args.benchmarks
    if not (bench / "score.py").exists():
        print(f"no scorer at {bench / 'score.py'}; pass --benchmarks DIR", file=sys.stderr)
        return 2
    scorer = load_scorer(bench / "score.py")
    workdir = Path(tempfile.mkdtemp(prefix="eventwire-accuracy-"))
    reached: dict[str, dict[str, float | None]] = {}
    try:
        for name in args.only.split(","):
            path = (args.runs or args.keep or workdir) / f"{name}.jsonl"
            if args.runs:
                print(f"{name}: run read from {path}")
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                print(f"{name}: extracted in {run_extract([bench / p for p in INPUTS[name]], path):.1f}s")
            run = read_jsonl(path)
            for error in vocabulary_errors(run)[:10]:
                print(f"  OUTSIDE THE PLOVER VOCABULARY: {error}")
            if name == "voa_dev":
                run = run if args.as_extracted else honest_voa_run(bench)
                results = score_voa(scorer, read_jsonl(bench / "voa_dev/gold.jsonl"), run, args.per_type)
                reached.update({f"voa_dev {g}": v for g, v in results.items()})
            elif name == "plover_gsr":
                run = run if args.as_extracted else honest_gsr_run(bench)
                reached["plover_gsr"] = score_gsr(scorer, bench, run)
            else:
                reached[name] = score_plain(scorer, read_jsonl(bench / PLAIN_GOLDS[name]), run)
        print("targets")
        for group, measure, goal in TARGETS:
            value = reached.get(group, {}).get(measure)
            if value is not None:
                verdict = "met" if value >= goal else "NOT MET"
                print(f"  {group:18s} {measure:18s} {value:.3f} (>= {goal:.2f}: {verdict})")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
