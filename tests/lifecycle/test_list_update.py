"""update_publication(): a good download is swapped in; a bad one never replaces a good list.

The files are OFAC's real CONSOLIDATED.XML of 2018-04-06 (legacy XML, Record_Count 639) and
real CONS_ADVANCED.XML / consolidated CSV files, served from 127.0.0.1; the variants (a later
or earlier Publish_Date, an entry removed) are made from them in each test.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import shared_data
from listserver import (
    ListServer,
    body,
    cut,
    failing,
    html_error_page,
    refused_url,
    serving,
    slow,
)

from screening.errors import ListUpdateError
from screening.lifecycle.fetch import FetchOptions
from screening.lifecycle.store import ListStore
from screening.lifecycle.update import UNDATED_NOTE, update_publication

FAST = FetchOptions(timeout=1.0, retries=1, backoff=0.0, deadline=20.0)
GOOD_SHA = "03ff290ee1a079a19676ee3841b1b22511f246f577d9bd707167d283a7df4c0d"


def no_sleep(seconds: float) -> None:
    pass


def dated(xml: bytes, mm_dd_yyyy: str) -> bytes:
    """The same publication with another Publish_Date."""
    out = xml.replace(b"<Publish_Date>04/06/2018<", f"<Publish_Date>{mm_dd_yyyy}<".encode())
    assert out != xml
    return out


def snapshot(root: Path) -> dict[str, str]:
    """sha256 of every file in the store (the lock file aside)."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


@pytest.fixture(scope="module")
def consolidated() -> bytes:
    return (shared_data("ofac", "consolidated_xml_2018-05") / "consolidated.xml").read_bytes()


@pytest.fixture
def server() -> Iterator[ListServer]:
    with serving() as s:
        yield s


@pytest.fixture(scope="module")
def good_store(tmp_path_factory: pytest.TempPathFactory, consolidated: bytes) -> Path:
    root = tmp_path_factory.mktemp("store") / "lists"
    with serving() as s:
        s.routes["CONSOLIDATED.XML"] = body(consolidated)
        outcome = update_publication(root, "CONS_XML", base_url=s.url, options=FAST)
    assert outcome.installed and outcome.previous is None
    return root


@pytest.fixture
def store(good_store: Path, tmp_path: Path) -> Path:
    """A store whose current CONS_XML is the good 2018-04-06 list (a fresh copy per test)."""
    root = tmp_path / "lists"
    shutil.copytree(good_store, root)
    return root


def test_first_update_installs_with_a_manifest(good_store: Path) -> None:
    current = ListStore(good_store).current("CONS_XML")
    assert current is not None
    assert current.name == f"2018-04-06_{GOOD_SHA[:12]}"
    m = current.manifest
    assert (m.source, m.format, str(m.publish_date)) == (
        "CONSOLIDATED",
        "ofac-legacy-xml",
        "2018-04-06",
    )
    assert (m.record_count, m.sha256) == (639, GOOD_SHA)
    assert [(f.name, f.size, f.sha256) for f in m.files] == [
        ("CONSOLIDATED.XML", 1087045, GOOD_SHA)
    ]
    assert m.files[0].url is not None and m.files[0].url.endswith("/exports/CONSOLIDATED.XML")
    assert ListStore.is_store(good_store)
    pointer = json.loads((good_store / "CONS_XML" / "current.json").read_text())
    assert pointer["version"] == current.name


def test_loading_the_store_gives_the_list_with_its_retrieval_time(good_store: Path) -> None:
    (wl,) = ListStore(good_store).load_current()
    assert len(wl) == 639 and wl.provenance.sha256 == GOOD_SHA
    assert wl.provenance.retrieved_at is not None


def test_a_newer_publication_replaces_the_current_and_the_old_is_kept(
    store: Path, server: ListServer, consolidated: bytes
) -> None:
    server.routes["CONSOLIDATED.XML"] = body(dated(consolidated, "04/20/2018"))
    outcome = update_publication(store, "cons_xml", base_url=server.url, options=FAST)
    assert outcome.installed
    assert outcome.previous is not None and outcome.previous.name.startswith("2018-04-06_")
    assert outcome.version.name.startswith("2018-04-20_")
    s = ListStore(store)
    assert [v.name[:10] for v in s.versions("CONS_XML")] == ["2018-04-20", "2018-04-06"]
    (wl,) = s.load_current()
    assert str(wl.provenance.publish_date) == "2018-04-20"


def test_an_identical_download_only_records_the_check(
    store: Path, server: ListServer, consolidated: bytes
) -> None:
    before = ListStore(store).current("CONS_XML")
    server.routes["CONSOLIDATED.XML"] = body(consolidated)
    outcome = update_publication(store, "CONS_XML", base_url=server.url, options=FAST)
    assert not outcome.installed
    assert before is not None and outcome.version.name == before.name
    assert outcome.version.checked_at is not None and before.checked_at is not None
    assert outcome.version.checked_at > before.checked_at
    assert len(ListStore(store).versions("CONS_XML")) == 1


