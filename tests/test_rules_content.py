"""The shipped rule set: its coverage of the standard, its sources, its cues, and how its cues
read real provisions (Kyrgyz codes in Russian and Kyrgyz, Kazakh laws) as a lawyer would.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from lawgap.assess.nlp import analyse_text, lemmatiser
from lawgap.rules import CATEGORIES, LAW_KINDS, OBLIGATIONS, TARGETS, load_rules
from lawgap.rules.citations import parse
from lawgap.rules.schema import RULES_DIR
from tests.conftest import corpus_law

RULES = load_rules()


def test_at_least_sixty_rules_with_unique_ids():
    assert len(RULES) >= 60
    assert len(RULES.by_id) == len(RULES)


def test_every_category_has_its_file_and_rules():
    assert set(RULES.by_category) == set(CATEGORIES)
    for rule in RULES:
        assert Path(rule.file).stem == rule.category, rule.id
    assert {p.stem for p in RULES_DIR.glob("*.toml")} == set(CATEGORIES)


def test_closed_lists_are_used():
    for rule in RULES:
        assert rule.obligation in OBLIGATIONS
        assert set(rule.targets) <= set(TARGETS)
        assert set(rule.law_kinds) <= set(LAW_KINDS)


# The issue's checklist: each requirement it names, and the rule that encodes it.
CHECKLIST = [
    ("act: recruitment", "definition_act_recruitment"),
    ("act: transportation", "definition_act_transportation"),
    ("act: transfer", "definition_act_transfer"),
    ("act: harbouring", "definition_act_harbouring"),
    ("act: receipt", "definition_act_receipt"),
    ("means: threat, force, coercion", "definition_means_force_coercion"),
    ("means: abduction", "definition_means_abduction"),
    ("means: fraud, deception", "definition_means_fraud_deception"),
    ("means: abuse of power or vulnerability", "definition_means_abuse_vulnerability"),
    ("means: payments to a person in control", "definition_means_payments"),
    ("purpose: exploitation", "definition_purpose_exploitation"),
    ("purpose: sexual exploitation", "definition_purpose_sexual_exploitation"),
    ("purpose: forced labour", "definition_purpose_forced_labour"),
    ("purpose: slavery, servitude", "definition_purpose_slavery_servitude"),
    ("purpose: removal of organs", "definition_purpose_organ_removal"),
    ("consent irrelevant", "definition_consent_irrelevant"),
    ("children without means", "definition_child_without_means"),
    ("age 18", "definition_child_under_18"),
    ("criminalisation", "criminalisation_trafficking_offence"),
    ("attempt", "criminalisation_attempt"),
    ("participation", "criminalisation_accomplice"),
    ("organising", "criminalisation_organising"),
    ("aggravating: children", "criminalisation_aggravating_child_victim"),
    ("aggravating: officials", "criminalisation_aggravating_official"),
    ("aggravating: organised groups", "criminalisation_aggravating_organised_group"),
    ("aggravating: serious harm", "criminalisation_aggravating_serious_harm"),
    ("liability of legal persons", "criminalisation_legal_persons"),
    ("non-punishment of victims", "non_punishment_victims"),
    ("identification of victims", "identification_procedure"),
    ("referral", "identification_referral"),
    ("privacy: closed hearings", "privacy_closed_hearings"),
    ("privacy: non-disclosure", "privacy_identity_protection"),
    ("privacy: offence of disclosure", "privacy_disclosure_offence"),
    ("information to victims", "participation_information"),
    ("participation in proceedings", "participation_views_presented"),
    ("interpreter", "participation_interpreter"),
    ("legal assistance", "participation_legal_assistance"),
    ("housing or shelter", "assistance_housing"),
    ("medical assistance", "assistance_medical"),
    ("psychological assistance", "assistance_psychological"),
    ("material assistance", "assistance_material"),
    ("employment and education", "assistance_employment_education"),
    ("physical safety", "assistance_physical_safety"),
    ("compensation from the offender", "compensation_from_offender"),
    ("compensation from the state", "compensation_state_fund"),
    ("recovery and reflection period", "residence_recovery_reflection_period"),
    ("residence permits", "residence_permit_victims"),
    ("repatriation and safe return", "residence_safe_repatriation"),
    ("children: best interests", "children_best_interests"),
    ("children: guardian", "children_guardian"),
    ("children: child-friendly interviews", "children_friendly_interviews"),
    ("children: age presumption", "children_age_presumption"),
    ("children: education", "children_education"),
    ("children: no detention", "children_no_detention"),
    ("gender-sensitive measures", "assistance_gender_sensitive"),
    ("witness protection: relocation", "witness_protection_relocation"),
    ("witness protection: identity change", "witness_protection_identity_change"),
    ("witness protection: video link", "witness_protection_video_link"),
    ("witness protection: screens", "witness_protection_screens"),
    ("witness protection: pseudonyms", "witness_protection_pseudonym"),
    ("witness protection: deposition of testimony", "witness_protection_deposition"),
    ("smuggling: criminalisation", "smuggling_offence"),
    ("smuggling: document offences", "smuggling_document_offences"),
    ("smuggling: aggravating circumstances", "smuggling_aggravating_danger"),
    ("smuggling: migrants not liable", "smuggling_migrants_not_liable"),
    ("smuggling: protection and assistance", "smuggling_protection_rights"),
    ("smuggling: return", "smuggling_return"),
]


@pytest.mark.parametrize(("requirement", "rule_id"), CHECKLIST)
def test_issue_checklist_is_covered(requirement, rule_id):
    assert rule_id in RULES.by_id, requirement


# (rule, level, the words of its first source that set the level)
LEVELS = [
    ("criminalisation_trafficking_offence", "mandatory"),  # TIP 5(1) "shall adopt"
    ("assistance_housing", "consider"),  # TIP 6(3) "shall consider implementing measures"
    ("assistance_physical_safety", "endeavour"),  # TIP 6(5) "shall endeavour to provide"
    ("compensation_possibility", "mandatory"),  # TIP 6(6) "shall ensure ... the possibility"
    ("residence_permit_victims", "consider"),  # TIP 7(1) "shall consider adopting"
    ("privacy_identity_protection", "optional"),  # TIP 6(1) "in appropriate cases and to the extent possible"
    ("witness_protection_relocation", "optional"),  # UNTOC 24(2) "may include"
    ("witness_protection_measures", "mandatory"),  # UNTOC 24(1) "shall take appropriate measures"
    ("smuggling_migrants_not_liable", "mandatory"),  # SOM 5 "shall not become liable"
    ("non_punishment_status_offences", "optional"),  # ML 10 only: a model, not a treaty
]


@pytest.mark.parametrize(("rule_id", "level"), LEVELS)
def test_obligation_level_follows_the_treaty_wording(rule_id, level):
    assert RULES.by_id[rule_id].obligation == level


def test_model_law_articles_are_never_invented():
    """INSTRUMENTS.md confirms only ML 1-17; later Model Law chapters are named in notes instead."""
    for rule in RULES:
        for cite in rule.citations:
            if cite.code == "ML":
                assert 1 <= int(cite.article) <= 17, (rule.id, str(cite))


def test_notes_name_the_model_law_chapter_when_no_article_is_cited():
    """Victim protection and return come from Model Law chapters whose article numbers are not
    confirmed; such a rule cites the treaty and names the chapter in its notes instead."""
    protection = {"assistance", "children", "compensation", "participation", "privacy"}
    protection |= {"witness_protection", "identification", "residence_return"}
    for rule in RULES:
        if rule.category in protection and not any(c.code == "ML" for c in rule.citations):
            assert "Model Law chapter" in rule.notes, rule.id
        for number in re.findall(r"\bML (\d+)", rule.notes):
            assert 1 <= int(number) <= 17, (rule.id, number)


def test_every_source_parses_and_exists_in_model_law():
    from lawgap.rules.instruments import load_instruments

    model_law = load_instruments()
    for rule in RULES:
        for source in rule.sources:
            assert str(parse(source)) == source, (rule.id, source)
            assert model_law.exists(source), f"{rule.id}: {source} is not encoded in model_law/"


def test_obligation_matches_model_law_for_the_first_source():
    """A rule's level is the level model_law/ records for the paragraph it cites first."""
    from lawgap.rules.instruments import load_instruments

    model_law = load_instruments()
    for rule in RULES:
        entry = model_law.get(rule.sources[0])
        if entry is not None:
            assert rule.obligation == entry.level, (rule.id, rule.sources[0], entry.level)


