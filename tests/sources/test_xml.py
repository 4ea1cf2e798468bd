"""Safe streaming XML: hostile documents are refused with the file and line, never expanded."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListFormatError, ListNotFoundError
from screening.sources._xml import local_name, safe_iterparse

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE sdnList [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<sdnList>&lol3;</sdnList>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE sdnList [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<sdnList><sdnEntry><lastName>&xxe;</lastName></sdnEntry></sdnList>
"""


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "SDN.XML"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "xxe"])
def test_dtd_and_entities_are_refused(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(ListFormatError) as info:
        list(safe_iterparse(path))
    assert info.value.path == str(path) and info.value.where == 2
    assert "refused" in info.value.reason and "DTD" in info.value.reason


def test_truncated_xml_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, b'<?xml version="1.0"?>\n<sdnList>\n<sdnEntry><uid>36</uid>\n')
    with pytest.raises(ListFormatError) as info:
        list(safe_iterparse(path))
    assert info.value.where == 4 and "not well-formed" in info.value.reason


def test_streams_elements_without_namespaces_in_local_names(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        b'<sdnList xmlns="http://tempuri.org/sdnList.xsd"><sdnEntry><uid>36</uid></sdnEntry>'
        b"</sdnList>",
    )
    tags = [local_name(elem.tag) for _, elem in safe_iterparse(path)]
    assert tags == ["uid", "sdnEntry", "sdnList"]
    assert local_name("plain") == "plain"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ListNotFoundError):
        list(safe_iterparse(tmp_path / "nothing.xml"))
