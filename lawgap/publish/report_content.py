"""What the legal assessment report says, in Russian or English, before it is laid out as HTML or DOCX.

Reads: a country's Workspace (the reviewed score, as the app shows it) and its checked drafts
(lawgap.drafting.offer). Writes: a frozen `Report` of sections, each a list of blocks (paragraph,
table, quote, sub-heading). Structure (shared/DRAFTING.md §4): executive summary; methodology and
limitations; legal framework and ratifications (model_law/parties); analysis per obligation; prioritised
recommendations (treaty obligations first, good practice after); annexes: the matrix and the bill.
Counts are of laws (a code in two languages is one law) and of drafts (a draft in two languages is one);
provisions are cited in the national style (refs.labels.cite), never by file name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as _date

from lawgap.assess.findings import Finding
from lawgap.drafting.bill import bills
from lawgap.drafting.levels import Binding, binding, parties
from lawgap.drafting.offer import Checked, offered
from lawgap.model import Law
from lawgap.refs.labels import cite
from lawgap.vocab import (
    CODES,
    COUNTRY_NAMES,
    GAP,
    GOOD_PRACTICE,
    KIND_NAMES,
    MET,
    NOT_ASSESSED,
    OBLIGATION_RU,
    OBLIGATIONS,
    PARTIAL,
    STATUS_RU,
    STATUSES,
)

INSTRUMENTS = {
    "UNTOC": (
        "UN Convention against Transnational Organized Crime (2000)",
        "Конвенция ООН против транснациональной организованной преступности (2000)",
    ),
    "TIP": (
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons (2000)",
        "Протокол о предупреждении и пресечении торговли людьми (2000)",
    ),
    "SOM": (
        "Protocol against the Smuggling of Migrants by Land, Sea and Air (2000)",
        "Протокол против незаконного ввоза мигрантов (2000)",
    ),
    "COE": (
        "Council of Europe Convention on Action against Trafficking in Human Beings (2005)",
        "Конвенция Совета Европы о противодействии торговле людьми (2005)",
    ),
}

T = {
    "en": {
        "title": "Legal assessment of the national law against the instruments on trafficking and smuggling",
        "summary": "1. Executive summary",
        "method": "2. Methodology and limitations",
        "framework": "3. Legal framework and ratifications",
        "analysis": "4. Analysis per obligation",
        "recs": "5. Prioritised recommendations",
        "matrix": "Annex A. Matrix of requirements",
        "bill": "Annex B. Draft law (working translation)",
        "status": "status",
        "category": "category",
        "level": "level for the country",
        "sources": "sources",
        "provision": "provision",
        "words": "quoted words",
        "limit": "limitation",
        "review": "reviewer decision",
        "none": "none",
        "instrument": "instrument",
        "party": "status for the country",
        "act": "act and source",
    },
    "ru": {
        "title": "Правовой анализ национального законодательства на соответствие международным договорам о "
        "противодействии торговле людьми и незаконному ввозу мигрантов",
        "summary": "1. Резюме",
        "method": "2. Методология и ограничения",
        "framework": "3. Правовая основа и ратификации",
        "analysis": "4. Анализ по обязательствам",
        "recs": "5. Приоритетные рекомендации",
        "matrix": "Приложение А. Матрица требований",
        "bill": "Приложение Б. Проект закона",
        "status": "статус",
        "category": "категория",
        "level": "уровень для страны",
        "sources": "источники",
        "provision": "норма",
        "words": "цитируемые слова",
        "limit": "ограничение",
        "review": "решение эксперта",
        "none": "нет",
        "instrument": "договор",
        "party": "статус для страны",
        "act": "акт и источник",
    },
}
PARTY_RU = {"party": "участник", "signatory": "подписал", "not_party": "не участник", "unconfirmed": "не подтверждено"}
SERIOUS = {GAP: 0, PARTIAL: 1, NOT_ASSESSED: 2, MET: 3}


@dataclass(frozen=True)
class Block:
    kind: str  # "p", "h3", "quote", "table"
    text: str = ""
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Report:
    country: str
    lang: str
    title: str
    sections: tuple[Section, ...]
    statuses: dict[str, str]  # rule -> status as the report states it (the reviewed score's)
    levels: dict[str, Binding]  # rule -> the level for the country and the sources that bind it


def _p(text: str) -> Block:
    return Block("p", text)


def count_laws(laws: Sequence[Law]) -> int:
    """Laws, not files: a code in two languages, or as several excerpts, is one law; other laws by title."""
    keys = set()
    for law in laws:
        keys.add(law.kind if law.kind in CODES else (law.kind, " ".join(law.title.lower().split())))
    return len(keys)


def _status(s: str, lang: str) -> str:
    return STATUS_RU.get(s, s) if lang == "ru" else s.replace("_", " ")


def _level(b: Binding, lang: str) -> str:
    name = OBLIGATION_RU.get(b.level, b.level) if lang == "ru" else b.level.replace("_", " ")
    return f"{name} ({', '.join(b.binding)})" if b.binding else name


def _provisions(f: Finding, laws: Sequence[Law], country: str, lang: str) -> list[tuple[str, str]]:
    """(national citation, quoted words) of the finding's evidence, one per provision."""
    kinds = {law_id_of(x): x.kind for x in laws}
    out: list[tuple[str, str]] = []
    seen = set()
    for ev in f.evidence:
        where = cite(ev.eid, lang, kind=kinds.get(ev.law), country=country)
        if where in seen:
            continue
        seen.add(where)
        out.append((where, ev.excerpt))
    return out[:3]


