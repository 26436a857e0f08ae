"""Draft amendments that close gap and partial findings, in Russian or English.

Reads: one country's laws and its `CountryScore`. Writes: frozen `Draft`s, each with the target

law and number (lawgap.drafting.placement), the law's own terms (terms), the amending instruction
and consolidated text (instruction), the redline (redline), and a justification that cites the
instrument in our paraphrase (model_law) and names the finding it closes.

`parse_back` writes the instruction's quoted text to a .txt file and reads it with our own parser,
so every draft is checked to insert exactly the provision it claims to insert.
"""

from __future__ import annotations

import difflib
import re
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from lawgap.assess.findings import CountryScore, Finding, Limitation, law_id
from lawgap.assess.score import score_country
from lawgap.drafting.instruction import ARTICLE_WORD, CLOSE, OPEN, build
from lawgap.drafting.justify import _where, justification
from lawgap.drafting.levels import binding
from lawgap.drafting.names import government
from lawgap.drafting.names import law_name as official_name
from lawgap.drafting.placement import BLANK_NUM, Allocator, place
from lawgap.drafting.redline import Segment, redline
from lawgap.drafting.template import Template, load_templates
from lawgap.drafting.terms import find_terms
from lawgap.errors import LawgapError
from lawgap.model import Law, Provision
from lawgap.rules import RuleSet, load_rules
from lawgap.vocab import MET

LANGS = ("ru", "en")


class DraftError(LawgapError):
    """A draft that cannot be made: a met rule, an unknown rule id, a missing template."""


@dataclass(frozen=True)
class Draft:
    """One amendment: where it goes, what it says, why."""

    country: str
    rule_id: str
    rule_title: str
    category: str
    status: str
    lang: str
    sources: tuple[str, ...]
    law_id: str
    law_name: str
    law_kind: str | None
    natural_kind: str | None
    unit: str
    article_num: str
    part_num: str | None
    num: str
    new_eid: str
    chapter_num: str | None
    chapter_heading: str | None
    heading: str
    inserted: str
    instruction: str
    current: str
    consolidated: str
    justification: str
    placement_basis: str
    terms: tuple[tuple[str, str, str], ...]  # (concept, term, basis)
    evidence: tuple[str, ...]
    # where and what exactly changes, for applying the draft to the law's tree (lawgap.drafting.apply)
    article_eid: str = ""
    target_eid: str = ""
    old: str = ""
    new: str = ""
    supplied: bool = True  # False: the target law's text was not supplied (numbering to be checked)
    home_kind: str = ""  # the kind of law where the provision belongs (the template's)
    level: str = ""  # the obligation level for this country (lawgap.drafting.levels)
    binding: tuple[str, ...] = ()

    @property
    def target(self) -> str:
        """'статья 166, часть 5' / 'article 166, part 5'."""
        ru = self.lang != "en"
        if self.unit == "words":
            where = f"статья {self.article_num}" if ru else f"article {self.article_num}"
            return where + ((", часть " if ru else ", part ") + self.part_num if self.part_num else "")
        if self.unit == "article":
            return f"статья {self.num}" if ru else f"article {self.num}"
        if self.unit == "item":
            where = (
                (f"статья {self.article_num}, часть {self.part_num}" if self.part_num else f"статья {self.article_num}")
                if ru
                else (
                    f"article {self.article_num}, part {self.part_num}"
                    if self.part_num
                    else f"article {self.article_num}"
                )
            )
            return f"{where}, {'пункт' if ru else 'item'} {self.num}"
        return f"статья {self.article_num}, часть {self.num}" if ru else f"article {self.article_num}, part {self.num}"

    @property
    def redline(self) -> tuple[Segment, ...]:
        return redline(self.current, self.consolidated)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["target"] = self.target
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Draft:
        fields = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        for k in ("sources", "evidence", "binding"):
            fields[k] = tuple(fields.get(k, ()))
        fields["terms"] = tuple(tuple(t) for t in fields.get("terms", ()))
        return cls(**fields)


# the part a new article gets where the law it joins is limited to citizens and residents
ANY_CITIZENSHIP = {
    "ru": "Положения настоящей статьи применяются независимо от гражданства лица и места его постоянного проживания.",
    "en": "This Article applies regardless of the person's citizenship or place of permanent residence.",
}


def _beyond_note(beyond: tuple[Limitation, ...], unit: str, lang: str) -> str:
    """The sentence of the justification that names the scope limit a new article goes beyond."""
    if not beyond or unit != "article":
        return ""
    words = "; ".join(f"«{x.words}»" for x in beyond)
    if lang == "en":
        return (
            f" The law is limited to {words}; the new article applies regardless of citizenship and residence, "
            "since the measures for victims in TIP 6 do not depend on the victim's nationality."
        )
    return (
        f" Действие закона ограничено словами {words}; новая статья применяется независимо от гражданства и места "
        "проживания, поскольку меры в отношении жертв по статье 6 Протокола о торговле людьми (TIP 6) не зависят от "
        "их гражданства."
    )


