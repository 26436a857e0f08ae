"""The amending instruction in the national drafting style, and the provision's text before and after.

Reads: a Placement and the new provision's wording. Writes: an `Amendment` with

- `inserted`: the text between the quotation marks, exactly as our parser reads it back;
- `instruction`: "Статью 166 дополнить частью 5 следующего содержания: «5. ...»." or
  "Article 166 shall be supplemented with part 5 reading as follows: “5. ...”.";
- `current` and `consolidated`: the target article as printed now and after the amendment,
  one line per provision ("Статья 166. ...", "1. ...", "1) ..."), for the redline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lawgap.drafting.placement import Placement, kind_of
from lawgap.model import Law, Provision
from lawgap.vocab import CODES, COUNTRY_NAMES, KIND_NAMES

OPEN = {"ru": "«", "en": "“"}
CLOSE = {"ru": "»", "en": "”"}

ARTICLE_WORD = {"ru": "Статья", "en": "Article"}


def law_name(law: Law, lang: str) -> str:
    """'Уголовный кодекс Кыргызской Республики' / 'Criminal Code of the Kyrgyz Republic' for a code; another
    law by its own title (in English: the kind's name with the title in the original language)."""
    kind = kind_of(law) or ""
    names = KIND_NAMES.get(kind)
    country = COUNTRY_NAMES.get((law.country or "").upper())
    en = lang == "en"
    if names and country and kind in CODES:
        return f"{names.name_en} {country.of_en}" if en else f"{names.name_ru} {country.of_ru}"
    title = " ".join(law.title.split())
    if title.isupper():
        title = title[:1] + title[1:].lower()
    if en and names:
        return f"{names.name_en} (“{title}”)"
    return title


@dataclass(frozen=True)
class Amendment:
    inserted: str
    instruction: str
    current: str
    consolidated: str


def _line(p: Provision, lang: str) -> str:
    if p.kind == "article":
        head = f"{ARTICLE_WORD['ru']} {p.num}." + (f" {p.heading}" if p.heading else "")
        return head + (f"\n{p.text}" if p.text else "")
    if p.kind == "paragraph":
        return f"{p.num}. {p.text}" if p.num else p.text
    if p.kind in ("point", "subpoint"):
        return f"{p.num}) {p.text}" if p.num else p.text
    if p.kind == "note":
        return f"Примечание. {p.text}".rstrip()
    return p.text


def _ordered(law: Law, eid: str) -> list[tuple[Provision, str]]:
    """(provision, line) in print order. A list's lead-in is the first line of its holder's text and the
    sanction after the list ("наказывается ...") the rest: the rest is printed after the items."""
    p = law.by_eid[eid]
    line = _line(p, "ru")
    kids = law.children(eid)
    head, _, tail = line.partition("\n") if kids and p.kind != "article" else (line, "", "")
    out = [(p, head)]
    for k in kids:
        out.extend(_ordered(law, k.eid))
    if tail:
        out.append((p, tail))
    return out


def render(law: Law, eid: str, lang: str = "ru") -> str:
    """The article as printed, one line per provision."""
    return "\n".join(line for _, line in _ordered(law, eid))


def _item_text(text: str, last: bool) -> str:
    body = text.rstrip(" ;.")
    return body + ("." if last else ";")


def _new_article(pl: Placement, heading: str, parts: tuple[str, ...], lang: str) -> str:
    lines = [f"{ARTICLE_WORD[lang]} {pl.num}. {heading}"]
    if len(parts) == 1:
        lines.append(parts[0])
    else:
        lines.extend(f"{i}. {t}" for i, t in enumerate(parts, 1))
    return "\n".join(lines)


_ORDINAL = ("первом", "втором", "третьем", "четвертом", "пятом", "шестом", "седьмом", "восьмом", "девятом", "десятом")
_ORDINAL_EN = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def _words_where(pl: Placement, lang: str) -> str:
    """'в абзаце третьем примечания к статье 166' / 'in the third paragraph of the note to Article 166';
    'в части 1 статьи 166' / 'in part 1 of Article 166'."""
    law = pl.law
    p = law.by_eid[pl.target_eid or pl.article_eid]
    en = lang == "en"
    if p.kind == "note":
        lines = [ln for ln in p.text.split("\n") if ln.strip()]
        k = next((i for i, ln in enumerate(lines) if pl.old in ln), 0)
        note = f"the note to Article {pl.article_num}" if en else f"примечания к статье {pl.article_num}"
        if len(lines) > 1 and k < len(_ORDINAL):
            return f"in the {_ORDINAL_EN[k]} paragraph of {note}" if en else f"в абзаце {_ORDINAL[k]} {note}"
        return f"in {note}" if en else f"в примечании к статье {pl.article_num}"
    if p.kind == "paragraph":
        return f"in part {p.num} of Article {pl.article_num}" if en else f"в части {p.num} статьи {pl.article_num}"
    return f"in Article {pl.article_num}" if en else f"в статье {pl.article_num}"


def _words(pl: Placement, add: str, lang: str) -> Amendment:
    """Words struck from, or added to, a provision that stays: «слова "..." исключить»; «после слова "..."
    дополнить словами "..."»."""
    o, c = OPEN[lang], CLOSE[lang]
    where = _words_where(pl, lang)
    old = pl.old.strip()
    where = where[:1].upper() + where[1:]
    if not pl.new:
        en = f"{where}, the words {o}{old}{c} shall be deleted."
        instruction = en if lang == "en" else f"{where} слова {o}{old}{c} исключить."
        inserted = ""
    else:
        word = ("words" if " " in old else "word") if lang == "en" else ("слов" if " " in old else "слова")
        instruction = (
            f"{where}, after the {word} {o}{old}{c} (Russian text), insert the words {o}{add}{c}."
            if lang == "en"
            else f"{where} после {word} {o}{old}{c} дополнить словами {o}{add}{c}."
        )
        inserted = add
    current = render(pl.law, pl.article_eid, lang)
    p = pl.law.by_eid[pl.target_eid or pl.article_eid]
    before = _line(p, "ru").split("\n")
    changed = _line(replace(p, text=p.text.replace(pl.old, pl.new, 1)), "ru").split("\n")
    lines = current.split("\n")
    for a, b in zip(before, changed, strict=False):
        if a != b and a in lines:
            lines[lines.index(a)] = b
    return Amendment(inserted, instruction, current, "\n".join(lines))


def build(pl: Placement, heading: str, parts: tuple[str, ...], item: str, lang: str, add: str = "") -> Amendment:
    """The amendment for one placement; `parts`, `item` and `add` are already filled with the law's terms."""
    law = pl.law
    o, c = OPEN[lang], CLOSE[lang]
    if pl.unit == "words":
        return _words(pl, add, lang)
    if pl.unit == "article":
        inserted = _new_article(pl, heading, parts, lang)
        current = ""
        consolidated = inserted
        if lang == "en":
            where = f"Chapter {pl.chapter_num} shall" if pl.chapter_num else "The law shall"
            instruction = f"{where} be supplemented with Article {pl.num} reading as follows:\n{o}{inserted}{c}."
        else:
            where = f"Главу {pl.chapter_num} дополнить" if pl.chapter_num else "Дополнить"
            instruction = f"{where} статьей {pl.num} следующего содержания:\n{o}{inserted}{c}."
        return Amendment(inserted, instruction, current, consolidated)

    current = render(law, pl.article_eid, lang)
    body = " ".join(parts)
    if pl.unit == "part":
        inserted = f"{pl.num}. {body}"
        consolidated = _insert_after_children(law, pl.article_eid, "paragraph", inserted, lang)
        if lang == "en":
            instruction = (
                f"Article {pl.article_num} shall be supplemented with part {pl.num} reading as follows:\n"
                f"{o}{inserted}{c}."
            )
        else:
            instruction = f"Статью {pl.article_num} дополнить частью {pl.num} следующего содержания:\n{o}{inserted}{c}."
        return Amendment(inserted, instruction, current, consolidated)

    if pl.unit == "restate":
        art = law.by_eid[pl.article_eid]
        head = f"{ARTICLE_WORD[lang]} {art.num}." + (f" {art.heading}" if art.heading else "")
        rest = [line for _, line in _ordered(law, art.eid)[1:]]
        inserted = "\n".join([head, f"1. {art.text}", *rest, f"2. {body}"])
        consolidated = inserted.replace(head, _line(art, lang).split("\n")[0], 1) if lang == "en" else inserted
        if lang == "en":
            instruction = f"Article {art.num} shall be restated as follows:\n{o}{inserted}{c}."
        else:
            instruction = f"Статью {art.num} изложить в следующей редакции:\n{o}{inserted}{c}."
        return Amendment(inserted, instruction, current, consolidated)

    # item
    holder_eid = f"{pl.article_eid}__para_{pl.part_num}" if pl.part_num else pl.article_eid
    items = [p for p in law.children(holder_eid) if p.kind == "point"]
    last = items[-1] if items else None
    inserted = f"{pl.num}) {_item_text(item, last=True)}"
    if last is not None and pl.previous not in (None, last.num):
        fix_stop = True  # the previous item was added by an earlier draft of the batch and ends the list
    else:
        fix_stop = last is not None and last.text.rstrip().endswith(".")
    consolidated = _insert_after_children(
        law, holder_eid, "point", inserted, lang, fix_stop=fix_stop, root=pl.article_eid
    )
    if lang == "en":
        where = f"Part {pl.part_num} of Article {pl.article_num}" if pl.part_num else f"Article {pl.article_num}"
        steps = [f"in item {pl.previous}, the full stop shall be replaced by a semicolon;"] if fix_stop and last else []
        steps.append(f"it shall be supplemented with item {pl.num} reading as follows:\n{o}{inserted}{c}.")
        instruction = f"{where}:\n" + "\n".join(steps)
    else:
        where = f"Часть {pl.part_num} статьи {pl.article_num}" if pl.part_num else f"Статью {pl.article_num}"
        steps = [f"в пункте {pl.previous} точку заменить точкой с запятой;"] if fix_stop and last else []
        steps.append(f"дополнить пунктом {pl.num} следующего содержания:\n{o}{inserted}{c}.")
        instruction = f"{where}:\n" + "\n".join(steps)
    return Amendment(inserted, instruction, current, consolidated)


def _insert_after_children(
    law: Law, holder: str, kind: str, inserted: str, lang: str, fix_stop: bool = False, root: str | None = None
) -> str:
    """The rendered subtree of `root` (default `holder`) with `inserted` after the last `kind` child of `holder`."""
    root = root or holder
    kids = [p for p in law.children(holder) if p.kind == kind]
    inside = {p.eid for p in law.subtree(kids[-1].eid)} if kids else {holder}
    ordered = _ordered(law, root)
    # after the last line of the last unit's subtree: a part's sanction, printed after its items, included
    last = max((i for i, (p, _) in enumerate(ordered) if p.eid in inside), default=len(ordered) - 1)
    lines = []
    for i, (p, line) in enumerate(ordered):
        if fix_stop and kids and p.eid == kids[-1].eid and line.endswith("."):
            line = line[:-1] + ";"
        lines.append(line)
        if i == last:
            lines.append(inserted)
    return "\n".join(lines)
