"""The aide-memoire: a pocket (A6) leaflet per country on the rights of victims of trafficking and of
smuggled migrants (SOM 16), each right in plain words with the provision it comes from, cited nationally.

Reads: a country's reviewed score and laws. Writes: the leaflet (HTML, DOCX, PDF) in Russian, English or
Kyrgyz. Only rights the person holds: a finding that is met, confirmed by a reviewer, or partial with every
element found but limited (the right exists within limits: the limit is printed in the law's words). The
provision cited must be about the victim, witness or migrant: never one whose subject is the suspect, the
accused, a detained person or a foreign authority. No promise the law does not make. The Kyrgyz leaflet
quotes the state-language text of each provision rather than translating our plain words. Contacts are
blanks the user fills: never invented.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lawgap.assess.findings import CountryScore, Evidence, Finding, law_id
from lawgap.drafting.names import BLANK, law_name
from lawgap.drafting.placement import kind_of
from lawgap.model import Law
from lawgap.publish.atomic import ExportError, write_atomic
from lawgap.refs.labels import cite
from lawgap.vocab import CODES, COUNTRY_NAMES, MET, PARTIAL

# Plain-language statements of the rights, our own words; (ru, en). Only rules that give a person a right.
RIGHTS: dict[str, tuple[str, str]] = {
    "assistance_housing": ("Вам могут предоставить безопасное жилье.", "You can be given a safe place to stay."),
    "assistance_medical": ("Вы можете получить медицинскую помощь.", "You can get medical care."),
    "assistance_psychological": ("Вы можете получить психологическую помощь.", "You can get psychological support."),
    "assistance_material": ("Вы можете получить материальную помощь.", "You can get material help (food, clothes)."),
    "assistance_employment_education": (
        "Вам помогут с работой и обучением.",
        "You can get help with work and education.",
    ),
    "assistance_counselling_rights": (
        "Вам объяснят ваши права на понятном вам языке.",
        "Your rights will be explained to you in a language you understand.",
    ),
    "assistance_physical_safety": (
        "Если вам угрожают, к вам могут применить меры безопасности.",
        "If you are threatened, safety measures can be applied to you.",
    ),
    "assistance_protection_retaliation": (
        "Вы можете просить о защите от мести и запугивания.",
        "You can ask for protection from revenge and intimidation.",
    ),
    "assistance_gender_sensitive": (
        "Учитываются ваш пол, возраст и особые потребности.",
        "Your gender, age and special needs are taken into account.",
    ),
    "assistance_not_conditional": (
        "Помощь не зависит от того, даете ли вы показания.",
        "You get help whether or not you testify.",
    ),
    "assistance_revictimisation": (
        "Вам помогут вернуться к нормальной жизни.",
        "You can get help to rebuild your life.",
    ),
    "identification_procedure": (
        "Вас должны признать жертвой, если есть основания.",
        "You must be recognised as a victim where there are grounds.",
    ),
    "identification_referral": (
        "Вас направят в организацию, которая помогает жертвам.",
        "You will be referred to an organisation that helps victims.",
    ),
    "identification_no_removal": (
        "Вас не вышлют, пока решается, жертва ли вы.",
        "You will not be sent away while it is decided whether you are a victim.",
    ),
    "non_punishment_victims": (
        "Вас могут освободить от ответственности за то, что вас заставили сделать торговцы людьми.",
        "You can be freed from liability for what traffickers forced you to do.",
    ),
    "non_punishment_status_offences": (
        "Вас могут освободить от ответственности за нарушения, связанные с тем, что вы стали жертвой.",
        "You can be freed from liability for offences that follow from having been trafficked.",
    ),
    "participation_information": ("Вам сообщают о ходе дела.", "You are told how your case is progressing."),
    "participation_views_presented": ("Вы можете высказать свое мнение в суде.", "You can tell the court your views."),
    "participation_interpreter": (
        "Вы вправе пользоваться помощью переводчика.",
        "You are entitled to the help of an interpreter.",
    ),
    "participation_legal_assistance": ("Вы можете получить помощь адвоката.", "You can get help from a lawyer."),
    "participation_ngo_support": (
        "Вас может сопровождать представитель организации поддержки.",
        "A support organisation can accompany you.",
    ),
    "privacy_identity_protection": (
        "Ваши личные данные могут быть сохранены в тайне.",
        "Your identity can be kept confidential.",
    ),
    "privacy_closed_hearings": ("Дело может слушаться в закрытом заседании.", "The hearing can be held in private."),
    "privacy_child_victims_media": (
        "Сведения о ребенке-жертве нельзя публиковать.",
        "Information about a child victim may not be published.",
    ),
    "compensation_possibility": ("Вы можете требовать возмещения вреда.", "You can claim compensation for harm."),
    "compensation_from_offender": (
        "Виновный может быть обязан возместить вам вред.",
        "The offender can be ordered to compensate you.",
    ),
    "compensation_state_fund": ("Государство может выплатить вам компенсацию.", "The state can pay you compensation."),
    "children_best_interests": (
        "Для ребенка главное — его интересы.",
        "For a child, the child's best interests come first.",
    ),
    "children_guardian": (
        "Интересы ребенка представляет законный представитель или орган по защите детей.",
        "A child's interests are represented by a legal representative or the child-protection body.",
    ),
    "children_friendly_interviews": (
        "Ребенка допрашивают в щадящих условиях.",
        "A child is interviewed in child-friendly conditions.",
    ),
    "children_age_presumption": (
        "Если возраст неясен, вас считают ребенком.",
        "If your age is unclear, you are treated as a child.",
    ),
    "children_education": ("Ребенок может продолжать учебу.", "A child can continue education."),
    "children_no_detention": ("Ребенка-жертву не помещают под стражу.", "A child victim is not detained."),
    "children_family_tracing": ("Семью ребенка будут искать.", "The child's family will be traced."),
    "residence_recovery_reflection_period": (
        "Вам дадут время на восстановление.",
        "You will be given time to recover and reflect.",
    ),
    "residence_permit_victims": ("Вы можете получить разрешение на пребывание.", "You can get a residence permit."),
    "residence_humanitarian_factors": (
        "Учитываются гуманитарные обстоятельства.",
        "Humanitarian circumstances are considered.",
    ),
    "residence_safe_repatriation": (
        "При возвращении домой учитывается ваша безопасность.",
        "Your safety is taken into account when you return home.",
    ),
    "residence_accept_return_documents": (
        "Вам выдадут документы для возвращения.",
        "You will be given documents to return home.",
    ),
    "witness_protection_measures": (
        "Вас и ваших близких могут взять под защиту.",
        "You and your family can be protected.",
    ),
    "witness_protection_relocation": ("Вас могут переселить в безопасное место.", "You can be moved to a safe place."),
    "witness_protection_identity_change": (
        "Вам могут выдать новые документы.",
        "You can be given new identity documents.",
    ),
    "witness_protection_non_disclosure": (
        "Сведения о вас могут быть защищены от разглашения в пределах, установленных законом.",
        "Information about you can be protected from disclosure, within the limits the law sets.",
    ),
    "witness_protection_pseudonym": (
        "Вы можете давать показания под псевдонимом.",
        "You can testify under a pseudonym.",
    ),
    "witness_protection_video_link": ("Вы можете давать показания по видеосвязи.", "You can testify by video link."),
    "witness_protection_screens": (
        "Вас могут допросить так, что обвиняемый и другие присутствующие не увидят и не узнают вас.",
        "You can be questioned so that the accused and others present can neither see nor recognise you.",
    ),
    "witness_protection_deposition": (
        "Ваши показания могут записать заранее.",
        "Your testimony can be recorded in advance.",
    ),
    "smuggling_migrants_not_liable": (
        "Мигранта не привлекают к ответственности за то, что его незаконно ввезли, если это предусмотрено законом.",
        "A migrant is not held liable for having been smuggled, where the law so provides.",
    ),
    "smuggling_protection_rights": (
        "Незаконно ввезенный мигрант защищен от насилия.",
        "A smuggled migrant is protected from violence.",
    ),
    "smuggling_assistance_endangered": ("Мигранту в опасности окажут помощь.", "A migrant in danger will be helped."),
    "smuggling_consular_notification": (
        "Вы можете связаться с консульством своей страны.",
        "You can contact your country's consulate.",
    ),
    "smuggling_return": (
        "При возвращении учитываются ваша безопасность и достоинство.",
        "Your safety and dignity are taken into account when you return.",
    ),
}
TITLE = {
    "ru": "Ваши права: жертва торговли людьми или незаконно ввезенный мигрант",
    "en": "Your rights as a victim of trafficking or a smuggled migrant",
    "ky": "Сиздин укуктарыңыз: адам сатуунун курмандыгы же мыйзамсыз алып келинген мигрант",
}
SECTIONS = {
    "victims": {"ru": "Жертвам торговли людьми", "en": "Victims of trafficking", "ky": "Адам сатуунун курмандыктарына"},
    "migrants": {
        "ru": "Незаконно ввезенным мигрантам",
        "en": "Smuggled migrants",
        "ky": "Мыйзамсыз алып келинген мигранттарга",
    },
}
CONTACTS = {
    "ru": ("Горячая линия: ________", "Организация помощи: ________"),
    "en": ("Hotline: ________", "Support organisation: ________"),
    "ky": ("Ишеним телефону: ________", "Жардам берүүчү уюм: ________"),
}
LIMIT = {"ru": "ограничение", "en": "limit", "ky": "чектөө"}
# SOM 16: the smuggled migrant's section; every other right is the trafficking victim's
MIGRANT_RULES = (
    "smuggling_protection_rights",
    "smuggling_assistance_endangered",
    "smuggling_consular_notification",
    "smuggling_migrants_not_liable",
    "smuggling_return",
)
# the words the provision cited must hold for the plain statement to be true of it (where a rule's cues are broad)
SAYS = {
    "smuggling_consular_notification": r"консул|посольств",
    "participation_interpreter": r"переводчик",
    "witness_protection_video_link": r"видеосвяз",
    "witness_protection_pseudonym": r"псевдоним|подлинн\w* данн",
    "witness_protection_screens": r"визуальн|внешн\w* облик|исключающ",
    "witness_protection_deposition": r"депонир",
    "privacy_closed_hearings": r"закрыт",
    "participation_legal_assistance": r"юридическ\w* помощ|адвокат",
    "compensation_possibility": r"возмещ|компенсац|гражданск\w* иск",
    "compensation_state_fund": r"фонд|государств\w* компенсац",
    "children_guardian": r"законн\w* представител|по защите детей",
    "assistance_psychological": r"психолог",
    # an exemption that speaks of the smuggled migrant: not an asylum clause, not the offence's own definition
    "smuggling_migrants_not_liable": r"(?:не подлежит|освобожда|не несет)[^.]*(?:ввез|ввоз|мигрант)"
    r"|(?:ввез|ввоз|мигрант)[^.]*(?:не подлежит|освобожда|не несет)",
    "assistance_physical_safety": r"безопасност",
    # the leaflet's plain words must be what the provision says: help whatever the testimony, a supporter at
    # one's side, one's views heard (not a list of eligible persons, a lawyer's request for an expert opinion)
    "assistance_not_conditional": r"независимо|не завис|не может быть обусловлен",
    "participation_ngo_support": r"(?:некоммерческ|общественн\w* (?:объединени|организаци)|неправительствен)"
    r"[^.;]*(?:помощ|поддерж|сопровожд)|(?:помощ|поддерж|сопровожд)[^.;]*(?:некоммерческ|общественн\w* "
    r"(?:объединени|организаци)|неправительствен)",
    "participation_views_presented": r"мнени|высказыва|выступ|излагать|довод",
}
# whose right a provision gives: not the suspect's, the accused's, a detained person's or a foreign authority's
_NOT_THE_PERSON = re.compile(
    r"(?i)подозреваем|обвиняем|подсудим|задержанн|осужденн|экстрадиц"
    r"|иностранн\w* (?:государств|компетентн|орган|учрежден)|запрос\w* (?:иностранн|компетентн)"
    r"|шектүү|шектелген|айыпталуучу|кармалган|чет мамлекет"
)
_THE_PERSON = re.compile(r"(?i)потерпевш|свидетел|жертв|мигрант|пострада|жабырлануучу|күбө|курмандык")
# a definitions article gives no right; international cooperation is between authorities
_NO_RIGHT_HERE = re.compile(r"(?i)основн\w* поняти|термин|международн\w* сотрудничеств|правов\w* помощ\w* по уголовн")
FOOT = {
    "ru": "Составлено по законам, указанным ниже; только права, которые закон действительно предусматривает. "
    "Это не юридическая консультация.",
    "en": "Compiled from the laws listed below; only rights the law actually gives. This is not legal advice.",
    "ky": "Төмөндө көрсөтүлгөн мыйзамдар боюнча түзүлдү. Бул юридикалык кеңеш эмес.",
}


@dataclass(frozen=True)
class Right:
    rule_id: str
    text: str
    article: str  # "ст. 40 УПК КР" / "Art. 40 CPC": the provision, cited nationally
    confirmed_by_reviewer: bool
    section: str = "victims"  # or "migrants" (SOM 16)
    limit: str = ""  # the law's own limiting words, when the right is given within limits
    eid: str = ""
    law: str = ""


def _whose(law: Law | None, eid: str) -> bool:
    """True when the provision gives the right to the victim, witness or migrant: not when its article (heading or
    opening part) is about the suspect, the accused, a detained person or a foreign authority, unless it names the
    victim or witness; never a definitions article or one in a chapter on international cooperation."""
    if law is None or eid not in law.by_eid:
        return False
    p = law.by_eid[eid]
    chain = (*law.ancestors(eid), p)
    art = next((a for a in chain if law.is_article_level(a)), p)
    if any(_NO_RIGHT_HERE.search(x.heading or "") for x in chain):
        return False
    kids = law.children(art.eid)
    opening = " ".join(x for x in (art.heading or "", art.text, kids[0].text if kids else "") if x)
    if _NOT_THE_PERSON.search(opening) and not _THE_PERSON.search(art.heading or ""):
        return False
    return not (_NOT_THE_PERSON.search(p.text) and not _THE_PERSON.search(p.text + (art.heading or "")))


_VICTIM = re.compile(r"(?i)потерпевш|жертв|пострада|жабырлануучу|курмандык|victim")


def _own_article(law: Law | None, article: str) -> int:
    """0 for the victim's own article ("Потерпевший"), 1 for a witness's or migrant's, 2 for any other: the
    leaflet cites the article of the reader's own rights first."""
    heading = law.by_eid[article].heading or "" if law is not None and article in law.by_eid else ""
    return 0 if _VICTIM.search(heading) else 1 if _THE_PERSON.search(heading) else 2


