"""Paraphrase: laws of the region say a requirement in other words than the ones the cues were first written from.

The texts are the invented fixture laws (tests/fixtures/laws, see expected.toml there): each case names the
lawyer's finding and the words it rests on. The cues were widened by reviewing near-synonyms proposed by
tools/propose_synonyms.py (natasha's navec embeddings) and by the region's drafting, never from the frozen
test split.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import pytest

from lawgap.assess.score import score_country
from lawgap.model import Law, Provision
from lawgap.parsers import load_law
from lawgap.rules import load_rules
from lawgap.vocab import MET, PARTIAL

FIXTURES = Path(__file__).parent / "fixtures" / "laws"


@cache
def _findings(file: str, country: str) -> dict:
    return {f.rule.id: f for f in score_country(country, [load_law(FIXTURES / file)], load_rules()).findings}


# (fixture, country, rule, status, the article it rests on, limiting words, the paraphrase)
CASES = [
    ("ru_tip_law.txt", "TJ", "children_age_presumption", MET, "art_7", "",
     "При наличии сомнений в возрасте ... он считается ребенком"),
    ("ru_tip_law.txt", "TJ", "residence_recovery_reflection_period", PARTIAL, "art_9", "до тридцати суток",
     "срок для восстановления и принятия решения о сотрудничестве ... до тридцати суток (COE 13: at least 30)"),
    ("ru_tip_law.txt", "TJ", "non_punishment_victims", PARTIAL, "art_11", "от административной ответственности",
     "Пострадавший от торговли людьми освобождается от административной ответственности"),
    ("ru_tip_law.txt", "TJ", "definition_act_recruitment", MET, "art_1", "",
     "вовлечение, перемещение, передача, сокрытие или принятие человека"),
    ("kg_style_cc_ky.txt", "KG", "criminalisation_trafficking_offence", MET, "art_166", "", "Адам сатуу"),
    ("kg_style_cc_ky.txt", "KG", "criminalisation_aggravating_child_victim", MET, "art_166", "",
     "жашы жете электерге карата"),
    # a civil-law code in English: "The same act committed against a person known to be a minor"
    ("en_translation_cc.txt", "UZ", "criminalisation_aggravating_child_victim", MET, "art_135", "",
     "The same act committed against a person known to be a minor"),
    ("en_translation_cc.txt", "UZ", "criminalisation_aggravating_organised_group", MET, "art_135", "",
     "The acts provided for in parts one or two of this Article, committed: a) by an organised group"),
    ("en_translation_tip_law.txt", "TM", "residence_recovery_reflection_period", None, None, "",
     "a period of thirty days to recover and decide whether to cooperate"),
    # a child until the age is known, in the words of an English translation and of a Turkmen-style law
    ("blind9/uz_style_violence_protection_law_en.txt", "UZ", "children_age_presumption", MET, "art_30", "",
     "If the age of a victim is uncertain ..., he or she shall be considered a child"),
    ("blind4/tm_style_anti_trafficking_law_ru.txt", "TM", "children_age_presumption", MET, "art_18", "",
     "Если возраст лица не установлен ..., такое лицо до установления его возраста рассматривается как ребёнок"),
    # disclosure by officials, liability left to other laws, in a final chapter: partial
    ("blind9/tj_style_witness_protection_law_ru.txt", "TJ", "privacy_disclosure_offence", PARTIAL, "art_39",
     "привлекаются к ответственности", "Должностные лица, виновные ... в разглашении сведений о защищаемом лице, "
     "привлекаются к ответственности в соответствии с законодательством"),
    ("blind9/uz_style_violence_protection_law_en.txt", "UZ", "privacy_disclosure_offence", PARTIAL, "art_42",
     "bear disciplinary, administrative or criminal liability", "Officials ... who have disclosed confidential "
     "information about a victim, bear disciplinary, administrative or criminal liability"),
    # a procedure code that only explains the victim's procedural rights, or keeps only a same-sex examination, meets
    # the assistance rule in part (blind round 5's Kazakh-style code, in-sample since)
    ("blind5/kz_style_criminal_procedure_code_excerpt_ru.txt", "KZ", "assistance_counselling_rights", PARTIAL, "art_71",
     "разъяснить ему права", "при признании лица потерпевшим разъяснить ему права ... на языке, которым он владеет"),
    ("blind5/kz_style_criminal_procedure_code_excerpt_ru.txt", "KZ", "assistance_gender_sensitive", PARTIAL,
     "art_223", "одного пола", "Понятые при освидетельствовании ... должны быть одного пола с освидетельствуемым"),
    # the codes name the victim by the offence done to him (blind round 9's Turkmen-style code, in-sample since)
    ("blind9/tm_style_criminal_code_excerpt_ru.txt", "TM", "non_punishment_victims", PARTIAL, "art_129",
     "небольшой или средней тяжести", "Лицо, в отношении которого было совершено преступление, предусмотренное "
     "настоящей статьёй ..., освобождается от уголовной ответственности"),
    # family tracing and a media ban in the words of a Kyrgyz and an English law (blind rounds 5 and 6, in-sample)
    ("blind5/kg_style_anti_trafficking_law_ky.txt", "KG", "children_family_tracing", MET, "art_28", "",
     "Коштоосуз жабыр тартуучу баланын ... үй-бүлөсүн издөө боюнча чаралар"),
    ("blind5/kg_style_anti_trafficking_law_ky.txt", "KG", "privacy_child_victims_media", MET, "art_27", "",
     "баланын инсандыгын аныктоого мүмкүндүк берүүчү маалыматтарды ... жарыялоого тыюу салынат"),
    ("blind6/kz_style_anti_trafficking_law_en.txt", "KZ", "children_family_tracing", MET, "art_28", "",
     "a child ... without parents or other legal representatives ... to search for his parents or other relatives"),
    ("blind6/kz_style_anti_trafficking_law_en.txt", "KZ", "privacy_child_victims_media", MET, "art_27", "",
     "information making it possible to identify a child who has suffered from trafficking"),
    # care without a bar on detention, or a bar for unaccompanied minors only: part of TIP 6(4) (blind rounds 8, 10)
    ("blind10/uz_style_migration_law_ru.txt", "UZ", "children_no_detention", PARTIAL, "art_25",
     "Несовершеннолетние без сопровождения в специальный приёмник", "Несовершеннолетние без сопровождения в "
     "специальный приёмник не помещаются"),
    ("blind8/tj_style_anti_trafficking_law_ru.txt", "TJ", "children_no_detention", PARTIAL, "art_30", "",
     "Дети - жертвы торговли людьми размещаются в центрах реабилитации для детей"),
    # an Uzbek-style law's own words (blind round 11, in-sample since): the NGOs of Uzbek laws, a right listed under
    # its lead-in, an age "неизвестен" far from its verb, no means "не применялись", the training of staff
    ("blind11/uz_style_anti_trafficking_law_ru.txt", "UZ", "assistance_ngo_cooperation", MET, "art_14-1", "",
     "Негосударственные некоммерческие организации ... могут участвовать ... путем оказания жертвам ... помощи"),
    ("blind11/uz_style_anti_trafficking_law_ru.txt", "UZ", "assistance_counselling_rights", MET, "art_21", "",
     "Жертвы торговли людьми имеют право на: ... получение информации о своих правах ... на понятном им языке"),
    ("blind11/uz_style_anti_trafficking_law_ru.txt", "UZ", "children_age_presumption", MET, "art_34", "",
     "В случае если возраст лица, предположительно являющегося жертвой торговли людьми, неизвестен ..."),
    ("blind11/uz_style_anti_trafficking_law_ru.txt", "UZ", "definition_child_without_means", MET, "art_4", "",
     "признается торговлей людьми и в случае, если при этом не применялись насилие, угроза ..."),
    ("blind11/uz_style_anti_trafficking_law_ru.txt", "UZ", "identification_training", MET, "art_17", "",
     "Подготовка, переподготовка и повышение квалификации сотрудников органов внутренних дел ..."),
    ("blind11/tm_style_anti_trafficking_law_en.txt", "TM", "definition_child_without_means", MET, "art_1", "",
     "trafficking in children – ... irrespective of whether any of the means specified in item 1 ... have been used"),
    ("blind11/tm_style_anti_trafficking_law_en.txt", "TM", "definition_consent_irrelevant", MET, "art_1", "",
     "victim ... irrespective of whether that person consented to the intended exploitation"),
    # Kyrgyz names a child victim by a relative clause ("... жабырлануучусу болгон бала") or as "жабыр тартуучу
    # бала" (blind rounds 5 and 14, in-sample)
    ("blind14/kg_style_anti_trafficking_law_ky.txt", "KG", "children_guardian", MET, "art_31", "",
     "Адам сатуунун жабырлануучусу болгон бала ... убактылуу камкорчу же көзөмөлчү дайындайт"),
    ("blind5/kg_style_anti_trafficking_law_ky.txt", "KG", "children_guardian", MET, "art_28", "",
     "Коштоосуз жабыр тартуучу балага ... убактылуу камкорчуну же көзөмөлчүнү дайындайт"),
    # data "являются конфиденциальными", "купуя болуп саналат": kept confidential; "доступ ... имеют только ..." is
    # the restriction itself, no limit of it (blind rounds 12 and 14, in-sample)
    ("blind14/kg_style_anti_trafficking_law_ky.txt", "KG", "privacy_identity_protection", MET, "art_35", "",
     "Адам сатуунун жабырлануучулары ... жөнүндө маалыматтар ... купуя болуп саналат"),
    ("blind12/kg_style_anti_trafficking_law_ru.txt", "KG", "privacy_identity_protection", MET, "art_33", "",
     "Сведения о личности жертвы ... являются конфиденциальными ...; ... только по запросу органа"),
    # help "shall not be conditional on the consent of the victim to cooperate", "не ставится в зависимость от подачи
    # ... заявления": for the items of the list it names only, or for a stay of fixed length (rounds 10, 13, in-sample)
    ("blind13/tj_style_anti_trafficking_law_en.txt", "TJ", "assistance_not_conditional", PARTIAL, "art_24",
     "specified in items", "The provision of the assistance specified in items 1)-3) ... during the period of stay"),
    ("blind10/kz_style_violence_prevention_law_ru.txt", "KZ", "assistance_not_conditional", PARTIAL, "art_22",
     "предусмотренных подпунктами", "Оказание ... услуг, предусмотренных подпунктами 1), 2) и 3) ... не ставится в "
     "зависимость от подачи ... заявления"),
    # consent "не принимается во внимание и не освобождает виновных", or, for a child only, "Согласие малолетнего, а
    # равно его ... законных представителей ... не освобождает виновного" (blind rounds 6 and 12, in-sample)
    ("blind12/kg_style_anti_trafficking_law_ru.txt", "KG", "definition_consent_irrelevant", MET, "art_2", "",
     "Согласие жертвы торговли людьми на эксплуатацию не принимается во внимание и не освобождает виновных лиц"),
    ("blind6/tj_style_criminal_code_excerpt_ru.txt", "TJ", "definition_consent_irrelevant", PARTIAL, "art_130-1",
     "Согласие малолетнего", "Согласие малолетнего, а равно его родителей ... не освобождает виновного"),
    # questioning "в условиях, исключающих визуальное наблюдение": a screen in the words of the region's codes and laws;
    # only in grave cases, partial (blind rounds 5 and 9, in-sample)
    ("blind9/tj_style_witness_protection_law_ru.txt", "TJ", "witness_protection_screens", MET, "art_22", "",
     "в условиях, исключающих визуальное наблюдение ..., с использованием средств, изменяющих голос"),
    ("blind5/kz_style_criminal_procedure_code_excerpt_ru.txt", "KZ", "witness_protection_screens", PARTIAL,
     "art_97-1", "небольшой и средней тяжести", "По делам об уголовных проступках, преступлениях небольшой и средней "
     "тяжести меры ... не применяются"),
    # a child's video-recorded interview played at trial, or pre-trial testimony read out: a deposition in part (no
    # judge takes it); a stay of expulsion for the case's duration: a permit to stay in part (rounds 7, 14, in-sample)
    ("blind14/tj_style_criminal_procedure_code_excerpt_ru.txt", "TJ", "witness_protection_deposition", PARTIAL,
     "art_209-1", "Видеозапись допроса может быть воспроизведена", "Видеозапись допроса может быть воспроизведена"),
    ("blind7/tm_style_migration_law_ru.txt", "TM", "residence_permit_victims", PARTIAL, "art_27",
     "выдворении может быть отсрочено", "исполнение решения о выдворении может быть отсрочено"),
    # an anti-trafficking law whose trafficking "влечет уголовную ответственность" under the Code sets no penalty: the
    # offence by reference, in part; "незаконное лишение свободы" named there is an offence, no penalty (round 16)
    ("blind16/kz_style_anti_trafficking_law_ru.txt", "KZ", "criminalisation_trafficking_offence", PARTIAL, "art_34",
     "влечет уголовную ответственность", "Торговля людьми влечет уголовную ответственность, установленную ..."),
    # a Kyrgyz procedure code's own words for the protection measures: "лакап аты", "видеоконференция аркылуу",
    # "визуалдык байкоосуз", "инсандыгы жөнүндө маалыматтарды купуя сактоо" (round 16, in-sample)
    ("blind16/kg_style_criminal_procedure_code_excerpt_ky.txt", "KG", "witness_protection_pseudonym", MET, "art_59", "",
     "протоколдордо ал колдоно турган лакап аты"),
    ("blind16/kg_style_criminal_procedure_code_excerpt_ky.txt", "KG", "witness_protection_video_link", MET, "art_51",
     "", "видеоконференциянын жардамы менен суракка алынышы мүмкүн"),
    ("blind16/kg_style_criminal_procedure_code_excerpt_ky.txt", "KG", "witness_protection_screens", MET, "art_57", "",
     "корголуучу адамды визуалдык байкоосуз ... суракка алуу"),
    # an anti-trafficking law that says complicity "влекут ответственность в соответствии с общими положениями
    # Уголовного кодекса" and lists the forms for which the Code "устанавливается повышенная ответственность"
    # (round 16, in-sample)
    ("blind16/kz_style_anti_trafficking_law_ru.txt", "KZ", "criminalisation_accomplice", MET, "art_34", "",
     "соучастие в ней влекут ответственность в соответствии с общими положениями Уголовного кодекса"),
    ("blind16/kz_style_anti_trafficking_law_ru.txt", "KZ", "criminalisation_aggravating_serious_harm", MET, "art_34",
     "", "повышенная ответственность за торговлю людьми, совершенную: ... повлекшую по неосторожности смерть"),
    # "shall ... with the consent of the person, send him to a specialised institution" (round 16, in-sample)
    ("blind16/tm_style_witness_protection_law_en.txt", "TM", "identification_referral", MET, "art_27", "",
     "having received information on a person who may be a victim ..., send him to a specialised institution"),
    # a return certificate for "гражданам Республики" only leaves the permanent residents out (TIP 8(1)); an exemption
    # "за нарушение ими миграционного законодательства" covers immigration breaches only (round 16, in-sample)
    ("blind16/kz_style_anti_trafficking_law_ru.txt", "KZ", "residence_accept_return_documents", PARTIAL, "art_9",
     "гражданам Республики", "свидетельство на возвращение ... гражданам Республики Казахстан"),
    ("blind16/tj_style_migration_law_ru.txt", "TJ", "non_punishment_victims", PARTIAL, "art_37",
     "за нарушение ими миграционного законодательства", "не подлежат ответственности ... за нарушение ими "
     "миграционного законодательства государства пребывания"),
    # a procedure code's own words (round 16, in-sample): the victim's details sent "в местный исполнительный орган
    # либо в такую организацию для решения вопроса об оказании помощи"; a request "о продлении срока его временного
    # пребывания" (a stay in part); a minor victim's identity "не подлежат распространению в средствах массовой
    # информации"
    ("blind16/kz_style_criminal_procedure_code_excerpt_ru.txt", "KZ", "identification_referral", MET, "art_71-1", "",
     "направляет сведения о нем в местный исполнительный орган либо в такую организацию ... об оказании помощи"),
    ("blind16/kz_style_criminal_procedure_code_excerpt_ru.txt", "KZ", "residence_permit_victims", PARTIAL,
     "art_101-1", "ходатайство о продлении срока", "направляет ... ходатайство о продлении срока его временного "
     "пребывания"),
    ("blind16/kz_style_criminal_procedure_code_excerpt_ru.txt", "KZ", "privacy_child_victims_media", MET, "art_13", "",
     "личность несовершеннолетнего потерпевшего ... не подлежат распространению в средствах массовой информации"),
    # an English translation of an Uzbek-style code (round 16, in-sample): "by taking advantage of the dependent or
    # helpless position of the victim", "compulsion to perform labour", "the giving of money ... to a person having
    # control over the victim", "even where none of the means ... has been used"
    ("blind16/uz_style_criminal_code_excerpt_en.txt", "UZ", "definition_means_abuse_vulnerability", MET, "art_135", "",
     "by taking advantage of the dependent or helpless position of the victim"),
    ("blind16/uz_style_criminal_code_excerpt_en.txt", "UZ", "definition_purpose_forced_labour", MET, "art_135", "",
     "exploitation means ... compulsion to perform labour or render services"),
    ("blind16/uz_style_criminal_code_excerpt_en.txt", "UZ", "definition_means_payments", MET, "art_135", "",
     "the giving of money or other material benefits to a person having control over the victim"),
    ("blind16/uz_style_criminal_code_excerpt_en.txt", "UZ", "definition_child_without_means", MET, "art_135", "",
     "of a minor ... shall be recognized as trafficking in persons even where none of the means ... has been used"),
    # "адам сатуунун жабырлануучусу", the trafficking offence's victim, is the victim the Kyrgyz cues name by
    # "курмандык" (round 14, in-sample); an exemption under the Code of Offences ("Укук бузуулар жөнүндө
    # кодексинде") is from administrative liability only (round 5, in-sample)
    ("blind14/kg_style_anti_trafficking_law_ky.txt", "KG", "assistance_medical", MET, "art_28", "",
     "адам сатуунун жабырлануучусуна ... медициналык жардам"),
    ("blind5/kg_style_anti_trafficking_law_ky.txt", "KG", "non_punishment_victims", PARTIAL, "art_29",
     "Укук бузуулар жөнүндө кодексинде", "... Укук бузуулар жөнүндө кодексинде каралган ... жоопкерчиликке тартылбайт"),
    # a Turkmen-style law (round 17, in-sample): "Более строгая ответственность устанавливается Уголовным кодексом
    # ... за торговлю людьми, совершённую: ... организованной группой", the same for smuggling "с созданием опасности
    # для жизни или здоровья", and a child trafficked "если они не связаны с применением какого-либо из средств"
    ("blind17/tm_style_anti_trafficking_law_ru.txt", "TM", "criminalisation_aggravating_organised_group", MET,
     "art_40", "", "Более строгая ответственность устанавливается ... за торговлю людьми, совершённую: ..."),
    ("blind17/tm_style_anti_trafficking_law_ru.txt", "TM", "smuggling_aggravating_danger", MET, "art_42", "",
     "Более строгая ответственность устанавливается за незаконный ввоз мигрантов, ... с созданием опасности"),
    ("blind17/tm_style_anti_trafficking_law_ru.txt", "TM", "definition_child_without_means", MET, "art_1", "",
     "получение ребёнка ... признаются торговлей людьми и в том случае, если они не связаны с применением ..."),
    # an anti-trafficking law that states the liability the code sets (blind round 12, in-sample since): complicity
    # as acts ("организация, подстрекательство и пособничество ... влекут ответственность"), "повышенная
    # ответственность за торговлю людьми, совершенную: ... в отношении ребенка"
    ("blind12/kg_style_anti_trafficking_law_ru.txt", "KG", "criminalisation_accomplice", MET, "art_18", "",
     "организация, подстрекательство и пособничество в ее совершении влекут ответственность"),
    ("blind12/kg_style_anti_trafficking_law_ru.txt", "KG", "criminalisation_organising", MET, "art_18", "",
     "организация, подстрекательство и пособничество"),
    ("blind12/kg_style_anti_trafficking_law_ru.txt", "KG", "criminalisation_aggravating_child_victim", MET, "art_18",
     "", "устанавливается повышенная ответственность за торговлю людьми, совершенную: ... в отношении ребенка"),
    # a procedure code in English translation says it in the Russian code's words (round 12, in-sample since)
    ("blind12/kz_style_criminal_procedure_code_excerpt_en.txt", "KZ", "witness_protection_video_link", MET, "art_210",
     "", "interrogation ... in the mode of video-communication (remote interrogation)"),
    ("blind12/kz_style_criminal_procedure_code_excerpt_en.txt", "KZ", "witness_protection_non_disclosure", MET,
     "art_97", "", "the non-disclosure of the data on the identity of the protected person"),
    ("blind12/kz_style_criminal_procedure_code_excerpt_en.txt", "KZ", "privacy_closed_hearings", MET, "art_28", "",
     "A closed court session ... in the interests of the security of the victim"),
    ("blind12/kz_style_criminal_procedure_code_excerpt_en.txt", "KZ", "participation_information", MET, "art_71", "",
     "The victim shall have the right: to know about the suspicion and the charge"),
    # "не ставится в зависимость от его согласия на сотрудничество" (blind round 8, in-sample)
    ("blind8/kz_style_social_services_law_ru.txt", "KZ", "assistance_not_conditional", PARTIAL, "art_23-1", "",
     "Оказание специальных социальных услуг ... не ставится в зависимость от его согласия на сотрудничество"),
    # a procedure code lets the prosecutor drop the case of a coerced victim: non-punishment, with its limits (round 12)
    ("blind12/kz_style_criminal_procedure_code_excerpt_en.txt", "KZ", "non_punishment_victims", PARTIAL, "art_36-1",
     "", "may terminate the criminal prosecution of a person recognised as a victim ... as a direct consequence"),
    # the region's formula of the smuggling offence: "Организация незаконного въезда в Республику ..., пребывания в
    # Республике ... или транзитного проезда" (one adjective for the list), "The organisation of the illegal entry ...
    # of foreign citizens ..., of their illegal stay ..." (blind rounds 10 and 14, in-sample)
    ("blind14/kz_style_criminal_code_excerpt_ru.txt", "KZ", "smuggling_enabling_stay", MET, "art_394", "",
     "Организация незаконного въезда в Республику Казахстан, пребывания в Республике Казахстан"),
    ("blind10/tj_style_criminal_code_excerpt_en.txt", "TJ", "smuggling_enabling_stay", MET, "art_335-1", "",
     "The organisation of the illegal entry ... of their illegal stay in the Republic of Tajikistan"),
    # "имеются основания полагать, что оно не достигло восемнадцатилетнего возраста ... применяются положения ...,
    # предусмотренные для несовершеннолетних", in a state-protection law: only for its protected person (round 12)
    ("blind12/kz_style_witness_protection_law_ru.txt", "KZ", "children_age_presumption", PARTIAL, "art_24",
     "защищаемого лица", "возраст защищаемого лица не установлен и имеются основания полагать ..."),
]


@pytest.mark.parametrize(("file", "country", "rule_id", "status", "article", "limiting", "words"), CASES)
def test_a_paraphrase_is_read(file, country, rule_id, status, article, limiting, words):
    finding = _findings(file, country)[rule_id]
    assert any(e.found for e in finding.elements), words
    if status is None:
        return  # found; the status waits for the English civil-law grammar of that fixture
    assert finding.status == status, finding.explanation
    assert finding.evidence[0].article == article
    if limiting:
        assert limiting in finding.explanation


def test_a_residence_permit_is_no_shelter():
    # "разрешение на временное проживание" (art 10) is a residence permit: no evidence of housing
    finding = _findings("ru_tip_law.txt", "TJ")["assistance_housing"]
    assert "art_10" not in {ev.article for ev in finding.evidence}


@pytest.mark.parametrize(("rule_id", "text"), [
    # a stay in a crisis centre, and the place where a victim stays, are no permission to stay in the country
    ("residence_permit_victims",
     "Иностранцам, пострадавшим от торговли людьми, временное проживание в кризисном центре предоставляется на "
     "срок до тридцати суток."),
    ("residence_permit_victims",
     "Сведения о месте временного проживания лица, пострадавшего от торговли людьми, не сообщаются."),
    # humane treatment by officials is no humanitarian ground in a decision on residence
    ("residence_humanitarian_factors",
     "Лицо, пострадавшее от торговли людьми, имеет право на уважительное и гуманное отношение должностных лиц."),
])  # fmt: skip
def test_look_alikes_of_a_stay_in_the_country_are_no_evidence(rule_id, text, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = (Provision("art_21", None, "article", "21", None, text),)
    law = Law("law", "ru", "civil", "/law21.txt", hashlib.sha256(text.encode()).hexdigest(), provs,
              kind="anti_trafficking", country="KZ")  # fmt: skip
    rules = load_rules()
    [finding] = score_country("KZ", [law], type(rules)((rules.by_id[rule_id],))).findings
    assert finding.evidence == (), finding.explanation


def test_a_permit_extended_while_the_victim_stays_in_a_centre_is_a_permit(tmp_path, monkeypatch):
    text = ("Иностранным гражданам, признанным жертвами торговли людьми, срок временного пребывания в Республике "
            "Узбекистан продлевается на период их пребывания в реабилитационном центре.")  # fmt: skip
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = (Provision("art_29", None, "article", "29", None, text),)
    law = Law("law", "ru", "civil", "/law29.txt", hashlib.sha256(text.encode()).hexdigest(), provs,
              kind="anti_trafficking", country="UZ")  # fmt: skip
    rules = load_rules()
    [finding] = score_country("UZ", [law], type(rules)((rules.by_id["residence_permit_victims"],))).findings
    assert [ev.article for ev in finding.evidence] == ["art_29"]


def test_the_state_recovering_its_costs_of_a_return_from_the_convicted_is_no_compensation_of_the_victim():
    # "Расходы на возвращение лиц, признанных жертвами ..., ... не могут быть возмещены за счёт лиц, осуждённых"
    finding = _findings("blind16/tj_style_migration_law_ru.txt", "TJ")["compensation_from_offender"]
    assert "art_44" not in {ev.article for ev in finding.evidence}, finding.explanation


def test_a_return_article_that_names_permanent_residents_is_no_return_of_citizens_only():
    finding = _findings("blind5/kz_style_migration_law_excerpt_ru.txt", "KZ")["residence_accept_return_documents"]
    assert finding.status == MET, finding.explanation
