"""The template splitter agrees with liquid 5.4's ``TemplateParser`` regex split."""

from __future__ import annotations

import random

import pytest

from newsletter_liquid.dialect.parsing import split_template
from newsletter_liquid.dialect.syntax import TEMPLATE_PARSER

_ALPHABET = ["{", "}", "%", "{{", "}}", "{%", "%}", "a", " ", "-", "\n", "\r\n"]


@pytest.mark.parametrize("seed", range(5))
def test_split_matches_the_ruby_regex(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2000):
        source = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30)))
        expected = [part for part in TEMPLATE_PARSER.split(source) if part]
        tokens = split_template(source)
        assert [text for text, _ in tokens] == expected
        assert all(source[at:at + len(text)] == text for text, at in tokens)
