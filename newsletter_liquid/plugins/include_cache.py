"""jekyll-include-cache 0.2.1: ``{% include_cached %}``, an include rendered once per
file and parameter values for the whole build (the page it is in does not count)."""

from __future__ import annotations

import datetime
import io
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from . import Plugin

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..dialect import JekyllEnvironment

__all__ = ["IncludeCachePlugin"]

# Deeper values are told apart by identity (Ruby hashes them all the way down).
_MAX_DEPTH = 32


class _Same:
    """An object the gem tells apart by ``object_id``; holding it keeps its ``id`` from
    being reused by another object while the cache lives."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value

    def __hash__(self) -> int:
        return id(self.value)


def _drop_key(value: Any) -> Any:
    """The identity Jekyll's drop would have: a document's and a static file's drop are
    made once (``@to_liquid ||=``), so are the render's ``site`` and its
    ``site.collections``; a document's ``excerpt`` reads as its rendered text."""
    from ..dialect.drops import (
        CollectionDrop,
        DocumentDrop,
        ExcerptDrop,
        JekyllDrop,
        SiteDrop,
        StaticFileDrop,
    )

    if isinstance(value, ExcerptDrop):  # ``post.excerpt`` is the rendered string
        return ("str", str(value))
    if isinstance(value, CollectionDrop):  # only ``site.collections`` lists them: memoized
        return _Same(value.collection)
    if isinstance(value, DocumentDrop):
        return _Same(value.doc)
    if isinstance(value, StaticFileDrop):
        return _Same(value.file)
    if isinstance(value, SiteDrop):
        return _Same(value.site)
    if isinstance(value, JekyllDrop):
        return ("jekyll",)
    return _Same(value)


def _value_key(value: Any, depth: int = 0) -> Any:
    """What Ruby's ``value.hash`` sees: Jekyll drops by identity, plain values (arrays
    and hashes too, a page's ``page`` hash among them) by content, 1 apart from 1.0."""
    from ..dialect.drops import Drop, PageHash

    if isinstance(value, Drop):
        return _drop_key(value)
    if depth and isinstance(value, PageHash):
        # in a list (``site.pages``, what a filter kept of it) Jekyll has the Page
        # itself, hashed by identity: its path and URL tell it apart
        return ("page", value.get("path"), value.get("url"))
    if value is None or isinstance(value, (str, bool, int, float)):
        return (type(value).__name__, value)
    if isinstance(value, (datetime.date, datetime.time)):
        return (type(value).__name__, value)
    if depth < _MAX_DEPTH:
        if isinstance(value, (list, tuple)):
            return ("array", tuple(_value_key(v, depth + 1) for v in value))
        if isinstance(value, Mapping):
            return ("hash", frozenset(
                (_value_key(k, depth + 1), _value_key(v, depth + 1)) for k, v in value.items()
            ))
    return _Same(value)


def _params_key(params: Mapping[str, Any] | None) -> Any:
    """The gem hashes the values in the order of their names, not the names: ``x=1`` and
    ``y=1`` share an entry (and show the first one's ``include``)."""
    if params is None:
        return None
    return tuple(_value_key(params[name]) for name in sorted(params))


def _cached_include_node() -> type[Any]:
    from ..dialect.tags.include import IncludeTag

    class IncludeCachedTag(IncludeTag):
        __slots__ = ()

        def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
            site: Any = getattr(context.env, "site", None)
            cache: dict[Any, str] = site.include_cache if site is not None else {}
            params = self._params(context) if self.params is not None else None
            key = (self._file_name(context), _params_key(params))
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
