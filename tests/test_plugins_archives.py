"""jekyll-archives 2.2.1 rules checked one by one. Whole sites are in
tests/data/jekyll_sites/archives*/ (test_plugins_sites.py); the expected values
here were printed by the gem itself (``Jekyll::Archives::Archive.new(site, title,
"tag", [])`` under Debian's ruby-jekyll-archives 2.2.1 and jekyll 4.3.1)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsletter_liquid.dialect.drops import page_hash
from newsletter_liquid.errors import ConfigError
from newsletter_liquid.plugins.archives import ArchivePage, archives_config
from newsletter_liquid.site import Site


@pytest.fixture(autouse=True)
def _frozen(reference_clock: None) -> None:
    """Every test here runs on the reference clock (conftest.py)."""


def _site(root: Path, config: str) -> Site:
    (root / "_config.yml").write_text(config, "utf-8")
    return Site.load(root)


# (tag, permalink template, url, relative path, page.name), as the gem made them:
# slugs always in the default mode, escaped in the URL, raw on disk.
GEM_URLS = [
    ("Ünïcode Tag", "/tag/:name/", "/tag/%C3%BCn%C3%AFcode-tag/",
     "tag/ünïcode-tag/index.html", "index"),
    ("C++ & co.", "/tag/:name/", "/tag/c-co/", "tag/c-co/index.html", "index"),
    ("日本語", "/tag/:name/", "/tag/%E6%97%A5%E6%9C%AC%E8%AA%9E/", "tag/日本語/index.html",
     "index"),
    ("  spaced  out ", "/tag/:name/", "/tag/spaced-out/", "tag/spaced-out/index.html", "index"),
    ("a/b", "/tag/:name/", "/tag/a-b/", "tag/a-b/index.html", "index"),
    ("100%", "/tag/:name/", "/tag/100/", "tag/100/index.html", "index"),
    ("tab\there", "/tag/:name/", "/tag/tab-here/", "tag/tab-here/index.html", "index"),
    ("Ελληνικά", "/tag/:name/", "/tag/%CE%B5%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC/",
     "tag/ελληνικά/index.html", "index"),
    ("emoji 🎉 party", "/tag/:name/", "/tag/emoji-party/", "tag/emoji-party/index.html", "index"),
    ("dots.and_under_scores", "/tag/:name/", "/tag/dots-and-under-scores/",
     "tag/dots-and-under-scores/index.html", "index"),
    ("Ça va?", "/tag/:name/", "/tag/%C3%A7a-va/", "tag/ça-va/index.html", "index"),
    ("#hash", "/tag/:name/", "/tag/hash/", "tag/hash/index.html", "index"),
    ("ÆØÅ", "/tag/:name/", "/tag/%C3%A6%C3%B8%C3%A5/", "tag/æøå/index.html", "index"),
    ("Ünïcode Tag", "/:type/:name.html", "/tag/%C3%BCn%C3%AFcode-tag.html",
     "tag/ünïcode-tag.html", "ünïcode-tag"),
    ("x?y", "/:type/:name.html", "/tag/x-y.html", "tag/x-y.html", "x-y"),
    ("日本語", "/t/:name", "/t/%E6%97%A5%E6%9C%AC%E8%AA%9E", "t/日本語", "日本語"),
    ("Ça va?", "/t/:name", "/t/%C3%A7a-va", "t/ça-va", "ça-va"),
]


@pytest.mark.parametrize(("title", "template", "url", "rel", "name"), GEM_URLS)
def test_tag_urls_like_the_gem(
    tmp_path: Path, title: str, template: str, url: str, rel: str, name: str
) -> None:
    site = _site(tmp_path, "")
    config = {"layout": "archive", "permalinks": {"tag": template}}
    page = ArchivePage(site, config, title, "tag", [])
    assert (page.url, page.relative_path, page.name) == (url, rel, name)
    assert page.destination(tmp_path / "_site") == tmp_path / "_site" / rel
    assert (page.data["title"], page.data["path"], page.data["url"]) == (title, rel, url)


def test_default_settings_and_nothing_enabled(tmp_path: Path) -> None:
    site = _site(tmp_path, "plugins: [jekyll-archives]\n")
    config = archives_config(site)
    assert config["enabled"] == [] and config["layout"] == "archive"
    assert config["permalinks"]["category"] == "/category/:name/"


@pytest.mark.parametrize(("enabled", "made"), [
    ("all", {"tag", "category", "year", "month", "day"}),
    ("true", {"tag", "category", "year", "month", "day"}),
    ("[tags, month]", {"tag", "month"}),
    ("tags", set()),  # a string other than "all" is not a list: nothing
    ("[tag, categories]", {"category"}),  # enabled: names tags in the plural
])
def test_enabled(tmp_path: Path, enabled: str, made: set[str]) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2020-01-02-a.md").write_text("---\ntags: [x]\ncategory: c\n---\n")
    site = _site(tmp_path, f"plugins: [jekyll-archives]\njekyll-archives:\n  enabled: {enabled}\n")
    site.generate()
    assert {p.type for p in site.pages if isinstance(p, ArchivePage)} == made


def test_empty_settings_key_is_an_error(tmp_path: Path) -> None:
    # the gem merges nil into its defaults: Jekyll stops with a TypeError
    site = _site(tmp_path, "title: x\nplugins: [jekyll-archives]\njekyll-archives:\n")
    with pytest.raises(ConfigError) as info:
        site.generate()
    assert (info.value.filename, info.value.line) == (os.fspath(tmp_path / "_config.yml"), 3)


def test_empty_slug_warns(tmp_path: Path) -> None:
    site = _site(tmp_path, "")
    page = ArchivePage(site, {"layout": "a", "permalinks": {"tag": "/tag/:name/"}}, "!!!", "tag",
                       [])
    assert page.url == "/tag/"
    assert site.warnings == ["Warning: Empty `slug` generated for '!!!'."]


def test_liquid_keys_like_the_gem(tmp_path: Path) -> None:
    site = _site(tmp_path, "")
    config = {"layout": "archive", "permalinks": {"tag": "/tag/:name/", "year": "/:year/"}}
    for page in (ArchivePage(site, config, "x", "tag", []),
                 ArchivePage(site, config, None, "year", [], {"year": "2020"})):
        assert list(page_hash(page)) == [
            "layout", "posts", "type", "title", "date", "name", "path", "url", "permalink"]
