"""scripts/build_triggers.py: which CAMEO verb patterns become object lemmas of a PLOVER type."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("build_triggers", ROOT / "scripts" / "build_triggers.py")
build_triggers = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_triggers)

CAMEO = """\
---  MAKE   [---]  ---
MAKE {MAKES MADE MAKING}
- * VISIT                                             [036]         # MAKE
- * NO CONCESSION                                     [124]         # MAKE
- * (NO CONCESSION)                                   [124]         # MAKE
---  RULE_OUT   [---]  ---
+RULE_OUT
- * CONCESSION                                        [124]         # RULE_OUT
"""
TABLE = "036: CONSULT, visit,\n124: REJECT, change,    # Decline to yield\n"


def test_a_negated_pattern_gives_no_object(tmp_path: Path) -> None:
    (tmp_path / "petrarch2").mkdir()
    (tmp_path / "plover").mkdir()
    (tmp_path / "petrarch2" / "CAMEO.2.0.txt").write_text(CAMEO, encoding="utf-8")
    (tmp_path / "plover" / "CAMEO2PLOVER-2021.txt").write_text(TABLE, encoding="utf-8")
    types = build_triggers.build(tmp_path)["types"]
    assert types["CONSULT"]["verbs"]["make"]["objects"] == ["visit"]
    # "make no concession" is a refusal; "make a concession" must not become one
    assert "make" not in types["REJECT"]["verbs"]
    assert types["REJECT"]["verbs"]["rule out"]["objects"] == ["concession"]
