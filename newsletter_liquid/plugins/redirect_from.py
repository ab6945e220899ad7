"""jekyll-redirect-from 0.16: ``redirect_from`` pages, ``redirect_to`` documents and
``redirects.json``."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from ..document import Document, Layout, Page
from ..errors import SiteError
from . import Plugin
from ._common import absolute_url, ensure_leading_slash, in_source_exists

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["RedirectFromPlugin", "RedirectPage"]

# The gem's redirect.html layout, used unless the site has a "redirect" layout.
REDIRECT_LAYOUT = """<!DOCTYPE html>
<html lang="en-US">
  <meta charset="utf-8">
  <title>Redirecting&hellip;</title>
  <link rel="canonical" href="{{ page.redirect.to }}">
  <script>location="{{ page.redirect.to }}"</script>
  <meta http-equiv="refresh" content="0; url={{ page.redirect.to }}">
  <meta name="robots" content="noindex">
  <h1>Redirecting&hellip;</h1>
  <a href="{{ page.redirect.to }}">Click here if you are not redirected.</a>
</html>
"""

_HTTP_RE = re.compile(r"^https?://", re.M)


class RedirectPage(Page):
    """An empty page placed in the ``redirect`` layout; it may share a destination
    without a conflict warning."""

    allow_shared_destination = True

    def __init__(self, site: Site, source: str, target: str) -> None:
        source = ensure_leading_slash(source)
        to = target if _HTTP_RE.search(target) else absolute_url(site, target)
        #: the keys this page sets itself (a ``redirect_to`` document takes these)
        self.own_data: dict[str, Any] = {
            "sitemap": False,
            "layout": "redirect",
            "permalink": source,
            "redirect": {"from": source, "to": to},
        }
        super().__init__(site, "", "redirect.html", content="", data=dict(self.own_data))
        self.output = ""

    @property
    def redirect_from(self) -> str:
        return str(self.own_data["redirect"]["from"])

    @property
    def redirect_to(self) -> str:
        return str(self.own_data["redirect"]["to"])


def _redirect_from_paths(item: Page | Document) -> list[str]:
    value = item.data.get("redirect_from")
    values = value if isinstance(value, list) else [value]
    return [_text(item, "redirect_from", v) for v in values if v is not None]


def _redirect_to_target(item: Page | Document) -> str | None:
    value = item.data.get("redirect_to")
    if isinstance(value, list):
        value = next((v for v in value if v is not None), None)
    # the gem's ``return unless doc.redirect_to``: false (a page opting out of a default
    # redirect) is no target either
    return None if value is None or value is False else _text(item, "redirect_to", value)


def _text(item: Page | Document, key: str, value: Any) -> str:
    """A path or URL; anything else (a number, true) stops Jekyll's build in the gem's
    URL code, so it stops ours, with the file."""
    if not isinstance(value, str):
        raise SiteError(f"{key} must be a path or URL, not {value!r} (Jekyll stops on it "
                        "too)", item.relative_path)
    return value


class RedirectFromPlugin(Plugin):
    """Generator of normal priority: runs before the ``:lowest`` ones (feed, paginate)."""

    name = "jekyll-redirect-from"
    refreshable = True
    priority = 0

    def generate(self, site: Site) -> None:
        if "redirect" not in site.layouts:
            site.layouts["redirect"] = Layout(
                site, "redirect", site.source / "_layouts" / "redirect.html",
                "_layouts/redirect.html", text=REDIRECT_LAYOUT,
            )
        redirects: dict[str, str] = {}
        items: list[Page | Document] = [
            doc for c in site.collections.values() if c.write for doc in c.docs
        ]
        items.extend(site.pages)
        for item in items:
            for path in _redirect_from_paths(item):
                page = RedirectPage(site, path, item.url)
                site.pages.append(page)
                redirects[page.redirect_from] = page.redirect_to
            target = _redirect_to_target(item)
            if target is not None:
                page = RedirectPage(site, item.url, target)
                item.data.update(page.own_data)
                item.content = ""
                item.output = ""
                redirects[page.redirect_from] = page.redirect_to
        json_option = site.config.get("redirect_from")
        wants_json = not (isinstance(json_option, dict) and json_option.get("json") is False)
        if wants_json and not in_source_exists(site, "redirects.json"):
            text = json.dumps(redirects, ensure_ascii=False, separators=(",", ":"))
            site.pages.append(Page(site, "", "redirects.json", content=text,
                                   data={"layout": None}))
