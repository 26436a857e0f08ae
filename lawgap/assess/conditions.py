"""What limits one provision: the conditions, requests and discretion it depends on, the result or the gravity it
requires, and the kind of every limiting word.

Reads: the lemmas of a hit's sentence (and of the lead-in of its list). Writes: `Limitation`s of a kind of
vocab.LIMITATION_KINDS, each in the law's own words.

A measure the law gives only "по ходатайству прокурора", "by order of the court", "provided that ..." or
"where the rules so specify" is not the measure a mandatory rule asks for: it is partial, and the finding
says which words limit it. The protected person's own request is no limit ("at the request of the victim",
"по их обращению": the victim decides). A power of a court or a body ("суд вправе", "the Government may") limits
a mandatory measure the victim is owed (shelter, a reflection period, no detention of a child), not an optional
one ("may include", UNTOC 24(2)), and not one the instruments ask only to be possible: a court that "may order
the offender to compensate the victim" gives the possibility of compensation (TIP 6(6), UNTOC 25(2)), a
prosecutor who may waive a penalty the possibility of not punishing the victim (COE 26). An offence that needs a result
("причинившее по неосторожности тяжкий вред") or a perpetrator of a kind ("стали известны в связи с его
служебной деятельностью", KG CC 353) punishes less than the rule asks, and a measure only for offences
"небольшой или средней тяжести" reaches few trafficking cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lawgap.rules.cues import Cue, compile_cue

# Kinds whose cues apply to every rule, those that limit only a mandatory obligation, and those that
# narrow an offence (read in the basic part of an offence only: in a qualified part they aggravate).
_ANY_RULE = ("gravity",)
_MANDATORY_ONLY = ("request", "condition", "discretion")
# Rules met by defining or punishing an offence: a hit there is read as an offence, not as a measure.
OFFENCE_CATEGORIES = frozenset({"criminalisation", "definition"})
# Rules on measures that protect or help the victim or witness in a case: limited by the gravity of the case
PROTECTION_CATEGORIES = frozenset({"witness_protection", "privacy", "participation", "assistance", "children"})
# Rules about children as such, in these categories (a rule whose targets include children): an age limit under
# eighteen leaves some of them out
CHILD_RULE_CATEGORIES = frozenset({"children", "definition", "privacy", "criminalisation"})
# Rules whose instruments ask for a possibility, which a power to grant it gives (see above).
POSSIBILITY_CATEGORIES = frozenset({"compensation", "non_punishment"})
_OFFENCE_ONLY = ("result", "persons")
# Rules on help and on a right to stay that are the victim's own, whatever his part in a case and whatever the
# instrument's verb: given on a condition, or only to a person with a procedural status, they are given in part
# (a permit "при одновременном соблюдении следующих условий", one of them the victim's cooperation, as COE 14(1)(b)
# allows but a gap analysis still names).
RESIDENCE_RETURN = "residence_return"
ROLE_FREE_CATEGORIES = frozenset({"assistance", RESIDENCE_RETURN})
# help or a stay for a limited time only, the one kind read across the sentences of an article
# (lawgap.assess.durations)
TIME_LIMIT = "time_limit"

_AUTHORITIES = "суд|судья|следователь|прокурор|орган|правительство|дознаватель|руководитель"
_PARTIES = "прокурор|следователь|дознаватель|орган|сторона|защитник|обвиняемый|подозреваемый|руководитель|начальник"
_EN_AUTHORITIES = (
    "court|government|authority|officer|unit|board|commission|minister|police|tribunal|magistrate|investigator|prosecutor"
)
_EN_PARTIES = "prosecutor|police|officer|government|accused|defence|defense|party|board|unit|authority|commission"
CUES = {
    "request": {
        "ru": (f"по ~1 ходатайство|представление|запрос|требование ~3 {_PARTIES}",),
        "ky": ("прокурор*|тергөөчү*|тарап* ~2 өтүнүч*|сунуш* боюнча",),
        "en": (f"at|on|upon ~1 the ~1 request|application|motion of ~2 {_EN_PARTIES}",),
    },
    "condition": {
        "ru": (
            "по ~1 решение|постановление|определение ~1 суд|судья",
            "с ~1 разрешение|санкция ~2 суд|судья|прокурор",
            "при условие",
            # what the budget or the places allow: "в пределах средств", "при наличии свободных мест"
            "в ~1 предел ~3 средство|ассигнование|бюджет",
            "при ~1 наличие ~2 возможность|место|средство",
            "по ~1 мера ~1 возможность",
            "при ~3 соблюдение|наличие ~2 следующий ~1 условие",
            # the cases another law sets: "в случаях, порядке и размерах, которые установлены Законом ..."
            "в ~1 случай ~5 установить|предусмотреть|определить ~2 закон|законодательство",
        ),
        "ky": ("сот* ~2 чечим*|токтом* боюнча", "шартында", "каражат* ~2 чегинде"),
        "en": (
            "provide that",  # printed "provided that" (PRINTED below)
            "subject to",
            "rule ~4 may specify|prescribe|provide",
            "where|if ~2 rule ~2 so ~1 specify|provide",
            "by ~1 order of ~2 court",
            "with ~1 the ~1 approval|permission|leave of",
            "within ~3 limit of ~4 fund|budget|appropriation",
            "if|where ~2 there ~1 be ~2 vacant|available ~1 place",
            "where ~2 be ~1 possible",
            "subject to availability",
            "if ~3 following ~1 condition",
            "subject to ~2 following ~1 condition",
            "in ~1 the ~1 case ~5 provide|establish|specify|prescribe ~3 law|legislation",
        ),
    },
    "discretion": {
        "ru": (f"{_AUTHORITIES} ~3 вправе|мочь",),
        "ky": ("сот|тергөөчү*|прокурор*|орган* ~4 укуктуу",),
        "en": (f"{_EN_AUTHORITIES} ~3 may",),
    },
    "result": {
        "ru": ("причинить|повлечь|причинение|повлёкший|повлекший ~4 вред|смерть|последствие|ущерб",),
        "ky": ("залал* ~2 келтир*", "алып келген"),
        "en": ("result|resulting|cause|causing in ~3 harm|death|injury", "cause|causing ~3 harm|damage|death|injury"),
    },
    "gravity": {
        "ru": ("небольшой ~3 тяжесть", "средний тяжесть", "менее тяжкий"),
        "ky": ("анча оор эмес", "коркунучтуулугу аз"),
        "en": ("minor|petty offence", "minor ~3 gravity", "medium gravity", "less grave"),
    },
    # help only for a person with a procedural status: "признанному потерпевшим по уголовному делу",
    # "participants in criminal proceedings" (COE 12(6): assistance is not to depend on it)
    "status": {
        "ru": (
            "признать|признанный ~2 потерпевший|свидетель ~4 уголовный ~1 дело|процесс|судопроизводство",
            "участвовать|участник|участие ~4 уголовный ~1 судопроизводство|процесс|дело",
        ),
        "ky": ("жабырлануучу ~2 деп ~1 таанылган*",),
        "en": (
            "recognise|recognize ~3 victim|witness ~4 criminal ~1 case|proceeding",
            "participant|participate|participating ~4 criminal ~1 proceeding|case",
        ),
    },
    # an exemption or help only for the victim who reports or helps the investigation ("если оно добровольно
    # сообщило о совершенном", "if he or she voluntarily reports it ... and actively contributes to the
    # detection"): COE 12(6) and 26 ask for neither to depend on it
    "cooperation": {
        "ru": (
            "если ~4 добровольно ~3 сообщить|заявить",
            "активно ~2 способствовать ~3 раскрытие|расследование",
            "при ~1 условие ~4 сотрудничество|содействие",
            "согласие ~2 на ~1 участие|сотрудничество ~3 процессуальный|уголовный|следственный",
            "сотрудничать ~3 с ~3 орган|следствие|правоохранительный",
        ),
        "ky": ("ыктыярдуу ~3 билдир*", "тергөө* ~3 көмөк* ~2 көрсөт*"),
        "en": (
            "if ~4 voluntarily ~3 report|inform|disclose",
            "actively ~2 contribute|assist ~3 detection|investigation",
            "cooperate ~3 with ~3 investigation|authority|prosecution",
            "agree|consent ~3 to ~2 cooperate|participate ~4 proceeding|investigation",
        ),
    },
    # a protection only in cases of grave crimes ("по делам о тяжких и особо тяжких преступлениях"): the
    # trafficking cases of lesser gravity are left out
    "grave_only": {
        "ru": ("тяжкий ~1 и|или ~1 особо ~1 тяжкий ~1 преступление", "только|лишь ~5 особо ~1 тяжкий ~1 преступление"),
        "ky": ("оор ~1 жана|же ~1 өзгөчө ~1 оор ~1 кылмыш*", "өзгөчө ~1 оор ~1 кылмыш* ~4 гана"),
        "en": (
            "grave ~1 and|or ~1 especially|particularly ~1 grave ~1 crime|offence",
            "only ~5 especially|particularly ~1 grave ~1 crime|offence",
        ),
    },
    # help or a stay for a limited time only ("Срок пребывания ... не может превышать тридцати дней", "на период до
    # тридцати календарных дней", "for a period of up to 30 days"): COE 12 and 13 ask help without such a term
    # and a recovery period of at least thirty days
    TIME_LIMIT: {
        "ru": (
            "не ~1 мочь ~2 превышать|превысить",
            "на ~1 срок|период ~2 до",
            "не ~1 более|свыше ~3 день|месяц|сутки|год",
        ),
        "ky": ("ашпа*", "күн*|айга|айдан ~1 чейин*"),
        "en": (
            "not ~1 exceed",
            "up to ~3 day|month|year",
            "no|not ~1 more|longer ~1 than ~3 day|month|year",
        ),
    },
    # a measure for children only below an age under eighteen ("не достигших четырнадцатилетнего возраста",
    # "who has not attained the age of sixteen years"): the older children are left out
    "age": {
        "ru": (
            "не ~1 достигнуть|достигший ~2 четырнадцатилетний|шестнадцатилетний|четырнадцать|шестнадцать",
            "до ~1 четырнадцатилетний|шестнадцатилетний ~1 возраст",
        ),
        "ky": ("он ~1 төрт|алты ~1 жаш*",),
        "en": (
            "not ~1 attain|reach ~3 age of ~1 fourteen|sixteen|14|16",
            "under ~1 the ~1 age of ~1 fourteen|sixteen|14|16",
        ),
    },
    # an offence only when repeated after an administrative penalty ("совершённое лицом, которое в течение года после
    # применения административного взыскания за такое же деяние"): the first act is no crime
    "prior_penalty": {
        "ru": ("после ~3 административный ~1 взыскание|наказание", "административный ~1 преюдиция"),
        "ky": ("административдик ~1 жаза* ~4 кийин*",),
        "en": ("after ~4 administrative ~1 penalty|sanction|punishment",),
    },
    # help only for the state's own citizens ("детям — жертвам торговли людьми, являющимся гражданами Республики
    # Узбекистан", "Local executive bodies may provide citizens of the Republic of Kazakhstan"): foreign victims are
    # left out (none where the sentence names foreigners too, see stands)
    "citizens": {
        "ru": ("гражданин ~1 республика|туркменистан|кыргызский|российский|азербайджанский",),
        "ky": ("кыргыз ~1 республикасынын ~1 жаран*",),
        "en": ("citizen|national ~2 of ~1 the ~1 republic|kyrgyz", "citizen|national ~2 of ~1 turkmenistan"),
    },
    "persons": {
        "ru": ("в связь с ~2 служебный|профессиональный ~1 деятельность|обязанность|положение",),
        "ky": ("кызмат* ~3 байланыштуу",),
        "en": ("in ~1 the ~1 course of ~2 duty|employment|office",),
    },
}

# Cues whose lemmas also read a plain verb: the words as printed must begin so ("This Act provides that" is
# no proviso).
# "subject to the availability of funds" is a condition; "persons subjected to trafficking" is not
PRINTED = {"provide that": "provided that", "subject to": "subject to"}

# The kind of a rule's own limiting cue (lawgap/rules/*.toml `limiting`), read from its words; what names no
# kind ("только", "except", "only") is a limiting word.
_KIND_OF_CUE = (
    ("gravity", ("тяжесть", "тяжкий", "minor offence", "коркунучтуулугу", "оор эмес")),
    ("condition", ("rule", "subject to", "случай", "учурларда", "exceptional", "last resort", "крайний мера",
                   "under this act", "исключительный")),
    ("request", ("заявление", "арыз", "ходатайство", "request", "application")),
    ("persons", ("убежище", "asylum", "child", "калкалоо")),
    ("discretion", ("may", "вправе")),
)


# "независимо от ее участия в уголовном судопроизводстве", "regardless of whether the victim participates in
# criminal proceedings": the words of a condition, waived
# "не ставится в зависимость от согласия лица давать показания или иным образом сотрудничать", "is not conditional on"
_WAIVERS = re.compile(
    r"(независимо|вне\s+зависимости|не\s+завис\w*|не\s+ставит\w*\s+в\s+зависимост\w*|regardless|irrespective"
    r"|not\s+(?:be\s+)?(?:made\s+)?conditional)\W+(\w+\W+){0,9}$",
    re.I,
)
# Kyrgyz puts the waiver after its noun: "кылмыш-жаза процессине катышуусуна карабастан"
_WAIVERS_AFTER = re.compile(r"^\W*(\w+\W+){0,2}(карабастан|карабай)", re.I)


# "граждане Республики ..., а также иностранцы и лица без гражданства": everyone, not citizens only (stateless
# residents alone leave the foreigners out)
_FOREIGNERS_TOO = re.compile(r"иностран|foreign|чет\s+(?:өлкө|элдик)", re.I)


# "лица без гражданства, постоянно проживающие", "permanently residing": the persons beside its citizens a state takes
# back (TIP 8(1)); an article on return that names them too is no return of citizens only
_PERMANENT_RESIDENTS = re.compile(r"постоянно\s+прожива|permanent(?:ly)?\s+resid|туруктуу\s+жаша", re.I)


def return_of_residents_too(article_text: str) -> bool:
    """Whether an article on return also takes back the state's permanent residents (no citizens-only limit)."""
    return bool(_PERMANENT_RESIDENTS.search(article_text))


