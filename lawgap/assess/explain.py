"""Why a finding has its status, in words a lawyer reads: the provision, what it provides, what is missing
or limited, and what was not supplied.

Reads: a rule's elements and evidence (lawgap.assess.findings). Writes: `Part`s (what to say, as keys and
arguments) and their rendering in English or Russian. The scorer and the review build parts; every page,
export and document renders them in its own language, so no English sentence is translated after the fact.
The English rendering is the `explanation` of the public JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lawgap.assess.findings import ElementResult, Evidence, Part
from lawgap.refs.labels import provision_label
from lawgap.rules import Rule
from lawgap.vocab import KIND_NAMES, MET, PARTIAL, STATUS_RU

# Parts that do not depend on the status: they survive a reviewer's re-judging of the finding.
CONTEXT_KEYS = frozenset({"ocr", "absent"})

_EN = {
    "met": "Met: {where} provides every required element ({found}).",
    "partial": "Partial: {where} provides {found}.",
    "missing": "Missing: {missing}.",
    "limited": "Limited by: {words}.",
    "aggravating_only": "Found only as an aggravating circumstance of another offence: {aggravating}.",
    "gap_names_only": "Gap: {where} names only {found}; the obligation itself is missing ({missing}).",
    "gap_none": "Gap: none of the elements was found in the laws supplied.",
    "ocr": "Some words were read through OCR noise in the source: check the page image.",
    "absent": "Not supplied, where this is usually found: {kinds}.",
    "review_override": "Status set to {0} by {1} ({2}): {3}.",
    "review_rejected": "{0} evidence item(s) rejected by the reviewer; judged again on what remains.",
    "through": "{label} (through {provision}, which it cites)",
}
_RU = {
    "met": "Соответствует: {where} содержит все обязательные элементы ({found}).",
    "partial": "Частичное соответствие: {where} содержит: {found}.",
    "missing": "Не хватает: {missing}.",
    "limited": "Ограничено словами: {words}.",
    "aggravating_only": "Только как отягчающее обстоятельство другого преступления: {aggravating}.",
    "gap_names_only": "Пробел: {where} называет только {found}; само обязательство отсутствует ({missing}).",
    "gap_none": "Пробел: ни один элемент не найден в представленных законах.",
    "ocr": "Часть слов прочитана сквозь ошибки распознавания (OCR): сверьте с изображением страницы.",
    "absent": "Не представлены законы, где это обычно закреплено: {kinds}.",
    "review_override": "Статус «{0}» установлен рецензентом {1} ({2}): {3}.",
    "review_rejected": "Рецензент отклонил доказательства ({0}); оценено заново по оставшимся.",
    "through": "{label} (через {provision}, на которую ссылается)",
}
TEMPLATES = {"en": _EN, "ru": _RU}


def status_parts(status: str, elements: Sequence[ElementResult], evidence: Sequence[Evidence]) -> tuple[Part, ...]:
    """The sentences that follow from the status and the elements found in the main evidence."""
    where = (evidence[0].law, evidence[0].eid) if evidence else ("", "")
    found = any(e.found for e in elements)
    missing = any(not e.found and e.mandatory for e in elements)
    limited = sorted({w for e in elements for w in e.limited_by})
    parts: list[Part] = []
    if status == MET:
        parts.append(Part("met", where))
    elif status == PARTIAL:
        parts.append(Part("partial", where))
        if missing:
            parts.append(Part("missing"))
        if limited:
            parts.append(Part("limited", tuple(limited)))
        if any(e.aggravating_only for e in elements):
            parts.append(Part("aggravating_only"))
    elif found:
        parts.append(Part("gap_names_only", where))
    else:
        parts.append(Part("gap_none"))
    return tuple(parts)


def reasons(rule: Rule, status: str, elements, evidence, laws) -> tuple[Part, ...]:
    """Every sentence of the explanation of a freshly scored finding."""
    parts = list(status_parts(status, elements, evidence))
    if any(ev.fuzzy for ev in evidence[:1]):
        parts.append(Part("ocr"))
    supplied = {law.kind for law in laws}
    absent = tuple(k for k in rule.law_kinds if k not in supplied)
    if status != MET and absent:
        parts.append(Part("absent", absent))
    return tuple(parts)


def render(
    rule: Rule,
    elements: Sequence[ElementResult],
    parts: Sequence[Part],
    lang: str = "en",
    law_name: Callable[[str], str] | None = None,
) -> str:
    """The parts as sentences in `lang` ('en', or 'ru' for Russian and Kyrgyz readers). `law_name` names a
    law by its id (its title); without it the id is shown, as the public JSON does."""
    lang = "ru" if lang in ("ru", "ky") else "en"
    words = TEMPLATES[lang]
    labels = {e.id: e.label(lang) for e in rule.elements}

    def label(e: ElementResult) -> str:
        text = labels.get(e.id, e.label)
        if e.via:
            return words["through"].format(label=text, provision=provision_label(e.via, lang))
        return text

    def where(args: tuple[str, ...]) -> str:
        law, eid = (args + ("", ""))[:2]
        if not law:
            return ""
        name = law_name(law) if law_name else law
        return f"{name}, {provision_label(eid, lang)}"

    def kinds(args: tuple[str, ...]) -> str:
        names = {k: (n.name_ru if lang == "ru" else n.name_en) for k, n in KIND_NAMES.items()}
        return ", ".join(names.get(k, k) for k in args)

    values = {
        "found": "; ".join(label(e) for e in elements if e.found),
        "missing": "; ".join(labels.get(e.id, e.label) for e in elements if not e.found and e.mandatory),
        "aggravating": "; ".join(labels.get(e.id, e.label) for e in elements if e.aggravating_only),
    }
    out = []
    for part in parts:
        template = words.get(part.key)
        if template is None:
            continue
        if part.key in ("met", "partial", "gap_names_only"):
            out.append(template.format(where=where(part.args), **values))
        elif part.key == "limited":
            out.append(template.format(words=", ".join(part.args)))
        elif part.key == "absent":
            out.append(template.format(kinds=kinds(part.args)))
        elif part.key == "review_override" and part.args:
            status = STATUS_RU.get(part.args[0], part.args[0]) if lang == "ru" else part.args[0].replace("_", " ")
            out.append(template.format(status, *part.args[1:]))
        else:
            out.append(template.format(*part.args, **values))
    return " ".join(out)
