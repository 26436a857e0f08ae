"""model_law/: the encoding loads, is well formed, says what the treaties say, and fails loudly."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from conftest import corpus_file

from lawgap.rules.citations import CODES, parse
from lawgap.rules.instruments import (
    ENV_VAR,
    LEVELS,
    TARGETS,
    ModelLawError,
    exists,
    find,
    load_file,
    load_instruments,
    model_law_dir,
)
from lawgap.settings import PROJECT_ROOT, corpus_dir


@pytest.fixture(scope="module")
def law():
    return load_instruments()


# --- shape -------------------------------------------------------------------------------


def test_every_instrument_is_encoded(law):
    assert [i.code for i in law.instruments] == list(CODES)


def test_every_cite_parses_and_is_unique(law):
    cites = [str(o.cite) for i in law.instruments for o in i.obligations]
    assert all(str(parse(c)) == c for c in cites)
    assert len(cites) == len(set(cites))


def test_levels_targets_and_topics_are_from_the_vocabulary(law):
    for o in law.obligations:
        assert o.obligation in LEVELS, o.cite
        assert o.targets and set(o.targets) <= set(TARGETS), o.cite
        assert re.fullmatch(r"[a-z][a-z0-9_]*", o.topic), o.cite
        assert o.basis, o.cite


def test_summaries_are_own_short_words_in_both_languages(law):
    for o in law.obligations:
        assert re.search("[А-Яа-я]", o.summary_ru), o.cite
        assert not re.search("[А-Яа-я]", o.summary), o.cite
        assert len(o.summary) <= 520 and len(o.summary_ru) <= 520, o.cite


def test_minimum_coverage(law):
    """The articles the brief names are all encoded, with at least one entry each."""
    required = {
        "UNTOC": [2, 5, 6, 8, 10, 11, 23, 24, 25, 26, 34],
        "COE": [10, 11, 12, 13, 14, 15, 16, 17, 26, 28, 30],
        "TIP": [3, 5, 6, 7, 8, 9, 10],
        "SOM": [3, 5, 6, 16, 18],
    }
    for code, numbers in required.items():
        for n in numbers:
            assert law.within(f"{code} {n}"), f"{code} {n}"


# --- facts a lawyer would check (each against the treaty text) ---------------------------

# (cite, level, a target it must list, topic, words the title must contain)
FACTS = [
    ("TIP 3(a)", "mandatory", "victims", "definition", "act, means and purpose"),
    ("TIP 3(b)", "mandatory", "victims", "consent", "Consent"),
    ("TIP 3(c)", "mandatory", "children", "child_definition", "no means"),
    ("TIP 3(d)", "mandatory", "children", "age", "under eighteen"),  # child = under 18
    ("TIP 5(2)(a)", "mandatory", "all", "attempt", "attempt"),
    ("TIP 6(1)", "optional", "victims", "privacy", "Privacy"),  # "in appropriate cases and to the extent possible"
    ("TIP 6(2)(b)", "mandatory", "victims", "participation", "views"),
    ("TIP 6(3)", "consider", "victims", "recovery", "recovery"),  # "shall consider implementing"
    ("TIP 6(3)(b)", "consider", "victims", "counselling", "language"),
    ("TIP 6(4)", "mandatory", "children", "special_needs", "children"),  # "shall take into account"
    ("TIP 6(5)", "endeavour", "victims", "safety", "safety"),  # "shall endeavour"
    ("TIP 6(6)", "mandatory", "victims", "compensation", "compensation"),
    ("TIP 7(1)", "consider", "victims", "residence", "remain"),
    ("TIP 8(2)", "mandatory", "victims", "repatriation", "voluntary"),
    ("TIP 9(1)(b)", "mandatory", "women", "revictimisation", "revictimisation"),
    ("TIP 10(2)", "mandatory", "victims", "training", "Training"),
    ("SOM 5", "mandatory", "smuggled_migrants", "non_punishment", "not liable"),
    ("SOM 6(1)(b)(ii)", "mandatory", "all", "document_offences", "possessing"),
    ("SOM 6(3)(a)", "mandatory", "smuggled_migrants", "aggravation", "danger to life"),
    ("SOM 6(3)(b)", "mandatory", "smuggled_migrants", "aggravation", "inhuman or degrading"),
    ("SOM 16(4)", "mandatory", "women", "special_needs", "women and children"),
    ("SOM 16(5)", "mandatory", "smuggled_migrants", "consular", "Consular"),
    ("SOM 18(2)", "consider", "smuggled_migrants", "return", "former permanent residents"),
    ("UNTOC 5(1)(a)(i)", "optional", "all", "organised_crime", "Agreement"),  # "either or both"
    ("UNTOC 10(1)", "mandatory", "all", "legal_persons", "legal persons"),
    ("UNTOC 10(2)", "optional", "all", "legal_persons", "administrative"),  # "may be"
    ("UNTOC 23(a)", "mandatory", "witnesses", "obstruction", "witnesses"),
    ("UNTOC 24(1)", "mandatory", "witnesses", "witness_protection", "retaliation"),
    ("UNTOC 24(2)(a)", "optional", "witnesses", "witness_identity", "Relocation"),  # "may include"
    ("UNTOC 24(2)(b)", "optional", "witnesses", "testimony", "video link"),
    ("UNTOC 24(4)", "mandatory", "victims", "witness_protection", "Victims who are witnesses"),
    ("UNTOC 25(2)", "mandatory", "victims", "compensation", "compensation and restitution"),
    ("UNTOC 26(2)", "consider", "witnesses", "cooperating_offenders", "Mitigated"),
    ("UNTOC 34(2)", "mandatory", "all", "implementation", "transnational"),
    ("ML 8", "mandatory", "all", "criminalisation", "trafficking"),
    ("ML 10", "optional", "victims", "non_punishment", "Non-liability"),  # beyond the Protocol
    ("ML 16", "optional", "witnesses", "privacy", "disclosure"),
    ("COE 10(3)", "mandatory", "children", "age_presumption", "minority"),
    ("COE 10(4)(a)", "mandatory", "children", "guardian", "Guardian"),
    ("COE 12(6)", "mandatory", "victims", "unconditional_assistance", "not conditional"),
    ("COE 13(1)", "mandatory", "victims", "reflection_period", "30 days"),
    ("COE 14(1)", "mandatory", "victims", "residence", "residence permit"),
    ("COE 15(3)", "mandatory", "victims", "compensation", "perpetrators"),
    ("COE 15(4)", "mandatory", "victims", "state_compensation", "State-guaranteed"),
    ("COE 24(b)", "mandatory", "children", "aggravation", "child"),
    ("COE 24(c)", "mandatory", "victims", "aggravation", "public official"),
    ("COE 26", "mandatory", "victims", "non_punishment", "Non-punishment"),
    ("COE 28(2)", "mandatory", "witnesses", "witness_identity", "protection measures"),
    ("COE 30(a)", "mandatory", "victims", "privacy", "court"),
]


@pytest.mark.parametrize(("cite", "level", "target", "topic", "title_words"), FACTS)
def test_lawyer_facts(law, cite, level, target, topic, title_words):
    o = law.get(cite)
    assert o is not None, f"{cite} not encoded"
    assert o.obligation == level
    assert target in o.targets
    assert o.topic == topic
    assert title_words.lower() in o.title.lower()


def test_model_law_is_only_what_instruments_md_confirms(law):
    ml = law.instrument("ML")
    assert [a.cite.article for a in ml.articles] == [str(n) for n in range(1, 18)]
    assert law.article("ML 10").title.startswith("Non-liability (non-punishment, non-prosecution)")
    assert all(1 <= int(o.cite.article) <= 17 for o in ml.obligations)
    assert [c.title for c in ml.chapters] == [
        "Assistance to and protection of victims",
        "Immigration status and return",
        "Coordination, prevention and training",
    ]


def test_model_law_titles_match_instruments_md(law):
    path = PROJECT_ROOT.parent / "shared" / "INSTRUMENTS.md"
    if not path.exists():
        pytest.skip(f"{path} not on this machine")
    text = " ".join(path.read_text(encoding="utf-8").split())
    listed = text.split("(a fact list, not the text):", 1)[1].split(". Later chapters", 1)[0]
    expected = dict(re.findall(r"(\d+) ([^;]+?)(?:;|$)", listed.strip()))
    got = {a.cite.article: a.title for a in law.instrument("ML").articles}
    assert got == {n: t.strip() for n, t in expected.items()}


# --- lookup ------------------------------------------------------------------------------


def test_find_exact(law):
    hit = law.find("TIP 6(3)(b)")
    assert hit.exact and hit.obligation.cite == parse("TIP 6(3)(b)")
    assert hit.article.title == "Assistance to and protection of victims of trafficking in persons"


def test_find_falls_back_to_the_enclosing_entry(law):
    hit = law.find("TIP 6(2)(a)(i)")  # finer than anything encoded
    assert not hit.exact
    assert str(hit.obligation.cite) == "TIP 6(2)(a)"
    hit = law.find("TIP 6")  # article cited as a whole: no entry of its own
    assert hit.obligation is None and hit.title == hit.article.title
    assert [str(o.cite) for o in hit.covered][:3] == ["TIP 6(1)", "TIP 6(2)(a)", "TIP 6(2)(b)"]
    assert len(hit.covered) == 11
    assert law.find("TIP 99") is None


# (citation, exists?)
EXISTS = [
    ("TIP 6", True),  # encloses encoded paragraphs
    ("TIP 6(3)", True),
    ("TIP 6(3)(b)", True),
    ("TIP 6(3)(e)", False),  # TIP 6(3) stops at (d)
    ("TIP 6(7)", False),  # TIP 6 has six paragraphs
    ("SOM 5", True),
    ("UNTOC 24(2)(b)", True),
    ("UNTOC 24(5)", False),
    ("ML 10", True),
    ("ML 18", False),  # never invent a Model Law article
    ("ML 1", False),  # listed, but states no obligation
    ("COE 13(1)", True),
]


@pytest.mark.parametrize(("cite", "expected"), EXISTS)
def test_exists(law, cite, expected):
    assert law.exists(cite) is expected
    assert exists(cite) is expected  # module-level shortcut used by the rule loader


def test_exists_rejects_bad_grammar(law):
    from lawgap.rules.citations import CitationError

    with pytest.raises(CitationError):
        law.exists("TIP art 6")


def test_module_find_matches_method(law):
    assert find("COE 26").obligation == law.get("COE 26")


def test_by_target(law):
    children = law.by_target("children")
    assert parse("TIP 3(d)") in {o.cite for o in children}
    assert all("children" in o.targets for o in children)
    broader = law.by_target("children", include_all=True)
    assert len(broader) > len(children)
    smuggled = {str(o.cite) for o in law.by_target("smuggled_migrants")}
    assert {"SOM 5", "SOM 16(1)", "SOM 18(5)"} <= smuggled
    with pytest.raises(ValueError, match="unknown target group"):
        law.by_target("migrants")


def test_by_level_counts_consistent(law):
    assert sum(len(law.by_level(lv)) for lv in LEVELS) == len(law.obligations)


# --- the treaty texts themselves ---------------------------------------------------------


@cache
def _english_articles(relpath: str) -> dict[str, str]:
    """Article number -> English text, from a corpus treaty file (English first, Dutch after)."""
    text = (corpus_dir() / relpath).read_text(encoding="utf-8")
    english = re.split(r"^###\s*Artikel\s", text, maxsplit=1, flags=re.M)[0]
    english = re.sub(r"\]\([^)]*\)", "]", english).replace("[", "").replace("]", "")
    parts = re.split(r"^###\s*Article\s+(\d+)\s*$", english, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _marker(para: str, kind: str) -> re.Pattern:
    if kind == "number":
        return re.compile(rf"^\s*{para}\.\s", re.M)
    return re.compile(rf"^\s*\(?{para}\)", re.M)


def _locate(body: str, paras: tuple[str, ...]) -> str | None:
    """The text of a paragraph inside an article, following "1." / "a)" / "(i)" markers."""
    previous = "article"
    for para in paras:
        if para.isdigit():
            kind = "number"
        elif previous == "letter" and re.fullmatch(r"[ivx]+", para):
            kind = "roman"
        else:
            kind = "letter"
        start = _marker(para, kind).search(body)
        if not start:
            return None
        rest = body[start.end() :]
        nxt = {
            "number": lambda p: str(int(p) + 1),
            "letter": lambda p: chr(ord(p) + 1),
            "roman": lambda p: {"i": "ii", "ii": "iii", "iii": "iv", "iv": "v"}.get(p, "zz"),
        }[kind](para)
        end = _marker(nxt, kind).search(rest)
        body = rest[: end.start()] if end else rest
        previous = kind
    return body


TREATIES = ["TIP", "SOM", "UNTOC", "COE"]


@pytest.mark.corpus
@pytest.mark.parametrize("code", TREATIES)
def test_every_encoded_article_is_a_heading_in_the_treaty(law, code):
    inst = law.instrument(code)
    corpus_file(inst.corpus)
    articles = _english_articles(inst.corpus)
    for a in inst.articles:
        assert a.cite.article in articles, f"{a.cite}: no 'Article {a.cite.article}' heading"
        heading = articles[a.cite.article].strip().splitlines()[0].lstrip("#").strip()
        assert heading == a.title, f"{a.cite}: heading {heading!r}"


@pytest.mark.corpus
@pytest.mark.parametrize("code", TREATIES)
def test_every_encoded_paragraph_exists_in_the_treaty(law, code):
    inst = law.instrument(code)
    corpus_file(inst.corpus)
    articles = _english_articles(inst.corpus)
    missing = [str(o.cite) for o in inst.obligations if _locate(articles[o.cite.article], o.cite.paras) is None]
    assert missing == []


def _flat(text: str) -> str:
    """Whitespace collapsed, quote marks dropped, lower case: for finding a quoted fragment."""
    return re.sub('``|"|“|”', "", " ".join(text.split())).replace("’", "'").lower()


@pytest.mark.corpus
@pytest.mark.parametrize("code", TREATIES)
def test_basis_quotes_the_treaty_verbatim(law, code):
    """Every 'quoted' fragment in `basis` is in the article's English text: the level was judged on real words."""
    inst = law.instrument(code)
    corpus_file(inst.corpus)
    articles = _english_articles(inst.corpus)
    bad = []
    for o in inst.obligations:
        text = _flat(articles[o.cite.article])
        for quote in re.findall(r"(?<![A-Za-z])'(.+?)'(?![A-Za-z])", o.basis):
            for piece in quote.split(" ... "):
                if piece.strip(" .") and _flat(piece.strip(" .")) not in text:
                    bad.append(f"{o.cite}: {piece!r}")
    assert bad == []


