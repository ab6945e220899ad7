"""The Markdown engine never raises and stays fast on hostile input."""

from __future__ import annotations

import random
import time

import pytest

from newsletter_liquid.kramdown import render_markdown

N = 5000
HOSTILE = {
    "stars": "*" * N,
    "underscores": "_" * N,
    "open_brackets": "[" * N,
    "nested_brackets": "[" * N + "a" + "]" * N,
    "backticks": "`" * N,
    "quotes": "\"'" * N,
    "strong_openers": "**a " * N,
    "emphasis_openers": "*a " * N,
    "unclosed_links": "[a](" * N,
    "unclosed_images": "![a" * N,
    "nested_blockquotes": ">" * N + " a\n",
    "nested_divs": "<div>" * N,
    "nested_spans": "<span>" * N,
    "html_comments": "<!--" * N,
    "autolinks": "<http://a" * N,
    "ials": "{:" * N,
    "extensions": "{::comment}" * N,
    "pipes": "|" * N + "\n",
    "nested_lists": "".join("  " * i + "* a\n" for i in range(300)),
    "long_line": 'word *em* [link](x) **b** `c` "q" -- ... ' * (N // 2),
    "mixed": '*_[`"<&~$' * N,
}


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_input_is_fast(text: str) -> None:
    start = time.perf_counter()
    html = render_markdown(text)
    assert isinstance(html, str)
    assert time.perf_counter() - start < 20


def test_random_markdown_never_raises() -> None:
    rng = random.Random(20240521)
    pieces = [
        "*",
        "_",
        "**",
        "`",
        "```",
        "~~~",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<",
        ">",
        "&",
        "#",
        "-",
        "+",
        "1.",
        ":",
        "|",
        "{:",
        "}",
        "{::",
        "{:/",
        "$$",
        "\\",
        '"',
        "'",
        "^",
        "\n",
        "\n\n",
        "    ",
        "\t",
        " ",
        "a",
        "word",
        "<div>",
        "</div>",
        "<span>",
        "&amp;",
        "&#",
        "[^1]",
        "[^1]: ",
        "*[a]: ",
        "<!--",
        "-->",
        'markdown="1"',
        "http://x",
        "==",
        "---",
    ]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        assert isinstance(render_markdown(text), str)
