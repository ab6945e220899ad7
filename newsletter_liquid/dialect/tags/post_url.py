"""Jekyll's ``{% post_url 2024-01-31-slug %}``: a post's URL from its file name."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, TextIO

from ..output import invoke_filter
from ..parsing import ParseContext, TagNode
from .include import JekyllTagError

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.token import Token

__all__ = ["PostUrlTag"]

_MATCHER = re.compile(r"^(.+/)*(\d+-\d+-\d+)-(.*)$", re.M | re.A)


class PostUrlTag(TagNode):
    """The URL of a post by its file name without extension, `site.baseurl` included:
    `{% post_url 2020-01-31-hello %}` (Jekyll)."""

    __slots__ = ("date", "name", "name_regex", "slug")

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        self.name = markup.strip()
        m = _MATCHER.search(re.sub(r"^/", "", self.name, count=1, flags=re.M))
        if m is None:
            raise JekyllTagError(
                f'Could not parse name of post "{self.name}" in tag \'post_url\'. Make sure '
                "the post exists and the name is correct.", token=token)
        path, self.date, self.slug = m.group(1) or "", m.group(2), m.group(3)
        base = f"{self.date}-{re.escape(self.slug)}\\.[^.]+"
        self.name_regex = re.compile(
            f"^_posts/{re.escape(path)}{base}|^{re.escape(path)}_posts/?{base}", re.M)

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        site: Any = getattr(context.env, "site", None)
        docs = list(site.posts.docs) if site is not None else []
        found = next((d for d in docs if self.name_regex.search(d.relative_path)), None)
        if found is None:
            found = next((d for d in docs if self._same_date_and_slug(d)), None)
        if found is None:
            raise JekyllTagError(
                f'Could not find post "{self.name}" in tag \'post_url\'. Make sure the post '
                "exists and the name is correct.", token=self.token)
        url = invoke_filter(context, "relative_url", found.url, [], None, self.token)
        return buffer.write("" if url is None else str(url))

    def _same_date_and_slug(self, doc: Any) -> bool:
        """Jekyll's deprecated match: slug and calendar date only."""
        try:
            y, mo, d = (int(p) for p in self.date.split("-"))
            date = dt.date(y, mo, d)
        except ValueError:
            return False
        doc_date = getattr(doc, "date", None)
        slug = doc.data.get("slug")
        return bool(slug == self.slug and doc_date is not None and (
            doc_date.year, doc_date.month, doc_date.day) == (date.year, date.month, date.day))
