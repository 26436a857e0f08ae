"""The PDF reader on the three Pakistani Acts of the corpus: clean, scanned (OCR) and poorly OCRed.

Section counts were checked against the page images (pdftoppm at 100 dpi, read by eye): the
Bonded Labour System (Abolition) Act 1992 has sections 1-21, the Prevention of Trafficking in
Persons Act 2018 sections 1-16 on gazette pages 700-703, the Islamabad Witness Protection,
Security and Benefit Act 2017 sections 1-12 and a Schedule of 17 offences.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rapidfuzz.fuzz import ratio

from lawgap.errors import InputError
from lawgap.parsers import load_law
from lawgap.parsers.pdf import RE_RUNNING_HEAD, extract
from lawgap.structure.gazette import Quotation
from tests.conftest import corpus_file, corpus_law

BONDED = "pk/bonded_labour_system_abolition_act_1992.pdf"
SCANNED = "pk/prevention_of_trafficking_in_persons_act_2018_scanned.pdf"
WITNESS = "pk/witness_protection_security_and_benefit_act_2017_ocr.pdf"

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="the tesseract program is not installed (apt-get install tesseract-ocr)"
)


def numbers(law) -> list[str]:
    return [p.num for p in law.articles()]


# --- the clean text layer: Bonded Labour System (Abolition) Act 1992 --------------------------------
BONDED_HEADINGS = [
    ("sec_1", "Short title, extent and commencement"),
    ("sec_2", "Definitions"),
    ("sec_9", "Authorities who may be specified for implementing the provisions of this Act"),  # two lines
    ("sec_11", "Punishment for enforcement of bonded labour"),
    ("sec_13", "Punishment for omission or failure to restore possession of property to, bonded labourer"),
    ("sec_21", "Power to make rules"),
]


@pytest.mark.corpus
def test_bonded_labour_sections_1_to_21_in_order():
    law = corpus_law(BONDED)
    assert numbers(law) == [str(n) for n in range(1, 22)]  # the CONTENTS list did not add a second run
    assert law.title == "THE BONDED LABOUR SYSTEM (ABOLITION) ACT, 1992"
    assert not law.ocr


@pytest.mark.corpus
@pytest.mark.parametrize(("eid", "heading"), BONDED_HEADINGS)
def test_bonded_labour_headings(eid, heading):
    assert corpus_law(BONDED).by_eid[eid].heading == heading


@pytest.mark.corpus
def test_bonded_labour_footnote_markers_are_not_text():
    law = corpus_law(BONDED)
    # s.1(2) prints "It extends to the whole of 2[the Punjab]." with a raised footnote marker 2.
    sub = law.by_eid["sec_1__subsec_2"]
    assert sub.text == "It extends to the whole of [the Punjab]."
    assert sub.notes and sub.notes[0].startswith("Substituted for the word “Pakistan”")
    assert not any("2[the Punjab]" in p.text for p in law.provisions)
    # Footnote texts stay out of the provisions' words: 17 amendment notes, kept as notes.
    assert not any("Punjab Gazette (Extraordinary)" in p.text for p in law.provisions)
    assert sum(len(p.notes) for p in law.provisions) == 17
    # s.10's title carries markers 7 and 8 inside it.
    assert (
        law.by_eid["sec_10"].heading == "Duty of [District Coordination Officer] and other officers designated by him"
    )


@pytest.mark.corpus
def test_bonded_labour_clause_tree():
    law = corpus_law(BONDED)
    kids = [p.eid for p in law.children("sec_2")]
    assert kids == [f"sec_2__para_{x}" for x in ("a", "b", "c", "d", "e", "f", "ff", "g", "h")]
    # s.2(e): (i)-(iii), then "he would–" and (1)-(4) inside (e); s.2(g): (a), (b) inside (g).
    assert [p.num for p in law.children("sec_2__para_e")] == ["i", "ii", "iii", "1", "2", "3", "4"]
    assert [p.num for p in law.children("sec_2__para_g")] == ["a", "b"]
    assert [p.num for p in law.children("sec_6")] == [str(n) for n in range(1, 11)]
    # s.6(5) ends with its proviso; s.7(2) quotes "sub-section (1)" across a line break.
    assert "Provided that, where any attached property was sold" in law.by_eid["sec_6__subsec_5"].text
    assert "referred to in sub-section (1) to the possession" in law.by_eid["sec_7__subsec_2"].text


# --- the scanned gazette: Prevention of Trafficking in Persons Act 2018 (OCR) ----------------------
SCANNED_HEADINGS = [
    ("sec_1", "Short title, extent and commencement"),
    ("sec_3", "Trafficking in persons"),
    ("sec_5", "Abetment and criminal conspiracy"),  # OCR reads its number as "3,"
    ("sec_11", "Safety of victims and witnesses of offences"),  # OCR reads "ll."
    ("sec_12", "Protection of victims and witnesses by the Court"),  # OCR reads "[2."
    ("sec_13", "Compensation to victims"),
    ("sec_16", "Repeal"),  # OCR reads "‘16,"
]


@pytest.mark.slow
@pytest.mark.corpus
@needs_tesseract
def test_scanned_act_is_ocred_into_sections_1_to_16():
    law = corpus_law(SCANNED)
    assert law.ocr
    assert any(w.startswith("OCR used on 5 of 5 pages") for w in law.warnings)
    assert numbers(law) == [str(n) for n in range(1, 17)]
    assert law.title == "Prevention of Trafficking in Persons Act, 2018"
    # The running head "THE GAZETTE OF PAKISTAN, EXTRA., JUNE 2, 2018" of pages 700-703 is gone.
    assert not any("GAZETTE OF PAKISTAN, EXTRA" in p.text.upper() for p in law.provisions[1:])


@pytest.mark.slow
@pytest.mark.corpus
@needs_tesseract
@pytest.mark.parametrize(("eid", "heading"), SCANNED_HEADINGS)
def test_scanned_act_headings(eid, heading):
    got = corpus_law(SCANNED).by_eid[eid].heading or ""
    assert ratio(got, heading) >= 90, got  # OCR may still swap a letter ("Cempensation")


@pytest.mark.slow
@pytest.mark.corpus
@needs_tesseract
def test_scanned_act_subsections_and_clauses():
    law = corpus_law(SCANNED)
    assert [p.num for p in law.children("sec_2")] == list("abcdefg")  # s.2 definitions (a)-(g)
    assert [p.num for p in law.children("sec_3__subsec_3__para_a")] == ["i", "ii", "iii", "iv"]
    assert [p.num for p in law.children("sec_16")] == ["1", "2", "3"]
    assert "section 369-A shall be omitted" in law.by_eid["sec_16__subsec_3"].text


@pytest.mark.slow
@pytest.mark.corpus
@needs_tesseract
def test_ocr_text_is_cached_per_page(monkeypatch):
    import pytesseract

    corpus_law(SCANNED)  # OCRs once per session (or reads the cache of an earlier run)

    def no_ocr(*args, **kwargs):
        raise AssertionError("tesseract was called although the pages are cached")

    monkeypatch.setattr(pytesseract, "image_to_data", no_ocr)
    path = corpus_file(SCANNED)
    extracted = extract(path, path.read_bytes(), language="en")
    assert extracted.ocr and len(extracted.blocks) > 50


# --- the poor OCR layer: Witness Protection, Security and Benefit Act 2017 ---------------------------
WITNESS_HEADINGS = [
    ("sec_4", "Witness Protection Programme"),
    ("sec_6", "Witness Protection Unit"),
    ("sec_7", "Functions of the Unit"),  # its number is missing from the text layer
    ("sec_8", "Memorandum of agreement with the person to be protected"),  # so is this one
    ("sec_10", "Confidentiality of proceedings"),
    ("sec_12", "Rules"),  # printed "12- Rules." by the OCR
]


@pytest.mark.corpus
def test_witness_protection_section_tree():
    law = corpus_law(WITNESS)
    assert numbers(law) == [str(n) for n in range(1, 13)]
    top = [p.eid for p in law.provisions if p.parent is None]
    assert top == ["preamble_nn_1", *[f"sec_{n}" for n in range(1, 13)], "sched_nn_1"]
    assert any("OCR numbering mended" in w for w in law.warnings)
    assert [p.num for p in law.children("sec_11")] == ["1", "2"]  # "(2)" printed "12)"
    assert [p.num for p in law.children("sec_1")] == ["1", "2", "3"]  # "(2)" printed "{2)"


@pytest.mark.corpus
@pytest.mark.parametrize(("eid", "heading"), WITNESS_HEADINGS)
def test_witness_protection_headings(eid, heading):
    got = corpus_law(WITNESS).by_eid[eid].heading or ""
    assert ratio(got.lower(), heading.lower()) >= 85, got  # the layer's own spelling is kept


# --- bad PDFs ------------------------------------------------------------------------------------------
def _minimal_pdf(*, encrypt: bool) -> bytes:
    """A one-page PDF; with `encrypt`, protected by a user password (not the empty one)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    if encrypt:
        objs.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32 + b"> /P -4 >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objs) + 1)
    if encrypt:
        trailer += b" /Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_encrypted_pdf_is_refused_with_the_reason(tmp_path):
    path = tmp_path / "protected.pdf"
    path.write_bytes(_minimal_pdf(encrypt=True))
    with pytest.raises(InputError) as err:
        load_law(path)
    assert "encrypted" in err.value.problem and str(path) in str(err.value)