def _saying(law: Law | None, e: Evidence, says: re.Pattern) -> list[str]:
    """Where to cite the right: the provision of the evidence's article whose own words say it (the item
    "пользоваться услугами переводчика" where the evidence found the item on the native language; the item on
    state compensation where the evidence is the whole article), and the evidence's provision itself."""
    if law is None or e.article not in law.by_eid:
        return [e.eid]
    own = [p.eid for p in law.subtree(e.article) if p.eid not in (e.eid, e.article) and p.text and says.search(p.text)]
    return [*own[:1], e.eid] if e.eid == e.article else [e.eid, *own[:1]]


def _of_law(country: str, law: Law, lang: str) -> str:
    """The law a citation is of, where the citation does not say it (a code's does: "ст. 40 УПК КР"): " Закона «О
    специальных социальных услугах»" / ", Law on Special Social Services", from the catalogue, else the law's own
    title; never a blank."""
    kind = kind_of(law)
    if kind in CODES:
        return ""
    name = law_name(country, kind or "", law, stem=law_id(law))
    title = name.title_en if lang == "en" else name.title_ru
    if BLANK in title:
        title = " ".join((law.title or law_id(law)).split())
    return f", {title}" if lang == "en" else f" Закона «{title}»"


def _text(law: Law, eid: str) -> str:
    return law.full_text(eid) if eid in law.by_eid else ""