def stands(kind: str, sentence: str, words: str) -> bool:
    """Whether a condition found in a sentence binds there: not waived, help "for citizens" not given to
    foreigners in the same sentence, and "subject to" a proviso, not what a person "shall (not) be subject to"."""
    return (
        not waived(sentence, words)
        and not (kind == "citizens" and _FOREIGNERS_TOO.search(sentence))
        and not _what_one_is_subject_to(sentence, words)
    )


# "shall not be subject to administrative expulsion", "is subject to deportation": a state, not a proviso
_BE_BEFORE = re.compile(r"\b(?:be|is|are|was|were|been|being)\s+$", re.I)


def _what_one_is_subject_to(sentence: str, words: str) -> bool:
    if not words.lower().startswith("subject to"):
        return False
    text = " ".join(sentence.split())
    at = text.find(words)
    return at > 0 and bool(_BE_BEFORE.search(text[:at]))


def waived(sentence: str, words: str) -> bool:
    """Whether the sentence waives the condition its `words` name ("независимо от ...")."""
    text = " ".join(sentence.split())
    at = text.find(words)
    if at < 0:
        return False
    return bool(_WAIVERS.search(text[:at]) or _WAIVERS_AFTER.search(text[at + len(words) :]))


@dataclass(frozen=True)
class Condition:
    """One compiled cue of a kind of limitation."""

    kind: str
    cue: Cue

    def reads(self, words: str) -> bool:
        """Whether the printed words are what the cue means (PRINTED)."""
        return words.lower().startswith(PRINTED.get(self.cue.text, ""))


