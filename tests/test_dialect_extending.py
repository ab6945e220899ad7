"""The plugin example in docs/liquid.md runs as written and does what the page says."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from newsletter_liquid.errors import TemplateError
from newsletter_liquid.site import Site

DOC = Path(__file__).resolve().parent.parent / "docs" / "liquid.md"


def _example() -> str:
    section = DOC.read_text("utf-8").split("## Adding filters and tags", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1)


@pytest.fixture(scope="module")
def _plugin() -> None:
    exec(compile(_example(), str(DOC), "exec"), {"__name__": "liquid_doc_example"})


def _render(tmp_path: Path, body: str, plugins: list[str]) -> str:
    (tmp_path / "_config.yml").write_text(f"plugins: {plugins}\n", "utf-8")
    (tmp_path / "page.html").write_text(f"---\ntitle: T & U\n---\n{body}", "utf-8")
    site: Any = Site.load(tmp_path)
    return str(site.render_all()[Path("page.html")])


@pytest.mark.usefixtures("_plugin")
def test_documented_plugin(tmp_path: Path) -> None:
    body = ('{{ "hi" | shout }} {{ "hi" | shout: "?" }} {% year %} '
            "{% box page.title %}text{% endbox %}")
    year = Site.load(tmp_path).time.year
    assert _render(tmp_path, body, ["my-plugin"]) == (
        f'HI! HI? {year} <div class="box" title="T & U">text</div>'
    )
    with pytest.raises(TemplateError, match="wrong number of arguments"):
        _render(tmp_path, '{{ "hi" | shout: 1, 2 }}', ["my-plugin"])


@pytest.mark.usefixtures("_plugin")
def test_only_sites_listing_the_plugin_get_it(tmp_path: Path) -> None:
    # an unknown filter passes its input through; an unknown tag fails the build
    assert _render(tmp_path, '{{ "hi" | shout }}', []) == "hi"
    with pytest.raises(TemplateError, match="year"):
        _render(tmp_path, "{% year %}", [])
