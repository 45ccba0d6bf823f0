"""Shared fixtures: the ``kazakh`` command the parity tests compare with.

The command is ``$KAZAKH_CLI`` when set (CI builds it first with ``cargo
build --release -p kazakh-cli``), else ``target/release/kazakh`` of the
repository, built with that command when it is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _cli() -> Path:
    env = os.environ.get("KAZAKH_CLI")
    if env:
        path = Path(env)
        if not path.is_file():
            raise FileNotFoundError(f"KAZAKH_CLI={env} is not a file")
        return path
    path = REPO / "target" / "release" / "kazakh"
    if not path.is_file():
        subprocess.run(
            ["cargo", "build", "--release", "-q", "-p", "kazakh-cli"], cwd=REPO, check=True
        )
    return path


@pytest.fixture(scope="session")
def cli() -> Path:
    return _cli()


def run_cli(cli: Path, *args: str, input: bytes | None = None) -> list[str]:
    """The lines ``kazakh`` prints (it must succeed)."""
    out = subprocess.run([str(cli), *args], input=input, capture_output=True, check=False)
    assert out.returncode == 0, out.stderr.decode(errors="replace")
    return out.stdout.decode().splitlines()
