"""Check a downloaded publication before it may replace the list in use.

Checks, in order, each naming what it found: every file is non-empty and not an HTML page
(mirrors and proxies answer errors with ``200 OK`` and a web page); the main file is in the
expected format; it parses completely (the loaders refuse a truncated file: XML that does not
close, a CSV without OFAC's 0x1A end marker); a stated record count equals the entries read;
the list is the expected one (SDN, not the consolidated list); and its publish date is not
older than the list it would replace.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from screening.errors import ListError, ListUpdateError
from screening.lifecycle.catalog import Publication
from screening.models import Watchlist
from screening.sources import load_list, sniff_format

__all__ = ["verify_download"]

_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)


def _check_file(publication: Publication, path: Path) -> None:
    name = path.name
    if not path.is_file():
        raise ListUpdateError(publication.name, f"{name} was not downloaded")
    with path.open("rb") as f:
        head = f.read(4096).removeprefix(b"\xef\xbb\xbf")
    if not head:
        raise ListUpdateError(publication.name, f"{name} is empty (0 bytes)")
    if _HTML.match(head):
        title = _TITLE.search(head)
        said = f" titled {title.group(1).decode('utf-8', 'replace').strip()!r}" if title else ""
        raise ListUpdateError(
            publication.name, f"{name} is an HTML page{said}, not the list (an error page?)"
        )


def verify_download(
    publication: Publication,
    directory: Path,
    *,
    current_publish_date: date | None = None,
    allow_older: bool = False,
) -> Watchlist:
    """Verify the downloaded files of ``publication`` in ``directory`` and load them.

    Args:
        publication: what was downloaded.
        directory: holds ``publication.files`` under their official names.
        current_publish_date: publish date of the list in use, if any and if dated.
        allow_older: accept a publication older than ``current_publish_date`` (a deliberate
            roll-back).

    Returns:
        The fully loaded watchlist.

    Raises:
        ListUpdateError: a check failed; the message says which and quotes what was found.
    """
    name = publication.name
    for file in publication.files:
        _check_file(publication, directory / file)
    main = directory / publication.main
    found = sniff_format(main)
    if found != publication.format:
        raise ListUpdateError(
            name, f"{publication.main} is not {publication.format} (it reads as {found!r})"
        )
    try:
        watchlist = load_list(main)
    except ListError as exc:
        raise ListUpdateError(name, f"{publication.main} does not load: {exc}") from exc
    p = watchlist.provenance
    if p.stated_record_count is not None and p.stated_record_count != len(watchlist):
        raise ListUpdateError(
            name, f"states {p.stated_record_count} records but {len(watchlist)} were read"
        )
    if p.source != publication.source:
        raise ListUpdateError(name, f"holds the {p.source} list, not the {publication.source}")
    if (
        current_publish_date is not None
        and p.publish_date is not None
        and p.publish_date < current_publish_date
        and not allow_older
    ):
        raise ListUpdateError(
            name,
            f"published {p.publish_date}, older than the list in use ({current_publish_date}); "
            "use --allow-older to roll back on purpose",
        )
    return watchlist
