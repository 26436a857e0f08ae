"""Drafting amendments that close gap and partial findings: terms, placement, instruction, redline.

Reads: a workspace (laws and the reviewed score). Writes: `Draft`s (lawgap.drafting.draft).
"""
