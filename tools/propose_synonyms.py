"""Propose near-synonyms for the Russian words of the rules' cues, for a lawyer to review.

    python3 tools/propose_synonyms.py [--floor 0.55] [--top 8] [--rule ID] [--laws FILE ...] > candidates.tsv

Laws say one thing in many words ("приют" / "кризисный центр" / "временное место пребывания"); cue lists
written from the corpus at hand miss the others. This script reads every Russian cue word of every element
(lawgap/rules/*.toml), finds its nearest neighbours in natasha's navec news embeddings (shipped inside the
natasha wheel: nothing is downloaded), keeps those at or above the similarity floor that are Russian lemmas
and not already cue words of that element, and prints them with their similarity and, with --laws, how
often they occur in those laws (give only laws the rules may be tuned on, never the frozen test split of
tests/gold/split.toml). Nothing here changes a rule: a reviewer adds the candidates a lawyer would accept to
the rule files by hand, as cues in the cue language, and says so in the commit.

Columns: rule, element, cue word, candidate, similarity, occurrences in --laws.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import sys
from collections import Counter

import numpy as np

_CYRILLIC = re.compile(r"^[а-яё]+$")


def navec_model():
    """natasha's navec news embeddings, read from inside its installed wheel."""
    from navec import Navec

    root = importlib.util.find_spec("natasha").submodule_search_locations[0]
    return Navec.load(os.path.join(root, "data", "emb", "navec_news_v1_1B_250K_300d_100q.tar"))


def lemma_matrix(nv, morph) -> tuple[list[str], np.ndarray]:
    """The navec words that are Russian lemmas, and their unit vectors."""
    words = [w for w in nv.vocab.words if _CYRILLIC.match(w) and len(w) > 2 and morph.parse(w)[0].normal_form == w]
    ids = np.array([nv.vocab[w] for w in words])
    vectors = nv.pq.unpack()[ids]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return words, vectors


def law_counts(paths: list[str]) -> Counter:
    from lawgap.assess.nlp import analyse_law
    from lawgap.parsers import load_law

    counts: Counter = Counter()
    for path in paths:
        for a in analyse_law(load_law(path)).values():
            counts.update(a.body.lemmas)
            counts.update(a.head.lemmas)
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--floor", type=float, default=0.55, help="least cosine similarity kept")
    ap.add_argument("--top", type=int, default=8, help="neighbours looked at per cue word")
    ap.add_argument("--rule", action="append", help="only these rule ids")
    ap.add_argument("--laws", nargs="*", default=[], help="law files to count candidates in (tuning laws only)")
    args = ap.parse_args(argv)

    import pymorphy3

    from lawgap.rules import load_rules

    morph = pymorphy3.MorphAnalyzer()
    nv = navec_model()
    words, vectors = lemma_matrix(nv, morph)
    index = {w: i for i, w in enumerate(words)}
    counts = law_counts(args.laws) if args.laws else Counter()
    print("rule\telement\tcue_word\tcandidate\tsimilarity\tin_laws")
    for rule in load_rules():
        if args.rule and rule.id not in args.rule:
            continue
        for element in rule.elements:
            own = {w for cue in element.cues.ru for word in cue.words for w in word.words}
            for word in sorted(own):
                if word not in index:
                    continue
                sims = vectors @ vectors[index[word]]
                for k in np.argsort(-sims)[1 : args.top + 1]:
                    candidate, sim = words[k], float(sims[k])
                    if sim >= args.floor and candidate not in own:
                        print(f"{rule.id}\t{element.id}\t{word}\t{candidate}\t{sim:.3f}\t{counts[candidate]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
