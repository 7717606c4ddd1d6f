"""Actors: who a noun phrase stands for (name, country code, sector, title), resolved within an article.

Everything is driven by the lists in `eventwire/data/` (countries, capitals and seats of power,
intergovernmental bodies, NGOs and armed groups, role words -> sectors, office holders).  The
lists become two phrase tables once per process; each article is then scanned once, and a
small index of its people (fullest name, title, country) lets a later "Sullivan", "he" or
"the spokesman" point back to the full mention.

Public API (used by events, quotes, claims and the pipeline):
    ArticleActors(doc).actor_for_span(span) / .actor_for_token(token) -> Actor | None
    ArticleActors(doc).entities() -> list[Entity]
    ArticleActors(doc).coded_between(start, end) -> list[(offset, Actor)]   (coded entities within character offsets)
    ArticleActors(doc).home_code   the country the article is mainly about, or None
    ArticleActors(doc).possessor(token, exclude) -> Actor | None   (who "its"/"their" stands for)
    lookup(text) -> Named | None   (a place or body name)

An actor with a sector but no stated country ("the government", "police", "militants") takes
the article's home_code when there is one; named people never do.
"""

from ..vocabulary import DATA_DIR
from .article import ArticleActors
from .tables import NAME_FILES, Named, lexicon, lookup

__all__ = ["DATA_DIR", "NAME_FILES", "ArticleActors", "Named", "lexicon", "lookup"]
