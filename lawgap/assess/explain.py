"""Why a finding has its status, in words a lawyer reads: the provision (or the provisions read together), what
it provides, what is missing or limited, what was not supplied, and whether the rule binds the country.

Reads: a rule's elements and evidence (lawgap.assess.findings), the catalogue's law titles. Writes: `Part`s
(what to say, as keys and arguments) and their rendering in English or Russian. The scorer and the review build
parts; every page, export and document renders them in its own language, so no English sentence is translated
after the fact. The English rendering is the `explanation` of the public JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from lawgap.assess.findings import ElementResult, Evidence, Part
from lawgap.errors import LawgapError
from lawgap.refs.labels import provision_label
from lawgap.rules import Rule
from lawgap.rules.instruments import cite_ru, name_ru
from lawgap.vocab import COUNTRY_NAMES, KIND_NAMES, MET, NOT_ASSESSED, PARTIAL, STATUS_RU

# Parts that do not depend on the status: they survive a reviewer's re-judging of the finding.
CONTEXT_KEYS = frozenset({"ocr", "absent", "good_practice", "unconfirmed", "excluded"})

_EN = {
    "met": "Met: {where} provides every required element ({found}).",
    "partial": "Partial: {where} provides {found}.",
    "missing": "Missing: {missing}.",
    "limited": "Limited by: {words}.",
    "aggravating_only": "Found only as an aggravating circumstance, in a qualified part of an offence: {aggravating}.",
    "read_with": "Read together: {where} with {others}.",
    "broader": "Met, broader than the Protocol: no means required: {where} punishes the acts for the purpose of "
    "exploitation without naming any means.",
    "no_means_met": "Met: {where} requires no means for any victim, so none is needed where the victim is a child.",
    "no_means_implied": "Partial: {where} requires no means, so consent cannot excuse the offence; but no provision "
    "says that consent is irrelevant.",
    "excluded": "Out of the law's scope: {words}.",
    "gap_names_only": "Gap: {where} names only {found}; the obligation itself is missing ({missing}).",
    "gap_none": "Gap: none of the elements was found in the laws supplied{laws}.",
    "not_assessed": "Not assessed: {laws} not supplied.",
    "excerpts": "Supplied only in excerpts, which do not contain it: {laws}.",
    "unknown_kind": "Searched, but not recognised as that law (kind unknown): {laws}.",
    "ocr": "Some words were read through OCR noise in the source: check the page image.",
    "absent": "Not supplied, where this is usually found: {kinds}.",
    "good_practice": "Good practice for {country}, not an obligation: it is not bound by {sources}.",
    "unconfirmed": "Not counted as binding on {country}: its participation in {sources} is unconfirmed "
    "(check the UN Treaty Collection).",
    "review_override": "Status set to {0} by {1} ({2}): {3}.",
    "review_rejected": "{0} evidence item(s) rejected by the reviewer; judged again on what remains.",
    "through": "{label} (through {provision}, which it cites)",
    "together": "{label} (read with {provision})",
}
_RU = {
    "met": "Соответствует: {where} содержит все обязательные элементы ({found}).",
    "partial": "Частичное соответствие: {where} содержит: {found}.",
    "missing": "Не хватает: {missing}.",
    "limited": "Ограничено словами: {words}.",
    "aggravating_only": "Только как отягчающее обстоятельство, в квалифицированном составе: {aggravating}.",
    "read_with": "Во взаимосвязи: {where} со {others}.",
    "broader": "Соответствует, шире Протокола: способ не требуется: {where} наказывает деяния в целях "
    "эксплуатации без указания какого-либо способа.",
    "no_means_met": "Соответствует: {where} не требует способа ни для одной жертвы, а значит, и для ребёнка.",
    "no_means_implied": "Частичное соответствие: {where} не требует способа, поэтому согласие не исключает "
    "преступления; но ни одна норма не говорит, что согласие не имеет значения.",
    "excluded": "Вне сферы действия закона: {words}.",
    "gap_names_only": "Пробел: {where} называет только {found}; само обязательство отсутствует ({missing}).",
    "gap_none": "Пробел: ни один элемент не найден в представленных законах{laws}.",
    "not_assessed": "Не оценено: не представлен(ы): {laws}.",
    "excerpts": "Представлены только выдержки, в которых этого нет: {laws}.",
    "unknown_kind": "Просмотрены, но не распознаны как этот закон (вид не определён): {laws}.",
    "ocr": "Часть слов прочитана сквозь ошибки распознавания (OCR): сверьте с изображением страницы.",
    "absent": "Не представлены законы, где это обычно закреплено: {kinds}.",
    "good_practice": "Для {country} — рекомендуемая практика, а не обязательство: требование основано только на "
    "документах, не обязательных для {country}: {sources}.",
    "unconfirmed": "Не считается обязательным для {country}: участие в договоре не подтверждено ({sources}); "
    "сверьте с Собранием договоров ООН.",
    "review_override": "Статус «{0}» установлен рецензентом {1} ({2}): {3}.",
    "review_rejected": "Рецензент отклонил доказательства ({0}); оценено заново по оставшимся.",
    "through": "{label} (через {provision}, на которую ссылается)",
    "together": "{label} (во взаимосвязи с {provision})",
}
TEMPLATES = {"en": _EN, "ru": _RU}
_WHERE_KEYS = frozenset({"met", "partial", "gap_names_only", "broader", "no_means_met", "no_means_implied"})


def status_parts(
    status: str,
    elements: Sequence[ElementResult],
    evidence: Sequence[Evidence],
    *,
    where: tuple[str, str] = ("", ""),
    broader: str = "",
    country: str = "",
    absent: Sequence[str] = (),
    laws: Sequence[str] = (),
    excerpts: Sequence[str] = (),
    unknown: Sequence[str] = (),
) -> tuple[Part, ...]:
    """The sentences that follow from the status and the elements found in the main evidence.

    `where`: the best article when no evidence was offered (it names only the context); `broader`: the rule's
    `without_means` when the status rests on an offence that requires no means; `absent`: the kinds of law
    not supplied in full, `laws` the ids of the laws supplied, `excerpts` those supplied only in part, `unknown`
    those whose kind was not recognised (searched, but never taken for the law a rule lives in)."""
    if evidence:
        where = (evidence[0].law, evidence[0].eid)
    found = any(e.found for e in elements)
    missing = any(not e.found and e.mandatory for e in elements)
    # an aggravating circumstance is named with its qualified part's words in a part of its own
    limited = sorted({w for e in elements if not e.aggravating_only for w in e.limited_by})
    parts: list[Part] = []
    if broader:
        key = {"broader": "broader", "met": "no_means_met", "implied": "no_means_implied"}[broader]
        return (Part(key, where),)
    if status == NOT_ASSESSED:
        parts.append(Part("not_assessed", (country, *absent)))
        if excerpts:
            parts.append(Part("excerpts", tuple(excerpts)))
        if unknown:
            parts.append(Part("unknown_kind", tuple(unknown)))
        return tuple(parts)
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
    elif found and where[0]:
        parts.append(Part("gap_names_only", where))
    else:
        parts.append(Part("gap_none", tuple(laws)))
    together = evidence[0].read_with if evidence else ()
    if together and status in (MET, PARTIAL):
        parts.append(Part("read_with", (*where, *together)))
    return tuple(parts)


def context_parts(
    status: str,
    evidence: Sequence[Evidence],
    *,
    country: str,
    absent: Sequence[str],
    level: str,
    sources: Sequence[str],
    unconfirmed: Sequence[str],
) -> tuple[Part, ...]:
    """The sentences that do not depend on the status: OCR noise, the laws not supplied, what binds the country."""
    parts: list[Part] = []
    if any(ev.fuzzy for ev in evidence[:1]):
        parts.append(Part("ocr"))
    if status not in (MET, NOT_ASSESSED) and absent:
        parts.append(Part("absent", (country, *absent)))
    not_party = [x for x in sources if x not in unconfirmed]
    if level == "good_practice" and not_party:
        parts.append(Part("good_practice", (country, *not_party)))
    if unconfirmed:
        # never "not party": nobody has checked; the instrument is named, not each paragraph
        parts.append(Part("unconfirmed", (country, *dict.fromkeys(x.split()[0] for x in unconfirmed))))
    return tuple(parts)


@lru_cache(maxsize=64)
def law_names(country: str, kind: str, lang: str) -> str:
    """The law of that kind as the catalogue names it for the country ("Criminal Code of the Kyrgyz Republic");
    where the catalogue lists none, the kind in lower case ("a victim support law"), never a made-up title."""
    from lawgap.catalogue import entries_for

    try:
        entries = [e for e in entries_for(country) if e.kind == kind]
    except LawgapError:
        entries = []
    if entries:
        titles = [e.title_en if lang == "en" else _ru_title(e.title_ru or e.title_local or e.title_en) for e in entries]
        return " / ".join(dict.fromkeys(titles))
    names = KIND_NAMES.get(kind)
    if names is None:
        return kind
    if lang == "en":
        generic = names.label_en.split(" (")[0].lower()
        return ("an " if generic[0] in "aeiou" else "a ") + generic
    return names.name_ru[0].lower() + names.name_ru[1:]


def _ru_title(title: str) -> str:
    """A law's name as Russian cites it: «О ...» after the word Закон; a code's title as it stands."""
    return f"Закон «{title}»" if title.startswith("О ") else title


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
        if e.read_with:
            provisions = ", ".join(provision_label(x.split(":", 1)[-1], lang) for x in e.read_with)
            return words["together"].format(label=text, provision=provisions)
        return text

    def name(law: str) -> str:
        return law_name(law) if law_name else law

    def where(args: tuple[str, ...]) -> str:
        law, eid = (args + ("", ""))[:2]
        if not law:
            return ""
        return f"{name(law)}, {provision_label(eid, lang)}"

    def others(home: str, refs: Sequence[str]) -> str:
        out = []
        for ref in refs:
            law, _, eid = ref.rpartition(":")
            out.append(
                provision_label(eid, lang) if law in ("", home) else f"{name(law)}, {provision_label(eid, lang)}"
            )
        return ", ".join(out)

    def kinds(args: tuple[str, ...]) -> str:
        country, *rest = args or ("",)
        return ", ".join(law_names(country, k, lang) for k in rest)

    values = {
        "found": "; ".join(label(e) for e in elements if e.found),
        "missing": "; ".join(labels.get(e.id, e.label) for e in elements if not e.found and e.mandatory),
        "aggravating": "; ".join(
            f"{labels.get(e.id, e.label)} ({', '.join(e.limited_by)})" for e in elements if e.aggravating_only
        ),
    }
    out = []
    for part in parts:
        template = words.get(part.key)
        if template is None:
            continue
        if part.key in _WHERE_KEYS:
            out.append(template.format(where=where(part.args), **values))
        elif part.key == "read_with":
            out.append(template.format(where=where(part.args), others=others(part.args[0], part.args[2:])))
        elif part.key in ("limited", "excluded"):
            out.append(template.format(words=", ".join(part.args)))
        elif part.key in ("absent", "not_assessed"):
            out.append(template.format(kinds=kinds(part.args), laws=kinds(part.args)))
        elif part.key == "gap_none":
            out.append(template.format(laws=": " + ", ".join(map(name, part.args)) if part.args else ""))
        elif part.key in ("excerpts", "unknown_kind"):
            out.append(template.format(laws=", ".join(map(name, part.args))))
        elif part.key in ("good_practice", "unconfirmed"):
            country, *sources = part.args
            place = COUNTRY_NAMES.get(country)
            state = (place.name_en if lang == "en" else place.of_ru) if place else country
            if lang == "ru":
                # "COE 10(3)" is the data's form; a Russian sentence names the instrument in Russian
                named = cite_ru(sources) if part.key == "good_practice" else ", ".join(map(name_ru, sources))
            else:
                named = ", ".join(sources)
            out.append(template.format(country=state, sources=named))
        elif part.key == "review_override" and part.args:
            status = STATUS_RU.get(part.args[0], part.args[0]) if lang == "ru" else part.args[0].replace("_", " ")
            out.append(template.format(status, *part.args[1:]))
        else:
            out.append(template.format(*part.args, **values))
    return " ".join(out)
