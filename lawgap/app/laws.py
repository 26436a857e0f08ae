"""Laws: what was read for each country, a law's text article by article (with a permalink to each article),
search across every loaded law, and adding, replacing or deleting the user's files.

Reads: the laws found (lawgap.app.state), the signed-in user. Writes: the user's law files, through
lawgap.app.uploads, only for a user who may change that country.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import streamlit as st

from lawgap.app import auth, nav, state, uploads, widgets
from lawgap.app.i18n import country_name, kind_name, lang, language_name, t
from lawgap.app.names import cite_in, law_title
from lawgap.app.render import escape, law_block
from lawgap.assess.findings import law_id
from lawgap.model import Law
from lawgap.settings import corpus_dir, laws_dir, max_bytes

UPLOAD_TYPES = ["docx", "pdf", "html", "htm", "txt", "md", "xml", "akn"]
HITS = 30


def table(laws: tuple[Law, ...]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("col_title"): law.title,
                t("col_kind"): kind_name(law.kind),
                t("col_language"): language_name(law.language),
                t("col_date"): law.date or "",
                t("col_articles"): len(law.articles()),
                t("col_provisions"): len(law.provisions),
                t("col_ocr"): "✔" if law.ocr else "",
                t("col_warnings"): len(law.warnings),
                t("col_file"): Path(law.source).name,
            }
            for law in laws
        ]
    )


def label(law: Law, eid: str) -> str:
    p = law.by_eid[eid]
    return f"{cite_in(law, eid)}" + (f" «{p.heading}»" if p.heading else "")


@st.cache_data(show_spinner=False, max_entries=50)
def _search(query: str, shas: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(law id, article eid, the words around the first hit) for articles holding the query."""
    q = query.lower()
    out = []
    for law in state.corpus().laws:
        for art in law.articles():
            text = law.full_text(art.eid)
            i = text.lower().find(q)
            if i >= 0:
                out.append((law_id(law), art.eid, text[max(0, i - 80) : i + len(q) + 80]))
                if len(out) >= HITS:
                    return out
    return out


def search() -> None:
    query = st.text_input(t("search_laws"), key="law_search")
    if len(query.strip()) < 3:
        return
    hits = _search(query.strip(), tuple(law.sha256 for law in state.corpus().laws))
    if not hits:
        st.info(t("search_none"))
        return
    by_id = state.corpus().by_id
    items = "".join(
        f"<li>{nav.anchor('laws', f'{label(by_id[lid], eid)} · {by_id[lid].title}', law=lid, eid=eid)}"
        f"<div class='lg-law'>{escape(snippet)}</div></li>"
        for lid, eid, snippet in hits
    )
    st.caption(t("search_hits", n=len(hits)))
    nav.show(f"<ul>{items}</ul>", key=f"search_{lang()}")


def reader(country: str) -> None:
    """One law, one article at a time: the picker by title, the article by number, its permalink."""
    laws = state.corpus().by_country.get(country, ())
    ids = [law_id(x) for x in laws]
    by_id = {law_id(x): x for x in laws}
    asked = widgets.linked("law")
    if asked in by_id:
        st.session_state["read_law"] = asked
    chosen = st.selectbox(
        t("read_law"),
        ids,
        format_func=lambda i: f"{by_id[i].title} ({language_name(by_id[i].language)})",
        key="read_law",
    )
    law = by_id[chosen]
    arts = [a.eid for a in law.articles()]
    if not arts:
        st.info(t("no_articles"))
        return
    eid = widgets.linked("eid")
    if eid in arts:
        st.session_state["read_eid"] = eid
    if st.session_state.get("read_eid") not in arts:
        st.session_state["read_eid"] = arts[0]
    article = st.selectbox(t("read_article"), arts, format_func=lambda e: label(law, e), key="read_eid")
    st.query_params["law"] = chosen
    st.query_params["eid"] = article
    url = html.escape(nav.href("laws", country=country, law=chosen, eid=article))
    st.markdown(
        f'<a class="permalink" href="{url}" target="_blank">{escape(t("permalink"))}</a>', unsafe_allow_html=True
    )
    chain = " › ".join(
        label(law, p.eid)
        if p.kind == "article"
        else f"{t('prov_' + p.kind)} {p.num or ''}".strip() + (f" «{p.heading}»" if p.heading else "")
        for p in law.ancestors(article)
    )
    if chain:
        st.caption(chain)
    st.markdown(law_block(law.full_text(article), (), law.language), unsafe_allow_html=True)
    if st.toggle(t("law_contents"), key="read_contents"):
        nav.show(contents(law, country), key=f"contents_{law_id(law)}_{lang()}")


GROUPS = ("book", "part", "section", "chapter")


def contents(law: Law, country: str) -> str:
    """The law's tree down to its articles, each article a link to read it here."""
    kids = law.children_of

    def branch(parent: str | None) -> str:
        items = []
        for p in kids.get(parent, ()):
            if p.kind in GROUPS:
                head = f"{t('prov_' + p.kind)} {p.num or ''}".strip() + (f" «{p.heading}»" if p.heading else "")
                items.append(f"<li>{escape(head)}{branch(p.eid)}</li>")
            elif law.is_article_level(p):
                items.append(
                    f"<li>{nav.anchor('laws', label(law, p.eid), country=country, law=law_id(law), eid=p.eid)}</li>"
                )
        return f"<ul>{''.join(items)}</ul>" if items else ""

    return f'<div class="lg-scroll">{branch(None)}</div>'


