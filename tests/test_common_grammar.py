"""The common-law (English) structure grammar, one rule at a time, on snippets of real Acts.

Each case names the provision that motivated it. The corpus tests at the end run the grammar
on the third-party Markdown conversions of the Pakistani Acts (read by lawgap.parsers.text).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawgap.model import Block
from lawgap.structure.common import structure
from lawgap.structure.common_lines import enum_styles, ocr_misread, roman_value
from tests.conftest import corpus_law


def parse(text: str, *, style: str = "", heading: bool = False):
    blocks = [
        Block(ln, style=style, heading_level=1 if heading and ln[:1].isdigit() else None) for ln in text.splitlines()
    ]
    return structure(blocks, "en")


def eids(text: str, **kw) -> list[str]:
    return [p.eid for p in parse(text, **kw).provisions]


def by_eid(text: str, **kw):
    return {p.eid: p for p in parse(text, **kw).provisions}


# (snippet, eids expected in order): one rule of the line table each.
STRUCTURE_CASES = [
    (  # Bonded Labour System (Abolition) Act 1992, s.1: title, en dash, subsection on the same line
        "1. Short title, extent and commencement.– (1) This Act may be called the Bonded Labour Act.\n"
        "(2) It extends to the whole of the Punjab.\n(3) It shall come into force at once.",
        ["sec_1", "sec_1__subsec_1", "sec_1__subsec_2", "sec_1__subsec_3"],
    ),
    (  # Witness Protection Act 2017, s.6: "Witness Protection Unit.--- (1) A unit ..."
        "6. Witness Protection Unit.--- (1) A unit shall be established.\n(2) The Government may -",
        ["sec_6", "sec_6__subsec_1", "sec_6__subsec_2"],
    ),
    (  # Trafficking in Persons Act 2018, s.3: em dash glued to the subsection, then clauses
        "3. Trafficking in persons.—(1) Any person who recruits commits an offence.\n"
        "(3) In this section:\n(a) “coercion” means force including—\n(i) threat of harm;\n"
        "(ii) any scheme;\n(b) “compelled labour” includes servitude.",
        [
            "sec_3",
            "sec_3__subsec_1",
            "sec_3__subsec_3",
            "sec_3__subsec_3__para_a",
            "sec_3__subsec_3__para_a__subpara_i",
            "sec_3__subsec_3__para_a__subpara_ii",
            "sec_3__subsec_3__para_b",
        ],
    ),
    (  # Bonded Labour Act s.2: clauses directly under the section, (ff) inserted by the 2012 amendment
        "2. Definitions.– In this Act,–\n(a) “advance” means;\n(f) “family” means;\n"
        "[(ff) “Government” means Government of the Punjab;]\n(g) “nominal wages” means;",
        ["sec_2", "sec_2__para_a", "sec_2__para_f", "sec_2__para_ff", "sec_2__para_g"],
    ),
    (  # Bonded Labour Act s.2(g): "(a)" after "(g)" opens a list inside (g), then "(h)" returns
        "2. Definitions.– In this Act,–\n(g) “nominal wages” means a wage less than,–\n"
        "(a) the minimum wages; and\n(b) where no minimum wage is fixed; and\n(h) “prescribed” means.",
        ["sec_2", "sec_2__para_g", "sec_2__para_g__subpara_a", "sec_2__para_g__subpara_b", "sec_2__para_h"],
    ),
    (  # Witness Protection Act s.11: a period, not a dash, ends the title
        "11. Annual report. (1) The Government shall prepare an annual report.\n(2) The Board may report.",
        ["sec_11", "sec_11__subsec_1", "sec_11__subsec_2"],
    ),
    (  # Marginal note printed on the line above a section that has no title of its own
        "Short title and commencement\n1. (1) This Act may be called the Example Act.\n(2) It extends.",
        ["sec_1", "sec_1__subsec_1", "sec_1__subsec_2"],
    ),
    (  # Parts and chapters are containers; their title may be on the next line
        "PART I\nPRELIMINARY\n1. Short title.– This Act may be called the X Act.\nCHAPTER 2\n"
        "OFFENCES\n2. Trafficking.– Whoever traffics shall be punished.",
        ["part_I", "sec_1", "chp_2", "sec_2"],
    ),
    (  # Witness Protection Act: the Schedule lists offences "1. Treason", which are not sections
        "12. Rules.– The Government may make rules.\nSCHEDULE\n[See section 2(k)]\n1. Treason\n2. Sedition",
        ["sec_12", "sched_nn_1"],
    ),
    (  # Bonded Labour Act s.7(2): "(1)" at a line start after "sub-section" is a reference, not a label
        "7. Property freed.– (1) All property shall stand freed.\n"
        "(2) If any delay is made in restoring any property referred to in sub-section\n"
        "(1) to the possession of the bonded labourer, he may recover profits.",
        ["sec_7", "sec_7__subsec_1", "sec_7__subsec_2"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), STRUCTURE_CASES)
def test_line_rules(text, expected):
    assert eids(text) == expected


# "(i)": the letter after "(h)", or the roman one. The previous sibling decides.
AMBIGUOUS_LABELS = [
    ("(g) x;\n(h) y;\n(i) z;", "sec_2__para_i", "point"),  # Witness Protection Act s.2(i) "rules"
    ("(a) x;\n(i) y;\n(ii) z;", "sec_2__para_a__subpara_i", "subpoint"),  # TIP Act s.3(3)(a)(i)
    ("(a) x;\n(i) y;\n(ii) z;\n(iii) w;\n(iv) v;\n(v) u;", "sec_2__para_a__subpara_v", "subpoint"),
    ("(t) x;\n(u) y;\n(v) z;", "sec_2__para_v", "point"),
    ("(w) x;\n(x) y;", "sec_2__para_x", "point"),
    (
        "(a) x;\n(i) a;\n(ii) b;\n(iii) c;\n(iv) d;\n(v) e;\n(vi) f;\n(vii) g;\n(viii) h;\n(ix) i;\n(x) j;",
        "sec_2__para_a__subpara_x",
        "subpoint",
    ),
]


@pytest.mark.parametrize(("items", "eid", "kind"), AMBIGUOUS_LABELS)
def test_i_v_x_decided_by_previous_sibling(items, eid, kind):
    law = by_eid("2. Definitions.– In this Act,–\n" + items)
    assert law[eid].kind == kind


def test_section_headings_and_own_text():
    law = by_eid(
        "9. Authorities who may be specified for implementing the provisions of\n"
        "this Act.– The Government may confer such powers.\n"
        "14. Abetment to be an offence.– Whoever abets any offence shall be punished.\n"
        "Explanation.– For the purpose of this section, abetment has the same meaning."
    )
    # Bonded Labour Act s.9: the title runs over two lines and ends at ".–".
    assert law["sec_9"].heading == "Authorities who may be specified for implementing the provisions of this Act"
    assert law["sec_9"].text == "The Government may confer such powers."
    # s.14: the Explanation stays words of the section, not a provision of its own.
    assert law["sec_14"].heading == "Abetment to be an offence"
    assert law["sec_14"].text.splitlines()[1].startswith("Explanation.–")
    assert set(law) == {"sec_9", "sec_14"}


def test_proviso_stays_in_its_subsection():
    # Bonded Labour Act s.6(5) and its proviso, then (6) "Subject to the proviso to sub-section (5)".
    law = by_eid(
        "6. Liability extinguished.– (5) Every attachment shall stand vacated:\n"
        "Provided that a sale already made shall not be affected.\n(6) Subject to the proviso, any sale is void."
    )
    assert law["sec_6__subsec_5"].text.endswith("Provided that a sale already made shall not be affected.")
    assert law["sec_6__subsec_6"].text.startswith("Subject to the proviso")


def test_contents_list_is_not_parsed_as_sections():
    # Bonded Labour Act: CONTENTS repeats every title before the enacted text.
    text = (
        "THE BONDED LABOUR SYSTEM (ABOLITION) ACT, 1992\nCONTENTS\n1. Short title, extent and commencement\n"
        "2. Definitions\n3. Act to override other laws, etc\n9. Authorities who may be specified for implementing\n"
        "the provisions of this Act\nAn Act to provide for abolition of bonded labour system\n"
        "It is hereby enacted as follows:–\n1. Short title, extent and commencement.– (1) This Act may be called "
        "the Bonded Labour System (Abolition) Act, 1992.\n2. Definitions.– In this Act,–\n(a) x;\n"
        "3. Act to override other laws, etc.– The provisions of this Act shall have effect."
    )
    result = parse(text)
    sections = [p for p in result.provisions if p.kind == "section"]
    assert [p.num for p in sections] == ["1", "2", "3"]
    assert sections[0].heading == "Short title, extent and commencement"
    assert result.title == "THE BONDED LABOUR SYSTEM (ABOLITION) ACT, 1992"
    assert any("contents" in w for w in result.warnings)
    preamble = result.provisions[0]
    assert preamble.eid == "preamble_nn_1" and "Definitions" not in preamble.text


def test_contents_without_enacting_formula():
    text = (
        "ARRANGEMENT OF SECTIONS\n1. Short title\n2. Definitions\n3. Offence\n"
        "1. Short title.– This Act may be called the Example Act, 2020.\n2. Definitions.– In this Act,–\n"
        "3. Offence.– Whoever does it shall be punished."
    )
    assert [p.eid for p in parse(text).provisions if p.kind == "section"] == ["sec_1", "sec_2", "sec_3"]


def test_title_from_the_short_title_clause():
    # Trafficking in Persons Act 2018, s.1(1): the gazette print has no all-capitals title line.
    result = parse(
        "It is hereby enacted as follows:—\n"
        "1. Short title, extent and commencement.—(1) This Act may be called the Prevention of "
        "Trafficking in Persons Act, 2018."
    )
    assert result.title == "Prevention of Trafficking in Persons Act, 2018"


def test_footnote_blocks_become_notes_not_text():
    blocks = [
        Block("1. Short title.– (1) This Act may be called the X Act."),
        Block("(2) It extends to the whole of [the Punjab]."),
        Block("Substituted for the word “Pakistan” by Act XXIV of 2012.", style="footnote n=2"),
        Block("(3) It shall come into force at once."),
    ]
    law = {p.eid: p for p in structure(blocks, "en").provisions}
    assert law["sec_1__subsec_2"].notes == ("Substituted for the word “Pakistan” by Act XXIV of 2012.",)
    assert all("Substituted" not in p.text for p in law.values())


def test_statement_of_objects_is_kept_out_of_the_provisions():
    result = parse(
        "12. Rules.– The Government may make rules.\nSTATEMENT OF OBJECTS AND REASONS\nWitnesses need confidence."
    )
    assert [p.eid for p in result.provisions] == ["sec_12"]
    assert result.notes and "Witnesses need confidence." in result.notes[-1]


# OCR text (block style "ocr"): mended only where a number is due; clean text is never mended.
OCR_CASES = [
    # TIP Act 2018 p.2 under tesseract: "i." for "1.", "(1}" for "(1)"
    (
        "i. Short title, extent and commencement.—(1} This Act may be called the X Act.\n(2) It extends.",
        ["sec_1", "sec_1__subsec_1", "sec_1__subsec_2"],
    ),
    # TIP Act s.5 read as "3, Abetment" right after s.4
    (
        "4. Aggravating circumstances.— Where an offence involves:\n"
        "3, Abetment and criminal conspiracy.—(1} Any person",
        ["sec_4", "sec_5", "sec_5__subsec_1"],
    ),
    # Witness Protection Act s.2: "lb)" and "{c)" for (b) and (c); "1f)" after a lost (e)
    (
        "2. Definitions.-- In this Act,\n(a) x;\nlb) y;\n{c) z;\n(d) w;\n{{]) v;\n1f) u;",
        ["sec_2", "sec_2__para_a", "sec_2__para_b", "sec_2__para_c", "sec_2__para_d", "sec_2__para_f"],
    ),
    # TIP Act s.3(3)(a): "(i)" printed "(i)", "(i)", "(ii)", "(iv)" by tesseract
    (
        "3. Trafficking.—(3) In this section:\n(a) coercion includes—\n"
        "(i) threat;\n(i) scheme;\n(ii) threat due;\n(iv) pressure;",
        [
            "sec_3",
            "sec_3__subsec_3",
            "sec_3__subsec_3__para_a",
            "sec_3__subsec_3__para_a__subpara_i",
            "sec_3__subsec_3__para_a__subpara_ii",
            "sec_3__subsec_3__para_a__subpara_iii",
            "sec_3__subsec_3__para_a__subpara_iv",
        ],
    ),
    # Witness Protection Act: ss.7 and 8 lost their numbers, s.12 printed "12-"
    (
        "6. Witness Protection Unit.-- (1) A unit.\nfunctionsof the Unit.-- The functions shall be to -\n"
        "Memoandum of aSreement with the person to be protected.--- Before a person is protected\n"
        "9. Breach of the memorandum of agreemeni.- Substantial breach\n10. Confidentiality.- All\n"
        "11. Annual report. (1) The Government\n12- Rules. The Government may make rules.",
        ["sec_6", "sec_6__subsec_1", "sec_7", "sec_8", "sec_9", "sec_10", "sec_11", "sec_11__subsec_1", "sec_12"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OCR_CASES)
def test_ocr_numbering_is_mended_where_a_number_is_due(text, expected):
    result = parse(text, style="pdf ocr")
    assert [p.eid for p in result.provisions] == expected
    assert any("OCR numbering mended" in w for w in result.warnings)


def test_ocr_mending_keeps_body_text_and_needs_the_ocr_hint():
    text = "i. Short title, extent and commencement.—(1} This Act may be calied the X Act."
    law = by_eid(text, style="pdf ocr")
    assert law["sec_1__subsec_1"].text == "This Act may be calied the X Act."  # words untouched
    assert law["sec_1"].heading == "Short title, extent and commencement"
    assert not any(p.kind == "section" for p in parse(text).provisions)  # clean text: "i." is no number


def test_lost_number_needs_a_gap_in_the_numbering():
    # A strong title with no number between sections 6 and 7 is not a section: nothing was lost.
    text = "6. Unit.-- (1) A unit.\nFunctions of the Unit.-- The functions are\n7. Functions.-- The Unit shall"
    assert [p.eid for p in parse(text, style="pdf ocr").provisions if p.kind == "section"] == ["sec_6", "sec_7"]


def test_markdown_headings_fill_a_gap_of_lost_numbers_exactly():
    # Bonded Labour Act converted to Markdown: ss.9-11 lost their numbers, s.12 kept it.
    blocks = [
        Block("8. Creditor not to accept payment against extinguished debt.", heading_level=1),
        Block("(1) No creditor shall accept any payment."),
        Block("Authorities who may be specified for implementing the provisions of this Act.", heading_level=1),
        Block("The Government may confer such powers."),
        Block("Duty of District Coordination Officer and other officers designated by him.", heading_level=1),
        Block("(1) The Officer shall promote welfare."),
        Block("Punishment for enforcement of bonded labour.", heading_level=1),
        Block("Whoever compels any person shall be punished."),
        Block("12. Punishment for extracting bonded labour under the bonded labour system.", heading_level=1),
        Block("Whoever enforces any custom shall be punished."),
    ]
    secs = [p for p in structure(blocks, "en").provisions if p.kind == "section"]
    assert [p.num for p in secs] == ["8", "9", "10", "11", "12"]
    assert secs[2].heading == "Duty of District Coordination Officer and other officers designated by him"


@pytest.mark.parametrize(
    ("token", "styles"),
    [
        ("1", ("arabic",)),
        ("1A", ("arabic",)),
        ("i", ("roman", "alpha")),
        ("ii", ("roman", "alpha")),
        ("iv", ("roman",)),
        ("ff", ("alpha",)),
        ("b", ("alpha",)),
        ("IV", ("ROMAN",)),
        ("A", ("ALPHA",)),
    ],
)
def test_label_styles(token, styles):
    assert enum_styles(token) == styles


def test_roman_values_and_ocr_lookalikes():
    assert [roman_value(s) for s in ("i", "iv", "ix", "xiv", "iiii", "vx")] == [1, 4, 9, 14, None, None]
    assert ocr_misread("ll", "11") and ocr_misread("3", "5") and ocr_misread("i", "ii")
    assert ocr_misread("12", "2") and ocr_misread("1f", "f")  # Witness Protection Act "12)", "1f)"
    assert not ocr_misread("1", "b") and not ocr_misread("a", "b") and not ocr_misread("13", "2")


# --- fuzz: keyword soup never breaks the grammar or the tree ------------------------------------
_WORDS = [
    "PART",
    "CHAPTER",
    "Section",
    "SCHEDULE",
    "THE SCHEDULE",
    "12.",
    "1.",
    "3A.",
    "(1)",
    "(a)",
    "(i)",
    "(ii)",
    "(v)",
    "(x)",
    "(ff)",
    "[(ff)",
    "Explanation.–",
    "Provided that",
    "It is hereby enacted as follows",
    "CONTENTS",
    "—",
    ".–",
    ".--",
    "I",
    "II",
    "Heading",
    "shall",
    "sub-section",
    "l.",
    "{2)",
    "#",
    "- ",
    "“360C.",
    "”.",
    '"',
    "SECRETARY.",
    "ACT No. XIX OF 2025",
    "THE GAZETTE OF PAKISTAN",
]
_LINE = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=8)), min_size=0, max_size=8).map(" ".join)
_STYLES = ["", "pdf ocr x=90", "pdf marginal x=60"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_LINE, st.sampled_from(_STYLES), st.booleans()), max_size=40))
def test_keyword_soup_gives_a_valid_tree(rows):
    blocks = [Block(text, style=style, heading_level=1 if head else None) for text, style, head in rows]
    result = structure(blocks, "en")
    seen: set[str] = set()
    for p in result.provisions:
        assert p.eid not in seen, p.eid
        assert p.parent is None or p.parent in seen, (p.eid, p.parent)
        assert 0 <= p.span[0] <= p.span[1] <= len(result.text)
        seen.add(p.eid)


# --- the third-party Markdown conversions of the corpus ----------------------------------------------
@pytest.mark.corpus
def test_markdown_conversion_of_bonded_labour_act():
    law = corpus_law("pk/bonded_labour_system_abolition_act_1992_converted.md")
    assert [p.num for p in law.articles()] == [str(n) for n in range(1, 22)]
    assert law.by_eid["sec_15"].heading == "Vigilance Committees"


@pytest.mark.corpus
def test_markdown_conversion_of_witness_protection_act():
    law = corpus_law("pk/witness_protection_security_and_benefit_act_2017_converted.md")
    assert [p.num for p in law.articles()] == [str(n) for n in range(1, 13)]
    # ss.3, 7 and 8 lost their numbers in the conversion; the gap between 2-4 and 6-9 places them.
    assert law.by_eid["sec_7"].heading == "Functions of the Unit"
    assert law.by_eid["sec_8"].heading == "Memorandum of Agreement with the Person to be Protected"
