"""Who is signed in and what they may do: adviser (every country), national reviewer (own country), viewer.

Reads: the accounts file (settings.accounts_path(), streamlit-authenticator's YAML with bcrypt-hashed passwords
and roles) or, when `[auth]` is configured in Streamlit's secrets, the OIDC identity of st.login. Writes: the
signed-in user into the session. Nobody signed in is a viewer: every page opens, nothing can be changed.

Every action that writes (a decision, an upload, a saved draft) asks `allowed` first, and the store is only
called when it says yes, so a disabled button is never the only guard.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st
import yaml

from lawgap.settings import accounts_path

ADVISER = "adviser"
NATIONAL_REVIEWER = "national_reviewer"
VIEWER = "viewer"
ROLES = (ADVISER, NATIONAL_REVIEWER, VIEWER)
SESSION_KEY = "lawgap_user"


@dataclass(frozen=True)
class User:
    username: str
    name: str
    role: str
    country: str | None = None

    @property
    def signature(self) -> str:
        """How the audit log names the user: the full name and the account ("Бек Асанов (bek)")."""
        return self.name if self.name == self.username else f"{self.name} ({self.username})"

    def may_change(self, country: str) -> bool:
        """Decide, upload or save a draft for `country`."""
        if self.role == ADVISER:
            return True
        return self.role == NATIONAL_REVIEWER and self.country == country


class NotAllowed(Exception):
    """An action refused to the signed-in user: an i18n key and its parameters."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(key)


def allowed(user: User | None, country: str) -> None:
    """Raise NotAllowed unless `user` may change what is recorded for `country`."""
    if user is None:
        raise NotAllowed("auth_sign_in_first")
    if not user.may_change(country):
        raise NotAllowed("auth_not_your_country", country=country)


# -- the accounts file ----------------------------------------------------------------------------


def read_accounts(path: Path | None = None) -> dict[str, dict]:
    """username -> its record; {} when there is no file yet (a fresh install)."""
    path = path or accounts_path()
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return dict((data.get("credentials") or {}).get("usernames") or {})


def user_of(username: str, record: dict) -> User:
    roles = record.get("roles") or [VIEWER]
    role = next((r for r in ROLES if r in roles), VIEWER)
    country = record.get("country")
    return User(username, record.get("name") or username, role, country.upper() if country else None)


def check_password(username: str, password: str, path: Path | None = None) -> User | None:
    """The user when the password matches its bcrypt hash, else None."""
    from streamlit_authenticator import Hasher

    record = read_accounts(path).get(username)
    if not record or not password or not Hasher.is_hash(str(record.get("password", ""))):
        return None
    return user_of(username, record) if Hasher.check_pw(password, record["password"]) else None


def add_account(
    username: str, password: str, role: str, *, name: str = "", country: str | None = None, path: Path | None = None
) -> Path:
    """Add or replace one account (the password stored as a bcrypt hash); written atomically."""
    import secrets

    from streamlit_authenticator import Hasher

    from lawgap.publish.atomic import write_atomic

    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if role == NATIONAL_REVIEWER and not country:
        raise ValueError("a national reviewer needs --country (KG, KZ, TJ, TM or UZ)")
    if len(password) < 8:
        raise ValueError("the password needs at least 8 characters")
    path = path or accounts_path()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    data = data or {"cookie": {"name": "lawgap", "key": secrets.token_hex(16), "expiry_days": 30}}
    users = data.setdefault("credentials", {}).setdefault("usernames", {})
    record = {"name": name or username, "email": "", "password": Hasher.hash(password), "roles": [role]}
    if country:
        record["country"] = country.upper()
    users[username] = record
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


# -- the session ----------------------------------------------------------------------------------


def oidc_configured() -> bool:
    """st.login works only with an [auth] section in .streamlit/secrets.toml."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def current() -> User | None:
    """The signed-in user, else None (a viewer)."""
    user = st.session_state.get(SESSION_KEY)
    if user is not None:
        return user
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        email = str(st.user.get("email") or "")
        for username, record in read_accounts().items():
            if email and (record.get("email") == email or username == email):
                return user_of(username, record)
        return User(email, str(st.user.get("name") or email), VIEWER)
    return None


def sign_in(username: str, password: str) -> User | None:
    user = check_password(username.strip(), password)
    if user is not None:
        st.session_state[SESSION_KEY] = user
    return user


def sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()
