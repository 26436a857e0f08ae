"""The `lawgap` command: parse laws, scan the national_laws folder.

Reads: the command line and law files. Writes: JSON, CSV, text, Word, HTML and PDF outputs.

    lawgap parse FILE [--format json|akn|text]        one law's provision tree
    lawgap score FILE... --country CC                 coverage of one country's laws
    lawgap eval                                       the matcher measured on the gold set
    lawgap draft FILE... --country CC --rule RULE_ID|all --lang ru|en [--check] [--format md|docx|akn|json] [-o P]
    lawgap report FILE... --country CC [-o PATH]      (.docx, .html or .pdf; HTML on stdout)
    lawgap aide-memoire FILE... --country CC --lang ru|en [-o PATH]
    lawgap scan [FOLDER...]                           the main job: every law in national_laws/
    lawgap review export [--country CC] [-o FILE]     the review decisions as JSON
    lawgap review import FILE                         record the decisions of such a file

`--rule all` drafts every gap and partial finding. Draft, report and aide-memoire take the reviewed
score (lawgap.workspace), as the app does. Errors a user can cause print one line naming the file and
the problem, and exit with code 2; set LAWGAP_DEBUG=1 to see the traceback of an unexpected failure.
"""

from __future__ import annotations

import argparse
import errno
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from lawgap import __version__
from lawgap.errors import InputError, LawgapError
from lawgap.model import Law
from lawgap.settings import debug
from lawgap.vocab import COUNTRY_NAMES, GAP, MET, PARTIAL

EXIT_INPUT = 2


def law_to_json(law: Law) -> dict:
    """The public JSON shape of GUIDE.md, extended with provenance fields."""
    return {
        "title": law.title,
        "country": law.country,
        "language": law.language,
        "kind": law.kind,
        "style": law.style,
        "date": law.date,
        "number": law.number,
        "source": law.source,
        "sha256": law.sha256,
        "ocr": law.ocr,
        "warnings": list(law.warnings),
        "notes": list(law.notes),
        "repealed": list(law.repealed),
        "excerpt": law.excerpt,
        "provisions": [
            {
                "eid": p.eid,
                "parent": p.parent,
                "kind": p.kind,
                "num": p.num,
                "heading": p.heading,
                "text": p.text,
                "notes": list(p.notes),
                "qualified": p.qualified,
                "printed": p.printed and p.num is not None,
            }
            for p in law.provisions
        ],
    }


def law_to_text(law: Law) -> str:
    """An indented outline a reader can check against the printed law."""
    depth: dict[str, int] = {}
    lines = [law.title, ""]
    for p in law.provisions:
        d = depth[p.parent] + 1 if p.parent in depth else 0
        depth[p.eid] = d
        label = " ".join(x for x in (p.kind, p.num or "", p.heading or "") if x)
        lines.append(f"{'  ' * d}[{p.eid}] {label}")
        for t in p.text.splitlines():
            lines.append(f"{'  ' * (d + 1)}{t}")
    return "\n".join(lines) + "\n"


def _country(value: str) -> str:
    """A country of the catalogue, or any ISO 3166 alpha-2 code (a user's own law of another country)."""
    import pycountry

    code = value.strip().upper()
    if code in COUNTRY_NAMES or (code.isascii() and len(code) == 2 and pycountry.countries.get(alpha_2=code)):
        return code
    raise argparse.ArgumentTypeError(
        f"{value!r} is not a two-letter country code of ISO 3166 (the region's: {', '.join(COUNTRY_NAMES)})"
    )


