"""docs/design.md lists the event passes in the order the code runs them."""

from __future__ import annotations

import re
from pathlib import Path

from eventwire.extract import events

DESIGN = Path(__file__).resolve().parent.parent / "docs" / "design.md"


def test_the_design_lists_every_pass_in_order():
    listed = re.findall(r"^\| \d+ \| `([\w.]+)` \|", DESIGN.read_text(encoding="utf-8"), flags=re.M)
    assert listed == [name for name, _ in events.passes()]
