"""Language of an article, with py3langid's bundled model (no download, no network)."""

from __future__ import annotations

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from ..compiled import compiled

UNDETERMINED = "und"  # ISO 639-2 "undetermined": empty text or no letters to judge
SAMPLE_CHARS = 3000  # the opening of an article decides; longer text only costs time
ENGLISH = "en"
# A text English is this likely for is English: eventwire reads English news, and the names of a
# short sentence pull it toward other languages ("Leaders of Armenia and Azerbaijan met in Abu
# Dhabi." reads 0.20 Dutch, 0.14 English). A paragraph of another language gives English ~0.
ENGLISH_FLOOR = 0.1


NOT_NEWS = {"la", "eo", "sa"}  # Latin, Esperanto, Sanskrit: no news desk writes in them


@compiled("py3langid")
def _identifier() -> LanguageIdentifier:
    """One identifier per process, over the model's languages that have an ISO 639-1 code (the
    code we return): its three-letter extras such as Nigerian Pidgin pull short English
    sentences their way."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([c for c in identifier.labels if len(c) == 2 and c not in NOT_NEWS])
    return identifier


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ("en"), or "und" when there is nothing to judge."""
    sample = (text or "")[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return UNDETERMINED
    ranked = _identifier().rank(sample)
    return ENGLISH if dict(ranked).get(ENGLISH, 0.0) >= ENGLISH_FLOOR else ranked[0][0]
