"""The aide-memoire: a pocket (A6) leaflet per country listing, in plain language, the rights a victim

Reads: a country's reviewed score and laws. Writes: the leaflet (HTML, DOCX, PDF).

of trafficking or a smuggled migrant has under that country's law, each with the article it comes from.

Built ONLY from findings that are met, or that a reviewer confirmed (rule ids passed in
`confirmed`); never from the instruments alone: a right the law does not give is not printed.
Writes DOCX (A6 page), HTML (A6 print CSS) and PDF (the DOCX through LibreOffice, when installed).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lawgap.assess.findings import CountryScore, Finding, law_id
from lawgap.drafting.placement import kind_of
from lawgap.model import Law
from lawgap.publish.atomic import ExportError, write_atomic
from lawgap.vocab import COUNTRY_NAMES, KIND_NAMES, MET

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
        "Государство обязано защищать вашу безопасность.",
        "The state must protect your safety.",
    ),
    "assistance_protection_retaliation": (
        "Вас защитят от мести и запугивания.",
        "You will be protected from revenge and intimidation.",
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
        "Вас не накажут за то, что вас заставили сделать торговцы людьми.",
        "You will not be punished for what traffickers forced you to do.",
    ),
    "non_punishment_status_offences": (
        "Вас не накажут за нарушения, связанные с тем, что вы стали жертвой.",
        "You will not be punished for offences that follow from having been trafficked.",
    ),
    "participation_information": ("Вам сообщают о ходе дела.", "You are told how your case is progressing."),
    "participation_views_presented": ("Вы можете высказать свое мнение в суде.", "You can tell the court your views."),
    "participation_interpreter": (
        "Вы можете бесплатно пользоваться переводчиком.",
        "You can have an interpreter free of charge.",
    ),
    "participation_legal_assistance": ("Вы можете получить помощь адвоката.", "You can get help from a lawyer."),
    "participation_ngo_support": (
        "Вас может сопровождать представитель организации поддержки.",
        "A support organisation can accompany you.",
    ),
    "privacy_identity_protection": ("Ваши личные данные защищены.", "Your identity is kept confidential."),
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
    "children_guardian": ("Ребенку назначат представителя.", "A child will be given a representative."),
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
    "residence_safe_repatriation": ("Ваше возвращение домой будет безопасным.", "Your return home will be safe."),
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
        "Сведения о вас не раскроют.",
        "Information about you will not be disclosed.",
    ),
    "witness_protection_pseudonym": (
        "Вы можете давать показания под псевдонимом.",
        "You can testify under a pseudonym.",
    ),
    "witness_protection_video_link": ("Вы можете давать показания по видеосвязи.", "You can testify by video link."),
    "witness_protection_screens": (
        "Вы можете давать показания, не видя обвиняемого.",
        "You can testify out of sight of the accused.",
    ),
    "witness_protection_deposition": (
        "Ваши показания могут записать заранее.",
        "Your testimony can be recorded in advance.",
    ),
    "smuggling_migrants_not_liable": (
        "Мигранта не наказывают за то, что его незаконно ввезли.",
        "A migrant is not punished for having been smuggled.",
    ),
    "smuggling_protection_rights": (
        "Незаконно ввезенный мигрант защищен от насилия.",
        "A smuggled migrant is protected from violence.",
    ),
    "smuggling_assistance_endangered": ("Мигранту в опасности окажут помощь.", "A migrant in danger will be helped."),
    "smuggling_consular_notification": (
        "О вашем задержании сообщат консулу.",
        "Your consulate will be told if you are detained.",
    ),
    "smuggling_return": ("Ваше возвращение будет безопасным и достойным.", "Your return will be safe and dignified."),
}
TITLE = {
    "ru": "Ваши права: жертва торговли людьми или незаконно ввезенный мигрант",
    "en": "Your rights as a victim of trafficking or a smuggled migrant",
}
FOOT = {
    "ru": "Составлено по законам, указанным ниже; только права, которые закон действительно предусматривает. "
    "Это не юридическая консультация.",
    "en": "Compiled from the laws listed below; only rights the law actually gives. This is not legal advice.",
}


@dataclass(frozen=True)
class Right:
    rule_id: str
    text: str
    article: str  # "УПК, ст. 40" / "Criminal Procedure Code, art. 40"
    confirmed_by_reviewer: bool


def _article(f: Finding, kinds: dict[str, str | None], lang: str) -> str | None:
    if not f.evidence:
        return None
    ev = f.evidence[0]
    names = KIND_NAMES.get(kinds.get(ev.law) or "")
    short = (names.short_en if lang == "en" else names.short_ru) if names else ev.law
    num = ev.num or ev.eid
    return f"{short}, ст. {num}" if lang != "en" else f"{short}, art. {num}"


def rights(cs: CountryScore, laws: Sequence[Law], lang: str, confirmed: Iterable[str] = ()) -> list[Right]:
    """The rights to print: met findings, plus reviewer-confirmed ones; each with its article."""
    ok = set(confirmed)
    kinds = {law_id(x): kind_of(x) for x in laws}
    out = []
    for f in cs.findings:
        if f.rule.id not in RIGHTS:
            continue
        if not (f.status == MET or f.rule.id in ok):
            continue
        where = _article(f, kinds, lang)
        if where is None:  # a right without an article is not printed: the leaflet cites the law for each
            continue
        ru, en = RIGHTS[f.rule.id]
        out.append(Right(f.rule.id, en if lang == "en" else ru, where, f.rule.id in ok))
    return out


def country_name(country: str, lang: str) -> str:
    names = COUNTRY_NAMES.get(country.upper())
    if names is None:
        return country
    return names.name_en if lang == "en" else names.name_ru


def to_html(country: str, cs: CountryScore, laws: Sequence[Law], lang: str, confirmed: Iterable[str] = ()) -> str:
    rs = rights(cs, laws, lang, confirmed)
    e = html.escape
    items = "".join(f"<li>{e(r.text)} <span class='art'>({e(r.article)})</span></li>" for r in rs)
    sources = "; ".join(e(x.title) for x in laws)
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{e(TITLE[lang])}</title>"
        "<style>@page{size:A6;margin:6mm}body{font-family:sans-serif;font-size:8pt;max-width:93mm}"
        "h1{font-size:10pt}li{margin-bottom:2pt}.art{color:#555}footer{font-size:6.5pt;color:#555}</style></head>"
        f"<body><h1>{e(TITLE[lang])}</h1><p>{e(country_name(country, lang))}</p><ul>{items}</ul>"
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
    for r in rs:
        p = doc.add_paragraph(style="List Bullet")
        p.add_run(r.text + " ")
        p.add_run(f"({r.article})").italic = True
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

        from lawgap.publish.report import docx_to_pdf

        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"aide_memoire_{country}_{lang}.docx"
            doc.save(str(src))
            return docx_to_pdf(src, path)
    raise ExportError(path, f"unknown aide-memoire format {ext!r}: use .docx, .html or .pdf")
