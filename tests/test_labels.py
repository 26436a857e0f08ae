"""Provisions cited the way the law's own lawyers cite them, in Russian and in English."""

from __future__ import annotations

import pytest

from lawgap.refs.labels import cite


@pytest.mark.parametrize(
    ("eid", "kind", "country", "ru", "en"),
    [
        # a part of a code: "ч. 4 ст. 112 УПК КР" (the KG CPC's victim's rights)
        ("art_112__para_4", "criminal_procedure_code", "KG", "ч. 4 ст. 112 УПК КР", "Art. 112(4) CPC"),
        # an item of a part, innermost first
        ("art_77__para_1__point_2", "criminal_procedure_code", "KG", "п. 2 ч. 1 ст. 77 УПК КР", "Art. 77(1)(2) CPC"),
        # the note to an article
        ("art_166__note_nn_1", "criminal_code", "KG", "примечание к ст. 166 УК КР", "Art. 166, note CC"),
        # a lettered item of an unnumbered part (Uzbek style): п. «а» ч. 2
        ("art_135__para_2__point_а", "criminal_code", "UZ", "п. «а» ч. 2 ст. 135 УК РУз", "Art. 135(2)(а) CC"),
        # a Kazakh-style law: its numbered paragraphs are пункты, its items подпункты; a law has no abbreviation
        ("art_6__para_1__point_3", "victim_support", "KZ", "пп. 3 п. 1 ст. 6", "Art. 6(1)(3)"),
        # common-law sections keep their own style
        ("sec_3__subsec_1__para_a", "anti_trafficking", "PK", "s. 3(1)(a)", "s. 3(1)(a)"),
    ],
)
def test_cite(eid, kind, country, ru, en):
    assert cite(eid, "ru", kind=kind, country=country) == ru
    assert cite(eid, "en", kind=kind, country=country) == en
