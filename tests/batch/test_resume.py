"""Resuming an interrupted batch run: no row lost, none written twice, same bytes as one run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from factories import entry, watchlist

from screening import BatchProgress, BatchSummary, InputError, Screener, screen_file

ROOT = Path(__file__).resolve().parent.parent.parent
NAMES = ["Chen Quanguo", "Maria Garcia", "", "Wang Mingshan", "too,many", "Li Wei", "José Núñez"]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(
        watchlist(
            [
                entry("29220", "CHEN, Quanguo", programs=["GLOMAG"], dob=1955),
                entry("29162", "WANG, Mingshan", programs=["GLOMAG"], dob=1964),
            ]
        )
    )


def customers(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / "customers.csv"
    body = "".join(f"{i},{NAMES[i % len(NAMES)]}\n" for i in range(rows))
    path.write_text("id,name\n" + body, encoding="utf-8")
    return path


def run(screener: Screener, source: Path, out: Path, **options: object) -> BatchSummary:
    options.setdefault("chunk_rows", 10)
    options.setdefault("workers", 1)
    return screen_file(
        source, out, name_column="name", id_column="id", screener=screener, all_rows=True,
        **options,  # type: ignore[arg-type]
    )  # fmt: skip


def files(out: Path) -> tuple[bytes, bytes]:
    return out.read_bytes(), Path(f"{out}.rejects.csv").read_bytes()


def checkpoint(out: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(Path(f"{out}.checkpoint.json").read_text())
    return data


def interrupt_after(chunks: int) -> object:
    def progress(p: BatchProgress) -> None:
        if p.counts.rows_read >= chunks * 10:
            raise KeyboardInterrupt

    return progress


@pytest.mark.parametrize("workers", [1, 2])
def test_resume_after_ctrl_c_gives_the_same_bytes(
    screener: Screener, tmp_path: Path, workers: int
) -> None:
    source = customers(tmp_path, 200)
    whole = run(screener, source, tmp_path / "whole.csv")
    out = tmp_path / "out.csv"
    with pytest.raises(KeyboardInterrupt):
        run(screener, source, out, workers=workers, progress=interrupt_after(5))
    assert checkpoint(out)["counts"]["rows_read"] == 50  # type: ignore[index]
    assert checkpoint(out)["complete"] is False
    # A chunk written after the last checkpoint, as a crash can leave, must not be duplicated.
    with open(out, "ab") as f:
        f.write(b"garbage written after the checkpoint\r\n")
    resumed = run(screener, source, out, workers=workers, resume_run=True)
    assert files(out) == files(tmp_path / "whole.csv")
    assert resumed.rows_resumed == 50
    assert (resumed.rows_read, resumed.rows_rejected) == (whole.rows_read, whole.rows_rejected)
    assert resumed.rows_screened + resumed.rows_rejected == resumed.rows_read == 200
    assert checkpoint(out)["complete"] is True


def test_resume_of_a_finished_run_changes_nothing(screener: Screener, tmp_path: Path) -> None:
    source, out = customers(tmp_path, 30), tmp_path / "out.csv"
    first = run(screener, source, out)
    before = files(out)
    again = run(screener, source, out, resume_run=True)
    assert files(out) == before
    assert (again.rows_read, again.hits, again.rows_resumed) == (30, first.hits, 30)


def test_resume_without_a_checkpoint_starts_over(screener: Screener, tmp_path: Path) -> None:
    source, out = customers(tmp_path, 30), tmp_path / "out.csv"
    summary = run(screener, source, out, resume_run=True)
    assert (summary.rows_read, summary.rows_resumed) == (30, 0)


def _interrupted(screener: Screener, tmp_path: Path) -> tuple[Path, Path]:
    source, out = customers(tmp_path, 100), tmp_path / "out.csv"
    with pytest.raises(KeyboardInterrupt):
        run(screener, source, out, progress=interrupt_after(3))
    return source, out


def test_resume_with_other_options_is_refused(screener: Screener, tmp_path: Path) -> None:
    source, out = _interrupted(screener, tmp_path)
    with pytest.raises(InputError, match="other options or lists; run without --resume"):
        run(screener, source, out, resume_run=True, threshold=0.9)
    with pytest.raises(InputError, match="other options"):
        run(screener, source, out, resume_run=True, output_format="jsonl")


def test_resume_with_other_lists_is_refused(screener: Screener, tmp_path: Path) -> None:
    source, out = _interrupted(screener, tmp_path)
    other = Screener(watchlist([entry("1", "DOE, John")], source="CONSOLIDATED"))
    with pytest.raises(InputError, match="other options or lists"):
        run(other, source, out, resume_run=True)


def test_resume_on_a_changed_input_is_refused(screener: Screener, tmp_path: Path) -> None:
    source, out = _interrupted(screener, tmp_path)
    with open(source, "a", encoding="utf-8") as f:
        f.write("999,Added Later\n")
    with pytest.raises(InputError, match="another input"):
        run(screener, source, out, resume_run=True)


def test_resume_on_a_truncated_output_is_refused(screener: Screener, tmp_path: Path) -> None:
    source, out = _interrupted(screener, tmp_path)
    out.write_bytes(out.read_bytes()[:10])
    with pytest.raises(InputError, match="the file was changed since"):
        run(screener, source, out, resume_run=True)


def test_resume_needs_files(screener: Screener, tmp_path: Path) -> None:
    source = customers(tmp_path, 3)
    with open(source, "rb") as stream, pytest.raises(InputError, match="input file"):
        screen_file(
            stream, tmp_path / "o.csv", name_column="name", screener=screener, resume_run=True
        )


# --- a real process, killed -----------------------------------------------------------------

# Ctrl-C's handler is restored: a test run started in the background (a CI job) would
# otherwise pass on an ignored SIGINT to the child, which then never sees the signal.
_CHILD = """
import signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)
from screening.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _cli(*args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SCREENING_LISTS_DIR", None)
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for_rows(out: Path, rows: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if checkpoint(out)["counts"]["rows_read"] >= rows:  # type: ignore[index]
                return
        except (FileNotFoundError, json.JSONDecodeError):
            pass
        time.sleep(0.02)
    pytest.fail("the batch finished or stalled before it could be interrupted")


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_killed_process_resumes_to_the_same_bytes(tmp_path: Path, sig: signal.Signals) -> None:
    # Enough rows that the run is still going when the signal lands, on a fast machine too.
    source = customers(tmp_path, 40_000)
    common = ["batch", str(source), "--name-column", "name", "--id-column", "id", "--all-rows",
              "--chunk-rows", "200", "--workers", "2", "-q"]  # fmt: skip
    whole = _cli(*common, "-o", str(tmp_path / "whole.csv"))
    out = tmp_path / "out.csv"
    victim = _cli(*common, "-o", str(out))
    _wait_for_rows(out, 1000, victim)
    victim.send_signal(sig)
    _, stderr = victim.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert victim.returncode == 130
        assert b"run again with --resume" in stderr
    else:
        assert victim.returncode == -signal.SIGKILL
    assert not checkpoint(out)["complete"]
    resumed = _cli(*common, "-o", str(out), "--resume")
    for process in (resumed, whole):
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr.decode()
    assert files(out) == files(tmp_path / "whole.csv")
    assert checkpoint(out)["counts"] == checkpoint(tmp_path / "whole.csv")["counts"]
