"""Random tokens, their stored hashes, password hashing and the password policy."""

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.labels import N_

# argon2id with the library's RFC 9106 low-memory profile (64 MiB, 3 passes).
_hasher = PasswordHasher()

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 128

# Every reason a password is refused, marked for translation where it is shown.
TOO_SHORT = N_("Use at least 12 characters.")
TOO_LONG = N_("Use at most 128 characters.")
BAD_CHARACTER = N_("The password contains a character that cannot be used.")
TOO_COMMON = N_("This password is too common; choose a longer phrase of your own.")
PERSONAL = N_("Do not use your name or email address in your password.")
PASSWORD_MESSAGES = (TOO_SHORT, TOO_LONG, BAD_CHARACTER, TOO_COMMON, PERSONAL)

# The most used passwords of 12+ characters, and words people reach for in this domain.
_COMMON = frozenset(
    [
        "123456789012",
        "1234567890123",
        "12345678901234",
        "123456789012345",
        "1234567890123456",
        "qwertyuiop12",
        "qwertyuiop123",
        "qwertyuiopasdf",
        "1q2w3e4r5t6y",
        "1qaz2wsx3edc",
        "qazwsxedcrfv",
        "password1234",
        "password12345",
        "password123456",
        "passwordpassword",
        "p@ssw0rd1234",
        "passw0rd1234",
        "iloveyou1234",
        "iloveyou12345",
        "abcdefghijkl",
        "abcdefghijklm",
        "abc123abc123",
        "aaaaaaaaaaaa",
        "111111111111",
        "000000000000",
        "123123123123",
        "121212121212",
        "987654321098",
        "welcome12345",
        "welkom123456",
        "welkom1234567",
        "wachtwoord12",
        "wachtwoord123",
        "wachtwoord1234",
        "wachtwoordwachtwoord",
        "letmein12345",
        "administrator",
        "admin1234567",
        "changeme1234",
        "trustno12345",
        "football1234",
        "leerkring123",
        "leerkring1234",
        "leerkring2026",
        "leerkring2027",
        "integralezorg",
        "gezinsteam123",
        "monkey123456",
        "dragon123456",
        "sunshine1234",
        "princess1234",
        "starwars1234",
        "baseball1234",
    ]
)


def new_token() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def keyed_digest(secret_key: str, message: str) -> str:
    return hmac.new(secret_key.encode(), message.encode(), hashlib.sha256).hexdigest()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    if stored_hash is None:
        # Spend the same time as a real check, so timing does not reveal unknown accounts.
        _hasher.hash(password)
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


def password_problem(
    password: str, *, email: str | None = None, name: str | None = None
) -> str | None:
    """Why a new password is refused, in words for the person choosing it; None when fine."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return TOO_SHORT
    if len(password) > MAX_PASSWORD_LENGTH:
        return TOO_LONG
    if "\x00" in password:
        return BAD_CHARACTER
    lowered = password.lower()
    if lowered in _COMMON or len(set(lowered)) <= 2:
        return TOO_COMMON
    for personal in (email, (email or "").split("@")[0], name):
        if personal and len(personal) >= 4 and personal.lower() in lowered:
            return PERSONAL
    return None