def law_id_of(law: Law) -> str:
    from lawgap.assess.findings import law_id

    return law_id(law)


def _serious_key(f: Finding, b: Binding) -> tuple:
    rank = OBLIGATIONS.index(b.level) if b.level in OBLIGATIONS else len(OBLIGATIONS)
    return (rank, SERIOUS.get(f.status, 3), f.score)


def build_report(ws, checked: Sequence[Checked], lang: str = "en", today: str | None = None) -> Report:
    """The report for the workspace's country in `lang`, from the reviewed score."""
    t = T[lang]
    cc = ws.country
    cs = ws.score
    today = today or _date.today().isoformat()
    levels = {f.rule.id: binding(f, cc) for f in cs.findings}
    by_rule = {c.rule: c for c in checked}
    drafts = offered(checked, lang)
    cname = (
        COUNTRY_NAMES[cc].name_ru
        if lang == "ru" and cc in COUNTRY_NAMES
        else (COUNTRY_NAMES[cc].name_en if cc in COUNTRY_NAMES else cc)
    )
    sections = [
        _summary(ws, levels, drafts, lang, cname, today),
        _method(ws, lang),
        _framework(cc, lang),
        _analysis(ws, levels, lang),
        _recommendations(cs.findings, levels, by_rule, lang),
        _matrix(ws, levels, lang),
        Section(t["bill"], tuple(Block("p", b.text) for b in bills(drafts)) or (_p(t["none"]),)),
    ]
    return Report(
        cc, lang, f"{t['title']}: {cname}", tuple(sections), {f.rule.id: f.status for f in cs.findings}, levels
    )


