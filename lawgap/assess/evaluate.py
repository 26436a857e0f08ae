"""`lawgap eval`: the rule matcher and the BM25 baseline measured against the team's gold set.

Reads: tests/gold (judgements, law sets, the frozen split). Writes: precision, recall, status accuracy.

The gold set (tests/gold/) was made by reading the real corpus:
- sets.toml names each law set (a country's files in the corpus);
- evidence.tsv judges (set, file, article eid, rule) as relevant or not, with a one-line reason;
- evidence_pool.tsv does the same for a blind random sample of both methods' unjudged predictions;
- evidence_heldout.tsv for every later unjudged prediction of either method, judged blind before use;
- status.tsv gives the status a lawyer assigns to (set, rule), with a reason.
Evidence is compared at the article level: a prediction is an article the method offers as
evidence; precision counts only predictions the gold set has judged, and the output says how many
of all predictions that is.
"""

from __future__ import annotations

import csv
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lawgap.errors import InputError
from lawgap.settings import PROJECT_ROOT, corpus_dir

GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
# evidence.tsv: judgements written by reading the corpus; evidence_pool.tsv: a blind random sample
# of the pairs the two methods proposed that evidence.tsv had not judged, so that precision is not
# measured only on the pairs the first reading happened to cover; evidence_heldout.tsv: the blind
# rounds that judged every remaining pair the matcher or the baseline proposes.
EVIDENCE_FILES = ("evidence.tsv", "evidence_pool.tsv", "evidence_heldout.tsv")
EVIDENCE_MIN = 0.51  # an article must hold more than half of a rule's weight to be offered as evidence


@dataclass(frozen=True)
class Judgement:
    set: str
    file: str
    eid: str
    rule: str
    relevant: bool
    reason: str


@dataclass(frozen=True)
class StatusJudgement:
    set: str
    rule: str
    status: str
    reason: str


@dataclass(frozen=True)
class Scores:
    method: str
    language: str
    judged: int
    precision: float
    recall: float
    status_total: int
    status_accuracy: float
    predicted: int = 0  # evidence pairs the method offered for the judged rules
    predicted_judged: int = 0  # of which the gold set judges: precision rests on these only

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _rows(path: Path) -> Iterable[dict[str, str]]:
    if not path.exists():
        raise InputError(path, "gold file not found")
    with path.open(encoding="utf-8", newline="") as f:
        rows = (line for line in f if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(rows, delimiter="\t")


def load_gold(gold_dir: Path = GOLD_DIR) -> tuple[dict, list[Judgement], list[StatusJudgement]]:
    sets = tomllib.loads((gold_dir / "sets.toml").read_text(encoding="utf-8"))["sets"]
    judgements = []
    for name in EVIDENCE_FILES:
        path = gold_dir / name
        if name != EVIDENCE_FILES[0] and not path.exists():
            continue
        for i, r in enumerate(_rows(path), 2):
            if r["set"] not in sets or r["relevant"] not in ("1", "0"):
                raise InputError(path, f"row {i}: unknown set or relevant not 1/0")
            judgements.append(Judgement(r["set"], r["file"], r["eid"], r["rule"], r["relevant"] == "1", r["reason"]))
    statuses = [StatusJudgement(r["set"], r["rule"], r["status"], r["reason"]) for r in _rows(gold_dir / "status.tsv")]
    return sets, judgements, statuses


def evaluate(gold_dir: Path = GOLD_DIR) -> list[Scores]:
    """Precision and recall of evidence and accuracy of status, per method and language."""
    from lawgap.assess.baseline import Bm25Baseline
    from lawgap.assess.index import LawIndex
    from lawgap.assess.score import score_country
    from lawgap.parsers import load_law
    from lawgap.rules import load_rules

    sets, judgements, statuses = load_gold(gold_dir)
    rules = load_rules()
    # (method, language) -> counters
    tally: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for name, spec in sets.items():
        files = spec["files"]
        laws = [load_law(corpus_dir() / f, country=spec["country"]) for f in files]
        file_of = {law.sha256: f for law, f in zip(laws, files, strict=True)}
        lang_of = {f: law.language for law, f in zip(laws, files, strict=True)}
        set_lang = laws[0].language
        wanted = {j.rule for j in judgements if j.set == name} | {s.rule for s in statuses if s.set == name}
        subset = type(rules)(tuple(r for r in rules if r.id in wanted))
        ours = score_country(spec["country"], laws, subset)
        by_path = {law.source: f for law, f in zip(laws, files, strict=True)}
        from lawgap.assess.findings import law_id

        id_to_file = {law_id(law): by_path[law.source] for law in laws}
        predicted: dict[str, dict[str, set[tuple[str, str]]]] = {"lawgap": {}, "bm25": {}}
        status_of: dict[str, dict[str, str]] = {"lawgap": {}, "bm25": {}}
        for f in ours.findings:
            predicted["lawgap"][f.rule.id] = {
                (id_to_file[ev.law], ev.article) for ev in f.evidence if ev.score >= EVIDENCE_MIN
            }
            status_of["lawgap"][f.rule.id] = f.status
        base = Bm25Baseline([LawIndex(law) for law in laws])
        for rule in subset:
            b = base.assess(rule)
            predicted["bm25"][rule.id] = {(file_of[sha], eid) for sha, eid in b.evidence}
            status_of["bm25"][rule.id] = b.status
        for method in ("lawgap", "bm25"):
            gold_pos: dict[str, set] = defaultdict(set)
            judged: dict[str, dict] = defaultdict(dict)
            for j in judgements:
                if j.set == name:
                    judged[j.rule][(j.file, j.eid)] = j.relevant
                    if j.relevant:
                        gold_pos[j.rule].add((j.file, j.eid))
            for rule_id, pred in predicted[method].items():
                for key in pred:
                    t = tally[(method, lang_of.get(key[0], set_lang))]
                    t["predicted"] += 1
                    t["predicted_judged"] += key in judged.get(rule_id, {})
            for rule_id, marks in judged.items():
                pred = predicted[method].get(rule_id, set())
                for key, relevant in marks.items():
                    t = tally[(method, lang_of.get(key[0], set_lang))]
                    t["judged"] += 1
                    if key in pred:
                        t["pred_judged"] += 1
                        t["tp"] += relevant
                    t["pos"] += relevant
            for s in statuses:
                if s.set == name:
                    t = tally[(method, set_lang)]
                    t["status_total"] += 1
                    t["status_ok"] += status_of[method].get(s.rule) == s.status
    out = []
    for (method, lang), t in sorted(tally.items()):
        out.append(
            Scores(
                method,
                lang,
                t["judged"],
                t["tp"] / t["pred_judged"] if t["pred_judged"] else 0.0,
                t["tp"] / t["pos"] if t["pos"] else 0.0,
                t["status_total"],
                t["status_ok"] / t["status_total"] if t["status_total"] else 0.0,
                t["predicted"],
                t["predicted_judged"],
            )
        )
    return out


def format_scores(scores: list[Scores]) -> str:
    lines = ["method  lang  judged  precision  recall  F1     status (n)   predictions judged"]
    for s in scores:
        lines.append(
            f"{s.method:<7} {s.language:<5} {s.judged:>6}  {s.precision:9.3f}  {s.recall:6.3f}  {s.f1:5.3f}"
            f"  {s.status_accuracy:.3f} ({s.status_total})  {s.predicted_judged}/{s.predicted}"
        )
    return "\n".join(lines) + "\n"
