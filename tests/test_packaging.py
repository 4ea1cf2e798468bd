"""What `pip install .` installs: every package, the bundled sample list and the data tables."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "screening").rglob("__init__.py")
    }
    assert found | {"screening.lists"} == listed


def test_the_bundled_sample_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    assert setuptools["package-dir"]["screening.lists"] == "lists"
    assert "sample/*" in setuptools["package-data"]["screening.lists"]
    assert (ROOT / "lists" / "sample" / "SDN_ADVANCED.XML").is_file()
