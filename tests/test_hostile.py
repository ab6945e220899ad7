"""Hostile input: each case finishes, rendered or with one of our errors; never a crash or a hang.

Every case runs in a child process (tests/hostile_runner.py) with a 2 GiB memory cap and a
generous time guard, so a hang or a memory blow-up fails the case instead of the suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_families import FAMILIES

RUNNER = Path(__file__).resolve().parent / "hostile_runner.py"
HANG_GUARD_SECONDS = 120
CASES = [(name, family) for family, gen in FAMILIES.items() for name, _k, _p in gen()]


@pytest.mark.parametrize(("name", "family"), CASES, ids=[c[0] for c in CASES])
def test_hostile_case_finishes_cleanly(name: str, family: str) -> None:
    proc = subprocess.run(
        [sys.executable, str(RUNNER), name], capture_output=True, text=True,
        timeout=HANG_GUARD_SECONDS, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["outcome"] in ("rendered", "clean error"), result["detail"]
