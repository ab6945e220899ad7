"""``Site.refresh`` (what ``build --watch`` does for an edited post): after any edit, the
refreshed site builds exactly what a fresh read of the edited site builds, and it takes
the edit in only when that is sound (bodies of documents); else it says no."""

from __future__ import annotations

import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from ratchet import SHARED
from test_cache import EDITS, SITE, _append, _replace, _write_site

from newsletter_liquid import plugins
from newsletter_liquid.cache import CACHE_DIR_NAME
from newsletter_liquid.plugins import Plugin
from newsletter_liquid.site import Site
from newsletter_liquid.watch import changed_files, snapshot

EPOCH = "1704067200"
#: the edits of test_cache that change only documents' bodies
BODY_EDITS = {"post-body", "first-post-excerpt", "leaking-post-body", "note"}


@pytest.fixture(autouse=True)
def _frozen_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _outputs(site: Site, cache: Path | None) -> dict[str, bytes]:
    return {
        rel.as_posix(): value.read_bytes() if isinstance(value, Path)
        else value.encode("utf-8", "surrogateescape")
        for rel, value in site.render_all(cache_dir=cache).items()
    }


def _load(src: Path, configs: list[Path] | None = None) -> Site:
    return Site.load(src, configs, cache_dir=src / CACHE_DIR_NAME)


def _edit(src: Path, change: Callable[[Path], None]) -> list[str]:
    """Apply ``change``; the files it changed, as ``build --watch`` sees them."""
    ignore = [src / CACHE_DIR_NAME]
    before = snapshot(src, ignore)
    time.sleep(0.01)  # a new modification time even on coarse clocks
    change(src)
    return changed_files(before, snapshot(src, ignore))


def _assert_same_as_fresh(site: Site, src: Path, configs: list[Path] | None = None) -> None:
    refreshed = _outputs(site, src / CACHE_DIR_NAME)
    fresh_site = Site.load(src, configs)
    fresh = _outputs(fresh_site, None)
    assert sorted(refreshed) == sorted(fresh)
    for rel in fresh:
        assert refreshed[rel] == fresh[rel], rel
    assert site.warnings == fresh_site.warnings


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_refreshed_site_builds_what_a_fresh_read_builds(tmp_path: Path, edit: str) -> None:
    src = tmp_path / "site"
    _write_site(src, SITE)
    site = _load(src)
    _outputs(site, src / CACHE_DIR_NAME)
    changed = _edit(src, EDITS[edit])
    assert changed
    taken = site.refresh(changed)
    assert taken == (edit in BODY_EDITS)
    if not taken:
        site = _load(src)
    _assert_same_as_fresh(site, src)
    if taken:
        assert site.cache_stats["rendered"] > 0 and site.cache_stats["reused"] > 0


def test_edits_in_a_row_and_two_refreshes_before_a_build(tmp_path: Path) -> None:
    src = tmp_path / "site"
    _write_site(src, SITE)
    site = _load(src)
    _outputs(site, src / CACHE_DIR_NAME)
    bodies = ["_posts/2020-01-01-first.md", "_posts/2020-02-01-second.md",
              "_posts/2020-05-01-fifth.md", "_notes/one.md"]
    for round_ in range(3):
        for rel in bodies[round_:]:
            assert site.refresh(_edit(src, _append(rel, f"\nround {round_}\n")))
        assert site.refresh(_edit(src, _append(bodies[0], "\n<!--more-->\n")))
        _assert_same_as_fresh(site, src)


