"""Extractors: each reads one parsed article (its `ArticleContext`) and returns the records of
docs/contract.md; docs/design.md shows the flow."""
