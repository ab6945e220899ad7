"""Render one document as Jekyll's ``Renderer#run`` does:
Liquid over the body, then the converter (Markdown, Sass), then the layout chain.

One payload (Jekyll's ``site_payload``) is shared by every document of a site
render, as in Jekyll: ``layout`` and ``content`` left by one document are what
the next one's body sees until its own layouts set them. Excerpts get a fresh
payload each, as Jekyll renders them with a new ``site.site_payload``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from .config import deep_merge
from .document import Convertible, Document, Excerpt, Page
from .layouts import layout_chain

if TYPE_CHECKING:
    from .site import Site

__all__ = ["Renderer"]


class Renderer:
    """Renders the documents of one site; holds the site-wide Liquid payload."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.payload = self.new_payload()

    def new_payload(self) -> dict[str, Any]:
        """A fresh ``site_payload``: its own ``site`` drop, nothing left from a render."""
        from .dialect.drops import JekyllDrop, SiteDrop

        return {
            "content": None,
            "highlighter_prefix": None,
            "highlighter_suffix": None,
            "jekyll": JekyllDrop(os.environ.get("JEKYLL_ENV") or "development"),
            "layout": None,
            "page": None,
            "paginator": None,
            "site": SiteDrop(self.site),
        }

    @property
    def site_drop(self) -> Any:
        return self.payload["site"]

    @staticmethod
    def page_value(item: Convertible) -> Any:
        """``page`` in Liquid: a live drop for documents, a snapshot hash for pages
        (Jekyll's Page#to_liquid is a Hash built before rendering)."""
        from .dialect.drops import DocumentDrop, ExcerptDrop, page_hash

        if isinstance(item, Excerpt):
            return ExcerptDrop(item)
        if isinstance(item, Document):
            return DocumentDrop(item)
        if isinstance(item, Page):
            return page_hash(item)
        return item.to_liquid()  # type: ignore[attr-defined]

    def render(self, item: Convertible, payload: dict[str, Any] | None = None) -> str:
        """The final output of a page or document (layouts applied)."""
        if payload is None:
            payload = self.payload
        raw = getattr(item, "raw_content", None)
        if raw is None:
            raw = item.content
            item.raw_content = raw  # type: ignore[attr-defined]
        item.content = raw
        pager = getattr(item, "pager", None)
        payload["page"] = self.page_value(item)
        payload["paginator"] = pager.to_liquid() if pager is not None else None
        # site.related_posts is only for documents (Jekyll's SiteDrop checks the class).
        payload["site"].current_document = item if isinstance(item, Document) else None
        # Jekyll's assign_highlighter_options!: the Markdown converter puts "\n" around
        # {% highlight %} output (in the body and in the layouts alike), others nothing
        newline = "\n" if item.is_markdown else None
        payload["highlighter_prefix"] = payload["highlighter_suffix"] = newline
        layout_name = item.setting("layout")
        first_layout = self.site.layouts.get(_to_s(layout_name))
        if first_layout is not None:
            payload["layout"] = deep_merge(first_layout.data, payload["layout"] or {})
        output = self._render_body(item, raw, payload)
        item.content = output
        if not item.place_in_layout:
            return output
        chain = layout_chain(self.site, item)
        payload["layout"] = None
        for layout in chain:
            payload["content"] = output
            payload["layout"] = deep_merge(layout.data, payload["layout"] or {})
            output = self.site.environment.render_template(
                layout.content, payload, layout.relative_path, layout.body_line - 1
            )
        return output

    def _render_body(self, item: Convertible, raw: str, payload: dict[str, Any]) -> str:
        output = raw
        if item.render_with_liquid:
            output = self.site.environment.render_template(
                raw, payload, item.relative_path, item.body_line - 1
            )
        if item.is_markdown:
            output = self.site.markdownify(output)
        elif item.is_sass:
            from .sass import convert

            output = convert(self.site, output, item)
        return output

    def render_excerpt(self, excerpt: Excerpt) -> str:
        """An excerpt: Liquid and Markdown over the excerpt text, never a layout."""
        tracker = self.site.tracker
        if tracker is not None:
            return tracker.render_excerpt(excerpt, lambda: self.render(excerpt, self.new_payload()))
        return self.render(excerpt, self.new_payload())

    def layout_after(self, item: Convertible, previous: Any) -> Any:
        """What ``render`` leaves in the payload's ``layout`` for ``item`` when the one
        before left ``previous`` (the build cache restores it without rendering)."""
        first_layout = self.site.layouts.get(_to_s(item.setting("layout")))
        value = deep_merge(first_layout.data, previous or {}) if first_layout else previous
        if not item.place_in_layout:
            return value
        value = None
        for layout in layout_chain(self.site, item):
            value = deep_merge(layout.data, value or {})
        return value


def _to_s(value: Any) -> str:
    return "" if value is None else str(value)
