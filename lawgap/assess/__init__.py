"""The assess stage: each requirement looked for in a country's laws, read the way a lawyer reads them.

Reads: Laws (lawgap.model), the rule set (lawgap.rules), resolved references (lawgap.refs).
Writes: a `CountryScore` of `Finding`s (lawgap.assess.findings). The modules, in the order data flows:
nlp (lemmas, sentences) -> index (lemma index) -> context (what a provision inherits) -> match (hits)
-> references (what an article relies on) -> score (findings) -> explain; findings holds the one
status function the review uses too; baseline and evaluate measure the matcher.
"""