@pytest.mark.corpus
def test_truncated_pdf_is_refused_as_damaged(tmp_path):
    data = corpus_file(BONDED).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(InputError) as err:
        load_law(path)
    assert "damaged PDF" in err.value.problem


@pytest.mark.corpus
def test_missing_tesseract_names_the_package(tmp_path, monkeypatch):
    import lawgap.parsers.ocr as ocr

    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    path = corpus_file(SCANNED)
    with pytest.raises(InputError) as err:
        extract(path, path.read_bytes(), language="en")
    assert "tesseract" in err.value.problem and "apt-get install tesseract-ocr" in err.value.problem


@needs_tesseract
def test_missing_language_data_names_the_package(tmp_path):
    from lawgap.parsers.ocr import tesseract_lang

    with pytest.raises(InputError) as err:
        tesseract_lang(tmp_path / "law.pdf", "ru", {"eng", "osd"})
    assert "tesseract-ocr-rus" in err.value.problem
    assert tesseract_lang(tmp_path / "law.pdf", "ky", {"eng", "rus"}) == "rus"  # Kyrgyz falls back to Russian
    assert tesseract_lang(tmp_path / "law.pdf", "ky", {"kir", "rus"}) == "kir"


# --- line joining ----------------------------------------------------------------------------------------
JOINS = [
    # (left line, right line, how the document spells the word elsewhere, joined text)
    ("referred to in sub-", "section (4)", {"sub-section": 5}, "referred to in sub-section (4)"),  # Bonded Act s.6(7)
    ("the pro-", "visions of this Act", {"provisions": 9}, "the provisions of this Act"),  # a printer's hyphen
    ("a non-", "bailable offence", {}, "a non-bailable offence"),  # unknown word: a prefix keeps its hyphen
    ("the whole of", "Pakistan.", {}, "the whole of Pakistan."),
]


