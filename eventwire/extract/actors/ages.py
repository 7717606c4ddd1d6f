"""Ages that stand for a person: "the 35-year-old said" after "Amina Yusuf, 35," or "35-year-old
Amina Yusuf" (docs/design.md, actors): feature stories name people by age once introduced."""

from __future__ import annotations

import re
from bisect import bisect_left

from .records import Person

AGE_WINDOW = 24  # characters beside a name read for its age
AGE_AFTER = re.compile(r",\s*(?:an?\s+)?(\d{1,3})(?:-year-old\b|(?=\s*[,;.)]))")  # "Amina Yusuf, 35,"
AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+$")  # "35-year-old Amina Yusuf"
AGE_PHRASE = re.compile(r"the\s+(\d{1,3})-year-old", re.I)  # what a later mention writes


class AgeIndex:
    """The age index of `ArticleActors` (article.py): each person the article gives an age, by
    that age, which a later "the 35-year-old" points back to."""

    def _index_ages(self) -> None:
        doc, text = self.doc, self.doc.text
        self._aged: dict[str, list[tuple[int, Person]]] = {}
        for m in self._mentions:
            end = m.i
            while end + 1 < len(doc) and self._person_at.get(end + 1) is m.person:
                end += 1
            start_char, end_char = doc[m.i].idx, doc[end].idx + len(doc[end])
            after = AGE_AFTER.match(text, end_char, end_char + AGE_WINDOW)
            before = AGE_BEFORE.search(text, max(start_char - AGE_WINDOW, 0), start_char)
            for found in (after, before):
                if found is not None:
                    self._aged.setdefault(found.group(1), []).append((m.i, m.person))

    def _person_by_age(self, lo: int, hi: int) -> Person | None:
        """The person named with the age that the phrase [lo, hi) ("the 35-year-old") gives, the
        latest before it."""
        found = AGE_PHRASE.fullmatch(self.doc[lo:hi].text)
        people = self._aged.get(found.group(1), []) if found else []
        k = bisect_left(people, lo, key=lambda p: p[0])
        return people[k - 1][1] if k else None
