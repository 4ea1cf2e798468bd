"""One error tree for the whole library.

    ScreeningError
    ├── ListError                     anything about sanctions list files
    │   ├── ListFormatError           (also ValueError) a file that is not what its format says
    │   ├── ListNotFoundError         (also FileNotFoundError) no list where one was expected
    │   ├── ListUpdateError           a download failed or was refused; the list in use is kept
    │   └── StaleListError            a list older than the policy allows (fail-closed)
    ├── IndexFileError                a saved index that cannot be used (version or list mismatch)
    ├── InputError                    (also ValueError) bad caller input: a query, a CSV row
    └── OwnershipError                (also ValueError) bad ownership data: a percent, an edge

Errors about bad input name the file and the line or element, and quote the offending value
with ``!r``, so that an operator can find it without a debugger.
"""

from __future__ import annotations

import os

__all__ = [
    "IndexFileError",
    "InputError",
    "ListError",
    "ListFormatError",
    "ListNotFoundError",
    "ListUpdateError",
    "OwnershipError",
    "ScreeningError",
    "StaleListError",
]


class ScreeningError(Exception):
    """Base class of every error this library raises on purpose."""


class ListError(ScreeningError):
    """A problem with a sanctions list file or directory."""


class ListFormatError(ListError, ValueError):
    """A list file that does not follow its published format.

    Args:
        path: the file being read.
        where: the line number (``int``, 1-based) or an element path such as
            ``"DistinctParty[FixedRef='36']/Profile"``; ``None`` when the whole file is at fault.
        reason: what is wrong, quoting the offending value.
    """

    def __init__(self, path: str | os.PathLike[str], where: int | str | None, reason: str) -> None:
        self.path = os.fspath(path)
        self.where = where
        self.reason = reason
        if where is None:
            location = self.path
        elif isinstance(where, int):
            location = f"{self.path}, line {where}"
        else:
            location = f"{self.path}, {where}"
        super().__init__(f"{location}: {reason}")


class ListNotFoundError(ListError, FileNotFoundError):
    """No list file where one was expected."""


class ListUpdateError(ListError):
    """A list download that failed or was refused on verification; nothing was replaced.

    Args:
        publication: the publication being updated (``"SDN_ADVANCED"``).
        reason: what went wrong, in words an operator can act on (offline, a timeout, an HTTP
            status, an HTML page instead of the list, a truncated or older file...).
    """

    def __init__(self, publication: str, reason: str) -> None:
        self.publication = publication
        self.reason = reason
        super().__init__(f"{publication}: {reason}")


class StaleListError(ListError):
    """A list is older than the configured maximum age and the policy is fail-closed."""


class IndexFileError(ScreeningError):
    """A saved index file that cannot be used: wrong version, other list, or corrupt."""


class InputError(ScreeningError, ValueError):
    """Bad input from the caller (a query argument, a row of a customer file)."""


class OwnershipError(ScreeningError, ValueError):
    """Bad ownership data: a percentage outside 0–100, an unknown id, a malformed edge."""
