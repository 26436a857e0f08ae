"""The words laws use to cite provisions, per language: level nouns, numbers, law names.

Reads: nothing. Writes: the patterns lawgap.refs.find uses.

Kept apart from `lawgap.refs.find` so that a new drafting variant changes a pattern here, not the
scanner. Each pattern names the level of the law's tree it points at, using the provision kinds
of lawgap.model ("article" for an article or a common-law section, "paragraph" for a part of an
article or a subsection, "point" for an item or a clause, "subpoint" below it), plus "indent"
for an unnumbered paragraph of text ("абзац"), which has no provision of its own.
"""

from __future__ import annotations

from lawgap.structure.ordinals import (  # noqa: F401 (re-exported for lawgap.refs.find and .numbers)
    EN_ORDINAL,
    KY_ORDINAL,
    RU_ORDINAL,
    en_ordinal_value,
    ky_ordinal_value,
    ru_ordinal_value,
)
from lawgap.vocab import CRIMINAL_CODE, CRIMINAL_PROCEDURE_CODE

# Outermost first; a chain of levels always goes from one level to a deeper one (or back).
LEVEL_ORDER = {
    "book": 0,
    "part": 1,
    "section": 2,
    "chapter": 3,
    "article": 4,
    "paragraph": 5,
    "point": 6,
    "subpoint": 7,
    "indent": 8,
}

# Provision kinds a level may be matched to, in preference order (common-law grammars may name
# a subsection "paragraph" or "subsection"; a clause "point" or "clause").
LEVEL_KINDS = {
    "book": ("book",),
    "part": ("part",),
    "section": ("section",),
    "chapter": ("chapter",),
    "article": ("article", "section"),
    "paragraph": ("paragraph", "subsection"),
    "point": ("point", "clause"),
    "subpoint": ("subpoint", "subclause"),
}

# --------------------------------------------------------------------------------------------
# Russian
# --------------------------------------------------------------------------------------------

# Level nouns with their case endings spelled out, so that "частный", "статус", "главный" or
# "пунктуальный" never match. Longest alternatives first.
RU_NOUNS: tuple[tuple[str, str], ...] = (
    ("subpoint", r"подпункт(?:ами|ах|ам|ов|ом|ы|а|у|е)?|подп\.|пп\."),
    ("point", r"пункт(?:ами|ах|ам|ов|ом|ы|а|у|е)?|п\."),
    ("paragraph", r"част(?:ями|ях|ям|ью|ей|ь|и)|ч\."),
    ("article", r"стать(?:ями|ях|ям|ей|ею|я|и|е|ю)|статей|ст\."),
    ("chapter", r"глав(?:ами|ах|ам|ой|ою|а|ы|е|у)?|гл\."),
    ("section", r"раздел(?:ами|ах|ам|ов|ом|ы|а|у|е)?"),
    ("indent", r"абзац(?:ами|ах|ам|ев|ем|ы|а|у|е)?"),
)

# One number as printed: 166, 71-1, 127.1, «а», a Roman numeral (sections), or an ordinal word.
# Roman numerals may be typed with the Cyrillic look-alikes Х and І ("раздел ХII").
ROMAN = r"(?-i:[IVXLCХІ]+)(?![а-яёА-ЯЁA-Za-zөүңӨҮҢ])"
# Kazakh drafting prints items with their bracket ("подпунктах 1)-18)"); Russian federal drafting
# quotes letters with straight quotes ('пунктами "а" - "в"').
RU_ATOM = r"(?:\d+(?:[.\-]\d+)*\)?|[«\"][а-яёa-z][»\"]|" + ROMAN + r"|" + RU_ORDINAL + r")"
# Separators inside a list of numbers: "1, 11–13 и 15", "166, 167", "4 по 7".
RU_LIST_SEP = (
    r"(?:\s*,\s*(?:(?:а\s+также|и|или|либо)\s+)?|\s+(?:и\s*\(или\)|и|или|либо)\s+|\s*[–—]\s*|\s+-\s+|(?<=\))-|\s+по\s+)"
)
RU_NUMS = RU_ATOM + r"(?:" + RU_LIST_SEP + RU_ATOM + r")*"

# "настоящей статьи", "настоящего пункта": the level of the citing provision itself.
RU_THIS: tuple[tuple[str, str], ...] = (
    ("law", r"настоящ(?:его|ему|им|ем|ий)\s+(?:[Кк]одекс(?:а|у|ом|е)?|[Зз]акон(?:а|у|ом|е)?)"),
    ("article", r"настоящ(?:ей|ую|ая)\s+стать(?:ей|ею|и|е|ю|я)"),
    ("paragraph", r"настоящ(?:ей|ую|ая)\s+част(?:ью|и|ь)"),
    ("point", r"настоящ(?:его|ему|им|ем|ий)\s+пункт(?:ом|а|у|е)?"),
    ("subpoint", r"настоящ(?:его|ему|им|ем|ий)\s+подпункт(?:ом|а|у|е)?"),
    ("chapter", r"настоящ(?:ей|ую|ая)\s+глав(?:ой|ою|ы|е|у|а)"),
    ("section", r"настоящ(?:его|ему|им|ем|ий)\s+раздел(?:ом|а|у|е)?"),
)

