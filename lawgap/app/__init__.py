"""The Streamlit front end: one small module per page.

Scores come from lawgap.assess.score and the review from lawgap.review; the pages only show them.
"""
