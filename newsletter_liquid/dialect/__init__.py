"""Jekyll's dialect of Liquid (Jekyll 4.3.1 on liquid 5.4), built on python-liquid.

Besides the environment, the names a plugin needs to add tags and filters
(see docs/liquid.md); they are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .environment import JekyllEnvironment, SiteContext

__all__ = [
    "BlockTag",
    "JekyllEnvironment",
    "RenderError",
    "SiteContext",
    "TagNode",
    "evaluate",
    "liquid_filter",
    "parse_expression",
    "register_tag",
    "to_s",
]

_LAZY = {
    "BlockTag": "parsing",
    "TagNode": "parsing",
    "RenderError": "expressions",
    "evaluate": "expressions",
    "parse_expression": "expressions",
    "liquid_filter": "filters._base",
    "register_tag": "tags",
    "to_s": "rubyvalues",
}

if TYPE_CHECKING:
    from .expressions import RenderError, evaluate, parse_expression
    from .filters._base import liquid_filter
    from .parsing import BlockTag, TagNode
    from .rubyvalues import to_s
    from .tags import register_tag


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