@cache
def conditions(language: str) -> tuple[Condition, ...]:
    return tuple(
        Condition(kind, compile_cue(text, language)) for kind, table in CUES.items() for text in table.get(language, ())
    )


@cache
def condition_cues(language: str) -> tuple[Cue, ...]:
    """The cues of `conditions`, as one tuple kept for the law index to find them once."""
    return tuple(c.cue for c in conditions(language))


# The persons a procedure code or a witness-protection law protects are participants in a case: its
# "потерпевший" is a procedural status. For a rule asked for every victim (Rule.every_victim) a hit there is
# limited to them, named in the law's words: the participants as the hit's sentence or the law's title names
# them ("лиц, участвующих в уголовном процессе"), else the person the sentence protects ("потерпевшему").
PARTICIPANTS = {
    "ru": re.compile(
        r"(?:лиц\w*,?\s+)?участвующ\w*\s+в\s+(?:уголовном\s+)?(?:процессе|судопроизводстве|деле)"
        r"|участник\w*\s+(?:уголовного\s+)?(?:процесса|судопроизводства)|защищаем\w*\s+лиц\w*",
        re.IGNORECASE,
    ),
    "ky": re.compile(r"кылмыш-жаза\s+(?:сот\s+)?(?:өндүрүшүнө|процессине)\s+катыш\w*|корголуучу\s+адам\w*", re.I),
    "en": re.compile(
        r"participa\w*\s+in\s+(?:the\s+)?criminal\s+(?:proceedings|process|case)|protected\s+persons?", re.I
    ),
}
PROTECTED_PERSONS = {
    "ru": re.compile(r"потерпевш\w*|свидетел(?:ь|я|ю|ем|е|и|ей|ям|ями|ях)\b", re.IGNORECASE),
    "ky": re.compile(r"жабырлануучу\w*|күбө\w*", re.IGNORECASE),
    "en": re.compile(r"victims?|witness(?:es)?", re.IGNORECASE),
}


