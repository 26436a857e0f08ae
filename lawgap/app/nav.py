"""Moving between pages without reloading the browser page: in-app links are caught and become st.switch_page.

Reads: the pages app.py registers, the HTML a page builds (escaped by lawgap.app.render). Writes: the HTML,
shown by one small st.components.v2 component that turns a click on a link into a page switch with its
query parameters (country, rule, ...), and keeps the scroll position of its box across the switch.

A link keeps a real href, so it can be opened in a new tab (ctrl-click) or bookmarked: the permalink.
"""

from __future__ import annotations

import functools
import hashlib
import html as _html
import json
from urllib.parse import urlencode

import streamlit as st

from lawgap.app.i18n import lang
from lawgap.app.render import escape

# Filled by app.py: url path -> the st.Page object that st.switch_page needs.
PAGES: dict[str, object] = {}
# The parameters of the last in-app switch, read once by the pickers of the page it opens (lawgap.app.widgets).
PENDING = "_nav_pending"
GOTO = "_nav_goto"

_JS = """
export default function(component) {
  const { data, setTriggerValue, parentElement } = component;
  let root = parentElement.querySelector('div.lg-root');
  if (!root) {
    root = document.createElement('div');
    root.className = 'lg-root';
    parentElement.appendChild(root);
  }
  if (root.dataset.sig !== data.sig) {
    root.innerHTML = data.html;
    root.dataset.sig = data.sig;
    const box = root.querySelector('.lg-scroll');
    if (box && data.scroll) { box.scrollTop = data.scroll[0]; box.scrollLeft = data.scroll[1]; }
  }
  root.onclick = (e) => {
    const a = e.target.closest('a[data-page]');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    const box = root.querySelector('.lg-scroll');
    setTriggerValue('go', {
      page: a.dataset.page,
      params: JSON.parse(a.dataset.params || '{}'),
      scroll: box ? [box.scrollTop, box.scrollLeft] : [0, 0],
    });
  };
}
"""

CSS = """
.lg-root { font-family: var(--st-font, "Source Sans Pro", sans-serif); font-size: 0.95rem; }
.lg-root a { color: var(--st-link-color, #0b57d0); }
.lg-scroll { max-height: 75vh; overflow: auto; border: 1px solid #ddd; }
table.lg-matrix { border-collapse: separate; border-spacing: 0; font-size: 0.85rem; }
table.lg-matrix th, table.lg-matrix td { border-right: 1px solid #e0e0e0; border-bottom: 1px solid #e0e0e0;
  padding: 3px 8px; background: #fff; }
table.lg-matrix thead th { position: sticky; top: 0; z-index: 2; background: #eceff1; }
table.lg-matrix .req { position: sticky; left: 0; z-index: 1; min-width: 22em; max-width: 34em; text-align: left; }
table.lg-matrix thead th.req { z-index: 3; }
table.lg-matrix td.cell { text-align: center; min-width: 6.5em; padding: 0; }
table.lg-matrix td.cell a { display: block; padding: 4px 6px; text-decoration: none; font-weight: 700;
  font-size: 1.05rem; }
table.lg-matrix td.cell.reviewed a { outline: 2px dashed #37474f; outline-offset: -3px; }
table.lg-matrix td.cell .rv { font-size: 0.7rem; vertical-align: super; }
table.lg-matrix tr.cat th, table.lg-matrix tr.cat td { background: #eceff1; font-weight: 600; }
table.lg-matrix tr.total th, table.lg-matrix tr.total td { background: #f5f5f5; text-align: center; }
table.lg-matrix small { color: #607d8b; }
.lg-item { border: 1px solid #e0e0e0; border-radius: 0.5rem; padding: 0.5rem 0.8rem; margin: 0 0 0.5rem 0; }
.lg-law { border-left: 3px solid #90a4ae; padding: 0.3em 0.8em; background: #fafafa; }
.lg-badge { padding: 0.1em 0.5em; border-radius: 0.4em; font-weight: 600; }
mark { background: #fff59d; }
@media print { .lg-scroll { max-height: none; overflow: visible; border: none; } }
"""

_links = st.components.v2.component("lawgap_links", js=_JS, css=CSS)


def href(page: str, **params: str) -> str:
    """A relative URL to a page of this app (pages live at the top level: /finding, /review)."""
    query = urlencode({"lang": lang(), **{k: v for k, v in params.items() if v}})
    return f"{page}?{query}"


def anchor(page: str, label: str, *, title: str = "", css: str = "", raw_label: bool = False, **params: str) -> str:
    """An <a> the component turns into a page switch; its href still works in a new tab."""
    attrs = f' title="{_html.escape(title)}"' if title else ""
    attrs += f' class="{css}"' if css else ""
    data = _html.escape(json.dumps({k: v for k, v in params.items() if v}))
    text = label if raw_label else escape(label)
    return (
        f'<a href="{_html.escape(href(page, **params))}" target="_self" data-page="{page}" '
        f'data-params="{data}"{attrs}>{text}</a>'
    )


def show(html: str, key: str) -> None:
    """HTML with in-app links; a click switches page (keeping this box's scroll for the way back)."""
    scroll = st.session_state.get(f"_scroll_{key}")
    _links(
        data={"html": html, "sig": hashlib.md5(html.encode()).hexdigest(), "scroll": scroll},
        key=key,
        on_go_change=functools.partial(_went, key),
    )


def _went(key: str) -> None:
    """The click's callback, run before the next script run: the switch happens at the top of that run
    (follow()), so the page the click left is not rendered again."""
    go = st.session_state[key].get("go")
    if go:
        st.session_state[f"_scroll_{key}"] = go.get("scroll")
        st.session_state[GOTO] = (go["page"], go.get("params") or {})


def follow() -> None:
    """Called by app.py before the page runs: switch to where the last click asked to go."""
    goto = st.session_state.pop(GOTO, None)
    if goto:
        switch(goto[0], **goto[1])


def switch(page: str, **params: str) -> None:
    """Open a page of the app in this session (no reload); the language travels along."""
    target = PAGES.get(page)
    query = {"lang": lang(), **{k: v for k, v in params.items() if v}}
    if target is None:  # a page run on its own (tests): nothing to switch to
        return
    st.session_state[PENDING] = dict(params)
    st.switch_page(target, query_params=query)


def param(name: str, choices: list[str] | tuple[str, ...], default: str | None = None) -> str | None:
    """A query parameter, if it is one of the choices."""
    value = st.query_params.get(name)
    if value in choices:
        return value
    return default if default in choices else (choices[0] if choices else None)
