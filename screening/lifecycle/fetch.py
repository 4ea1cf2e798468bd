"""Download one file over HTTP(S): timeouts, retries with back-off, HTTPS unless local.

The standard library's ``urllib`` is enough here: it verifies TLS certificates by default,
honours the ``https_proxy`` environment a bank's network needs, and lets a redirect handler
refuse a downgrade to plain HTTP. What it does not do, this module adds: a deadline for the
whole transfer (a server that trickles bytes never trips a per-read timeout), a check that the
body is as long as ``Content-Length`` says (``HTTPResponse.read(n)`` returns ``b""`` on a
connection cut short instead of raising), retries of what can be transient (connection
errors, 5xx, 408, 429, a cut transfer), and an error that says "offline" when it is.
"""

from __future__ import annotations

import hashlib
import http.client
import ipaddress
import logging
import os
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

from screening.errors import ListUpdateError

__all__ = ["FetchOptions", "Fetched", "check_url", "fetch"]

log = logging.getLogger(__name__)

_CHUNK = 1 << 16
_RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 60.0  # seconds; a longer Retry-After is not worth waiting for in a job


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How patiently to download.

    Attributes:
        timeout: seconds to wait to connect and for each read (``socket`` timeout).
        retries: further attempts after the first, for errors that can be transient.
        backoff: seconds before the first retry, doubled for each further one.
        deadline: seconds the whole transfer of one file may take (SDN_ADVANCED.XML is
            over 100 MB: minutes on a slow line).
        max_bytes: refuse a body larger than this (a misconfigured mirror must not fill
            the disk).
    """

    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0
    deadline: float = 1800.0
    max_bytes: int = 2 << 30


@dataclass(frozen=True, slots=True)
class Fetched:
    """A completed download: where from, how big, its sha256 (hex) and declared type."""

    url: str
    final_url: str
    size: int
    sha256: str
    content_type: str | None


class _Retryable(Exception):
    def __init__(self, reason: str, *, offline: bool = False, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offline = offline
        self.wait = wait


def _is_local(host: str) -> bool:
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, *, label: str = "download") -> None:
    """Refuse an address that is not ``https://``, except plain HTTP to this machine.

    A list that decides whether a payment goes out must not be swappable on the way: only
    ``localhost`` / ``127.0.0.0/8`` / ``::1`` (a test server, a local mirror) may use HTTP.

    Raises:
        ListUpdateError: another scheme, or ``http://`` to another host.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return
    if parts.scheme == "http" and host and _is_local(host):
        return
    raise ListUpdateError(
        label, f"refused {url!r}: only https:// is allowed (http:// only to localhost)"
    )


class _SafeRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        check_url(newurl, label=f"redirect from {req.full_url}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    https = urllib.request.HTTPSHandler(context=ssl.create_default_context())
    return urllib.request.build_opener(_SafeRedirect(), https)


def _retry_after(headers: Message | None) -> float | None:
    value = None if headers is None else headers.get("Retry-After")
    if value is None or not value.strip().isdigit():
        return None
    return min(float(value), _MAX_RETRY_AFTER)


def _connection_reason(exc: BaseException) -> tuple[str, bool]:
    """Words for a connection failure, and whether it means the host cannot be reached."""
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused", True
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve the host name ({exc.strerror or exc})", True
    if isinstance(exc, TimeoutError):
        return "timed out", False
    if isinstance(exc, OSError) and exc.errno is not None and exc.strerror:
        return exc.strerror, True
    return str(exc) or type(exc).__name__, False


def _attempt(
    opener: urllib.request.OpenerDirector, url: str, dest: Path, options: FetchOptions
) -> Fetched:
    request = urllib.request.Request(url, headers={"User-Agent": _user_agent()})
    started = time.monotonic()
    try:
        with opener.open(request, timeout=options.timeout) as response:
            declared = response.headers.get("Content-Length")
            expected = int(declared) if declared and declared.isdigit() else None
            if expected is not None and expected > options.max_bytes:
                raise ListUpdateError(
                    url, f"the server announces {expected:,} bytes, over the limit"
                )
            digest = hashlib.sha256()
            size = 0
            with dest.open("wb") as out:
                while chunk := response.read1(_CHUNK):
                    size += len(chunk)
                    if size > options.max_bytes:
                        raise ListUpdateError(url, f"more than {options.max_bytes:,} bytes")
                    if time.monotonic() - started > options.deadline:
                        raise _Retryable(f"not complete after {options.deadline:g} s (too slow)")
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if expected is not None and size != expected:
                raise _Retryable(f"transfer cut short: {size:,} of {expected:,} bytes received")
            return Fetched(
                url=url,
                final_url=response.geturl(),
                size=size,
                sha256=digest.hexdigest(),
                content_type=response.headers.get("Content-Type"),
            )
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the connection open
        reason = f"HTTP {exc.code} {exc.reason}"
        if exc.code in _RETRY_STATUS:
            raise _Retryable(reason, wait=_retry_after(exc.headers)) from exc
        raise ListUpdateError(url, reason) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, ListUpdateError):
            raise exc.reason from exc
        reason, offline = _connection_reason(
            exc.reason if isinstance(exc.reason, BaseException) else exc
        )
        raise _Retryable(reason, offline=offline) from exc
    except (http.client.HTTPException, ConnectionError) as exc:
        raise _Retryable(f"transfer failed ({type(exc).__name__}: {exc})") from exc
    except TimeoutError as exc:
        raise _Retryable(f"no data for {options.timeout:g} s (timed out)") from exc


def fetch(
    url: str,
    dest: Path,
    *,
    options: FetchOptions | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Fetched:
    """Download ``url`` into the file ``dest`` (overwritten), fsynced, retrying what may pass.

    Args:
        url: ``https://...`` (``http://`` only to localhost); redirects are followed under
            the same rule.
        dest: the file to write; on failure it may hold a partial body (the caller writes
            into a staging directory that it discards).
        options: timeouts, retries, back-off and limits (:class:`FetchOptions`).
        sleep: the function that waits between attempts (tests pass a fake).

    Returns:
        What was downloaded, with its sha256.

    Raises:
        ListUpdateError: the address is refused, the server answers an error status, or every
            attempt failed; the message says which, and "offline" when no attempt reached
            the server.
    """
    opts = options or FetchOptions()
    check_url(url)
    opener = _opener()
    attempts = opts.retries + 1
    last: _Retryable | None = None
    for attempt in range(1, attempts + 1):
        try:
            return _attempt(opener, url, dest, opts)
        except _Retryable as exc:
            last = exc
            if attempt == attempts:
                break
            wait = exc.wait if exc.wait is not None else opts.backoff * 2 ** (attempt - 1)
            log.warning(
                "%s: %s; retry %d of %d in %.1f s", url, exc.reason, attempt, opts.retries, wait
            )
            sleep(wait)
    assert last is not None
    host = urlsplit(url).netloc
    if last.offline:
        reason = (
            f"cannot reach {host} ({last.reason}) after {attempts} attempts: "
            "offline, or the server is down"
        )
    else:
        reason = f"{last.reason} (gave up after {attempts} attempts)"
    raise ListUpdateError(url, reason)


def _user_agent() -> str:
    from screening import __version__

    return f"screening/{__version__} (OFAC list update)"
