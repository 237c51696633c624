"""Walk the app's effective routes (paths with their prefixes) and their access rules."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from app.auth.dependencies import route_rule


@dataclass(frozen=True)
class RouteInfo:
    path: str
    methods: frozenset[str]
    endpoint: Callable[..., Any]
    rule: str | None


def _calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _calls(sub)


def iter_routes(app: FastAPI) -> Iterator[RouteInfo]:
    """Every API route of the app, with the full path under which it answers."""
    for route in app.routes:
        contexts = getattr(route, "effective_route_contexts", None)
        if contexts is None:
            continue  # Starlette routes: static files, the OpenAPI documents
        for context in contexts():
            effective = context.starlette_route or context.original_route
            if not isinstance(effective, APIRoute):
                continue
            yield RouteInfo(
                path=context.path,
                methods=frozenset(context.methods),
                endpoint=effective.endpoint,
                rule=route_rule(list(_calls(effective.dependant))),
            )


def routes_without_rule(app: FastAPI) -> list[str]:
    return [f"{' '.join(sorted(r.methods))} {r.path}" for r in iter_routes(app) if r.rule is None]
