"""jemoji: the emoji filter against what the real gems made of the same page outputs.

tests/data/jekyll_sites/jemoji-filter holds page outputs (hand-picked tricky ones and
random soups of markup, escaped markup and emoji names) and what jemoji 0.13 with
html-pipeline 2.14, gemoji 4.1 and Nokogiri 1.13 on libxml2 2.9.14 turned them into
(regenerated as tests/data/jekyll_sites/README.md says). Whole sites built with the
plugin are tests/data/jekyll_sites/jemoji and jemoji-src (tests/test_plugins_sites.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsletter_liquid.errors import ConfigError
from newsletter_liquid.plugins import BUILTIN_PLUGINS
from newsletter_liquid.plugins.jemoji import emoji_images, emoji_src, emojify, has_emoji

DATA = Path(__file__).parent / "data" / "jekyll_sites" / "jemoji-filter"
INPUTS: list[dict[str, Any]] = json.loads((DATA / "inputs.json").read_text("utf-8"))
EXPECTED: list[str] = json.loads((DATA / "expected.json").read_text("utf-8"))

CASES = [pytest.param(case, expected, id=f"case{k}")
         for k, (case, expected) in enumerate(zip(INPUTS, EXPECTED, strict=True))]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_emojify_like_the_gem(case: dict[str, Any], expected: str) -> None:
    assert emojify(case["output"], case.get("config", {})) == expected


def test_data_covers_what_it_should() -> None:
    changed = sum(c["output"] != e for c, e in zip(INPUTS, EXPECTED, strict=True))
    assert changed > len(INPUTS) // 2  # most cases do have a name to replace
    assert any('class="emoji"' in e and "&lt;" in c["output"] for c, e in
               zip(INPUTS, EXPECTED, strict=True))


def test_registered_under_the_gem_name() -> None:
    assert BUILTIN_PLUGINS["jemoji"] == "jemoji:JemojiPlugin"


def test_table_is_gemoji_4_1() -> None:
    images = emoji_images()
    assert len(images) == 1913
    assert images["smile"] == "unicode/1f604.png"
    # U+FE0F and U+200D are left out of file names; keycaps and flags keep their parts
    assert images["copyright"] == "unicode/00a9.png"
    assert images["hash"] == "unicode/0023-20e3.png"
    assert images["man_technologist"] == "unicode/1f468-1f4bb.png"
    assert images["satisfied"] == images["laughing"]
    # gemoji 4 has no custom (GitHub-only) images any more
    assert "octocat" not in images and "shipit" not in images


def test_names_fit_the_candidate_pattern() -> None:
    """The scan looks for names between colons with a fixed character class."""
    assert all(re.fullmatch(r"[a-z0-9_+\-]+", name) for name in emoji_images())


@pytest.mark.parametrize(("text", "found"), [
    (":smile:", True), (":smile", False), ("smile:", False), (":Smile:", False),
    ("::smile::", True), (":x:smile:", True), ("10:30:45", False), (":+1:", True),
    ("<a title=':smile:'>", True),  # anywhere in the output, markup included
])
def test_has_emoji(text: str, found: bool) -> None:
    assert has_emoji(text) is found


def test_src_defaults_to_githubs_asset_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASSET_HOST_URL", raising=False)
    assert emoji_src({}) == "https://github.githubassets.com/images/icons/"
    assert emoji_src({"emoji": {}}) == "https://github.githubassets.com/images/icons/"
    monkeypatch.setenv("ASSET_HOST_URL", "https://assets.example//")
    assert emoji_src({}) == "https://assets.example//images/icons/"  # one "/" chomped
    monkeypatch.setenv("ASSET_HOST_URL", "")
    assert emoji_src({}) == "https://github.githubassets.com/images/icons/"
    assert emoji_src({"emoji": {"src": "/e"}}) == "/e"


def test_asset_host_reaches_the_image(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSET_HOST_URL", "https://assets.example/")
    assert 'src="https://assets.example/images/icons/emoji/unicode/2764.png"' in emojify(
        "<p>:heart:</p>", {})


@pytest.mark.parametrize("section", [None, "https://x/", ["src"], 3])
def test_emoji_setting_must_be_a_hash(section: Any) -> None:
    # the gem calls key? on it: Jekyll stops with a NoMethodError
    with pytest.raises(ConfigError, match="emoji"):
        emojify("<p>:smile:</p>", {"emoji": section})
    assert emojify("<p>no names</p>", {"emoji": section}) == "<p>no names</p>"


@pytest.mark.parametrize("src", [None, 3, True, {"a": 1}])
def test_src_must_be_a_url(src: Any) -> None:
    # File.join raises a TypeError, once an image is made
    with pytest.raises(ConfigError, match="src"):
        emojify("<p>:smile:</p>", {"emoji": {"src": src}})
    assert emojify("<pre>:smile:</pre>", {"emoji": {"src": src}}) == "<pre>:smile:</pre>"
