"""Interface text in English and Russian; the language is chosen in the sidebar and kept in the URL.

Reads: the chosen language. Writes: interface strings, and the names of statuses, levels, categories,
countries, kinds of law, languages and instruments in that language.

`t("key", n=3)` gives the text in the current language. Both languages have every key (a test checks);
the texts themselves live in text_en.py and text_ru.py.
"""

from __future__ import annotations

import threading

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from lawgap.app.text_en import TEXT_EN
from lawgap.app.text_ru import TEXT_RU
from lawgap.vocab import COUNTRY_NAMES, KIND_NAMES

LANGUAGES = {"en": "English", "ru": "Русский"}
TEXT: dict[str, dict[str, str]] = {"en": TEXT_EN, "ru": TEXT_RU}


def per_run(fn):
    """Memoise a zero-argument function for one script run: st.session_state and st.query_params cost a
    fraction of a millisecond per read, and a matrix asks for the language thousands of times."""
    local = threading.local()

    def wrapper():
        ctx = get_script_run_ctx(suppress_warning=True)
        memo = getattr(local, "memo", None)
        if ctx is not None and memo is not None and memo[0] is ctx.cursors:
            return memo[1]
        value = fn()
        if ctx is not None:
            local.memo = (ctx.cursors, value)
        return value

    return wrapper


@per_run
def lang() -> str:
    """The interface language: the sidebar choice, else the URL's ?lang=, else English."""
    value = st.session_state.get("lang") or st.query_params.get("lang") or "en"
    return value if value in LANGUAGES else "en"


def t(key: str, **kw: object) -> str:
    text = TEXT[lang()].get(key) or TEXT["en"][key]
    return text.format(**kw) if kw else text


def status_label(status: str) -> str:
    return t(f"status_{status}")


def level_label(level: str) -> str:
    return t(f"level_{level}")


def category_label(category: str) -> str:
    key = f"cat_{category}"
    return t(key) if key in TEXT["en"] else category.replace("_", " ")


def target_label(target: str) -> str:
    """A target group in lower case ("children"), where category_label names a chapter ("Children")."""
    key = f"tgt_{target}"
    return t(key) if key in TEXT["en"] else target.replace("_", " ")


def country_name(code: str) -> str:
    """ "Кыргызская Республика" / "Kyrgyz Republic"; a country outside the project by its code."""
    names = COUNTRY_NAMES.get(code)
    if names is None:
        return code
    return names.name_ru if lang() == "ru" else names.name_en


def kind_name(kind: str | None) -> str:
    names = KIND_NAMES.get(kind or "")
    if names is None:
        return t("kind_unknown")
    return names.name_ru if lang() == "ru" else names.label_en


def language_name(code: str) -> str:
    key = f"lang_{code}"
    return t(key) if key in TEXT["en"] else code


def instrument_name(code: str) -> str:
    key = f"instr_{code}"
    return t(key) if key in TEXT["en"] else code