def test_mandatory_elements_have_cues_in_every_language():
    for rule in RULES:
        assert rule.mandatory_elements, rule.id
        for element in rule.mandatory_elements:
            for lang in ("ru", "ky", "en"):
                assert element.cues.get(lang), f"{rule.id}.{element.id} has no {lang} cue"


@cache
def _ru_is_lemma(word: str) -> bool:
    """A normal form the lemmatiser yields: pymorphy3's own normal form, or what one of the
    word's inflected forms lemmatises to (pymorphy3 is not always consistent: "стражей" gives
    "стража" while "стража" gives "страж"), since that is what the matcher compares with."""
    morph = _morph()
    if morph.parse(word)[0].normal_form == word:
        return True
    lemma = lemmatiser("ru")
    return any(lemma(form.word) == word for p in morph.parse(word) for form in p.lexeme)


@cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _words(language: str):
    for rule in RULES:
        for element in rule.elements:
            for cueset in (element.cues, element.negative, element.limiting):
                for cue in cueset.get(language):
                    for word in cue.lemmas:
                        yield rule.id, element.id, word


def test_russian_cue_words_are_pymorphy3_normal_forms():
    bad = sorted({(r, e, w, _morph().parse(w)[0].normal_form) for r, e, w in _words("ru") if not _ru_is_lemma(w)})
    assert not bad, f"not a normal form (rule, element, word, pymorphy3 says): {bad}"


