"""Extractors: each reads one parsed article (a spaCy Doc) and returns SPEC records."""