def participants_named(language: str, sentence: str, title: str) -> str:
    """How a procedure code or a witness-protection law names the participants a hit in `sentence` protects."""
    for text, table in ((sentence, PARTICIPANTS), (title, PARTICIPANTS), (sentence, PROTECTED_PERSONS)):
        pattern = table.get(language)
        m = pattern.search(text) if pattern else None
        if m:
            return m.group(0)
    return title


@dataclass(frozen=True)
class Frame:
    """What a rule asks and where one of its hits lies: which kinds of condition limit that hit.

    `measure`: the rule is a mandatory measure (not an offence to define); `offence`: the hit lies in the basic
    part of an offence and the rule is one that criminal law meets; `possibility`: the rule asks only for a
    possibility (POSSIBILITY_CATEGORIES); `category`: the rule's category (ROLE_FREE_CATEGORIES and the others
    above); `in_proceedings`: the hit lies in a procedure code or a witness-protection law that is a home of the
    rule: protection there is for the participants in a case by nature (KG CPC 76-77), and their status
    is its frame, not a limit (unless the rule asks the measure for every victim, Rule.every_victim);
    `for_children`: the rule is about children as such (CHILD_RULE_CATEGORIES), which an age limit under
    eighteen narrows."""

    measure: bool = False
    offence: bool = False
    possibility: bool = False
    category: str = ""
    in_proceedings: bool = False
    for_children: bool = False


