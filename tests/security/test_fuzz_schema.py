"""Property-based fuzzing of the whole JSON API from its OpenAPI schema (Schemathesis).

For every operation in ``/openapi.json``, Schemathesis generates valid requests (positive mode,
with real ids so they reach the handlers) and requests that break the schema (negative mode:
wrong types, missing and extra fields, out-of-range values, odd Unicode). Every answer must be
below 500, and every 4xx must be the service's JSON error naming the problem.

Bounded for CI: ``POSITIVE`` + ``NEGATIVE`` examples per operation, derandomized (the same
cases on every run, so a failure reproduces), no example database.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from haven_testkit import Haven, haven_app, make_settings

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

POSITIVE = 30
NEGATIVE = 20
NOT_JSON = {"/metrics", "/v1/feedback/export"}  # text responses on success


@pytest.fixture(scope="module")
def haven(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Haven]:
    settings_ = make_settings(Path(tmp_path_factory.mktemp("fuzz")))
    with haven_app(settings_) as h:
        h.key("admin", "admin")
        h.key("mod", "moderator", ["c1"])
        client = h.key("client", "client", webhook_url="http://127.0.0.1:9/hook")
        results = h.moderate(client, *({"id": f"seed-{i}", "text": f"hate=0.6 seed {i}",
                                        "community_id": "c1"} for i in range(6))).json()
        ids = [r["review_id"] for r in results["results"]]
        mod = h.headers(h.keys["mod"])
        h.client.post(f"/v1/reviews/{ids[0]}/claim", headers=mod)
        h.client.post(f"/v1/reviews/{ids[0]}/decision", headers=mod, json={"action": "reject"})
        deliveries = h.client.get("/v1/webhooks/deliveries", headers=h.headers(client)).json()
        h.keys.update(review_id=ids[1], delivery_id=deliveries[0]["id"],
                      key_id=h.key("victim", "client").split("_")[1])
        yield h


def path_values(h: Haven) -> dict[str, str]:
    return {"review_id": h.keys["review_id"], "delivery_id": h.keys["delivery_id"],
            "key_id": h.keys["key_id"], "community_id": "c1"}


def send(h: Haven, case: Any) -> Any:
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    headers = {k: v for k, v in kwargs.pop("headers").items()
               if k.lower() not in {"authorization", "x-api-key", "accept-encoding", "connection"}}
    # Authenticated as admin (allowed everywhere), or bodies would never get past the 401.
    headers["Authorization"] = f"Bearer {h.keys['admin']}"
    kwargs.pop("cookies", None)
    body = {k: kwargs.pop(k) for k in ("json", "data", "content") if k in kwargs}
    if isinstance(body.get("data"), bytes | str):  # a raw body: httpx calls that content
        body["content"] = body.pop("data")
    return h.client.request(kwargs.pop("method"), kwargs.pop("url"), headers=headers,
                            params=kwargs.get("params"), **body)


def check(case: Any, response: Any) -> None:
    where = f"{case.method} {case.formatted_path}"
    assert response.status_code < 500, (where, response.status_code, response.text[:500])
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["code"] and error["message"], (where, error)
    elif case.path not in NOT_JSON and response.status_code != 204:
        response.json()


def fuzz(h: Haven, operation: Any, mode: Any, examples: int) -> None:
    fixed = {name: value for name, value in path_values(h).items()
             if mode == GenerationMode.POSITIVE and "{" + name + "}" in operation.path}
    strategy = operation.as_strategy(mode, path_parameters=fixed or None)

    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck),
              phases=[Phase.explicit, Phase.generate, Phase.shrink])
    @given(case=strategy)
    def run(case: Any) -> None:
        check(case, send(h, case))

    run()


def test_no_operation_answers_5xx(haven: Haven) -> None:
    schema = schemathesis.openapi.from_dict(haven.client.get("/openapi.json").json())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    failures: list[str] = []
    for operation in operations:
        for mode, examples in ((GenerationMode.POSITIVE, POSITIVE),
                               (GenerationMode.NEGATIVE, NEGATIVE)):
            try:
                fuzz(haven, operation, mode, examples)
            except Unsatisfiable:  # no parameters and no body: nothing to get wrong
                assert mode == GenerationMode.NEGATIVE
            except Exception as exc:  # noqa: BLE001 - collect every operation's failure
                failures.append(f"{operation.method.upper()} {operation.path} ({mode.value}): "
                                f"{type(exc).__name__}: {str(exc)[:800]}")
    assert not failures, "\n\n".join(failures)


def test_operations_cover_every_api_route(haven: Haven) -> None:
    """The fuzzing reaches every JSON route: none is hidden from the schema."""
    spec: dict[str, Any] = haven.client.get("/openapi.json").json()
    documented = {(m.upper(), p) for p, ops in spec["paths"].items() for m in ops}
    routes = {(m, r.path) for r in iter_route_contexts(haven.app.routes)
              if isinstance(r.original_route, APIRoute) and not r.path.startswith("/ui")
              for m in (r.methods or ())}
    assert routes == documented

