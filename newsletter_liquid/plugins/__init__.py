"""Jekyll plugins as Python modules behind one small interface.

A plugin is switched on by the site's ``plugins:`` list (the gem's name), as in
Jekyll. Users can add their own: subclass ``Plugin`` and pass it to
``register_plugin`` before loading a site.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..dialect import JekyllEnvironment
    from ..document import Document, Page
    from ..site import Site

__all__ = ["BUILTIN_PLUGINS", "Plugin", "load_plugins", "register_plugin"]


class Plugin:
    """Hooks a plugin may implement; each default does nothing."""

    #: the gem name that switches the plugin on in ``plugins:``
    name: str = ""
    #: Jekyll's generator priority: generators run highest first (``:lowest`` is -100,
    #: ``:low`` -10, ``:normal`` 0, ``:high`` 10, ``:highest`` 100)
    priority: int = 0
    #: True when ``configure`` and ``generate`` never look at a document's body, so that
    #: ``Site.refresh`` may take in an edited body without running them again
    refreshable: bool = False

    def configure(self, site: Site) -> None:
        """Adjust the configuration once the site exists, before anything is read
        (Jekyll's ``:site, :after_init`` hook)."""

    def register_liquid(self, env: JekyllEnvironment) -> None:
        """Add tags or filters to the site's Liquid environment."""

    def generate(self, site: Site) -> None:
        """Add or change pages before rendering (Jekyll's Generator)."""

    def after_render(self, site: Site, item: Page | Document) -> None:
        """Change one page's or document's ``output`` right after it is rendered
        (Jekyll's ``:post_render`` hook)."""

    def post_render(self, site: Site, outputs: MutableMapping[Path, str | Path]) -> None:
        """Add or change output files after every document is rendered."""


# gem name -> "module:Class" under newsletter_liquid.plugins, imported only when used.
BUILTIN_PLUGINS: dict[str, str] = {
    "jekyll-avatar": "avatar:AvatarPlugin",
    "jekyll-default-layout": "default_layout:DefaultLayoutPlugin",
    "jekyll-include-cache": "include_cache:IncludeCachePlugin",
    "jekyll-optional-front-matter": "optional_front_matter:OptionalFrontMatterPlugin",
    "jekyll-relative-links": "relative_links:RelativeLinksPlugin",
    "jekyll-titles-from-headings": "titles_from_headings:TitlesFromHeadingsPlugin",
    "jekyll-feed": "feed:FeedPlugin",
    "jekyll-mentions": "mentions:MentionsPlugin",
    "jekyll-github-metadata": "github_metadata:GithubMetadataPlugin",
    "jekyll-paginate": "paginate:PaginatePlugin",
    "jekyll-redirect-from": "redirect_from:RedirectFromPlugin",
    "jekyll-seo-tag": "seo:SeoPlugin",
    "jekyll-sitemap": "sitemap:SitemapPlugin",
    "jemoji": "jemoji:JemojiPlugin",
    "jekyll-archives": "archives:ArchivesPlugin",
    "jekyll-toc": "toc:TocPlugin",
    "jekyll-readme-index": "readme_index:ReadmeIndexPlugin",
    "jekyll-gist": "gist:GistPlugin",
}

_USER_PLUGINS: dict[str, Callable[[], Plugin]] = {}


def register_plugin(name: str, factory: Callable[[], Plugin]) -> None:
    """Make ``name`` in a site's ``plugins:`` list load ``factory()``."""
    _USER_PLUGINS[name] = factory


def load_plugins(site: Site) -> list[Plugin]:
    """The plugins a site's config asks for, in the order it lists them."""
    names: list[Any] = []
    value = site.config.get("plugins")  # Jekyll 4 reads no other key (``gems:`` is ignored)
    if isinstance(value, list):
        names.extend(value)
    theme = getattr(site, "theme", None)
    if theme is not None:  # Jekyll requires a theme gem's runtime dependencies too
        names.extend(theme.runtime_dependencies)
    plugins: list[Plugin] = []
    for name in dict.fromkeys(str(n) for n in names):
        if name in _USER_PLUGINS:
            plugins.append(_USER_PLUGINS[name]())
            continue
        target = BUILTIN_PLUGINS.get(name)
        if target is None:
            site.warn(f"Plugin '{name}' is not supported by newsletter_liquid and was skipped.")
            continue
        module_name, _, class_name = target.partition(":")
        module = importlib.import_module(f"{__name__}.{module_name}")
        plugins.append(getattr(module, class_name)())
    return plugins