def upload(country: str) -> None:
    """Each file is checked (duplicate by content, type, size) and parsed before it is stored."""
    st.subheader(t("upload_header"))
    user = auth.current()
    if user is None:
        st.caption(t("auth_sign_in_to_upload"))
        return
    codes = state.countries() if user.role == auth.ADVISER else [user.country or country]
    if lang() == "ru":
        st.markdown(
            _UPLOADER_RU.format(button=t("upload_pick"), limit=t("upload_limit", mb=round(max_bytes() / 1048576))),
            unsafe_allow_html=True,
        )
    with st.form("upload", clear_on_submit=True):
        target = st.selectbox(t("upload_country"), codes, format_func=country_name, key="up_country")
        files = st.file_uploader(
            t("upload_files", mb=round(max_bytes() / 1048576)),
            type=UPLOAD_TYPES,
            accept_multiple_files=True,
            key="up_files",
        )
        go = st.form_submit_button(t("upload_button"))
    if not go or not files:
        return
    try:
        auth.allowed(user, target)
    except auth.NotAllowed as no:
        st.error(t(no.key, **{**no.params, "country": country_name(target)}))
        return
    bar = st.progress(0.0)
    added = 0
    for i, f in enumerate(files, 1):
        bar.progress((i - 1) / len(files), text=t("upload_progress", name=f.name, i=i, n=len(files)))
        try:
            law, _ = uploads.add_upload(f.name, f.getvalue(), target)
        except uploads.UploadProblem as problem:
            st.error(t(problem.key, **problem.params))
            continue
        added += 1
        st.success(t("upload_ok", name=f.name, title=law.title, articles=len(law.articles())))
    bar.progress(1.0, text="")
    if added:
        st.session_state["_uploaded"] = added
        st.rerun()


def manage(country: str) -> None:
    """Replace or delete one of the user's files (the shared corpus is read-only)."""
    user = auth.current()
    mine = [x for x in state.corpus().by_country.get(country, ()) if uploads.user_file(x) is not None]
    if not mine or user is None or not user.may_change(country):
        return
    st.subheader(t("manage_header"))
    by_id = {law_id(x): x for x in mine}
    chosen = st.selectbox(t("manage_pick"), list(by_id), format_func=lambda i: by_id[i].title, key="mg_law")
    law = by_id[chosen]
    cols = st.columns(2)
    with cols[0].form("replace", clear_on_submit=True):
        new = st.file_uploader(t("replace_with"), type=UPLOAD_TYPES, key="mg_file")
        if st.form_submit_button(t("replace_button")) and new is not None:
            try:
                auth.allowed(user, country)
                fresh, moved = uploads.replace_law(law, new.name, new.getvalue(), user.signature)
            except uploads.UploadProblem as problem:
                st.error(t(problem.key, **problem.params))
            except auth.NotAllowed as no:
                st.error(t(no.key, **{**no.params, "country": country_name(country)}))
            else:
                st.success(t("replaced", title=fresh.title, moved=moved))
    with cols[1].form("delete"):
        sure = st.checkbox(t("delete_sure", title=law.title), key="mg_sure")
        if st.form_submit_button(t("delete_button")) and sure:
            try:
                auth.allowed(user, country)
                uploads.delete(law)
            except (uploads.UploadProblem, auth.NotAllowed) as problem:
                st.error(t(problem.key, **{**problem.params, "country": country_name(country)}))
            else:
                st.rerun()


def orphans() -> None:
    gone = uploads.orphaned()
    if not gone:
        return
    st.subheader(t("orphans_header"))
    st.caption(t("orphans_intro"))
    rules = state.rules().by_id
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("audit_what"): t(f"verdict_{d.verdict}"),
                    t("col_requirement"): rules[d.rule].title(lang()) if d.rule in rules else t("rule_removed"),
                    t("col_provision"): cite_in(None, d.eid),
                    t("col_title"): law_title(d.law_sha256),
                    t("audit_who"): d.who,
                    t("audit_when"): d.at[:16].replace("T", " "),
                    t("audit_reason"): d.reason,
                }
                for d in gone
            ]
        ),
        hide_index=True,
        width="stretch",
    )


def render() -> None:
    st.header(t("laws_header"))
    country = widgets.country()
    st.caption(t("laws_intro", corpus=str(corpus_dir()), user=str(laws_dir())))
    corpus = state.corpus()
    if st.session_state.pop("_uploaded", 0):
        st.success(t("upload_done"))
    search()
    if country is not None:
        st.subheader(t("laws_of", country=country_name(country)))
        st.dataframe(table(corpus.by_country[country]), hide_index=True, width="stretch")
        with st.container(border=True):
            reader(country)
    if corpus.failures:
        with st.expander(f"{t('failed_files')} ({len(corpus.failures)})"):
            for path, error in corpus.failures:
                st.text(f"{Path(path).name}: {error}")
    upload(country or "")
    if country is not None:
        manage(country)
    orphans()


# Streamlit words its upload widget in English ("Upload", "100MB per file"): on a Russian page our words replace them.
_UPLOADER_RU = """<style>
[data-testid="stFileUploaderDropzone"] button {{font-size: 0}}
[data-testid="stFileUploaderDropzone"] button::after {{content: "{button}"; font-size: 0.9rem}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0}}
[data-testid="stFileUploaderDropzoneInstructions"]::after {{content: "{limit}"; font-size: 0.8rem; opacity: 0.7}}
</style>"""
