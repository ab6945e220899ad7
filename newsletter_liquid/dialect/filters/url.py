"""URL filters: ``relative_url``, ``absolute_url`` (Jekyll::Filters::URLFilters)."""

from __future__ import annotations

import urllib.parse
from typing import TYPE_CHECKING, Any

from liquid.filter import with_context

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..environment import JekyllEnvironment

__all__ = ["absolute_url", "register", "relative_url"]


def _config(context: RenderContext) -> dict[str, Any]:
    site = getattr(context.env, "site", None)
    return site.config if site is not None else {}


def _ensure_leading_slash(text: str) -> str:
    return text if text.startswith("/") else "/" + text


@with_context
def relative_url(value: Any, *, context: RenderContext) -> Any:
    """Prefix ``baseurl``, as Jekyll does, leaving absolute URLs alone."""
    if value is None:
        return None
    text = str(value)
    if urllib.parse.urlsplit(text).scheme:
        return text
    baseurl = _config(context).get("baseurl")
    base = _ensure_leading_slash(str(baseurl)) if baseurl else ""
    path = _ensure_leading_slash(text)
    joined = (base.rstrip("/") + path) if base else path
    return urllib.parse.quote(joined, safe="/:?#[]@!$&'()*+,;=%-._~")


@with_context
def absolute_url(value: Any, *, context: RenderContext) -> Any:
    """Prefix ``url`` and ``baseurl`` unless the value already has a scheme."""
    if value is None:
        return None
    text = str(value)
    if urllib.parse.urlsplit(text).scheme:
        return text
    site_url = _config(context).get("url")
    relative = relative_url(text, context=context)
    if not site_url:
        return relative
    return str(site_url).rstrip("/") + relative


def register(env: JekyllEnvironment) -> None:
    env.add_filter("relative_url", relative_url)
    env.add_filter("absolute_url", absolute_url)
