"""jekyll-include-cache 0.2: ``{% include_cached %}``, an include rendered once per
file and parameters for the whole build (the page it is in does not count)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from . import Plugin

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..dialect import JekyllEnvironment

__all__ = ["IncludeCachePlugin"]


def _frozen(value: Any) -> Any:
    # Drops and other objects count by identity (the gem's object_id), plain values
    # by value.
    if isinstance(value, (str, int, float, bool)) or value is None:
        return (type(value).__name__, value)
    return ("id", id(value))


def _cached_include_node() -> type[Any]:
    from ..dialect.tags.include import IncludeTag

    class IncludeCachedTag(IncludeTag):
        __slots__ = ()

        def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
            site: Any = getattr(context.env, "site", None)
            cache: dict[Any, str] = site.include_cache if site is not None else {}
            params: Mapping[str, Any] = self._params(context) if self.params is not None else {}
            key = (self._file_name(context),
                   tuple(sorted((k, _frozen(v)) for k, v in params.items())))
            if key not in cache:
                out = io.StringIO()
                super().render_to_output(context, out)
                cache[key] = out.getvalue()
            buffer.write(cache[key])
            return 0

    return IncludeCachedTag


class IncludeCachePlugin(Plugin):
    name = "jekyll-include-cache"
    refreshable = True

    def register_liquid(self, env: JekyllEnvironment) -> None:
        from ..dialect.tags import register_tag

        register_tag(env, "include_cached", _cached_include_node())
