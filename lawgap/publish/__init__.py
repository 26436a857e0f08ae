"""The publish stage: what people and other tools receive.

Reads: Laws, a country's workspace (reviewed score) and drafts. Writes: the score as JSON/CSV/table
(coverage), the matrix as CSV/XLSX (matrix), Akoma Ntoso (akn, amendment_akn), Word and Markdown
drafts (docx, markdown), the report and the aide-memoire; every file atomically (atomic).
"""
