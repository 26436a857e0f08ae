"""Drafts as Markdown: a cover table, then per draft the instruction, the redline and the justification.

Reads: Drafts. Writes: Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from lawgap.drafting.draft import Draft
from lawgap.drafting.redline import to_markdown
from lawgap.vocab import STATUS_RU

LABELS = {
    "ru": {
        "title": "Проекты изменений",
        "cover": ("Требование", "Источник", "Целевая норма", "Статус"),
        "instruction": "Текст изменения",
        "redline": "Редакция после изменения (изменения выделены)",
        "justification": "Обоснование",
        "terms": "Термины закона",
    },
    "en": {
        "title": "Draft amendments",
        "cover": ("Requirement", "Citation", "Target provision", "Status"),
        "instruction": "Amending instruction",
        "redline": "Text after the amendment (changes marked)",
        "justification": "Justification",
        "terms": "Terms of the law",
    },
}


_MARKUP = re.compile(r"([\\`*_\[\]|~#])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def md_text(text: str) -> str:
    """Law text as Markdown shows it, not as markup: a title's <b> or <script>, an asterisk or a bracket in
    an article stay the characters they are (HTML entities and backslash escapes); lines are kept."""
    text = re.sub(r"[&<>]", lambda m: _HTML[m.group()], text)
    return _MARKUP.sub(r"\\\1", text)


def _cell(text: str) -> str:
    return md_text(text).replace("\n", " ")


def status_label(status: str, lang: str) -> str:
    return STATUS_RU.get(status, status) if lang != "en" else status


def to_markdown_doc(drafts: Sequence[Draft], title: str | None = None) -> str:
    lang = drafts[0].lang if drafts else "en"
    lab = LABELS["en" if lang == "en" else "ru"]
    out = [f"# {title or lab['title']}", ""]
    out.append("| " + " | ".join(lab["cover"]) + " |")
    out.append("|" + "---|" * len(lab["cover"]))
    for d in drafts:
        out.append(
            f"| {_cell(d.rule_title)} | {_cell(', '.join(d.sources))} | {_cell(d.law_name + ': ' + d.target)} | "
            f"{status_label(d.status, lang)} |"
        )
    out.append("")
    for i, d in enumerate(drafts, 1):
        out += [f"## {i}. {md_text(d.rule_title)} — {md_text(d.target)}", "", f"*{md_text(d.law_name)}*", ""]
        out += [f"### {lab['instruction']}", ""]
        out += [md_text(ln) + "  " for ln in d.instruction.split("\n")] + [""]
        redline = tuple(replace(seg, text=md_text(seg.text)) for seg in d.redline)
        out += [f"### {lab['redline']}", "", to_markdown(redline), ""]
        out += [f"### {lab['justification']}", ""]
        out += [f"- {md_text(ln)}" for ln in d.justification.split("\n")] + [""]
        terms = "; ".join(f"{c} = «{t}» ({b})" for c, t, b in d.terms)
        out.append(f"{lab['terms']}: " + md_text(terms))
        out.append("")
    return "\n".join(out)
