"""The citation grammar of INSTRUMENTS.md: parse, print, nest, and refuse everything else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgap.rules.citations import CODES, Citation, CitationError, canonical, is_citation, parse, parse_many

# (text, code, article, paras): each a paragraph a rule really cites.
VALID = [
    ("TIP 3(a)", "TIP", "3", ("a",)),  # definition of trafficking
    ("TIP 6(3)(b)", "TIP", "6", ("3", "b")),  # counselling in a language understood
    ("SOM 5", "SOM", "5", ()),  # migrants not liable for having been smuggled
    ("SOM 16(1)", "SOM", "16", ("1",)),  # rights of smuggled migrants
    ("UNTOC 24(2)(a)", "UNTOC", "24", ("2", "a")),  # relocation, non-disclosure of identity
    ("UNTOC 25(2)", "UNTOC", "25", ("2",)),  # compensation and restitution
    ("ML 10", "ML", "10", ()),  # Model Law non-liability
    ("COE 13(1)", "COE", "13", ("1",)),  # recovery and reflection period
    ("UNTOC 2(i)", "UNTOC", "2", ("i",)),  # "controlled delivery": (i) is the ninth letter here
    ("SOM 6(1)(b)(ii)", "SOM", "6", ("1", "b", "ii")),  # possessing a fraudulent document
    ("UNTOC 5(1)(a)(i)", "UNTOC", "5", ("1", "a", "i")),  # conspiracy: (i) is a roman numeral here
    ("SOM 3(c)(iii)", "SOM", "3", ("c", "iii")),  # document used by someone other than its holder
    ("COE 47", "COE", "47", ()),
]


@pytest.mark.parametrize(("text", "code", "article", "paras"), VALID)
def test_parse_valid(text, code, article, paras):
    cite = parse(text)
    assert (cite.code, cite.article, cite.paras) == (code, article, paras)
    assert str(cite) == text
    assert canonical(text) == text
    assert is_citation(text)


# (text, words the message must contain)
INVALID = [
    ("", "empty"),
    ("TIP", "no article number"),
    ("tip 6", "did you mean 'TIP'"),
    ("XYZ 1", "unknown instrument code 'XYZ'"),
    ("TIP6", "expected an instrument code"),
    ("TIP  6", "expected an article number"),
    ("TIP 06", "leading zero"),
    ("TIP 0", "leading zero"),
    ("TIP 6(3", "unclosed '('"),
    ("TIP 6 (3)", "unexpected ' '"),
    ("TIP 6.3", "unexpected '.'"),
    ("TIP 6()", "empty"),
    ("TIP 6(A)", "paragraph (A)"),
    ("TIP 6(ab)", "paragraph (ab)"),
    ("TIP 6(ii)", "only below a letter"),
    ("TIP 6(a)(b)", "cannot follow a letter"),
    ("TIP art. 6", "bare article number"),
    (" TIP 6", "whitespace"),
    ("TIP 6(3)(b) ", "whitespace"),
    ("TIP 6, TIP 7", "unexpected ','"),
]


@pytest.mark.parametrize(("text", "words"), INVALID)
def test_parse_invalid_says_why(text, words):
    with pytest.raises(CitationError) as info:
        parse(text)
    message = str(info.value)
    assert words in message
    assert repr(text) in message  # names the offending input
    assert "\n" not in message
    assert not is_citation(text)


def test_non_string_is_an_error():
    with pytest.raises(CitationError, match="expected a string"):
        parse(6)  # type: ignore[arg-type]


def test_constructor_checks_like_the_parser():
    with pytest.raises(CitationError, match="unknown instrument code"):
        Citation("UN", "6")
    with pytest.raises(CitationError, match="article"):
        Citation("TIP", "6a")
    with pytest.raises(CitationError, match="only below a letter"):
        Citation("TIP", "6", ("ii",))
    assert str(Citation("TIP", "6", ("3", "b"))) == "TIP 6(3)(b)"


# (citation, parent)
PARENTS = [
    ("TIP 6(3)(b)", "TIP 6(3)"),
    ("TIP 6(3)", "TIP 6"),
    ("SOM 6(1)(b)(ii)", "SOM 6(1)(b)"),
    ("TIP 6", None),
]


@pytest.mark.parametrize(("text", "parent"), PARENTS)
def test_parent(text, parent):
    got = parse(text).parent()
    assert (str(got) if got else None) == parent


def test_ancestors_nearest_first():
    assert [str(c) for c in parse("SOM 6(1)(b)(ii)").ancestors()] == ["SOM 6(1)(b)", "SOM 6(1)", "SOM 6"]
    assert parse("TIP 6(3)(b)").article_cite == parse("TIP 6")
    assert parse("TIP 6(3)(b)").depth == 2


# (outer, inner, covers?)
COVERS = [
    ("TIP 6", "TIP 6(3)(b)", True),  # the article covers its sub-paragraph
    ("TIP 6(3)", "TIP 6(3)(b)", True),
    ("TIP 6(3)(b)", "TIP 6(3)(b)", True),  # a citation covers itself
    ("TIP 6(3)", "TIP 6(4)", False),
    ("TIP 6(3)(b)", "TIP 6(3)", False),  # not the other way round
    ("TIP 6", "TIP 16", False),  # no prefix matching on digits
    ("TIP 6", "SOM 6", False),  # same number, other instrument
    ("COE 1", "COE 13(1)", False),
]


@pytest.mark.parametrize(("outer", "inner", "expected"), COVERS)
def test_covers(outer, inner, expected):
    assert parse(outer).covers(parse(inner)) is expected
    assert parse(outer).covers(inner) is expected


def test_hashable_and_equal_by_value():
    assert {parse("TIP 6(1)"), parse("TIP 6(1)")} == {Citation("TIP", "6", ("1",))}


def test_sort_key_is_document_order():
    texts = ["COE 13(1)", "TIP 10(2)", "TIP 6(3)(b)", "TIP 6(10)", "TIP 6(3)", "SOM 5", "TIP 6"]
    ordered = sorted((parse(t) for t in texts), key=Citation.sort_key)
    assert [str(c) for c in ordered] == [
        "TIP 6",
        "TIP 6(3)",
        "TIP 6(3)(b)",
        "TIP 6(10)",
        "TIP 10(2)",
        "SOM 5",
        "COE 13(1)",
    ]


def test_parse_many_stops_at_the_first_bad_one():
    assert [str(c) for c in parse_many(["TIP 6(1)", "UNTOC 24(2)(a)", "ML 16"])] == [
        "TIP 6(1)",
        "UNTOC 24(2)(a)",
        "ML 16",
    ]
    with pytest.raises(CitationError, match="'TIP 6 1'"):
        parse_many(["TIP 6(1)", "TIP 6 1"])


_para = st.one_of(st.integers(1, 40).map(str), st.sampled_from("abcdefgh"))


@given(
    code=st.sampled_from(list(CODES)),
    article=st.integers(1, 99),
    paras=st.lists(_para, max_size=2).filter(lambda ps: not (len(ps) == 2 and not ps[0].isdigit())),
)
def test_round_trip(code, article, paras):
    cite = Citation(code, str(article), tuple(paras))
    assert parse(str(cite)) == cite


@given(st.text(max_size=30))
def test_fuzz_never_crashes(text):
    try:
        cite = parse(text)
    except CitationError as exc:
        assert "\n" not in str(exc).replace(repr(text), "")
    else:
        assert str(cite) == text