def emit(text: str) -> None:
    """Write to stdout; a full disk or a closed pipe there is said as such, never blamed on the input."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise LawgapError(f"cannot write to standard output: {exc.strerror or exc}") from None


def _report_failures(failures) -> None:
    for f in failures:
        print(f"lawgap: error: {f.path}: {f.problem}", file=sys.stderr)


def _progress(items: Sequence, desc: str) -> Iterable:
    """A progress bar on stderr for multi-file work; plain iteration when there is one item."""
    if len(items) < 2:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, unit="file", file=sys.stderr, disable=not sys.stderr.isatty())


def cmd_parse(args: argparse.Namespace) -> int:
    from lawgap.parsers import load_law

    law = load_law(args.file, language=args.lang, style=args.style, country=args.country)
    if args.format == "json":
        out = json.dumps(law_to_json(law), ensure_ascii=False, indent=1) + "\n"
    elif args.format == "akn":
        from lawgap.publish.akn import to_akn

        out = to_akn(law).decode("utf-8")
    else:
        out = law_to_text(law)
    emit(out)
    for w in law.warnings:
        print(f"lawgap: warning: {args.file}: {w}", file=sys.stderr)
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    """Coverage of one country's laws against every rule (the JSON is a public contract)."""
    from lawgap.assess.score import score_country
    from lawgap.publish.coverage import to_csv, to_json, to_table
    from lawgap.rules import load_rules
    from lawgap.workspace import read_laws

    rules = load_rules(args.rules) if args.rules else load_rules()
    laws, failures = read_laws(_progress(args.files, "parsing"), args.country)
    _report_failures(failures)
    if not laws:
        return EXIT_INPUT
    cs = score_country(args.country, laws, rules)
    if args.format == "json":
        emit(json.dumps(to_json(cs), ensure_ascii=False, indent=1) + "\n")
    elif args.format == "csv":
        emit(to_csv(cs))
    else:
        emit(to_table(cs))
    # the score of the laws that were read is printed; the exit code says that some were not
    return EXIT_INPUT if failures else 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Precision/recall of evidence and status accuracy on the gold set, against the BM25 baseline."""
    from lawgap.assess.evaluate import GOLD_DIR, evaluate, format_scores

    emit(format_scores(evaluate(args.gold or GOLD_DIR)))
    return 0


def cmd_scan(args: argparse.Namespace) -> int:
    """The main job: parse every law the user has put in place and say what is still missing."""
    from lawgap.catalogue import instructions, load_catalogue
    from lawgap.parsers import find_law_files, folder_country, load_law
    from lawgap.workspace import LoadFailure

    folders = [Path(f) for f in args.folders] or [Path("national_laws")]
    missing = [f for f in folders if not f.exists()]
    if missing:
        raise InputError(missing[0], "no such folder")
    files = find_law_files(folders)
    if not files:
        print(instructions(folders[0]))
        return 0
    laws: list[Law] = []
    failures: list[LoadFailure] = []
    for path in _progress(files, "parsing"):
        try:
            laws.append(load_law(path, country=folder_country(path)))
        except InputError as exc:  # one failed row; the other files go on
            failures.append(LoadFailure(str(path), exc.problem if exc.path else str(exc)))
    _report_failures(failures)
    _print_scan_table(laws, failures)
    catalogue = load_catalogue()
    countries = sorted({law.country for law in laws if law.country})
    if countries and not args.no_score:
        from lawgap.assess.score import score_country
        from lawgap.rules import load_rules

        rules = load_rules()
        print()
        for cc in countries:
            cs = score_country(cc, [law for law in laws if law.country == cc], rules)
            counts = {s: sum(f.status == s for f in cs.findings) for s in (MET, PARTIAL, GAP)}
            print(
                f"{cc}: {len(cs.findings)} requirements: {counts['met']} met, {counts['partial']} partial, "
                f"{counts['gap']} gap; overall score {cs.overall:.2f} (details: lawgap score FILES --country {cc})"
            )
    for cc in countries:
        have = {law.kind for law in laws if law.country == cc and law.kind}
        gaps = catalogue.missing_for(cc, have)
        if gaps:
            names = ", ".join(e.title_en or e.kind for e in gaps)
            print(f"{cc}: not yet supplied: {names}")
    return EXIT_INPUT if failures and not laws else 0


def _print_scan_table(laws: Sequence[Law], failures: Sequence = ()) -> None:
    header = ("country", "kind", "lang", "articles", "provisions", "ocr", "file")
    failed = [("?", "FAILED", "", "", "", "", f.path) for f in failures]
    rows = [
        (
            law.country or "?",
            law.kind or "?",
            law.language,
            str(len(law.articles())),
            str(len(law.provisions)),
            "yes" if law.ocr else "",
            law.source,
        )
        for law in laws
    ] + failed
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


def _workspace(args: argparse.Namespace):
    """The country's laws, scored, with the recorded review applied (lawgap.workspace: the app's path too).
    A review database that cannot be read stops the command (exit 2, naming it): a report without the
    group's decisions would say what they overruled."""
    from lawgap.workspace import assess, read_laws, stored_decisions

    laws, failures = read_laws(args.files, args.country)
    if failures:
        _report_failures(failures[1:])
        raise InputError(failures[0].path, failures[0].problem)
    return assess(args.country, laws, stored_decisions(args.country))


