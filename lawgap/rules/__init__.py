"""The requirements of the international standard, kept as data (TOML) beside the code that reads them.

Reads: lawgap/rules/*.toml. Writes: the checked `RuleSet`.

`load_rules()` gives the checked `RuleSet`; `compile_cue()` the cue language its elements use.
"""

from lawgap.rules.cues import Cue, CueError, Gap, Word, compile_cue
from lawgap.rules.schema import (
    CATEGORIES,
    LAW_KINDS,
    OBLIGATIONS,
    TARGETS,
    CueSet,
    Element,
    Rule,
    RuleError,
    RuleSet,
    load_rules,
    read_rule_file,
)

__all__ = [
    "CATEGORIES",
    "LAW_KINDS",
    "OBLIGATIONS",
    "TARGETS",
    "Cue",
    "CueError",
    "CueSet",
    "Element",
    "Gap",
    "Rule",
    "RuleError",
    "RuleSet",
    "Word",
    "compile_cue",
    "load_rules",
    "read_rule_file",
]