def _refused(
    store: Path, server: ListServer, route: object, match: str, options: FetchOptions = FAST
) -> ListUpdateError:
    before = snapshot(store)
    server.routes["CONSOLIDATED.XML"] = route  # type: ignore[assignment]
    with pytest.raises(ListUpdateError, match=match) as caught:
        update_publication(store, "CONS_XML", base_url=server.url, options=options, sleep=no_sleep)
    assert snapshot(store) == before, "a refused download changed the store"
    (wl,) = ListStore(store).load_current()
    assert wl.provenance.sha256 == GOOD_SHA
    return caught.value


def test_an_older_publication_is_refused(
    store: Path, server: ListServer, consolidated: bytes
) -> None:
    err = _refused(
        store,
        server,
        body(dated(consolidated, "03/01/2018")),
        r"published 2018-03-01, older than the list in use \(2018-04-06\); use --allow-older",
    )
    assert err.publication == "CONS_XML"


def test_an_older_publication_is_installed_when_allowed(
    store: Path, server: ListServer, consolidated: bytes
) -> None:
    server.routes["CONSOLIDATED.XML"] = body(dated(consolidated, "03/01/2018"))
    outcome = update_publication(
        store, "CONS_XML", base_url=server.url, options=FAST, allow_older=True
    )
    assert outcome.installed and outcome.version.name.startswith("2018-03-01_")


def test_a_record_count_that_does_not_match_is_refused(
    store: Path, server: ListServer, consolidated: bytes
) -> None:
    # The real file with its first entry removed: it still states Record_Count 639.
    start = consolidated.index(b"<sdnEntry>")
    end = consolidated.index(b"</sdnEntry>", start) + len(b"</sdnEntry>")
    one_less = dated(consolidated[:start] + consolidated[end:], "04/20/2018")
    _refused(
        store, server, body(one_less), r"Record_Count: states 639 entries but the file has 638"
    )


def test_a_transfer_cut_short_is_refused(
    store: Path, server: ListServer, consolidated: bytes
) -> None:
    _refused(store, server, cut(consolidated, 600_000), r"cut short: 600,000 of 1,087,045 bytes")


def test_a_truncated_file_without_a_length_is_refused_when_it_does_not_parse(
    store: Path, server: ListServer, consolidated: bytes
) -> None:
    route = cut(dated(consolidated, "04/20/2018"), 600_000, announce_length=False)
    _refused(store, server, route, r"CONSOLIDATED.XML does not load: .*")


def test_an_html_error_page_is_refused(store: Path, server: ListServer) -> None:
    _refused(
        store,
        server,
        html_error_page(),
        r"is an HTML page titled 'Service Unavailable - Maintenance', not the list",
    )


def test_an_empty_body_is_refused(store: Path, server: ListServer) -> None:
    _refused(store, server, body(b""), r"CONSOLIDATED.XML is empty \(0 bytes\)")


def test_a_missing_file_is_refused(store: Path, server: ListServer) -> None:
    _refused(store, server, None, r"CONS_XML: CONSOLIDATED.XML: HTTP 404 Not Found")


def test_a_timeout_is_refused(store: Path, server: ListServer, consolidated: bytes) -> None:
    quick = FetchOptions(timeout=0.2, retries=1, backoff=0.0)
    _refused(store, server, slow(0.6, body(consolidated)), r"timed out", quick)


def test_a_server_error_then_success_installs(
    store: Path, server: ListServer, consolidated: bytes
) -> None:
    server.routes["CONSOLIDATED.XML"] = failing(1, body(dated(consolidated, "04/20/2018")))
    outcome = update_publication(
        store, "CONS_XML", base_url=server.url, options=FAST, sleep=no_sleep
    )
    assert outcome.installed and server.requests["CONSOLIDATED.XML"] == 2


def test_offline_is_refused_with_a_clear_error(store: Path) -> None:
    before = snapshot(store)
    with pytest.raises(ListUpdateError, match=r"connection refused.*offline"):
        update_publication(store, "CONS_XML", base_url=refused_url(), options=FAST, sleep=no_sleep)
    assert snapshot(store) == before


def test_the_wrong_format_is_refused(store: Path, server: ListServer, consolidated: bytes) -> None:
    server.routes["SDN_ADVANCED.XML"] = body(consolidated)
    with pytest.raises(ListUpdateError, match=r"not ofac-advanced-xml \(it reads as 'ofac-legacy"):
        update_publication(store, "SDN_ADVANCED", base_url=server.url, options=FAST)
    assert ListStore(store).current("SDN_ADVANCED") is None
    assert not any((store / "SDN_ADVANCED").iterdir()), "the staging directory was left behind"