# (level, words one of which the paragraph or the lead-in it hangs from must contain)
LEVEL_WORDS = {
    "mandatory": ("shall", "agrees"),
    "consider": ("consider",),
    "endeavour": ("endeavour", "seek", "to the extent possible", "fullest extent", "every effort"),
    "optional": ("may", "appropriate", "either or both", "one or other", "not bound", "nothing in this"),
}
# Words that weaken a "shall"; a mandatory entry whose text has one must explain it in `basis`.
WEAKER = (
    "shall consider",
    "shall endeavour",
    "shall seek",
    "may include",
    "in appropriate cases",
    "where appropriate",
    "as appropriate",
    "when appropriate",
    "to the extent possible",
    "within its means",
    "within available means",
    "subject to its domestic law",
    "subject to the basic concepts",
)
_FIRST_CHILD = re.compile(r"^\s*(?:1\.|\(?a\)|\(i\))", re.M)


def _operative_text(body: str, paras: tuple[str, ...]) -> str:
    """A paragraph's own text plus the lead-in of each enclosing level (the words before its first child)."""
    parts = [_locate(body, paras) or ""]
    for depth in range(len(paras)):
        block = _locate(body, paras[:depth]) or ""
        first = _FIRST_CHILD.search(block)
        parts.append(block[: first.start()] if first else block)
    return " ".join(parts).lower()


