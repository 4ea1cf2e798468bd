"""``screening serve``: argument errors exit 2 before serving; a real server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from http_support import UID_A

from screening.cli import EXIT_USAGE, main
from screening.config import ENV_LISTS_DIR, bundled_sample_path
from screening.matching.screener import INDEX_FILE

ROOT = Path(__file__).resolve().parent.parent.parent
RUN = "import sys; from screening.cli import main; sys.exit(main(sys.argv[1:]))"


def test_missing_lists_directory_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--lists", "/nonexistent/lists", "--port", "1"]) == EXIT_USAGE
    assert "/nonexistent/lists" in capsys.readouterr().err


def test_watch_needs_a_lists_directory(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(ENV_LISTS_DIR, raising=False)
    assert main(["serve", "--watch", "5"]) == EXIT_USAGE
    assert "--watch needs a positive interval and --lists DIR" in capsys.readouterr().err
    assert main(["serve", "--workers", "0"]) == EXIT_USAGE


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_then_stops_on_sigint(tmp_path: Path, workers: int) -> None:
    shutil.copy(bundled_sample_path(), tmp_path / "SDN_ADVANCED.XML")
    port = _free_port()
    args = ["serve", "--port", str(port), "--lists", str(tmp_path), "--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN, *args], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        status = 0
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status, _ = _get(f"{base}/readyz")
            except OSError:
                status = 0
            if status == 200:
                break
            time.sleep(0.1)
        assert status == 200, "the server did not become ready"
        status, body = _get(f"{base}/v1/screen?name=Chen%20Quanguo")
        assert status == 200
        assert [h["entry"]["uid"] for h in body["hits"]] == [UID_A]  # type: ignore[attr-defined]
        assert (tmp_path / INDEX_FILE).is_file()
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert f"screening serve: http://127.0.0.1:{port} ({workers} worker(s))" in err
    assert "Chen" not in err
