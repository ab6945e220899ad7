"""The site model against real Jekyll 4.3.1: which documents exist, their URLs, ids,
dates, categories, orders and excerpts. Expected values were recorded by building
the same small sites with Jekyll (shared/tools/jekyll-build)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsletter_liquid.errors import ConfigError
from newsletter_liquid.site import Site

EPOCH = "1704067200"


def make_site(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def build(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Site, dict[str, str]]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    site = Site.load(root)
    outputs = site.render_all()
    texts = {
        rel.as_posix(): value if isinstance(value, str) else value.read_text("utf-8")
        for rel, value in outputs.items()
    }
    monkeypatch.undo()
    time.tzset()
    return site, texts


POSTS_SITE = {
    "_config.yml": "title: P\nshow_drafts: true\n",
    "_layouts/l1.html": "---\nfoo: from-l1\n---\nL1[{{ content }}]\n",
    "_layouts/l2.html": "---\nlayout: l1\nbar: from-l2\n---\nL2 ({{ content }})\n",
    "_posts/2020-01-01-a.md": "---\ntitle: A post\nlayout: l2\ntags: [x, y]\n---\n"
    "Body A {{ layout.foo }}/{{ layout.bar }}\n\nSecond para.\n",
    "_posts/sub/2020-01-02-b.md": "---\ntitle: B post\ncategory: Cat One\ntags: y\n---\n"
    "Body B layout=[{{ layout.foo }}] content-size={{ content | size }}\n",
    "news/_posts/2020-01-03-c.md": '---\ntitle: C post\ncategories: "alpha beta"\n'
    'excerpt_separator: "<!--more-->"\nslug: custom-slug\n'
    "permalink: /:categories/:title/:slug/\n---\nIntro C\n\nmore intro<!--more-->rest\n",
    "_posts/2030-01-01-future.md": "---\ntitle: Future\n---\nF\n",
    "_posts/2020-01-04-unpub.md": "---\ntitle: Unpub\npublished: false\n---\nU\n",
    "_posts/2020-01-05-nofm.md": "No front matter here\n",
    "_posts/2020-01-06-café.md": "---\ntitle: Café post\ndate: 2020-01-06 10:30:00 +0200\n---\n"
    "Café\n",
    "_drafts/a-draft.md": "---\ntitle: Draft one\n---\nD\n",
    "same1.html": "---\npermalink: /same/\n---\none\n",
    "same2.html": "---\npermalink: /same/\n---\ntwo\n",
}


@pytest.fixture()
def posts_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Site, dict[str, str]]:
    return build(make_site(tmp_path / "site", POSTS_SITE), monkeypatch)


def test_posts_read_as_jekyll_reads_them(posts_site: tuple[Site, dict[str, str]]) -> None:
    site, _ = posts_site
    newest_first = sorted(site.posts.docs, key=lambda d: d.sort_key(), reverse=True)
    assert [(d.data["title"], d.url, d.id, d.data["draft"]) for d in newest_first] == [
        ("Draft one", "/2024/01/01/a-draft.html", "/2024/01/01/a-draft", True),
        ("Café post", "/2020/01/06/caf%C3%A9.html", "/2020/01/06/café", False),
        ("Nofm", "/2020/01/05/nofm.html", "/2020/01/05/nofm", False),
        ("C post", "/news/alpha/beta/custom-slug/custom-slug/",
         "/news/alpha/beta/custom-slug/custom-slug", False),
        ("B post", "/cat%20one/2020/01/02/b.html", "/cat%20one/2020/01/02/b", False),
        ("A post", "/2020/01/01/a.html", "/2020/01/01/a", False),
    ]


def test_categories_from_folders_and_front_matter(posts_site: tuple[Site, dict[str, str]]) -> None:
    site, _ = posts_site
    by_title = {d.data["title"]: d for d in site.posts.docs}
    assert by_title["B post"].data["categories"] == ["Cat One"]
    assert by_title["C post"].data["categories"] == ["news", "alpha", "beta"]
    assert by_title["A post"].data["tags"] == ["x", "y"]
    # keys in the order the posts (oldest first) name them
    assert list(site.post_attr_hash("tags")) == ["x", "y"]
    assert list(site.post_attr_hash("categories")) == ["Cat One", "news", "alpha", "beta"]


def test_dates_keep_the_instant_in_the_site_zone(posts_site: tuple[Site, dict[str, str]]) -> None:
    site, _ = posts_site
    cafe = next(d for d in site.posts.docs if d.data["title"] == "Café post")
    assert cafe.date.strftime("%Y-%m-%d %H:%M:%S %z") == "2020-01-06 08:30:00 +0000"


def test_outputs_names_escaping_and_conflicts(posts_site: tuple[Site, dict[str, str]]) -> None:
    site, outputs = posts_site
    assert "2020/01/06/café.html" in outputs
    assert "cat one/2020/01/02/b.html" in outputs
    assert "news/alpha/beta/custom-slug/custom-slug/index.html" in outputs
    assert not any("future" in k or "unpub" in k for k in outputs)
    # two pages with one permalink: the later one wins, and Jekyll's warning is given
    assert outputs["same/index.html"] == "two\n"
    assert any(w.startswith("Conflict:") and "same1.html" in w for w in site.warnings)


def test_excerpts_come_from_the_raw_body(posts_site: tuple[Site, dict[str, str]]) -> None:
    site, _ = posts_site
    by_title = {d.data["title"]: d for d in site.posts.docs}
    excerpt = by_title["B post"].excerpt
    assert excerpt is not None
    # rendered with a fresh payload: no layout, no content left by other documents
    assert excerpt.render() == "<p>Body B layout=[] content-size=0</p>\n"
    c_excerpt = by_title["C post"].excerpt
    assert c_excerpt is not None and c_excerpt.content == "Intro C\n\nmore intro"


def test_layout_data_merges_down_the_chain(posts_site: tuple[Site, dict[str, str]]) -> None:
    _, outputs = posts_site
    # Jekyll 4.3.1: the body sees the first layout's data only (bar, not foo)
    assert outputs["2020/01/01/a.html"].startswith("L1[L2 (<p>Body A /from-l2</p>")


COLLECTION_SITE = {
    "_config.yml": "collections:\n  things:\n    output: true\n    sort_by: weight\n"
    "    permalink: /things/:path/\n",
    "_things/two.md": "---\nweight: 2\n---\nT2\n",
    "_things/one.md": "---\nweight: 1\n---\nT1\n",
    "_things/inner/nw.md": "---\ntitle: noweight\n---\nTN\n",
    "_things/inner/_hidden/h.md": "---\n---\nhidden\n",
    "_things/.dot/d.md": "---\n---\ndot\n",
    "_things/inner/file.txt": "static in collection\n",
    "assets/site.css": "css\n",
}


def test_collection_reading_sorting_and_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, outputs = build(make_site(tmp_path / "site", COLLECTION_SITE), monkeypatch)
    things = site.collections["things"]
    assert [(d.url, d.relative_path) for d in things.docs] == [
        ("/things/one/", "_things/one.md"),
        ("/things/two/", "_things/two.md"),
        ("/things/inner/_hidden/h/", "_things/inner/_hidden/h.md"),
        ("/things/inner/nw/", "_things/inner/nw.md"),
    ]
    assert [(f.relative_path, f.url) for f in site.static_files] == [
        ("/assets/site.css", "/assets/site.css"),
        ("_things/inner/file.txt", "/things/inner/file.txt"),
    ]
    assert "things/inner/file.txt" in outputs
    assert "things/inner/nw/index.html" in outputs


def test_unset_collection_dates_sort_by_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "_config.yml": "collections:\n  notes:\n    output: true\n",
        "_notes/2019-11-13-client.md": "---\n---\na\n",
        "_notes/2019-11-14.md": "---\n---\nb\n",
        "_notes/2019-11-21-client.md": "---\n---\nc\n",
    }
    site, _ = build(make_site(tmp_path / "site", files), monkeypatch)
    assert [d.path.name for d in site.collections["notes"].docs] == [
        "2019-11-13-client.md", "2019-11-14.md", "2019-11-21-client.md",
    ]


def test_old_highlighter_settings_warn_as_jekyll(monkeypatch: pytest.MonkeyPatch) -> None:
    """`highlighter: pygments` (tests/data/jekyll_sites/old-config, output checked there):
    kramdown leaves code plain, the highlight tag uses rouge and says so, `gems:` is
    ignored."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")
    site = Site.load(Path(__file__).parent / "data" / "jekyll_sites" / "old-config")
    site.render_all()
    assert site.plugins == []
    assert site.warnings == ["Warning: Highlight Tag no longer supports rendering with Pygments.",
                             "Using the default highlighter, Rouge, instead."]


