"""`lawgap eval`: the rule matcher and the BM25 baseline measured against the team's gold set.

Reads: tests/gold (judgements, law sets, the frozen split). Writes: precision, recall, status accuracy and the
share of false "met" on mandatory rules, per method, split and language.

The gold set (tests/gold/) was made by reading the real corpus:
- sets.toml names each law set (a country's files in the corpus);
- evidence.tsv judges (set, file, article eid, rule) as relevant or not, with a one-line reason;
- evidence_pool.tsv does the same for a blind random sample of both methods' unjudged predictions;
- evidence_heldout.tsv for every later unjudged prediction of either method, judged blind before use;
- status.tsv gives the status a lawyer assigns to (set, rule), with a reason (met, partial, gap);
- split.toml freezes the test split: whole files whose evidence judgements are reported apart ("test"), and
  sets made of those files only, whose blind status judgements (status_test.tsv) know "not assessed";
- blind2.toml, blind3.toml: the later blind rounds, each a set judged whole (evidence and four-valued status)
  and measured once, before any change made from it; each is reported as its own split.
Evidence is compared at the article level: a prediction is an article the method offers as evidence;
precision counts only predictions the gold set has judged, and the output says how many of all predictions
that is. status.tsv predates "not assessed": its "gap" means "not in these texts" (its README), so a tool's
`not_assessed` counts as `gap` against it; status_test.tsv is compared on all four values.
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
from lawgap.vocab import GAP, MET, NOT_ASSESSED, STATUSES

GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
# evidence.tsv: judgements written by reading the corpus; evidence_pool.tsv: a blind random sample
# of the pairs the two methods proposed that evidence.tsv had not judged, so that precision is not
# measured only on the pairs the first reading happened to cover; evidence_heldout.tsv: the blind
# rounds that judged every remaining pair the matcher or the baseline proposes.
EVIDENCE_FILES = ("evidence.tsv", "evidence_pool.tsv", "evidence_heldout.tsv")
EVIDENCE_MIN = 0.51  # an article must hold more than half of a rule's weight to be offered as evidence
TUNE, TEST = "tune", "test"
# the blind rounds, each a set measured once before any change made from it: blindN.toml with its
# evidence_blindN.tsv and status_blindN.tsv; `lawgap eval` reports each as its own split
BLIND_ROUNDS = (
    "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12",
    "blind13",
    "blind14",
    "blind15",
    "blind16",
    "blind17",
    "blind18",
    "blind19",
    "blind20",
    "blind21",
)  # fmt: skip
MANDATORY = "mandatory"


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
class BlindRound:
    """One blind round: its label (the split it is reported as), law sets, evidence and status judgements."""

    label: str
    sets: dict
    judgements: tuple[Judgement, ...]
    statuses: tuple[StatusJudgement, ...]


@dataclass(frozen=True)
class Gold:
    """The gold set as read: `sets` and their judgements are the tuning data plus the evidence judged in test
    files; `test_sets` (only test files) carry the blind four-valued status judgements of the test split."""

    sets: dict
    judgements: tuple[Judgement, ...]
    statuses: tuple[StatusJudgement, ...]
    test_files: frozenset[str] = frozenset()
    test_sets: dict | None = None
    test_statuses: tuple[StatusJudgement, ...] = ()
    # the blind rounds present (BLIND_ROUNDS): label -> their sets, evidence and four-valued statuses
    blind: tuple[BlindRound, ...] = ()


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
    split: str = TUNE
    false_met: int = 0  # judged rules the method calls met, mandatory for the country, that the gold set does not

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_met_share(self) -> float:
        return self.false_met / self.status_total if self.status_total else 0.0


def _rows(path: Path) -> Iterable[dict[str, str]]:
    if not path.exists():
        raise InputError(path, "gold file not found")
    with path.open(encoding="utf-8", newline="") as f:
        rows = (line for line in f if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(rows, delimiter="\t")


def _statuses(path: Path, sets: dict, allowed: tuple[str, ...]) -> tuple[StatusJudgement, ...]:
    out = []
    for i, r in enumerate(_rows(path), 2):
        if r["set"] not in sets or r["status"] not in allowed:
            raise InputError(path, f"row {i}: unknown set or status not one of {', '.join(allowed)}")
        out.append(StatusJudgement(r["set"], r["rule"], r["status"], r["reason"]))
    return tuple(out)


def _judgements(path: Path, sets: dict) -> list[Judgement]:
    out = []
    for i, r in enumerate(_rows(path), 2):
        if r["set"] not in sets or r["relevant"] not in ("1", "0"):
            raise InputError(path, f"row {i}: unknown set or relevant not 1/0")
        out.append(Judgement(r["set"], r["file"], r["eid"], r["rule"], r["relevant"] == "1", r["reason"]))
    return out


def _blind(gold_dir: Path) -> tuple[BlindRound, ...]:
    out = []
    for label in BLIND_ROUNDS:
        path = gold_dir / f"{label}.toml"
        if not path.exists():
            continue
        sets = tomllib.loads(path.read_text(encoding="utf-8"))["sets"]
        judgements = tuple(_judgements(gold_dir / f"evidence_{label}.tsv", sets))
        out.append(BlindRound(label, sets, judgements, _statuses(gold_dir / f"status_{label}.tsv", sets, STATUSES)))
    return tuple(out)


def load_gold(gold_dir: Path = GOLD_DIR) -> Gold:
    sets = tomllib.loads((gold_dir / "sets.toml").read_text(encoding="utf-8"))["sets"]
    judgements = []
    for name in EVIDENCE_FILES:
        path = gold_dir / name
        if name != EVIDENCE_FILES[0] and not path.exists():
            continue
        judgements += _judgements(path, sets)
    statuses = _statuses(gold_dir / "status.tsv", sets, (MET, "partial", GAP))
    split_path = gold_dir / "split.toml"
    if not split_path.exists():
        return Gold(sets, tuple(judgements), statuses)
    split = tomllib.loads(split_path.read_text(encoding="utf-8"))
    test_sets = split.get("sets", {})
    test_path = gold_dir / "status_test.tsv"
    test_statuses = _statuses(test_path, test_sets, STATUSES) if test_path.exists() else ()
    return Gold(
        sets, tuple(judgements), statuses, frozenset(split["test_files"]), test_sets, test_statuses, _blind(gold_dir)
    )


@dataclass(frozen=True)
class _Scored:
    """One law set read by both methods: evidence (file, article eid) and status per rule, levels, languages."""

    evidence: dict[str, dict[str, set[tuple[str, str]]]]
    status: dict[str, dict[str, str]]
    level: dict[str, str]
    language: dict[str, str]  # file -> language
    set_language: str


FIXTURE_PREFIX = "tests/fixtures/"


def gold_law_path(file: str) -> Path:
    """A gold set's file: an invented fixture of this repository ("tests/fixtures/...") or a corpus text."""
    return PROJECT_ROOT / file if file.startswith(FIXTURE_PREFIX) else corpus_dir() / file


