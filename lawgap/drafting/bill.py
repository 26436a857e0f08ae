"""The amending law in the country's form, one per target law, with its сравнительная таблица and справка.

Reads: the offered drafts of one language (lawgap.drafting.offer). Writes: frozen `Bill`s (title,
"Статья 1" with the changes numbered 1), 2), ... in article order, the entry-into-force article, the
signature block), the comparative table rows and the short справка-обоснование.

Forms (shared/DRAFTING.md): KG «О внесении изменений в …», "Статья 1. Внести в … следующие изменения:",
last article on entry into force with an order to the Кабинет Министров to align its acts [K1];
KZ «О внесении изменений и дополнений в …», no preamble and no article headings, Ведомости Парламента
in brackets, entry into force ten calendar days after first official publication [Z1]. Other countries
get the same frame with blanks. The English text is a working translation and says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from lawgap.drafting.draft import Draft
from lawgap.drafting.names import BLANK, LawName, government, law_name
from lawgap.vocab import COUNTRY_NAMES, OBLIGATION_RU

WORKING_TRANSLATION = "Working translation from Russian: the Russian text is the one to be considered."


@dataclass(frozen=True)
class Row:
    """One row of the сравнительная таблица: one change."""

    n: int
    current: str
    proposed: str
    justification: str


@dataclass(frozen=True)
class Bill:
    country: str
    lang: str
    law: LawName
    kind_line: str  # "ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ"
    title: str
    article1: str  # the lead-in of Статья 1
    changes: tuple[str, ...]  # "1) статью 166 дополнить …;"
    final: tuple[str, ...]  # the last article's paragraphs
    signature: tuple[str, ...]
    rows: tuple[Row, ...]
    drafts: tuple[Draft, ...]

    @property
    def text(self) -> str:
        """The bill as plain text, as it would be printed."""
        art = "Article" if self.lang == "en" else "Статья"
        lines = [
            self.kind_line,
            self.title,
            "",
            f"{art} 1.",
            self.article1,
            *self.changes,
            "",
            f"{art} 2.",
            *self.final,
            "",
            *self.signature,
        ]
        if self.lang == "en":
            lines.insert(0, WORKING_TRANSLATION)
        return "\n".join(lines)


def _article_key(d: Draft) -> tuple:
    """Article order: 40 < 40-1 < 41; a blank number (text not supplied) after all numbered ones."""
    num = d.article_num or d.num
    m = re.match(r"(\d+)(?:[-.](\d+))?", num or "")
    if not m:
        return (1, 0, 0, d.rule_id)
    return (0, int(m.group(1)), int(m.group(2) or 0), d.part_num or "", d.num, d.rule_id)


def _item(n: int, instruction: str, last: bool) -> str:
    text = instruction[:1].lower() + instruction[1:]
    text = text.rstrip(".") + ("." if last else ";")
    return f"{n}) {text}"


def _form(country: str, lang: str, name: LawName) -> tuple[str, str, str, tuple[str, ...], tuple[str, ...]]:
    """(kind line, title, Статья 1 lead-in, final article, signature) in the country's form."""
    cn = COUNTRY_NAMES.get(country)
    gov = government(country)
    supplied = (
        ""
        if name.supplied
        else (
            " (text not supplied: numbering to be checked)"
            if lang == "en"
            else " (текст не представлен: нумерацию проверить)"
        )
    )
    if lang == "en":
        kind = f"LAW {cn.of_en.upper() if cn else ''}".strip()
        title = f"On amendments to the {name.short('en')}"
        lead = f"The following amendments shall be made to the {name.full('en')}{supplied}:"
        period = (
            "ten calendar days after the day of its first official publication"
            if country == "KZ"
            else ("ten days after the day of its official publication")
        )
        final = (f"This Law shall enter into force {period}.",)
        if country == "KG":
            final += (
                f"{gov.en[:1].upper()}{gov.en[1:]} shall bring its regulatory acts into line with this Law "
                "within six months.",
            )
        sign = (f"President {cn.of_en if cn else ''}".strip() + f" {BLANK}",)
        return kind, title, lead, final, sign
    kind = f"ЗАКОН {cn.of_ru.upper() if cn else ''}".strip()
    if country == "KZ":
        title = f"О внесении изменений и дополнений в {name.short('ru')}"
        lead = (
            f"Внести в {name.full('ru')} (Ведомости Парламента Республики Казахстан, {BLANK}){supplied} "
            "следующие изменения и дополнения:"
        )
        final = (
            "Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого "
            "официального опубликования.",
        )
        sign = (f"Президент Республики Казахстан {BLANK}",)
        return kind, title, lead, final, sign
    title = f"О внесении изменений в {name.short('ru')}"
    lead = f"Внести в {name.full('ru')}{supplied} следующие изменения:"
    final = (
        "1. Настоящий Закон вступает в силу по истечении десяти дней со дня официального опубликования.",
        f"2. {gov.dat[:1].upper()}{gov.dat[1:]} в шестимесячный срок привести свои нормативные правовые акты "
        "в соответствие с настоящим Законом.",
    )
    sign = (
        f"Президент {cn.of_ru if cn else ''} {BLANK}".replace("  ", " "),
        f"Принят Жогорку Кенешем Кыргызской Республики {BLANK}" if country == "KG" else f"Принят {BLANK}",
    )
    return kind, title, lead, final, sign


