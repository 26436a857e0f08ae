"""Drafting amendments that close gap and partial findings: terms, placement, instruction, redline."""
