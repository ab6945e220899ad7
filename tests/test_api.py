"""The public API: what __all__ promises exists, and importing stays cheap."""

from __future__ import annotations

import importlib
import subprocess
import sys
import types

import pytest

import newsletter_liquid

STAGES = [
    "newsletter_liquid.errors",
    "newsletter_liquid.frontmatter",
    "newsletter_liquid.config",
    "newsletter_liquid.site",
    "newsletter_liquid.document",
    "newsletter_liquid.urls",
    "newsletter_liquid.dialect",
    "newsletter_liquid.kramdown",
    "newsletter_liquid.layouts",
    "newsletter_liquid.renderer",
    "newsletter_liquid.plugins",
    "newsletter_liquid.cli",
]


def test_top_level_all_is_the_public_names() -> None:
    public = {
        n for n in dir(newsletter_liquid)
        if not n.startswith("_")
        and not isinstance(getattr(newsletter_liquid, n, None), types.ModuleType)
    }
    public -= {"annotations", "TYPE_CHECKING", "Any"}
    assert set(newsletter_liquid.__all__) == public
    for name in newsletter_liquid.__all__:
        assert getattr(newsletter_liquid, name) is not None


@pytest.mark.parametrize("module_name", STAGES)
def test_each_stage_lists_its_api(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert module.__all__, f"{module_name} has an empty __all__"
    for name in module.__all__:
        assert hasattr(module, name), f"{module_name}.__all__ names missing {name}"
        assert not name.startswith("_")


def test_errors_share_one_base() -> None:
    from newsletter_liquid import errors

    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.NewsletterLiquidError)


def test_importing_the_package_loads_no_engine() -> None:
    """A pre-commit hook starts the program on every commit: `import` must stay light."""
    code = (
        "import sys, newsletter_liquid, newsletter_liquid.cli;"
        "heavy = [m for m in ('liquid', 'mistune', 'pygments', 'yaml') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == ""
