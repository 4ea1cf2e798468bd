"""A local HTTP server on 127.0.0.1 that serves list files, and misbehaves on request.

Each path maps to a :data:`Route`, a function that answers one request; the helpers below
build the routes the update tests need (a file, a body cut short, an HTML error page with
status 200, an error status, a slow answer, a redirect).
"""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


def body(
    data: bytes,
    *,
    content_type: str = "application/octet-stream",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Route:
    """Answer ``status`` with ``data`` and its Content-Length."""

    def route(h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        for key, value in (headers or {}).items():
            h.send_header(key, value)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    return route


def cut(data: bytes, keep: int, *, announce_length: bool = True) -> Route:
    """Send only the first ``keep`` bytes, then close; announce the full length or none."""

    def route(h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        if announce_length:
            h.send_header("Content-Length", str(len(data)))
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(data[:keep])
        h.wfile.flush()
        h.close_connection = True

    return route


def html_error_page() -> Route:
    """What a proxy or a mirror's web server answers for a missing file: a page, status 200."""
    page = (
        b"<!DOCTYPE html>\n<html><head><title>Service Unavailable - Maintenance</title></head>"
        b"<body><h1>We'll be back soon</h1></body></html>\n"
    )
    return body(page, content_type="text/html; charset=utf-8")


def failing(
    times: int, then: Route, *, status: int = 500, headers: dict[str, str] | None = None
) -> Route:
    """Answer ``status`` the first ``times`` requests, then as ``then``."""
    count = [0]

    def route(h: http.server.BaseHTTPRequestHandler) -> None:
        count[0] += 1
        if count[0] <= times:
            body(b"error\n", content_type="text/plain", status=status, headers=headers)(h)
        else:
            then(h)

    return route


def slow(seconds: float, then: Route) -> Route:
    """Wait ``seconds`` before answering (longer than the client's timeout)."""

    def route(h: http.server.BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        then(h)

    return route


def trickle(data: bytes, *, chunk: int, pause: float) -> Route:
    """Send ``data`` in ``chunk``-byte pieces, ``pause`` seconds apart (each read succeeds,
    the whole transfer crawls)."""

    def route(h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        for start in range(0, len(data), chunk):
            h.wfile.write(data[start : start + chunk])
            h.wfile.flush()
            time.sleep(pause)

    return route


def redirect(location: str) -> Route:
    """``302 Found`` to ``location``."""

    def route(h: http.server.BaseHTTPRequestHandler) -> None:
        h.send_response(302)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return route


class ListServer:
    """The running server: ``url`` is its base address, ``routes`` what it serves by file
    name (``"SDN.XML"``), ``requests`` how often each name was asked for."""

    def __init__(self, httpd: http.server.ThreadingHTTPServer) -> None:
        self.httpd = httpd
        host, port = httpd.server_address[:2]
        self.url = f"http://{host!s}:{port}/exports/"
        self.routes: dict[str, Route] = {}
        self.requests: Counter[str] = Counter()


@contextmanager
def serving() -> Iterator[ListServer]:
    """Run a :class:`ListServer` on 127.0.0.1 (a free port) in a thread."""
    server: list[ListServer] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            name = self.path.rsplit("/", 1)[-1]
            served = server[0]
            served.requests[name] += 1
            route = served.routes.get(name)
            if route is None:
                body(b"not found\n", content_type="text/plain", status=404)(self)
            else:
                # The client may give up first (a timeout under test).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    route(self)

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server.append(ListServer(httpd))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server[0]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def refused_url() -> str:
    """A base address on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/exports/"
