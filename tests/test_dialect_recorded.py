"""Liquid semantics checked against outputs recorded from real Jekyll 4.3.1.

``tests/data/dialect/recorded.json`` holds small self-contained templates (each
built by Jekyll as a page body) with Jekyll's output, and templates that make
Jekyll fail (or not) under a given ``liquid:`` configuration.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsletter_liquid.dialect import JekyllEnvironment
from newsletter_liquid.errors import TemplateError

DATA = json.loads((Path(__file__).parent / "data" / "dialect" / "recorded.json").read_text("utf-8"))


@pytest.mark.parametrize("case", DATA["render"], ids=lambda c: c["id"])
def test_renders_like_jekyll(case: dict[str, Any]) -> None:
    env = JekyllEnvironment(None)
    assert env.render_template(case["template"], {}, "page.html") == case["expected"]


@pytest.mark.parametrize("case", DATA["errors"], ids=lambda c: c["id"])
def test_fails_exactly_when_jekyll_does(case: dict[str, Any]) -> None:
    env = JekyllEnvironment(None, config={"liquid": case["liquid"]})
    data: dict[str, Any] = {}
    if case["fails"]:
        with pytest.raises(TemplateError) as info:
            env.render_template(case["template"], data, "page.html")
        assert info.value.filename == "page.html"
        assert info.value.line is not None and "\n" not in info.value.message
    else:
        assert env.render_template(case["template"], data, "page.html") == case["expected"]
