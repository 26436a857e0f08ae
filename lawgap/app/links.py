"""Links between pages that carry their subject in the URL (?country=KG&rule=...), so a finding

Reads: the query parameters. Writes: links and the choices they carry.

can be bookmarked, opened from the matrix with one click, and reopened after a restart."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import streamlit as st

from lawgap.app.i18n import lang
from lawgap.app.render import escape


def href(page: str, **params: str) -> str:
    """A relative URL to a page of this app (pages live at the top level: /finding, /review)."""
    query = urlencode({"lang": lang(), **{k: v for k, v in params.items() if v}})
    return f"{page}?{query}"


def anchor(page: str, label: str, *, title: str = "", css: str = "", **params: str) -> str:
    """An <a> that opens in the same tab (Streamlit opens links in a new one unless told)."""
    attrs = f' title="{html.escape(title)}"' if title else ""
    attrs += f' class="{css}"' if css else ""
    return f'<a href="{html.escape(href(page, **params))}" target="_self"{attrs}>{escape(label)}</a>'


def param(name: str, choices: list[str] | tuple[str, ...], default: str | None = None) -> str | None:
    """A query parameter, if it is one of the choices."""
    value = st.query_params.get(name)
    if value in choices:
        return value
    return default if default in choices else (choices[0] if choices else None)
