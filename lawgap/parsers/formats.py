"""The file formats lawgap reads, by file-name suffix.

Reads: nothing. Writes: the table. Kept apart from the readers so that the catalogue (which checks
the file names it suggests) can name the formats without importing the readers that use it.
"""

from __future__ import annotations

SUFFIXES = {
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xml": "akn",
    ".akn": "akn",
}