# Legal terms pymorphy3's dictionary lacks (it guesses their forms); any other unknown word is a typo.
NOT_IN_DICTIONARY = {"видеоконференцсвязь", "видеосвязь", "виктимизация", "медико", "реадмиссия"}


def test_russian_cue_words_are_dictionary_words():
    unknown = {w for _, _, w in _words("ru") if not w.isdigit() and not _morph().word_is_known(w)}
    assert unknown <= NOT_IN_DICTIONARY, sorted(unknown - NOT_IN_DICTIONARY)


@pytest.mark.parametrize(
    ("word", "ok"),
    [("потерпевший", True), ("ребёнок", True), ("стража", True), ("ребенок", False), ("обвиняемый", False)],
)
def test_normal_form_check_itself(word, ok):
    # "ребенок" is lemmatised to "ребёнок"; "обвиняемого" to the verb "обвинять"
    assert _ru_is_lemma(word) is ok


# spaCy's English lookup table chains: "best" -> "well" but "well" -> "good". A cue must use the
# lemma the text's words get, so "well" (from "best interests") is right although not a fixed point.
# "proceedings" -> "proceeding", but "proceeding" -> "proceed"; "grounds" -> "ground", but "ground" -> "grind"
EN_CHAINED = {"well", "proceeding", "ground"}


def test_english_cue_words_are_lookup_lemmas():
    lemma = lemmatiser("en")
    bad = sorted({(r, e, w, lemma(w)) for r, e, w in _words("en") if lemma(w) != w and w not in EN_CHAINED})
    assert not bad, f"not an English lemma (rule, element, word, lemma): {bad}"


def test_best_interests_cue_reads_the_english_phrase():
    lemmas = [t.lemma for t in analyse_text("in the best interests of the child", "en")[0]]
    element = RULES.by_id["children_best_interests"].elements[0]
    assert any(c.find(lemmas) for c in element.cues.en)


# ------------------------------------------------------------- cues on real provisions


@cache
def _lemmas(relpath: str, eid: str) -> tuple[str, ...]:
    law = corpus_law(relpath)
    text = law.full_text(eid)
    heading = law.by_eid[eid].heading or ""
    return tuple(t.lemma for t in analyse_text(heading + "\n" + text, law.language)[0])


def _fires(relpath: str, eid: str, rule_id: str, element_id: str, kind: str) -> list[str]:
    law = corpus_law(relpath)
    element = next(e for e in RULES.by_id[rule_id].elements if e.id == element_id)
    lemmas = _lemmas(relpath, eid)
    return [c.text for c in getattr(element, kind).get(law.language) if c.find(lemmas)]


KG_CC_RU = "kg/criminal_code_2021_ru.docx"
KG_CC_KY = "kg/criminal_code_2021_ky.docx"
KG_CPC_RU = "kg/criminal_procedure_code_2021_ru.docx"
KG_CPC_KY = "kg/criminal_procedure_code_2021_ky.docx"
KZ_PROTECTION = "kz/state_protection_participants_criminal_process_2000_ru.md"
KZ_FUND = "kz/victim_compensation_fund_law_2018_ru.md"
KZ_CC_GENERAL = "kz/criminal_code_2014_arts1-12_excerpt_ru.md"
KZ_CC_PERSON = "kz/criminal_code_2014_arts125-135_ru.md"
KZ_CPC = "kz/criminal_procedure_code_2014_arts86-105_excerpt_ru.md"
PK_BONDED = "pk/bonded_labour_system_abolition_act_1992.pdf"
PK_WITNESS = "pk/witness_protection_security_and_benefit_act_2017_ocr.pdf"

