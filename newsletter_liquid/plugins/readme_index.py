"""jekyll-readme-index 0.3: a README becomes its folder's index page when the folder
has none.

A README without front matter is a static file; the generator makes a page of it with
the permalink of its folder (the static file stays too unless ``remove_originals``).
With ``with_frontmatter``, README pages (front matter, or made by the first step) move
to their folder's URL the same way. The gem's quirks are kept: the top folder's
permalink is ``//``, and a README page made by the first step is looked at again by
the second, so it climbs to the parent folder when that has no index.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..document import Page, ruby_dirname, ruby_join
from ..errors import ConfigError, SiteError
from . import Plugin

if TYPE_CHECKING:
    from ..document import StaticFile
    from ..site import Site

__all__ = ["ReadmeIndexPlugin"]

_INDEX = r"(?:$|index\.(html?|xhtml|xml)$)"


class ReadmeIndexPlugin(Plugin):
    """Generator of low priority (after most other generators)."""

    name = "jekyll-readme-index"
    refreshable = True
    priority = -10

    def generate(self, site: Site) -> None:
        if _option(site, "enabled") is False:
            return
        readme = _readme_pattern(site)
        readmes = [f for f in site.static_files if readme.search(f.relative_path)]
        made: set[int] = set()
        for file in readmes:
            if _has_index(site, ruby_dirname(file.url)):
                continue
            page = _readme_page(site, file)
            page.data["permalink"] = _folder_url(file.url)
            site.pages.append(page)
            made.add(id(file))
        if _option(site, "remove_originals") is True:
            site.static_files = [f for f in site.static_files if id(f) not in made]
        if _option(site, "with_frontmatter") is True:
            for page in [p for p in site.pages if readme.search("/" + p.page_path)]:
                if _has_index(site, ruby_dirname(page.url)):
                    continue
                page.data["permalink"] = _folder_url(page.url)
                page.move_to(page.dir_)  # the URL is worked out again from the permalink


def _readme_page(site: Site, file: StaticFile) -> Page:
    """``Jekyll::Page.new`` at the static file's folder, read from the source itself: a
    collection's README under a ``collections_dir`` is not found there, and Jekyll then
    warns and makes an empty page."""
    try:
        return Page(site, file.dir_, file.name)
    except SiteError:
        strict = site.config.get("strict_front_matter")
        if strict is not None and strict is not False:
            raise
    path = site.source / ruby_join(file.dir_, file.name).lstrip("/")
    site.warn(f"Error reading file {path}: No such file or directory @ rb_sysopen - {path}")
    return Page(site, file.dir_, file.name, content="")


def _option(site: Site, key: str) -> Any:
    """``site.config["readme_index"][key]`` as Ruby reads it (a string setting has no
    key worth reading; other values fail in the gem)."""
    section = site.config.get("readme_index")
    if isinstance(section, Mapping):
        return section.get(key)
    if section is None or section is False or isinstance(section, str):
        return None
    raise ConfigError(f"jekyll-readme-index: readme_index has to be a hash, not {section!r}")


def _readme_pattern(site: Site) -> re.Pattern[str]:
    """A path ending in ``/readme`` in any case plus a Markdown extension in lower case
    (the converter's own list: ``markdown_ext`` split on commas, downcased, not stripped;
    the gem's ``Regexp.union`` of it is a group of its own, without the ``/i``)."""
    exts = str(site.config.get("markdown_ext") or "").split(",")
    while exts and not exts[-1]:
        exts.pop()  # Ruby's split drops trailing empty fields
    if not exts:
        return re.compile(r"(?!)")
    union = "|".join(re.escape("." + e.lower()) for e in exts)
    return re.compile(f"/readme(?-i:{union})$", re.I | re.M)


def _folder_url(url: str) -> str:
    return ruby_dirname(url) + "/"


def _has_index(site: Site, folder: str) -> bool:
    """Whether a page or static file has the folder's URL or an ``index.*`` in it."""
    if not folder.endswith("/"):
        folder += "/"
    pattern = re.compile("^" + re.escape(folder) + _INDEX, re.I | re.M)
    items: list[Page | StaticFile] = [*site.pages, *site.static_files]
    return any(pattern.search(item.url) for item in items)
