"""Whom a state-protection law's "protected person" stands for: its victims among others, read into its measures.

Reads: the lemmas of a law of the witness-protection kind. Writes: for each analysed field, the positions of the
law's term for its protected person ("защищаемое лицо", "коргоого алынган адам", "the protected person"), whose head
word lawgap.assess.index reads as the victim word the rules look for; and which rules may read it so.

A law on state protection of victims, witnesses and other participants in criminal proceedings gives its measures
(a guard, a safe place, medical and material help, confidentiality of data) to the protected person, and its scope
article names the victim among the persons it protects. A lawyer reads each measure as one the law gives a victim,
within the law's own limit: only to a person under a protection decision in a criminal case. The index reads the
term's head word as a victim (so the rules' cues about victims match it), and the matcher names the term as that
limit (kind "protected", lawgap.assess.match); not for the rules at home in such a law, whose own cues name the persons
it protects, nor for compensation, which such a law pays for harm linked to taking part in a case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lawgap.vocab import WITNESS_PROTECTION

if TYPE_CHECKING:
    from lawgap.rules import Rule

# Per language: the words before the head noun (each a set of lemmas or stems, in order), the head noun's lemma (or
# stem), the victim word the rules look for that is put in the head's place, and the victim words whose presence
# anywhere in the law shows it protects victims at all.
_PREFIX = "*"


@dataclass(frozen=True)
class _Term:
    before: tuple[tuple[str, ...], ...]
    head: tuple[str, ...]
    victim: str
    victims_named: tuple[str, ...]


_TERMS = {
    "ru": _Term((("защищать", "защищаемый"),), ("лицо",), "жертва", ("потерпевший", "потерпеть", "жертва")),
    "ky": _Term((("коргоого",), ("алынган*", "алынуучу*")), ("адам*",), "курмандыгы", ("жабырлануучу*", "курмандыг*")),
    "en": _Term((("protected", "protect"),), ("person", "persons"), "victim", ("victim",)),
}


def _is(lemma: str, words: Sequence[str]) -> bool:
    return any(lemma.startswith(w[:-1]) if w.endswith(_PREFIX) else lemma == w for w in words)


def names_victims(lemmas: Sequence[Sequence[str]], language: str) -> bool:
    """Whether the law names victims at all (its protected persons then include them)."""
    term = _TERMS.get(language)
    return term is not None and any(_is(x, term.victims_named) for field in lemmas for x in field)


def protected_heads(lemmas: Sequence[str], language: str) -> list[tuple[int, int]]:
    """The terms for the protected person in one field, as (first token, head token)."""
    term = _TERMS.get(language)
    if term is None:
        return []
    n = len(term.before)
    out = []
    for i in range(n, len(lemmas)):
        if _is(lemmas[i], term.head) and all(_is(lemmas[i - n + k], term.before[k]) for k in range(n)):
            out.append((i - n, i))
    return out


def victim_word(language: str) -> str:
    """The victim word put in the head's place."""
    return _TERMS[language].victim


# A state-protection law's compensation is for harm linked to taking part in proceedings, not for the crime: its
# protected person is read as a victim for no compensation rule.
_NOT_READ_AS_VICTIM = frozenset({"compensation"})


def reads_protected(rule: Rule) -> bool:
    """Whether a state-protection law's protected person counts as a victim for this rule: not for a rule at home
    in such a law (its own cues name the persons it protects), nor for compensation."""
    return WITNESS_PROTECTION not in rule.law_kinds and rule.category not in _NOT_READ_AS_VICTIM
