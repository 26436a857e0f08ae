"""The closed lists every stage names, and their labels: kinds of law, countries, statuses, obligation levels.

Reads: nothing. Writes: constants. This is the only module that spells these values out; every

other module imports them from here, so adding a kind of law or a country is one edit.
"""

from __future__ import annotations

from dataclasses import dataclass

# -- kinds of law ------------------------------------------------------------------------------
# Where a requirement lives: the rule files name these in `law_kinds`, the parser guesses them from
# a law's title (lawgap.parsers.detect) and the drafts target them (lawgap.drafting).

CRIMINAL_CODE = "criminal_code"
CRIMINAL_PROCEDURE_CODE = "criminal_procedure_code"
ANTI_TRAFFICKING = "anti_trafficking"
WITNESS_PROTECTION = "witness_protection"
MIGRATION = "migration"
VICTIM_SUPPORT = "victim_support"

LAW_KINDS = (CRIMINAL_CODE, CRIMINAL_PROCEDURE_CODE, ANTI_TRAFFICKING, WITNESS_PROTECTION, MIGRATION, VICTIM_SUPPORT)
# The five kinds every country must supply, in the order a report lists them; the sixth is worth
# adding where a country has one (victim compensation, social services).
REQUIRED_KINDS = (CRIMINAL_CODE, CRIMINAL_PROCEDURE_CODE, ANTI_TRAFFICKING, WITNESS_PROTECTION, MIGRATION)
OPTIONAL_KINDS = (VICTIM_SUPPORT,)
CODES = (CRIMINAL_CODE, CRIMINAL_PROCEDURE_CODE)


@dataclass(frozen=True)
class KindNames:
    """How one kind of law is named: a catalogue label, the generic name and the short form used in
    citations, in Russian and English, and the abbreviation of a code ("УПК", "CPC"; "" for a law)."""

    label_en: str
    name_ru: str
    name_en: str
    short_ru: str
    short_en: str
    abbr_ru: str = ""
    abbr_en: str = ""


KIND_NAMES = {
    CRIMINAL_CODE: KindNames("Criminal code", "Уголовный кодекс", "Criminal Code", "УК", "Criminal Code", "УК", "CC"),
    CRIMINAL_PROCEDURE_CODE: KindNames(
        "Criminal procedure code", "Уголовно-процессуальный кодекс", "Criminal Procedure Code", "УПК",
        "Criminal Procedure Code", "УПК", "CPC",
    ),
    ANTI_TRAFFICKING: KindNames(
        "Anti-trafficking law", "Закон о противодействии торговле людьми", "Law on Combating Trafficking in Persons",
        "Закон о противодействии торговле людьми", "Anti-Trafficking Law",
    ),
    WITNESS_PROTECTION: KindNames(
        "Witness and victim protection law", "Закон о защите свидетелей", "Law on Witness Protection",
        "Закон о защите свидетелей", "Witness Protection Law",
    ),
    MIGRATION: KindNames(
        "Migration law", "Закон о внешней миграции", "Law on External Migration", "Закон о миграции", "Migration Law"
    ),
    VICTIM_SUPPORT: KindNames(
        "Victim support law (optional)", "Закон о помощи потерпевшим", "Law on Victim Support",
        "Закон о помощи потерпевшим", "Victim Support Law",
    ),
}

# -- countries -------------------------------------------------------------------------------------
# The five republics the project serves; other countries appear only when a user loads their laws.
PROJECT_COUNTRIES = ("KZ", "KG", "TJ", "TM", "UZ")


@dataclass(frozen=True)
class CountryNames:
    """A country's name, the genitive a law's title takes ("Уголовный кодекс Кыргызской Республики") and the
    abbreviation a citation adds to a code ("УПК КР")."""

    name_ru: str
    name_en: str
    of_ru: str
    of_en: str
    abbr_ru: str = ""


