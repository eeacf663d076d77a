"""The setup: the pinned set is fully pinned and agrees with pyproject.toml, and .ci/setup
refuses, in one line and before it installs anything, a Python older than the package claims.

Installing the set under the oldest claimed Python is .ci/run's job (it sets up a second venv
under Debian's /usr/bin/python3 when that is older than python3); here a stand-in Python that
reports an older version checks the refusal without installing anything.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
LOCKS = [ROOT / ".ci" / "requirements.lock", ROOT / ".ci" / "requirements-test.lock"]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CLAIMED = PYPROJECT["project"]["requires-python"].removeprefix(">=")


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!]+)", line.strip())
        assert match, f"not pinned with ==: {line!r}"
        assert normalized(match[1]) not in found, f"pinned twice: {line!r}"
        found[normalized(match[1])] = match[2]
    return found


def lock_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def test_the_locks_pin_every_package_once():
    runtime, test = (pins(lock_lines(path)) for path in LOCKS)
    assert not runtime.keys() & test.keys(), "a package is in both locks"


def test_pyproject_pins_what_the_locks_pin():
    locked = pins([line for path in LOCKS for line in lock_lines(path)])
    project = PYPROJECT["project"]
    declared = pins([*project["dependencies"], *project["optional-dependencies"]["test"]])
    assert {name: locked.get(name) for name in declared} == declared


def test_requires_python_is_a_lower_bound_setup_can_read():
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?", CLAIMED), PYPROJECT["project"]["requires-python"]


def stand_in_python(path: Path, version: tuple[int, int, int]) -> Path:
    """An executable that runs `-c CODE ARGS` in this Python, with sys.version_info faked."""
    path.parent.mkdir(parents=True, exist_ok=True)
    wrapper = (f"import sys; sys.version_info = ({', '.join(map(str, version))}, \"final\", 0); "
               "code = sys.argv[1]; del sys.argv[1]; exec(code)")
    path.write_text(f'#!/bin/sh\n[ "$1" = -c ] && shift\nexec "{sys.executable}" -c \'{wrapper}\' "$@"\n',
                    encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def checkout(tmp_path) -> Path:
    """The setup script and pyproject.toml alone: a setup that wrongly went on would fail at
    once for want of the locks, rather than install anything."""
    root = tmp_path / "checkout"
    (root / ".ci").mkdir(parents=True)
    shutil.copy(ROOT / ".ci" / "setup", root / ".ci" / "setup")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def run_setup(checkout: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHON", "VENV")}
    return subprocess.run(["bash", str(checkout / ".ci" / "setup")], env={**environment, **env},
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)


def test_setup_refuses_an_older_python_in_one_line(checkout, tmp_path):
    python = stand_in_python(tmp_path / "bin" / "python", (3, 10, 13))
    result = run_setup(checkout, PYTHON=str(python), VENV=str(tmp_path / "venv"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "3.10.13" in result.stderr and CLAIMED in result.stderr and str(python) in result.stderr
    assert not (tmp_path / "venv").exists()


def test_setup_checks_the_python_of_a_venv_it_would_reuse(checkout, tmp_path):
    venv = tmp_path / "old-venv"
    stand_in_python(venv / "bin" / "python", (3, 10, 0))
    result = run_setup(checkout, PYTHON=sys.executable, VENV=str(venv))
    assert result.returncode == 1
    assert "3.10.0" in result.stderr and str(venv / "bin" / "python") in result.stderr


def test_setup_refuses_a_python_it_cannot_run(checkout, tmp_path):
    result = run_setup(checkout, PYTHON=str(tmp_path / "no-such-python"), VENV=str(tmp_path / "venv"))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "no-such-python" in result.stderr
    assert not (tmp_path / "venv").exists()
