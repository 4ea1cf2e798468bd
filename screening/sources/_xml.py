"""Safe, streaming XML reading shared by the XML list loaders.

List files come from the network and from mirrors, so they are parsed with defusedxml and with
document type declarations forbidden outright: no OFAC or UN list file has one, and refusing
them shuts out entity expansion ("billion laughs"), external entities (XXE) and any network
access in one rule. Elements are streamed so that a 100 MB ``SDN_ADVANCED.XML`` never has to
be held as one tree; callers ``clear()`` what they have consumed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import DefusedXMLParser  # type: ignore[import-untyped]
from defusedxml.ElementTree import iterparse as _defused_iterparse

from screening.errors import ListFormatError, ListNotFoundError

__all__ = ["Readable", "local_name", "root_children", "safe_iterparse"]


class Readable(Protocol):
    """A binary stream: anything with ``read(n) -> bytes``."""

    def read(self, n: int = -1, /) -> bytes: ...


def local_name(tag: str) -> str:
    """The tag without its namespace: ``"{http://tempuri.org/sdnList.xsd}sdnEntry"`` gives
    ``"sdnEntry"`` (OFAC has changed its namespaces over the years; the names stayed)."""
    return tag.rpartition("}")[2]


def safe_iterparse(
    path: Path, events: tuple[str, ...] = ("end",), source: Readable | None = None
) -> Iterator[tuple[str, Element]]:
    """Stream ``(event, element)`` pairs from an XML file, like ``ElementTree.iterparse``.

    Args:
        path: the XML file (named in errors).
        events: the events to report (``"start"``, ``"end"``...).
        source: an open binary stream of ``path`` to read instead of opening it (a caller
            that hashes the bytes as they are parsed).

    Raises:
        ListFormatError: the file is not well-formed XML, or it has a document type declaration,
            an entity declaration or an external reference (refused, never expanded or fetched);
            the error carries the line number.
        ListNotFoundError: there is no file at ``path``.
    """
    parser = DefusedXMLParser(
        target=TreeBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    try:
        if source is not None:
            yield from _defused_iterparse(source, events, parser)
        else:
            with path.open("rb") as stream:
                yield from _defused_iterparse(stream, events, parser)
    except FileNotFoundError as exc:
        raise ListNotFoundError(f"{path}: no such file") from exc
    except ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise ListFormatError(path, line, f"not well-formed XML: {exc}") from exc
    except DefusedXmlException as exc:
        # defusedxml raises from inside expat's handlers, so expat still knows the line.
        line = int(parser.parser.CurrentLineNumber)
        reason = (
            f"refused {exc}: list files have no document type declaration, entities or "
            "external references, and this library never expands or fetches them"
        )
        raise ListFormatError(path, line, reason) from exc


def root_children(path: Path, root_name: str) -> Iterator[tuple[Element, Element | None]]:
    """Stream the children of a file's root element, each as soon as it is complete.

    Yields ``(root, None)`` once, when the root starts (its attributes are readable then), then
    ``(root, child)`` for every child; the root is cleared after each child is handled, so
    memory stays flat whatever the file size.

    Raises:
        ListFormatError: the root element is not ``root_name``, or as :func:`safe_iterparse`.
    """
    depth = 0
    root: Element | None = None
    for event, element in safe_iterparse(path, ("start", "end")):
        if event == "start":
            depth += 1
            if depth == 1:
                tag = local_name(element.tag)
                if tag != root_name:
                    raise ListFormatError(path, tag, f"the root element is not {root_name}")
                root = element
                yield root, None
            continue
        depth -= 1
        if depth == 1 and root is not None:
            yield root, element
            root.clear()
