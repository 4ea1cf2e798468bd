"""The public API: flat, sorted, importable, and importing it reads no list file."""

from __future__ import annotations

import subprocess
import sys
from types import ModuleType

import screening


def test_all_is_sorted_and_unique() -> None:
    assert list(screening.__all__) == sorted(set(screening.__all__))


def test_every_public_name_exists() -> None:
    missing = [name for name in screening.__all__ if not hasattr(screening, name)]
    assert missing == []


def test_public_names_are_exactly_these() -> None:
    # Public names are a contract: adding one is a decision, removing one breaks users.
    public = {
        name
        for name in dir(screening)
        if not name.startswith("_") and not isinstance(getattr(screening, name), ModuleType)
    } - {"annotations"}  # `from __future__ import annotations`
    assert public == set(screening.__all__) - {"__version__"}


def test_input_errors_are_value_errors() -> None:
    for cls in (screening.ListFormatError, screening.InputError, screening.OwnershipError):
        assert issubclass(cls, screening.ScreeningError)
        assert issubclass(cls, ValueError)


def test_list_format_error_names_file_and_line() -> None:
    err = screening.ListFormatError("SDN.CSV", 12, "bad date '31 Feb 1960'")
    assert str(err) == "SDN.CSV, line 12: bad date '31 Feb 1960'"
    assert (err.path, err.where) == ("SDN.CSV", 12)


def test_import_reads_no_list_file() -> None:
    # Run in a fresh interpreter and record every file opened during `import screening`.
    code = (
        "import builtins, io, sys\n"
        "opened = []\n"
        "real = io.open\n"
        "def spy(file, *a, **k):\n"
        "    opened.append(str(file)); return real(file, *a, **k)\n"
        "builtins.open = io.open = spy\n"
        "import screening\n"
        "bad = [f for f in opened if f.lower().endswith(('.xml', '.csv'))]\n"
        "sys.exit(1 if bad else 0)\n"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