def _score_set(spec: dict, rule_ids: set[str], rules) -> _Scored:
    from lawgap.assess.baseline import Bm25Baseline
    from lawgap.assess.findings import law_id
    from lawgap.assess.index import LawIndex
    from lawgap.assess.score import score_country
    from lawgap.parsers import load_law

    files = spec["files"]
    laws = [load_law(gold_law_path(f), country=spec["country"]) for f in files]
    file_of = {law_id(law): f for law, f in zip(laws, files, strict=True)}
    sha_file = {law.sha256: f for law, f in zip(laws, files, strict=True)}
    subset = type(rules)(tuple(r for r in rules if r.id in rule_ids))
    ours = score_country(spec["country"], laws, subset)
    evidence: dict[str, dict[str, set[tuple[str, str]]]] = {"lawgap": {}, "bm25": {}}
    status: dict[str, dict[str, str]] = {"lawgap": {}, "bm25": {}}
    level = {}
    for f in ours.findings:
        evidence["lawgap"][f.rule.id] = {(file_of[ev.law], ev.article) for ev in f.evidence if ev.score >= EVIDENCE_MIN}
        status["lawgap"][f.rule.id] = f.status
        level[f.rule.id] = f.obligation
    base = Bm25Baseline([LawIndex(law) for law in laws])
    for rule in subset:
        b = base.assess(rule)
        evidence["bm25"][rule.id] = {(sha_file[sha], eid) for sha, eid in b.evidence}
        status["bm25"][rule.id] = b.status
    language = {f: law.language for law, f in zip(laws, files, strict=True)}
    return _Scored(evidence, status, level, language, laws[0].language)


