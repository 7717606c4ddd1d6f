#!/usr/bin/env python3
"""Derive eventwire/data/triggers_cameo.yaml from PETRARCH2's CAMEO verb dictionary and the
PLOVER CAMEO->PLOVER table (run by hand when either changes; the program never reads them).

usage: python scripts/build_triggers.py REFERENCE_DIR [OUT]
  REFERENCE_DIR holds petrarch2/CAMEO.2.0.txt and plover/CAMEO2PLOVER-2021.txt.

Kept: the simple patterns "- * OBJECT [code]" and "- * (PREP OBJECT) [code]" for the verb
named in their comment, mapped to a PLOVER type and mode.  Dropped: a verb's bare code
(CAMEO's verb blocks group loose synonyms: measured on the VOA dev set, the bare codes cost
more precision than they gain recall), codes the table does not map (CAMEO 01, 02, "---"),
patterns with words before the verb or several phrases, and multi-word verbs other than
verb + particle.  The hand-curated triggers.yaml is tried first (and replaces the lemmas it lists).
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

PARTICLES = {
    "down",
    "up",
    "out",
    "off",
    "on",
    "in",
    "over",
    "back",
    "away",
    "to",
    "for",
    "with",
    "against",
    "into",
    "from",
    "about",
    "by",
}
NEGATIONS = {"NO", "NOT", "NEVER", "WITHOUT", "NOR"}
BLOCK = re.compile(r"^---\s+\S+\s+\[[^\]]*\]\s+---")
PATTERN = re.compile(r"^-\s+\*\s+(.*?)\s*\[:?([0-9]{2,4}|---)[^\]]*\]")
HEADER = """\
# Derived by scripts/build_triggers.py from two public dictionaries; do not edit by hand
# (add entries in triggers.yaml, which are tried first, or replace a lemma's there).  Read by
# eventwire/extract/events/lexicon.py (and by the prefilter, eventwire/prefilter.py).
#
# - petrarch2/data/dictionaries/CAMEO.2.0.txt, openeventdata/petrarch2 commit 676801cd
#   The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance.
#   Permission is hereby granted, free of charge, to any person obtaining a copy of this
#   software and associated documentation files (the "Software"), to deal in the Software
#   without restriction, including without limitation the rights to use, copy, modify, merge,
#   publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
#   to whom the Software is furnished to do so, subject to the following conditions: The above
#   copyright notice and this permission notice shall be included in all copies or substantial
#   portions of the Software.  THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
# - CAMEO2PLOVER-2021.txt, openeventdata/PLOVER commit e834df5b, (c) Open Event Data
#   Alliance, licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).
#   This derived file is shared under CC BY-SA 4.0 as well.
"""


def read_table(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode) from the conversion table."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{3,4}):\s*(.*)$", line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")]
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        table.setdefault(m.group(1), (fields[0], mode))
    return table


def plover(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The PLOVER type of a CAMEO code, falling back to its three-digit parent."""
    return table.get(code) or table.get(code[:3])


def read_sets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for line in lines:
        if line.startswith("&"):
            name = line.split()[0].rstrip("_")
            sets[name] = []
        elif line.startswith("+") and name:
            sets[name].append(line[1:].split()[0].rstrip("_").lower())
        elif line.startswith("---"):
            break
    return sets


def words(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """Object lemmas of a pattern phrase: a word, a set, or {A B} (head last)."""
    phrase = phrase.strip("{} ")
    if not phrase or any(ch in phrase for ch in "$+^()%"):
        return []
    head = phrase.split()[-1].rstrip("_")
    if head.startswith("&"):
        return sets.get(head, [])
    return [head.lower()] if re.fullmatch(r"[A-Z][A-Z'-]*", head) else []


def verb_key(entry: str) -> str | None:
    """The lemma key of a verb line ("KILL", "+SHOOT_DOWN" -> "shoot down"), or None."""
    token = entry.split()[0].lstrip("+").rstrip("_")
    parts = token.lower().split("_")
    if len(parts) == 1 and parts[0].isalpha():
        return parts[0]
    if len(parts) == 2 and parts[0].isalpha() and parts[1] in PARTICLES:
        return " ".join(parts)
    return None


def parse_patterns(line: str, sets: dict[str, list[str]]) -> tuple[str, list[str], str | None] | None:
    """(code, object lemmas, required preposition) of a simple post-verb pattern."""
    m = PATTERN.match(line)
    if not m or m.group(2) == "---":
        return None
    body = m.group(1).strip()
    if NEGATIONS & set(re.findall(r"[A-Z][A-Z'-]*", body)):  # "NO CONCESSION", "(NO OBSTACLE)": a refusal,
        return None  # and an object lemma cannot say "no"
    pp = re.fullmatch(r"\((\w+)\s+(.+)\)", body)
    if pp:
        objs = words(pp.group(2), sets)
        return (m.group(2), objs, pp.group(1).lower()) if objs else None
    objs = words(body, sets) if "(" not in body else []
    return (m.group(2), objs, None) if objs else None


def build(reference: Path) -> dict:
    table = read_table(reference / "plover" / "CAMEO2PLOVER-2021.txt")
    lines = (reference / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8").splitlines()
    sets = read_sets(lines)
    # (type, key, mode, requires) -> object lemmas (empty set: unconstrained)
    rules: dict[tuple, set[str]] = defaultdict(set)
    in_verbs, verbs = False, []
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        block = BLOCK.match(line)
        if block:
            in_verbs, verbs = True, []
            continue
        if not in_verbs or not line.strip() or line.startswith("~"):
            continue
        if line.startswith("-"):
            found = parse_patterns(line, sets)
            mapped = found and plover(found[0], table)
            origin = verb_key(raw.split("#", 1)[1].strip() or "?") if "#" in raw else None
            if mapped and origin in verbs:  # a pattern holds for the verb it was written for
                rules[(mapped[0], origin, mapped[1], found[2])].update(found[1])
            continue
        key = verb_key(line)
        if key is not None:
            verbs.append(key)
    out: dict[str, dict] = {}
    for (type_, key, mode, prep), objects in sorted(rules.items(), key=lambda kv: str(kv[0])):
        if not objects:
            continue
        name = key if prep is None else f"{key} {prep}"
        spec = out.setdefault(type_, {}).setdefault("verbs", {}).setdefault(name, {})
        if mode:
            spec.setdefault("mode", mode)
        if objects:
            spec["objects"] = sorted(set(spec.get("objects", [])) | objects)
    return {"types": out}


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = (
        Path(sys.argv[2])
        if len(sys.argv) > 2
        else Path(__file__).resolve().parent.parent / "eventwire" / "data" / "triggers_cameo.yaml"
    )
    data = build(Path(sys.argv[1]))
    out.write_text(HEADER + yaml.safe_dump(data, sort_keys=True, width=100), encoding="utf-8")
    n = sum(len(v.get("verbs", {})) for v in data["types"].values())
    print(f"wrote {out}: {n} verb entries over {len(data['types'])} types")
    return 0


if __name__ == "__main__":
    sys.exit(main())
