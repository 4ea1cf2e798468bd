"""The compiled index shipped to executors as the bytes of a saved index file.

On the driver, :func:`index_payload` saves the screener, reads the file back as bytes and loads
those bytes once more, so that an index that cannot be used fails there, before any task runs.
On an executor, :func:`worker_screener` writes the broadcast bytes to a local temporary file and
loads them with :meth:`Screener.load` once per Python worker process (workers are reused across
tasks), keyed by the sha256 of the bytes. Screener objects are never pickled: a saved index is
the library's own, versioned and checksummed, way of moving one.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from screening.errors import IndexFileError
from screening.matching.screener import INDEX_FILE, Screener
from screening.models import ListIdentity

__all__ = ["IndexPayload", "index_payload", "worker_screener"]

log = logging.getLogger(__name__)

# Screeners kept per worker process. One job uses one index; a second covers a job started with
# new lists while the old one finishes, without holding every index ever seen.
_KEEP = 2
_loaded: dict[str, Screener] = {}
_lock = threading.Lock()


@dataclass(frozen=True)
class IndexPayload:
    """A saved index as bytes, with its sha256 and the identity of every list in it."""

    data: bytes
    sha256: str
    identities: tuple[ListIdentity, ...]


def index_payload(screener: Screener) -> IndexPayload:
    """Save ``screener`` as bytes and check that they load back to the same lists.

    Raises:
        IndexFileError: the saved bytes do not load, or load to other lists.
    """
    with tempfile.TemporaryDirectory(prefix="screening-spark-") as tmp:
        path = Path(tmp) / INDEX_FILE
        screener.save(path)
        data = path.read_bytes()
        reloaded = Screener.load(path)
    if reloaded.identities != screener.identities:
        raise IndexFileError(
            f"the saved index reloads as {reloaded.identities!r}, "
            f"not the screener's lists {screener.identities!r}"
        )
    return IndexPayload(data, hashlib.sha256(data).hexdigest(), screener.identities)


def worker_screener(data: Callable[[], bytes], sha256: str) -> Screener:
    """The screener of the index with this sha256, loaded once per process.

    Args:
        data: returns the index bytes (a broadcast's ``.value``); called only on first use.
        sha256: hex sha256 of the bytes, computed on the driver.

    Raises:
        IndexFileError: the bytes received do not have that sha256, or do not load.
    """
    found = _loaded.get(sha256)
    if found is not None:
        return found
    with _lock:
        found = _loaded.get(sha256)
        if found is None:
            found = _load(data(), sha256)
            while len(_loaded) >= _KEEP:
                del _loaded[next(iter(_loaded))]
            _loaded[sha256] = found
    return found


def _load(blob: bytes, sha256: str) -> Screener:
    got = hashlib.sha256(blob).hexdigest()
    if got != sha256:
        raise IndexFileError(f"broadcast index has sha256 {got}, the driver sent {sha256}")
    fd, name = tempfile.mkstemp(prefix="screening-spark-", suffix=".screening-index")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(blob)
        screener = Screener.load(name)
    finally:
        Path(name).unlink(missing_ok=True)
    log.info("worker %d loaded index %s (%d bytes)", os.getpid(), sha256[:12], len(blob))
    return screener