def _holds(f: Finding, ok: set[str]) -> bool:
    """Met, confirmed, or given within limits (every mandatory element found, some limited)."""
    if f.status == MET or f.rule.id in ok:
        return True
    mandatory = [e for e in f.elements if e.mandatory]
    return f.status == PARTIAL and all(e.found for e in mandatory) and any(e.limited_by for e in f.elements)


def rights(cs: CountryScore, laws: Sequence[Law], lang: str, confirmed: Iterable[str] = ()) -> list[Right]:
    """The rights to print, each with the first provision of its evidence that is the person's own."""
    ok = set(confirmed)
    by_id = {law_id(x): x for x in laws}
    out = []
    for f in cs.findings:
        if f.rule.id not in RIGHTS or not _holds(f, ok):
            continue
        # the tool's reading must find the plain words in the provision; a reviewer who confirmed the right vouches
        checked = f.rule.id in SAYS and f.rule.id not in ok
        says = re.compile(SAYS[f.rule.id] if checked else "", re.I)
        ru_evidence = [e for e in f.evidence if e.language == "ru"] or list(f.evidence)
        # the victim's own article first, then a witness's, then the rest, each in the finding's order
        ru_evidence.sort(key=lambda e: _own_article(by_id.get(e.law), e.article))
        found = next(
            (
                (e, eid)
                for e in ru_evidence
                for eid in (_saying(by_id.get(e.law), e, says) if checked else [e.eid])
                if _whose(by_id.get(e.law), eid) and says.search(_text(by_id[e.law], eid))
            ),
            None,
        )
        if found is None:  # no provision gives it to the person: the leaflet does not pretend
            continue
        ev, eid = found
        law = by_id[ev.law]
        where = cite(eid, "en" if lang == "en" else "ru", kind=kind_of(law), country=cs.country)
        where += _of_law(cs.country, law, lang)
        own = law.full_text(ev.article).lower() if ev.article in law.by_eid else ""
        # the limits printed in the article the leaflet cites: the finding's, else those read in that article
        words = {w for e in f.elements for w in e.limited_by if w.lower() in own}
        words = words or {w for w in ev.limited_by if w.lower() in own}
        limit = ", ".join(sorted(words)) if f.status == PARTIAL else ""
        ru, en = RIGHTS[f.rule.id]
        text = en if lang == "en" else ru
        if lang == "ky":  # the state-language text of the provision itself, not a translation of ours
            text = _kyrgyz(laws, law, eid) or ru
        section = "migrants" if f.rule.id in MIGRANT_RULES else "victims"
        out.append(Right(f.rule.id, text, where, f.rule.id in ok, section, limit, eid, ev.law))
    return out


