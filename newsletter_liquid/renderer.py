"""Render one document as Jekyll's ``Renderer#run`` does:
Liquid over the body, then the converter (Markdown), then the layout chain."""

from __future__ import annotations

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
        from .dialect.drops import JekyllDrop, SiteDrop

        self.site_drop = SiteDrop(site)
        import os

        self.jekyll_drop = JekyllDrop(os.environ.get("JEKYLL_ENV") or "development")

    def _page_value(self, item: Convertible) -> Any:
        from .dialect.drops import DocumentDrop, ExcerptDrop, page_hash

        if isinstance(item, Excerpt):
            return ExcerptDrop(item)
        if isinstance(item, Document):
            return DocumentDrop(item)
        if isinstance(item, Page):
            return page_hash(item)
        return item.to_liquid()  # type: ignore[attr-defined]

    def _payload(self, item: Convertible) -> dict[str, Any]:
        pager = getattr(item, "pager", None)
        return {
            "site": self.site_drop,
            "jekyll": self.jekyll_drop,
            "page": self._page_value(item),
            "paginator": pager.to_liquid() if pager is not None else None,
            "layout": None,
            "content": None,
            "highlighter_prefix": "",
            "highlighter_suffix": "",
        }

    def render(self, item: Convertible) -> str:
        """The final output of a page or document (layouts applied)."""
        raw = getattr(item, "raw_content", None)
        if raw is None:
            raw = item.content
            item.raw_content = raw  # type: ignore[attr-defined]
        item.content = raw
        self.site_drop.current_document = item if isinstance(item, Document) else None
        payload = self._payload(item)
        layout_name = item.data.get("layout")
        first_layout = self.site.layouts.get(str(layout_name)) if layout_name else None
        if first_layout is not None:
            payload["layout"] = dict(first_layout.data)
        output = self._render_body(item, raw, payload)
        item.content = output
        if isinstance(item, Page):
            payload["page"] = self._page_value(item)
        if not item.place_in_layout:
            return output
        payload["layout"] = None
        for layout in layout_chain(self.site, item):
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
        return output

    def render_excerpt(self, excerpt: Excerpt) -> str:
        """An excerpt: Liquid and Markdown over the excerpt text, never a layout."""
        payload = self._payload(excerpt)
        return self._render_body(excerpt, excerpt.content, payload)
