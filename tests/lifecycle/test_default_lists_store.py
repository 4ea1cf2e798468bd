"""default_watchlists(): a list store gives its current versions; a plain directory still works."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import shared_data
from listserver import body, serving

from screening.config import bundled_sample_path, default_watchlists
from screening.errors import ListNotFoundError
from screening.lifecycle.fetch import FetchOptions
from screening.lifecycle.store import ListStore
from screening.lifecycle.update import update_publication


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("defaults") / "lists"
    consolidated = shared_data("ofac", "consolidated_xml_2018-05") / "consolidated.xml"
    with serving() as s:
        s.routes["CONSOLIDATED.XML"] = body(consolidated.read_bytes())
        # The bundled sample stands in for SDN_ADVANCED.XML (the real one is over 100 MB).
        s.routes["SDN_ADVANCED.XML"] = body(bundled_sample_path().read_bytes())
        for name in ("CONS_XML", "SDN_ADVANCED"):
            update_publication(root, name, base_url=s.url, options=FetchOptions(retries=0))
    return root


def test_a_store_gives_the_current_version_of_each_publication(store: Path) -> None:
    lists = default_watchlists(store)
    assert [(wl.provenance.source, wl.provenance.format) for wl in lists] == [
        ("SDN", "ofac-advanced-xml"),
        ("CONSOLIDATED", "ofac-legacy-xml"),
    ]
    assert all(wl.provenance.retrieved_at is not None for wl in lists)


def test_the_environment_variable_points_at_a_store(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCREENING_LISTS_DIR", str(store))
    assert sorted(len(wl) for wl in default_watchlists()) == [5, 639]


def test_a_plain_directory_of_official_files_still_works() -> None:
    (wl,) = default_watchlists(shared_data("ofac", "cons_advanced_2020-03-17"))
    assert (wl.provenance.source, len(wl), wl.provenance.retrieved_at) == (
        "CONSOLIDATED",
        375,
        None,
    )


def test_an_empty_store_is_an_error_not_the_sample(tmp_path: Path) -> None:
    ListStore(tmp_path).create()
    with pytest.raises(ListNotFoundError, match="holds no list yet; run `screening lists update`"):
        default_watchlists(tmp_path)


def test_a_version_whose_files_changed_is_refused(store: Path, tmp_path: Path) -> None:
    root = tmp_path / "lists"
    shutil.copytree(store, root)
    version = ListStore(root).current("SDN_ADVANCED")
    assert version is not None
    version.main_file.write_bytes(version.main_file.read_bytes().replace(b"Quanguo", b"Quanguu"))
    with pytest.raises(ValueError, match="they changed after download"):
        default_watchlists(root)
