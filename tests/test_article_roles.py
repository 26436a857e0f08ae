"""What an article does decides whether it is evidence: a definitions or financing article frames the law, a
qualified part of an offence is an aggravated form whatever words open it."""

from __future__ import annotations

import pytest

from lawgap.assess.roles import framing_role, regulates
from lawgap.assess.score import score_country
from lawgap.model import Law, Provision
from lawgap.rules import load_rules

ROLES = [
    ("Основные понятия, используемые в настоящем Законе", "definitions"),
    ("Ушул Мыйзамда колдонулуучу негизги түшүнүктөр", "definitions"),
    ("Meaning of the main terms used in this Code", "definitions"),
    ("Финансирование деятельности по противодействию торговле людьми", "financing"),
    ("Funding of crisis centres", "financing"),
    ("Государственный контроль в сфере оказания специальных социальных услуг", "control"),
    ("Цели и задачи настоящего Закона", "purpose"),
    ("Purposes of this Law", "purpose"),
    ("Interpretation", "definitions"),  # the definitions section of a common-law Act
    ("Interpretation and explanation of rights", ""),  # an interpreter and the rights in one's language
    ("Законодательство Республики Казахстан о специальных социальных услугах", "legislation"),
    # confidentiality or cooperation as a principle: another article grants the measure
    ("Основные принципы противодействия торговле людьми", "principles"),
    ("Принципы оказания социальных услуг", "principles"),
    ("Principles of combating trafficking in persons", "principles"),
    ("Адам сатууга каршы аракеттенүүнүн негизги принциптери", "principles"),
    ("Принцип языка уголовного судопроизводства", ""),  # a code's principle grants the interpreter
    # articles that may grant or punish
    ("Компетенция местных исполнительных органов", ""),  # "обеспечивают предоставление временного жилья"
    ("Права жертвы торговли людьми", ""),
    ("Временное проживание в кризисных центрах", ""),
    ("Помощь в целях реинтеграции", ""),  # "в целях" is no statement of the law's purposes
    ("Подготовка кадров в сфере противодействия торговле людьми", "training"),
    ("Подготовка специалистов", "training"),
    ("Training of specialists", "training"),
    ("Трудоустройство и профессиональное обучение жертв", ""),  # the victim's vocational training is help
    ("Ответственность за нарушение законодательства о социальных услугах", ""),
    (None, ""),
]


@pytest.mark.parametrize(("heading", "role"), ROLES)
def test_framing_role(heading, role):
    assert framing_role(heading) == role


def _law(provisions: list[Provision], kind: str, language: str = "ru") -> Law:
    return Law("law", language, "civil", "/laws/law.txt", "ab" * 32, tuple(provisions), kind=kind, country="KZ")


def _art(num: str, heading: str, text: str) -> list[Provision]:
    return [Provision(f"art_{num}", None, "article", num, heading, ""),
            Provision(f"art_{num}__para_1", f"art_{num}", "paragraph", "1", None, text)]  # fmt: skip


DEFINES = _art(
    "1",
    "Основные понятия, используемые в настоящем Законе",
    "кризисный центр — организация, обеспечивающая временное проживание и питание жертв торговли людьми;",
)
GRANTS = _art(
    "8",
    "Помощь жертвам торговли людьми",
    "Жертвам торговли людьми предоставляются временное проживание в кризисном центре, питание и одежда.",
)


