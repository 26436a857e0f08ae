"""What a provision inherits from the words above it.

Reads: a LawIndex (headings, lead-ins, qualified parts). Writes: provisions excluded or aggravating.

An article's heading frames all of it: "Права и обязанности подозреваемого" is about the suspect,
"Отвод переводчика" about removing an interpreter, so nothing in them is evidence of a protection
owed to victims and witnesses, whatever words they share with it.

An item of a list means nothing without its lead-in: in "The rules made under this Act may specify
circumstances in which the Court may— (d) use a pseudonym" the limit sits in the parent, not in
item (d). And a qualified part of an offence ("Те же деяния, совершенные: ... 3) с изъятием
документов") makes what it lists aggravating circumstances, not offences of their own. The
matcher asks this module for both, so that a limitation is seen wherever a lawyer would see it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from lawgap.rules.cues import Cue, compile_cue

if TYPE_CHECKING:
    from lawgap.assess.index import LawIndex, Seq

# Words that open a qualified (aggravated) part of an offence, or name a list of aggravating
# circumstances in a heading. Written in the cue language (lawgap.rules.cues).
_AGGRAVATING_LEAD = {
    "ru": (
        "то|тот же деяние|действие",
        "те|тот же деяние|действие",
        "деяние|действие ~4 предусмотреть|предусмотренный ~2 часть",
    ),
    "ky": (
        "ошол эле жосун*|аракет*",
        "ушул берене* ~4 бөлүг* ~3 каралган|көрсөтүлгөн",
    ),
    "en": (
        "the same act ~1 commit",
        "where ~2 offence under section ~2 involve",
        "act ~3 provide ~6 paragraph|part",
        "aggravate",
        "aggravating",
    ),
}
_AGGRAVATING_HEADING = {
    "ru": ("отягчать|отягчающий обстоятельство", "обстоятельство отягчать|отягчающий"),
    "ky": ("оордотуучу жагдай*",),
    "en": ("aggravate", "aggravating"),
}
# Headings that name only persons other than victims and witnesses (the suspect, the accused, the
# convicted, defence counsel), headings about removing someone from the case (recusal,
# disqualification) and headings that only list the legislation on the subject.
_OTHER_PERSONS = {
    "ru": ("подозревать|обвинять|осудить|защитник|подсудимый",),
    "ky": ("шектүү*|айыпталуучу*|соттолгон*|жактоочу*",),
    "en": ("accuse|suspect",),
}
# The Kyrgyz witness by its case forms: the stem "күбө*" would also read "күбөлөндүрүү" (a bodily
# examination) and "күбөлүк" (a certificate).
_KY_WITNESS = "күбө|күбөнүн|күбөнү|күбөгө|күбөдөн|күбөдө|күбөсү*|күбөлөр*"
_PROTECTED_PERSONS = {
    "ru": ("потерпевший|потерпеть|жертва|свидетель|участник|участвовать",),
    "ky": (f"жабырлануучу*|{_KY_WITNESS}|катышуучу*|курман*",),
    "en": ("victim|witness",),
}
# The victim or a witness named in an article's text: it stays, even in a chapter on offenders.
_VICTIM_OR_WITNESS = {
    "ru": ("потерпевший|потерпеть|жертва|свидетель",),
    "ky": (f"жабырлануучу*|{_KY_WITNESS}|курман*",),
    "en": ("victim|witness",),
}
# Articles that put the law into force or settle its transition ("Порядок введения в действие настоящего
# Кодекса", "Переходные положения"): they cite other articles, they give nobody a right.
_FINAL_PROVISIONS = {
    "ru": ("введение в действие", "переходный положение", "заключительный ~2 положение", "вступление в сила"),
    "ky": ("күчүнө кир*", "өткөөл жобо*", "корутунду ~2 жобо*"),
    "en": ("commencement", "transitional provision", "entry into force", "final provision"),
}
_LIABILITY = {"ru": ("ответственность",), "ky": ("жоопкерчилик*",), "en": ("liability|responsibility",)}
# A "witness with the right to defence" is a person under suspicion, whatever the heading's first word says.
_QUASI_SUSPECT = {"ru": ("свидетель ~4 право на защита",), "ky": (), "en": ("witness ~4 right to ~2 defence",)}
_REMOVAL = {
    "ru": ("отвод", "отстранение от участие|должность", "исключать участие", "законодательство"),
    "ky": ("четтет*", "катышуу* ~2 жокко чыгар*", "мыйзамдары"),
    "en": ("disqualification", "recusal"),
}
# Chapters on proceedings against children who offended ("о преступлениях, совершенных детьми,
# находящимися в конфликте с законом") or on compulsory medical measures for a person who acted
# while insane: their safeguards (a lawyer, an interpreter) are that person's, never the victim's.
_OFFENDER_CHAPTERS = {
    "ru": (
        "совершить|совершённый|совершенный ~1 ребёнок|несовершеннолетний",
        "конфликт с закон",
        "принудительный мера медицинский характер",
    ),
    "ky": ("балдар* жасаган кылмыш*", "мыйзам менен чатагы бар", "медициналык мүнөздөгү мажбурлоо"),
    "en": ("child|juvenile ~2 conflict with ~1 law", "juvenile offender"),
}
LEAD_WINDOW = 8  # tokens: the lead-in opens the part's own text
_LEAD_ENDINGS = (":", "—", "–", "-")


def _compiled(table: dict[str, tuple[str, ...]], language: str) -> tuple[Cue, ...]:
    return tuple(compile_cue(c, language) for c in table.get(language, ()))


def aggravating_provisions(index: LawIndex) -> dict[str, str]:
    """The provisions that are, or sit inside, an aggravated part of an offence, each with the
    words that make it one, as printed ("Те же деяния, совершенные", "Aggravating circumstances")."""
    language = index.law.language
    # what the structure stage knows (Provision.qualified) first; the cues below find the rest
    marked: dict[str, str] = {p.eid: opening_words(p.text) for p in index.law.provisions if p.qualified}
    for field, table in (("text", _AGGRAVATING_LEAD), ("heading", _AGGRAVATING_HEADING)):
        for cue in _compiled(table, language):
            for seq, i, end in index.find(cue):
                if seq.field == field and (field == "heading" or i < LEAD_WINDOW) and seq.eid not in marked:
                    p = index.law.by_eid[seq.eid]
                    source = (p.heading if field == "heading" else p.text) or ""
                    words = source[seq.data.offsets[2 * i] : seq.data.offsets[2 * end - 1]]
                    marked[seq.eid] = " ".join(words.split())
    if not marked:
        return {}
    for p in index.law.provisions:
        if p.parent in marked and p.eid not in marked:
            marked[p.eid] = marked[p.parent]  # document order: a parent is seen before its children
    return marked


def opening_words(text: str, words: int = 6) -> str:
    """A part's opening words as printed, up to its colon or dash ("Те же деяния, совершенные")."""
    head = text.split("\n", 1)[0]
    for end in _LEAD_ENDINGS:
        cut = head.find(end + " ") if end != ":" else head.find(end)
        if cut > 0:
            head = head[:cut]
    return " ".join(head.split()[:words]).rstrip(",;")


