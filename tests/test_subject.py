"""Whose provision it is (lawgap.assess.subject): a right of the suspect, a foreign state's request, the one who
commits an offence or casualties are no evidence for a rule that protects victims and witnesses."""

from __future__ import annotations

from functools import cache

import pytest

from lawgap.assess.index import LawIndex
from lawgap.assess.score import score_country
from lawgap.assess.subject import ACCUSED, FOREIGN, OFFICIAL, PROTECTED, subjects
from lawgap.model import Law, Provision
from lawgap.rules import load_rules
from tests.conftest import corpus_law

KG_CC_RU = "kg/criminal_code_2021_ru.docx"
KG_CPC_RU = "kg/criminal_procedure_code_2021_ru.docx"


def _law(language: str, rows: list[tuple[str, str | None, str, str | None, str]], kind: str | None = None) -> Law:
    provs = tuple(
        Provision(eid, parent, k, eid.rsplit("_", 1)[-1], heading, text) for eid, parent, k, heading, text in rows
    )
    name = f"mem-{language}-{abs(hash(rows[0])):x}"
    return Law(name, language, "civil", f"/laws/{name}.txt", name.ljust(64, "0")[:64], provs, kind=kind)


# (language, a sentence worded like the provision that motivated it, the role it names)
ROLES = [
    # KG CPC 102(2): the embassy is told when a foreign suspect is detained
    ("ru", "Если задержанный подозреваемый является гражданином другого государства, уведомляется посольство.",
     ACCUSED),
    # KG CPC 520(1): procedural acts by video link at a foreign state's request
    ("ru", "Процессуальные действия по запросу компетентного органа иностранного государства проводятся с помощью "
           "видеосвязи.", FOREIGN),
    ("ru", "Подозреваемому и потерпевшему обеспечивается помощь переводчика.", PROTECTED),
    ("ru", "Лицам, участвующим в уголовном процессе, обеспечивается безопасность.", PROTECTED),
    # casualties counted by an offence are no victim
    ("ru", "Те же действия, повлекшие человеческие жертвы, наказываются лишением свободы.", ""),
    ("ru", "Суд вправе провести закрытое судебное заседание.", ""),
    ("en", "The Court may, on the request of a foreign State, take evidence by video link.", FOREIGN),
    ("en", "The accused shall have the assistance of an interpreter.", ACCUSED),
    ("en", "A victim or witness may testify through a video link.", PROTECTED),
    ("ky", "Шектүү кармалганда анын жакындарына кабарланат.", ACCUSED),
    ("ky", "Жабырлануучуга котормочунун жардамы көрсөтүлөт.", PROTECTED),
    # the security of judges and law-enforcement officers, not of a victim or witness
    ("ru", "Обеспечение безопасности судей, прокуроров, следователей и дознавателей.", OFFICIAL),
    ("en", "Security of judges, prosecutors and investigators is ensured by the State.", OFFICIAL),
    ("ky", "Судьялардын жана прокурорлордун коопсуздугу камсыз кылынат.", OFFICIAL),
    # officials who act for the victim's security name the victim: the victim's
    ("ru", "Следователь обеспечивает безопасность потерпевшего и свидетеля.", PROTECTED),
    ("ru", "Прокурор вправе обжаловать приговор.", ""),
]


@pytest.mark.parametrize(("language", "text", "role"), ROLES)
def test_the_role_a_sentence_names(language, text, role):
    law = _law(language, [("art_1", None, "article", None, text)])
    ix = LawIndex(law)
    seq = ix.seq_of[("art_1", "text")]
    assert subjects(ix).role(seq, ix.analyses["art_1"].sentences[0]) == role


def test_a_part_naming_nobody_is_read_as_its_article_opens():
    # KG CPC 54: part 1 names the child suspect; part 3(3) ("psychological rehabilitation of the child") names
    # nobody and is about that child; part 4 names child victims and is theirs.
    law = _law("ru", [
        ("art_54", None, "article", "Сотрудник органа по защите детей", ""),
        ("art_54__para_1", "art_54", "paragraph", None,
         "Сотрудник участвует в деле с момента задержания подозреваемого ребенка."),
        ("art_54__para_3", "art_54", "paragraph", None, "Сотрудник обязан:"),
        ("art_54__para_3__point_3", "art_54__para_3", "point", None,
         "разработать меры по психологической реабилитации ребенка;"),
        ("art_54__para_4", "art_54", "paragraph", None, "Сотрудник также представляет интересы потерпевших детей."),
    ])
    ix = LawIndex(law)
    who = subjects(ix)

    def role(eid):
        return who.of(ix.seq_of[(eid, "text")], ix.analyses[eid].sentences[0])

    assert role("art_54__para_3__point_3").role == ACCUSED
    assert role("art_54__para_3__point_3").eid == "art_54__para_1"  # shown where it comes from
    assert role("art_54__para_4").role == PROTECTED


