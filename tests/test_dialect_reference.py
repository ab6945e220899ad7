"""Every registered filter and tag says what it does, and docs/reference.md is current."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

from newsletter_liquid.dialect import JekyllEnvironment

ROOT = Path(__file__).resolve().parent.parent
ENV = JekyllEnvironment(None)


def _summary(doc: str) -> str:
    """The first paragraph, as the reference page shows it: says whose behaviour it has."""
    return " ".join(doc.split("\n\n")[0].split())


@pytest.mark.parametrize("name", sorted(ENV.filters))
def test_filter_has_a_docstring(name: str) -> None:
    func = ENV.filters[name]
    doc = inspect.getdoc(getattr(func, "__wrapped__", func)) or ""
    assert _summary(doc).endswith((" (Liquid).", " (Jekyll).", "Liquid's)."))


@pytest.mark.parametrize("name", sorted(ENV.tags))
def test_tag_has_a_docstring(name: str) -> None:
    doc = inspect.getdoc(ENV.tags[name].node_class) or ""  # type: ignore[attr-defined]
    assert _summary(doc).endswith((" (Liquid).", " (Jekyll)."))


def test_reference_page_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_reference.py"), "--check"], check=False
    )
    assert result.returncode == 0, "run: python scripts/gen_reference.py"