def excluded_articles(index: LawIndex) -> frozenset[str]:
    """Articles whose heading says they are about other persons (a witness with the right to defence is one) or
    about removing someone from the case, the articles that put a law into force or settle its transition, and
    the articles of chapters on child offenders or compulsory medical measures that name no victim or witness:
    no evidence for a rule about victims, witnesses or the offences against them."""
    language = index.law.language

    def headings(table: dict[str, tuple[str, ...]]) -> set[str]:
        return {
            seq.eid for cue in _compiled(table, language) for seq, _i, _end in index.find(cue) if seq.field == "heading"
        }

    others = (headings(_OTHER_PERSONS) - headings(_PROTECTED_PERSONS)) | headings(_QUASI_SUSPECT)
    law = index.law
    # a chapter of final provisions often holds the law's liability article ("Статья 39. Ответственность за
    # нарушение настоящего Закона"): that one stays
    liable = headings(_LIABILITY)
    final = {
        p.eid
        for heading in headings(_FINAL_PROVISIONS)
        for p in (law.subtree(heading) if not law.is_article_level(law.by_eid[heading]) else (law.by_eid[heading],))
        if p.eid not in liable
    }
    # an article of such a chapter that names the victim or a witness (their confidentiality) stays
    naming_protected = {
        index.article_of[seq.eid]
        for cue in _compiled(_VICTIM_OR_WITNESS, language)
        for seq, _i, _end in index.find(cue)
        if seq.field == "text"
    }
    inside = {
        p.eid
        for chapter in headings(_OFFENDER_CHAPTERS)
        if not law.is_article_level(law.by_eid[chapter])
        for p in law.subtree(chapter)
    } - naming_protected
    # "Законодательство о ..." lists the laws of a field and grants nothing; "Ответственность за нарушение
    # законодательства ..." is the liability article, which stays
    excluded = others | (headings(_REMOVAL) - liable) | inside | final
    return frozenset(eid for eid in excluded if law.is_article_level(law.by_eid[eid]))


class PersonCues:
    """The cues that tell a passage about other persons from one about victims and witnesses."""

    def __init__(self, language: str):
        self.others = _compiled(_OTHER_PERSONS, language)
        self.protected = _compiled(_PROTECTED_PERSONS, language)

    def only_others(self, lemmas: tuple[str, ...]) -> bool:
        """The words name the suspect, the accused or their counsel, and no victim or witness."""
        return any(c.find(lemmas) for c in self.others) and not any(c.find(lemmas) for c in self.protected)