COUNTRY_NAMES = {
    "KG": CountryNames(
        "Кыргызская Республика", "Kyrgyz Republic", "Кыргызской Республики", "of the Kyrgyz Republic", "КР"
    ),
    "KZ": CountryNames(
        "Республика Казахстан", "Kazakhstan", "Республики Казахстан", "of the Republic of Kazakhstan", "РК"
    ),
    "TJ": CountryNames(
        "Республика Таджикистан", "Tajikistan", "Республики Таджикистан", "of the Republic of Tajikistan", "РТ"
    ),
    "TM": CountryNames("Туркменистан", "Turkmenistan", "Туркменистана", "of Turkmenistan", "Туркменистана"),
    "UZ": CountryNames(
        "Республика Узбекистан", "Uzbekistan", "Республики Узбекистан", "of the Republic of Uzbekistan", "РУз"
    ),
}

# -- statuses ------------------------------------------------------------------------------------
MET = "met"
PARTIAL = "partial"
GAP = "gap"
NOT_ASSESSED = "not_assessed"
# What a finding can be; a reviewer can set the first three (not assessed is a fact about the texts).
STATUSES = (MET, PARTIAL, GAP, NOT_ASSESSED)
DECIDABLE_STATUSES = (MET, PARTIAL, GAP)
STATUS_RU = {MET: "соответствует", PARTIAL: "частичное соответствие", GAP: "пробел", NOT_ASSESSED: "не оценено"}
# The same symbol and colours on every page, export and document. Plain symbols, not emoji: they render in
# every font, a bare server's headless browser included.
STATUS_SYMBOL = {MET: "✓", PARTIAL: "◐", GAP: "✗", NOT_ASSESSED: "·"}
STATUS_COLOUR = {MET: "#2e7d32", PARTIAL: "#ef8f00", GAP: "#c62828", NOT_ASSESSED: "#9e9e9e"}
STATUS_BACKGROUND = {MET: "#c8e6c9", PARTIAL: "#ffe0b2", GAP: "#ffcdd2", NOT_ASSESSED: "#eeeeee"}

# -- obligation levels ---------------------------------------------------------------------------
# Strongest first: "shall", "shall consider", "shall endeavour", "may".
OBLIGATIONS = ("mandatory", "consider", "endeavour", "optional")
# A standard of an instrument the country is not party to: good practice for it, not an obligation.
GOOD_PRACTICE = "good_practice"
LEVELS = (*OBLIGATIONS, GOOD_PRACTICE)
OBLIGATION_RU = {
    "mandatory": "обязательно",
    "consider": "рассмотреть",
    "endeavour": "стремиться",
    "optional": "факультативно",
    GOOD_PRACTICE: "рекомендуемая практика",
}

# -- limitations ---------------------------------------------------------------------------------
# What can limit a provision, each named in the law's own words on a finding (lawgap.assess.findings).
LIMITATION_KINDS = (
    "territory",  # "extends to the Islamabad Capital Territory"
    "persons",  # citizens and permanent residents only; a perpetrator of one kind only
    "status",  # help only for a person with a procedural status ("признанному потерпевшим по уголовному делу")
    "protected",  # a state-protection law's protected person read as a victim: only persons under its protection
    "schedule",  # only the offences listed in a schedule
    "condition",  # "provided that", "where the rules so specify", "by decision of the court"
    "discretion",  # "may"
    "request",  # "at the request of", "по ходатайству"
    "result",  # "причинившее ... тяжкий вред"
    "gravity",  # only offences of small or medium gravity
    "grave_only",  # a protection only in cases of grave crimes
    "cooperation",  # only for a victim who reports or cooperates with the investigation
    "age",  # only for children below an age under eighteen
    "prior_penalty",  # an offence only when repeated after an administrative penalty
    "citizens",  # help for the state's own citizens only ("являющимся гражданами Республики Узбекистан")
    "time_limit",  # help or a stay for a limited time only ("не может превышать тридцати дней")
    "aggravating_only",  # found only as an aggravating circumstance of another offence
    "partly",  # a wording that gives the element only in part (receipt only through a sale or other transaction)
    "words",  # a limiting word the rules name ("только", "except")
)
