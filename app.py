"""lawgap's Streamlit app: `streamlit run app.py`. Page config, the sidebar (language, sign-in), the first
reading of the laws with its progress, and navigation only; each page lives in lawgap/app/."""

from __future__ import annotations

import streamlit as st

from lawgap.app import auth, compare, drafting, finding, gaps, laws, matrix, nav, review_page, state
from lawgap.app.i18n import LANGUAGES, country_name, t
from lawgap.settings import accounts_path


def language() -> None:
    if "lang" not in st.session_state:
        st.session_state["lang"] = nav.param("lang", list(LANGUAGES), "en")
    st.sidebar.radio(t("language"), list(LANGUAGES), format_func=LANGUAGES.get, key="lang", horizontal=True)
    st.query_params["lang"] = st.session_state["lang"]


def sign_in() -> None:
    """Who is deciding: signed in with a password (or OIDC), else a read-only viewer."""
    box = st.sidebar.container(border=True)
    user = auth.current()
    if user is not None:
        where = f", {country_name(user.country)}" if user.country else ""
        box.markdown(t("auth_signed_in", name=user.name, role=t(f"role_{user.role}"), where=where))
        if box.button(t("auth_sign_out"), key="sign_out"):
            auth.sign_out()
            st.rerun()
        return
    if not auth.read_accounts() and not auth.oidc_configured():
        box.caption(t("auth_first_run", path=str(accounts_path())))
        box.code("python3 -m lawgap.app.accounts add NAME --role adviser", language="bash")
        return
    box.caption(t("auth_viewer"))
    if auth.oidc_configured() and box.button(t("auth_sign_in_oidc"), key="sign_in_oidc"):
        st.login()
    with box.popover(t("auth_sign_in")), st.form("sign_in", clear_on_submit=True):
        username = st.text_input(t("auth_username"), key="si_user")
        password = st.text_input(t("auth_password"), type="password", key="si_password")
        if st.form_submit_button(t("auth_sign_in")):
            if auth.sign_in(username, password) is None:
                st.error(t("auth_failed"))
            else:
                st.rerun()


def warm() -> None:
    """The first start of a server reads every law and scores every country, showing which law it reads."""
    if state.is_warm():
        return
    bar = st.progress(0.0, text=t("loading"))

    def tell(share: float, what: str, name: str) -> None:
        text = t("loading_law", name=name) if what == "law" else t("loading_country", country=country_name(name))
        bar.progress(share, text=text)

    state.warm(tell)
    bar.empty()


st.set_page_config(page_title="lawgap", page_icon="⚖️", layout="wide")
language()
pages = {
    "matrix": st.Page(matrix.render, title=t("page_matrix"), url_path="matrix", default=True),
    "finding": st.Page(finding.render, title=t("page_finding"), url_path="finding"),
    "gaps": st.Page(gaps.render, title=t("page_gaps"), url_path="gaps"),
    "compare": st.Page(compare.render, title=t("page_compare"), url_path="compare"),
    "drafting": st.Page(drafting.render, title=t("page_drafting"), url_path="drafting"),
    "review": st.Page(review_page.render, title=t("page_review"), url_path="review"),
    "laws": st.Page(laws.render, title=t("page_laws"), url_path="laws"),
}
nav.PAGES.update(pages)
page = st.navigation(list(pages.values()))
nav.follow()
sign_in()
warm()
page.run()
