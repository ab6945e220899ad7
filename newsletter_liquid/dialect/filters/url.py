"""URL filters: ``relative_url``, ``absolute_url``, ``strip_index`` (Jekyll's URLFilters).

Results go through Addressable's normalisation, as Jekyll's do: non-ASCII and
spaces percent-encoded, dot segments removed, scheme and host lower-cased.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ._base import filter_error, liquid_filter, remember, ruby_str, site_of
from ._uri import is_absolute, normalize_uri

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..environment import JekyllEnvironment

__all__ = ["absolute_url", "register", "relative_url"]


def _config(context: RenderContext | None) -> Mapping[str, Any]:
    site = site_of(context)
    return site.config if site is not None else {}


def _ensure_leading_slash(text: str) -> str:
    return text if not text or text.startswith("/") else "/" + text


def _url_of(value: Any) -> Any:
    """Jekyll takes ``input.url`` from what has a ``url`` method: document drops."""
    from ..drops import DocumentDrop

    if isinstance(value, DocumentDrop):
        return value["url"]
    return value


def compute_relative_url(value: Any, config: Mapping[str, Any]) -> Any:
    value = _url_of(value)
    text = ruby_str(value)
    if is_absolute(text):
        return value
    baseurl = config.get("baseurl")
    base = "" if baseurl is None else ruby_str(baseurl)
    if base.endswith("/"):
        base = base[:-1]
    return normalize_uri(_ensure_leading_slash(base) + _ensure_leading_slash(text))


def compute_absolute_url(value: Any, config: Mapping[str, Any]) -> Any:
    value = _url_of(value)
    text = ruby_str(value)
    if is_absolute(text):
        return value
    site_url = config.get("url")
    relative = compute_relative_url(value, config)
    if site_url is None or site_url == "":
        return relative
    return normalize_uri(ruby_str(site_url) + ruby_str(relative))


def _memoized(
    compute: Callable[[Any, Mapping[str, Any]], Any], value: Any, context: RenderContext
) -> Any:
    """``compute(value, config)``, kept per environment for a string and string settings:
    the same few URLs are normalised on every page."""
    config = _config(context)
    memo = getattr(context.env, "filter_memo", None) if context is not None else None
    if memo is None or type(value) is not str:
        return compute(value, config)
    url, baseurl = config.get("url"), config.get("baseurl")
    if not (url is None or type(url) is str) or not (baseurl is None or type(baseurl) is str):
        return compute(value, config)
    key = (compute, value, url, baseurl)
    result = memo.get(key)
    return result if result is not None else remember(memo, key, compute(value, config))


@liquid_filter
def relative_url(value: Any, *, context: RenderContext) -> Any:
    """Prefix `site.baseurl` to a path (Jekyll)."""
    if value is None:
        return None
    return _memoized(compute_relative_url, value, context)


@liquid_filter
def absolute_url(value: Any, *, context: RenderContext) -> Any:
    """Prefix `site.url` and `site.baseurl` to a path; full URLs pass through (Jekyll)."""
    if value is None:
        return None
    return _memoized(compute_absolute_url, value, context)


_INDEX_RE = re.compile(r"/index\.html?$", re.M)


@liquid_filter
def strip_index(value: Any) -> str | None:
    """Remove a trailing `index.html` or `index.htm` from a URL (Jekyll)."""
    if value is None or ruby_str(value) == "":
        return None
    if not isinstance(value, str):
        raise filter_error(f"undefined method `sub' for {ruby_str(value)}")
    return _INDEX_RE.sub("/", value, count=1)


def register(env: JekyllEnvironment) -> None:
    env.add_filter("relative_url", relative_url)
    env.add_filter("absolute_url", absolute_url)
    env.add_filter("strip_index", strip_index)
