"""Citation asides a cue reads past (lawgap.assess.asides): the words a lawyer skips when a law names its
persons by citing another provision, and the words that are not a citation."""

from __future__ import annotations

import pytest

from lawgap.assess.asides import OPENERS, aside_spans
from lawgap.assess.nlp import analyse_text

# (language, sentence, the aside as printed, or "" when the sentence has none)
ASIDES = [
    (
        "en",
        "The victims specified in part 1 of Article 19 of this Law are provided with medical assistance.",
        "specified in part 1 of Article 19 of this Law",
    ),
    ("en", "Persons referred to in section 5 and their families may apply.", "referred to in section 5"),
    (
        "en",
        "Victims under Article 19 and Article 20 of this Act are entitled to shelter.",
        "under Article 19 and Article 20 of this Act",
    ),
    (
        "ru",
        "Пострадавшим, указанным в части первой статьи 19 настоящего Закона, оказывается медицинская помощь.",
        "указанным в части первой статьи 19 настоящего Закона",
    ),
    (
        "ru",
        "Лицам, предусмотренным пунктами 3) и 5-1) статьи 12-1, выдаётся разрешение.",
        "предусмотренным пунктами 3) и 5-1) статьи 12-1",
    ),
    (
        "en",
        "The consent of a minor victim to the acts provided for by this Article shall not be taken into account.",
        "provided for by this Article",
    ),
    # a citation needs a unit and a number: the legislation and "this Law" alone are words, not an aside
    ("ru", "Помощь оказывается в порядке, установленном законодательством.", ""),
    ("ru", "Меры, предусмотренные настоящим Законом, применяются к пострадавшим.", ""),
    ("en", "Assistance is provided under this Law to every victim.", ""),
]


@pytest.mark.parametrize(("language", "sentence", "aside"), ASIDES)
def test_citation_asides(language, sentence, aside):
    tokens, _sentences = analyse_text(sentence, language)
    lemmas = [t.lemma for t in tokens]
    starts = [i for i, lemma in enumerate(lemmas) if lemma in OPENERS[language]]
    spans = aside_spans(lemmas, starts, language)
    printed = [sentence[tokens[a].start : tokens[b - 1].end] for a, b in spans]
    assert printed == ([aside] if aside else [])