_RU_STATE = (
    r"(?:\s+(?:Кыргызской\s+Республики|КР|Республики\s+Казахстан|РК|Российской\s+Федерации|РФ|"
    r"Республики\s+Таджикистан|Республики\s+Узбекистан|Туркменистана))?"
)
_RU_CODE = r"[Кк]одекс(?:а|у|ом|е)?"

# Other laws by name -> the `kind` a loaded Law carries (lawgap.parsers.detect). Longest forms first.
RU_LAWS: tuple[tuple[str, str], ...] = (
    (CRIMINAL_PROCEDURE_CODE, r"Уголовно-процессуальн(?:ого|ому|ым|ом|ый)\s+" + _RU_CODE + _RU_STATE),
    ("penal_enforcement_code", r"Уголовно-исполнительн(?:ого|ому|ым|ом|ый)\s+" + _RU_CODE + _RU_STATE),
    (
        "civil_procedure_code",
        r"Гражданск(?:ого|ому|им|ом|ий)\s+процессуальн(?:ого|ому|ым|ом|ый)\s+" + _RU_CODE + _RU_STATE,
    ),
    (CRIMINAL_CODE, r"Уголовн(?:ого|ому|ым|ом|ый)\s+" + _RU_CODE + _RU_STATE),
    ("civil_code", r"Гражданск(?:ого|ому|им|ом|ий)\s+" + _RU_CODE + _RU_STATE),
    ("labour_code", r"Трудов(?:ого|ому|ым|ом|ой)\s+" + _RU_CODE + _RU_STATE),
    ("family_code", r"Семейн(?:ого|ому|ым|ом|ый)\s+" + _RU_CODE + _RU_STATE),
    ("tax_code", r"Налогов(?:ого|ому|ым|ом|ый)\s+" + _RU_CODE + _RU_STATE),
    ("offences_code", _RU_CODE + _RU_STATE + r"\s+о\s+правонарушениях"),
    ("misdemeanours_code", _RU_CODE + _RU_STATE + r"\s+о\s+проступках"),
    ("administrative_offences_code", _RU_CODE + _RU_STATE + r"\s+об\s+административных\s+правонарушениях"),
    ("constitution", r"Конституци(?:и|ей|ю|я)" + _RU_STATE),
    (CRIMINAL_PROCEDURE_CODE, r"УПК" + _RU_STATE),
    (CRIMINAL_CODE, r"УК" + _RU_STATE),
    # A statute by its title: "Закона Кыргызской Республики «О ...»"; the title identifies it.
    (
        "statute",
        r"(?:[Фф]едеральн(?:ого|ому|ым|ом)\s+)?[Зз]акон(?:а|у|ом|е)?" + _RU_STATE + r"\s+[«\"][^»\"\n]{3,200}[»\"]",
    ),
)

# --------------------------------------------------------------------------------------------
# Kyrgyz: the cited law and levels come first, each in the genitive ("ушул Кодекстин
# 346-беренесинин 1-бөлүгүнүн 1, 2, 4-пункттарында"), the number joined to the noun by a hyphen.
# --------------------------------------------------------------------------------------------

KY_NOUNS: tuple[tuple[str, str], ...] = (
    ("subpoint", r"пунктча\w*"),
    ("point", r"пункт(?:у|т|а|ка|тар|тер)\w*|пункт"),
    ("paragraph", r"бөлүг\w*|бөлүк\w*"),
    ("article", r"берене\w*"),
    ("chapter", r"глава\w*"),
    ("section", r"бөлүм\w*"),
    ("indent", r"абзац\w*"),
)
KY_LIST_SEP = r"(?:\s*,\s*|\s+(?:жана|же|ошондой\s+эле)\s+|\s*[–—]\s*)"
# "346-", "71-1-", "260-263, 267-271-": the hyphen before the noun closes the list.
KY_NUMS_HYPHEN = r"\d+(?:-\d+)*(?:" + KY_LIST_SEP + r"\d+(?:-\d+)*)*"
# Letters and ordinals stand apart from the noun: "«а» жана «б» пунктчаларында", "экинчи абзацында".
# Roman numerals name sections: "ушул Кодекстин X бөлүмүндө".
_KY_WORD_ATOM = r"(?:«[а-яөүңa-z]»|" + KY_ORDINAL + r"|" + ROMAN + r")"
KY_NUMS_WORD = _KY_WORD_ATOM + r"(?:" + KY_LIST_SEP + _KY_WORD_ATOM + r")*"

