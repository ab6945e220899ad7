"""jekyll-default-layout 0.2: a layout for Markdown pages and documents that name none
(``home`` for the index, then ``page``, ``post``, the collection's, ``default``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import Document, Page
from . import Plugin

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["DefaultLayoutPlugin"]


class DefaultLayoutPlugin(Plugin):
    """Generator of ``:lowest`` priority."""

    name = "jekyll-default-layout"
    refreshable = True
    priority = -100

    def generate(self, site: Site) -> None:
        option = site.config.get("jekyll-default-layout")
        html_pages = isinstance(option, dict) and option.get("html_pages") is True
        items: list[Page | Document] = [*site.pages]
        items.extend(d for c in site.collections.values() for d in c.docs)
        for item in items:
            if "layout" in item.data:
                continue
            if item.is_markdown or (html_pages and item.extname == ".html"):
                item.data["layout"] = self._layout_for(site, item)

    @staticmethod
    def _layout_for(site: Site, item: Page | Document) -> str | None:
        is_post = isinstance(item, Document) and item.collection.label == "posts"
        candidates: list[tuple[bool, str]] = [
            (item.url == "/", "home"),
            (isinstance(item, Page), "page"),
            (is_post, "post"),
        ]
        if isinstance(item, Document) and not is_post:
            candidates.append((True, item.collection.label))
        candidates.append((True, "default"))
        for applies, layout in candidates:
            if applies and layout in site.layouts:
                return layout
        return None
