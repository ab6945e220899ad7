"""The read cache (YAML values by text) gives back exactly what parsing gives."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path
from typing import Any

import pytest

from newsletter_liquid.readcache import YamlCache
from newsletter_liquid.site import Site

FRONT_MATTERS = {
    "_posts/2024-01-02-times.md": (
        "title: Times\ndate: 2024-01-02 10:20:30\nupdated: 2024-01-03 04:05:06 -0500\n"
        "utc: 2024-01-04T01:02:03Z\nday: 2024-01-05\n"
    ),
    "_posts/2024-01-03-kinds.md": (
        "title: Kinds\ntags: [a, b]\nset: !!set {x, y}\nblob: !!binary aGVsbG8=\n"
        "nested: {a: [1, 2.5, null, true], b: {c: d}}\nbig: 123456789012345678901234567890\n"
        "anchor: &a {k: v}\nalias: *a\n"
    ),
    "about.md": "title: About\nlayout: page\n",
}


def _site(tmp_path: Path, timezone: str | None) -> Path:
    src = tmp_path / "src"
    config = f"timezone: {timezone}\n" if timezone else ""
    (src / "_data").mkdir(parents=True)
    (src / "_posts").mkdir()
    (src / "_config.yml").write_text(config + "title: T\nwhen: 2024-02-03 04:05:06\n")
    (src / "_data" / "people.yml").write_text("- {name: A, born: 1990-01-02}\n")
    for rel, yaml_text in FRONT_MATTERS.items():
        (src / rel).write_text(f"---\n{yaml_text}---\nBody of {rel}\n")
    return src


def _plain(value: Any) -> Any:
    """A value with every time made comparable by wall time, offset and zone class."""
    if isinstance(value, dt.datetime):
        return ("time", value.isoformat(), value.tzname(), type(value.tzinfo).__name__)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "excerpt"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _read(site: Site) -> Any:
    items = [*site.documents, *site.pages]
    return (_plain({k: v for k, v in site.config.items() if k != "source"}),
            _plain(site.data), [(i.relative_path, _plain(i.data), i.content) for i in items])


@pytest.mark.parametrize("timezone", [None, "America/New_York", "UTC - 5", "EST+5"])
def test_cached_read_equals_a_fresh_read(tmp_path: Path, timezone: str | None) -> None:
    src = _site(tmp_path, timezone)
    cache = tmp_path / "cache"
    fresh = _read(Site.load(src))
    first = Site.load(src, cache_dir=cache)
    assert first.yaml_cache is not None and first.yaml_cache.misses > 0
    assert _read(first) == fresh
    second = Site.load(src, cache_dir=cache)
    assert second.yaml_cache is not None
    assert second.yaml_cache.misses == 0 and second.yaml_cache.hits == first.yaml_cache.misses
    assert _read(second) == fresh


def test_an_edited_text_is_parsed_again(tmp_path: Path) -> None:
    src = _site(tmp_path, "America/New_York")
    cache = tmp_path / "cache"
    Site.load(src, cache_dir=cache)
    post = src / "_posts" / "2024-01-03-kinds.md"
    post.write_text(post.read_text().replace("title: Kinds", "title: Changed"))
    site = Site.load(src, cache_dir=cache)
    assert site.yaml_cache is not None and site.yaml_cache.misses == 1
    assert _read(site) == _read(Site.load(src))


def test_values_are_fresh_objects(tmp_path: Path) -> None:
    cache = YamlCache.open(tmp_path)
    first = cache.load("a: [1, 2]\n")
    first["a"].append(3)
    assert cache.load("a: [1, 2]\n") == {"a": [1, 2]}


@pytest.mark.parametrize("damage", ["truncated", "garbage", "foreign class", "other salt"])
def test_a_damaged_or_foreign_file_is_a_miss(tmp_path: Path, damage: str) -> None:
    cache = YamlCache.open(tmp_path)
    assert cache.load("k: v\n") == {"k": "v"}
    cache.save()
    path = tmp_path / "yaml.pickle"
    data = path.read_bytes()
    header = data[: data.index(b"\n", data.index(b"\n") + 1) + 1]
    if damage == "truncated":
        path.write_bytes(data[: len(data) - 5])
    elif damage == "garbage":
        path.write_bytes(header + b"\x80\x05garbage")
    elif damage == "foreign class":  # a pickle that would call a function when loaded
        path.write_bytes(header + pickle.dumps({b"k": pickle.dumps(Path("/x"))}))
    else:
        path.write_bytes(b"newsletter-liquid yaml cache 1\nother\n" + data[len(header):])
    again = YamlCache.open(tmp_path)
    assert again.load("k: v\n") == {"k": "v"}
    assert again.hits == 0 and again.misses == 1


def test_errors_are_not_cached(tmp_path: Path) -> None:
    from newsletter_liquid._yaml import YamlError

    cache = YamlCache.open(tmp_path)
    for _ in range(2):
        with pytest.raises(YamlError):
            cache.load("a: [\n")
    assert cache.misses == 0


def test_check_reads_through_an_existing_cache_folder(tmp_path: Path) -> None:
    from newsletter_liquid.check import check

    src = _site(tmp_path, None)
    assert check(None, src) == check(None, src, use_cache=False)
    assert not (src / ".newsletter-liquid-cache").exists()  # a check alone makes no folder
    Site.load(src, cache_dir=src / ".newsletter-liquid-cache")
    stamp = (src / ".newsletter-liquid-cache" / "yaml.pickle").stat().st_mtime_ns
    assert check(None, src) == check(None, src, use_cache=False)
    assert (src / ".newsletter-liquid-cache" / "yaml.pickle").stat().st_mtime_ns == stamp
