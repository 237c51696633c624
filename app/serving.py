"""How uvicorn serves the app: workers, forwarded headers, and an access log without tokens."""

import copy
import logging
import re
from typing import Any

from app.config import Settings

# Personal links carry their token in the path; the access log must not keep it.
_SECRET_PATH = re.compile(r"(/(?:access|set-password)/)[^/?#\s\"]+")


class RedactSecretPaths(logging.Filter):
    """Replace the token in access-log lines for personal and set-password links."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                _SECRET_PATH.sub(r"\1[hidden]", arg) if isinstance(arg, str) else arg
                for arg in record.args
            )
        if isinstance(record.msg, str):
            record.msg = _SECRET_PATH.sub(r"\1[hidden]", record.msg)
        return True


def log_config() -> dict[str, Any]:
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["redact_secret_paths"] = {"()": RedactSecretPaths}
    for handler in config["handlers"].values():
        handler.setdefault("filters", []).append("redact_secret_paths")
    return config


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """Everything uvicorn.run / uvicorn.Config needs from the settings, besides host and port.

    Forwarded headers (X-Forwarded-For, -Proto) name the client's address for the rate limits
    and the audit log, so they are believed only from the proxies the operator lists; uvicorn
    on its own would believe any process on this machine.
    """
    return {
        "workers": settings.worker_count,
        "proxy_headers": bool(settings.forwarded_allow_ips),
        "forwarded_allow_ips": settings.forwarded_allow_ips or "",
        "access_log": settings.access_log,
        # Longer than a client's or proxy's idle timeout, so that the server is never the one
        # that closes a connection at the moment the other side sends on it (seen under load).
        "timeout_keep_alive": settings.keep_alive_seconds,
        "log_config": log_config(),
        # The server speaks HTTP/1.1 on httptools and runs its loop on uvloop (uvicorn[standard]).
        "http": "httptools",
        "loop": "uvloop",
    }
