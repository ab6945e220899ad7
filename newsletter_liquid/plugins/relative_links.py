"""jekyll-relative-links 0.7.0: Markdown links to the source files of pages, documents
and static files point at the URLs those files get.

The gem rewrites the raw Markdown with regular expressions before anything is
converted: links in code spans and blocks change too, and links the expressions miss
(across lines, nested brackets, ``<…>`` targets) stay. Rendered HTML is never looked
at (the ``<a href="….md">`` hook came with 0.8).
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from typing import TYPE_CHECKING, Any

from ..document import Document, Excerpt, Page
from ..errors import SiteError
from . import Plugin
from ._common import relative_url

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["RelativeLinksPlugin"]

_TEXT = r"(.*?)"
_FRAGMENT = r"(#.+?|)?"
# The gem's title pattern, including its second branch that opens with " and closes with '.
_TITLE = r"""(\s+"(?:\\"|[^"])*(?<!\\)"|\s+"(?:\\'|[^'])*(?<!\\)')?"""
_INLINE = r"\[" + _TEXT + r"\]\(([^)]+?)" + _FRAGMENT + _TITLE + r"\)"
_REFERENCE = r"^\s*?\[" + _TEXT + r"\]: (.+?)" + _FRAGMENT + _TITLE + r"\s*?$"
# ASCII: Ruby's \s is no Unicode space
LINK_RE = re.compile("(" + _INLINE + "|" + _REFERENCE + ")", re.M | re.ASCII)
# What Addressable takes for a scheme: such a link is absolute and left alone (an
# invalid scheme fails to parse and the gem goes on to look the path up).
_SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_ROOT = "/\0root"


def _path_from_root(path: str, url_base: str) -> str:
    """File.expand_path against the working folder (the source, as the gem's tests and
    our fixtures run it), then relative to it again; a path that leaves it stays
    absolute and matches nothing."""
    absolute = path.startswith("/")
    rel = path[1:] if absolute else path
    full = posixpath.normpath(posixpath.join(_ROOT, "" if absolute else url_base, rel))
    return full[len(_ROOT) + 1:] if full.startswith(_ROOT + "/") else full


class RelativeLinksPlugin(Plugin):
    """Generator of ``:lowest`` priority."""

    name = "jekyll-relative-links"
    priority = -100

    @staticmethod
    def _option(site: Site) -> dict[str, Any]:
        option = site.config.get("relative_links")
        return option if isinstance(option, dict) else {}

    @staticmethod
    def _targets(site: Site) -> dict[str, Any]:
        """Pages, then static files, then written documents: the first with the path wins."""
        found: dict[str, Any] = {}
        items: list[Any] = [*site.pages, *site.static_files]
        items.extend(d for c in site.collections.values() for d in c.docs if d.write)
        for item in items:
            found.setdefault(item.relative_path.removeprefix("/"), item)
        return found

    def generate(self, site: Site) -> None:
        option = self._option(site)
        if option.get("enabled") is False:
            return
        items: list[Page | Document] = [*site.pages]
        if option.get("collections") is True:
            items.extend(d for c in site.collections.values() for d in c.docs if d.write)
        exclude = option.get("exclude")
        targets = self._targets(site)
        for item in items:
            if not item.is_markdown:
                continue
            if exclude and site.glob_matches(exclude, item.relative_path):
                continue
            self._rewrite(site, item, targets)

    @staticmethod
    def _rewrite(site: Site, item: Page | Document, targets: dict[str, Any]) -> None:
        url_base = posixpath.dirname(item.relative_path) or "."

        def replace(m: re.Match[str]) -> str:
            inline = m.group(2) is not None
            text, path, fragment, title = (m.group(i) for i in ((2, 3, 4, 5) if inline
                                                                 else (6, 7, 8, 9)))
            if path.startswith("#") or _SCHEME_RE.match(path):
                return m.group(0)
            target = targets.get(_path_from_root(urllib.parse.unquote_plus(path), url_base))
            if target is None or not target.url:
                return m.group(0)
            url = relative_url(site, target.url) + (fragment or "")
            if inline:
                return f"[{text}]({url}{title or ''})"
            return f"\n[{text}]: {url}{title or ''}"

        item.content = LINK_RE.sub(replace, item.content)
        # any truthy excerpt, a front matter string too, becomes one cut from the new body
        excerpt = item.data.get("excerpt")
        if excerpt is None or excerpt is False:
            return
        if isinstance(item, Document):
            item.data["excerpt"] = Excerpt(item)
            return
        # A page gets a Jekyll::Excerpt too, which Jekyll cannot render: reading the
        # page's ``excerpt`` (every render of it does) stops the build.
        raise SiteError(
            "undefined method `yaml_file?' for Jekyll::Page (jekyll-relative-links 0.7.0 "
            "gives a page with an excerpt in its front matter a post excerpt)",
            filename=item.relative_path,
        )
