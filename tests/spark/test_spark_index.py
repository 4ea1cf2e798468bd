"""The index shipped to executors: saved bytes checked on the driver, loaded once per worker
process, refused when the bytes received are not the ones sent (no Spark needed)."""

from __future__ import annotations

import hashlib

import pytest

from screening import IndexFileError, Screener, load_bundled_sample
from screening.spark import _index
from screening.spark._index import index_payload, worker_screener


@pytest.fixture(scope="module")
def sample() -> Screener:
    return Screener(load_bundled_sample())


def test_payload_is_a_saved_index_of_the_same_lists(sample: Screener) -> None:
    payload = index_payload(sample)
    assert payload.data.startswith(b"SCREENING-INDEX\n")
    assert payload.sha256 == hashlib.sha256(payload.data).hexdigest()
    assert payload.identities == sample.identities


def test_worker_loads_once_per_process(sample: Screener, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_index, "_loaded", {})
    payload = index_payload(sample)
    calls = []

    def data() -> bytes:
        calls.append(1)
        return payload.data

    first = worker_screener(data, payload.sha256)
    assert worker_screener(data, payload.sha256) is first
    assert len(calls) == 1
    assert first.identities == sample.identities
    assert first.screen("陈全国").hits[0].entry.uid == "29220"


def test_worker_refuses_bytes_that_are_not_the_ones_sent(
    sample: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_index, "_loaded", {})
    payload = index_payload(sample)
    damaged = payload.data[:-1] + bytes([payload.data[-1] ^ 1])
    with pytest.raises(IndexFileError, match="sha256"):
        worker_screener(lambda: damaged, payload.sha256)
    with pytest.raises(IndexFileError):  # right digest, damaged content: the CRC catches it
        worker_screener(lambda: damaged, hashlib.sha256(damaged).hexdigest())


def test_worker_keeps_at_most_two_indexes(
    sample: Screener, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_index, "_loaded", {"a": sample, "b": sample})
    payload = index_payload(sample)
    worker_screener(lambda: payload.data, payload.sha256)
    assert list(_index._loaded) == ["b", payload.sha256]
