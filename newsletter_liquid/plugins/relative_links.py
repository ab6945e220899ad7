"""jekyll-relative-links 0.8: Markdown links to ``.md`` files point at the pages
they become; so do ``<a href="….md">`` links left in the rendered HTML."""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from typing import TYPE_CHECKING, Any

from ..document import Document, Excerpt, Page
from . import Plugin
from ._common import relative_url

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["RelativeLinksPlugin"]

_TEXT = r"((?:!\[[^\]]*\](?:\([^\)]*\))?|(?!\]\().)*?)"
_FRAGMENT = r"(#.+?|)?"
# The gem's title pattern, including its second branch that opens with " and closes with '.
_TITLE = r"""(\s+"(?:\\"|[^"])*(?<!\\)"|\s+"(?:\\'|[^'])*(?<!\\)')?"""
_INLINE = r"\[" + _TEXT + r"\]\(([^)]+?)" + _FRAGMENT + _TITLE + r"\)"
_REFERENCE = r"^\s*?\[" + _TEXT + r"\]: (.+?)" + _FRAGMENT + _TITLE + r"\s*?$"
LINK_RE = re.compile("(" + _INLINE + "|" + _REFERENCE + ")", re.M)
HTML_LINK_RE = re.compile(r'<a\s+([^>]*?\s+)?href="([^"]+\.md)(#[^"]*)?"\s*([^>]*)>')
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_ROOT = "/\0root"


def _path_from_root(path: str, url_base: str) -> str:
    """File.expand_path against the working folder, then relative to it again."""
    absolute = path.startswith("/")
    rel = path[1:] if absolute else path
    full = posixpath.normpath(posixpath.join(_ROOT, "" if absolute else url_base, rel))
    return full[len(_ROOT) + 1:] if full.startswith(_ROOT + "/") else full


class RelativeLinksPlugin(Plugin):
    """Generator of ``:lowest`` priority, plus the gem's post-render hooks."""

    name = "jekyll-relative-links"
    priority = -100

    @staticmethod
    def _option(site: Site) -> dict[str, Any]:
        option = site.config.get("relative_links")
        return option if isinstance(option, dict) else {}

    def _targets(self, site: Site) -> dict[str, Any]:
        found: dict[str, Any] = {}
        items: list[Any] = [*site.pages, *site.static_files]
        items.extend(d for c in site.collections.values() for d in c.docs if d.write)
        for item in items:
            found.setdefault(item.relative_path.removeprefix("/"), item)
        return found

    def _excluded(self, site: Site, item: Page | Document) -> bool:
        exclude = self._option(site).get("exclude")
        return bool(exclude) and site.glob_matches(exclude, item.relative_path)

    def generate(self, site: Site) -> None:
        option = self._option(site)
        if option.get("enabled") is False:
            return
        items: list[Page | Document] = [*site.pages]
        if option.get("collections") is True:
            items.extend(d for c in site.collections.values() for d in c.docs if d.write)
        targets = self._targets(site)
        for item in items:
            if item.is_markdown and not self._excluded(site, item):
                self._rewrite(site, item, targets)

    def _rewrite(self, site: Site, item: Page | Document, targets: dict[str, Any]) -> None:
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
        if isinstance(item, Document) and isinstance(item.data.get("excerpt"), Excerpt):
            item.data["excerpt"] = Excerpt(item)

    def after_render(self, site: Site, item: Page | Document) -> None:
        option = self._option(site)
        if option.get("enabled") is False or not item.is_markdown or item.output is None:
            return
        if isinstance(item, Document) and option.get("collections") is not True:
            return
        if self._excluded(site, item):
            return
        url_base = posixpath.dirname(item.relative_path) or "."
        targets = self._targets(site)

        def replace(m: re.Match[str]) -> str:
            before, path, fragment, after = (m.group(i) or "" for i in (1, 2, 3, 4))
            if _SCHEME_RE.match(path):
                return m.group(0)
            target = targets.get(_path_from_root(urllib.parse.unquote_plus(path), url_base))
            if target is None or not target.url:
                return m.group(0)
            url = target.url if target.url.startswith("/") else "/" + target.url
            attrs = [a for a in (before.strip(), f'href="{url}{fragment}"', after.strip()) if a]
            return "<a " + " ".join(attrs) + ">"

        item.output = HTML_LINK_RE.sub(replace, item.output)