def test_the_wrong_list_is_refused(store: Path, server: ListServer) -> None:
    cons = (shared_data("ofac", "cons_advanced_2020-03-17") / "cons_advanced.xml").read_bytes()
    server.routes["SDN_ADVANCED.XML"] = body(cons)
    with pytest.raises(ListUpdateError, match="holds the CONSOLIDATED list, not the SDN"):
        update_publication(store, "SDN_ADVANCED", base_url=server.url, options=FAST)


def test_only_the_newest_versions_are_kept(
    store: Path, server: ListServer, consolidated: bytes
) -> None:
    for day in ("04/10/2018", "04/11/2018", "04/12/2018", "04/13/2018"):
        server.routes["CONSOLIDATED.XML"] = body(dated(consolidated, day))
        update_publication(store, "CONS_XML", base_url=server.url, options=FAST, keep=2)
    names = [v.name[:10] for v in ListStore(store).versions("CONS_XML")]
    assert names == ["2018-04-13", "2018-04-12", "2018-04-11"]


def test_an_undated_csv_set_is_stored_with_its_download_date(
    tmp_path: Path, server: ListServer
) -> None:
    folder = shared_data("ofac", "cons_csv_2025-12-19")
    for name in ("CONS_PRIM.CSV", "CONS_ADD.CSV", "CONS_ALT.CSV", "CONS_COMMENTS.CSV"):
        server.routes[name] = body((folder / name.lower()).read_bytes())
    outcome = update_publication(tmp_path, "CONS_CSV", base_url=server.url, options=FAST)
    assert re.fullmatch(r"undated-\d{4}-\d\d-\d\d_[0-9a-f]{12}", outcome.version.name)
    assert outcome.version.manifest.record_count == 442
    assert UNDATED_NOTE in outcome.version.manifest.notes
    assert len(outcome.version.manifest.files) == 4
    (wl,) = ListStore(tmp_path).load_current()
    assert wl.provenance.publish_date is None and wl.provenance.retrieved_at is not None


def test_a_csv_cut_at_a_line_end_is_refused(tmp_path: Path, server: ListServer) -> None:
    folder = shared_data("ofac", "cons_csv_2025-12-19")
    for name in ("CONS_PRIM.CSV", "CONS_ADD.CSV", "CONS_ALT.CSV", "CONS_COMMENTS.CSV"):
        server.routes[name] = body((folder / name.lower()).read_bytes())
    prim = (folder / "cons_prim.csv").read_bytes()
    last_line = prim.rstrip(b"\x1a").rstrip(b"\r\n").rindex(b"\r\n") + 2
    server.routes["CONS_PRIM.CSV"] = body(prim[:last_line])  # whole lines, no 0x1A end marker
    with pytest.raises(ListUpdateError, match=r"CONS_PRIM.CSV does not load: .*0x1A"):
        update_publication(tmp_path, "CONS_CSV", base_url=server.url, options=FAST)
    assert ListStore(tmp_path).current("CONS_CSV") is None


def test_readers_see_the_old_or_the_new_version_never_a_mix(
    store: Path, server: ListServer, consolidated: bytes
) -> None:
    stop = threading.Event()
    seen: list[str] = []
    problems: list[str] = []

    def reader() -> None:
        s = ListStore(store)
        while not stop.is_set():
            version = s.current("CONS_XML")
            if version is None:
                problems.append("no current version")
                continue
            try:
                data = version.main_file.read_bytes()
            except FileNotFoundError:
                problems.append(f"{version.name} vanished")
                continue
            if hashlib.sha256(data).hexdigest() != version.manifest.files[0].sha256:
                problems.append(f"{version.name}: partial or mixed file")
            seen.append(version.name)

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for day in ("04/07/2018", "04/08/2018", "04/09/2018"):
            server.routes["CONSOLIDATED.XML"] = body(dated(consolidated, day))
            update_publication(store, "CONS_XML", base_url=server.url, options=FAST, keep=3)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert problems == []
    assert len(set(seen)) >= 2, "the readers did not overlap an update"


def test_a_plain_directory_of_list_files_is_not_turned_into_a_store(
    tmp_path: Path, server: ListServer, consolidated: bytes
) -> None:
    (tmp_path / "SDN.XML").write_bytes(consolidated)
    server.routes["CONSOLIDATED.XML"] = body(consolidated)
    with pytest.raises(ListUpdateError, match="not empty and not a list store"):
        update_publication(tmp_path, "CONS_XML", base_url=server.url, options=FAST)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["SDN.XML"]
