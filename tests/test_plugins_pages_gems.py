"""GitHub Pages plugins whose gems were not installed when written (optional-front-matter,
default-layout, titles-from-headings, include-cache, relative-links, github-metadata):
expected values follow the gems' sources (each rule is noted where it is tested)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsletter_liquid.errors import SiteError
from newsletter_liquid.site import Site


@pytest.fixture(autouse=True)
def _frozen(reference_clock: None) -> None:
    """Every test here runs on the reference clock (conftest.py)."""


def build(root: Path, files: dict[str, str]) -> tuple[Site, dict[str, str]]:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    site = Site.load(root)
    outputs = site.render_all()
    return site, {k.as_posix(): v for k, v in outputs.items() if isinstance(v, str)}


def test_front_matter_less_markdown_layouts_titles_and_cached_includes(tmp_path: Path) -> None:
    site, out = build(tmp_path, {
        "_config.yml": "plugins: [jekyll-optional-front-matter, jekyll-default-layout, "
                       "jekyll-titles-from-headings, jekyll-include-cache]\n",
        "_layouts/default.html": "---\n---\nD[{{ content }}]",
        "_layouts/page.html": "---\n---\nPAGE[{{ page.title }}] {{ content }}",
        "_includes/c.html": "inc {{ include.x }} {{ page.url }}\n",
        "docs/guide.md": "# Hello *World*[^1]\n\nText {% include_cached c.html x=1 %}\n",
        "README.md": "# Readme\n",
        "index.md": "---\n---\nIdx {% include_cached c.html x=1 %}"
                    "{% include_cached c.html x=2 %}\n",
        "_posts/2020-01-01-x.md": "---\n---\nSetext title\n============\nbody\n",
    })
    # a Markdown file without front matter is a page; its original stays a static file
    assert "docs/guide.html" in out
    assert any(f.name == "guide.md" for f in site.static_files)
    # README is on the gem's blacklist
    assert "README.html" not in out
    # title from the first heading, markup and footnote marks stripped; layout "page"
    assert out["docs/guide.html"].startswith("PAGE[Hello World] ")
    # the gem appends its pages (the index renders first): the cache ignores the page,
    # so the guide reuses the index's rendering of x=1 (as real Jekyll, Debian's gems)
    assert out["index.html"] == "PAGE[] <p>Idx inc 1 /\ninc 2 /</p>\n\n"
    assert "<p>Text inc 1 /</p>" in out["docs/guide.html"]
    # a post with no "post" layout gets "default"
    assert out["2020/01/01/x.html"].startswith("D[<h1")


def test_relative_links(tmp_path: Path) -> None:
    _, out = build(tmp_path, {
        "_config.yml": "plugins: [jekyll-relative-links]\nbaseurl: /b\n",
        "index.md": '---\n---\nSee [guide](docs/guide.md#sec "T") and [x][r] and '
                    '[abs](https://e.com/a.md) and <a class="c" href="docs/guide.md">raw</a>'
                    "\n\n[r]: ./docs/guide.md\n",
        "docs/guide.md": "---\n---\nBack to [home](../index.md)\n",
    })
    assert out["index.html"] == (
        '<p>See <a href="/b/docs/guide.html#sec" title="T">guide</a> and '
        '<a href="/b/docs/guide.html">x</a> and <a href="https://e.com/a.md">abs</a> and '
        # HTML links stay: 0.7.0 (Debian's, checked with the real gem) has no post-render
        # hook, only the Markdown rewrite
        '<a class="c" href="docs/guide.md">raw</a></p>\n\n'
    )
    assert out["docs/guide.html"] == '<p>Back to <a href="/b/">home</a></p>\n'


def test_relative_links_page_excerpt_fails_the_build(tmp_path: Path) -> None:
    # Checked with the real gem (0.7.0): a Markdown page with an excerpt in its front
    # matter gets a Jekyll::Excerpt, and rendering the page fails (NoMethodError
    # `yaml_file?' for Jekyll::Page), links or not; relative_links: enabled: false builds.
    files = {
        "_config.yml": "plugins: [jekyll-relative-links]\n",
        "index.md": "---\nexcerpt: Mine\n---\nText\n",
    }
    with pytest.raises(SiteError, match="yaml_file") as info:
        build(tmp_path, files)
    assert info.value.filename == "index.md"
    files["_config.yml"] += "relative_links:\n  enabled: false\n"
    assert build(tmp_path, files)[1]["index.html"] == "<p>Text</p>\n"


def test_github_metadata_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PAGES_REPO_NWO", raising=False)
    for key in ("PAGES_ENV", "PAGES_API_URL", "PAGES_GITHUB_HOSTNAME"):
        monkeypatch.delenv(key, raising=False)
    _, out = build(tmp_path, {
        "_config.yml": "plugins: [jekyll-github-metadata]\nrepository: octo/site\n"
                       "github:\n  url: https://octo.example\n",
        "index.html": "---\n---\n{{ site.title }}|{{ site.github.repository_url }}|"
                      "{{ site.github.url }}|{{ site.github.api_url }}|"
                      "{{ site.github.is_project_page }}\n",
    })
    assert out["index.html"] == (
        "site|https://github.com/octo/site|https://octo.example|https://api.github.com|true\n"
    )
    assert os.environ.get("PAGES_REPO_NWO") is None