def test_a_definition_is_no_evidence_beside_the_article_that_grants(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    rules = load_rules()
    f = next(x for x in score_country("KZ", [_law(DEFINES + GRANTS, "anti_trafficking")], rules).findings
             if x.rule.id == "assistance_housing")  # fmt: skip
    assert f.status == "met"
    assert [ev.article for ev in f.evidence] == ["art_8"]


def test_a_definition_the_law_says_nothing_else_of_stays_evidence(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    rules = load_rules()
    f = next(x for x in score_country("KZ", [_law(DEFINES, "anti_trafficking")], rules).findings
             if x.rule.id == "assistance_housing")  # fmt: skip
    assert [ev.article for ev in f.evidence] == ["art_1"]


TRAINS = _art(
    "19",
    "Подготовка кадров",
    "Сотрудники органов внутренних дел проходят обучение по вопросам выявления жертв торговли людьми, порядка их "
    "идентификации и направления в центры помощи.",
)
IDENTIFIES = _art(
    "20",
    "Идентификация жертв торговли людьми",
    "Идентификация жертв торговли людьми проводится органами внутренних дел в порядке, установленном "
    "Правительством, в течение десяти дней.",
)


@pytest.mark.parametrize(("rule_id", "articles"), [
    ("identification_procedure", ["art_20"]),  # officials' training is not the procedure itself
    ("identification_training", ["art_19"]),  # but it is the training
])  # fmt: skip
def test_a_training_article_is_evidence_only_of_training(rule_id, articles, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    rules = load_rules()
    law = _law(TRAINS + IDENTIFIES, "anti_trafficking")
    [f] = score_country("KZ", [law], type(rules)((rules.by_id[rule_id],))).findings
    assert [ev.article for ev in f.evidence] == articles, f.explanation


PRINCIPLES = _art(
    "4",
    "Основные принципы противодействия торговле людьми",
    "Противодействие торговле людьми основывается на принципах: конфиденциальности сведений о жертвах торговли "
    "людьми; приоритета наилучших интересов ребенка.",
)
CONFIDENTIAL = _art(
    "25",
    "Конфиденциальность",
    "Сведения о личности жертвы торговли людьми являются конфиденциальными и не подлежат разглашению.",
)


@pytest.mark.parametrize(("rule_id", "articles"), [
    ("privacy_identity_protection", ["art_25"]),  # confidentiality as a principle: art 25 grants it
    ("children_best_interests", ["art_4"]),  # the child's best interests is a principle by nature
])  # fmt: skip
def test_a_principles_article_is_evidence_only_where_the_law_grants_it_nowhere_else(
    rule_id, articles, tmp_path, monkeypatch
):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    rules = load_rules()
    law = _law(PRINCIPLES + CONFIDENTIAL, "anti_trafficking")
    [f] = score_country("KZ", [law], type(rules)((rules.by_id[rule_id],))).findings
    assert [ev.article for ev in f.evidence] == articles, f.explanation


def test_a_qualified_part_is_an_aggravated_form_whatever_opens_it(tmp_path, monkeypatch):
    # a Kyrgyz-language trafficking article whose part 2 opens "Ушул эле аракеттер:" and lists a minor victim
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = [
        Provision("art_141", None, "article", "141", "Адам сатуу", ""),
        Provision("art_141__para_1", "art_141", "paragraph", "1", None,
                  "Адам сатуу, башкача айтканда, эксплуатациялоо максатында адамды сатуу же сатып алуу, — "
                  "IV категориядагы эркинен ажыратуу менен жазаланат."),
        Provision("art_141__para_2", "art_141", "paragraph", "2", None, "Ушул эле аракеттер:", qualified=True),
        Provision("art_141__para_2__point_1", "art_141__para_2", "point", "1", None,
                  "жашы жете элек адамга карата жасалса, — V категориядагы эркинен ажыратуу менен жазаланат."),
    ]  # fmt: skip
    law = Law("cc", "ky", "civil", "/laws/cc.txt", "cd" * 32, tuple(provs), kind="criminal_code", country="KG")
    f = next(x for x in score_country("KG", [law], load_rules()).findings
             if x.rule.id == "criminalisation_aggravating_child_victim")  # fmt: skip
    assert f.status == "met"
    assert f.evidence[0].article == "art_141"


@pytest.mark.parametrize(("language", "text", "regulating"), [
    ("ru", "определяет порядок предоставления разрешения на временное пребывание жертвам торговли людьми;", True),
    ("ru", "разрабатывает и утверждает порядок направления лиц, пострадавших от насилия, в кризисные центры;", True),
    ("ru", "Правительство Республики Казахстан утверждает стандарты оказания специальных социальных услуг.", True),
    ("ru", "обеспечивают предоставление временного жилья жертвам торговли людьми;", False),
    ("ru", "Жертве выдается разрешение, порядок выдачи которого определяет Правительство.", False),
    ("en", "approves the rules for the referral of victims to assistance centres;", True),
    ("en", "provides shelter to victims of trafficking;", False),
    ("ky", "курмандыктарга убактылуу жашоого уруксат берүүнүн тартибин аныктайт;", True),
    ("ky", "курмандыктарга убактылуу турак жай берет;", False),
])  # fmt: skip
def test_a_power_to_regulate_is_told_from_a_grant(language, text, regulating):
    assert regulates(text, language) is regulating


PERMIT_POWER = _art(
    "6",
    "Компетенция Правительства",
    "определяет порядок предоставления разрешения на временное пребывание жертвам торговли людьми;",
)
PERMIT_GRANT = _art(
    "31",
    "Временное пребывание иностранцев, пострадавших от торговли людьми",
    "Иностранцам, признанным потерпевшими по уголовному делу о торговле людьми, по ходатайству органа, ведущего "
    "уголовный процесс, может быть выдано разрешение на временное пребывание на срок производства по делу.",
)


def test_the_article_that_grants_a_permit_decides_its_limits_not_the_power_to_regulate_it(tmp_path, monkeypatch):
    # the Government's power to set the procedure names the permit without a limit; the article that grants it
    # gives it only to a victim recognised in a criminal case, at the request of the investigating body
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    rules = load_rules()
    law = _law(PERMIT_POWER + PERMIT_GRANT, "anti_trafficking")
    [f] = score_country("KZ", [law], type(rules)((rules.by_id["residence_permit_victims"],))).findings
    assert f.status == "partial", f.explanation
    assert f.evidence[0].article == "art_31"
    assert "признанным потерпевшими по уголовному делу" in [x.words for x in f.limitations]


DEFINITIONS_NO_MEANS = [
    Provision("art_1", None, "article", "1", "Основные понятия, используемые в настоящем Законе", ""),
    Provision("art_1__point_1", "art_1", "point", "1", None,
              "психологическое насилие – воздействие на психику человека путем угроз, шантажа и принуждения;"),
    Provision("art_1__point_2", "art_1", "point", "2", None,
              "торговля людьми – купля-продажа человека, а равно его вербовка, перевозка, передача, укрывательство "
              "или получение, совершенные в целях эксплуатации;"),
    Provision("art_1__point_3", "art_1", "point", "3", None,
              "эксплуатация человека – использование принудительного труда, вовлечение в занятие проституцией, "
              "принуждение к попрошайничеству;"),
]  # fmt: skip


@pytest.mark.parametrize("rule_id", ["definition_means_fraud_deception", "definition_means_abuse_vulnerability"])
def test_a_definition_of_trafficking_without_means_is_broader_whatever_other_items_define(rule_id, tmp_path,
                                                                                          monkeypatch):  # fmt: skip
    # the coercion in the items defining violence and exploitation is no means of the trafficking item 2 defines
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    rules = load_rules()
    law = _law(DEFINITIONS_NO_MEANS, "anti_trafficking")
    [f] = score_country("KZ", [law], type(rules)((rules.by_id[rule_id],))).findings
    assert f.status == "met", f.explanation
    assert f.broader


AT_LAW_EN = [
    Provision("art_1", None, "article", "1", "Basic concepts used in this Law", ""),
    Provision("art_1__point_1", "art_1", "point", "1", None,
              "trafficking in persons – the recruitment, transportation, transfer, harbouring or receipt of a person "
              "for the purpose of exploitation, by means of the threat or use of force;"),
    Provision("art_1__point_2", "art_1", "point", "2", None,
              "forced labour – any work exacted from a person under the menace of any punishment;"),
    Provision("art_5", None, "article", "5", "Principles",
              "the inevitability of punishment for trafficking in persons;"),
    Provision("art_28", None, "article", "28", "Compensation",
              "Property confiscated from the offender is transferred to the budget and the victim receives "
              "compensation."),
]  # fmt: skip


def test_a_law_that_names_punishment_but_punishes_nothing_defines_trafficking_only_in_its_definitions(
    tmp_path, monkeypatch
):
    # "the menace of any punishment", "the inevitability of punishment": no sanction of the law's own, so an article
    # on compensation that says "transferred" and "receives" is no act of trafficking
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    rules = load_rules()
    law = _law(AT_LAW_EN, "anti_trafficking", "en")
    for rule_id in ("definition_act_transfer", "definition_act_receipt"):
        [f] = score_country("KZ", [law], type(rules)((rules.by_id[rule_id],))).findings
        assert [ev.article for ev in f.evidence] == ["art_1"], (rule_id, f.explanation)


def test_persons_subjected_to_trafficking_is_no_condition(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    rules = load_rules()
    text = ("State bodies train their staff in identifying persons subjected to trafficking in persons and in "
            "working with victims.")  # fmt: skip
    law = _law(_art("18", "Training of specialists", text), "anti_trafficking", "en")
    [f] = score_country("KZ", [law], type(rules)((rules.by_id["identification_training"],))).findings
    assert f.status == "met", f.explanation


def test_an_exemption_for_someone_else_in_the_victims_article_is_no_non_punishment(tmp_path, monkeypatch):
    # part 1 gives the victim help; part 2 frees from liability a person who reported in good faith: not the victim
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = [
        Provision("art_22", None, "article", "22", "Сообщения о торговле людьми", ""),
        Provision("art_22__para_1", "art_22", "paragraph", "1", None,
                  "Жертве торговли людьми оказывается помощь в реабилитационном центре."),
        Provision("art_22__para_2", "art_22", "paragraph", "2", None,
                  "Лицо, добросовестно сообщившее о фактах торговли людьми, не подлежит ответственности, если "
                  "сведения не подтвердились."),
    ]  # fmt: skip
    rules = load_rules()
    [f] = score_country("KZ", [_law(provs, "anti_trafficking")], type(rules)((rules.by_id["non_punishment_victims"],))
                        ).findings  # fmt: skip
    assert f.evidence == (), f.explanation
