"""/v1/screen: the library's results byte for byte, input limits, JSON errors."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from http_support import UID_A

from screening import Screener
from screening.http.holder import lists_version
from screening.http.screen_routes import VERSION_HEADER

pytest_plugins = ["http_fixtures"]


def test_get_returns_the_library_result_byte_for_byte(
    http_client: TestClient, screener_a: Screener
) -> None:
    response = http_client.get(
        "/v1/screen", params={"name": "陈全国", "kind": "individual", "dob": "1955"}
    )
    assert response.status_code == 200
    expected = screener_a.screen("陈全国", kind="individual", dob="1955")
    assert response.content == expected.model_dump_json().encode()
    body = response.json()
    assert [h["entry"]["uid"] for h in body["hits"]] == [UID_A]
    assert body["hits"][0]["explanation"]["alignments"]
    assert body["lists"][0]["sample"] is True
    assert response.headers[VERSION_HEADER] == lists_version(screener_a.identities)


def test_get_passes_every_option(http_client: TestClient, screener_a: Screener) -> None:
    params = {"name": "Wang Ming", "country": "China", "threshold": "0.5", "limit": "2"}
    body = http_client.get("/v1/screen", params=params).json()
    expected = screener_a.screen("Wang Ming", country="China", threshold=0.5, limit=2)
    assert body == json.loads(expected.model_dump_json())
    assert body["options"] == {
        "threshold": 0.5,
        "limit": 2,
        "kind": None,
        "dob": None,
        "country": "CN",
    }


def test_post_batch_is_the_library_results_in_order(
    http_client: TestClient, screener_a: Screener
) -> None:
    queries = [
        {"name": "Chen Quanguo"},
        {"name": "Zhu Hailun", "dob": "1958-01", "country": "CN"},
        {"name": "Xinjiang Public Security Bureau", "kind": "entity", "limit": 1},
        {"name": "John Smith"},
    ]
    response = http_client.post("/v1/screen", json={"queries": queries})
    assert response.status_code == 200
    body = response.json()
    version = lists_version(screener_a.identities)
    assert body["lists_version"] == version == response.headers[VERSION_HEADER]
    expected = [
        json.loads(screener_a.screen(q.pop("name"), **q).model_dump_json())  # type: ignore[arg-type]
        for q in [dict(q) for q in queries]
    ]
    assert body["results"] == expected
    assert [len(r["hits"]) for r in body["results"]] == [1, 1, 1, 0]


def test_name_of_1000_characters_is_screened_1001_refused(http_client: TestClient) -> None:
    assert http_client.get("/v1/screen", params={"name": "Chen " * 200}).status_code == 200
    response = http_client.get("/v1/screen", params={"name": "x" * 1001})
    assert response.status_code == 422
    assert response.json() == {
        "error": "invalid_request",
        "detail": "name (query parameter): String should have at most 1000 characters",
    }


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({}, "name (query parameter): Field required"),
        ({"name": ""}, "name (query parameter): String should have at least 1 character"),
        ({"name": "a", "threshold": "0"}, "threshold (query parameter): Input should be greater"),
        ({"name": "a", "limit": "101"}, "limit (query parameter): Input should be less than or"),
        ({"name": "a", "kind": "ship"}, "kind (query parameter): Input should be 'individual'"),
        ({"name": "a", "treshold": "0.9"}, "treshold (query parameter): Extra inputs are not"),
    ],
    ids=["missing", "empty", "threshold-0", "limit-101", "kind", "misspelt-option"],
)
def test_bad_parameters_are_422_naming_the_field(
    http_client: TestClient, params: dict[str, str], detail: str
) -> None:
    response = http_client.get("/v1/screen", params=params)
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_request"
    assert response.json()["detail"].startswith(detail)


def test_values_the_library_refuses_are_422_with_its_message(http_client: TestClient) -> None:
    response = http_client.get("/v1/screen", params={"name": "Chen", "dob": "12/03/55"})
    assert response.status_code == 422
    assert response.json() == {
        "error": "invalid_input",
        "detail": "dob must be YYYY, YYYY-MM or YYYY-MM-DD, got '12/03/55'",
    }
    response = http_client.post(
        "/v1/screen", json={"queries": [{"name": "A", "country": "Narnia"}]}
    )
    assert response.status_code == 422
    assert "unknown country 'Narnia'" in response.json()["detail"]


def test_batch_of_1000_accepted_1001_refused(http_client: TestClient) -> None:
    response = http_client.post("/v1/screen", json={"queries": [{"name": "Li Wei"}] * 1000})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1000
    response = http_client.post("/v1/screen", json={"queries": [{"name": "Li Wei"}] * 1001})
    assert response.status_code == 422
    assert response.json()["detail"] == (
        "queries: List should have at most 1000 items after validation, not 1001"
    )


def test_batch_fields_are_checked_one_by_one(http_client: TestClient) -> None:
    queries = [{"name": "ok"}, {"name": "x" * 1001}, {"name": "ok", "colour": "red"}]
    response = http_client.post("/v1/screen", json={"queries": queries})
    assert response.status_code == 422
    assert response.json()["detail"] == (
        "queries[1].name: String should have at most 1000 characters; "
        "queries[2].colour: Extra inputs are not permitted"
    )


def test_malformed_json_is_422(http_client: TestClient) -> None:
    response = http_client.post(
        "/v1/screen", content=b'{"queries": [', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json() == {
        "error": "invalid_request",
        "detail": "request body: not valid JSON at character 13 (JSON decode error)",
    }


def test_body_over_the_limit_is_413_before_parsing(http_client: TestClient) -> None:
    big = b'{"queries": [' + b'{"name": "Li Wei"},' * 60_000 + b'{"name": "x"}]}'
    assert len(big) > 1024 * 1024
    response = http_client.post(
        "/v1/screen", content=big, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json() == {
        "error": "body_too_large",
        "detail": "the request body is larger than 1048576 bytes",
    }

    def chunks() -> object:  # no Content-Length: the limit is counted while reading
        for _ in range(20):
            yield b" " * 100_000

    response = http_client.post(
        "/v1/screen", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_unknown_route_and_method_are_json(http_client: TestClient) -> None:
    assert http_client.get("/v2/screen").json() == {"error": "not_found", "detail": "Not Found"}
    response = http_client.delete("/v1/screen")
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"


def test_internal_errors_show_no_traceback(
    http_client: TestClient, screener_a: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("index corrupt at /srv/secret/path")

    monkeypatch.setattr(screener_a, "screen", broken)
    response = http_client.get("/v1/screen", params={"name": "Chen Quanguo"})
    assert response.status_code == 500
    assert response.json() == {
        "error": "internal_error",
        "detail": "internal error; the server log has the details",
    }
    assert "Traceback" not in response.text and "secret" not in response.text
