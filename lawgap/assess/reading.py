"""One law read against the rules: every rule's hits and the scopes that leave out its persons, kept on disk.

Reads: a Law and the RuleSet (through lawgap.assess.match; offence elements re-read by lawgap.assess.offence).
Writes: per rule id, its `Hit`s in the law and the law's scope exclusions for it; cached (lawgap.cache) per
law content, rule and code.

Why: matching every cue of 90 rules, with the subject, scope and condition checks, is most of a warm score,
and it depends only on the law's text, the rule and the assessment code. So a law read once is not read
again: the entry is keyed by a digest of the law's provisions (not only its file's sha256, so a law built in
memory or re-parsed differently never reads another's entry), each rule is stored under a digest of its
content, and the whole entry under a digest of the source of the assessment modules, so any change to a
rule, a cue or the matcher reads the law afresh. The lemma index is built only when a rule is missing.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence

from lawgap.assess.findings import Limitation
from lawgap.assess.hit import Hit
from lawgap.assess.index import LawIndex
from lawgap.assess.match import lexicon, rule_hits, scope_exclusions
from lawgap.assess.offence import read_hits
from lawgap.cache import DiskCache, Memo, code_digest
from lawgap.model import Law
from lawgap.rules import Rule

Reading = tuple[list[Hit], tuple[Limitation, ...]]

_CACHE = DiskCache("hits", 1, ".json.gz")
# The entries read in this process, the last few laws: checking drafts re-scores the country once per draft, and
# every law but the amended one reads the same entry again (decoding it from disk took most of a warm re-score).
_READ: Memo[str, dict[str, Reading]] = Memo(8)
# The code a reading depends on: the assessment stage, the cue language and rule schema, the references a
# scope sentence cites, the structure stage's words it reuses (the sanctions that make a law punish), and the closed
# lists and data types they use.
_SOURCES = ("assess/*.py", "rules/*.py", "refs/*.py", "structure/*.py", "vocab.py", "model.py")


_RULE_DIGESTS: dict[int, tuple[Rule, str]] = {}  # id -> (the rule, kept alive so its id is not reused; its digest)


def _rule_digest(rule: Rule) -> str:
    known = _RULE_DIGESTS.get(id(rule))
    if known is None or known[0] is not rule:
        known = _RULE_DIGESTS[id(rule)] = (rule, hashlib.sha256(repr(rule).encode()).hexdigest()[:16])
    return known[1]


def law_digest(law: Law, words: Iterable[str] = ()) -> str:
    """The law's content as the matcher sees it; a noisy law's reading also depends on the rules' words
    (OCR noise is mended towards them)."""
    h = hashlib.sha256(f"{law.sha256}|{law.language}|{law.kind}|{law.noisy}".encode())
    for p in law.provisions:
        # every field the matcher reads, the structure's flags too: a part found qualified by a newer parser
        # must not keep the reading made when it was not
        h.update(f"\x00{p.eid}\x01{p.parent}\x01{p.kind}\x01{p.num}\x01{p.heading}\x01{p.text}".encode())
        h.update(f"\x01{p.qualified}\x01{p.printed}\x01{p.notes}".encode())
    for w in sorted(words):
        h.update(f"\x02{w}".encode())
    return h.hexdigest()[:32]


def _dump(entry: dict[str, Reading]) -> bytes:
    def lim(x: Limitation) -> list:
        return [x.kind, x.words, x.law, x.eid]

    rows = {
        rid: [
            [[h.law, h.eid, h.article, h.rule, h.element, h.cue, h.field, list(h.span), h.words, list(h.sentence),
              list(h.limited_by), h.fuzzy, h.aggravating, [lim(x) for x in h.limitations]] for h in hits],
            [lim(x) for x in excluded],
        ]
        for rid, (hits, excluded) in entry.items()
    }
    return gzip.compress(json.dumps(rows, ensure_ascii=False).encode(), 3)


def _load(data: bytes) -> dict[str, Reading]:
    def lim(x: list) -> Limitation:
        return Limitation(*x)

    out: dict[str, Reading] = {}
    for rid, (hits, excluded) in json.loads(gzip.decompress(data)).items():
        out[rid] = (
            [Hit(a, b, c, d, e, f, g, tuple(span), w, tuple(sent), tuple(lb), fz, ag, tuple(lim(x) for x in ls))
             for a, b, c, d, e, f, g, span, w, sent, lb, fz, ag, ls in hits],
            tuple(lim(x) for x in excluded),
        )
    return out


def read_law(
    law: Law, rules: Sequence[Rule], *, use_cache: bool = True, index_of: Callable[[], LawIndex] | None = None
) -> dict[str, Reading]:
    """Each rule's hits in the law and the scopes that exclude its persons, by rule id. `index_of`: the
    caller's own index of the law, built on demand, so that a cold score analyses each law once."""
    words = lexicon(rules, law.language) if law.noisy else frozenset()
    key = f"{law_digest(law, words)}-{code_digest(_SOURCES)}"
    entry: dict[str, Reading] = _READ.get(key, {}) if use_cache else {}
    data = _CACHE.get(key) if use_cache and not entry else None
    if data is not None:
        try:
            entry = _load(data)
        except (OSError, ValueError, TypeError, EOFError):
            entry = {}  # a damaged entry is simply read again
    digests = {rule.id: _rule_digest(rule) for rule in rules}
    out: dict[str, Reading] = {}
    index: LawIndex | None = None
    fresh = False
    for rule in rules:
        found = entry.get(digests[rule.id])
        if found is None:
            index = index or (index_of() if index_of else LawIndex(law, lexicon=words))
            found = (read_hits(index, rule, rule_hits(index, rule)), scope_exclusions(index, rule))
            entry[digests[rule.id]] = found
            fresh = True
        out[rule.id] = found
    if fresh and use_cache:
        _CACHE.put(key, _dump(entry))
    if use_cache:
        _READ.put(key, entry)
    return out
