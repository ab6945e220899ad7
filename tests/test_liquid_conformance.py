"""Every case of ../shared/conformance/liquid through the ratchet.

Site and skeleton cases: the conformance site is built once with our builder and
each case's output compared byte for byte with Jekyll's. Isolated cases (errors):
the skeleton plus the one case, built through the CLI; the build must fail exactly
when Jekyll's did (one ``path:line:col: message`` line, no traceback) and write the
same page when Jekyll wrote one.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from ratchet import ratchet_params, require_shared
from sitebuild import REFERENCE_EPOCH, build_outputs

from newsletter_liquid.cli import main

ROOT = require_shared("conformance", "liquid")
CASES: dict[str, dict[str, Any]] = json.loads((ROOT / "manifest.json").read_text("utf-8"))[
    "cases"
]


@pytest.fixture(scope="module")
def site_outputs() -> dict[str, bytes]:
    return build_outputs(ROOT / "site")


def _params() -> list[Any]:
    return ratchet_params("liquid", ((cid, (cid, case)) for cid, case in sorted(CASES.items())))


@pytest.mark.parametrize("item", _params())
def test_liquid_case(
    item: tuple[str, dict[str, Any]], request: pytest.FixtureRequest,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    case_id, case = item
    if case["build"] != "isolated":
        outputs: dict[str, bytes] = request.getfixturevalue("site_outputs")
        assert case["outputs"], f"{case_id} names no output"
        for out in case["outputs"]:
            expected = (ROOT / out["expected"]).read_bytes()
            assert outputs.get(out["site_path"]) == expected, out["site_path"]
        return
    site = tmp_path / "site"
    shutil.copytree(ROOT / "skeleton", site)
    target = site / case["place_at"]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / case["source"], target)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", REFERENCE_EPOCH)
    dest = tmp_path / "out"
    status = main(["build", "-q", "-s", str(site), "-d", str(dest)])
    err = capsys.readouterr().err
    if case["expected_exit_code"] == 0:
        assert status == 0, err
    else:
        assert status == 1
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in err, err
        assert lines[0].startswith(case["place_at"] + ":") or ":" in lines[0], err
    for out in case["outputs"]:
        expected = (ROOT / out["expected"]).read_bytes()
        written = dest / out["site_path"]
        assert written.exists() and written.read_bytes() == expected, out["site_path"]
