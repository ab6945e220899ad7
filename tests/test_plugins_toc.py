"""jekyll-toc and jekyll-readme-index: the rules whole sites do not pin down.

tests/data/jekyll_sites/toc-filter holds HTML fragments (hand-picked edge cases and
seeded random soups of headings and blocks) with the gem's result for each: the
``toc`` filter, ``toc_only`` / ``{% toc %}`` or ``inject_anchors``, or the class of
the error jekyll-toc 0.18 raised (``ruby regen.rb`` there, with Debian's Nokogiri
1.13.10 on libxml2 2.9.14). Whole sites built with the plugins are
tests/data/jekyll_sites/toc*, readme-index* (tests/test_plugins_sites.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsletter_liquid.errors import ConfigError, TemplateError
from newsletter_liquid.plugins import BUILTIN_PLUGINS
from newsletter_liquid.plugins.toc import (
    TocError,
    build_toc,
    inject_anchors,
    toc_id,
    toc_with_anchors,
)
from newsletter_liquid.site import Site

DATA = Path(__file__).parent / "data" / "jekyll_sites" / "toc-filter"
INPUTS: list[dict[str, Any]] = json.loads((DATA / "inputs.json").read_text("utf-8"))
EXPECTED: list[Any] = json.loads((DATA / "expected.json").read_text("utf-8"))
OPS: dict[str, Callable[[Any, Any], str]] = {
    "toc": toc_with_anchors, "build": build_toc, "inject": inject_anchors}

CASES = [pytest.param(case, expected, id=f"case{k}-{case['op']}")
         for k, (case, expected) in enumerate(zip(INPUTS, EXPECTED, strict=True))]


@pytest.mark.parametrize(("case", "expected"), CASES)
def test_like_the_gem(case: dict[str, Any], expected: Any) -> None:
    run = OPS[case["op"]]
    if isinstance(expected, dict):
        with pytest.raises(TocError):
            run(case["html"], case["config"])
    else:
        assert run(case["html"], case["config"]) == expected


def test_data_covers_what_it_should() -> None:
    outputs = [e for e in EXPECTED if isinstance(e, str)]
    assert sum(isinstance(e, dict) for e in EXPECTED) >= 10
    assert sum('class="anchor"' in e for e in outputs) > len(outputs) // 2
    assert any("<ol" in e for e in outputs) and any('<ul class="' in e for e in outputs)
    # the whole fragment is written back by libxml2
    assert any("<br />" in c["html"] for c in INPUTS)
    assert all("<br />" not in e for e in outputs)


@pytest.mark.parametrize(("text", "expected"), [
    ("Hello, World!", "hello-world"),
    ("Install & configure now", "install--configure-now"),
    ("x_y a-b", "x_y-a-b"),
    # Ruby downcases character by character (no final sigma), keeps marks, letter
    # numbers and circled letters, drops other symbols and numbers, then CGI-escapes
    ("ΣΑΣ", "%CF%83%CE%B1%CF%83"),
    ("e\u0301 Ⅻ ½ Ⓐ", "e%CC%81-%E2%85%BB--%E2%93%90"),
    ("İ", "i%CC%87"),
])
def test_made_up_ids(text: str, expected: str) -> None:
    assert toc_id(text) == expected


def test_registered_under_the_gem_names() -> None:
    assert BUILTIN_PLUGINS["jekyll-toc"] == "toc:TocPlugin"
    assert BUILTIN_PLUGINS["jekyll-readme-index"] == "readme_index:ReadmeIndexPlugin"


# --- through a site ------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _frozen(reference_clock: None) -> None:
    """Every test here runs on the reference clock (conftest.py)."""


def build(root: Path, files: dict[str, str]) -> dict[str, str]:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    outputs = Site.load(root).render_all()
    return {k.as_posix(): v for k, v in outputs.items() if isinstance(v, str)}


def test_bad_setting_fails_only_where_a_page_asks(tmp_path: Path) -> None:
    files = {
        "_config.yml": "plugins: [jekyll-toc]\ntoc: {min_level: null}\n",
        "_layouts/d.html": "{{ content | toc }}",
        "plain.md": "---\nlayout: d\n---\n## y\n",
    }
    # Jekyll: "Liquid Exception: can't iterate from NilClass in _layouts/d.html"
    out = build(tmp_path, files)
    assert out["plain.html"] == '<h2 id="y">y</h2>\n'
    with pytest.raises(TemplateError) as err:
        build(tmp_path, {"a.md": "---\nlayout: d\ntoc: true\n---\n## x\n"})
    assert err.value.filename == "_layouts/d.html"


def test_filter_input_must_be_text(tmp_path: Path) -> None:
    files = {
        "_config.yml": "plugins: [jekyll-toc]\n",
        "off.html": "---\n---\n{{ 5 | toc }} {{ 5 | toc_only }}|",
    }
    assert build(tmp_path, files)["off.html"] == "5 |"
    with pytest.raises(TemplateError, match="no implicit conversion of Integer into String"):
        build(tmp_path, {"on.html": "---\ntoc: true\n---\n{{ 5 | toc }}"})


def test_readme_index_setting_must_be_a_hash(tmp_path: Path) -> None:
    files = {"_config.yml": "plugins: [jekyll-readme-index]\nreadme_index: enabled\n",
             "docs/README.md": "# d\n"}
    # a string has no keys worth reading: the plugin stays on
    assert "docs/index.html" in build(tmp_path, files)
    # Jekyll: NoMethodError (undefined method `[]' for true)
    with pytest.raises(ConfigError):
        build(tmp_path, {"_config.yml": "plugins: [jekyll-readme-index]\nreadme_index: true\n"})
