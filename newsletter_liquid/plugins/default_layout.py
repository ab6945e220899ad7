"""jekyll-default-layout 0.1.5: a layout for Markdown pages and posts that name none
(``home`` for the root URL, then ``page`` or ``post``, then ``default``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import Document, Page
from . import Plugin

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["DefaultLayoutPlugin"]


class DefaultLayoutPlugin(Plugin):
    """Generator of ``:lowest`` priority.

    Only pages and posts: this version of the gem leaves other collections' documents
    and HTML pages alone, and reads no options.
    """

    name = "jekyll-default-layout"
    refreshable = True
    priority = -100

    def generate(self, site: Site) -> None:
        posts = site.collections.get("posts")
        items: list[Page | Document] = [*site.pages, *(posts.docs if posts else [])]
        for item in items:
            # a front matter default counts as named, and so does ``layout: null``
            if item.is_markdown and "layout" not in item.data:
                # with no fitting layout the gem still stores its nil (the key shows
                # in Liquid's ``page``)
                item.data["layout"] = self._layout_for(site, item)

    @staticmethod
    def _layout_for(site: Site, item: Page | Document) -> str | None:
        candidates = (
            (item.url == "/", "home"),
            (isinstance(item, Page), "page"),
            (isinstance(item, Document) and item.collection.label == "posts", "post"),
            (True, "default"),
        )
        return next((name for applies, name in candidates
                     if applies and name in site.layouts), None)
