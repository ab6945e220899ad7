"""jekyll-archives 2.2.1: pages listing the posts of each year, month, day, tag and
category (``jekyll-archives:`` in the config says which, with what layout and URL)."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..config import deep_merge
from ..document import Document, Page, compare_documents
from ..errors import ConfigError, SiteError
from ..rtime import ruby_strftime
from ..urls import generate_url, unescape_path
from ..utils import ruby_sort, slugify
from . import Plugin

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["ArchivePage", "ArchivesPlugin", "archives_config"]

CONFIG_KEY = "jekyll-archives"


def _defaults() -> dict[str, Any]:
    """The gem's DEFAULTS (a fresh copy: the merged settings end up in the config)."""
    return {
        "layout": "archive",
        "enabled": [],
        "permalinks": {
            "year": "/:year/",
            "month": "/:year/:month/",
            "day": "/:year/:month/:day/",
            "tag": "/tag/:name/",
            "category": "/category/:name/",
        },
    }

#: the names ``enabled:`` uses for each archive type (plural for tags and categories)
_ENABLED_NAMES = {
    "tag": "tags", "category": "categories", "year": "year", "month": "month", "day": "day",
}


def archives_config(site: Site) -> dict[str, Any]:
    """The gem's settings: the site's ``jekyll-archives:`` merged over its defaults."""
    own = site.config.get(CONFIG_KEY, {})
    if not isinstance(own, Mapping):
        # the gem merges it as a Hash and Jekyll stops with a TypeError
        raise _config_error(site, f"`{CONFIG_KEY}:` must be a mapping of settings, "
                                  f"not {'nothing' if own is None else repr(own)}")
    return deep_merge(_defaults(), own)


def _config_error(site: Site, message: str) -> ConfigError:
    """The error at the ``jekyll-archives:`` line of ``_config.yml`` when it is there."""
    path = site.source / "_config.yml"
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return ConfigError(message)
    m = re.search(rf"^{re.escape(CONFIG_KEY)}[ \t]*:", text, re.M)
    if m is None:
        return ConfigError(message)
    return ConfigError(message, str(path), text.count("\n", 0, m.start()) + 1, 1)


def _enabled(config: Mapping[str, Any], archive_type: str) -> bool:
    value = config.get("enabled")
    name = _ENABLED_NAMES[archive_type]
    return value is True or value == "all" or (isinstance(value, list) and name in value)


def _truthy(value: Any) -> bool:
    return value is not None and value is not False


