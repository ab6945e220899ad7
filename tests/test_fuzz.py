"""Property tests: whatever the input, only our own errors escape, and output is stable."""

from __future__ import annotations

import os

from fuzz_strategies import front_matter_file, liquid_text, markdown_text
from hypothesis import HealthCheck, given, settings

from newsletter_liquid.errors import NewsletterLiquidError

EXAMPLES = int(os.environ.get("NL_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(markdown_text)
def test_markdown_never_raises_and_is_deterministic(text: str) -> None:
    from newsletter_liquid.kramdown import render_markdown

    first = render_markdown(text)
    assert isinstance(first, str)
    assert render_markdown(text) == first


@FUZZ
@given(liquid_text)
def test_liquid_raises_only_template_errors(source: str) -> None:
    from newsletter_liquid.dialect import JekyllEnvironment

    outputs = []
    for _ in range(2):
        env = JekyllEnvironment(None)
        try:
            outputs.append(env.render_template(source, {"page": {"title": "T"}}, "fuzz.html"))
        except NewsletterLiquidError as exc:
            outputs.append(f"error {exc}")
    assert outputs[0] == outputs[1]


@FUZZ
@given(front_matter_file)
def test_front_matter_raises_only_our_errors(text: str) -> None:
    from newsletter_liquid.frontmatter import parse_front_matter

    try:
        fm = parse_front_matter(text, "fuzz.md")
    except NewsletterLiquidError as exc:
        assert exc.filename == "fuzz.md"
        assert exc.line is not None and exc.line >= 1
        return
    assert isinstance(fm.data, dict)
