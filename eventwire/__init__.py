"""eventwire: news articles in, an auditable SQLite database of political events out."""

__version__ = "0.1.0"
