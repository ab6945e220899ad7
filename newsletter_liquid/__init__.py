"""Render Jekyll sites byte-identically to Jekyll 4.3.1, from Python.

The pipeline, one module per stage: ``frontmatter`` → ``config`` / ``site`` →
``dialect`` (Liquid) → ``kramdown`` (Markdown) → ``layouts`` → ``renderer`` → output.
Names are imported lazily so that starting the command stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _lazyimport

_lazyimport.install()

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "FrontMatter",
    "FrontMatterError",
    "LayoutError",
    "MarkdownError",
    "NewsletterLiquidError",
    "Site",
    "SiteError",
    "TemplateError",
    "load_config",
    "parse_front_matter",
    "render_markdown",
]

_LAZY = {
    "ConfigError": "errors",
    "FrontMatterError": "errors",
    "LayoutError": "errors",
    "MarkdownError": "errors",
    "NewsletterLiquidError": "errors",
    "SiteError": "errors",
    "TemplateError": "errors",
    "FrontMatter": "frontmatter",
    "parse_front_matter": "frontmatter",
    "load_config": "config",
    "Site": "site",
    "render_markdown": "kramdown",
}

if TYPE_CHECKING:
    from .config import load_config
    from .errors import (
        ConfigError,
        FrontMatterError,
        LayoutError,
        MarkdownError,
        NewsletterLiquidError,
        SiteError,
        TemplateError,
    )
    from .frontmatter import FrontMatter, parse_front_matter
    from .kramdown import render_markdown
    from .site import Site


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
