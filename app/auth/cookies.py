"""Cookie names and the CSRF token derived from them.

The session cookie is ``__Host-`` prefixed (and Secure) on https. The CSRF token is a keyed
hash of the session token, so it is tied to that session and needs no storage; visitors who
are not signed in get a random browser id cookie to tie their token to instead.
"""

import hmac

from fastapi import Request, Response

from app.auth.secrets import keyed_digest, new_token

SESSION_COOKIE = "leerkring_session"
SECURE_SESSION_COOKIE = "__Host-leerkring_session"
BROWSER_COOKIE = "leerkring_browser"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


def is_https(request: Request) -> bool:
    return request.url.scheme == "https"


def session_token(request: Request) -> str | None:
    return request.cookies.get(SECURE_SESSION_COOKIE) or request.cookies.get(SESSION_COOKIE)


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    secure = is_https(request)
    response.set_cookie(
        SECURE_SESSION_COOKIE if secure else SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/",
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    for name in (SESSION_COOKIE, SECURE_SESSION_COOKIE):
        if name in request.cookies:
            response.delete_cookie(name, path="/", secure=name.startswith("__Host-"), httponly=True)


def browser_id(request: Request) -> str:
    """This browser's random id: from its cookie, or a new one the response will set."""
    existing = request.cookies.get(BROWSER_COOKIE)
    if existing and 20 <= len(existing) <= 64:
        return existing
    state_id: str | None = getattr(request.state, "new_browser_id", None)
    if state_id is None:
        state_id = new_token()
        request.state.new_browser_id = state_id
    return state_id


def remember_browser(request: Request, response: Response) -> None:
    """Set the browser id cookie when this request had to make one up."""
    new_id: str | None = getattr(request.state, "new_browser_id", None)
    if new_id is not None:
        response.set_cookie(
            BROWSER_COOKIE,
            new_id,
            httponly=True,
            samesite="lax",
            secure=is_https(request),
            path="/",
        )


def csrf_token(request: Request) -> str:
    secret: str = request.app.state.settings.secret_key
    token = session_token(request)
    if token:
        return keyed_digest(secret, f"csrf:session:{token}")
    return keyed_digest(secret, f"csrf:browser:{browser_id(request)}")


def csrf_matches(request: Request, supplied: str | None) -> bool:
    return bool(supplied) and hmac.compare_digest(str(supplied), csrf_token(request))
