"""The conformance ratchet: cases known not to match yet run as strict xfail.

Each ``tests/known_failures/<suite>.txt`` line is ``<case id>  # <reason>``.
A case that starts matching makes its xfail fail (``xfail_strict``), so the
list can only shrink; a case not on the list that stops matching fails.
Regenerate a list with ``python scripts/update_known_failures.py <suite>``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
KNOWN_DIR = Path(__file__).resolve().parent / "known_failures"


def known_failures(suite: str) -> dict[str, str]:
    """Map case id -> reason for one suite's known-failures file."""
    path = KNOWN_DIR / f"{suite}.txt"
    known: dict[str, str] = {}
    if not path.exists():
        return known
    for raw in path.read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        case_id, _, reason = line.partition("#")
        known[case_id.strip()] = reason.strip() or "differs from Jekyll"
    return known


def ratchet_params(suite: str, cases: Iterable[tuple[str, Any]]) -> list[Any]:
    """pytest params for (case id, payload) pairs, known failures marked strict xfail."""
    known = known_failures(suite)
    params = []
    for case_id, payload in cases:
        marks = []
        if case_id in known:
            marks.append(pytest.mark.xfail(strict=True, reason=known[case_id]))
        params.append(pytest.param(payload, id=case_id, marks=marks))
    return params


def require_shared(*parts: str) -> Path:
    """Path under ../shared, or skip the module with the reason it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"{path} is absent: the shared conformance data lives beside the repo "
            "(../shared) and is not part of the project",
            allow_module_level=True,
        )
    return path