def _summary(ws, levels, drafts, lang, cname, today) -> Section:
    t = T[lang]
    cs = ws.score
    n_laws = count_laws(ws.laws)
    c = Counter(f.status for f in cs.findings)
    counts = ", ".join(f"{_status(s, lang)}: {c[s]}" for s in STATUSES)
    if lang == "ru":
        lead = (
            f"Подготовлено lawgap {today}. Проанализировано законов: {n_laws}; требований: {len(cs.findings)} "
            f"({counts}). Предлагается изменений: {len(drafts)} (см. Приложение Б)."
        )
    else:
        lead = (
            f"Prepared by lawgap on {today}. Laws analysed: {n_laws}; requirements: {len(cs.findings)} "
            f"({counts}). Changes proposed: {len(drafts)} (Annex B)."
        )
    cats: dict[str, Counter] = {}
    for f in cs.findings:
        cats.setdefault(f.rule.category, Counter())[f.status] += 1
    table = Block(
        "table",
        header=(t["category"], *(_status(s, lang) for s in STATUSES)),
        rows=tuple((cat, *(str(n[s]) for s in STATUSES)) for cat, n in cats.items()),
    )
    worst = sorted(
        (f for f in cs.findings if f.status in (GAP, PARTIAL)), key=lambda f: _serious_key(f, levels[f.rule.id])
    )
    top = [
        f"{f.rule.title(lang)} ({f.rule.id}): {_status(f.status, lang)}; {_level(levels[f.rule.id], lang)}"
        for f in worst[:5]
    ]
    head = "Пять наиболее серьезных пробелов:" if lang == "ru" else "The five most serious gaps:"
    return Section(t["summary"], (_p(lead), table, _p(head), *(_p(f"{i}. {x}") for i, x in enumerate(top, 1))))


def _method(ws, lang) -> Section:
    t = T[lang]
    ru = lang == "ru"
    rows = []
    for law in ws.laws:
        kind = (
            KIND_NAMES[law.kind].name_ru
            if ru and law.kind in KIND_NAMES
            else (KIND_NAMES[law.kind].name_en if law.kind in KIND_NAMES else (law.kind or "?"))
        )
        notes = []
        if law.excerpt or "excerpt" in law.source or "arts" in law.source:
            notes.append("выдержка" if ru else "excerpt")
        if law.ocr or law.noisy:
            notes.append("распознан (OCR)" if ru else "OCR")
        rows.append(
            (
                " ".join(law.title.split())[:120],
                kind,
                law.language,
                law.date or "—",
                ", ".join(notes) or "—",
                law.sha256[:12],
            )
        )
    header = (
        ("акт", "вид", "язык", "редакция/дата", "примечания", "sha256")
        if ru
        else ("law", "kind", "language", "edition/date", "notes", "sha256")
    )
    overrides = len(ws.review.overrides)
    verdicts = len(ws.review.verdicts)
    if ru:
        text = [
            "Анализ проведен по текстам, перечисленным в таблице (официальные тексты из банков правовой информации; "
            "выдержки охватывают только названные статьи). Требование, место которого — непредставленный закон, "
            "не оценивается. Перевод на английский язык неофициальный.",
            "Статус определяется так: «соответствует» — в одной статье есть все обязательные элементы без "
            "ограничивающих слов; «частичное соответствие» — есть большая часть элементов или они ограничены; "
            "«пробел» — иначе; «не оценено» — закон, где должна быть норма, не представлен.",
            f"Применены решения эксперта: изменений статуса — {overrides}, решений по доказательствам — {verdicts}.",
        ]
    else:
        text = [
            "The analysis rests on the texts in the table (official texts from the legal information banks; excerpts "
            "cover only the articles named). A requirement whose home law was not supplied is not assessed. "
            "English renderings of the laws are unofficial translations.",
            "Statuses: met — one article holds every mandatory element with no limiting words; partial — it holds "
            "most elements, or they are limited; gap — otherwise; not assessed — the law where the rule lives was "
            "not supplied.",
            f"Reviewer decisions applied: {overrides} status overrides, {verdicts} decisions on evidence.",
        ]
    return Section(t["method"], (_p(text[0]), Block("table", header=header, rows=tuple(rows)), *map(_p, text[1:])))