# (law, provision, rule, element, found, limited): what a lawyer reading the provision expects
FINDINGS = [
    # KG CC 166 note: victims are exempt, but only for minor and medium-gravity offences
    (KG_CC_RU, "art_166__note_nn_1", "non_punishment_victims", "no_liability", True, True),
    (KG_CC_KY, "art_166__note_nn_1", "non_punishment_victims", "no_liability", True, True),
    (KG_CC_RU, "art_166__note_nn_1", "non_punishment_victims", "causal_link", True, False),
    # KG CC 166(1): "с их согласия или без согласия" - consent does not matter
    (KG_CC_RU, "art_166__para_1", "definition_consent_irrelevant", "consent_irrelevant", True, False),
    (KG_CC_KY, "art_166__para_1", "definition_consent_irrelevant", "consent_irrelevant", True, False),
    # KG CC 166(1) lists threat, force, blackmail, abduction, fraud, deception ...
    (KG_CC_RU, "art_166__para_1", "definition_means_abduction", "abduction", True, False),
    (KG_CC_KY, "art_166__para_1", "definition_means_fraud_deception", "fraud_deception", True, False),
    # ... but not giving or receiving payments to a person in control of the victim (a gap)
    (KG_CC_RU, "art_166__para_1", "definition_means_payments", "payments_to_controller", False, False),
    (KG_CC_KY, "art_166__para_1", "definition_means_payments", "payments_to_controller", False, False),
    # KG CC 166(4): a child is trafficked even without force or other means
    (KG_CC_RU, "art_166__para_4", "definition_child_without_means", "no_means_required", True, False),
    (KG_CC_KY, "art_166__para_4", "definition_child_without_means", "no_means_required", True, False),
    # KG CC 166 note defines exploitation: slavery, debt bondage, forced labour
    (KG_CC_RU, "art_166__note_nn_1", "definition_purpose_slavery_servitude", "slavery", True, False),
    (KG_CC_RU, "art_166__note_nn_1", "definition_purpose_slavery_servitude", "servitude", True, False),
    (KG_CC_KY, "art_166__note_nn_1", "definition_purpose_forced_labour", "forced_labour", True, False),
    # KG CC 166(2)(4): committed by abuse of an official position
    (KG_CC_RU, "art_166__para_2__point_4", "criminalisation_aggravating_official", "official", True, False),
    (KG_CC_KY, "art_166__para_2__point_4", "criminalisation_aggravating_official", "official", True, False),
    # KG CC 24(3): a legal person is not a subject of crime - the cue for liability is negated
    (KG_CC_RU, "art_24", "criminalisation_legal_persons", "legal_person", True, False),
    # KG CC 353: disclosure of security measures for victims and witnesses is an offence
    (KG_CC_RU, "art_353", "privacy_disclosure_offence", "disclosure", True, False),
    (KG_CC_KY, "art_353", "privacy_disclosure_offence", "disclosure", True, False),
    # KG CC 168: organising illegal migration, illegal import and export of migrants
    (KG_CC_RU, "art_168", "smuggling_offence", "smuggling", True, False),
    (KG_CC_KY, "art_168", "smuggling_offence", "smuggling", True, False),
    # KG CC 378 note: illegal crossing is not punished only for those seeking asylum
    (KG_CC_RU, "art_378", "smuggling_migrants_not_liable", "not_liable", True, True),
    # KG CPC 79: pseudonym, questioning without visual observation, closed session
    (KG_CPC_RU, "art_79", "witness_protection_pseudonym", "pseudonym", True, False),
    (KG_CPC_KY, "art_79", "witness_protection_pseudonym", "pseudonym", True, False),
    (KG_CPC_RU, "art_79", "witness_protection_screens", "screens", True, False),
    (KG_CPC_KY, "art_79", "witness_protection_screens", "screens", True, False),
    (KG_CPC_RU, "art_79", "privacy_closed_hearings", "closed_hearing", True, False),
    (KG_CPC_KY, "art_79", "privacy_closed_hearings", "closed_hearing", True, False),
    # KG CPC 78: a child victim is questioned with a psychologist or teacher, behind a screen
    (KG_CPC_RU, "art_78", "children_friendly_interviews", "safeguards", True, False),
    (KG_CPC_RU, "art_78", "children_friendly_interviews", "child_interview", True, False),
    (KG_CPC_KY, "art_78", "children_friendly_interviews", "safeguards", True, False),
    (KG_CPC_RU, "art_78", "children_best_interests", "best_interests", True, False),
    # KG CPC 40: the victim's interpreter, state-guaranteed legal aid, and a fund that pays
    # when the offender cannot (part 10)
    (KG_CPC_RU, "art_40", "participation_interpreter", "interpreter", True, False),
    (KG_CPC_KY, "art_40", "participation_interpreter", "interpreter", True, False),
    (KG_CPC_RU, "art_40", "participation_legal_assistance", "legal_aid", True, False),
    (KG_CPC_KY, "art_40", "participation_legal_assistance", "legal_aid", True, False),
    (KG_CPC_RU, "art_40", "compensation_state_fund", "state_payment", True, False),
    (KG_CPC_KY, "art_40", "compensation_state_fund", "state_payment", True, False),
    (KG_CPC_RU, "art_40", "compensation_from_offender", "from_offender", True, False),
    # KG CPC 40 says nothing of a reflection period or of age presumption
    (KG_CPC_RU, "art_40", "residence_recovery_reflection_period", "reflection_period", False, False),
    (KG_CPC_RU, "art_40", "children_age_presumption", "age_uncertain", False, False),
    # KG CPC 205: deposition of the testimony of victims and witnesses
    (KG_CPC_RU, "art_205", "witness_protection_deposition", "deposition", True, False),
    (KG_CPC_KY, "art_205", "witness_protection_deposition", "deposition", True, False),
    # KZ state protection law 18-20: relocation, new documents, change of appearance
    (KZ_PROTECTION, "art_18", "witness_protection_relocation", "relocation", True, False),
    (KZ_PROTECTION, "art_19", "witness_protection_identity_change", "identity_change", True, False),
    (KZ_PROTECTION, "art_20", "witness_protection_identity_change", "identity_change", True, False),
    (KZ_PROTECTION, "art_9", "witness_protection_non_disclosure", "non_disclosure", True, False),
    # KZ CC 3(1): exploitation includes exercising the powers of an owner over a person (slavery), but names no
    # servitude: the rule is met only in part (the gold set's reading of art 3)
    (KZ_CC_GENERAL, "art_3", "definition_purpose_slavery_servitude", "slavery", True, False),
    (KZ_CC_GENERAL, "art_3", "definition_purpose_slavery_servitude", "servitude", False, False),
    # KZ CC 135: trafficking in minors needs no means; 128(2): abuse of an official position
    (KZ_CC_PERSON, "art_135", "definition_child_without_means", "no_means_required", True, False),
    (KZ_CC_PERSON, "art_128", "criminalisation_aggravating_official", "official", True, False),
    (KZ_CC_PERSON, "art_128", "criminalisation_document_retention", "withholding", True, False),
    # KZ CC 128 has no non-punishment clause for victims
    (KZ_CC_PERSON, "art_128", "non_punishment_victims", "no_liability", False, False),
    # KZ CPC 97-98: pseudonym, questioning without visual observation, video link
    (KZ_CPC, "art_97", "witness_protection_pseudonym", "pseudonym", True, False),
    (KZ_CPC, "art_98", "witness_protection_video_link", "video_link", True, False),
    # PK Bonded Labour Act 12: extracting bonded labour is punished; 14: abetment
    (PK_BONDED, "sec_12", "definition_purpose_forced_labour", "forced_labour", True, False),
    (PK_BONDED, "sec_14", "criminalisation_accomplice", "accomplice", True, False),
    # PK Bonded Labour Act 18(1): "as well as the company, shall be deemed to be guilty of the offence"
    (PK_BONDED, "sec_18", "criminalisation_legal_persons", "legal_person", True, False),
    (PK_BONDED, "sec_18", "criminalisation_legal_persons", "liability_sanction", True, False),
    # PK (Islamabad) Witness Protection Act 4 (OCR text): relocation, new identity, concealment
    (PK_WITNESS, "sec_4", "witness_protection_relocation", "relocation", True, False),
    (PK_WITNESS, "sec_4", "witness_protection_identity_change", "identity_change", True, False),
    (PK_WITNESS, "sec_4", "witness_protection_screens", "screens", True, False),
    # KZ victim compensation fund law 6: trafficking victims are paid from the fund
    (KZ_FUND, "art_6", "compensation_possibility", "compensation", True, False),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("law", "eid", "rule_id", "element_id", "found", "limited"), FINDINGS)
def test_cues_on_real_provisions(law, eid, rule_id, element_id, found, limited):
    assert bool(_fires(law, eid, rule_id, element_id, "cues")) is found
    if found:
        assert bool(_fires(law, eid, rule_id, element_id, "limiting")) is limited


@pytest.mark.corpus
def test_legal_person_clause_is_negated_in_kg_criminal_code():
    # KG CC 24(3): "Юридическое лицо не является субъектом преступления"
    assert _fires(KG_CC_RU, "art_24", "criminalisation_legal_persons", "liability_sanction", "negative")
