"""Sentences as the codes punctuate them: abbreviations stay inside, full stops end them (lawgap.assess.sentences)."""

from __future__ import annotations

import pytest

from lawgap.assess.sentences import inline_item, sentences

# (language, text, the sentences expected) — abbreviations as the KG, KZ and RF codes and Pakistani acts print them
CASES = [
    # a reference to a part of an article (KG CC 82 lists offences this way)
    (
        "ru",
        "Лицо, совершившее преступления, предусмотренные ч. 2 ст. 166 настоящего Кодекса, не освобождается. Далее.",
        ["Лицо, совершившее преступления, предусмотренные ч. 2 ст. 166 настоящего Кодекса, не освобождается.",
         "Далее."],
    ),
    # "т.е." and "т. е." (KG CPC 139: "проживанием, т. е. расходы на проезд")
    ("ru", "Расходы, т.е. расходы на проезд, возмещаются. Далее.", ["Расходы, т.е. расходы на проезд, возмещаются.",
                                                                    "Далее."]),
    ("ru", "Проживанием, т. е. расходы на проезд, и т. д. Далее.", ["Проживанием, т. е. расходы на проезд, и т. д.",
                                                                   "Далее."]),
    ("ru", "В случаях, предусмотренных п. 3 настоящей статьи, суд вправе. Далее.",
     ["В случаях, предусмотренных п. 3 настоящей статьи, суд вправе.", "Далее."]),
    ("ru", "См. ст.ст. 24-25 Конвенции. Далее.", ["См. ст.ст. 24-25 Конвенции.", "Далее."]),
    ("ru", "Оружие, боеприпасы и т.д. запрещены. Далее.", ["Оружие, боеприпасы и т.д. запрещены.", "Далее."]),
    ("ru", "Закон от 5 июля 2000 г. № 72 вступает в силу. Далее.", ["Закон от 5 июля 2000 г. № 72 вступает в силу.",
                                                                   "Далее."]),
    # "и т.д." may also end a sentence
    ("ru", "Оружие, боеприпасы и т.д. Далее.", ["Оружие, боеприпасы и т.д.", "Далее."]),
    # a list run inline stays one sentence, as the codes write it (the victim's rights and the right itself)
    ("ru", "Потерпевший вправе: 1) знать о предъявленном обвинении; 2) давать показания. Далее.",
     ["Потерпевший вправе: 1) знать о предъявленном обвинении; 2) давать показания.", "Далее."]),
    # a lead-in and its unmarked items on lines of their own (Uzbek drafting): one sentence each, as numbered items
    # are provisions each
    ("ru", "Жертва имеет право:\nна медицинскую помощь;\nна информацию о своих правах.",
     ["Жертва имеет право:", "на медицинскую помощь;", "на информацию о своих правах."]),
    ("ky", "Кылмыш-жаза кодексинин 166-беренесинде каралган, б.а. оор кылмыштар. Кийинки сүйлөм.",
     ["Кылмыш-жаза кодексинин 166-беренесинде каралган, б.а. оор кылмыштар.", "Кийинки сүйлөм."]),
    # English statutes: "s. 3", "sub-s. (2)", "No. 5"
    ("en", "An offence under s. 3 or ss. 4-5 of Act No. 5 of 2017 is punishable. See sub-s. (2) of this section. Next.",
     ["An offence under s. 3 or ss. 4-5 of Act No. 5 of 2017 is punishable.", "See sub-s. (2) of this section.",
      "Next."]),
    ("en", "The Court may, at the request of the witness, order (a) that; (b) that. Next.",
     ["The Court may, at the request of the witness, order (a) that; (b) that.", "Next."]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_sentences_keep_abbreviations_inside(language, text, expected):
    assert [text[a:b] for a, b in sentences(text, language)] == expected


def test_blank_text_has_no_sentence():
    assert sentences("  \n", "ru") == ()


def test_an_item_of_a_list_run_inline_is_read_with_its_lead_in_not_with_its_neighbours():
    # the condition of the legal-aid item ("в случаях, предусмотренных законодательством") is no condition of the
    # item on information before it (blind round 11, Uzbek style)
    text = (
        "Жертвы имеют право на: получение информации о своих правах на понятном им языке; получение бесплатной "
        "юридической помощи в случаях, предусмотренных законодательством."
    )
    [span] = sentences(text, "ru")
    item, lead = inline_item(text, span, text.index("информации"))
    assert text[item[0] : item[1]].strip() == "получение информации о своих правах на понятном им языке"
    assert text[lead[0] : lead[1]] == "Жертвы имеют право на"
    later, _ = inline_item(text, span, text.index("юридической"))
    assert "в случаях, предусмотренных законодательством" in text[later[0] : later[1]]
    assert inline_item("Жертве оказывается помощь.", (0, 26), 3) is None  # no list