def cmd_draft(args: argparse.Namespace) -> int:
    """Drafts checked by law and (with --check, or for a bill) applied and re-scored; only offered ones are drafted."""
    from lawgap.drafting.offer import checked_for

    fmt = args.format or (Path(args.output).suffix.lstrip(".") if args.output else "md")
    fmt = {"markdown": "md", "xml": "akn"}.get(fmt, fmt)
    if fmt not in ("md", "docx", "akn", "json"):
        raise LawgapError(f"unknown draft format {fmt!r}: use md, docx, akn or json")
    ws = _workspace(args)
    checked = checked_for(ws, args.rule, args.lang, rescore=args.check or fmt == "docx")
    if fmt == "json":
        data = json.dumps({"drafts": [c.to_dict(args.lang) for c in checked]}, ensure_ascii=False, indent=1) + "\n"
        return _emit(args, data)
    drafts = [d for c in checked if c.offered and (d := c.draft(args.lang)) is not None]
    if not drafts:
        why = "; ".join(f"{c.rule}: {r}" for c in checked for r in c.reasons) or "every requirement is met"
        raise LawgapError(f"{args.country}: no draft can be offered ({why})")
    if fmt == "docx":
        from lawgap.drafting.bill import bills, spravka
        from lawgap.publish.bill_docx import write_bill

        if not args.output:
            raise LawgapError("--format docx needs -o PATH (a Word file cannot go to the terminal)")
        withheld = [(c.rule, "; ".join(c.reasons)) for c in checked if not c.offered]
        made = bills(drafts)
        write_bill(args.output, made, spravka(made, withheld, args.lang))
        return 0
    if fmt == "akn":
        from lawgap.publish.amendment_akn import to_amendment_akn

        data = to_amendment_akn(drafts).decode("utf-8")
    else:
        from lawgap.publish.markdown import to_markdown_doc

        data = to_markdown_doc(drafts)
    return _emit(args, data)


def _emit(args: argparse.Namespace, data: str) -> int:
    if args.output:
        from lawgap.publish.atomic import write_atomic

        write_atomic(args.output, data)
    else:
        emit(data)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """The legal assessment report from the reviewed score, with the offered drafts (applied and re-scored)."""
    from lawgap.drafting.offer import checked_for
    from lawgap.publish.report import category_rows, chart_png, to_html, write_report
    from lawgap.publish.report_content import build_report

    ws = _workspace(args)
    report = build_report(ws, checked_for(ws, "all", args.lang), args.lang)
    chart = chart_png(category_rows(ws.score))
    if args.output:
        write_report(args.output, report, chart)
    else:
        emit(to_html(report, chart))
    return 0


def cmd_aide_memoire(args: argparse.Namespace) -> int:
    from lawgap.publish.aide_memoire import to_html, write_aide_memoire

    ws = _workspace(args)
    if args.output:
        write_aide_memoire(args.output, args.country, ws.score, ws.laws, args.lang, ws.confirmed)
    else:
        emit(to_html(args.country, ws.score, ws.laws, args.lang, ws.confirmed))
    return 0


def add_draft_commands(sub) -> None:
    """Register `draft`, `report` and `aide-memoire` (their place in `lawgap --help` is after `eval`)."""
    d = sub.add_parser("draft", help="draft amendments that close a gap or partial finding")
    d.add_argument("files", nargs="+", type=Path)
    d.add_argument("--country", type=_country, required=True, help="ISO country code, e.g. KG")
    d.add_argument("--rule", required=True, help="rule id (see `lawgap score`), or 'all' for every gap and partial")
    d.add_argument("--lang", choices=("ru", "en"), required=True)
    d.add_argument(
        "--format", choices=("md", "docx", "akn", "json"), help="default: from -o's extension, else md; docx: the bill"
    )
    d.add_argument(
        "--check", action="store_true", help="apply each draft to the law, re-score, offer only those that close"
    )
    d.add_argument("-o", "--output", type=Path, help="write here (atomically) instead of stdout")
    d.set_defaults(func=cmd_draft)

    r = sub.add_parser("report", help="gap analysis and legal assessment report (.docx, .html, .pdf)")
    r.add_argument("files", nargs="+", type=Path)
    r.add_argument("--country", type=_country, required=True, help="ISO country code, e.g. KG")
    r.add_argument("--lang", choices=("ru", "en"), default="en", help="Russian, or English (a working translation)")
    r.add_argument("-o", "--output", type=Path, help=".docx, .html or .pdf (default: HTML on stdout)")
    r.set_defaults(func=cmd_report)

    a = sub.add_parser("aide-memoire", help="pocket (A6) list of a victim's rights under the country's law")
    a.add_argument("files", nargs="+", type=Path)
    a.add_argument("--country", type=_country, required=True, help="ISO country code, e.g. KG")
    a.add_argument("--lang", choices=("ru", "en", "ky"), required=True)
    a.add_argument("-o", "--output", type=Path, help=".docx, .html or .pdf (default: HTML on stdout)")
    a.set_defaults(func=cmd_aide_memoire)


