"""`screening screen NAME` through main(): the table, --json, warnings and exit codes."""

from __future__ import annotations

import pytest
from conftest import shared_data

from screening import ScreeningResult
from screening.cli import EXIT_HITS, EXIT_OK, EXIT_USAGE, main


@pytest.fixture(autouse=True)
def _bundled_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCREENING_LISTS_DIR", raising=False)


def test_readme_first_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "陈全国"]) == EXIT_OK
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split() == ["rank", "score", "uid", "matched", "name", "programs", "list"]
    assert lines[1].split() == ["1", "1.0000", "29220", "陈全国", "GLOMAG", "SDN", "2020-07-09",
                                "(sample)"]  # fmt: skip
    assert "1. 29220 CHEN, Quanguo [GLOMAG]; via '陈全国'" in out
    assert "bundled SAMPLE list" in err and "warning" in err
    # Han characters take two columns: the next column starts at the same terminal column.
    assert lines[0].index("programs") == lines[1].index("GLOMAG") + len("陈全国")


def test_romanised_name_with_dob_and_country(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "Chen Quanguo", "--dob", "1955", "--country", "CN"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "29220" in out and "dob year 1955 fits listed 1955" in out


def test_json_output_is_the_result_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "Wang Mingshan", "--json", "--limit", "1"]) == EXIT_OK
    result = ScreeningResult.model_validate_json(capsys.readouterr().out)
    assert [h.entry.uid for h in result.hits] == ["29162"]
    assert result.options.limit == 1 and result.lists[0].sample


def test_no_hit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "Maria Fernanda Oliveira", "--fail-on-hit"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.strip() == "no hit at threshold 0.85 against SDN 2020-07-09 (sample) (5 entries)"


def test_fail_on_hit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "Zhu Hailun", "--fail-on-hit"]) == EXIT_HITS


def test_kind_filters_hits(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "Xinjiang Public Security Bureau", "--kind", "individual"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("no hit")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["screen", "x", "--threshold", "1.5"], "must be in (0, 1]"),
        (["screen", "x", "--threshold", "high"], "not a number"),
        (["screen", "x", "--limit", "0"], "must be at least 1"),
        (["screen", "x", "--kind", "person"], "invalid choice"),
        (["screen", "x", "--dob", "31 Feb 1960"], "31 Feb 1960"),
        (["screen", "x", "--country", "Atlantis"], "unknown country 'Atlantis'"),
        (["screen", "  "], "NAME is empty"),
        (["screen", "x", "--lists", "/nonexistent/lists"], "/nonexistent/lists"),
    ],
)
def test_usage_and_input_errors_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(args) == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_help_lists_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "--help"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "exit codes:" in out and "1  hits were found and --fail-on-hit was given" in out


@pytest.mark.realdata
def test_lists_directory(capsys: pytest.CaptureFixture[str]) -> None:
    lists = shared_data("ofac", "cons_csv_2025-12-19")
    assert main(["screen", "Ismail Haniya", "--lists", str(lists)]) == EXIT_OK
    out, err = capsys.readouterr()
    assert "9639" in out and "NS-PLC" in out and "CONSOLIDATED" in out
    assert "SAMPLE" not in err
