"""OFAC's legacy XML: ``SDN.XML`` and ``CONSOLIDATED.XML`` (root element ``sdnList``).

The schema (../shared/data/ofac/docs/OFAC_xml.xsd) is one ``publshInformation`` (sic) with
``Publish_Date`` (MM/DD/YYYY) and ``Record_Count``, then one ``sdnEntry`` per listed party.
OFAC has moved the default namespace (``http://tempuri.org/sdnList.xsd`` in 2018,
``https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML`` now), so
elements are matched by local name. The file is streamed and parsed with DTDs and entities
refused (:mod:`screening.sources._xml`). Both lists share the schema; the file name tells
them apart (``CONSOLIDATED.XML`` versus ``SDN.XML``).
"""

from __future__ import annotations

import logging
import os
import re
from datetime import UTC, date, datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from pydantic import ValidationError

from screening.errors import ListFormatError
from screening.models import Entry, ListProvenance, Watchlist
from screening.sources._files import digest, read_head
from screening.sources._sdnentry import children_by_name, field, sdn_entry
from screening.sources._validation import validation_reason
from screening.sources._xml import local_name, safe_iterparse

__all__ = ["FORMAT", "load", "sniff"]

FORMAT = "ofac-legacy-xml"

log = logging.getLogger(__name__)

_NUMBER = re.compile(r"[0-9]{1,10}")  # XSD: xs:int; ASCII digits only (str.isdigit takes "²")
# The first element after the XML declaration and comments, whatever its namespace prefix.
# A DOCTYPE is skipped here so that load() can refuse it with a clear error.
_ROOT = re.compile(
    rb"^(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*<(?:[\w.-]+:)?sdnList[\s>/]",
    re.DOTALL,
)


def sniff(path: str | os.PathLike[str]) -> bool:
    """True for a file whose root element is ``sdnList``, judged from its first 4 KiB."""
    try:
        p = Path(path)
        return p.is_file() and _ROOT.match(read_head(p).removeprefix(b"\xef\xbb\xbf")) is not None
    except Exception:  # a sniffer must not raise
        log.debug("sniffing %s failed", path, exc_info=True)
        return False


def _publication(path: Path, elem: Element) -> tuple[date | None, int | None]:
    children = children_by_name(elem)
    published, count = field(children, "Publish_Date"), field(children, "Record_Count")
    try:
        publish_date = (
            None if published is None else datetime.strptime(published, "%m/%d/%Y").date()
        )
    except ValueError as exc:
        raise ListFormatError(
            path, "publshInformation/Publish_Date", f"{published!r} is not a MM/DD/YYYY date"
        ) from exc
    if count is not None and not _NUMBER.fullmatch(count):
        raise ListFormatError(path, "publshInformation/Record_Count", f"{count!r} is not a number")
    return publish_date, None if count is None else int(count)


def load(path: str | os.PathLike[str]) -> Watchlist:
    """Load ``SDN.XML`` or ``CONSOLIDATED.XML``.

    Args:
        path: the file; a name starting with ``cons`` (any case) gives source
            ``"CONSOLIDATED"``, any other ``"SDN"``.

    Returns:
        The watchlist with the stated publish date and record count in its provenance.

    Raises:
        ListFormatError: the file is not well-formed XML or has a DTD or entities (refused,
            never expanded), its root is not ``sdnList``, an entry lacks a numeric ``uid`` or
            repeats one, a date is not an OFAC date, or the entries found differ in number from
            the stated ``Record_Count``. The error names the element.
        ListNotFoundError: no file at ``path``.
    """
    p = Path(path)
    source = "CONSOLIDATED" if p.name.casefold().startswith("cons") else "SDN"
    entries: dict[str, Entry] = {}
    publish_date: date | None = None
    stated: int | None = None
    root: Element | None = None
    depth = 0
    for event, elem in safe_iterparse(p, ("start", "end")):
        if event == "start":
            depth += 1
            if depth == 1 and local_name(elem.tag) != "sdnList":
                raise ListFormatError(p, local_name(elem.tag), "the root element is not sdnList")
            root = elem if depth == 1 else root
            continue
        depth -= 1
        if depth != 1 or root is None:
            continue
        tag = local_name(elem.tag)
        if tag == "sdnEntry":
            children = children_by_name(elem)
            uid = field(children, "uid")
            if uid is None or not _NUMBER.fullmatch(uid):
                where = f"sdnEntry[{len(entries) + 1}]/uid"
                raise ListFormatError(p, where, f"uid {uid!r} is not a number")
            uid = str(int(uid))  # as the CSV loader: "036" is 36
            if uid in entries:
                raise ListFormatError(p, f"sdnEntry[uid='{uid}']", "a second entry with this uid")
            try:
                entries[uid] = sdn_entry(p, children, uid, source)
            except ValidationError as exc:
                raise ListFormatError(p, f"sdnEntry[uid='{uid}']", validation_reason(exc)) from exc
        elif tag == "publshInformation":
            publish_date, stated = _publication(p, elem)
        else:
            log.warning("%s: unknown element %r under sdnList ignored", p, tag)
        root.clear()  # entries are built; drop their elements (SDN.XML is ~30 MB)
    notes: list[str] = []
    if not entries:
        raise ListFormatError(p, "sdnList", "no sdnEntry: OFAC's lists are never empty")
    if stated is None:
        notes.append(f"{p.name} states no Record_Count, so completeness could not be checked")
        log.warning("%s: %s", p, notes[-1])
    elif stated != len(entries):
        raise ListFormatError(
            p,
            "publshInformation/Record_Count",
            f"states {stated} entries but the file has {len(entries)}",
        )
    provenance = ListProvenance(
        source=source,
        format=FORMAT,
        publish_date=publish_date,
        stated_record_count=stated,
        files=(digest(p),),
        loaded_at=datetime.now(UTC),
        notes=tuple(notes),
    )
    return Watchlist(entries.values(), provenance)
