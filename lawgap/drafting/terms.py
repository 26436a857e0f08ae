"""The law's own words for the people and bodies a draft names: victim, authority, court, child.

Reads: a Law. Writes: `Terms`, one `Term` per concept with its Russian case forms and the

English rendering. A term the law defines in its definitions article wins; otherwise the
candidate the law uses most often. Templates write `{victim.dat}`, `{child.gen}`, and so on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawgap.model import Law
from lawgap.vocab import CODES


@dataclass(frozen=True)
class Term:
    """A term in every Russian case a template needs, plus its English rendering and where it came from."""

    nom: str
    gen: str
    dat: str
    acc: str
    ins: str
    pl: str
    pl_gen: str
    pl_dat: str
    en: str
    en_pl: str
    stem: str
    basis: str = ""


def _t(forms: str, en: str, en_pl: str, stem: str) -> Term:
    nom, gen, dat, acc, ins, pl, pl_gen, pl_dat = forms.split("|")
    return Term(nom, gen, dat, acc, ins, pl, pl_gen, pl_dat, en, en_pl, stem)


# Candidates per concept, in order of preference when the law neither defines nor uses any.
CANDIDATES: dict[str, tuple[Term, ...]] = {
    "victim": (
        _t(
            "потерпевший|потерпевшего|потерпевшему|потерпевшего|потерпевшим|потерпевшие|потерпевших|потерпевшим",
            "the victim",
            "victims",
            "потерпевш",
        ),
        _t(
            "жертва|жертвы|жертве|жертву|жертвой|жертвы|жертв|жертвам",
            "the victim",
            "victims",
            "жертв",
        ),
    ),
    "authority": (
        _t(
            "следователь|следователя|следователю|следователя|следователем|следователи|следователей|следователям",
            "the investigator",
            "investigators",
            "следовател",
        ),
        _t(
            "уполномоченный государственный орган|уполномоченного государственного органа|"
            "уполномоченному государственному органу|уполномоченный государственный орган|"
            "уполномоченным государственным органом|уполномоченные государственные органы|"
            "уполномоченных государственных органов|уполномоченным государственным органам",
            "the competent state body",
            "the competent state bodies",
            "уполномоченн",
        ),
        _t(
            "орган, ведущий уголовный процесс|органа, ведущего уголовный процесс|органу, ведущему уголовный процесс|"
            "орган, ведущий уголовный процесс|органом, ведущим уголовный процесс|органы, ведущие уголовный процесс|"
            "органов, ведущих уголовный процесс|органам, ведущим уголовный процесс",
            "the body conducting the criminal proceedings",
            "the bodies conducting the criminal proceedings",
            "ведущ",
        ),
    ),
    "court": (_t("суд|суда|суду|суд|судом|суды|судов|судам", "the court", "courts", "суд"),),
    "child": (
        _t("ребенок|ребенка|ребенку|ребенка|ребенком|дети|детей|детям", "the child", "children", "ребен"),
        _t(
            "несовершеннолетний|несовершеннолетнего|несовершеннолетнему|несовершеннолетнего|несовершеннолетним|"
            "несовершеннолетние|несовершеннолетних|несовершеннолетним",
            "the minor",
            "minors",
            "несовершеннолет",
        ),
    ),
}

_DEFINITIONS = re.compile(r"(?i)основн\w* поняти|термин|определени\w* (?:основных )?поняти")


@dataclass(frozen=True)
class Terms:
    victim: Term
    authority: Term
    court: Term
    child: Term

    def as_mapping(self) -> dict[str, Term]:
        return {"victim": self.victim, "authority": self.authority, "court": self.court, "child": self.child}


def _definitions_text(law: Law) -> tuple[str, str | None]:
    for art in law.articles():
        if art.heading and _DEFINITIONS.search(art.heading):
            return law.full_text(art.eid).lower(), art.num
    return "", None


def _pick(concept: str, law: Law, definitions: str, where: str | None, text: str) -> Term:
    options = CANDIDATES[concept]
    for term in options:
        # a definition reads "потерпевший – ..." at the start of an item
        if definitions and re.search(rf"(?m)^{re.escape(term.stem)}\w*\s*[–—-]", definitions):
            return _with_basis(term, f"defined in article {where}")
    counts = [(text.count(t.stem), -i, t) for i, t in enumerate(options)]
    n, _, best = max(counts, key=lambda c: (c[0], c[1]))
    return _with_basis(best, f"used {n} times" if n else "not used in the law; default term")


def _with_basis(term: Term, basis: str) -> Term:
    from dataclasses import replace

    return replace(term, basis=basis)


def find_terms(law: Law) -> Terms:
    """The terms this law uses. Kyrgyz-language laws get the terms of the Russian official version's candidates.
    A law whose text was not supplied (no provisions) that is not a code gets the terms of a special law:
    the victim ("жертва"), the competent state body; never the investigator of a procedural code."""
    if not law.provisions and law.kind not in CODES:
        victim, authority = CANDIDATES["victim"][1], CANDIDATES["authority"][1]
        basis = "the law's text was not supplied: the term of a special law"
        return Terms(
            _with_basis(victim, basis), _with_basis(authority, basis),
            _with_basis(CANDIDATES["court"][0], basis), _with_basis(CANDIDATES["child"][0], basis),
        )  # fmt: skip
    definitions, where = _definitions_text(law)
    text = law.text.lower()
    return Terms(**{c: _pick(c, law, definitions, where, text) for c in CANDIDATES})
