"""Every case of ../shared/conformance/markdown, byte for byte, through the ratchet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ratchet import ratchet_params, require_shared

from newsletter_liquid.kramdown import render_markdown

ROOT = require_shared("conformance", "markdown")
CASES = json.loads((ROOT / "manifest.json").read_text("utf-8"))["cases"]


def _case_id(case: dict[str, Any]) -> str:
    return f"{case['family']}/{case['id']}"


@pytest.mark.parametrize(
    "case", ratchet_params("markdown", ((_case_id(c), c) for c in CASES))
)
def test_markdown_case(case: dict[str, Any]) -> None:
    source = (ROOT / case["markdown"]).read_bytes().decode("utf-8")
    expected = (ROOT / case["html"]).read_bytes()
    actual = render_markdown(source).encode("utf-8", "surrogateescape")
    assert actual == expected


def test_manifest_is_complete() -> None:
    assert len(CASES) == json.loads((ROOT / "manifest.json").read_text("utf-8"))["total"]
    assert all(Path(ROOT / c["markdown"]).exists() for c in CASES)