def _kyrgyz(laws: Sequence[Law], law: Law, eid: str) -> str:
    ky = next((x for x in laws if x.language == "ky" and x.kind == law.kind and eid in x.by_eid), None)
    return " ".join(ky.full_text(eid).split())[:400] if ky else ""


def country_name(country: str, lang: str) -> str:
    names = COUNTRY_NAMES.get(country.upper())
    if names is None:
        return country
    return names.name_en if lang == "en" else names.name_ru


def _line(r: Right, lang: str) -> str:
    limit = f"; {LIMIT[lang]}: «{r.limit}»" if r.limit else ""
    return f"{r.text} ({r.article}{limit})"


def to_html(country: str, cs: CountryScore, laws: Sequence[Law], lang: str, confirmed: Iterable[str] = ()) -> str:
    rs = rights(cs, laws, lang, confirmed)
    e = html.escape
    body = []
    for key, names in SECTIONS.items():
        items = [r for r in rs if r.section == key]
        body.append(f"<h2>{e(names[lang])}</h2>")
        body.append("<ul>" + "".join(f"<li>{e(_line(r, lang))}</li>" for r in items) + "</ul>" if items else "<p>—</p>")
    contacts = "".join(f"<p>{e(c)}</p>" for c in CONTACTS[lang])
    sources = "; ".join(e(x.title) for x in laws)
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{e(TITLE[lang])}</title>"
        "<style>@page{size:A6;margin:6mm}body{font-family:sans-serif;font-size:8pt;max-width:93mm}"
        "h1{font-size:10pt}h2{font-size:9pt}li{margin-bottom:2pt}footer{font-size:6.5pt;color:#555}</style></head>"
        f"<body><h1>{e(TITLE[lang])}</h1><p>{e(country_name(country, lang))}</p>{''.join(body)}{contacts}"
        f"<footer>{e(FOOT[lang])} {sources}</footer></body></html>"
    )


