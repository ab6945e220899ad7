"""jekyll-paginate 1.1: the ``paginator`` of the blog's index page and its copies
at ``paginate_path``."""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Any

from ..document import Document, Page
from . import Plugin
from ._common import ensure_leading_slash

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["Pager", "PaginatePlugin"]


def _per_page(site: Site) -> int:
    value = site.config.get("paginate")
    try:
        return int(str(value).strip() or 0)
    except ValueError:
        return 0


def _is_candidate(site: Site, page: Page) -> bool:
    """An ``index.html`` in the folder of ``paginate_path`` or one of its parents."""
    if page.name != "index.html":
        return False
    source = str(site.source.resolve())
    page_dir = os.path.dirname(os.path.normpath(os.path.join(source, page.page_path.lstrip("/"))))
    target = str(site.config.get("paginate_path") or "").lstrip("/")
    target_dir = os.path.dirname(os.path.normpath(os.path.join(source, target)))
    while target_dir != os.path.dirname(target_dir):
        if page_dir == target_dir:
            return True
        target_dir = os.path.dirname(target_dir)
    return False


def template_page(site: Site) -> Page | None:
    """The page paginated: the deepest-path candidate (Jekyll sorts by path length)."""
    candidates = [p for p in site.pages if _is_candidate(site, p)]
    candidates.sort(key=lambda p: -len(p.page_path))
    return candidates[0] if candidates else None


class Pager:
    """One page of posts, as Liquid sees ``paginator``."""

    def __init__(self, site: Site, page: int, posts: list[Document], total_pages: int,
                 first_page_url: str | None) -> None:
        per_page = _per_page(site)
        self.page = page
        self.per_page = per_page
        self.total_pages = total_pages
        start = (page - 1) * per_page
        self.posts = posts[start:start + per_page]
        self.total_posts = len(posts)
        self.previous_page = page - 1 if page != 1 else None
        self.next_page = page + 1 if page != total_pages else None
        self.previous_page_path = self._path(site, self.previous_page, first_page_url)
        self.next_page_path = self._path(site, self.next_page, first_page_url)

    @staticmethod
    def _path(site: Site, num: int | None, first_page_url: str | None) -> str | None:
        if num is None:
            return None
        if num <= 1:
            return first_page_url
        fmt = str(site.config.get("paginate_path"))
        return ensure_leading_slash(fmt.replace(":num", str(num), 1))

    def to_liquid(self) -> dict[str, Any]:
        from ..dialect.drops import DocumentDrop

        return {
            "page": self.page,
            "per_page": self.per_page,
            "posts": [DocumentDrop(d) for d in self.posts],
            "total_posts": self.total_posts,
            "total_pages": self.total_pages,
            "previous_page": self.previous_page,
            "previous_page_path": self.previous_page_path,
            "next_page": self.next_page,
            "next_page_path": self.next_page_path,
        }


class PaginatePlugin(Plugin):
    """Generator of ``:lowest`` priority."""

    name = "jekyll-paginate"
    refreshable = True
    priority = -100

    def generate(self, site: Site) -> None:
        if site.config.get("paginate") is None or not site.pages:
            return
        template = template_page(site)
        if template is None:
            site.warn(
                "Pagination: Pagination is enabled, but I couldn't find an index.html page "
                "to use as the pagination template. Skipping pagination."
            )
            return
        per_page = _per_page(site)
        posts = sorted(site.posts.docs, key=lambda d: d.sort_key(), reverse=True)
        posts = [p for p in posts if not p.data.get("hidden")]
        if per_page <= 0:
            return
        total = math.ceil(len(posts) / per_page)
        first_url = template.url
        for num in range(1, total + 1):
            pager = Pager(site, num, posts, total, first_url)
            if num == 1:
                template.pager = pager
                continue
            page = Page(site, template.dir, template.name)
            page.pager = pager
            page.move_to(str(pager._path(site, num, first_url)))
            site.pages.append(page)