class ArchivePage(Page):
    """One archive page (``Jekyll::Archives::Archive``): empty content in its layout.

    ``title`` is the tag or category (the value as the posts give it; a date
    archive has none), ``date_parts`` the year, month and day of a date archive as
    ``strftime`` wrote them. ``data`` is what the gem's page shows Liquid: the
    front matter defaults for its path and archive type, its layout, then
    ``posts``, ``type``, ``title``, ``date``, ``name``, ``path``, ``url``,
    ``permalink``.
    """

    def __init__(
        self,
        site: Site,
        config: Mapping[str, Any],
        title: Any,
        archive_type: str,
        posts: list[Document],
        date_parts: dict[str, str] | None = None,
    ) -> None:
        self.type = archive_type
        self.title = None if date_parts else title
        self.date_parts = date_parts
        self.posts = posts
        # only a tag or category given as text has a slug: others leave ``/:name`` out
        self.slug = slugify(title) if isinstance(title, str) and not date_parts else None
        if self.slug == "":
            site.warn(f"Warning: Empty `slug` generated for '{title}'.")
        self._archive_url = self._make_url(config)
        rel = unescape_path(self._archive_url).removeprefix("/")
        if self._archive_url.endswith("/"):
            rel = posixpath.join(rel, "index.html")
        folder, file_name = posixpath.split(rel)
        super().__init__(site, folder, file_name, content="", data={})
        self.relative_path = rel
        # Jekyll's File.basename(path, ext): "index" for tag/x/index.html
        self.name = file_name[: len(file_name) - len(self.extname)] if self.extname else file_name
        layouts = config.get("layouts")
        layout = layouts.get(archive_type) if isinstance(layouts, Mapping) else None
        if not _truthy(layout):
            layout = config.get("layout")
        own: dict[str, Any] = {"layout": layout}
        self.data = deep_merge(
            site.defaults.all(rel, archive_type), deep_merge(own, self.liquid_attributes())
        )

    def _make_url(self, config: Mapping[str, Any]) -> str:
        permalinks = config.get("permalinks")
        template = permalinks.get(self.type) if isinstance(permalinks, Mapping) else None
        if template is None:
            raise SiteError('Template "" provided is invalid.')
        placeholders: dict[str, str | None]
        if self.date_parts:
            placeholders = {**self.date_parts, "type": self.type}
        else:
            placeholders = {"name": self.slug, "type": self.type}
        return generate_url(str(template), placeholders)

    def liquid_attributes(self) -> dict[str, Any]:
        from ..dialect.drops import DocumentDrop

        return {
            "posts": [DocumentDrop(p) for p in self.posts],
            "type": self.type,
            "title": self.title if isinstance(self.title, str) else None,
            "date": self.date,
            "name": self.name,
            "path": self.relative_path,
            "url": self._archive_url,
            "permalink": None,
        }

    @property
    def date(self) -> dt.date | None:
        """The first day of a date archive's period (a Ruby ``Date``: no time of day)."""
        if not self.date_parts:
            return None
        parts = [int(v) for v in self.date_parts.values()]
        parts += [1] * (3 - len(parts))
        return dt.date(*parts)

    @property
    def url(self) -> str:
        return self._archive_url

    @property
    def permalink(self) -> str | None:
        # the gem reads its own data ({"layout"}), which never has one
        return None

    def to_liquid(self) -> dict[str, Any]:
        """The page as ``site.archives`` lists it."""
        return dict(self.data)


class ArchivesPlugin(Plugin):
    """Generator of normal priority; adds its pages after those read from the source,
    tags first, then categories, then years with their months and days."""

    name = "jekyll-archives"
    refreshable = True
    priority = 0

    def generate(self, site: Site) -> None:
        config = archives_config(site)
        site.config[CONFIG_KEY] = config
        archives: list[ArchivePage] = []
        for archive_type, attr in (("tag", "tags"), ("category", "categories")):
            if not _enabled(config, archive_type):
                continue
            for title, drops in site.post_attr_hash(attr).items():
                archives.append(
                    ArchivePage(site, config, title, archive_type, [d.doc for d in drops]))
        archives.extend(self._date_archives(site, config))
        site.pages.extend(archives)
        site.config["archives"] = [a.to_liquid() for a in archives]

    @staticmethod
    def _date_archives(site: Site, config: Mapping[str, Any]) -> list[ArchivePage]:
        """Years in the order of the posts (oldest first); within a year its months,
        within a month its days, newest first, as the gem groups its sorted lists."""
        out: list[ArchivePage] = []

        def add(archive_type: str, parts: dict[str, str], posts: list[Document]) -> None:
            if _enabled(config, archive_type):
                out.append(ArchivePage(site, config, None, archive_type, posts, parts))

        for year, year_posts in _group(site.posts.docs, "%Y").items():
            add("year", {"year": year}, year_posts)
            for month, month_posts in _group(year_posts, "%m").items():
                add("month", {"year": year, "month": month}, month_posts)
                for day, day_posts in _group(month_posts, "%d").items():
                    add("day", {"year": year, "month": month, "day": day}, day_posts)
        return out


def _group(posts: list[Document], fmt: str) -> dict[str, list[Document]]:
    """Posts by ``date.strftime(fmt)``, each list sorted newest first."""
    groups: dict[str, list[Document]] = {}
    for post in posts:
        groups.setdefault(ruby_strftime(post.date, fmt), []).append(post)
    return {key: ruby_sort(group, compare_documents)[::-1] for key, group in groups.items()}
