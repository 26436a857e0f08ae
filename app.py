"""lawgap's Streamlit app: `streamlit run app.py`. Page config, sidebar (language, reviewer) and navigation only;
each page lives in lawgap/app/."""

from __future__ import annotations

import streamlit as st

from lawgap.app import compare, drafting, finding, gaps, laws, matrix, review_page, state
from lawgap.app.i18n import LANGUAGES, t
from lawgap.app.links import param


def sidebar() -> None:
    if "lang" not in st.session_state:
        st.session_state["lang"] = param("lang", list(LANGUAGES), "en")
    st.sidebar.radio(t("language"), list(LANGUAGES), format_func=LANGUAGES.get, key="lang", horizontal=True)
    st.query_params["lang"] = st.session_state["lang"]
    if "who" not in st.session_state:
        st.session_state["who"] = state.who()
    st.sidebar.text_input(t("who"), key="who")


st.set_page_config(page_title="lawgap", page_icon="⚖️", layout="wide")
sidebar()
pages = [
    st.Page(matrix.render, title=t("page_matrix"), url_path="matrix", default=True),
    st.Page(laws.render, title=t("page_laws"), url_path="laws"),
    st.Page(finding.render, title=t("page_finding"), url_path="finding"),
    st.Page(compare.render, title=t("page_compare"), url_path="compare"),
    st.Page(gaps.render, title=t("page_gaps"), url_path="gaps"),
    st.Page(review_page.render, title=t("page_review"), url_path="review"),
    st.Page(drafting.render, title=t("page_drafting"), url_path="drafting"),
]
with st.spinner(t("app_title")):
    state.corpus()
st.navigation(pages).run()
