"""The root element of an XML file, judged from its first bytes, for the format sniffers.

A sniffer must not parse a 100 MB file to learn that it is not its format, so it reads the
head and finds the root's start tag with a regular expression: the XML declaration, comments,
processing instructions and a DOCTYPE are skipped (a DOCTYPE is refused later, by
``safe_iterparse``, with a clear error), and the namespace of the root is resolved from the
``xmlns`` declarations on the root itself, which is where every list publisher puts them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from screening.sources._files import read_head

__all__ = ["Root", "root_element"]

_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)", re.DOTALL)
_NAME = rb"[A-Za-z_][\w.\-]*"
# A start tag whose attribute values may hold '>' inside quotes.
_START_TAG = re.compile(
    rb"\s*<(?:(" + _NAME + rb"):)?(" + _NAME + rb")((?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>",
    re.DOTALL,
)
_XMLNS = re.compile(rb"xmlns(?::(" + _NAME + rb"))?\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_HEAD_BYTES = 1 << 16


class Root(NamedTuple):
    """The root element: its local name and namespace URI (``None`` without a namespace)."""

    name: str
    namespace: str | None


def root_element(path: Path, size: int = _HEAD_BYTES) -> Root | None:
    """The root element of the XML file at ``path``, read from its first ``size`` bytes.

    Returns:
        The root's local name and namespace, or ``None`` when the head holds no start tag
        (not XML, not readable, a directory, or a prolog longer than the head).
    """
    head = read_head(path, size).removeprefix(b"\xef\xbb\xbf")
    pos = 0
    while (m := _PROLOG.match(head, pos)) is not None and m.end() > pos:
        pos = m.end()
    tag = _START_TAG.match(head, pos)
    if tag is None:
        return None
    prefix, name, attributes = tag.group(1), tag.group(2), tag.group(3)
    namespace = None
    for decl in _XMLNS.finditer(attributes):
        if decl.group(1) == prefix:  # both None for the default namespace
            namespace = (decl.group(2) or decl.group(3) or b"").decode("utf-8", "replace")
    return Root(name.decode("ascii"), namespace or None)
