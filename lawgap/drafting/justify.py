"""Why a draft: the finding it closes, what the law already has, the instrument it implements (our
paraphrase in model_law) with its level for the country, and why it goes where it goes.

Reads: a Finding, its Placement and the country's binding (levels). Writes: the justification text.
"""

from __future__ import annotations

from collections.abc import Sequence

from lawgap.assess.findings import Finding
from lawgap.drafting.levels import binding
from lawgap.drafting.names import law_name as official_name
from lawgap.drafting.placement import Placement
from lawgap.refs.labels import cite as national_cite
from lawgap.vocab import GAP, LAW_KINDS, NOT_ASSESSED, OBLIGATION_RU


def _where(finding: Finding, lang: str, country: str = "") -> list[str]:
    """The evidence provisions cited in the national style ("ч. 4 ст. 40 УПК КР"); the law's id where its kind
    cannot be told from it."""
    seen: list[str] = []
    for ev in finding.evidence:
        kind = next((k for k in sorted(LAW_KINDS, key=len, reverse=True) if ev.law.startswith(k)), None)
        if kind and country:
            label = national_cite(ev.eid, "en" if lang == "en" else "ru", kind=kind, country=country)
        else:
            label = f"{ev.law}, {'ст.' if lang != 'en' else 'art.'} {ev.num or ev.eid}"
        if label not in seen:
            seen.append(label)
    return seen[:4]


def justification(finding: Finding, pl: Placement, lang: str, country: str = "") -> str:
    """Why this draft: the finding it closes and the instrument it implements, in our paraphrase."""
    rule = finding.rule
    labels = [
        (e.label_en if lang == "en" else e.label_ru, r.found)
        for e, r in zip(rule.elements, finding.elements, strict=True)
    ]
    found = [label for label, ok in labels if ok]
    missing = [label for label, ok in labels if not ok]
    where = _where(finding, lang, country)
    limited = sorted({w for r in finding.elements for w in r.limited_by})
    at = f" ({'; '.join(where)})" if where else ""
    lines = []
    if lang == "en":
        if finding.status == NOT_ASSESSED:
            lines.append(
                f"Provides what the requirement “{rule.title_en}” ({rule.id}) asks of the law where it lives, which "
                "was not supplied: the finding is not assessed, so check first that the law does not provide it."
            )
        else:
            what = GAP if finding.status == GAP else "partial compliance"
            lines.append(f"Closes the {what} found on the requirement “{rule.title_en}” ({rule.id}).")
        if found:
            lines.append(f"The law already provides: {'; '.join(found)}{at}.")
        if missing:
            lines.append(f"Missing: {'; '.join(missing)}.")
        if limited:
            lines.append(f"Limited by: {', '.join(limited)}.")
        lines.extend(_source_lines(rule.sources, lang))
        lines.append(_level_line(finding, country, lang))
        lines.append(f"Placement: {pl.basis}.")
        if not pl.supplied:
            name = official_name(country or pl.law.country or "", pl.kind or "", None).full("en")
            lines.append(f"The text of the {name} was not supplied: numbering to be checked against it.")
    else:
        if finding.status == NOT_ASSESSED:
            lines.append(
                f"Вводит то, чего требует «{rule.title_ru}» ({rule.id}), в закон, где это обычно закреплено; его текст "
                "не представлен, и требование не оценено: сначала проверьте, нет ли такой нормы в этом законе."
            )
        else:
            what = "пробел" if finding.status == GAP else "частичное соответствие"
            lines.append(f"Устраняет {what} по требованию «{rule.title_ru}» ({rule.id}).")
        if found:
            lines.append(f"В законе уже есть: {'; '.join(found)}{at}.")
        if missing:
            lines.append(f"Недостает: {'; '.join(missing)}.")
        if limited:
            lines.append(f"Ограничено словами: {', '.join(limited)}.")
        lines.extend(_source_lines(rule.sources, lang))
        lines.append(_level_line(finding, country, lang))
        ru_basis = (
            {
                "article": f"новая статья после статьи {pl.previous}",
                "part": f"новая часть статьи {pl.article_num}",
                "item": f"новый пункт в статье {pl.article_num}",
                "restate": f"статья {pl.article_num} излагается в новой редакции с новой частью 2",
                "words": f"изменение слов в статье {pl.article_num}",
            }[pl.unit]
            if pl.supplied
            else "новая статья закона, текст которого не представлен"
        )
        lines.append(
            f"Место: {ru_basis}" + (", где уже содержится часть требования." if "already" in pl.basis else ".")
        )
        if not pl.supplied:
            name = official_name(country or pl.law.country or "", pl.kind or "", None).full("ru")
            lines.append(f"Текст акта ({name}) не представлен: нумерацию проверить по тексту.")
    return "\n".join(lines)


def _source_lines(sources: Sequence[str], lang: str) -> list[str]:
    """One line per cited source: the citation, its level and our paraphrase from model_law."""
    from lawgap.rules.instruments import cite_ru, find

    lines = []
    for cite in sources:
        hit = find(cite)
        if hit is None:
            lines.append(f"{cite}.")
        elif hit.obligation is None:
            lines.append(f"{cite} ({hit.title}).")
        elif lang == "en":
            ob = hit.obligation
            lines.append(f"{cite} ({ob.title}; level: {ob.obligation}): {ob.summary}")
        else:
            ob = hit.obligation
            level = OBLIGATION_RU.get(ob.obligation, ob.obligation)
            lines.append(f"{cite_ru([cite])} (уровень: {level}): {ob.summary_ru}")
    return lines


def _level_line(finding: Finding, country: str, lang: str) -> str:
    """The obligation level for this country and the sources that bind it (parties.toml)."""
    b = binding(finding, country)
    if lang == "en":
        by = f" ({', '.join(b.binding)})" if b.binding else " (no instrument cited binds the country)"
        return f"Level for {country}: {b.level}{by}."
    by = f" ({', '.join(b.binding)})" if b.binding else " (ни один из названных договоров не обязывает страну)"
    return f"Уровень для {country}: {OBLIGATION_RU.get(b.level, b.level)}{by}."