def cmd_review(args: argparse.Namespace) -> int:
    """Move review decisions between databases as JSON (the database is LAWGAP_REVIEW_DB)."""
    from lawgap.publish.review_json import export_json, import_json
    from lawgap.store import ReviewStore

    store = ReviewStore()
    if args.action == "export":
        text = export_json(store, args.country)
        if args.output:
            from lawgap.publish.atomic import write_atomic

            write_atomic(args.output, text)
        else:
            emit(text)
        return 0
    from lawgap.parsers import read_checked

    source = args.file
    data = read_checked(source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(source, "not UTF-8 JSON") from None
    recorded, kept = import_json(store, text, str(source))
    print(f"{source}: {recorded} decisions recorded in {store.path}; {kept} kept, the database's being as recent")
    return 0


def add_review_commands(sub) -> None:
    r = sub.add_parser("review", help="export or import the review decisions (JSON)")
    actions = r.add_subparsers(dest="action", required=True)
    e = actions.add_parser("export", help="the decisions as JSON (stdout or -o FILE)")
    e.add_argument("--country", type=_country, help="only this country's decisions")
    e.add_argument("-o", "--output", type=Path, help="write here (atomically) instead of stdout")
    i = actions.add_parser("import", help="record the decisions of an export (the later decision stays)")
    i.add_argument("file", type=Path)
    r.set_defaults(func=cmd_review)


class _Parser(argparse.ArgumentParser):
    """argparse, with a hint when a file name that starts with a dash was taken for an option."""

    def error(self, message: str):
        if any(w in message for w in ("unrecognized arguments", "expected one argument", "are required")):
            dashed = [a for a in sys.argv[1:] if a.startswith("-") and Path(a).exists()]
            if dashed:
                message += f"; to read the file {dashed[0]!r}, write it as ./{dashed[0]} (or put -- before it)"
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="lawgap", description=__doc__.splitlines()[0])
    ap.add_argument("--version", action="version", version=f"lawgap {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("parse", help="parse one law file into its provision tree")
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=("json", "akn", "text"), default="json")
    p.add_argument("--lang", choices=("ru", "ky", "en"), help="override the detected language")
    p.add_argument("--style", choices=("civil", "common"), help="override the detected drafting style")
    p.add_argument("--country", type=_country, help="ISO country code, e.g. KG")
    p.set_defaults(func=cmd_parse)

    c = sub.add_parser("score", help="score one country's laws against the rule set")
    c.add_argument("files", nargs="+", type=Path)
    c.add_argument("--country", type=_country, required=True, help="ISO country code, e.g. KG")
    c.add_argument("--format", choices=("json", "csv", "table"), default="table")
    c.add_argument("--rules", type=Path, help="a rule file or folder instead of the shipped rule set")
    c.set_defaults(func=cmd_score)

    e = sub.add_parser("eval", help="measure the matcher and the BM25 baseline on the gold set")
    e.add_argument("--gold", type=Path, help="gold folder (default tests/gold)")
    e.set_defaults(func=cmd_eval)

    add_draft_commands(sub)

    s = sub.add_parser("scan", help="parse the laws in national_laws/ (or the given folders) and report")
    s.add_argument("folders", nargs="*", help="folders or files (default: national_laws)")
    s.add_argument("--no-score", action="store_true", help="only parse; do not score against the rule set")
    s.set_defaults(func=cmd_scan)
    add_review_commands(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except LawgapError as exc:
        print(f"lawgap: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last guard: a user sees one line, a developer sets LAWGAP_DEBUG
        if debug():
            raise
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
            print(f"lawgap: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_INPUT
        target = getattr(args, "file", None) or ", ".join(map(str, getattr(args, "files", []))) or "input"
        print(f"lawgap: error: {target}: could not be processed ({type(exc).__name__}: {exc})", file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