def _tally_evidence(
    tally, gold: Gold, name: str, scored: _Scored, judgements: Iterable[Judgement] = (), split: str = ""
) -> None:
    """`split`: one label for every file of the set (the blind round), else tune or test by file."""
    judged: dict[str, dict[tuple[str, str], bool]] = defaultdict(dict)
    for j in judgements or gold.judgements:
        if j.set == name:
            judged[j.rule][(j.file, j.eid)] = j.relevant

    def split_of(file: str) -> str:
        return split or (TEST if file in gold.test_files else TUNE)

    for method, predicted in scored.evidence.items():
        for rule_id, pred in predicted.items():
            for key in pred:
                t = tally[(method, split_of(key[0]), scored.language[key[0]])]
                t["predicted"] += 1
                t["predicted_judged"] += key in judged.get(rule_id, {})
        for rule_id, marks in judged.items():
            pred = predicted.get(rule_id, set())
            for key, relevant in marks.items():
                t = tally[(method, split_of(key[0]), scored.language[key[0]])]
                t["judged"] += 1
                if key in pred:
                    t["pred_judged"] += 1
                    t["tp"] += relevant
                t["pos"] += relevant


def _tally_status(tally, judgements: Iterable[StatusJudgement], split: str, scored: _Scored) -> None:
    for s in judgements:
        for method, status in scored.status.items():
            said = status.get(s.rule)
            if split == TUNE and said == NOT_ASSESSED:
                said = GAP  # status.tsv's gap means "not in these texts"
            t = tally[(method, split, scored.set_language)]
            t["status_total"] += 1
            t["status_ok"] += said == s.status
            t["false_met"] += said == MET and s.status != MET and scored.level.get(s.rule) == MANDATORY


def evaluate(gold_dir: Path = GOLD_DIR) -> list[Scores]:
    """Precision and recall of evidence, accuracy of status and false "met" on mandatory rules, per method,
    split (tune, test) and language."""
    from lawgap.rules import load_rules

    gold = load_gold(gold_dir)
    rules = load_rules()
    tally: dict[tuple[str, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for name, spec in gold.sets.items():
        wanted = {j.rule for j in gold.judgements if j.set == name} | {s.rule for s in gold.statuses if s.set == name}
        scored = _score_set(spec, wanted, rules)
        _tally_evidence(tally, gold, name, scored)
        _tally_status(tally, (s for s in gold.statuses if s.set == name), TUNE, scored)
    for name, spec in (gold.test_sets or {}).items():
        judged = [s for s in gold.test_statuses if s.set == name]
        _tally_status(tally, judged, TEST, _score_set(spec, {s.rule for s in judged}, rules))
    for blind in gold.blind:
        for name, spec in blind.sets.items():
            statuses = [s for s in blind.statuses if s.set == name]
            evidence = [j for j in blind.judgements if j.set == name]
            scored = _score_set(spec, {s.rule for s in statuses} | {j.rule for j in evidence}, rules)
            _tally_evidence(tally, gold, name, scored, evidence, blind.label)
            _tally_status(tally, statuses, blind.label, scored)
    out = []
    for (method, split, lang), t in sorted(tally.items()):
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
                split,
                t["false_met"],
            )
        )
    return out


def format_scores(scores: list[Scores]) -> str:
    lines = ["method  split  lang  judged  precision  recall  F1     status (n)   false met  predictions judged"]
    order = {TUNE: 0, TEST: 1, **{label: 2 + k for k, label in enumerate(BLIND_ROUNDS)}}
    for s in sorted(scores, key=lambda s: (order.get(s.split, 3), s.method, s.language)):
        lines.append(
            f"{s.method:<7} {s.split:<6} {s.language:<5} {s.judged:>6}  {s.precision:9.3f}  {s.recall:6.3f}"
            f"  {s.f1:5.3f}  {s.status_accuracy:.3f} ({s.status_total:>3})  {s.false_met_share:.3f} ({s.false_met:>2})"
            f"  {s.predicted_judged}/{s.predicted}"
        )
    return "\n".join(lines) + "\n"
