"""Reading the word lists of `eventwire/data/`: one loader for every extractor.

Vocabulary (which words cue what) lives in data files, grammar (dependency labels, parts of
speech) in code; docs/recipes.md tells how to extend a list.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"  # the tables read as files (TSV)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(name: str) -> dict[str, Any]:
    """A data file's mapping; {} for a file that is missing (an optional lexicon) or empty."""
    try:
        text = resources.files("eventwire.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return yaml.load(text, Loader=_LOADER) or {}


def words(values: Iterable[Any] | None, where: str) -> list[str]:
    """A word list from YAML, lower-cased.  YAML reads a bare on/off/yes/no/true/false as a
    boolean: such words must be quoted, and an unquoted one is reported, not misread."""
    out = []
    for v in values or ():
        if not isinstance(v, (str, int)) or isinstance(v, bool):
            raise ValueError(f"{where}: {v!r} is not a word (quote on/off/yes/no/true/false in YAML)")
        out.append(str(v).lower())
    return out


def word_set(data: dict[str, Any], key: str, where: str) -> frozenset[str]:
    """The words of one list of a data file, as a set."""
    return frozenset(words(data.get(key), f"{where} {key}"))


def read_tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a TSV data file (none for a missing one); '#' lines are comments, the first other
    line is the header."""
    path = DATA_DIR / name
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k}


def strip_accents(text: str) -> str:
    """The text without diacritics ("Kováč" -> "Kovac"), for comparing names as people write them."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
