"""fetch(): what is downloaded is complete, and every failure says what happened."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import shared_data
from listserver import (
    ListServer,
    body,
    cut,
    failing,
    redirect,
    refused_url,
    serving,
    slow,
    trickle,
)

from screening.errors import ListUpdateError
from screening.lifecycle.fetch import FetchOptions, check_url, fetch

FAST = FetchOptions(timeout=2.0, retries=2, backoff=0.5, deadline=10.0)


@pytest.fixture
def server() -> Iterator[ListServer]:
    with serving() as s:
        yield s


@pytest.fixture(scope="module")
def consolidated() -> bytes:
    return (shared_data("ofac", "consolidated_xml_2018-05") / "consolidated.xml").read_bytes()


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def test_downloads_the_file_and_its_sha256(
    server: ListServer, consolidated: bytes, tmp_path: Path
) -> None:
    server.routes["CONSOLIDATED.XML"] = body(consolidated)
    got = fetch(server.url + "CONSOLIDATED.XML", tmp_path / "CONSOLIDATED.XML", options=FAST)
    assert (tmp_path / "CONSOLIDATED.XML").read_bytes() == consolidated
    assert got.size == 1087045
    assert got.sha256 == "03ff290ee1a079a19676ee3841b1b22511f246f577d9bd707167d283a7df4c0d"


def test_a_server_error_is_retried_with_back_off(
    server: ListServer, consolidated: bytes, tmp_path: Path
) -> None:
    server.routes["SDN.XML"] = failing(2, body(consolidated), status=500)
    sleeps = Sleeps()
    got = fetch(server.url + "SDN.XML", tmp_path / "SDN.XML", options=FAST, sleep=sleeps)
    assert got.sha256 == hashlib.sha256(consolidated).hexdigest()
    assert server.requests["SDN.XML"] == 3
    assert sleeps == [0.5, 1.0]  # doubled each time


def test_retry_after_is_honoured(server: ListServer, tmp_path: Path) -> None:
    server.routes["SDN.XML"] = failing(1, body(b"x"), status=429, headers={"Retry-After": "7"})
    sleeps = Sleeps()
    fetch(server.url + "SDN.XML", tmp_path / "SDN.XML", options=FAST, sleep=sleeps)
    assert sleeps == [7.0]


def test_a_client_error_is_not_retried(server: ListServer, tmp_path: Path) -> None:
    with pytest.raises(ListUpdateError, match="HTTP 404 Not Found"):
        fetch(server.url + "SDN.XML", tmp_path / "SDN.XML", options=FAST, sleep=Sleeps())
    assert server.requests["SDN.XML"] == 1


def test_server_errors_that_persist_say_so(server: ListServer, tmp_path: Path) -> None:
    server.routes["SDN.XML"] = failing(99, body(b"x"), status=503)
    with pytest.raises(ListUpdateError, match=r"HTTP 503 .*gave up after 3 attempts"):
        fetch(server.url + "SDN.XML", tmp_path / "SDN.XML", options=FAST, sleep=Sleeps())


def test_a_body_shorter_than_its_content_length_is_refused(
    server: ListServer, consolidated: bytes, tmp_path: Path
) -> None:
    server.routes["SDN.XML"] = cut(consolidated, 500_000)
    with pytest.raises(ListUpdateError, match=r"cut short: 500,000 of 1,087,045 bytes"):
        fetch(server.url + "SDN.XML", tmp_path / "SDN.XML", options=FAST, sleep=Sleeps())
    assert server.requests["SDN.XML"] == 3  # a cut transfer may be transient: retried


def test_a_silent_server_times_out(server: ListServer, tmp_path: Path) -> None:
    server.routes["SDN.XML"] = slow(1.5, body(b"late"))
    options = FetchOptions(timeout=0.2, retries=1, backoff=0.0)
    with pytest.raises(ListUpdateError, match="timed out"):
        fetch(server.url + "SDN.XML", tmp_path / "SDN.XML", options=options, sleep=Sleeps())


def test_a_crawling_transfer_hits_the_deadline(server: ListServer, tmp_path: Path) -> None:
    server.routes["SDN.XML"] = trickle(b"x" * 4000, chunk=100, pause=0.05)
    options = FetchOptions(timeout=1.0, retries=0, deadline=0.3)
    with pytest.raises(ListUpdateError, match=r"not complete after 0.3 s"):
        fetch(server.url + "SDN.XML", tmp_path / "SDN.XML", options=options, sleep=Sleeps())


def test_a_body_over_the_size_limit_is_refused(server: ListServer, tmp_path: Path) -> None:
    server.routes["SDN.XML"] = body(b"x" * 5000)
    with pytest.raises(ListUpdateError, match="announces 5,000 bytes, over the limit"):
        fetch(server.url + "SDN.XML", tmp_path / "f", options=FetchOptions(max_bytes=4096))


def test_connection_refused_says_offline(tmp_path: Path) -> None:
    sleeps = Sleeps()
    with pytest.raises(ListUpdateError) as caught:
        fetch(refused_url() + "SDN.XML", tmp_path / "SDN.XML", options=FAST, sleep=sleeps)
    message = str(caught.value)
    assert "connection refused" in message
    assert "after 3 attempts: offline, or the server is down" in message
    assert len(sleeps) == 2


@pytest.mark.parametrize(
    "url",
    [
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML",
        "http://127.0.0.1:8000/SDN.XML",
        "http://localhost/SDN.XML",
        "http://[::1]:8080/SDN.XML",
    ],
)
def test_https_or_local_addresses_are_allowed(url: str) -> None:
    check_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://www.treasury.gov/ofac/downloads/sdn.xml",
        "http://10.0.0.5/mirror/SDN.XML",
        "ftp://ftp.example.org/SDN.XML",
        "file:///etc/passwd",
        "https:///no-host",
    ],
)
def test_other_addresses_are_refused(url: str) -> None:
    with pytest.raises(ListUpdateError, match="only https:// is allowed"):
        check_url(url)


def test_a_redirect_to_plain_http_elsewhere_is_refused(server: ListServer, tmp_path: Path) -> None:
    server.routes["SDN.XML"] = redirect("http://www.treasury.gov/ofac/downloads/sdn.xml")
    with pytest.raises(ListUpdateError, match=r"refused 'http://www.treasury.gov/"):
        fetch(server.url + "SDN.XML", tmp_path / "SDN.XML", options=FAST, sleep=Sleeps())


def test_a_local_redirect_is_followed(
    server: ListServer, consolidated: bytes, tmp_path: Path
) -> None:
    server.routes["sdn.xml"] = redirect(server.url + "SDN.XML")
    server.routes["SDN.XML"] = body(consolidated)
    got = fetch(server.url + "sdn.xml", tmp_path / "SDN.XML", options=FAST)
    assert got.final_url == server.url + "SDN.XML"
    assert got.size == len(consolidated)