def resolve_rule(rule_id: str, rules: RuleSet) -> str:
    """The rule id, or a DraftError listing the close matches."""
    if rule_id in rules.by_id:
        return rule_id
    close = difflib.get_close_matches(rule_id, list(rules.by_id), n=5, cutoff=0.5)
    if not close:
        close = [r for r in rules.by_id if rule_id.lower() in r]
    hint = f"; close matches: {', '.join(close)}" if close else "; run `lawgap score` to list the rules"
    raise DraftError(f"unknown rule {rule_id!r}{hint}")


def _fill(text: str, terms: dict, capital: bool) -> str:
    out = text.format_map(terms)
    return out[:1].upper() + out[1:] if capital and out else out


def make_draft(
    country: str,
    finding: Finding,
    laws: Sequence[Law],
    lang: str,
    alloc: Allocator | None = None,
    template: Template | None = None,
    beyond: tuple[Limitation, ...] = (),
) -> Draft:
    """The draft that closes one gap or partial finding, in `lang` (ru or en). `beyond`: the law's own limits to
    citizens and residents (lawgap.assess.scope) that a new article must say it goes beyond, as the measures for
    victims in TIP 6 do not depend on nationality."""
    if lang not in LANGS:
        raise DraftError(f"language {lang!r}: drafts are written in {', '.join(LANGS)}")
    rule = finding.rule
    if finding.status == MET or finding.broader:
        where = "; ".join(_where(finding, "en", country)) or "the laws supplied"
        raise DraftError(f"rule {rule.id!r} is met in {country} ({where}): there is nothing to draft")
    if template is None:
        options = load_templates().get(rule.id)
        if not options:
            raise DraftError(f"rule {rule.id!r} has no drafting template in lawgap/drafting/templates")
        template = options[0]
    pl = place(template, finding, laws, alloc or Allocator(), country)
    terms: dict = {**find_terms(pl.law).as_mapping(), "government": government(country)}
    heading = _fill(template.heading(lang), terms, capital=True)
    parts = tuple(_fill(t, terms, capital=True) for t in template.parts(lang))
    if beyond and pl.unit == "article":
        parts = (*parts, ANY_CITIZENSHIP[lang])
    item = _fill(template.item(lang), terms, capital=False) if template.item(lang) else ""
    add = _fill(template.add_en if lang == "en" else template.add_ru, terms, capital=False)
    am = build(pl, heading, parts, item, lang, add)
    head = heading if pl.unit == "article" else (pl.law.by_eid[pl.article_eid].heading or "")
    b = binding(finding, country)
    name = official_name(country, pl.kind or template.home, pl.law if pl.supplied else None)
    return Draft(
        country=country,
        rule_id=rule.id,
        rule_title=rule.title(lang),
        category=rule.category,
        status=finding.status,
        lang=lang,
        sources=rule.sources,
        law_id=pl.law_id,
        law_name=name.short(lang),
        law_kind=pl.kind,
        natural_kind=pl.natural_kind,
        unit=pl.unit,
        article_num=pl.article_num,
        part_num=pl.part_num,
        num=pl.num,
        new_eid=pl.new_eid,
        chapter_num=pl.chapter_num,
        chapter_heading=pl.chapter_heading,
        heading=head,
        inserted=am.inserted,
        instruction=am.instruction,
        current=am.current,
        consolidated=am.consolidated,
        justification=justification(finding, pl, lang, country) + _beyond_note(beyond, pl.unit, lang),
        placement_basis=pl.basis,
        terms=tuple(
            (c, t.nom if lang != "en" else t.en, getattr(t, "basis", "") or getattr(t, "source", ""))
            for c, t in terms.items()
        ),
        evidence=tuple(_where(finding, lang, country)),
        article_eid=pl.article_eid,
        target_eid=pl.target_eid or "",
        old=pl.old,
        new=pl.new,
        supplied=pl.supplied,
        home_kind=template.home,
        level=b.level,
        binding=b.binding,
    )


def draft_rule(country: str, laws: Sequence[Law], rule_id: str, lang: str, score: CountryScore | None = None) -> Draft:
    """The draft for one rule (the CLI's `lawgap draft --rule`)."""
    rules = load_rules()
    rid = resolve_rule(rule_id, rules)
    cs = score or score_country(country, laws, rules)
    finding = next(f for f in cs.findings if f.rule.id == rid)
    return make_draft(country, finding, laws, lang)  # standalone numbering; a met rule raises the clear message


def drafts_for_country(
    country: str, laws: Sequence[Law], langs: Sequence[str] = LANGS, score: CountryScore | None = None
) -> list[Draft]:
    """Drafts for every finding short of met (not a broader offence: nothing to narrow), per language, unchecked
    (lawgap.drafting.offer checks them). Numbers are allocated once per batch, in rule order, so the Russian and
    English drafts of a rule carry the same number and no two collide."""
    cs = score or score_country(country, laws)
    out: list[Draft] = []
    for lang in langs:
        alloc = Allocator()
        for f in cs.findings:
            if f.status != MET and not f.broader:
                out.append(make_draft(country, f, laws, lang, alloc))
    return out


# -- checking a draft with our own parser -----------------------------------------------------------

