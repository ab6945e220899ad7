"""Hostile templates end in a TemplateError (or render) quickly, never hang or crash."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsletter_liquid.dialect import JekyllEnvironment
from newsletter_liquid.errors import ConfigError, TemplateError


def _site(tmp_path: Path) -> SimpleNamespace:
    (tmp_path / "_includes").mkdir()
    (tmp_path / "_includes" / "self.html").write_text("x{% include self.html %}", "utf-8")
    return SimpleNamespace(
        source=tmp_path, config={}, read_text=lambda p: Path(p).read_text("utf-8"),
        warn=lambda message: None,
    )


FAILING = {
    "recursive-include": "{% include self.html %}",
    "deep-blocks": "{% if true %}" * 150 + "{% endif %}" * 150,
    "huge-range": "{% for i in (1..100000000) %}{% endfor %}",
    "nested-loops": "{% for i in (1..10000) %}{% for j in (1..10000) %}{% endfor %}{% endfor %}",
    "doubling-assign": "{% assign s = 'abcdefgh' %}{% for i in (1..40) %}"
                       "{% assign s = s | append: s %}{% endfor %}",
    "many-openers": "{{" * 50000,
    "deep-brackets": "{{ " + "a[" * 3000 + "b" + "]" * 3000 + " }}",
    "long-assign": "{% assign " + "a" * 50000 + " %}",
    "long-tablerow": "{% tablerow " + "a" * 50000 + " %}{% endtablerow %}",
}


@pytest.mark.parametrize("source", FAILING.values(), ids=FAILING.keys())
def test_fails_fast_with_a_template_error(source: str, tmp_path: Path) -> None:
    env = JekyllEnvironment(_site(tmp_path))
    start = time.monotonic()
    with pytest.raises(TemplateError) as info:
        env.render_template(source, {}, "page.html")
    assert time.monotonic() - start < 5
    assert info.value.filename is not None and "\n" not in info.value.message


@pytest.mark.parametrize(
    "source",
    ["{% if " + "a and " * 3000 + "! %}x{% endif %}", "{{ " + "a | " * 5000 + "! }}",
     "{% case x %}{% when " + "a, " * 5000 + "%}y{% endcase %}"],
)
def test_long_lax_markup_renders_fast(source: str) -> None:
    start = time.monotonic()
    JekyllEnvironment(None).render_template(source, {}, "page.html")
    assert time.monotonic() - start < 5


@pytest.mark.parametrize(
    ("limits", "source"),
    [
        ({"loop_iteration_limit": 100}, "{% for i in (1..10) %}{% for j in (1..11) %}{% endfor %}"
                                        "{% endfor %}"),
        ({"output_stream_limit": 10}, "{% for i in (1..11) %}x{% endfor %}"),
        ({"output_stream_limit": 10}, "{% capture c %}{% for i in (1..11) %}x{% endfor %}"
                                      "{% endcapture %}"),
        ({"context_depth_limit": 3}, "{% include a.html %}"),
    ],
)
def test_limits_set_under_liquid(limits: dict[str, int], source: str, tmp_path: Path) -> None:
    site = _site(tmp_path)
    for name, body in (("a", "{% include b.html %}"), ("b", "{% include c.html %}"), ("c", "c")):
        (tmp_path / "_includes" / f"{name}.html").write_text(body, "utf-8")
    site.config = {"liquid": limits}
    with pytest.raises(TemplateError):
        JekyllEnvironment(site).render_template(source, {}, "page.html")
    site.config = {}  # within the default limits the same template renders
    assert isinstance(JekyllEnvironment(site).render_template(source, {}, "page.html"), str)


def test_limits_can_be_lifted_and_are_checked() -> None:
    env = JekyllEnvironment(None, config={"liquid": {"loop_iteration_limit": None}})
    assert env.loop_iteration_limit is None
    assert JekyllEnvironment(None).loop_iteration_limit == 10_000_000
    for bad in ({"loop_iteration_limit": -1}, {"output_stream_limit": "big"},
                {"context_depth_limit": None}, {"context_depth_limit": True}):
        with pytest.raises(ConfigError):
            JekyllEnvironment(None, config={"liquid": bad})
