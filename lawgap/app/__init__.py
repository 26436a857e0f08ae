"""The Streamlit front end: one small module per page.

Reads: the workspace of each country (lawgap.app.state). Writes: pages; no page computes a score of its own.

Scores come from lawgap.assess.score and the review from lawgap.review; the pages only show them.
"""
