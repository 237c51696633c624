"""A learning session's room at once: many signed-in people against one server, on loopback.

The server (one uvicorn worker, as `leerkring serve` runs it) serves a fresh SQLite community
of --users practitioners in its own process; this process sends the request mix of
tests/served.py (pages, htmx fragments, a published PDF, a dilemma every tenth request) from
--connections concurrent connections for --seconds, then the same for static files from the
same server: the stylesheet, and a file with the PDF's very bytes. Prints requests/s, p50,
p99 and errors of each, and the ratios the performance issue asks for.

    .venv/bin/python bench/load.py [--users 100 --connections 50 --seconds 60]
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from alembic import command
from sqlmodel import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.auth.cookies import CSRF_HEADER, SESSION_COOKIE  # noqa: E402
from app.config import Settings  # noqa: E402
from app.db import create_db_engine  # noqa: E402
from tests.conftest import alembic_config  # noqa: E402
from tests.served import LoadWorld, build_load_world, free_port, request_for  # noqa: E402

# A published factsheet's size (the demo's 12-page PDF is about this large).
PDF_BYTES = 160_000
SERVER = """
import sys, uvicorn
from fastapi.staticfiles import StaticFiles
from app.config import Settings
from app.main import create_app
from app.serving import uvicorn_options
app = create_app(Settings())
app.mount("/bench-files", StaticFiles(directory=sys.argv[2]), name="bench-files")
options = uvicorn_options(Settings())
options.update(workers=1, access_log=False)
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), **options)
"""


@dataclass
class Figures:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    # what went wrong: "GET /path 500" or the exception's name, with how often
    failures: Counter[str] = field(default_factory=Counter)

    def line(self, name: str) -> str:
        ordered = sorted(self.latencies)
        p50 = statistics.median(ordered) * 1000 if ordered else 0.0
        p99 = ordered[int(len(ordered) * 0.99) - 1] * 1000 if ordered else 0.0
        failures = "".join(f"\n    {n} x {what}" for what, n in self.failures.most_common(5))
        return (
            f"{name:<34} {len(ordered) / self.seconds:>8.0f} req/s   p50 {p50:>7.1f} ms   "
            f"p99 {p99:>7.1f} ms   errors {self.errors}{failures}"
        )

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies)

    @property
    def p99(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[int(len(ordered) * 0.99) - 1]


async def run(
    base_url: str,
    connections: int,
    seconds: float,
    next_request: "RequestSource",
) -> Figures:
    figures = Figures()
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=60) as client:
        deadline = time.monotonic() + seconds

        async def connection(number: int) -> None:
            count = 0
            while time.monotonic() < deadline:
                method, path, kwargs = next_request(number, count)
                count += 1
                started = time.perf_counter()
                try:
                    response = await client.request(method, path, **kwargs)
                    failure = (
                        f"{method} {path.split('?')[0]} {response.status_code}"
                        if response.status_code >= 400
                        else ""
                    )
                except httpx.HTTPError as error:
                    failure = f"{method} {path.split('?')[0]} {type(error).__name__} {error!r}"[
                        :120
                    ]
                figures.latencies.append(time.perf_counter() - started)
                if failure:
                    figures.errors += 1
                    figures.failures[failure] += 1

        started = time.monotonic()
        await asyncio.gather(*(connection(n) for n in range(connections)))
        figures.seconds = time.monotonic() - started
    return figures


class RequestSource:
    """What connection ``number`` asks for the ``count``-th time."""

    def __call__(self, number: int, count: int) -> tuple[str, str, dict[str, object]]:
        raise NotImplementedError


class Mix(RequestSource):
    def __init__(self, world: LoadWorld, connections: int) -> None:
        self.world, self.connections = world, connections

    def __call__(self, number: int, count: int) -> tuple[str, str, dict[str, object]]:
        # Connections take turns with the users, so every user is active during the run.
        user = (number + count * self.connections) % len(self.world.users)
        method, path, kwargs = request_for(self.world, user, count)
        _initiative, token, csrf = self.world.users[user]
        headers = {
            **kwargs.pop("headers", {}),  # type: ignore[dict-item]
            "Cookie": f"{SESSION_COOKIE}={token}",
            CSRF_HEADER: csrf,
        }
        return method, path, {**kwargs, "headers": headers, "follow_redirects": False}


class Fixed(RequestSource):
    def __init__(self, path: str, headers: dict[str, str] | None = None) -> None:
        self.path, self.headers = path, headers or {}

    def __call__(self, number: int, count: int) -> tuple[str, str, dict[str, object]]:
        return "GET", self.path, {"headers": self.headers}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/load.db"
        command.upgrade(alembic_config(url), "head")
        secret = "bench-" + "k" * 40
        pdf = b"%PDF-1.7\n" + os.urandom(PDF_BYTES)
        engine = create_db_engine(url)
        with Session(engine, expire_on_commit=False) as db:
            world = build_load_world(db, users=arguments.users, secret_key=secret, pdf=pdf)
            db.commit()
        engine.dispose()
        files = Path(folder) / "files"
        files.mkdir()
        (files / "factsheet.pdf").write_bytes(pdf)

        port = free_port()
        environment = {
            **os.environ,
            "LEERKRING_DATABASE_URL": url,
            "LEERKRING_SECRET_KEY": secret,
            "LEERKRING_RENDER_IN_BACKGROUND": "false",
        }
        server = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(port), str(files)], env=environment, cwd=ROOT
        )
        try:
            base_url = f"http://127.0.0.1:{port}"
            for _ in range(200):
                try:
                    if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            Settings()  # the environment is valid here too
            print(
                f"{arguments.users} users, {arguments.connections} connections, "
                f"{arguments.seconds:.0f} s each, one uvicorn worker (httptools, uvloop)"
            )
            mix = asyncio.run(
                run(
                    base_url,
                    arguments.connections,
                    arguments.seconds,
                    Mix(world, arguments.connections),
                )
            )
            print(mix.line("pages, fragments, PDF, dilemmas"))
            css = asyncio.run(
                run(base_url, arguments.connections, arguments.seconds, Fixed("/static/app.css"))
            )
            print(css.line("static /static/app.css"))
            cookie = {"Cookie": f"{SESSION_COOKIE}={world.users[0][1]}"}
            short = max(5.0, arguments.seconds / 4)
            pdf_run = asyncio.run(
                run(
                    base_url,
                    arguments.connections,
                    short,
                    Fixed(f"/factsheets/{world.factsheet_id}/pdf", cookie),
                )
            )
            print(pdf_run.line(f"published PDF ({len(pdf) // 1000} kB)"))
            same_size = asyncio.run(
                run(base_url, arguments.connections, short, Fixed("/bench-files/factsheet.pdf"))
            )
            print(same_size.line("static file of the same size"))
            print()
            print(f"pages / static requests per second:   {mix.rate / css.rate:.2f}  (goal >= 0.5)")
            print(f"p99 / p50 of the mix:                 {mix.p99 / mix.p50:.1f}  (goal < 5)")
            print(
                f"PDF / same-size static, p50:          {pdf_run.p50 / same_size.p50:.2f}  "
                f"(goal <= 1.5; by req/s {same_size.rate / pdf_run.rate:.2f})"
            )
            print(
                f"errors:                               {mix.errors + css.errors + pdf_run.errors + same_size.errors}"
            )
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
