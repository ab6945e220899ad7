"""The build cache: a rebuild after any edit writes exactly what a cold build of the edited
site writes, and a broken cache is only ever a miss."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsletter_liquid.cache import CACHE_DIR_NAME
from newsletter_liquid.site import Site

EPOCH = "1704067200"

SITE: dict[str, str] = {
    "_config.yml": (
        "title: Cache test\n"
        "timezone: Europe/Paris\n"
        "paginate: 2\n"
        "excerpt_separator: <!--more-->\n"
        "plugins: [jekyll-feed, jekyll-paginate, jekyll-redirect-from]\n"
        "collections:\n  notes:\n    output: true\n"
    ),
    "_data/nav.yml": "title: Navigation\nitems: [a, b]\n",
    "_includes/head.html": "<title>{{ page.title }} | {{ site.title }}</title>\n",
    "_includes/card.html": (
        "<li>{{ include.post.title }} {{ include.post.url }} "
        "{{ include.post.excerpt | strip_html | strip }}</li>\n"
    ),
    "_layouts/default.html": (
        "<html>{% include head.html %}<nav>{{ site.data.nav.title }}</nav>\n"
        "{{ content }}\n<footer>{{ layout.footer }}</footer></html>\n"
    ),
    "_layouts/post.html": (
        "---\nlayout: default\nfooter: post footer\n---\n"
        "<h1>{{ page.title }}</h1><time>{{ page.date | date: '%Y-%m-%d' }}</time>\n"
        "{{ content }}\n"
        "{% if page.previous %}<p>prev: {{ page.previous.title }} "
        "{{ page.previous.content | strip_html | truncate: 40 }}</p>{% endif %}\n"
        "{% if page.next %}<p>next: {{ page.next.title }} "
        "{{ page.next.content | markdownify | strip_html | truncate: 40 }}</p>{% endif %}\n"
    ),
    "_posts/2020-01-01-first.md": (
        "---\ntitle: First\nlayout: post\n---\nHello *world*.\n<!--more-->\nMore text.\n"
    ),
    "_posts/2020-02-01-second.md": (
        "---\ntitle: Second\nlayout: post\nredirect_from: /old-second/\n---\n"
        "Second body.\n\nLeaked: {{ content | size }} {{ layout.footer }}\n"
    ),
    "_posts/2020-03-01-third.md": (
        "---\ntitle: Third\nlayout: post\n---\n"
        "All titles: {{ site.posts | map: 'title' | join: ', ' }}\n"
    ),
    "_posts/2020-04-01-fourth.md": (
        "---\ntitle: Fourth\nlayout: post\n---\nFourth {% include head.html %}\n"
    ),
    "_posts/2020-05-01-fifth.md": "---\ntitle: Fifth\nlayout: post\n---\nPlain fifth.\n",
    "_notes/one.md": (
        "---\ntitle: Note\nlayout: default\n---\n"
        "{% for p in site.posts %}{% include card.html post=p %}{% endfor %}\n"
    ),
    "index.html": (
        "---\nlayout: default\n---\n<ul>{% for post in paginator.posts %}"
        "{% include card.html post=post %}{% endfor %}</ul>\n"
    ),
    # rendered right after the note: sees what the note's render left in ``content``
    "about.md": (
        "---\ntitle: About\nlayout: default\n---\n# About\n\n"
        "{{ site.data.nav.items | join: '+' }} {{ content | size }}\n"
    ),
    "plain.txt": "a static file\n",
}


def _write_site(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _build(src: Path, cache: bool) -> tuple[dict[str, bytes], dict[str, int], list[str]]:
    site = Site.load(src)
    outputs = site.render_all(cache_dir=src / CACHE_DIR_NAME if cache else None)
    result = {
        rel.as_posix(): value.read_bytes() if isinstance(value, Path)
        else value.encode("utf-8", "surrogateescape")
        for rel, value in outputs.items()
    }
    return result, site.cache_stats, site.warnings


@pytest.fixture(autouse=True)
def _frozen_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _append(rel: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        with (root / rel).open("a", encoding="utf-8") as fh:
            fh.write(text)
    return edit


def _replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    return edit


def _add(rel: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        (root / rel).write_text(text, encoding="utf-8")
    return edit


def _remove(rel: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        (root / rel).unlink()
    return edit


EDITS: dict[str, Callable[[Path], None]] = {
    "post-body": _append("_posts/2020-03-01-third.md", "\nOne more line.\n"),
    "first-post-excerpt": _replace("_posts/2020-01-01-first.md", "Hello", "Goodbye"),
    "leaking-post-body": _append("_posts/2020-02-01-second.md", "\nMore.\n"),
    "post-title": _replace("_posts/2020-04-01-fourth.md", "title: Fourth", "title: Quatre"),
    "post-date": _replace("_posts/2020-05-01-fifth.md", "title: Fifth",
                          "title: Fifth\ndate: 2019-12-31 10:00:00"),
    "layout": _replace("_layouts/post.html", "<h1>", "<h1 class='t'>"),
    "layout-data": _replace("_layouts/post.html", "post footer", "new footer"),
    "include": _replace("_includes/card.html", "<li>", "<li class='c'>"),
    "data-file": _replace("_data/nav.yml", "Navigation", "Menu"),
    "config": _replace("_config.yml", "title: Cache test", "title: Cached"),
    "add-post": _add("_posts/2020-06-01-sixth.md", "---\ntitle: Sixth\nlayout: post\n---\nNew.\n"),
    "remove-post": _remove("_posts/2020-02-01-second.md"),
    "page": _append("about.md", "\nMore about.\n"),
    "note": _append("_notes/one.md", "\n<p>end</p>\n"),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_rebuild_after_edit_matches_cold_build(tmp_path: Path, edit: str) -> None:
    src = tmp_path / "site"
    _write_site(src, SITE)
    first, stats, _ = _build(src, cache=True)
    assert stats["rendered"] > 0
    again, stats, _ = _build(src, cache=True)
    assert again == first
    assert stats["rendered"] == 0, "an unchanged site renders nothing"
    EDITS[edit](src)
    cached, _, cached_warnings = _build(src, cache=True)
    cold, _, cold_warnings = _build(src, cache=False)
    assert sorted(cached) == sorted(cold)
    for rel in cold:
        assert cached[rel] == cold[rel], rel
    assert cached_warnings == cold_warnings
    # the cache left by the rebuild is as good as one left by a cold build
    after, stats, _ = _build(src, cache=True)
    assert after == cold and stats["rendered"] == 0


def test_post_body_edit_reuses_unaffected_items(tmp_path: Path) -> None:
    src = tmp_path / "site"
    _write_site(src, SITE)
    _build(src, cache=True)
    EDITS["post-body"](src)
    _, stats, _ = _build(src, cache=True)
    assert 0 < stats["rendered"] < stats["rendered"] + stats["reused"]
    assert stats["reused"] >= 5


@pytest.mark.parametrize("damage", ["garbage", "empty", "old-format", "folder-is-file"])
def test_broken_cache_is_a_miss(tmp_path: Path, damage: str) -> None:
    src = tmp_path / "site"
    _write_site(src, SITE)
    cold, _, _ = _build(src, cache=False)
    _build(src, cache=True)
    folder = src / CACHE_DIR_NAME
    db = folder / "cache.sqlite3"
    if damage == "garbage":
        for path in folder.glob("cache.sqlite3*"):
            path.write_bytes(b"\x00not a database\xff" * 100)
    elif damage == "empty":
        for path in folder.glob("cache.sqlite3*"):
            path.write_bytes(b"")
    elif damage == "old-format":
        con = sqlite3.connect(db)
        con.execute("UPDATE meta SET value='0' WHERE key='format'")
        con.commit()
        con.close()
    else:
        shutil.rmtree(folder)
        folder.write_text("not a folder")
    rebuilt, _, _ = _build(src, cache=True)
    assert rebuilt == cold
    if damage != "folder-is-file":  # the damaged store was replaced by a working one
        again, stats, _ = _build(src, cache=True)
        assert again == cold and stats["rendered"] == 0


def test_damaged_blob_is_a_miss(tmp_path: Path) -> None:
    src = tmp_path / "site"
    _write_site(src, SITE)
    cold, _, _ = _build(src, cache=False)
    _build(src, cache=True)
    con = sqlite3.connect(src / CACHE_DIR_NAME / "cache.sqlite3")
    con.execute("UPDATE blobs SET value = value || 'tampered'")
    con.execute("UPDATE records SET value = '[1,2' WHERE rowid % 3 = 0")
    con.commit()
    con.close()
    rebuilt, _, _ = _build(src, cache=True)
    assert rebuilt == cold


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_read_only_source_builds_without_cache(tmp_path: Path) -> None:
    src = tmp_path / "site"
    _write_site(src, SITE)
    cold, _, _ = _build(src, cache=False)
    src.chmod(0o555)
    try:
        rebuilt, _, _ = _build(src, cache=True)
    finally:
        src.chmod(0o755)
    assert rebuilt == cold


def test_cache_folder_is_not_read_as_site_content(tmp_path: Path) -> None:
    src = tmp_path / "site"
    config = SITE["_config.yml"] + f"include: [{CACHE_DIR_NAME}]\n"
    _write_site(src, {**SITE, "_config.yml": config})
    _build(src, cache=True)
    outputs, _, _ = _build(src, cache=True)
    assert not any(CACHE_DIR_NAME in rel for rel in outputs)
    assert (src / CACHE_DIR_NAME / ".gitignore").read_text().strip().endswith("*")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _dirs(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir()}


@pytest.mark.parametrize("edit", ["post-body", "remove-post", "add-post", "config"])
def test_build_updates_destination_like_a_fresh_write(tmp_path: Path, edit: str) -> None:
    src = tmp_path / "site"
    _write_site(src, SITE)
    dest = tmp_path / "out"
    Site.load(src).build(dest, cache_dir=src / CACHE_DIR_NAME)
    (dest / "stray.html").write_text("not ours")
    (dest / ".git").mkdir()
    (dest / ".git" / "HEAD").write_text("kept: keep_files")
    (dest / "index.html").write_text("tampered")
    EDITS[edit](src)
    Site.load(src).build(dest, cache_dir=src / CACHE_DIR_NAME)
    fresh = tmp_path / "fresh"
    Site.load(src).build(fresh)
    got = _tree(dest)
    assert got.pop(".git/HEAD") == b"kept: keep_files"
    assert got == _tree(fresh)
    assert _dirs(dest) - {".git"} == _dirs(fresh)
    # and once more with nothing changed: nothing to write, same tree
    Site.load(src).build(dest, cache_dir=src / CACHE_DIR_NAME)
    got = _tree(dest)
    got.pop(".git/HEAD")
    assert got == _tree(fresh)


def test_damaged_text_found_while_writing_starts_over(tmp_path: Path) -> None:
    src = tmp_path / "site"
    _write_site(src, SITE)
    dest, fresh = tmp_path / "out", tmp_path / "fresh"
    Site.load(src).build(dest, cache_dir=src / CACHE_DIR_NAME)
    shutil.rmtree(dest)  # every output must come from the cache
    con = sqlite3.connect(src / CACHE_DIR_NAME / "cache.sqlite3")
    con.execute("UPDATE blobs SET value = value || 'tampered'")
    con.commit()
    con.close()
    Site.load(src).build(dest, cache_dir=src / CACHE_DIR_NAME)
    Site.load(src).build(fresh)
    assert _tree(dest) == _tree(fresh)


def test_values_the_cache_cannot_compare_are_rendered_every_time(tmp_path: Path) -> None:
    src = tmp_path / "site"
    files = dict(SITE)
    files["_posts/2020-05-01-fifth.md"] = (
        "---\ntitle: Fifth\nlayout: post\nodd: !!set {a: null, b: null}\n"
        "blob: !!binary aGVsbG8=\n---\nPlain fifth. {{ page.odd | size }}\n")
    files["_layouts/post.html"] = files["_layouts/post.html"] + "{{ page.next.odd | size }}\n"
    _write_site(src, files)
    cold, _, _ = _build(src, cache=False)
    first, _, _ = _build(src, cache=True)
    again, stats, _ = _build(src, cache=True)
    assert first == cold and again == cold
    assert stats["rendered"] >= 2 and stats["reused"] > 0


def test_cli_cache_options(tmp_path: Path) -> None:
    from newsletter_liquid.cli import main

    src = tmp_path / "site"
    _write_site(src, SITE)
    dest = tmp_path / "out"
    assert main(["build", "-q", "-s", str(src), "-d", str(dest), "--no-cache"]) == 0
    assert not (src / CACHE_DIR_NAME).exists()
    fresh = _tree(dest)
    assert main(["build", "-q", "-s", str(src), "-d", str(dest), "--jobs", "2"]) == 0
    assert (src / CACHE_DIR_NAME / "cache.sqlite3").exists()
    assert _tree(dest) == fresh
    elsewhere = tmp_path / "cache"
    assert main(["build", "-q", "-s", str(src), "-d", str(dest),
                 "--cache-dir", str(elsewhere)]) == 0
    assert (elsewhere / "cache.sqlite3").exists() and _tree(dest) == fresh
    assert main(["build", "-q", "-s", str(src), "-d", str(dest),
                 "--cache-dir", str(src / "cache")]) == 2
    assert main(["build", "-q", "-s", str(src), "-d", str(dest), "--jobs", "0"]) == 2


def test_undated_draft_follows_its_file_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    src = tmp_path / "site"
    _write_site(src, {"_config.yml": "timezone: UTC\n",
                      "_drafts/idea.md": "---\ntitle: Idea\n---\n{{ page.date }}\n"})
    draft = src / "_drafts" / "idea.md"
    os.utime(draft, (1_600_000_000, 1_600_000_000))

    def build() -> dict[str, bytes]:
        site = Site.load(src, drafts=True)
        return {str(k): v.encode() for k, v in site.render_all(
            cache_dir=src / CACHE_DIR_NAME).items() if isinstance(v, str)}

    first = build()
    os.utime(draft, (1_700_000_000, 1_700_000_000))
    second = build()
    assert first != second
    assert b"2023-11-14" in b"".join(second.values())