def lead_in_sentences(index: LawIndex, eid: str) -> Iterable[tuple[str, tuple[int, int]]]:
    """The parent's sentences that introduce a list (end with a colon or a dash), as (eid, span),
    when the provision is an item of that list. A lead-in ends at its line: where the paragraph after the list
    was joined to the lead-in ("... меры безопасности:\nПереезд ..."), the sentence splitter sees one sentence,
    and only its first line introduces the list."""
    p = index.law.by_eid[eid]
    if not p.parent or index.article_of.get(p.parent) != index.article_of[eid]:
        return
    parent = index.law.by_eid[p.parent]
    for start, end in index.analyses[parent.eid].sentences:
        if parent.text[start:end].rstrip().endswith(_LEAD_ENDINGS):
            yield parent.eid, (start, end)
            continue
        line_end = parent.text.find("\n", start, end)
        if line_end > start and parent.text[start:line_end].rstrip().endswith(_LEAD_ENDINGS):
            yield parent.eid, (start, line_end)


# An item of a list printed inside one provision's text: "— medical assistance ...;", "- ...", "а) ...", "2) ..."
_INLINE_ITEM = re.compile(r"^\s*(?:[-–—•]|\d{1,2}\)|[а-яa-z]\))\s")


def inline_lead_in(index: LawIndex, seq: Seq, sentence: tuple[int, int]) -> list[tuple[Seq, tuple[int, int]]]:
    """The sentence that opens a list run inside one provision's text (Uzbek and Tajik parts with dash items:
    "Victims ... who are citizens ... shall be provided with:\n— temporary accommodation ...;\n— medical assistance
    ..."), as (its field, span), when the hit's sentence is one of its items: the lead-in's persons and conditions
    bind every item, as lead_in_sentences gives them to items printed as provisions of their own."""
    if seq.field != "text":
        return []
    text = seq.data.source
    if not _INLINE_ITEM.match(text[sentence[0] : sentence[1]]):
        return []
    for span in reversed([s for s in index.analyses[seq.eid].sentences if s[1] <= sentence[0]]):
        chunk = text[span[0] : span[1]]
        if chunk.rstrip().endswith(_LEAD_ENDINGS):
            return [(seq, span)]
        if not _INLINE_ITEM.match(chunk):
            return []
    return []


def opening_sentence(index: LawIndex, article: str) -> list[tuple[Seq, tuple[int, int]]]:
    """The first sentence of an article's text, as (its field, span): where the article grants what its heading
    names. Empty when the article has no text of its own or of its first part."""
    law = index.law
    for p in law.provisions[provision_order(index)[article] :]:
        if index.article_of.get(p.eid) != article:
            break
        seq = index.seq_of.get((p.eid, "text"))
        if seq is not None and index.analyses[p.eid].sentences:
            return [(seq, index.analyses[p.eid].sentences[0])]
    return []


# A sentence that carries on the one before it: "В этом случае следователь ... указывает псевдоним" gives the
# pseudonym only in the case the sentence before describes ("По делам о тяжких и особо тяжких преступлениях ...
# следователь вправе ...").
_CONTINUES = re.compile(
    r"^\W*(?:в\s+(?:этом|таком|указанном|данном)\s+случае|в\s+(?:этих|таких|указанных|данных)\s+случаях"
    r"|мындай\s+учурда|бул\s+учурда|ушул\s+учурда"
    r"|in\s+(?:that|this|such\s+a|which)\s+case|in\s+(?:such|these|those)\s+cases)\b",
    re.IGNORECASE,
)


def continued_sentence(index: LawIndex, seq: Seq, sentence: tuple[int, int]) -> list[tuple[Seq, tuple[int, int]]]:
    """The sentence a hit's sentence carries on ("В этом случае ..."), as (its field, span): the one before it in
    the same provision, or the last of the part before it in the same article. Empty for any other sentence."""
    if seq.field != "text" or not _CONTINUES.match(seq.data.source[sentence[0] : sentence[1]]):
        return []
    earlier = [s for s in index.analyses[seq.eid].sentences if s[1] <= sentence[0]]
    if earlier:
        return [(seq, earlier[-1])]
    law, order = index.law, provision_order(index)
    at = order.get(seq.eid, 0)
    if at == 0:
        return []
    before = law.provisions[at - 1]
    if index.article_of.get(before.eid) != index.article_of.get(seq.eid) or before.eid == index.article_of.get(seq.eid):
        return []
    prev = index.seq_of.get((before.eid, "text"))
    if prev is None or not index.analyses[before.eid].sentences:
        return []
    return [(prev, index.analyses[before.eid].sentences[-1])]


def provision_order(index: LawIndex) -> dict[str, int]:
    """Each provision's position in its law, worked out once per law."""
    order = index.memo.get("order")
    if not isinstance(order, dict):
        order = index.memo["order"] = {p.eid: k for k, p in enumerate(index.law.provisions)}
    return order