def test_casualties_are_no_victim(tmp_path, monkeypatch):
    # an invented article on drones: "повлекшее человеческие жертвы" counts the dead, it names no victim with rights
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = _law("ru", [
        ("art_300", None, "article", "Незаконное использование беспилотных летательных аппаратов", ""),
        ("art_300__para_2", "art_300", "paragraph", None,
         "То же деяние, повлекшее человеческие жертвы, – наказывается лишением свободы на срок до десяти лет, а "
         "жертвы среди населения подлежат учету."),
    ], kind="criminal_code")
    findings = score_country("UZ", [law], load_rules()).findings
    assert not [(f.rule.id, w) for f in findings for ev in f.evidence for w in ev.words if "жертв" in w]
    assert not [e.id for f in findings for e in f.elements if e.found and e.id == "victim"]


def test_the_teacher_who_commits_the_offence_is_no_participant(tmp_path, monkeypatch):
    # "Неисполнение обязанностей ... педагогом" (the teacher is the offender) is no teacher present at a child's
    # questioning; "допрос ребенка проводится с участием педагога" is.
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    rule = load_rules().by_id["children_friendly_interviews"]
    cc = _law("ru", [
        ("art_187", None, "article", "Неисполнение обязанностей по воспитанию ребенка", ""),
        ("art_187__para_1", "art_187", "paragraph", None,
         "Неисполнение обязанностей по воспитанию ребенка педагогом, соединенное с жестоким обращением с ребенком "
         "при допросе, – наказывается штрафом."),
    ], kind="criminal_code")
    cpc = _law("ru", [
        ("art_203", None, "article", "Особенности допроса ребенка", ""),
        ("art_203__para_1", "art_203", "paragraph", None,
         "Допрос ребенка в качестве потерпевшего проводится с участием педагога или психолога."),
    ], kind="criminal_procedure_code")
    finding = next(f for f in score_country("KG", [cc, cpc], type(load_rules())((rule,))).findings)
    assert {ev.article for ev in finding.evidence} == {"art_203"}


@cache
def _kg_findings():
    laws = [corpus_law(KG_CC_RU), corpus_law(KG_CPC_RU)]
    return {f.rule.id: f for f in score_country("KG", laws, load_rules()).findings}


def _articles(rule_id: str) -> set[str]:
    return {ev.article for ev in _kg_findings()[rule_id].evidence}


# (rule, article that is no evidence for it, why) — the wrong persons of issue 11 on the KG codes
WRONG_SUBJECT = [
    ("witness_protection_video_link", "art_520", "CPC 520: video link at a foreign state's request"),
    ("assistance_psychological", "art_54", "CPC 54(3)(3): rehabilitation of the child suspect of part 1"),
    ("children_friendly_interviews", "art_54", "CPC 54(1): the child suspect's detention"),
    ("privacy_closed_hearings", "art_280", "CPC 280: the questions settled at a hearing of the accused's case"),
    ("children_friendly_interviews", "art_180", "CC 180(2): the teacher commits the offence"),
    ("children_friendly_interviews", "art_156", "CC 156(2)(2): the teacher commits the offence"),
    ("children_friendly_interviews", "art_187", "CC 187: the teacher commits the offence"),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("rule_id", "article", "why"), WRONG_SUBJECT)
def test_wrong_subject_is_no_evidence_on_the_kg_codes(rule_id, article, why):
    assert article not in _articles(rule_id), why


@pytest.mark.corpus
def test_a_detained_suspects_consular_notice_counts_only_for_smuggled_migrants():
    # CPC 102(2): no evidence for any rule about victims, but SOM 16(5) is about the detained migrant himself
    victims = [rid for rid, f in _kg_findings().items() if set(f.rule.targets) != {"smuggled_migrants"}]
    assert not [rid for rid in victims if "art_102" in _articles(rid)]
    assert "art_102" in _articles("smuggling_consular_notification")


@pytest.mark.corpus
def test_child_victims_named_in_a_part_keep_it_as_evidence():
    # CPC 54(4): the officer "also represents the rights and interests of child victims"
    assert "art_54__para_4" in {ev.eid for ev in _kg_findings()["children_guardian"].evidence}


def test_the_security_of_judges_is_no_witness_protection(tmp_path, monkeypatch):
    # an Uzbek-style procedure code: the article on judges' and investigators' security lists the same measures as the
    # witness's (a safe place, transfer to another job in another place), for other persons
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = _law("ru", [
        ("art_76", None, "article", "Обеспечение безопасности судей, прокуроров, следователей и дознавателей", ""),
        ("art_76__para_1", "art_76", "paragraph", None,
         "Судьи, прокуроры, следователи, дознаватели и их близкие родственники находятся под особой защитой."),
        ("art_76__para_2", "art_76", "paragraph", None,
         "Меры безопасности в отношении указанных лиц включают временное помещение в безопасное место и "
         "переселение на другое место жительства."),
    ], kind="criminal_procedure_code")  # fmt: skip
    found = {f.rule.id: f for f in score_country("UZ", [law], load_rules()).findings}
    for rule_id in ("witness_protection_relocation", "assistance_physical_safety"):
        assert "art_76" not in {ev.article for ev in found[rule_id].evidence}, rule_id