@pytest.mark.corpus
@pytest.mark.parametrize("code", TREATIES)
def test_level_matches_the_operative_words(law, code):
    inst = law.instrument(code)
    corpus_file(inst.corpus)
    articles = _english_articles(inst.corpus)
    wrong = []
    for o in inst.obligations:
        words = _operative_text(articles[o.cite.article], o.cite.paras)
        if o.kind != "obligation":  # a definition or scope clause binds through its article
            words += " " + articles[o.cite.article].lower()
        if not any(w in words for w in LEVEL_WORDS[o.obligation]):
            wrong.append(f"{o.cite}: {o.obligation}")
        if o.obligation == "mandatory" and o.kind == "obligation":
            # a qualifier next to "shall" must have been weighed, and the basis must say so
            for marker in WEAKER:
                if marker in words and marker not in o.basis.lower():
                    wrong.append(f"{o.cite}: mandatory despite {marker!r}, not explained in basis")
    assert wrong == []


# --- where the files are -----------------------------------------------------------------


def test_default_folder_is_repo_root(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert model_law_dir() == (PROJECT_ROOT / "model_law").resolve()


def test_env_overrides_folder(monkeypatch, tmp_path):
    (tmp_path / "tip.toml").write_text(_MINIMAL, encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    law = load_instruments()
    assert law.directory == tmp_path.resolve()
    assert [str(o.cite) for o in law.obligations] == ["TIP 6(6)"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ModelLawError, match="model_law folder not found"):
        load_instruments(tmp_path / "nowhere")


# --- malformed files ---------------------------------------------------------------------

_MINIMAL = """
[instrument]
code = "TIP"
title = "Trafficking in Persons Protocol"
short_title = "TIP"
short_title_ru = "Протокол о торговле людьми"
year = 2000

[[article]]
cite = "TIP 6"
title = "Assistance to and protection of victims of trafficking in persons"

[[obligation]]
cite = "TIP 6(6)"
title = "Possibility of compensation"
summary = "Victims can obtain compensation."
summary_ru = "Жертвы могут получить компенсацию."
obligation = "mandatory"
basis = "'shall ensure'"
targets = ["victims"]
topic = "compensation"
"""

# (edit applied to the minimal file, words the one-line message must contain)
MALFORMED = [
    (
        lambda s: s.replace('topic = "compensation"', 'topic = "compensation"\nsource = "x"'),
        "field 'source': unknown field",
    ),
    (lambda s: s.replace('cite = "TIP 6(6)"', 'cite = "TIP 6 (6)"'), "field 'cite': 'TIP 6 (6)' is not a citation"),
    (lambda s: s.replace('"mandatory"', '"must"'), "field 'obligation': 'must' is not one of mandatory"),
    (lambda s: s.replace('topic = "compensation"\n', ""), "field 'topic': missing"),
    (lambda s: s.replace('["victims"]', '["migrants"]'), "field 'targets': 'migrants' is not one of"),
    (lambda s: s.replace('["victims"]', "[]"), "field 'targets': must be a non-empty list"),
    (lambda s: s.replace('cite = "TIP 6(6)"', 'cite = "SOM 6(6)"'), "instrument SOM in the TIP file"),
    (lambda s: s.replace('cite = "TIP 6(6)"', 'cite = "TIP 7(1)"'), "article 7 has no [[article]] heading"),
    (lambda s: s.replace("Victims can obtain compensation.", "Жертвы."), "field 'summary': must be written in English"),
    (
        lambda s: s.replace("Жертвы могут получить компенсацию.", "Victims."),
        "field 'summary_ru': must be written in Russian",
    ),
    (lambda s: s.replace('topic = "compensation"', 'topic = "Compensation!"'), "field 'topic'"),
    (lambda s: s.replace("year = 2000", 'year = "2000"'), "field 'year'"),
    (lambda s: s.replace('code = "TIP"', 'code = "UN"'), "field 'code'"),
    (lambda s: s + "\n[[obligation]]\n" + s.split("[[obligation]]")[1], "TIP 6(6)"),
    (lambda s: s.replace("[[article]]", "[[articles]]"), "field 'articles': unknown table"),
    (lambda s: s.replace('title = "Possibility', "title = Possibility"), "not valid TOML"),
    (lambda s: s.replace('summary = "Victims', 'summary = " Victims'), "leading or trailing whitespace"),
]


@pytest.mark.parametrize(("edit", "words"), MALFORMED)
def test_malformed_file_gives_one_clear_message(tmp_path, edit, words):
    path = tmp_path / "tip.toml"
    path.write_text(edit(_MINIMAL), encoding="utf-8")
    with pytest.raises(ModelLawError) as info:
        load_instruments(tmp_path)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message  # names the file
    assert words in message


def test_duplicate_cite_names_the_entry(tmp_path):
    path = tmp_path / "tip.toml"
    path.write_text(_MINIMAL + "\n[[obligation]]\n" + _MINIMAL.split("[[obligation]]")[1], encoding="utf-8")
    with pytest.raises(ModelLawError, match=r"obligation #2 \(TIP 6\(6\)\), field 'cite'"):
        load_file(path)


def test_instrument_in_two_files(tmp_path):
    (tmp_path / "a.toml").write_text(_MINIMAL, encoding="utf-8")
    (tmp_path / "b.toml").write_text(_MINIMAL, encoding="utf-8")
    with pytest.raises(ModelLawError, match="TIP is also encoded in"):
        load_instruments(tmp_path)


def test_chapter_must_implement_encoded_entries(tmp_path):
    extra = (
        '\n[[chapter]]\ntitle = "Later chapter"\nsummary = "A chapter."\nsummary_ru = "Глава."\n'
        'implements = ["TIP 6(5)"]\n'
    )
    (tmp_path / "tip.toml").write_text(_MINIMAL + extra, encoding="utf-8")
    with pytest.raises(ModelLawError, match=r"field 'implements': TIP 6\(5\) is not encoded"):
        load_instruments(tmp_path)


def test_real_files_are_utf8_toml(law):
    for inst in law.instruments:
        assert Path(inst.path).suffix == ".toml"
        assert load_file(inst.path) == inst