KY_THIS: tuple[tuple[str, str], ...] = (
    ("law", r"(?:[Уу]шул|[Бб]ул)\s+(?:[Кк]одекс|[Мм]ыйзам)\w*"),
    ("article", r"(?:[Уу]шул|[Бб]ул)\s+берене\w*"),
    ("paragraph", r"(?:[Уу]шул|[Бб]ул)\s+(?:бөлүг|бөлүк)\w*"),
    ("subpoint", r"(?:[Уу]шул|[Бб]ул)\s+пунктча\w*"),
    ("point", r"(?:[Уу]шул|[Бб]ул)\s+пункт\w*"),
    ("chapter", r"(?:[Уу]шул|[Бб]ул)\s+глава\w*"),
    ("section", r"(?:[Уу]шул|[Бб]ул)\s+бөлүм\w*"),
)

_KY_STATE = r"(?:Кыргыз\s+Республикасынын\s+)?"
_KY_CODE = r"[Кк]одекс\w*"
KY_LAWS: tuple[tuple[str, str], ...] = (
    (CRIMINAL_PROCEDURE_CODE, _KY_STATE + r"Кылмыш-жаза\s+процесс(?:тик|уалдык)\s+" + _KY_CODE),
    ("penal_enforcement_code", _KY_STATE + r"Кылмыш-аткаруу\s+" + _KY_CODE),
    (CRIMINAL_CODE, _KY_STATE + r"Кылмыш-жаза\s+" + _KY_CODE),
    ("civil_procedure_code", _KY_STATE + r"Гра(?:ж|жд)дандык\s+процесстик\s+" + _KY_CODE),
    ("civil_code", _KY_STATE + r"Гра(?:ж|жд)дандык\s+" + _KY_CODE),
    ("offences_code", _KY_STATE + r"Укук\s+бузуулар\s+жөнүндө\s+" + _KY_CODE),
    ("constitution", _KY_STATE + r"Конституция\w*"),
)

# --------------------------------------------------------------------------------------------
# English (common-law drafting)
# --------------------------------------------------------------------------------------------

EN_NOUNS: tuple[tuple[str, str], ...] = (
    ("article", r"[Ss]ections?|ss?\.|[Aa]rticles?|[Aa]rts?\."),
    # civil-law codes in English: "part one of this Article" is a part of an article, not a Part of an Act
    ("paragraph", r"[Ss]ub-?\s?sections?|[Ss]ubss?\.|parts?"),
    ("subpoint", r"[Ss]ub-?\s?clauses?|[Ss]ub-?\s?paragraphs?"),
    # "items 6 and 7 of part 2 of this Article": the items of a part, as civil-law codes in English number them
    ("point", r"[Cc]lauses?|[Pp]aragraphs?|[Pp]aras?\.|[Ii]tems?"),
    ("chapter", r"Chapters?"),
    ("part", r"Parts?"),
    ("book", r"Schedules?"),
)
# "3", "3A", "369-A", "3(1)(a)", "(2)", "(b)", "V-A" (chapters and parts).
# A civil-law code in English prints an item's number as "7)": "subparagraphs 7) and 8) of part one".
EN_ATOM = (
    r"(?:\d+[A-Z]?(?:-[A-Z])?(?:\s?\([0-9a-z]{1,6}\))*(?:\)(?=\s*(?:,\s*|and\s+|or\s+)\d+\)|\s+of\s))?|\([0-9a-z]{1,6}\)|"
    r"[IVXL]+(?:-[A-Z])?\b|" + EN_ORDINAL + r")"
)
EN_LIST_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+|\s*[–—-]\s*)"
EN_NUMS = EN_ATOM + r"(?:" + EN_LIST_SEP + EN_ATOM + r")*"

EN_THIS: tuple[tuple[str, str], ...] = (
    ("law", r"this\s+(?:Act|Ordinance|Code|Law|Regulation|Order|Protocol|Convention)"),
    ("article", r"this\s+(?:section|[Aa]rticle)"),
    ("paragraph", r"this\s+sub-?\s?section"),
    ("subpoint", r"this\s+sub-?\s?(?:clause|paragraph)"),
    ("point", r"this\s+(?:clause|paragraph)"),
    ("chapter", r"this\s+Chapter"),
    ("part", r"this\s+Part"),
)
EN_LAWS: tuple[tuple[str, str], ...] = (
    (CRIMINAL_PROCEDURE_CODE, r"the\s+Code\s+of\s+Criminal\s+Procedure(?:,?\s+1898)?(?:\s+\(Act\s+V\s+of\s+1898\))?"),
    (CRIMINAL_CODE, r"the\s+(?:Pakistan\s+)?Penal\s+Code(?:,?\s+1860)?(?:\s+\(Act\s+XLV\s+of\s+1860\))?"),
    ("constitution", r"the\s+Constitution(?:\s+of\s+the\s+Islamic\s+Republic\s+of\s+Pakistan)?"),
    ("statute", r"the\s+(?:[A-Z][\w()'-]*\s+){1,12}(?:Act|Ordinance)(?:,?\s+\d{4})?"),
)
