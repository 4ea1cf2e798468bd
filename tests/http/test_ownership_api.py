"""/v1/ownership: the library's report for an edge set, explanations included."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from screening import OwnershipGraph

pytest_plugins = ["http_fixtures"]

# The README example: X (listed, SDGT) holds 50% of A and 10% of B; A holds 40% of B.
EDGES = [
    {"owner": "X", "owned": "A", "percent": 50},
    {"owner": "X", "owned": "B", "percent": "10"},
    {"owner": "A", "owned": "B", "percent": "40", "start": "2020-01-01", "source": "register.csv"},
]


def test_blocked_with_shares_and_the_library_explanation(http_client: TestClient) -> None:
    request = {"edges": EDGES, "seeds": {"X": ["SDGT"]}, "as_of": "2024-06-01"}
    response = http_client.post("/v1/ownership", json=request)
    assert response.status_code == 200
    body = response.json()
    assert (body["regime"], body["as_of"]) == ("OFAC", "2024-06-01")
    assert body["blocked"] == ["A", "B", "X"]
    assert body["possibly_blocked"] == [] and body["issues"] == []
    parties = {p["id"]: p for p in body["parties"]}
    assert (parties["B"]["status"], parties["B"]["share"]) == ("blocked", "50")
    assert parties["X"]["programs"] == ["SDGT"]

    graph = OwnershipGraph()
    graph.add_edge("X", "A", 50, line="edges[0]")
    graph.add_edge("X", "B", "10", line="edges[1]")
    graph.add_edge("A", "B", "40", start="2020-01-01", source="register.csv", line="edges[2]")
    report = graph.blocked({"X": ["SDGT"]}, as_of="2024-06-01")
    assert parties["B"]["explanation"] == json.loads(report.explain("B").model_dump_json())
    steps = parties["B"]["explanation"]["steps"]
    assert [s["entity"] for s in steps] == ["X", "A", "B"]


def test_json_numbers_are_the_percentages_written(http_client: TestClient) -> None:
    # 16.33 + 32.73 + 0.94 is exactly 50 in decimals, not in binary floats.
    edges = [
        {"owner": "P", "owned": "T", "percent": 16.33},
        {"owner": "Q", "owned": "T", "percent": 32.73},
        {"owner": "R", "owned": "T", "percent": 0.94},
    ]
    body = http_client.post("/v1/ownership", json={"edges": edges, "seeds": ["P", "Q", "R"]}).json()
    assert "T" in body["blocked"]
    (t,) = [p for p in body["parties"] if p["id"] == "T"]
    assert t["share"] == "50"


def test_ranges_unknown_shares_control_and_regimes(http_client: TestClient) -> None:
    edges = [
        {"owner": "Y", "owned": "D", "percent": "(25, 50]"},
        {"owner": "Z", "owned": "D", "percent": [20, 30]},
        {"owner": "Y", "owned": "E", "percent": None},
    ]
    controls = [{"controller": "Y", "controlled": "C"}]
    request = {"edges": edges, "controls": controls, "seeds": ["Y", "Z"], "explain": False}
    ofac = http_client.post("/v1/ownership", json=request).json()
    assert ofac["blocked"] == ["Y", "Z"]
    assert ofac["possibly_blocked"] == ["D", "E"]
    assert all(p["explanation"] is None for p in ofac["parties"])
    eu = http_client.post("/v1/ownership", json=request | {"regime": "EU"}).json()
    assert eu["blocked"] == ["C", "Y", "Z"]  # control counts under the EU rule


def test_programs_that_do_not_propagate(http_client: TestClient) -> None:
    edges = [
        {"owner": "M", "owned": "N", "percent": 100},
        {"owner": "S", "owned": "U", "percent": 60},
    ]
    seeds = {"M": ["CMIC-EO13959"], "S": ["SSI"]}
    body = http_client.post(
        "/v1/ownership", json={"edges": edges, "seeds": seeds, "parties": ["N", "U", "W"]}
    ).json()
    statuses = {p["id"]: (p["status"], p["restrictions"]) for p in body["parties"]}
    assert statuses == {
        "N": ("not_blocked", {}),
        "U": ("not_blocked", {"SSI": "blocked"}),
        "W": ("not_blocked", {}),
    }


def test_data_issues_are_reported_with_the_edge(http_client: TestClient) -> None:
    edges = [
        {"owner": "X", "owned": "A", "percent": 60},
        {"owner": "Y", "owned": "A", "percent": 60},
        {"owner": "A", "owned": "A", "percent": 5},
        {"owner": "X", "owned": "A", "percent": 60},
    ]
    body = http_client.post("/v1/ownership", json={"edges": edges, "seeds": ["X", "ghost"]}).json()
    kinds = sorted((i["kind"], i["where"], tuple(i["ids"])) for i in body["issues"])
    assert kinds == [
        ("duplicate", "edges[3]", ("X", "A")),
        ("owners_over_100", None, ("A",)),
        ("self_ownership", "edges[2]", ("A",)),
        ("unknown_id", None, ("ghost",)),
    ]
    assert body["blocked"] == ["A", "X", "ghost"]


def test_bad_input_is_422(http_client: TestClient) -> None:
    response = http_client.post(
        "/v1/ownership", json={"edges": [{"owner": "X", "owned": "A"}], "seeds": ["X"]}
    )
    assert response.status_code == 422
    assert response.json()["detail"] == "edges[0].percent: Field required"
    response = http_client.post(
        "/v1/ownership",
        json={"edges": [{"owner": "X", "owned": "A", "percent": "150"}], "seeds": []},
    )
    assert response.status_code == 422
    assert response.json() == {
        "error": "invalid_input",
        "detail": "edges[0]: percent '150' is outside [0, 100]",
    }
    response = http_client.post(
        "/v1/ownership",
        json={"edges": [{"owner": "X", "owned": "A", "percent": 5, "start": "2024-05-01",
                         "end": "2024-01-01"}], "seeds": ["X"]},
    )  # fmt: skip
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_input"
    response = http_client.post("/v1/ownership", json={"edges": [], "seeds": ["X"], "regime": "US"})
    assert response.status_code == 422
    assert response.json()["detail"] == "regime: Input should be 'OFAC', 'EU' or 'UK'"
