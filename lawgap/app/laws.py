"""Laws: what was read for each country (metadata, OCR, warnings), what failed, and an upload form.

Reads: the laws found and the upload form. Writes: an uploaded file, only after it parses.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from lawgap.app import state
from lawgap.app.i18n import t
from lawgap.settings import corpus_dir

UPLOAD_TYPES = ["docx", "pdf", "html", "htm", "txt", "md", "xml", "akn"]


def table(country: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("col_title"): law.title,
                t("col_kind"): law.kind or "?",
                t("col_language"): law.language,
                t("col_date"): law.date or "",
                t("col_articles"): len(law.articles()),
                t("col_provisions"): len(law.provisions),
                t("col_ocr"): "✔" if law.ocr else "",
                t("col_warnings"): "; ".join(law.warnings),
                t("col_file"): Path(law.source).name,
            }
            for law in state.corpus().by_country[country]
        ]
    )


def upload() -> None:
    """Each file is checked and parsed before it is stored; a refused file changes nothing."""
    from lawgap.settings import max_bytes

    st.subheader(t("upload_header"))
    with st.form("upload", clear_on_submit=True):
        country = st.text_input(t("upload_country"), max_chars=2, key="up_country")
        files = st.file_uploader(
            t("upload_files", mb=round(max_bytes() / 1048576)), accept_multiple_files=True, key="up_files"
        )
        go = st.form_submit_button(t("upload_button"))
    if not go or not files:
        return
    bar = st.progress(0.0)
    for i, f in enumerate(files, 1):
        bar.progress((i - 1) / len(files), text=t("upload_progress", name=f.name, i=i, n=len(files)))
        try:
            law = state.add_upload(f.name, f.getvalue(), country)
        except state.UploadProblem as problem:
            st.error(t(problem.key, **problem.params))
            continue
        st.success(t("upload_ok", name=f.name, title=law.title, articles=len(law.articles())))
    bar.progress(1.0, text="")


def render() -> None:
    st.header(t("laws_header"))
    st.caption(t("laws_intro", corpus=str(corpus_dir()), user=str(state.laws_dir())))
    corpus = state.corpus()
    if not corpus.laws:
        st.info(t("no_laws"))
    for country, laws in corpus.by_country.items():
        st.subheader(f"{country} ({len(laws)})")
        st.dataframe(table(country), hide_index=True, width="stretch")
    if corpus.failures:
        with st.expander(f"{t('failed_files')} ({len(corpus.failures)})"):
            for path, error in corpus.failures:
                st.text(f"{Path(path).name}: {error}")
    upload()
