"""A provision that does a thing "в случаях, предусмотренных статьей N" does it on article N's terms: a competence
article that cites the granting article is no unlimited grant, and the finding names the limit where it is printed."""

from __future__ import annotations

from pathlib import Path

from lawgap.assess.score import score_country
from lawgap.parsers import load_law
from lawgap.rules import load_rules

HEAD = "ЗАКОН РЕСПУБЛИКИ ТЕСТ О ПРОТИВОДЕЙСТВИИ ТОРГОВЛЕ ЛЮДЬМИ\n\n"
COMPETENCE = (
    "Статья 6. Компетенция уполномоченного органа в сфере миграции\n\n"
    "Уполномоченный орган в сфере миграции:\n"
    "- информирует граждан, выезжающих за рубеж, о рисках торговли людьми;\n"
    "- принимает решения о продлении срока временного пребывания иностранцев, признанных жертвами торговли "
    "людьми, в случаях, предусмотренных статьей 12 настоящего Закона.\n\n"
)
FILLER = "".join(
    f"Статья {n}. Статья {n}\n\nОрганы взаимодействуют в порядке, установленном Правительством.\n\n"
    for n in range(7, 12)
)
LIMITED = (
    "Статья 12. Пребывание жертвы торговли людьми\n\n"
    "Срок временного пребывания иностранца, признанного жертвой торговли людьми, продлевается лицу, участвующему "
    "в уголовном деле в качестве потерпевшего или свидетеля, не более чем на один год.\n"
)
OPEN = (
    "Статья 12. Пребывание жертвы торговли людьми\n\n"
    "Срок временного пребывания иностранца, признанного жертвой торговли людьми, продлевается на время, "
    "необходимое для его восстановления.\n"
)


def _finding(tmp_path: Path, monkeypatch, article_12: str, rule_id: str):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "law_ru.txt"
    path.write_text(HEAD + COMPETENCE + FILLER + article_12, encoding="utf-8")
    law = load_law(path, country="TJ")
    score = score_country("TJ", [law], load_rules())
    return next(f for f in score.findings if f.rule.id == rule_id)


def test_the_cited_articles_limits_carry_into_the_competence_article(tmp_path, monkeypatch):
    finding = _finding(tmp_path, monkeypatch, LIMITED, "residence_permit_victims")
    assert finding.status == "partial"
    assert {ev.article for ev in finding.evidence} >= {"art_6", "art_12"}
    placed = {(x.eid.split("__")[0], x.words) for x in finding.limitations}
    assert any(eid == "art_12" and "уголовн" in words for eid, words in placed)


def test_an_open_cited_article_leaves_the_grant_unlimited(tmp_path, monkeypatch):
    finding = _finding(tmp_path, monkeypatch, OPEN, "residence_permit_victims")
    assert finding.status == "met"
    assert not finding.limitations
