"""The bundled sample list: what it holds, that it says it is a sample, and its recorded hash."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from screening import EntryKind, NameType, load_bundled_sample, load_list
from screening.config import bundled_sample_path

LISTS_README = Path(__file__).resolve().parent.parent / "lists" / "README.md"


def test_sample_holds_the_july_2020_glomag_designations() -> None:
    wl = load_bundled_sample()
    assert len(wl) == 5
    assert {e.uid: e.primary_name.full for e in wl} == {
        "29159": "XINJIANG PUBLIC SECURITY BUREAU",
        "29160": "HUO, Liujun",
        "29162": "WANG, Mingshan",
        "29219": "ZHU, Hailun",
        "29220": "CHEN, Quanguo",
    }
    for entry in wl:
        assert entry.programs == ("GLOMAG",) and entry.list_names == ("SDN List",)
        assert entry.designation_date == date(2020, 7, 9)
        assert [(a.state_or_province, a.country) for a in entry.addresses] == [
            ("Xinjiang", "China")
        ]
        assert ("Legal basis", "Executive Order 13818 (Global Magnitsky)") in entry.properties


def test_sample_chinese_script_names() -> None:
    wl = load_bundled_sample()
    chen = wl["29220"]
    (han,) = [n for n in chen.names if n.full == "陈全国"]
    assert han.script == "Hans" and han.type is NameType.PRIMARY
    assert [(p.value, p.role.value) for p in han.parts] == [("陈", "last"), ("全国", "first")]
    bureau = wl["29159"]
    assert bureau.kind is EntryKind.ENTITY
    assert any(n.full == "新疆公安局" and n.script == "Hans" for n in bureau.names)
    assert [n.full for n in bureau.names if n.type is NameType.AKA] == [
        "XINJIANG BUREAU OF PUBLIC SECURITY",
        "PUBLIC SECURITY DEPARTMENT OF XINJIANG UYGAR AUTONOMOUS REGION",
        "PUBLIC SECURITY DEPARTMENT OF XUAR",
        "PUBLIC SECURITY DEPARTMENT OF THE AUTONOMOUS REGION",
    ]


def test_sample_facts_match_the_legacy_sdn_csv() -> None:
    # SDN.CSV 2023-12-28: "DOB 1955; POB Pingyu, Henan, China; Gender Male." and so on.
    wl = load_bundled_sample()
    facts = {
        e.uid: ([d.text for d in e.dates_of_birth], list(e.places_of_birth), e.gender) for e in wl
    }
    assert facts == {
        "29159": ([], [], None),
        "29160": (["1952"], [], "Male"),
        "29162": (["Jan 1964"], ["Wuwei, Gansu, China"], "Male"),
        "29219": (["Jan 1958"], ["Lianshui, Jiangsu, China"], "Male"),
        "29220": (["1955"], ["Pingyu, Henan, China"], "Male"),
    }


def test_sample_says_it_is_a_sample() -> None:
    wl = load_bundled_sample()
    assert wl.provenance.sample and wl.identity.sample
    assert not load_list(bundled_sample_path()).provenance.sample  # only the sample loader marks it
    assert b"NOT an OFAC publication" in bundled_sample_path().read_bytes()[:300]


def test_readme_records_the_sample_sha256() -> None:
    path = bundled_sample_path()
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    recorded = re.findall(
        r"`sample/SDN_ADVANCED\.XML` \|[^|]*\| (\d+) \| `([0-9a-f]{64})`", LISTS_README.read_text()
    )
    assert recorded == [(str(path.stat().st_size), actual)]
    assert load_bundled_sample().identity.sha256 == actual
