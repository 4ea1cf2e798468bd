"""Values as the UN, EU and UK list files write them: folded text, XML Schema dates, children.

Shared by the UN, EU and UK loaders. A record that breaks its format raises :class:`Malformed`
with the element path inside the file; the loader adds the file and turns it into a
:class:`~screening.errors.ListFormatError`.
"""

from __future__ import annotations

import re
from datetime import date
from xml.etree.ElementTree import Element

from screening.sources._xml import local_name

__all__ = ["Malformed", "children", "describe", "folded", "xs_date", "xs_datetime_day"]

# xs:date and the date part of xs:dateTime, with the optional time zone XML Schema allows
# (the UN writes LISTED_ON as "2015-04-07-04:00" in ten records of the 2026-02-27 file).
_XS_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?")
_XS_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?"
)


class Malformed(Exception):
    """A record that breaks its format; the loader names the file.

    Args:
        where: element path inside the file (``"INDIVIDUAL[REFERENCE_NUMBER='QDi.006']/DATE"``).
        reason: what is wrong, quoting the offending value with ``!r``.
    """

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


def folded(text: str | None) -> str | None:
    """``text`` with runs of whitespace folded to one space (the UN wraps long fields over
    lines), or ``None`` when nothing is left."""
    if text is None:
        return None
    return " ".join(text.split()) or None


def describe(element: Element) -> str | None:
    """An element the model has no place for, as one line to keep as a property: its text, then
    every attribute and descendant as ``name=value`` (``"key=PIGEON; value=x"``); ``None`` when
    it holds nothing at all."""
    items: list[str] = []
    for node in element.iter():
        items += [f"{local_name(k)}={f}" for k, v in node.attrib.items() if (f := folded(v))]
        if (text := folded(node.text)) is not None:
            items.append(text if node is element else f"{local_name(node.tag)}={text}")
    return "; ".join(items) or None


def children(element: Element) -> dict[str, list[Element]]:
    """The children of ``element`` by local name, each list in document order."""
    out: dict[str, list[Element]] = {}
    for child in element:
        out.setdefault(local_name(child.tag), []).append(child)
    return out


def _day(match: re.Match[str] | None, text: str, kind: str) -> date:
    if match is None:
        raise ValueError(f"{text!r} is not an {kind}")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise ValueError(f"{text!r} is not a calendar date") from None


def xs_date(text: str) -> date:
    """An ``xs:date`` (``"2012-12-31"``, ``"2015-04-07-04:00"``) as the calendar day written.

    Raises:
        ValueError: anything else, or an impossible day.
    """
    return _day(_XS_DATE.fullmatch(text.strip()), text, "xs:date (YYYY-MM-DD)")


def xs_datetime_day(text: str) -> date:
    """The calendar day of an ``xs:dateTime`` as written (``"2026-02-27T00:00:09.554Z"`` is
    2026-02-27): the day the publisher stamped, not converted to another time zone.

    Raises:
        ValueError: anything else, or an impossible day.
    """
    return _day(_XS_DATETIME.fullmatch(text.strip()), text, "xs:dateTime")
