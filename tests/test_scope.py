"""What limits a finding (lawgap.assess.scope, lawgap.assess.conditions): a law's territory, persons and schedule,
a provision's conditions, results and gravity, each a named limitation in the law's words."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import pytest

from lawgap.assess.conditions import kind_of
from lawgap.assess.index import LawIndex
from lawgap.assess.scope import law_scope
from lawgap.assess.score import score_country
from lawgap.model import Law, Provision
from lawgap.parsers import load_law
from lawgap.rules import load_rules
from lawgap.vocab import GAP, LIMITATION_KINDS, MET, PARTIAL
from tests.conftest import corpus_law

FIXTURES = Path(__file__).parent / "fixtures" / "laws"
PK_WPA = "pk/witness_protection_security_and_benefit_act_2017_ocr.pdf"
KZ_SSS = "kz/special_social_services_law_2008_ru.md"


@cache
def _findings(country: str, *files: str) -> dict:
    return {f.rule.id: f for f in score_country(country, [corpus_law(f) for f in files], load_rules()).findings}


def _finding(country: str, law: Law, rule_id: str):
    """The one finding of one rule on one law."""
    rules = load_rules()
    [finding] = score_country(country, [law], type(rules)((rules.by_id[rule_id],))).findings
    return finding


def _law_of(title: str, language: str, kind: str, provs: tuple[Provision, ...]) -> Law:
    """A law made of these provisions, its digest read from them (so that no two fixtures share a cache entry)."""
    digest = hashlib.sha256(repr(provs).encode()).hexdigest()
    return Law(title, language, "civil", f"/{digest[:8]}.txt", digest, provs, kind=kind)


def _article(num: str, heading: str | None, text: str) -> tuple[Provision, Provision]:
    """An article whose one part holds `text` (art_N and art_N__para_1)."""
    eid = f"art_{num}"
    article = Provision(eid, None, "article", num, heading, "")
    return article, Provision(f"{eid}__para_1", eid, "paragraph", "1", None, text)


def _limits(finding) -> dict[str, str]:
    return {x.kind: x.words for x in finding.limitations}


@pytest.mark.corpus
@pytest.mark.parametrize(
    "rule_id", ["witness_protection_measures", "witness_protection_relocation", "witness_protection_video_link"]
)
def test_pk_witness_protection_act_is_limited_to_its_territory_and_schedule(rule_id):
    # s. 1(2) "It extends to such areas in the federation as are not included in any Province" (Islamabad);
    # s. 2(k) a serious offence is "an offence as specified in the Schedule", which does not name trafficking
    # but ends with "any other offence as may be prescribed": partial, not excluded
    finding = _findings("PK", PK_WPA)[rule_id]
    assert finding.status == PARTIAL
    limits = _limits(finding)
    assert "extends to such areas in the federation as are not included in any Province" in limits["territory"]
    assert "an offence as specified in the Schedule" in limits["schedule"]
    assert "any Province" in finding.explanation


@pytest.mark.corpus
def test_kg_cc_353_disclosure_is_partial_service_acquired_and_grave_harm():
    finding = _findings("KG", "kg/criminal_code_2021_ru.docx")["privacy_disclosure_offence"]
    assert finding.status == PARTIAL
    assert finding.evidence[0].article == "art_353"
    limits = _limits(finding)
    assert limits["persons"] == "в связи с его служебной деятельностью"
    assert limits["result"] == "причинившее по неосторожности тяжкий вред"


@pytest.mark.corpus
def test_kz_special_social_services_reach_citizens_and_permanent_residents_only():
    # art 3: "распространяется на граждан Республики Казахстан, кандасов, а также постоянно проживающих на
    # территории Республики Казахстан иностранцев и лиц без гражданства": a foreign victim passing through is out
    [scope] = law_scope(LawIndex(corpus_law(KZ_SSS)))
    assert scope.limitation.kind == "persons" and scope.limitation.eid == "art_3"
    assert "постоянно проживающих на территории Республики Казахстан иностранцев" in scope.limitation.words
    # (a rule whose home law is not supplied and that the SSS law meets only in part is not assessed: not counted)
    resting = [f for f in _findings("KZ", KZ_SSS).values() if f.evidence and f.status in (MET, PARTIAL)]
    assert resting
    for f in resting:
        assert f.status == PARTIAL, f.rule.id
        assert "постоянно проживающих" in _limits(f)["persons"], f.rule.id


@pytest.mark.corpus
def test_codes_have_no_persons_scope():
    # KZ CC 8 ("граждан ..., постоянно проживающих ...") is jurisdiction over offenders, not a limit on victims
    assert not law_scope(LawIndex(corpus_law("kz/criminal_code_2014_ru.md")))


def test_a_scope_sentence_limits_the_articles_it_cites():
    # invented TJ-style law: art 3(2) limits the social help of art 8 to citizens and resident stateless persons;
    # art 3(1) covers foreigners, so the rest of the law is not limited
    law = load_law(FIXTURES / "ru_tip_law.txt")
    [scope] = law_scope(LawIndex(law))
    assert scope.articles == {"art_8"}
    assert "граждан Республики Таджикистан и лиц без гражданства, постоянно проживающих" in scope.limitation.words


def test_a_definitions_list_and_citizens_self_government_are_no_scope(tmp_path, monkeypatch):
    # Uzbek laws name the mahalla "органы самоуправления граждан"; "В настоящем Законе применяются следующие
    # основные понятия:" opens the definitions, it sets no reach of the law
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    text = (
        "В настоящем Законе применяются следующие основные понятия: противодействие торговле людьми — деятельность "
        "органов самоуправления граждан по предупреждению торговли людьми."
    )
    law = Law("x", "ru", "civil", "/x.txt", hashlib.sha256(text.encode()).hexdigest(),
              (Provision("art_4", None, "article", "4", "Основные понятия", text),), kind="anti_trafficking")
    assert law_scope(LawIndex(law)) == ()


def test_regardless_of_citizenship_is_no_limit():
    # invented KZ-style law, art 7(2): measures apply "независимо от того, является ли защищаемое лицо гражданином"
    assert law_scope(LawIndex(load_law(FIXTURES / "kz_style_law_ru.docx"))) == ()


@pytest.mark.parametrize("regardless", [
    "Положения настоящей статьи применяются независимо от гражданства лица и места его постоянного проживания.",
    "Экстренная медицинская помощь оказывается бесплатно независимо от наличия у них гражданства Республики "
    "Казахстан и документов, удостоверяющих личность.",
])  # fmt: skip
def test_an_article_applying_regardless_of_citizenship_is_carved_out_of_a_citizens_only_scope(regardless):
    # invented KZ-style social-services law: art 3 reaches citizens and permanent residents; art 19-1, added for
    # trafficking victims, applies "независимо от гражданства": the special rule of the same law prevails
    law = _law([
        ("art_3", None, "article", "Сфера действия настоящего Закона",
         "Действие настоящего Закона распространяется на граждан Республики Казахстан, а также постоянно "
         "проживающих на территории Республики Казахстан иностранцев."),
        ("art_8", None, "article", "Виды услуг", "Жертве торговли людьми предоставляется временное жилье."),
        ("art_19-1", None, "article", "Право на жилье",
         "Жертве торговли людьми предоставляется безопасное временное жилье. " + regardless),
    ], kind="victim_support")
    [scope] = law_scope(LawIndex(law))
    assert scope.limitation.kind == "persons"
    assert scope.covers("art_8") and scope.covers("art_3")
    assert not scope.covers("art_19-1")


@pytest.mark.parametrize(("sentence", "limits"), [
    # help given to settled foreigners "наравне с гражданами": the law's reach widened, nothing limited
    ("Иностранцам и лицам без гражданства, постоянно проживающим в Республике Казахстан, помощь в соответствии с "
     "настоящим Законом оказывается наравне с гражданами Республики Казахстан.", False),
    # the same persons named as the only ones the help reaches: a limit
    ("Помощь в соответствии с настоящим Законом оказывается гражданам Республики Казахстан, а также иностранцам и "
     "лицам без гражданства, постоянно проживающим в Республике Казахстан.", True),
])  # fmt: skip
def test_help_on_equal_terms_with_citizens_is_no_limit_to_citizens(sentence, limits):
    # an invented KZ-style anti-trafficking law, art 3: who gets the help it gives
    law = _law([
        ("art_3", None, "article", "Сфера действия настоящего Закона", sentence),
        ("art_8", None, "article", "Виды помощи", "Жертве торговли людьми предоставляется временное жилье."),
    ])
    scopes = law_scope(LawIndex(law))
    assert bool(scopes) == limits, scopes


def test_help_on_an_equal_footing_with_citizens_is_no_limit_in_english():
    # an invented English translation of a scope article: settled foreigners get the help as citizens do
    rows = (
        ("art_3", None, "article", "Scope of this Law",
         "Foreign citizens and stateless persons permanently residing in the Republic of Uzbekistan shall be provided "
         "with assistance under this Law on an equal footing with citizens of the Republic of Uzbekistan."),
        ("art_8", None, "article", "Types of assistance", "A victim of trafficking shall be provided with shelter."),
    )
    provs = tuple(Provision(eid, parent, k, eid.rsplit("_", 1)[-1], head, text) for eid, parent, k, head, text in rows)
    law = Law("Law", "en", "civil", "/laws/law_en.txt", "fe" * 32, provs, kind="anti_trafficking", country="UZ")
    assert law_scope(LawIndex(law)) == ()


@pytest.mark.parametrize("sentence", [
    "Положения настоящего Закона о возвращении жертв торговли людьми, находящихся за пределами Республики "
    "Узбекистан, распространяются на граждан Республики Узбекистан.",
    "Положения настоящего Закона о помощи жертвам, пострадавшим за рубежом, распространяются на граждан.",
])  # fmt: skip
def test_a_limit_to_citizens_of_the_provisions_on_victims_abroad_is_no_limit_of_the_law(sentence):
    # a state returns and helps its own citizens abroad; foreign victims in the country keep the law's other help
    law = _law([
        ("art_3", None, "article", "Сфера действия настоящего Закона", sentence),
        ("art_8", None, "article", "Виды помощи", "Жертве торговли людьми предоставляется временное жилье."),
    ])
    assert law_scope(LawIndex(law)) == ()


def test_a_law_for_citizens_harmed_at_home_or_abroad_is_limited_to_citizens():
    # victims "на территории Республики или за ее пределами": the whole law, not only its provisions on victims abroad
    law = _law([
        ("art_3", None, "article", "Сфера действия настоящего Закона",
         "Действие настоящего Закона распространяется на граждан Республики Таджикистан, ставших жертвами торговли "
         "людьми на территории Республики Таджикистан или за ее пределами."),
        ("art_8", None, "article", "Виды помощи", "Жертве торговли людьми предоставляется временное жилье."),
    ])  # fmt: skip
    [scope] = law_scope(LawIndex(law))
    assert scope.limitation.kind == "persons" and scope.covers("art_8")


def test_foreigners_given_the_chapters_and_ranges_of_articles_a_scope_names_are_carved_out_of_its_limit():
    # a Turkmen-style rehabilitation law: the law is for citizens and permanent residents; foreigners staying
    # temporarily get "главой 2 и статьями 8–10": those articles are theirs, the others are not
    law = _law([
        ("art_4", None, "article", "Сфера действия настоящего Закона",
         "Действие настоящего Закона распространяется на граждан Туркменистана и постоянно проживающих в "
         "Туркменистане иностранных граждан, пострадавших от торговли людьми. На иностранных граждан, временно "
         "пребывающих в Туркменистане, действие настоящего Закона распространяется в части, предусмотренной главой 2 "
         "и статьями 8–10 настоящего Закона."),
        ("chp_2", None, "chapter", "Помощь", ""),
        ("art_6", "chp_2", "article", "Жилье", "Жертве торговли людьми предоставляется временное жилье."),
        ("art_9", None, "article", "Возвращение", "Жертве торговли людьми оказывается содействие в возвращении."),
        ("art_12", None, "article", "Обучение", "Ребенку-жертве обеспечивается продолжение обучения."),
    ])  # fmt: skip
    [scope] = law_scope(LawIndex(law))
    assert scope.covers("art_12")
    assert not scope.covers("art_6") and not scope.covers("art_9")


def test_foreigners_who_have_the_right_to_the_help_some_articles_give_get_those_articles_only():
    # "Иностранцы ..., временно пребывающие ..., имеют право на получение специальных социальных услуг в случаях,
    # объеме и на условиях, которые предусмотрены статьей 13-1": art 13-1 is theirs, the others are not
    law = _law([
        ("art_3", None, "article", "Сфера действия настоящего Закона",
         "Действие настоящего Закона распространяется на граждан Республики Казахстан. Иностранцы, временно "
         "пребывающие на территории Республики Казахстан, имеют право на получение специальных социальных услуг "
         "в случаях, объеме и на условиях, которые предусмотрены статьей 13-1 настоящего Закона."),
        ("art_13-1", None, "article", "Услуги иностранцам", "Иностранцам предоставляется временное жилье."),
        ("art_19", None, "article", "Услуги", "Жертве торговли людьми предоставляется психологическая помощь."),
    ], kind="victim_support")  # fmt: skip
    scopes = law_scope(LawIndex(law))
    assert not any(s.covers("art_13-1", "assistance") for s in scopes)
    assert any(s.covers("art_19", "assistance") for s in scopes)


def test_a_scope_whose_every_article_says_otherwise_limits_nothing():
    law = _law([
        ("art_3", None, "article", "Сфера действия",
         "Меры, предусмотренные статьей 4 настоящего Закона, распространяются на граждан."),
        ("art_4", None, "article", "Помощь", "Помощь оказывается жертвам независимо от их гражданства."),
    ])
    assert law_scope(LawIndex(law)) == ()


def _law(rows, kind="anti_trafficking") -> Law:
    provs = tuple(Provision(eid, parent, k, eid.rsplit("_", 1)[-1], head, text) for eid, parent, k, head, text in rows)
    return Law("Закон", "ru", "civil", "/laws/law.txt", "ef" * 32, provs, kind=kind, country="TJ")


def test_a_law_for_citizens_only_is_no_evidence_for_smuggled_migrants(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = _law([
        ("art_2", None, "article", "Сфера действия настоящего Закона",
         "Действие настоящего Закона распространяется на граждан Республики Таджикистан."),
        ("art_5", None, "article", "Защита", "Мигранту обеспечивается защита от насилия и жестокого обращения."),
    ], kind="migration")
    finding = _finding("TJ", law, "smuggling_protection_rights")
    assert finding.status == GAP
    assert [(x.kind, x.words) for x in finding.limitations] == [("persons", "граждан Республики Таджикистан")]
    assert "Out of the law's scope: граждан Республики Таджикистан." in finding.explanation


# (language, sentence, the rule's obligation is mandatory, the kinds of limitation expected)
CONDITIONS = [
    ("ru", "Закрытое заседание проводится по ходатайству прокурора.", True, {"request"}),
    ("ru", "Закрытое заседание проводится по ходатайству потерпевшего.", True, set()),  # the victim decides
    ("ru", "Меры безопасности применяются по решению суда.", True, {"condition"}),
    ("ru", "Меры безопасности применяются по решению суда.", False, set()),  # an optional measure
    ("ru", "Суд вправе провести закрытое судебное заседание.", True, {"discretion"}),
    ("ru", "Суд вправе провести закрытое судебное заседание.", False, set()),
    ("ru", "По делам о преступлениях небольшой или средней тяжести помощь оказывается.", False, {"gravity"}),
    ("en", "The Court may order that the witness give evidence by video link.", True, {"discretion"}),
    # an investigator's power, as "следователь вправе" is in Russian
    ("en", "The investigator may decide to keep the victim's address confidential.", True, {"discretion"}),
    ("en", "The witness may give evidence by video link where the rules so provide.", True, {"condition"}),
    # a right only in the cases another law sets (that law not supplied); the order it sets alone is no limit
    ("ru", "Потерпевшим выплачивается компенсация из Фонда в случаях, порядке и размерах, которые установлены Законом.",
     True, {"condition"}),
    ("ru", "Компенсация из Фонда выплачивается потерпевшим в порядке, установленном законодательством.", True, set()),
    # help "не ставится в зависимость" from cooperating: the cooperation waived, no condition
    ("ru", "Предоставление услуг не ставится в зависимость от согласия лица давать показания или иным образом "
     "сотрудничать с органами, ведущими уголовный процесс.", True, set()),
    # what a person "shall not be subject to" is no proviso
    ("en", "A victim shall not be subject to administrative expulsion while the proceedings last.", True, set()),
    ("en", "Victims are paid compensation from the fund in the cases and amounts provided for by the legislation.",
     True, {"condition"}),
    ("en", "Provided that such arrangements are approved, the witness may testify by video link.", True,
     {"condition"}),
    ("en", "At the request of the victim, the hearing shall be held in camera.", True, set()),
]


def _conditions_of(language, sentence, tmp_path, monkeypatch):
    """The (kind, words) of lawgap.assess.conditions in a one-article law made of `sentence`."""
    from lawgap.assess.match import _conditions_in

    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    sha = hashlib.sha256(sentence.encode()).hexdigest()
    law = Law("x", language, "civil", "/x.txt", sha, (Provision("art_1", None, "article", "1", None, sentence),))
    ix = LawIndex(law)
    return _conditions_in(ix, ix.seq_of[("art_1", "text")], ix.analyses["art_1"].sentences[0])


@pytest.mark.parametrize(("language", "sentence", "mandatory", "kinds"), CONDITIONS)
def test_conditions_of_a_provision(language, sentence, mandatory, kinds, tmp_path, monkeypatch):
    # `mandatory`: a mandatory measure (not an offence)
    from lawgap.assess.conditions import Frame, applicable

    found = _conditions_of(language, sentence, tmp_path, monkeypatch)
    assert {k for k, _w in found if applicable(k, Frame(measure=mandatory))} == kinds


@pytest.mark.parametrize(("sentence", "category", "kinds"), [
    # a return carried out within the allocated funds: who pays, not whether the victim returns
    ("Возвращение жертвы торговли людьми осуществляется в пределах выделенных ассигнований.", "residence_return",
     set()),
    # help within the funds is help as far as the budget goes
    ("Материальная помощь жертве оказывается в пределах выделенных ассигнований.", "assistance", {"condition"}),
])  # fmt: skip
def test_what_the_budget_allows_limits_help_but_not_a_return(sentence, category, kinds, tmp_path, monkeypatch):
    from lawgap.assess.conditions import Frame, binds

    found = _conditions_of("ru", sentence, tmp_path, monkeypatch)
    assert {k for k, w in found if binds(k, w, Frame(measure=True, category=category))} == kinds


@pytest.mark.parametrize(("sentence", "kinds"), [
    # a court awards compensation from the offender: the way the possibility is given, no limit of it
    ("По решению суда вред, причиненный потерпевшему, возмещается осужденным.", set()),
    # what the budget allows limits even a possibility
    ("Компенсация выплачивается потерпевшему в пределах средств, предусмотренных в бюджете.", {"condition"}),
])  # fmt: skip
def test_a_court_s_decision_is_no_limit_of_a_possibility(sentence, kinds, tmp_path, monkeypatch):
    from lawgap.assess.conditions import Frame, binds

    found = _conditions_of("ru", sentence, tmp_path, monkeypatch)
    frame = Frame(measure=True, possibility=True, category="compensation")
    assert {k for k, w in found if binds(k, w, frame)} == kinds


# help for victims (a rule of category "assistance", an obligation to consider): help on a condition, or only for a
# person with a procedural status, is help in part; the waived status is none, and in a procedure code (a home of
# the rule) the participant's status is the frame of protection, not a limit of it
HELP_CONDITIONS = [
    ("ru", "Пострадавшему, признанному потерпевшим по уголовному делу, предоставляется жильё.", False, {"status"}),
    ("ru", "Жертве предоставляется жильё независимо от её участия в уголовном судопроизводстве.", False, set()),
    ("ru", "Пособие выплачивается в пределах средств, предусмотренных в республиканском бюджете.", False,
     {"condition"}),
    ("ru", "Потерпевшему, участвующему в уголовном процессе, обеспечивается безопасность.", True, set()),
    ("en", "Persons recognised as victims in criminal cases are entitled to assistance.", False, {"status"}),
    ("en", "A victim may be placed in a shelter if there are vacant places.", False, {"condition"}),
    ("en", "Shelter is given regardless of whether the victim is a participant in criminal proceedings.", False,
     set()),
    # help for a limited time only; a deadline for the authority is none
    ("ru", "Срок пребывания в центре реабилитации не может превышать тридцати дней.", False, {"time_limit"}),
    ("ru", "Жертве предоставляется временное пребывание на срок до тридцати календарных дней.", False, {"time_limit"}),
    ("ru", "Орган в течение трёх дней направляет жертву в центр реабилитации.", False, set()),
    ("en", "The victim shall be placed in a crisis centre for a period of up to thirty days.", False, {"time_limit"}),
    # help for the state's own citizens only; citizens and foreigners alike is no limit
    ("ru", "Жертвам, являющимся гражданами Республики Узбекистан, выплачивается пособие.", False, {"citizens"}),
    ("ru", "Гражданам Республики Узбекистан и иностранцам оказывается медицинская помощь.", False, set()),
    ("en", "Local executive bodies shall assist citizens of the Republic of Kazakhstan in finding employment.", False,
     {"citizens"}),
    # a protection for the gravest cases only: "особо тяжких" alone, after "только", as "тяжких и особо тяжких"
    ("ru", "Замена документов допускается только по уголовным делам об особо тяжких преступлениях.", True,
     {"grave_only"}),
    ("ru", "Меры применяются по делам о тяжких и особо тяжких преступлениях.", True, {"grave_only"}),
    ("en", "A new identity may be given only in cases of especially grave crimes.", True, {"grave_only"}),
]


# a measure for children only below an age under eighteen narrows a rule about children, and no other rule
AGE_LIMITS = [
    ("ru", "Педагог участвует в допросе потерпевших, не достигших четырнадцатилетнего возраста.", True, {"age"}),
    ("ru", "Педагог участвует в допросе потерпевших, не достигших четырнадцатилетнего возраста.", False, set()),
    ("en", "A teacher is present when a minor who has not attained the age of sixteen years is questioned.", True,
     {"age"}),
    ("ru", "Ребёнком признаётся лицо, не достигшее восемнадцатилетнего возраста.", True, set()),
]


@pytest.mark.parametrize(("language", "sentence", "for_children", "kinds"), AGE_LIMITS)
def test_an_age_under_eighteen_limits_a_rule_about_children(language, sentence, for_children, kinds, tmp_path,
                                                             monkeypatch):
    from lawgap.assess.conditions import Frame, applicable

    found = _conditions_of(language, sentence, tmp_path, monkeypatch)
    said = {k for k, _w in found if applicable(k, Frame(measure=True, category="children", for_children=for_children))}
    assert said == kinds


@pytest.mark.parametrize(("language", "sentence", "in_proceedings", "kinds"), HELP_CONDITIONS)
def test_conditions_of_help_for_victims(language, sentence, in_proceedings, kinds, tmp_path, monkeypatch):
    from lawgap.assess.conditions import Frame, applicable

    found = _conditions_of(language, sentence, tmp_path, monkeypatch)
    said = {k for k, _w in found if applicable(k, Frame(category="assistance", in_proceedings=in_proceedings))}
    assert said == kinds


# an offence that needs more than the act: a penalty for the same act before ("administrative prejudice"), or, for an
# offence against the victim, a victim who is a citizen
OFFENCE_CONDITIONS = [
    ("ru", "Использование услуг жертвы торговли людьми, совершённое лицом, которое в течение года после применения "
     "административного взыскания за такое же деяние, наказывается штрафом.", {"prior_penalty"}),
    ("en", "The use of the services of a victim, committed after an administrative penalty for the same act, "
     "shall be punished by a fine.", {"prior_penalty"}),
    ("ru", "Изъятие паспорта гражданина Республики Таджикистан наказывается штрафом.", {"citizens"}),
    ("ru", "Изъятие паспорта наказывается штрафом.", set()),
]


@pytest.mark.parametrize(("language", "sentence", "kinds"), OFFENCE_CONDITIONS)
def test_conditions_of_an_offence(language, sentence, kinds, tmp_path, monkeypatch):
    from lawgap.assess.conditions import Frame, applicable

    found = _conditions_of(language, sentence, tmp_path, monkeypatch)
    assert {k for k, _w in found if applicable(k, Frame(offence=True, category="criminalisation"))} == kinds


# a rule's own limiting cues get a kind from their words
KINDS = [
    ("небольшой тяжесть", "gravity"),
    ("rule ~4 may specify|prescribe", "condition"),
    ("по ~2 заявление", "request"),
    ("убежище", "persons"),
    ("только", "words"),
]


def test_a_power_gives_what_is_asked_only_to_be_possible():
    # TIP 6(6): "the possibility of obtaining compensation"; COE 26: "the possibility of not imposing penalties"
    from lawgap.assess.conditions import Frame, applicable

    assert applicable("discretion", Frame(measure=True))
    assert not applicable("discretion", Frame(measure=True, possibility=True))
    assert applicable("request", Frame(measure=True, possibility=True))


@pytest.mark.parametrize(("cue", "kind"), KINDS)
def test_every_limiting_cue_has_a_kind(cue, kind):
    assert kind_of(cue) == kind


def test_every_rule_limiting_cue_has_a_known_kind():
    cues = {c.text for r in load_rules() for e in r.elements for c in e.limiting}
    assert cues and {kind_of(c) for c in cues} <= set(LIMITATION_KINDS)


def test_help_in_a_state_protection_law_is_for_participants_only(tmp_path, monkeypatch):
    # medical help that a law on the protection of participants in criminal proceedings gives: only to them, though
    # the rule lives in an anti-trafficking or victim-support law (TIP 6(3) asks it for every victim)
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    title = "Закон о защите лиц, участвующих в уголовном процессе"
    text = "Защищаемому лицу, пострадавшему от торговли людьми, оказывается бесплатная медицинская помощь."
    law = Law(title, "ru", "civil", "/x.txt", hashlib.sha256(text.encode()).hexdigest(),
              (Provision("art_12", None, "article", "12", "Медицинская помощь", text),), kind="witness_protection")
    finding = next(f for f in score_country("KZ", [law]).findings if f.rule.id == "assistance_medical")
    assert finding.status == PARTIAL, finding.explanation
    # named in the sentence's own words, else in the title's ("лиц, участвующих в уголовном процессе")
    assert [(lim.kind, lim.words) for lim in finding.limitations] == [("status", "Защищаемому лицу")]


# A sentence that carries on the one before ("В этом случае ...") is read with that sentence's conditions: (language,
# the part's sentences as one text or two parts, the rule, the limiting words expected)
CONTINUED = [
    ("ru", ["По делам о тяжких и особо тяжких преступлениях следователь вправе не приводить в протоколе данные о "
            "личности потерпевшего. В этом случае следователь выносит постановление, в котором указывается "
            "псевдоним потерпевшего."],
     "witness_protection_pseudonym", "тяжких и особо тяжких преступлениях"),
    ("ru", ["По делам о тяжких и особо тяжких преступлениях следователь вправе не приводить в протоколе данные о "
            "личности потерпевшего.",
            "В этом случае следователь выносит постановление, в котором указывается псевдоним потерпевшего."],
     "witness_protection_pseudonym", "тяжких и особо тяжких преступлениях"),
    ("en", ["In cases of grave and especially grave crimes the investigator may omit the victim's identity from the "
            "record. In that case the investigator issues a decision stating the pseudonym of the victim."],
     "witness_protection_pseudonym", "grave and especially grave crimes"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "parts", "rule_id", "words"), CONTINUED)
def test_a_sentence_that_carries_on_takes_the_conditions_before_it(language, parts, rule_id, words, tmp_path,
                                                                   monkeypatch):  # fmt: skip
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = [Provision("art_75", None, "article", "75", "Сохранение в тайне данных о личности", "")]
    provs += [Provision(f"art_75__para_{k}", "art_75", "paragraph", str(k), None, text)
              for k, text in enumerate(parts, 1)]  # fmt: skip
    digest = hashlib.sha256("".join(parts).encode()).hexdigest()
    law = Law("Кодекс", language, "civil", "/cpc.txt", digest, tuple(provs), kind="criminal_procedure_code")
    finding = _finding("TM", law, rule_id)
    assert finding.status == PARTIAL, finding.explanation
    assert words in [lim.words for lim in finding.limitations]


NAMING_POINTS = [
    # an Uzbek-style procedure code: the list of security measures, then a part that limits one of them by number
    ("ru", "2", "Меры безопасности, указанные в пункте 2 части первой настоящей статьи, применяются лишь по делам о "
     "тяжких и особо тяжких преступлениях.", "тяжких и особо тяжких преступлениях"),
    # a Tajik-style state-protection law: a lettered item, named as "provided for" ("предусмотренная пунктом «б»")
    ("ru", "б", "Мера безопасности, предусмотренная пунктом «б» части 1 настоящей статьи, применяется только по "
     "уголовным делам о тяжких и особо тяжких преступлениях.", "тяжких и особо тяжких преступлениях"),
    # a civil-law code in English numbers the items of a part: "item 2 of part 1 of this Article"
    ("en", "2", "The security measure provided for by item 2 of part 1 of this Article is applied only in "
     "criminal cases of grave and especially grave crimes.", "grave and especially grave crimes"),
    # a Kazakh-style code in English: "subparagraph 2) of part one of this article"
    ("en", "2", "The security measure provided for by subparagraph 2) of part one of this article may be applied only "
     "in cases of grave and especially grave crimes.", "grave and especially grave crimes"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "num", "limit", "words"), NAMING_POINTS)
def test_a_sentence_naming_points_of_its_article_limits_them(language, num, limit, words, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    first = ("personal protection;", "relocation to another place of residence;") if language == "en" else (
        "личная охрана;", "переселение на другое место жительства.")
    other = "а" if num == "б" else "1"
    provs = (
        Provision("art_73", None, "article", "73", "Меры безопасности", ""),
        Provision("art_73__para_1", "art_73", "paragraph", "1", None,
                  "The following security measures may be applied to a victim and a witness:" if language == "en"
                  else "В отношении потерпевшего и свидетеля могут применяться следующие меры безопасности:"),
        Provision(f"art_73__para_1__point_{other}", "art_73__para_1", "point", other, None, first[0]),
        Provision(f"art_73__para_1__point_{num}", "art_73__para_1", "point", num, None, first[1]),
        Provision("art_73__para_2", "art_73", "paragraph", "2", None, limit),
    )  # fmt: skip
    law = Law("Кодекс", language, "civil", f"/cpc73{num}.txt", "73" * 32, provs, kind="criminal_procedure_code")
    finding = _finding("UZ", law, "witness_protection_relocation")
    assert finding.status == PARTIAL, finding.explanation
    assert words in [lim.words for lim in finding.limitations]


def test_a_qualified_part_naming_the_basic_offence_does_not_limit_it(tmp_path, monkeypatch):
    # "Деяния, предусмотренные частью первой настоящей статьи, повлекшие ... смерть": the result is the qualified
    # part's, never a condition of the basic offence
    from lawgap.assess.cited import naming_places

    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = (
        Provision("art_335", None, "article", "335", "Организация незаконной миграции", ""),
        Provision("art_335__para_1", "art_335", "paragraph", "1", None,
                  "Организация незаконного въезда в Республику Таджикистан иностранных граждан из корыстных "
                  "побуждений наказывается лишением свободы на срок до пяти лет."),
        Provision("art_335__para_2", "art_335", "paragraph", "2", None,
                  "Деяния, предусмотренные частью первой настоящей статьи, повлекшие по неосторожности смерть "
                  "человека, наказываются лишением свободы на срок от пяти до десяти лет.", qualified=True),
        # nor does a note that exempts the offender who reports the offence
        Provision("art_335__note_nn_1", "art_335", "note", None, None, ""),
        Provision("art_335__note_nn_1__point_1", "art_335__note_nn_1", "point", "1", None,
                  "Лицо, совершившее преступление, предусмотренное частью первой настоящей статьи, освобождается от "
                  "уголовной ответственности, если оно добровольно сообщило о совершенном преступлении."),
    )  # fmt: skip
    law = Law("Кодекс", "ru", "civil", "/cc335.txt", "35" * 32, provs, kind="criminal_code")
    index = LawIndex(law)
    assert naming_places(index, index.seq_of[("art_335__para_1", "text")]) == []


def test_a_heading_hit_takes_the_cases_its_opening_sentence_cites(tmp_path, monkeypatch):
    # the heading names the measure; the opening part grants it "in the cases specified in part 2 of Article 14",
    # which are grave crimes only
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = (
        Provision("art_14", None, "article", "14", "Условия применения мер безопасности", ""),
        Provision("art_14__para_1", "art_14", "paragraph", "1", None,
                  "Меры безопасности применяются в отношении потерпевших и свидетелей."),
        Provision("art_14__para_2", "art_14", "paragraph", "2", None,
                  "Выдача новых документов применяется только по уголовным делам о тяжких и особо тяжких "
                  "преступлениях."),
        Provision("art_19", None, "article", "19", "Замена документов, удостоверяющих личность", ""),
        Provision("art_19__para_1", "art_19", "paragraph", "1", None,
                  "В случаях, указанных в части 2 статьи 14 настоящего Закона, защищаемому лицу могут быть выданы "
                  "паспорт и иные документы с новыми анкетными данными."),
    )  # fmt: skip
    law = Law("Закон", "ru", "civil", "/wp19.txt", "19" * 32, provs, kind="witness_protection")
    finding = _finding("TJ", law, "witness_protection_identity_change")
    assert finding.status == PARTIAL, finding.explanation
    assert any("тяжких и особо тяжких преступлениях" in lim.words for lim in finding.limitations), finding.limitations


@pytest.mark.parametrize("grave_only", [True, False])
def test_the_article_headed_by_a_measure_sets_its_terms_for_a_mention_elsewhere(grave_only, tmp_path, monkeypatch):
    # an invented state-protection law: the secrecy article names document replacement in passing; the article headed
    # by the measure allows it only for especially grave crimes, and that limit governs (when it has no limit, the
    # mention stays unlimited)
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    terms = " только по уголовным делам об особо тяжких преступлениях" if grave_only else ""
    provs = (
        Provision("art_10", None, "article", "10", "Конфиденциальность сведений о защищаемом лице", ""),
        Provision("art_10__para_1", "art_10", "paragraph", "1", None,
                  "Сведения о переселении защищаемого лица и замене документов, удостоверяющих личность, относятся "
                  "к государственным секретам."),
        Provision("art_13", None, "article", "13", "Замена документов, удостоверяющих личность", ""),
        Provision("art_13__para_1", "art_13", "paragraph", "1", None,
                  f"Замена документов, удостоверяющих личность, защищаемого лица допускается{terms} с его "
                  "письменного согласия."),
    )  # fmt: skip
    law = _law_of("Закон о государственной защите", "ru", "witness_protection", provs)
    finding = _finding("KZ", law, "witness_protection_identity_change")
    if grave_only:
        assert finding.status == PARTIAL, finding.explanation
        assert _limits(finding).get("grave_only") == terms.strip(), finding.limitations
    else:
        assert finding.status == MET, finding.explanation


def test_a_kyrgyz_scope_that_names_foreigners_reaches_smuggled_migrants(tmp_path, monkeypatch):
    # an invented Kyrgyz migration law: it reaches foreigners ("чет элдиктерге") and the citizens who migrate; the
    # citizens it names last are no limit to citizens only
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = (
        Provision("art_3", None, "article", "3", "Ушул Мыйзамдын колдонулуу чөйрөсү",
                  "Ушул Мыйзам Кыргыз Республикасынын аймагында жүргөн чет элдиктерге, ошондой эле тышкы "
                  "миграциянын катышуучусу болуп саналган Кыргыз Республикасынын жарандарына колдонулат."),
    )  # fmt: skip
    law = Law("Мыйзам", "ky", "civil", "/migration_ky.txt", "3a" * 32, provs, kind="migration", country="KG")
    assert [s for s in law_scope(LawIndex(law)) if "smuggled_migrants" in s.excludes] == []


@pytest.mark.parametrize(("language", "parts", "words"), [
    ("ky", ("Чет мамлекеттен кайтып келген, адам сатуудан жабыр тарткан Кыргыз Республикасынын жарандарына "
            "социалдык жардам көрсөтүлөт.",
            "Ушул берененин 1-бөлүгүндө көрсөтүлгөн жарандар жумушка орношууга көмөк алуу үчүн калкты иш менен "
            "камсыз кылуу органдарында биринчи кезекте каттоого алынат."),
     "Кыргыз Республикасынын жарандарына"),
    ("ru", ("Гражданам Республики Казахстан, пострадавшим от торговли людьми и вернувшимся из-за рубежа, "
            "оказывается социальная помощь.",
            "Лицам, указанным в части 1 настоящей статьи, оказывается содействие в трудоустройстве и "
            "профессиональном обучении."),
     "Гражданам Республики"),
])  # fmt: skip
def test_persons_named_by_another_part_of_the_article_bring_its_limits(language, parts, words, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = (
        Provision("art_36", None, "article", "36", None, ""),
        Provision("art_36__para_1", "art_36", "paragraph", "1", None, parts[0]),
        Provision("art_36__para_2", "art_36", "paragraph", "2", None, parts[1]),
    )
    country = "KG" if language == "ky" else "KZ"
    law = Law("Закон", language, "civil", f"/law36_{language}.txt", "36" * 32, provs, kind="anti_trafficking")
    finding = _finding(country, law, "assistance_employment_education")
    assert finding.status == PARTIAL, finding.explanation
    assert any(x.kind == "citizens" and words in x.words for x in finding.limitations), finding.limitations


def test_a_law_giving_its_trafficking_provisions_to_everyone_limits_only_its_other_persons(tmp_path, monkeypatch):
    # an invented Uzbek-style law on violence, in English: citizens and permanent residents first, then every
    # trafficking victim "irrespective of sex, age and citizenship"
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = (
        Provision("art_4", None, "article", "4", "Scope of this Law", ""),
        Provision("art_4__para_1", "art_4", "paragraph", "1", None,
                  "This Law applies to women and children who are citizens of the Republic of Uzbekistan, and to "
                  "foreign citizens and stateless persons permanently residing in its territory."),
        Provision("art_4__para_2", "art_4", "paragraph", "2", None,
                  "The provisions of this Law relating to victims of trafficking apply to all persons who have "
                  "suffered from trafficking in persons, irrespective of sex, age and citizenship."),
        Provision("art_9", None, "article", "9", "Medical assistance",
                  "Victims of trafficking are provided with free medical assistance."),
    )  # fmt: skip
    law = Law("Law", "en", "civil", "/uz_violence_en.txt", "4e" * 32, provs, kind="anti_trafficking", country="UZ")
    scopes = law_scope(LawIndex(law))
    assert [s.categories for s in scopes] == [frozenset({"smuggling"})]
    finding = _finding("UZ", law, "assistance_medical")
    assert finding.status == MET, finding.explanation


def test_a_sentence_that_extends_provisions_to_more_persons_limits_nobody(tmp_path, monkeypatch):
    # an invented Kazakh-style law: it reaches everyone on its territory, and its chapters on trafficking victims
    # "применяются также" to its citizens harmed abroad; that extension is no limit to citizens
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = (
        Provision("art_3", None, "article", "3", "Сфера действия настоящего Закона", ""),
        Provision("art_3__para_1", "art_3", "paragraph", "1", None,
                  "Настоящий Закон распространяется на граждан Республики Казахстан, иностранцев и лиц без "
                  "гражданства, находящихся на территории Республики Казахстан."),
        Provision("art_3__para_2", "art_3", "paragraph", "2", None,
                  "Положения главы 4 настоящего Закона применяются также в отношении граждан Республики Казахстан, "
                  "пострадавших от торговли людьми за ее пределами, в части их возвращения на родину."),
        Provision("art_22", None, "article", "22", "Психологическая помощь",
                  "Лицам, пострадавшим от торговли людьми, оказывается психологическая помощь."),
    )  # fmt: skip
    law = Law("Закон", "ru", "civil", "/kz_also.txt", "3b" * 32, provs, kind="anti_trafficking", country="KZ")
    assert law_scope(LawIndex(law)) == ()
    finding = _finding("KZ", law, "assistance_psychological")
    assert finding.status == MET, finding.explanation


def _protection_law(language: str, heading: str, scope: str, measure: str) -> Law:
    provs = (
        Provision("art_3", None, "article", "3", heading, scope),
        Provision("art_29", None, "article", "29", None, measure),
    )
    digest = hashlib.sha256((scope + measure).encode()).hexdigest()
    return Law("law", language, "civil", f"/wp_{language}.txt", digest, provs, kind="witness_protection", country="KG")


# An invented state-protection law in each language: its scope names the victim among the persons it protects,
# and an article gives its protected person help that the rule asks for victims (rule, the words of the limit).
PROTECTED = [
    ("ru", "Сфера действия", "Государственная защита применяется к потерпевшему, свидетелю и их представителям.",
     "Защищаемому лицу может быть оказана материальная помощь на период действия мер безопасности.",
     "assistance_material", "Защищаемому лицу"),
    ("ky", "Колдонулуу чөйрөсү", "Мамлекеттик коргоо жабырлануучуга жана күбөгө карата колдонулат.",
     "Коргоого алынган адамга республикалык бюджеттин каражаттарынын эсебинен юридикалык жардам акысыз көрсөтүлөт.",
     "participation_legal_assistance", "Коргоого алынган адамга"),
    ("en", "Scope", "State protection applies to the victim, the witness and their representatives.",
     "The investigator shall inform the protected person of the decision to release the accused from custody.",
     "participation_information", "protected person"),
    # the cue does not name the person, the sentence does: the measure is still the protected person's only
    ("ru", "Сфера действия", "Государственная защита применяется к потерпевшему, свидетелю и их представителям.",
     "В случае, когда возраст защищаемого лица не установлен и имеются основания полагать, что оно не достигло "
     "восемнадцатилетнего возраста, к нему применяются положения, предусмотренные для несовершеннолетних.",
     "children_age_presumption", "защищаемого лица"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "heading", "scope", "measure", "rule_id", "words"), PROTECTED,
                         ids=[row[0] for row in PROTECTED])  # fmt: skip
def test_a_state_protection_laws_protected_person_is_a_victim_under_its_protection(
    language, heading, scope, measure, rule_id, words, tmp_path, monkeypatch
):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = _protection_law(language, heading, scope, measure)
    finding = _finding("KG", law, rule_id)
    assert finding.status == PARTIAL, finding.explanation
    assert finding.evidence[0].article == "art_29"
    assert ("protected", words) in [(x.kind, x.words) for x in finding.limitations]


def test_a_protected_person_is_no_victim_where_the_law_names_none(tmp_path, monkeypatch):
    # a law protecting judges and officials only: its protected person is no victim
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = _protection_law("ru", "Сфера действия", "Государственная защита применяется к судьям и прокурорам.",
                          "Защищаемому лицу может быть оказана материальная помощь.")  # fmt: skip
    finding = _finding("KG", law, "assistance_material")
    assert finding.evidence == ()


@pytest.mark.parametrize("rule_id", ["compensation_possibility", "witness_protection_measures"])
def test_a_protected_person_is_read_as_a_victim_only_for_rules_the_law_is_no_home_of(rule_id, tmp_path, monkeypatch):
    # a state-protection law's compensation is for harm linked to taking part in proceedings; its own measures are
    # read with its own words for the persons it protects, not through the victim reading
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = _protection_law("ru", "Сфера действия", "Государственная защита применяется к потерпевшему и свидетелю.",
                          "Вред, причиненный защищаемому лицу, возмещается в полном объеме.")  # fmt: skip
    finding = _finding("KG", law, rule_id)
    assert "protected" not in {x.kind for x in finding.limitations}, finding.limitations
    assert "compensation" not in {e.id for e in finding.elements if e.found} or rule_id != "compensation_possibility"


@pytest.mark.parametrize(("kind", "status"), [("anti_trafficking", PARTIAL), ("witness_protection", MET)])
def test_security_measures_of_a_law_for_victims_cover_its_victims_only(kind, status, tmp_path, monkeypatch):
    # an invented Kazakh-style anti-trafficking law gives security measures to trafficking victims and their
    # relatives: the rule asks them for every witness as well, which only a procedure code or a state-protection law
    # gives; the same words in a state-protection law meet it
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    text = ("Лицам, пострадавшим от торговли людьми и признанным потерпевшими или свидетелями по уголовному делу, а "
            "также их близким родственникам при наличии угрозы применяются меры безопасности.")  # fmt: skip
    title = {"anti_trafficking": "Закон о противодействии торговле людьми"}.get(kind, "Закон о государственной защите")
    provs = (Provision("art_30", None, "article", "30", "Меры безопасности", text),)
    law = Law(title, "ru", "civil", f"/{kind}30.txt", hashlib.sha256((kind + text).encode()).hexdigest(), provs,
              kind=kind, country="KZ")  # fmt: skip
    finding = _finding("KZ", law, "witness_protection_measures")
    assert finding.status == status, finding.explanation
    if status == PARTIAL:
        assert ("persons", title) in [(x.kind, x.words) for x in finding.limitations]


@pytest.mark.parametrize(("text", "status"), [
    # the law's help is for the victims of family violence: a trafficking victim gets it only where it says so
    ("Зомбулуктан жабыр тарткан адамга баш калкалоочу жайда убактылуу жайгаштыруу акысыз берилет.", PARTIAL),
    ("Адам сатуудан жабыр тарткан адамга баш калкалоочу жайда убактылуу жайгаштыруу акысыз берилет.", MET),
])  # fmt: skip
def test_help_of_a_family_violence_law_reaches_trafficking_victims_only_where_it_says_so(text, status, tmp_path,
                                                                                       monkeypatch):  # fmt: skip
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    title = "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ Үй-бүлөлүк зомбулуктан коргоо жөнүндө"
    provs = (Provision("art_18", None, "article", "18", "Баш калкалоочу жай", text),)
    law = Law(title, "ky", "civil", "/fv18.txt", hashlib.sha256(text.encode()).hexdigest(), provs,
              kind="victim_support", country="KG")  # fmt: skip
    finding = _finding("KG", law, "assistance_housing")
    assert finding.status == status, finding.explanation
    if status == PARTIAL:
        assert ("persons", title) in [(x.kind, x.words) for x in finding.limitations]


@pytest.mark.parametrize(("rule_id", "text", "status"), [
    # help a code on children gives its child victims reaches no adult victim: partial, by the code's title
    ("assistance_medical", "Ребенку, пострадавшему от торговли людьми, бесплатно оказывается медицинская помощь.",
     PARTIAL),
    # its definition of the sale of children defines trafficking in children only
    ("definition_act_recruitment", "торговля детьми – вербовка, перевозка, передача, укрывательство или получение "
     "ребенка в целях эксплуатации.", PARTIAL),
    # a rule about children themselves is what such a code is for
    ("children_education", "Ребенку, пострадавшему от торговли людьми, обеспечивается продолжение обучения в школе.",
     MET),
])  # fmt: skip
def test_a_code_on_children_reaches_children_only(rule_id, text, status, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    title = "Кодекс о детях"
    provs = (
        Provision("art_2", None, "article", "2", "Основные понятия, используемые в настоящем Кодексе", ""),
        Provision("art_2__para_1", "art_2", "paragraph", "1", None, text),
    )
    law = Law(title, "ru", "civil", "/children_code.txt", hashlib.sha256(text.encode()).hexdigest(), provs, kind=None)
    finding = _finding("KG", law, rule_id)
    assert finding.status == status, finding.explanation
    if status == PARTIAL:
        assert ("persons", title) in [(x.kind, x.words) for x in finding.limitations]


def test_an_interpreter_at_the_identification_interview_only_is_partial(tmp_path, monkeypatch):
    # the rule asks for an interpreter wherever the victim takes part, not at one step before the proceedings
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    text = ("При проведении собеседования с лицом, предположительно являющимся жертвой торговли людьми, обеспечивается "
            "участие переводчика, и собеседование проводится на языке, которым лицо владеет.")  # fmt: skip
    provs = (
        Provision("art_17", None, "article", "17", "Первичная идентификация", ""),
        Provision("art_17__para_1", "art_17", "paragraph", "1", None, text),
    )
    title = "О противодействии торговле людьми"
    law = Law(title, "ru", "civil", "/at17.txt", "17" * 32, provs, kind="anti_trafficking")
    finding = _finding("TJ", law, "participation_interpreter")
    assert finding.status == PARTIAL, finding.explanation
    assert any("собеседовани" in x.words for x in finding.limitations), finding.limitations


@pytest.mark.parametrize(("text", "found"), [
    # an anti-trafficking law that says the code punishes the act holds the offence, by reference
    ("Изготовление или использование поддельного документа, удостоверяющего личность, совершенные в целях "
     "незаконного ввоза мигрантов, влекут ответственность в соответствии с Уголовным кодексом.", True),
    # one that exempts a victim who used such a document creates no document offence
    ("Жертва торговли людьми не подлежит ответственности за изготовление или использование поддельного документа, "
     "удостоверяющего личность.", False),
])  # fmt: skip
def test_a_law_that_refers_an_offence_to_the_code_holds_it_by_reference(text, found, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = (
        Provision("art_20", None, "article", "20", "Ответственность", ""),
        Provision("art_20__para_1", "art_20", "paragraph", "1", None, text),
    )
    title = "О противодействии торговле людьми"
    digest = hashlib.sha256(text.encode()).hexdigest()
    law = Law(title, "ru", "civil", "/at20.txt", digest, provs, kind="anti_trafficking")
    finding = _finding("KG", law, "smuggling_document_offences")
    assert bool(finding.evidence) == found, finding.explanation


_DEFINITIONS = (
    Provision("art_1", None, "article", "1", "Basic concepts used in this Law", ""),
    Provision("art_1__para_1", "art_1", "paragraph", "1", None,
              "specialized institution - a state institution or a non-state organization providing temporary "
              "accommodation, food and other types of assistance to victims in accordance with this Law;"),
)  # fmt: skip


@pytest.mark.parametrize("definitions", [(), _DEFINITIONS], ids=["alone", "with a definitions article"])
def test_a_listed_measure_takes_the_terms_of_the_article_that_works_it_out(definitions, tmp_path, monkeypatch):
    # "the following types of assistance: 1) temporary accommodation ..." names the measure; the article on the
    # institutions says for how long; a definition that names accommodation works nothing out
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = definitions + (
        Provision("art_24", None, "article", "24", "Types of assistance to victims", ""),
        Provision("art_24__para_1", "art_24", "paragraph", "1", None,
                  "Victims of trafficking are provided with the following types of assistance:"),
        Provision("art_24__para_1__point_1", "art_24__para_1", "point", "1", None,
                  "temporary accommodation in a specialized institution;"),
    ) + _article(
        "25", "Specialized institutions",
        "A victim of trafficking is given accommodation in a specialized institution for a period of up to thirty "
        "days.",
    )  # fmt: skip
    law = _law_of("Law on combating trafficking", "en", "anti_trafficking", provs)
    finding = _finding("TJ", law, "assistance_housing")
    assert finding.status == PARTIAL, finding.explanation
    assert any("thirty days" in x.words for x in finding.limitations), finding.limitations


_SHELTER_FOR_VIOLENCE = {
    "ky": ("Зомбулуктан жабыр тарткан адамдарга кризистик борбордо баш калкалоочу жай акысыз берилет.",
           "зомбулуктан жабыр тарткан адам – зомбулуктун же адам сатуунун натыйжасында зыян тарткан адам;"),
    "ru": ("Лицам, пострадавшим от насилия, предоставляется временное размещение в кризисном центре.",
           "лицо, пострадавшее от насилия – физическое лицо, которому в результате бытового насилия или торговли "
           "людьми причинен вред;"),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(_SHELTER_FOR_VIOLENCE))
@pytest.mark.parametrize(("defined", "expected"), [(False, PARTIAL), (True, MET)], ids=["undefined", "defined"])
def test_help_for_victims_of_violence_counts_in_part_unless_defined_to_include_trafficking(
    language, defined, expected, tmp_path, monkeypatch
):
    # a social-services law that helps victims of violence and, in its own articles, trafficking victims: shelter
    # for the victims of violence reaches a trafficking victim only where the law's definition makes it so
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    grant, definition = _SHELTER_FOR_VIOLENCE[language]
    other = "бала – он сегиз жашка чейинки адам;" if language == "ky" else "ребенок – лицо до восемнадцати лет;"
    heading = "Негизги түшүнүктөр" if language == "ky" else "Основные понятия"
    provs = _article("1", heading, definition if defined else other) + _article("5", None, grant)
    title = "Социалдык кызмат көрсөтүү жөнүндө" if language == "ky" else "О специальных социальных услугах"
    law = _law_of(title, language, "victim_support", provs)
    finding = _finding("KG", law, "assistance_housing")
    assert finding.status == expected, finding.explanation
    if expected == PARTIAL:
        words = [x.words.lower() for x in finding.limitations]
        assert any("насили" in w or "зомбулук" in w for w in words), words


def test_the_next_definition_in_the_same_sentence_does_not_limit_a_definition(tmp_path, monkeypatch):
    # "несовершеннолетний – ... восемнадцатилетнего возраста; малолетний – ... четырнадцатилетнего возраста": the
    # age of the second term is no limit of the first
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = (
        Provision("art_3", None, "article", "3", "Разъяснение некоторых понятий, содержащихся в настоящем Кодексе", ""),
        Provision("art_3__point_1", "art_3", "point", "1", None,
                  "несовершеннолетний – лицо, не достигшее восемнадцатилетнего возраста; малолетний – лицо, не "
                  "достигшее четырнадцатилетнего возраста;"),
    )  # fmt: skip
    law = _law_of("Уголовный кодекс", "ru", "criminal_code", provs)
    finding = _finding("KZ", law, "definition_child_under_18")
    assert finding.status == MET, finding.explanation


def test_a_body_s_power_to_identify_victims_is_no_evidence_beside_the_law_s_own_identification_procedure(
    tmp_path, monkeypatch
):
    # "Competence of the Ministry: ... identifies victims" says who takes part; art 21 lays the procedure down
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = _article(
        "8", "Компетенция органов внутренних дел", "Органы внутренних дел осуществляют выявление жертв торговли людьми."
    ) + _article(
        "21", "Выявление жертв торговли людьми",
        "Выявление жертв торговли людьми осуществляется комиссией на основании признаков, утвержденных "
        "Правительством, в течение десяти рабочих дней.",
    )  # fmt: skip
    law = _law_of("О противодействии торговле людьми", "ru", "anti_trafficking", provs)
    finding = _finding("KZ", law, "identification_procedure")
    assert finding.status == MET, finding.explanation
    assert {ev.article for ev in finding.evidence} == {"art_21"}, finding.evidence


@pytest.mark.parametrize(("language", "offence", "neighbour"), [
    ("ky", ("Адам сатуу", "Адамды сатуу, башкача айтканда аны эксплуатациялоо максатында жалдоо, ташуу — "
            "VI категориядагы эркинен ажыратуу менен жазаланат."),
     ("Кулчулукта кармоо", "Адам сатуудан жабырлануучу экени күнөөлүүгө белгилүү болгон адамдын эмгегин күч "
                           "колдонуу менен пайдалануу — III категориядагы айып пул менен жазаланат.")),
    ("ru", ("Торговля людьми", "Торговля людьми, то есть вербовка, перевозка, передача человека в целях "
                               "эксплуатации, — наказывается лишением свободы на срок от пяти до восьми лет."),
     ("Использование рабского труда", "Использование с применением насилия труда лица, заведомо являющегося жертвой "
                                      "торговли людьми, — наказывается лишением свободы на срок до трех лет.")),
])  # fmt: skip
def test_a_neighbouring_offence_against_a_trafficking_victim_is_not_the_trafficking_offence(
    language, offence, neighbour, tmp_path, monkeypatch
):
    # "the labour of a person known to be a victim of trafficking": the sentence names the victim, not the offence
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    provs = _article("171", *offence) + _article("172", *neighbour)
    law = _law_of("Кылмыш-жаза кодекси" if language == "ky" else "Уголовный кодекс", language, "criminal_code", provs)
    finding = _finding("KG", law, "criminalisation_trafficking_offence")
    assert {ev.article for ev in finding.evidence if "offence" in ev.elements} == {"art_171"}, finding.evidence
    # nor is the force used against that victim a means of trafficking (at most the means alone, half the rule)
    finding = _finding("KG", law, "definition_means_force_coercion")
    assert all(ev.score <= 0.5 for ev in finding.evidence if ev.article == "art_172"), finding.evidence


def _stay_law(language: str, grant: str, term: str, care: str) -> Law:
    """A law that grants a stay in a centre in one article, sets its term in the next, and gives care there."""
    provs = (*_article("10", None, grant), *_article("11", None, term), *_article("12", None, care))
    return _law_of("Law on counteracting trafficking in persons", language, "anti_trafficking", provs)


@pytest.mark.parametrize(("language", "grant", "term", "care", "limit"), [
    ("en", "Victims of trafficking in persons shall be provided with temporary accommodation in a rehabilitation "
           "centre.",
     "The period of stay in a rehabilitation centre shall not exceed thirty days.",
     "Victims staying in a rehabilitation centre shall receive medical assistance.",
     "not exceed"),
    ("ru", "Лицам, пострадавшим от торговли людьми, предоставляется временное размещение в центре реабилитации.",
     "Срок пребывания в центре реабилитации не может превышать тридцати дней.",
     "Лицам, пострадавшим от торговли людьми, находящимся в центре реабилитации, оказывается медицинская помощь.",
     "не может превышать"),
    # the term said of the placement itself (blind round 18, Tajik style)
    ("ru", "Лицам, пострадавшим от торговли людьми, предоставляется временное размещение в приюте.",
     "Жертва торговли людьми размещается в приюте на срок до тридцати календарных дней.",
     "Лицам, пострадавшим от торговли людьми, находящимся в приюте, оказывается медицинская помощь.",
     "на срок до"),
    ("en", "Victims of trafficking in persons shall be provided with temporary accommodation in a shelter.",
     "A victim shall be placed in a shelter for a period of up to thirty days.",
     "Victims staying in a shelter shall receive medical assistance.",
     "up to"),
])  # fmt: skip
def test_the_term_a_law_sets_for_a_stay_in_a_centre_limits_the_shelter_not_the_care_given_there(
    language, grant, term, care, limit, tmp_path, monkeypatch
):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = _stay_law(language, grant, term, care)
    housing = _finding("KZ", law, "assistance_housing")
    assert housing.status == PARTIAL, housing.explanation
    assert housing.evidence[0].article == "art_10"
    assert limit in _limits(housing).get("time_limit", ""), housing.limitations
    medical = _finding("KZ", law, "assistance_medical")
    assert medical.status == MET, medical.explanation


_HELP_LEAD_IN = (
    "Victims of trafficking who are citizens of the Republic of Uzbekistan, as well as stateless persons permanently "
    "residing in the Republic of Uzbekistan, shall be provided with:"
)
_HELP_ITEMS = ("temporary accommodation in a specialized institution", "medical assistance in state health care "
               "institutions", "psychological assistance")


@pytest.mark.parametrize("style", ["numbered", "dashes"])
@pytest.mark.parametrize("rule_id", ["assistance_medical", "assistance_psychological"])
def test_help_listed_under_a_lead_in_takes_its_persons(style, rule_id, tmp_path, monkeypatch):
    # an invented Uzbek-style law: the help is listed under a lead-in that gives it to citizens and stateless
    # residents only, as numbered items (provisions of their own) or as dash items inside one unnumbered part; each
    # item is the victims' help, and the lead-in's limit binds it
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    if style == "numbered":
        body = "1. " + _HELP_LEAD_IN + "\n" + "\n".join(f"{k}) {item};" for k, item in enumerate(_HELP_ITEMS, 1))
    else:
        body = _HELP_LEAD_IN + "\n\n" + "\n\n".join(f"— {item};" for item in _HELP_ITEMS)
    path = tmp_path / f"uz_{style}.txt"
    path.write_text(
        "LAW OF THE REPUBLIC OF UZBEKISTAN ON COUNTERING TRAFFICKING IN PERSONS\n"
        "(Invented text for testing; not a law in force.)\n\nArticle 1. Purpose of this Law\n\n"
        "This Law regulates relations in the field of countering trafficking in persons.\n\n"
        f"Article 2. Assistance to victims\n\n{body}\n",
        encoding="utf-8",
    )
    finding = _finding("UZ", load_law(path), rule_id)
    assert finding.status == PARTIAL, finding.explanation
    assert "citizens of the Republic" in _limits(finding).get("citizens", ""), finding.limitations