def docx_document(country: str, cs: CountryScore, laws: Sequence[Law], lang: str, confirmed: Iterable[str] = ()):
    from docx import Document
    from docx.shared import Mm, Pt

    rs = rights(cs, laws, lang, confirmed)
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(105), Mm(148)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Mm(7))
    doc.styles["Normal"].font.size = Pt(8)
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Title"].font.size = Pt(12)
    doc.add_heading(TITLE[lang], level=0)
    doc.add_paragraph(country_name(country, lang))
    for key, names in SECTIONS.items():
        doc.add_heading(names[lang], level=2)
        items = [r for r in rs if r.section == key]
        for r in items:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(r.text + " ")
            p.add_run(_line(r, lang)[len(r.text) + 1 :]).italic = True
        if not items:
            doc.add_paragraph("—")
    for c in CONTACTS[lang]:
        doc.add_paragraph(c)
    foot = doc.add_paragraph(FOOT[lang] + " " + "; ".join(x.title for x in laws))
    for run in foot.runs:
        run.font.size = Pt(6.5)
    return doc


def write_aide_memoire(
    path: str | Path, country: str, cs: CountryScore, laws: Sequence[Law], lang: str, confirmed: Iterable[str] = ()
) -> Path:
    """By extension: .docx, .html or .pdf."""
    path = Path(path)
    confirmed = tuple(confirmed)
    ext = path.suffix.lower()
    if ext in (".html", ".htm"):
        return write_atomic(path, to_html(country, cs, laws, lang, confirmed))
    doc = docx_document(country, cs, laws, lang, confirmed)
    if ext == ".docx":
        return write_atomic(path, lambda tmp: doc.save(str(tmp)))
    if ext == ".pdf":
        import tempfile

        from lawgap.publish.convert import docx_to_pdf

        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"aide_memoire_{country}_{lang}.docx"
            doc.save(str(src))
            return docx_to_pdf(src, path)
    raise ExportError(path, f"unknown aide-memoire format {ext!r}: use .docx, .html or .pdf")