@pytest.mark.parametrize(("left", "right", "counts", "joined"), JOINS)
def test_end_of_line_hyphens(left, right, counts, joined):
    from collections import Counter

    from lawgap.parsers.pdf import _join

    assert _join(left, right, Counter(counts)) == joined


# --- a Commonwealth gazette: marginal notes, running heads, quoted amendments -----------------------
GAZETTE = Path(__file__).parent / "fixtures" / "laws" / "pk_style_gazette.pdf"


def test_marginal_notes_are_blocks_of_their_own_before_their_section():
    blocks = extract(GAZETTE, GAZETTE.read_bytes()).blocks
    notes = [(i, b.text) for i, b in enumerate(blocks) if "marginal" in b.style.split()]
    assert [t for _, t in notes] == [
        "Short title, extent and commencement.",
        "Definitions.",
        "Protection officers and their duties.",
        "Insertion of new section 360C, Act XLV of 1860.",
        "Exploitation of trafficked children.",
        "Act to override other laws.",
    ]
    assert [blocks[i + 1].text[:6] for i, _ in notes] == ["1. (1)", "2. In ", "3. (1)", "4. In ", "“360C.", "5. The"]
    assert not any("Short title" in b.text for b in blocks if "marginal" not in b.style)


@pytest.mark.corpus
@pytest.mark.parametrize("rel", [BONDED, WITNESS])
def test_real_acts_have_no_marginal_notes(rel):
    # their headings are printed in the text ("1. Short title, extent and commencement.–"): nothing to lift out
    blocks = extract(corpus_file(rel), corpus_file(rel).read_bytes()).blocks
    assert not any("marginal" in b.style.split() for b in blocks)


@pytest.mark.parametrize(
    ("line", "head"),
    [
        ("108 THE GAZETTE OF PAKISTAN, EXTRA., JUNE 2, 2025 [PART I", True),
        ("THE GAZETTE OF PAKISTAN, EXTRA., JUNE 2, 2018 701", True),
        ("THE BONDED LABOUR SYSTEM (ABOLITION) ACT, 1992", False),  # a title's year is no page number
        ("12 Short title and commencement", False),
    ],
)
def test_running_heads(line, head):
    assert bool(RE_RUNNING_HEAD.match(line)) is head


def test_a_quotation_runs_until_it_closes():
    q = Quotation()
    seen = [
        q.inside(t)
        for t in (
            "In the said Code, after section 360B, the following section shall be inserted, namely:—",
            "“360C. (1) Any person who employs a “trafficked child” shall be punished.",
            "(2) Where an offence under sub-section (1) is committed by a public servant ...”.",
            "5. The provisions of this Act shall have effect.",
        )
    ]
    assert seen == [False, True, True, False]


@pytest.mark.corpus
def test_the_gazette_masthead_and_imprint_are_notes_of_the_scanned_act():
    law = corpus_law(SCANNED)
    assert any("EXTRAORDINARY" in n for n in law.notes)
    assert not any("EXTRAORDINARY" in p.text or "PRINTED BY" in p.text for p in law.provisions)
