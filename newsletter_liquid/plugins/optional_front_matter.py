"""jekyll-optional-front-matter 0.3: Markdown files without front matter become pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..document import Page
from . import Plugin

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["OptionalFrontMatterPlugin"]

# Files that stay static unless named in ``include:`` (compared upper-cased).
FILENAME_BLACKLIST = frozenset({
    "README", "LICENSE", "LICENCE", "COPYING", "CODE_OF_CONDUCT", "CONTRIBUTING",
    "ISSUE_TEMPLATE", "PULL_REQUEST_TEMPLATE",
})


class OptionalFrontMatterPlugin(Plugin):
    """Generator of normal priority."""

    name = "jekyll-optional-front-matter"
    refreshable = True
    priority = 0

    def generate(self, site: Site) -> None:
        option = site.config.get("optional_front_matter")
        option = option if isinstance(option, dict) else {}
        if option.get("enabled") is False or _truthy(site.config.get("require_front_matter")):
            return
        cleanup = option.get("remove_originals") is True or _truthy(
            site.config.get("require_front_matter")
        )
        markdown = [f for f in site.static_files if site.is_markdown_ext(f.extname)]
        kept = []
        for file in markdown:
            page = Page(site, file.dir_, file.name)
            if not self._blacklisted(site, page):
                kept.append((file, page))
        site.pages.extend(page for _, page in kept)  # appended, as the gem's concat
        if cleanup:
            removed = {id(f) for f, _ in kept}
            site.static_files = [f for f in site.static_files if id(f) not in removed]

    @staticmethod
    def _blacklisted(site: Site, page: Page) -> bool:
        include = site.config.get("include")
        if isinstance(include, list) and site.is_included(page.relative_path):
            return False
        return page.basename.upper() in FILENAME_BLACKLIST


def _truthy(value: Any) -> bool:
    return value is not None and value is not False