_QUOTED = re.compile(
    r"(?:следующего содержания|в следующей редакции|reading as follows|restated as follows):\n(.)(.*)", re.S
)


def quoted(draft: Draft) -> str:
    """The text between the quotation marks of the instruction."""
    m = _QUOTED.search(draft.instruction)
    if not m or m.group(1) != OPEN[draft.lang]:
        raise DraftError(f"{draft.rule_id}: the instruction has no quoted text")
    body = m.group(2)
    end = body.rfind(CLOSE[draft.lang])
    return body[:end]


@dataclass(frozen=True)
class ParsedBack:
    """What our parser read from the instruction: the inserted provision and the words of its subtree."""

    provision: Provision | None
    text: str


def parse_back(draft: Draft, folder: str | Path | None = None) -> ParsedBack:
    """Parse the quoted text with lawgap's own parser; the provision it inserts and its subtree's words.

    A part or an item is framed by its article's heading line (and the part's number) so the parser
    sees it where the instruction puts it. The civil grammar knows "Статья", not "Article": the English
    heading word is read as "Статья" for the check.
    """
    from lawgap.parsers import load_law

    text = quoted(draft)
    new_eid = draft.new_eid
    if draft.num == BLANK_NUM and f" {BLANK_NUM}." in text:  # a blank number (text not supplied) is read as 1
        text = text.replace(f" {BLANK_NUM}.", " 1.", 1)
        new_eid = "art_1"
    if draft.lang == "en":
        text = re.sub(rf"^{ARTICLE_WORD['en']} ", f"{ARTICLE_WORD['ru']} ", text)
    frame = []
    if draft.unit in ("part", "item"):
        frame.append(f"{ARTICLE_WORD['ru']} {draft.article_num}. {draft.heading}".rstrip())
        if draft.unit == "item" and draft.part_num:
            frame.append(f"{draft.part_num}. Часть.")
    doc = "\n".join([*frame, text]) + "\n"
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = Path(tmp) / f"{draft.rule_id}_{draft.lang}.txt"
        path.write_text(doc, encoding="utf-8")
        try:
            law = load_law(path, language="ru", style="civil")
        except LawgapError:  # nothing our grammar reads as a provision: the check fails, it does not crash
            return ParsedBack(None, "")
    p = law.by_eid.get(new_eid)
    return ParsedBack(p, law.full_text(p.eid) if p is not None else "")


def reads_back(draft: Draft, folder: str | Path | None = None) -> bool:
    """Whether our parser reads the draft as it means: the provision it inserts, word for word; or, for words
    added to or struck from a provision that stays (no quoted provision), that provision in the consolidated
    text, holding the added words or no longer the struck ones."""
    if draft.unit != "words":
        try:
            check = parse_back(draft, folder)
        except DraftError:  # an instruction edited out of shape: it does not read back
            return False
        return check.provision is not None and check.text.strip() == inserted_text(draft).strip()
    from lawgap.parsers import load_law

    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = Path(tmp) / f"{draft.rule_id}_{draft.lang}.txt"
        path.write_text(draft.consolidated + "\n", encoding="utf-8")
        try:
            law = load_law(path, language="ru", style="civil")
        except LawgapError:
            return False
    p = law.by_eid.get(draft.target_eid or draft.article_eid)
    if p is None:
        return False
    text = " ".join(law.full_text(p.eid).split())
    if draft.inserted:  # the consolidated text is the law's own (Russian): an English draft glosses its words
        added = draft.inserted if draft.lang == "ru" else draft.new
        return " ".join(added.split()) in text
    return " ".join(draft.old.split()).rstrip(" ,") not in text


def inserted_text(draft: Draft) -> str:
    """The words the new provision adds, without its number: what parse_back must give back."""
    if draft.unit == "article":
        lines = draft.inserted.split("\n")[1:]
        return "\n".join(re.sub(r"^\d+\.\s", "", ln) for ln in lines)
    if draft.unit == "restate":
        return draft.inserted.rsplit("\n", 1)[-1].split(". ", 1)[1]
    return re.sub(r"^[\w-]+[.)]\s", "", draft.inserted)


def law_id_of(law: Law) -> str:
    return law_id(law)


def edit_draft(draft: Draft, inserted: str | None = None, justification: str | None = None) -> Draft:
    """The draft with the drafter's wording: the quoted text is replaced in the instruction and in the
    consolidated text alike, so the three never disagree. Check the result with `parse_back`."""
    from dataclasses import replace

    changes: dict[str, str] = {}
    if inserted is not None and inserted != draft.inserted:
        if draft.unit == "words" and not draft.inserted:
            raise DraftError(f"{draft.rule_id}: the draft strikes words out; there are no new words to edit")
        inserted = inserted.strip()
        if not inserted:
            raise DraftError(f"{draft.rule_id}: the inserted text cannot be empty")
        changes["inserted"] = inserted
        changes["instruction"] = draft.instruction.replace(draft.inserted, inserted, 1)
        changes["consolidated"] = draft.consolidated.replace(draft.inserted, inserted, 1)
    if justification is not None:
        changes["justification"] = justification.strip()
    return replace(draft, **changes) if changes else draft
