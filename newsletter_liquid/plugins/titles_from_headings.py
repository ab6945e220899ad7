"""jekyll-titles-from-headings 0.5: a Markdown page's first heading as its title."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..document import Document, Excerpt, Page
from . import Plugin

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["TitlesFromHeadingsPlugin"]

# An ATX (up to ###) or Setext heading at the very start of the body. ASCII: Ruby's \s
# is no Unicode space (a no-break space after "#" makes no heading).
TITLE_RE = re.compile(
    r"\A\s*(?:#{1,3}\s+(.*)(?:\s+#{1,3})?|(.*)\r?\n[-=]+\s*)$", re.M | re.ASCII
)
# Ruby's String#strip: ASCII whitespace and NUL only.
_RUBY_SPACE = "\0\t\n\v\f\r "
_FOOTNOTE_RE = re.compile(r"\[\^[^\]]*\]")


class TitlesFromHeadingsPlugin(Plugin):
    """Generator of ``:lowest`` priority."""

    name = "jekyll-titles-from-headings"
    priority = -100

    def generate(self, site: Site) -> None:
        option = site.config.get("titles_from_headings")
        option = option if isinstance(option, dict) else {}
        if option.get("enabled") is False:
            return
        items: list[Page | Document] = [*site.pages]
        if option.get("collections") is True:
            items.extend(d for d in site.documents if d.write)
        for item in items:
            # A document's title is always inferred from its file name: replace it.
            if not item.is_markdown or (
                isinstance(item, Page) and item.data.get("title") is not None
            ):
                continue
            match = TITLE_RE.search(item.content)
            if match:
                heading = match.group(1) if match.group(1) is not None else match.group(2)
                item.data["title"] = _strip_markup(site, heading)
            elif isinstance(item, Page):
                # the gem stores the nil it found: the key is then in Liquid's ``page``
                item.data["title"] = None
            if self._strip_title(item, option):
                item.content = TITLE_RE.sub("", item.content, count=1).strip(_RUBY_SPACE)
                if (isinstance(item, Document) and item.collection.label == "posts"
                        and item.excerpt_separator):
                    item.data["excerpt"] = Excerpt(item)

    @staticmethod
    def _strip_title(item: Page | Document, option: dict[str, Any]) -> bool:
        if "strip_title" in item.data:
            return item.data["strip_title"] is True
        return option.get("strip_title") is True


def _strip_markup(site: Site, text: str) -> str:
    html = site.environment.render_template(
        "{{ value | markdownify | strip_html | normalize_whitespace }}", {"value": text},
        "<titles_from_headings>",
    )
    return _FOOTNOTE_RE.sub("", html)
