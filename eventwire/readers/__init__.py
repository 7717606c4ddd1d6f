"""Readers: one module per input form; `discover` walks paths and yields Articles or errors."""