def _row(n: int, d: Draft) -> Row:
    en = d.lang == "en"
    current = d.current or ("(no such provision)" if en else "Отсутствует.")
    level = d.level if en else OBLIGATION_RU.get(d.level, d.level)
    by = ", ".join(d.binding) or ("no binding source" if en else "обязывающего источника нет")
    why = f"{d.rule_title} ({d.rule_id}). {', '.join(d.sources)}. " + (
        f"Level for {d.country}: {level} ({by})." if en else f"Уровень для {d.country}: {level} ({by})."
    )
    return Row(n, current, d.consolidated or d.inserted, why)


def _added(d: Draft) -> str:
    """The words a change adds after its anchor words (`new` restates the anchor with them), or ""."""
    return d.new[len(d.old) :] if d.unit == "words" and d.old and d.new.startswith(d.old) else ""


def _merge_same_anchor(ds: Sequence[Draft]) -> list[Draft]:
    """Word additions after the same words of the same provision become one change, in rule order: two items
    each saying "после слова «обмана» дополнить словами ..." would leave the drafter to guess their order."""
    out: list[Draft] = []
    first: dict[tuple[str, str, str], int] = {}
    for d in ds:
        key = (d.law_id, d.target_eid, d.old)
        if not _added(d):
            out.append(d)
            continue
        if key not in first:
            first[key] = len(out)
            out.append(d)
            continue
        i = first[key]
        m = out[i]
        joined = _added(m) + _added(d)
        out[i] = replace(
            m,
            rule_id=f"{m.rule_id}, {d.rule_id}",
            rule_title=f"{m.rule_title}; {d.rule_title}",
            sources=tuple(dict.fromkeys((*m.sources, *d.sources))),
            binding=tuple(dict.fromkeys((*m.binding, *d.binding))),
            instruction=m.instruction.replace(_added(m), joined, 1),
            consolidated=m.consolidated.replace(m.new, m.old + joined, 1),
            new=m.old + joined,
        )
    return out


def bills(drafts: Sequence[Draft]) -> tuple[Bill, ...]:
    """One bill per target law (codes first, in catalogue kind order), its changes in article order, one numbering."""
    if not drafts:
        return ()
    groups: dict[tuple[str, str], list[Draft]] = {}
    for d in drafts:
        groups.setdefault((d.law_kind or d.home_kind, d.law_id), []).append(d)
    out = []
    for (kind, _), ds in groups.items():
        ds = _merge_same_anchor(sorted(ds, key=_article_key))
        d0 = ds[0]
        name = replace(law_name(d0.country, kind, stem=d0.law_id if d0.supplied else ""), supplied=d0.supplied)
        kind_line, title, lead, final, sign = _form(d0.country, d0.lang, name)
        changes = tuple(_item(i, d.instruction, i == len(ds)) for i, d in enumerate(ds, 1))
        rows = tuple(_row(i, d) for i, d in enumerate(ds, 1))
        out.append(Bill(d0.country, d0.lang, name, kind_line, title, lead, changes, final, sign, rows, tuple(ds)))
    return tuple(out)


def spravka(bill_list: Sequence[Bill], withheld: Sequence[tuple[str, str]], lang: str) -> tuple[str, ...]:
    """The short справка-обоснование: purpose, what changes, what is left out and why, consequences."""
    en = lang == "en"
    n = sum(len(b.changes) for b in bill_list)
    laws = "; ".join(b.law.short(lang) for b in bill_list)
    if en:
        lines = [
            "Explanatory note",
            "Purpose: to close the gaps found between the national law and the international instruments on "
            "trafficking in persons and smuggling of migrants that the country is party to (levels per change in "
            "the comparative table).",
            f"Content: {n} changes to: {laws}.",
            "Each change was applied to the law's text and the assessment re-run: each closes its finding and "
            "makes no other worse.",
            f"Not proposed ({len(withheld)}): " + "; ".join(f"{r} ({why})" for r, why in withheld)
            if withheld
            else "Not proposed: none.",
            f"Financial and economic consequences: {BLANK} (to be assessed by the drafting body).",
        ]
    else:
        lines = [
            "Справка-обоснование",
            "Цель: устранение пробелов национального законодательства по отношению к международным договорам о "
            "противодействии торговле людьми и незаконному ввозу мигрантов, участником которых является государство "
            "(уровень обязательства по каждому изменению — в сравнительной таблице).",
            f"Содержание: {n} изменений в: {laws}.",
            "Каждое изменение применено к тексту закона и оценка проведена повторно: изменение устраняет свой "
            "пробел и не ухудшает оценку по другим требованиям.",
            f"Не предлагаются ({len(withheld)}): " + "; ".join(f"{r} ({why})" for r, why in withheld)
            if withheld
            else "Не предлагаются: нет.",
            f"Финансово-экономические последствия: {BLANK} (оценивает разработчик).",
        ]
    return tuple(lines)
