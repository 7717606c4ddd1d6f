"""The linker's default thresholds, apart from the MinHash code so the commands can show them in
their help without loading datasketch (a fast start: docs/design.md)."""

DEFAULT_DUPLICATE = 0.8  # share of word 3-grams from which an article counts as a copy
DEFAULT_SIMILAR = 0.3  # share from which two articles are versions of one story (same group)
