"""Jekyll's ``{% link path %}``: the URL of the page, document or file at a source path."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from ..output import invoke_filter
from ..parsing import ParseContext, TagNode
from .include import JekyllTagError, render_inline

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.token import Token

__all__ = ["LinkTag", "site_files"]


def site_files(site: Any) -> list[Any]:
    """``each_site_file``: pages, static files, then documents that are written."""
    return list(site.site_files())


class LinkTag(TagNode):
    """The URL of a page, document or static file by its source path, `site.baseurl` included:
    `{% link about.md %}` (Jekyll)."""

    __slots__ = ("path",)

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        self.path = markup.strip()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        site: Any = getattr(context.env, "site", None)
        relative_path = render_inline(context, self.path)
        with_slash = "/" + relative_path.lstrip("/") if relative_path else "/"
        if site is not None:
            for item in site_files(site):
                if item.relative_path in (relative_path, with_slash):
                    url = invoke_filter(context, "relative_url", item.url, [], None, self.token)
                    return buffer.write("" if url is None else str(url))
        raise JekyllTagError(
            f"Could not find document '{relative_path}' in tag 'link'. Make sure the "
            "document exists and the path is correct.", token=self.token)