def test_coderay_is_refused_at_the_config(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("kramdown:\n  enable_coderay: true\n")
    (tmp_path / "a.md").write_text("---\n---\n`x`\n")
    with pytest.raises(ConfigError, match="coderay"):
        Site.load(tmp_path).render_all()


@pytest.mark.parametrize("safe", [False, True])
def test_ruby_plugins_are_named_not_run(tmp_path: Path, safe: bool) -> None:
    (tmp_path / "_config.yml").write_text(f"safe: {str(safe).lower()}\n")
    (tmp_path / "_plugins" / "gen").mkdir(parents=True)
    (tmp_path / "_plugins" / "gen" / "tags.rb").write_text("module Jekyll; end\n")
    (tmp_path / "_plugins" / "notes.txt").write_text("not Ruby\n")
    site = Site.load(tmp_path)
    ruby = [w for w in site.warnings if w.startswith("Plugins:")]
    # Jekyll skips _plugins in safe mode: nothing is missing then
    assert ruby == ([] if safe else [
        "Plugins: _plugins/ has Ruby plugins, which newsletter_liquid cannot run (gen/tags.rb): "
        "the build goes on without them; write them in Python (newsletter_liquid.plugins)"])


@pytest.mark.parametrize(("value", "outcome"), [
    ("GFM", None), ("kramdown", "warn"), ("Markdown", "warn"), ("gfm", "error"),
    ("textile", "error"),
])
def test_kramdown_input_other_than_gfm(tmp_path: Path, value: str, outcome: str | None) -> None:
    """Jekyll finds the parser by the capitalised name ("gfm" is none); ours is GFM's."""
    (tmp_path / "_config.yml").write_text(f"kramdown:\n  input: {value}\n")
    if outcome == "error":
        with pytest.raises(ConfigError, match="no parser to handle"):
            Site.load(tmp_path)
        return
    warned = [w for w in Site.load(tmp_path).warnings if "is read as GFM" in w]
    assert len(warned) == (1 if outcome == "warn" else 0)
