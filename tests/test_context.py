"""What a provision inherits from the words above it (lawgap.assess.context), on the real corpus."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from lawgap.assess.context import aggravating_provisions, excluded_articles, lead_in_sentences
from lawgap.assess.index import LawIndex
from lawgap.assess.match import _cited, redirects
from tests.conftest import corpus_law

KG_CC_RU = "kg/criminal_code_2021_ru.docx"
KG_CC_KY = "kg/criminal_code_2021_ky.docx"
KG_CPC_RU = "kg/criminal_procedure_code_2021_ru.docx"
KG_CPC_KY = "kg/criminal_procedure_code_2021_ky.docx"
KZ_CC_128 = "kz/criminal_code_2014_arts125-135_ru.md"
KZ_CPC_86 = "kz/criminal_procedure_code_2014_arts86-105_excerpt_ru.md"
PK_TIP = "pk/prevention_of_trafficking_in_persons_act_2018_scanned.pdf"


@cache
def _index(file: str) -> LawIndex:
    return LawIndex(corpus_law(file))


# (file, eid, the lead-in words that make it part of an aggravated offence, as printed; None: not aggravated)
AGGRAVATED = [
    # KG CC 170(2)(3): forced labour "with taking away ... documents" is a qualified part ("То же деяние, совершенное:")
    (KG_CC_RU, "art_170__para_2__point_3", "То же деяние"),
    (KG_CC_KY, "art_170__para_2__point_3", "ошол эле жосун"),
    # ... while 170(1) is the offence itself
    (KG_CC_RU, "art_170__para_1", None),
    (KG_CC_KY, "art_170__para_1", None),
    (KG_CC_RU, "art_166__para_1", None),
    # KZ CC 128(2)(12): trafficking "with withholding, taking away or destroying" documents
    (KZ_CC_128, "art_128__para_2__point_12", "Те же деяния"),
    (KZ_CC_128, "art_128__para_1", None),
    # PK TIP Act 4(c): "Where an offence under section 3 involves ... (c) confiscation ... of any travel document"
    (PK_TIP, "sec_4__para_c", "Where an offence under section 3 involves"),
    (PK_TIP, "sec_3", None),
]


@pytest.mark.parametrize(("file", "eid", "lead"), AGGRAVATED)
def test_aggravated_parts_carry_their_lead_in(file, eid, lead):
    got = aggravating_provisions(_index(file)).get(eid)
    # the part's opening words as printed: "Те же деяния, совершенные", "Төмөнкүдөй жасалган ошол эле жосун"
    assert got == lead if lead is None else lead in (got or ""), got


# (file, article, excluded): headings about other persons or about removal from the case
EXCLUDED = [
    (KG_CPC_RU, "art_44", True),  # "Права и обязанности подозреваемого"
    (KG_CPC_KY, "art_44", True),  # "Шектүүнүн укуктары жана милдеттери"
    (KG_CPC_RU, "art_46", True),  # rights of the accused, the convicted
    (KG_CPC_RU, "art_71", True),  # "Отвод переводчика"
    (KG_CPC_KY, "art_71", True),  # "Котормочуну четтетүү"
    (KG_CPC_RU, "art_74", True),  # circumstances excluding a lawyer or a victim's representative
    (KG_CPC_RU, "art_462", True),  # questioning a child as a suspect
    (KZ_CPC_86, "art_87", True),  # "Отвод судьи"
    (KG_CPC_RU, "art_40", False),  # "Потерпевший": the victim's rights
    (KG_CPC_KY, "art_40", False),
    (KG_CPC_RU, "art_37", False),  # the investigator's powers include ordering security measures for witnesses
    (KG_CPC_RU, "art_102", True),  # notice of a suspect's detention (kept for rules about migrants only)
    (KG_CPC_RU, "art_463", True),  # chapter on children in conflict with the law: the child suspect's lawyer
    (KG_CPC_KY, "art_463", True),
    (KG_CPC_RU, "art_476", False),  # same chapter, but it names the child victim's and witness's confidentiality
]


@pytest.mark.parametrize(("file", "article", "excluded"), EXCLUDED)
def test_articles_about_other_persons_or_removal_are_excluded(file, article, excluded):
    assert (article in excluded_articles(_index(file))) is excluded


def test_an_item_inherits_the_lead_in_of_its_list():
    # PK TIP Act 12(1): "The rules made under this Act may specify circumstances in which the Court may—"
    ix = _index(PK_TIP)
    [(parent, (start, end))] = list(lead_in_sentences(ix, "sec_12__subsec_1__para_d"))
    assert parent == "sec_12__subsec_1"
    assert ix.law.by_eid[parent].text[start:end].startswith("The rules made under this Act may specify")
    # a part of an article that is no list item has no lead-in
    assert list(lead_in_sentences(_index(KG_CC_RU), "art_166__para_1")) == []


def test_an_article_is_framed_by_its_own_and_its_chapters_headings():
    # KG CC 96 sits in chapter 17 "Особенности уголовной ответственности детей": the chapter says
    # that its ages are those of child offenders, not a definition of the child victim
    ix = _index(KG_CC_RU)
    frames = {seq.eid for seq in ix.frames("art_96__para_1")}
    assert {"art_96", "chp_17"} <= frames


# (language, sentence, names only persons other than victims and witnesses)
PERSONS = [
    # KG CPC 358(2): the sentence is translated for the defendant
    ("ru", "Приговор переводится на родной язык подсудимого", True),
    ("ru", "Подозреваемому и потерпевшему обеспечивается помощь переводчика", False),
    ("ru", "Потерпевший вправе пользоваться помощью переводчика", False),
    ("en", "The accused shall have the assistance of an interpreter", True),
    ("en", "A victim or witness may testify through a video link", False),
]


@pytest.mark.parametrize(("language", "sentence", "others"), PERSONS)
def test_sentences_about_other_persons(language, sentence, others):
    from lawgap.assess.context import PersonCues
    from lawgap.assess.nlp import analyse_text

    lemmas = tuple(t.lemma for t in analyse_text(sentence, language)[0])
    assert PersonCues(language).only_others(lemmas) is others


# (file, rule, may hold evidence): only criminal law makes offences
KINDS = [
    (KG_CPC_RU, "criminalisation_accomplice", False),  # a procedure code names accomplices, never punishes them
    (KG_CC_RU, "criminalisation_accomplice", True),
    (KG_CPC_RU, "definition_child_under_18", True),  # the rule lists the procedure code among its law kinds
    (KG_CPC_RU, "participation_interpreter", True),
    (KZ_CPC_86, "criminalisation_accomplice", False),  # an excerpt of the procedure code, its kind read from its words
    # a smuggling offence is made by criminal (or migration) law, or by a law that punishes: a social-services law
    # that helps foreigners makes none; its protection rules may be anywhere
    ("kz/special_social_services_law_2008_ru.md", "smuggling_document_offences", False),
    ("kz/special_social_services_law_2008_ru.md", "smuggling_aggravating_danger", False),
    ("kz/special_social_services_law_2008_ru.md", "smuggling_protection_rights", True),
    # it may define trafficking among its terms (read in its definitions article only, lawgap.assess.match)
    ("kz/special_social_services_law_2008_ru.md", "definition_means_fraud_deception", True),
    (KG_CPC_RU, "smuggling_aggravating_danger", False),
    (KG_CC_RU, "smuggling_aggravating_danger", True),
    # a state-protection law makes no offence, but may define the child (Rule.any_law)
    ("kz/state_protection_participants_criminal_process_2000_ru.md", "definition_means_fraud_deception", False),
    ("kz/state_protection_participants_criminal_process_2000_ru.md", "definition_child_under_18", True),
]


@pytest.mark.parametrize(("file", "rule", "may"), KINDS)
def test_which_laws_may_hold_offence_rules(file, rule, may):
    from lawgap.assess.holders import may_hold
    from lawgap.rules import load_rules

    assert may_hold(corpus_law(file), load_rules().by_id[rule]) is may


# (words as printed, whether a bracketed article reference follows them): an offence named with its
# article in brackets is a citation of that article (KG CC 28 lists the offences a 14-year-old
# answers for), not what the citing article provides.
CITED = [
    ("торговлю людьми (статья 166), кражу", True),
    ("адамдарды соодалоо (166-берене), уурдоо", True),
    ("скотокрадство (части 2, 3 и 4 статьи 205-1)", True),
    ("an offence (section 3) of this Act", True),
    ("супруг (супруга), один из близких", False),
    ("допрос на расстоянии (дистанционный допрос)", False),
    ("торговля людьми, то есть купля-продажа", False),
]


@pytest.mark.parametrize(("text", "cited"), CITED)
def test_an_offence_named_with_its_article_in_brackets_is_a_citation(text, cited):
    end = text.index(",") if "(" not in text else text.index(" (")
    assert _cited(text, end) is cited


# a note that sends the act to another article to be qualified there: its words are no evidence for the article it is
# printed under, nor does it lend that article the other article's offence (invented notes in the codes' style)
REDIRECTS = [
    ("Примечание. Если действия, указанные в настоящей статье, совершены в целях эксплуатации ребенка, содеянное "
     "квалифицируется по статье 135 настоящего Кодекса.", True),
    ("Эскертүү. Жашы жете элек адамды сойкулукка тартуу ушул Кодекстин 283-беренеси боюнча квалификацияланат.", True),
    ("Note. Where the acts are committed for the purpose of exploitation, they shall be qualified under Article 129.",
     True),
    ("Действия, указанные в части первой настоящей статьи, совершенные в целях эксплуатации, наказываются ...", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "redirect"), REDIRECTS)
def test_a_note_that_sends_the_act_to_another_article(text, redirect):
    assert redirects(text) is redirect


@pytest.mark.parametrize(
    "rule_id", ["criminalisation_aggravating_official", "criminalisation_aggravating_child_victim"]
)
def test_an_offence_whose_note_redirects_to_trafficking_is_no_aggravation_of_it(rule_id, tmp_path, monkeypatch):
    # blind round 9's Turkmen-style code (in-sample since): art 153, illegal adoption, has qualified parts for an
    # official and for a child taken abroad, and a note sending adoption for exploitation to art 129 (trafficking)
    from lawgap.assess.score import score_country
    from lawgap.parsers import load_law
    from lawgap.rules import load_rules

    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = load_law(Path(__file__).parent / "fixtures/laws/blind9/tm_style_criminal_code_excerpt_ru.txt", country="TM")
    rules = load_rules()
    [finding] = score_country("TM", [law], type(rules)((rules.by_id[rule_id],))).findings
    articles = {ev.article for ev in finding.evidence}
    assert "art_129" in articles and "art_153" not in articles


def test_a_witness_protection_law_defines_the_child(tmp_path, monkeypatch):
    # blind round 9's Tajik-style state-protection law (in-sample since): its definitions article says
    # "несовершеннолетний - лицо, не достигшее восемнадцатилетнего возраста"
    from lawgap.assess.score import score_country
    from lawgap.parsers import load_law
    from lawgap.rules import load_rules

    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = load_law(Path(__file__).parent / "fixtures/laws/blind9/tj_style_witness_protection_law_ru.txt", country="TJ")
    rules = load_rules()
    [finding] = score_country("TJ", [law], type(rules)((rules.by_id["definition_child_under_18"],))).findings
    assert finding.status == "met", finding.explanation
    assert finding.evidence[0].article == "art_1"


def test_the_liability_article_is_no_article_on_legislation():
    # "Статья 2. Законодательство ..." lists laws and grants nothing; "Статья 45. Ответственность за нарушение
    # законодательства ..." makes disclosing a protected person's data a matter of liability: it is read
    from pathlib import Path

    from lawgap.parsers import load_law

    law = load_law(Path(__file__).parent / "fixtures/laws/blind12/kz_style_witness_protection_law_ru.txt", country="KZ")
    excluded = excluded_articles(LawIndex(law))
    assert "art_2" in excluded
    assert "art_45" not in excluded