def _framework(cc, lang) -> Section:
    t = T[lang]
    rows = []
    for code, (en, ru) in INSTRUMENTS.items():
        p = parties().get((cc, code))
        status = p.status if p else "unconfirmed"
        source = p.sources[0].split(" : ")[0] if p and p.sources else "—"
        act = f"{p.act}; {source}" if p and p.act else source
        rows.append((ru if lang == "ru" else en, PARTY_RU.get(status, status) if lang == "ru" else status, act))
    note = (
        "Типовой закон УНП ООН (2009) не является договором: его положения — рекомендуемая практика. Требования "
        "договора, участником которого государство не является, приводятся как рекомендуемая практика."
        if lang == "ru"
        else "The UNODC Model Law (2009) is not a treaty: its provisions are good practice. Requirements of an "
        "instrument the country is not party to are given as good practice, never as obligations."
    )
    return Section(
        t["framework"], (Block("table", header=(t["instrument"], t["party"], t["act"]), rows=tuple(rows)), _p(note))
    )


def _analysis(ws, levels, lang) -> Section:
    t = T[lang]
    blocks: list[Block] = []
    for f in ws.score.findings:
        b = levels[f.rule.id]
        blocks.append(Block("h3", f"{f.rule.title(lang)} ({f.rule.id})"))
        o = ws.review.overrides.get(f.rule.id)
        review = f"{o.status}: {o.reason} ({o.who}, {o.at})" if o else t["none"]
        limits = (
            "; ".join(f"{x.kind}: «{x.words}»" for x in f.limitations)
            or "; ".join(sorted({w for e in f.elements for w in e.limited_by}))
            or t["none"]
        )
        blocks.append(
            _p(
                f"{t['status']}: {_status(f.status, lang)}. {t['level']}: {_level(b, lang)}. "
                f"{t['sources']}: {', '.join(f.rule.sources)}. {t['limit']}: {limits}. {t['review']}: {review}."
            )
        )
        for where, words in _provisions(f, ws.laws, ws.country, lang):
            blocks.append(_p(f"{t['provision']}: {where}"))
            blocks.append(Block("quote", words))
    return Section(t["analysis"], tuple(blocks))


def _recommendations(findings, levels, by_rule, lang) -> Section:
    t = T[lang]
    ru = lang == "ru"
    open_ = [f for f in findings if f.status in (GAP, PARTIAL)]
    treaty = sorted(
        (f for f in open_ if levels[f.rule.id].level != GOOD_PRACTICE), key=lambda f: _serious_key(f, levels[f.rule.id])
    )
    practice = [f for f in open_ if levels[f.rule.id].level == GOOD_PRACTICE]
    blocks: list[Block] = []
    for title, group in (
        (("Обязательства по договорам" if ru else "Treaty obligations"), treaty),
        (("Рекомендуемая практика" if ru else "Good practice"), practice),
    ):
        blocks.append(Block("h3", title))
        for i, f in enumerate(group, 1):
            c = by_rule.get(f.rule.id)
            d = c.draft(lang) if c is not None and c.offered else None
            if d is not None:
                how = (
                    f"предлагается изменение: {d.law_name}, {d.target}"
                    if ru
                    else f"proposed change: {d.law_name}, {d.target}"
                )
            else:
                why = "; ".join(c.reasons) if c is not None else ""
                how = f"проект не предлагается ({why})" if ru else f"no draft offered ({why})"
            blocks.append(_p(f"{i}. {f.rule.title(lang)} — {_level(levels[f.rule.id], lang)}; {how}"))
        if not group:
            blocks.append(_p(t["none"]))
    return Section(t["recs"], tuple(blocks))


def _matrix(ws, levels, lang) -> Section:
    t = T[lang]
    rows = []
    for f in ws.score.findings:
        where = "; ".join(w for w, _ in _provisions(f, ws.laws, ws.country, lang)) or "—"
        rows.append((f.rule.id, _status(f.status, lang), _level(levels[f.rule.id], lang), where))
    header = ("требование" if lang == "ru" else "requirement", t["status"], t["level"], t["provision"])
    return Section(t["matrix"], (Block("table", header=header, rows=tuple(rows)),))
