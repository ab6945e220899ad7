"""--jobs and the build cache on a bigger site and on the ffl-blog corpus: the same bytes
as a sequential cold build, whatever was rendered ahead in other processes or reused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ratchet import require_shared

from newsletter_liquid.cache import CACHE_DIR_NAME
from newsletter_liquid.site import Site

EPOCH = "1704067200"


@pytest.fixture(autouse=True)
def _frozen_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _outputs(src: Path, configs: list[Path] | None = None, **options: object
             ) -> tuple[dict[str, bytes], dict[str, int]]:
    site = Site.load(src, configs)
    outputs = site.render_all(**options)  # type: ignore[arg-type]
    return {
        rel.as_posix(): value.read_bytes() if isinstance(value, Path)
        else value.encode("utf-8", "surrogateescape")
        for rel, value in outputs.items()
    }, site.cache_stats


def _many_posts(root: Path, count: int = 30) -> None:
    files = {
        "_config.yml": "title: Jobs\nplugins: [jekyll-feed]\n",
        "_layouts/post.html": (
            "<h1>{{ page.title }}</h1>{{ content }}\n"
            "<p>{{ page.previous.title }}: {{ page.previous.content | size }}</p>\n"
            "<p>{{ page.next.title }}: {{ page.next.content | markdownify | size }}</p>\n"
            "{% for p in site.posts limit: 3 %}{{ p.title }} {{ p.excerpt | size }}{% endfor %}\n"
        ),
        "index.html": (
            "---\n---\n{% for p in site.posts %}<li>{{ p.title }} "
            "{{ p.content | strip_html | truncate: 20 }}</li>{% endfor %}\n"
        ),
    }
    for n in range(count):
        body = f"Post {n} says *hello*.\n\n" + ("{{ content | size }}\n" if n % 7 == 0 else "")
        files[f"_posts/2021-01-{n + 1:02d}-post-{n}.md"] = (
            f"---\ntitle: Post {n}\nlayout: post\n---\n{body}")
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("jobs", [2, 3])
def test_jobs_give_the_sequential_bytes(tmp_path: Path, jobs: int) -> None:
    src = tmp_path / "site"
    _many_posts(src)
    sequential, _ = _outputs(src)
    parallel, stats = _outputs(src, jobs=jobs)
    assert parallel == sequential
    assert stats["reused"] > 0, "renders made in other processes were used"
    cached, _ = _outputs(src, jobs=jobs, cache_dir=src / CACHE_DIR_NAME)
    assert cached == sequential
    again, stats = _outputs(src, jobs=jobs, cache_dir=src / CACHE_DIR_NAME)
    assert again == sequential and stats["rendered"] == 0


def test_corpus_with_cache_and_jobs(tmp_path: Path) -> None:
    corpus = require_shared("corpus", "ffl-blog")
    expected = require_shared("corpus", "ffl-blog.expected")
    src = tmp_path / "ffl-blog"
    shutil.copytree(corpus, src)
    configs = [src / "_config.yml", src / "oracle.yml"]
    cache = src / CACHE_DIR_NAME
    first, _ = _outputs(src, configs, jobs=2, cache_dir=cache)
    for path in sorted(expected.rglob("*")):
        if path.is_file():
            rel = path.relative_to(expected).as_posix()
            assert first.get(rel) == path.read_bytes(), rel
    post = sorted((src / "_posts").glob("*.md"))[100]
    with post.open("a", encoding="utf-8") as fh:
        fh.write("\nOne more line, edited.\n")
    rebuilt, stats = _outputs(src, configs, jobs=2, cache_dir=cache)
    assert 0 < stats["rendered"] < 20
    cold, _ = _outputs(src, configs)
    assert rebuilt == cold