# "по решению суда", "by order of the court" (a court's decision, not its permission): how a court awards what the
# victim is owed from the offender, or spares him punishment; for a rule that asks that possibility
# (POSSIBILITY_CATEGORIES) it is the way, not a limit
_BY_COURT = re.compile(
    r"(?i)(?:решени|постановлени|определени|приговор)\w*\s+суд|\border\s+of\s+(?:the\s+)?court|сот\w*\s+(?:чечим|токтом)"
)


# what the budget allows ("в пределах выделенных ассигнований", "каражаттардын чегинде", "within the limits of the
# funds"): it limits help, but a return "carried out within the allocated funds" says who pays, not whether
_BUDGET = re.compile(r"(?i)предел\w*\s+(?:\w+\s+)?(?:средств|ассигнован|бюджет)|чегинде|limits?\s+of")


def binds(kind: str, words: str, frame: Frame) -> bool:
    """Whether a condition found in a hit's sentence (`words`, as printed) limits the rule the frame describes."""
    if kind == "condition" and frame.possibility and _BY_COURT.search(words):
        return False
    if kind == "condition" and frame.category == RESIDENCE_RETURN and _BUDGET.search(words):
        return False
    return applicable(kind, frame)


def applicable(kind: str, frame: Frame) -> bool:
    """Whether a kind of condition limits a hit of the rule the frame describes."""
    if kind in _ANY_RULE:
        return True
    if kind == "status":
        return frame.category in ROLE_FREE_CATEGORIES and not frame.in_proceedings
    if kind == "cooperation":
        return frame.category not in OFFENCE_CATEGORIES
    if kind == "grave_only":
        return frame.category in PROTECTION_CATEGORIES
    if kind == "age":
        return frame.for_children
    if kind == TIME_LIMIT:
        return frame.category in ROLE_FREE_CATEGORIES
    if kind == "prior_penalty":
        return frame.offence
    if kind == "citizens":
        # help, a return ("Гражданам Республики ... выдается свидетельство на возвращение": permanent residents out,
        # unless the article names them, lawgap.assess.match), or an offence against the victim ("паспорта
        # гражданина Республики Таджикистан"): the others are left out
        return frame.category in PROTECTION_CATEGORIES | {"compensation", RESIDENCE_RETURN} or frame.offence
    if kind == "condition" and frame.category in ROLE_FREE_CATEGORIES:
        return True
    if kind == "discretion":
        return frame.measure and not frame.possibility
    if kind in _MANDATORY_ONLY:
        return frame.measure
    return frame.offence


def kind_of(cue_text: str) -> str:
    """The kind of one of a rule's limiting cues."""
    for kind, words in _KIND_OF_CUE:
        if any(w in cue_text for w in words):
            return kind
    return "words"
