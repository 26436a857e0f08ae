"""The `draft`, `report` and `aide-memoire` commands; the lead wires `add_commands` into lawgap.cli.

    lawgap draft FILE... --country CC --rule RULE_ID --lang ru|en [--format md|docx|akn] [-o PATH]
    lawgap report FILE... --country CC [-o PATH]          (.docx, .html or .pdf; HTML on stdout)
    lawgap aide-memoire FILE... --country CC --lang ru|en [-o PATH]   (.docx, .html or .pdf)

`--rule all` drafts every gap and partial finding. Errors are LawgapErrors (one line, exit 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lawgap.errors import LawgapError


def _country(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise argparse.ArgumentTypeError(f"{value!r} is not a two-letter country code (e.g. KG, KZ)")
    return code


def _load(args: argparse.Namespace):
    from lawgap.assess.score import score_country
    from lawgap.parsers import load_law

    laws = [load_law(f, country=args.country) for f in args.files]
    return laws, score_country(args.country, laws)


def _reviewed(country: str, laws, cs):
    """The score with the review applied (lawgap.review: rejected evidence dropped, status overrides set),
    and the rules a reviewer set to met. Without a review store the computed score is used as it is."""
    from lawgap.assess.findings import law_id
    from lawgap.review import ReviewError, apply_decisions
    from lawgap.store import ReviewStore

    try:
        decisions = ReviewStore().decisions(country)
    except (ReviewError, OSError) as exc:
        print(f"lawgap: warning: review store not read ({exc}); using computed findings only", file=sys.stderr)
        return cs, ()
    reviewed = apply_decisions(cs, decisions, {law_id(x): x.sha256 for x in laws})
    confirmed = tuple(r for r, o in reviewed.overrides.items() if o.status == "met")
    return reviewed.score, confirmed


def cmd_draft(args: argparse.Namespace) -> int:
    from lawgap.drafting.draft import draft_rule, drafts_for_country

    laws, cs = _load(args)
    if args.rule == "all":
        drafts = drafts_for_country(args.country, laws, (args.lang,), score=cs)
        if not drafts:
            raise LawgapError(f"{args.country}: every requirement is met: there is nothing to draft")
    else:
        drafts = [draft_rule(args.country, laws, args.rule, args.lang, score=cs)]
    fmt = args.format or (Path(args.output).suffix.lstrip(".") if args.output else "md")
    fmt = {"markdown": "md", "xml": "akn"}.get(fmt, fmt)
    if fmt == "docx":
        from lawgap.publish.docx import write_docx

        if not args.output:
            raise LawgapError("--format docx needs -o PATH (a Word file cannot go to the terminal)")
        write_docx(drafts, args.output)
        return 0
    if fmt == "akn":
        from lawgap.publish.amendment_akn import to_amendment_akn

        data = to_amendment_akn(drafts).decode("utf-8")
    elif fmt == "md":
        from lawgap.publish.markdown import to_markdown_doc

        data = to_markdown_doc(drafts)
    else:
        raise LawgapError(f"unknown draft format {fmt!r}: use md, docx or akn")
    if args.output:
        from lawgap.publish.atomic import write_atomic

        write_atomic(args.output, data)
    else:
        sys.stdout.write(data)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from lawgap.drafting.draft import drafts_for_country
    from lawgap.publish.report import to_html, write_report

    laws, cs = _load(args)
    drafts = drafts_for_country(args.country, laws, ("en", "ru"), score=cs)
    if args.output:
        write_report(args.output, args.country, laws, cs, drafts)
    else:
        sys.stdout.write(to_html(args.country, laws, cs, drafts))
    return 0


def cmd_aide_memoire(args: argparse.Namespace) -> int:
    from lawgap.publish.aide_memoire import to_html, write_aide_memoire

    laws, cs = _load(args)
    cs, confirmed = _reviewed(args.country, laws, cs)
    if args.output:
        write_aide_memoire(args.output, args.country, cs, laws, args.lang, confirmed)
    else:
        sys.stdout.write(to_html(args.country, cs, laws, args.lang, confirmed))
    return 0


def add_commands(sub) -> None:
    """Register `draft`, `report` and `aide-memoire` on the subparsers of lawgap.cli.build_parser."""
    d = sub.add_parser("draft", help="draft amendments that close a gap or partial finding")
    d.add_argument("files", nargs="+", type=Path)
    d.add_argument("--country", type=_country, required=True, help="ISO country code, e.g. KG")
    d.add_argument("--rule", required=True, help="rule id (see `lawgap score`), or 'all' for every gap and partial")
    d.add_argument("--lang", choices=("ru", "en"), required=True)
    d.add_argument("--format", choices=("md", "docx", "akn"), help="default: from -o's extension, else md")
    d.add_argument("-o", "--output", type=Path, help="write here (atomically) instead of stdout")
    d.set_defaults(func=cmd_draft)

    r = sub.add_parser("report", help="gap analysis and legal assessment report (.docx, .html, .pdf)")
    r.add_argument("files", nargs="+", type=Path)
    r.add_argument("--country", type=_country, required=True, help="ISO country code, e.g. KG")
    r.add_argument("-o", "--output", type=Path, help=".docx, .html or .pdf (default: HTML on stdout)")
    r.set_defaults(func=cmd_report)

    a = sub.add_parser("aide-memoire", help="pocket (A6) list of a victim's rights under the country's law")
    a.add_argument("files", nargs="+", type=Path)
    a.add_argument("--country", type=_country, required=True, help="ISO country code, e.g. KG")
    a.add_argument("--lang", choices=("ru", "en"), required=True)
    a.add_argument("-o", "--output", type=Path, help=".docx, .html or .pdf (default: HTML on stdout)")
    a.set_defaults(func=cmd_aide_memoire)