@pytest.mark.parametrize(("files", "change"), [
    # a draft's date may be its file's time
    ({"_drafts/idea.md": "---\ntitle: Idea\n---\nDraft.\n"},
     _append("_drafts/idea.md", "More.\n")),
    # the generator takes the title from the body
    ({"_config.yml": "plugins: [jekyll-titles-from-headings]\n",
      "_posts/2020-01-01-t.md": "---\n---\n# Title\n\nBody.\n"},
     _replace("_posts/2020-01-01-t.md", "# Title", "# Other")),
    # the generator replaced the body
    ({"_config.yml": "plugins: [jekyll-redirect-from]\n",
      "_posts/2020-01-01-r.md": "---\nredirect_to: https://example.com/\n---\nBody.\n"},
     _append("_posts/2020-01-01-r.md", "More.\n")),
    # a page, not a document
    ({"about.md": "---\n---\nAbout.\n"}, _append("about.md", "More.\n")),
    # the front matter ends where the body began
    ({"_posts/2020-01-01-e.md": "---\ntitle: E\n---"},
     _append("_posts/2020-01-01-e.md", "\nNow a body.\n")),
], ids=["draft", "titles-from-headings", "redirect-to", "page", "front-matter-end"])
def test_refresh_says_no_where_the_structure_may_change(
        tmp_path: Path, files: dict[str, str], change: Callable[[Path], None]) -> None:
    src = tmp_path / "site"
    _write_site(src, {"_config.yml": "title: t\n", **files})
    site = Site.load(src, drafts=True)
    _outputs(site, src / CACHE_DIR_NAME)
    assert not site.refresh(_edit(src, change))
    fresh = Site.load(src, drafts=True)
    _outputs(fresh, None)


def test_a_plugin_of_the_user_is_run_again(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A user's plugin may read bodies in ``generate``: unless it says it does not."""
    class Counting(Plugin):
        name = "counting"

        def generate(self, site: Site) -> None:
            site.data["bodies"] = sum(len(d.content) for d in site.documents)

    class Declared(Counting):
        name = "declared"
        refreshable = True

    monkeypatch.setattr(plugins, "_USER_PLUGINS", {})
    plugins.register_plugin("counting", Counting)
    plugins.register_plugin("declared", Declared)
    for name, taken in (("counting", False), ("declared", True)):
        src = tmp_path / name
        _write_site(src, {"_config.yml": f"plugins: [{name}]\n",
                          "_posts/2020-01-01-a.md": "---\n---\nBody.\n"})
        site = _load(src)
        _outputs(site, src / CACHE_DIR_NAME)
        assert site.refresh(_edit(src, _append("_posts/2020-01-01-a.md", "More.\n"))) is taken


@pytest.mark.parametrize("plugins", ["jekyll-seo-tag, jemoji, jekyll-mentions",
                                     "jekyll-include-cache, jekyll-sitemap"])
def test_sites_the_cache_cannot_keep_refresh_too(tmp_path: Path, plugins: str) -> None:
    src = tmp_path / "site"
    _write_site(src, {**SITE, "_config.yml": SITE["_config.yml"].replace(
        "plugins: [", f"plugins: [{plugins}, ")})
    site = _load(src)
    _outputs(site, src / CACHE_DIR_NAME)
    for edit in sorted(BODY_EDITS):
        assert site.refresh(_edit(src, EDITS[edit]))
    _assert_same_as_fresh(site, src)


def test_a_site_not_built_yet_is_read_again(tmp_path: Path) -> None:
    src = tmp_path / "site"
    _write_site(src, SITE)
    site = _load(src)
    assert not site.refresh(_edit(src, EDITS["post-body"]))


CORPUS = SHARED / "corpus" / "ffl-blog"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{CORPUS} is absent (../shared beside the repo)")
def test_corpus_random_body_edits(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(CORPUS, src, ignore=shutil.ignore_patterns("Gemfile*", "_site"))
    configs = [src / "_config.yml", src / "oracle.yml"]
    site = _load(src, configs)
    _outputs(site, src / CACHE_DIR_NAME)
    docs = [d.path.relative_to(src).as_posix() for d in site.documents]
    rng = random.Random(5)
    texts = ["\nA new paragraph with *emphasis*.\n", "\n{{ page.title }} and {{ site.time }}\n",
             "\n## A heading\n\n- a\n- b\n", "\n<!--more-->\nafter the separator\n"]
    for _ in range(3):
        picked = rng.sample(docs, 3) + docs[:1] + docs[-1:]  # the neighbours of the ends too
        for rel in dict.fromkeys(picked):
            assert site.refresh(_edit(src, _append(rel, rng.choice(texts))))
        _outputs(site, src / CACHE_DIR_NAME)
        assert site.cache_stats["reused"] > 400
    _assert_same_as_fresh(site, src, configs)
