"""The OpenAPI document: served, well formed, every route and error documented."""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from screening.http import screen_routes, service_routes
from screening.http.models import BatchResponse, ListsResponse, OwnershipResponse
from screening.results import ScreeningResult

pytest_plugins = ["http_fixtures"]


def _resolve(doc: dict[str, Any], node: object, seen: set[str]) -> None:
    """Fail on any ``$ref`` that does not point into the document."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref not in seen:
            assert ref.startswith("#/"), ref
            target: Any = doc
            for part in ref[2:].split("/"):
                assert part in target, f"dangling $ref {ref}"
                target = target[part]
            seen.add(ref)
            _resolve(doc, target, seen)
        for value in node.values():
            _resolve(doc, value, seen)
    elif isinstance(node, list):
        for value in node:
            _resolve(doc, value, seen)


def test_every_route_is_documented_with_its_responses(http_client: TestClient) -> None:
    response = http_client.get("/openapi.json")
    assert response.status_code == 200
    doc = response.json()
    assert doc["openapi"].startswith("3.")
    assert doc["info"]["title"] == "screening"
    routes = {
        (route.path, method.lower())
        for route in [*screen_routes.router.routes, *service_routes.router.routes]
        if isinstance(route, APIRoute)
        for method in route.methods
    }
    documented = {(path, method) for path, ops in doc["paths"].items() for method in ops}
    assert (
        routes
        == documented
        == {
            ("/v1/screen", "get"),
            ("/v1/screen", "post"),
            ("/v1/ownership", "post"),
            ("/v1/lists", "get"),
            ("/v1/admin/reload", "post"),
            ("/healthz", "get"),
            ("/readyz", "get"),
        }
    )
    for path, method in documented:
        op = doc["paths"][path][method]
        assert op["summary"], (path, method)
        assert "200" in op["responses"], (path, method)
        assert op["responses"]["200"]["content"]["application/json"]["schema"], (path, method)
    _resolve(doc, doc, set())


def test_documented_schemas_are_the_library_models(http_client: TestClient) -> None:
    doc = http_client.get("/openapi.json").json()
    schemas = doc["components"]["schemas"]

    def ref(path: str, method: str, status: str = "200") -> str:
        content = doc["paths"][path][method]["responses"][status]["content"]
        return str(content["application/json"]["schema"]["$ref"]).rsplit("/", 1)[1]

    assert ref("/v1/screen", "get") == "ScreeningResult"
    assert ref("/v1/screen", "post") == "BatchResponse"
    assert ref("/v1/ownership", "post") == "OwnershipResponse"
    assert ref("/v1/lists", "get") == "ListsResponse"
    for status in ("413", "422", "503"):
        assert ref("/v1/screen", "get", status) == "ErrorBody"
    assert set(schemas["ScreeningResult"]["properties"]) == set(ScreeningResult.model_fields)
    assert set(schemas["Hit"]["required"]) >= {"entry", "score", "explanation", "list"}
    params = {p["name"]: p for p in doc["paths"]["/v1/screen"]["get"]["parameters"]}
    assert params["name"]["required"] is True
    assert params["name"]["schema"]["maxLength"] == 1000
    batch = schemas["BatchRequest"]["properties"]["queries"]
    assert batch["maxItems"] == 1000


def test_responses_validate_against_the_documented_models(http_client: TestClient) -> None:
    ScreeningResult.model_validate_json(http_client.get("/v1/screen?name=Chen+Quanguo").content)
    batch = http_client.post("/v1/screen", json={"queries": [{"name": "Huo Liujun"}]})
    BatchResponse.model_validate_json(batch.content)
    ListsResponse.model_validate_json(http_client.get("/v1/lists").content)
    edges = {"edges": [{"owner": "X", "owned": "A", "percent": 50}], "seeds": ["X"]}
    OwnershipResponse.model_validate_json(http_client.post("/v1/ownership", json=edges).content)
