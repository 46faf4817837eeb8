"""Accounts of a served case: who may read it, who may change it, and their sessions.

A case served to others (``serve`` on an address other machines reach) needs accounts:
each person signs in, an *editor* may merge, split and upload, a *reader* may only look.
Passwords are kept as argon2id hashes, never as given; a session is a random token in a
cookie, and the case keeps only its sha256, so a copy of the case file opens no session.
Sessions live in the case itself, so several ``serve`` processes over one case share them.
Every write a signed-in person makes carries their name (``judgements.made_by``,
``documents.added_by``).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from firsthand.case.store import CaseFile
from firsthand.errors import FirsthandError

Role = Literal["editor", "reader"]
ROLES: tuple[Role, ...] = ("editor", "reader")
SESSION_LIFETIME = timedelta(hours=12)
MIN_PASSWORD = 10
NAME = re.compile(r"[\w.@+-]{1,64}")

hasher = PasswordHasher()  # argon2id with the library's current recommended cost
# Verified against when the name is unknown, so a wrong name costs what a wrong password does.
UNKNOWN_USER_HASH = hasher.hash(secrets.token_urlsafe(16))


class AccountError(FirsthandError):
    """An account that cannot be made, found or used as asked."""


@dataclass(frozen=True)
class User:
    name: str
    role: Role

    @property
    def can_write(self) -> bool:
        return self.role == "editor"


@dataclass(frozen=True)
class Session:
    user: User
    csrf: str  # the token every write of this session must carry


def add_user(case: CaseFile, name: str, password: str, role: Role = "reader") -> User:
    """Make an account; its password is kept only as an argon2id hash."""
    if not NAME.fullmatch(name):
        raise AccountError(f"{name!r}: a user name is 1 to 64 letters, digits or . @ + - _")
    if role not in ROLES:
        raise AccountError(f"{role!r}: the roles are {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")
    if case.db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
        raise AccountError(f"{name!r} has an account already")
    digest = hasher.hash(password)
    case.write(lambda: case.db.execute("INSERT INTO users VALUES (?, ?, ?, ?)", (name, digest, role, _now())))
    return User(name, role)


def remove_user(case: CaseFile, name: str) -> None:
    """Close the account and every session it has open."""
    if not case.db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
        raise AccountError(f"{name!r} has no account")

    def change() -> None:
        case.db.execute("DELETE FROM sessions WHERE user_name = ?", (name,))
        case.db.execute("DELETE FROM users WHERE name = ?", (name,))

    case.write(change)


def users(case: CaseFile) -> list[User]:
    return [User(n, r) for n, r in case.db.execute("SELECT name, role FROM users ORDER BY name")]


def has_accounts(case: CaseFile) -> bool:
    return case.db.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def check_password(case: CaseFile, name: str, password: str) -> User | None:
    """The user, if the password is theirs; None for a wrong name or password alike."""
    row = case.db.execute("SELECT password, role FROM users WHERE name = ?", (name,)).fetchone()
    digest, role = row if row else (UNKNOWN_USER_HASH, None)
    try:
        hasher.verify(digest, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return User(name, role) if role else None


def open_session(case: CaseFile, user: User) -> tuple[str, Session]:
    """A new session: the token for the cookie (kept nowhere but there) and what it opens."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    expires = (datetime.now(UTC) + SESSION_LIFETIME).isoformat(timespec="seconds")

    def change() -> None:
        case.db.execute("DELETE FROM sessions WHERE expires_at < ?", (_now(),))
        case.db.execute(
            "INSERT INTO sessions VALUES (?, ?, ?, ?, ?)", (_digest(token), user.name, csrf, _now(), expires)
        )

    case.write(change)
    return token, Session(user, csrf)


def session(case: CaseFile, token: str | None) -> Session | None:
    """The live session a cookie's token opens, or None."""
    if not token:
        return None
    row = case.db.execute(
        "SELECT u.name, u.role, s.csrf FROM sessions s JOIN users u ON u.name = s.user_name"
        " WHERE s.token_hash = ? AND s.expires_at > ?",
        (_digest(token), _now()),
    ).fetchone()
    return Session(User(row[0], row[1]), row[2]) if row else None


def close_session(case: CaseFile, token: str | None) -> None:
    if token:
        case.write(lambda: case.db.execute("DELETE FROM sessions WHERE token_hash = ?", (_digest(token),)))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
