"""The kramdown engine's shortcuts against the regexps they stand for.

The span loop finds starts with a fast candidate regexp and dispatches rules by
first character; the block loop tries only rules whose start can match the
line's first character. These tests check the tables against the real start
regexps on many probe strings, so a grammar change cannot silently make a
shortcut skip a rule. Expected HTML in the last tests comes from real kramdown.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest

from newsletter_liquid.kramdown import patterns as P
from newsletter_liquid.kramdown import render_markdown
from newsletter_liquid.kramdown.blocks import _BLOCK_LINE_NEEDS, _BLOCK_START_AT, BLOCK_RULES
from newsletter_liquid.kramdown.spans import SPAN_RULES, _next_start, _plan

_CHARS = [chr(i) for i in range(9, 127)] + ["\u00a0", "é", "“", "\u3000"]
_TAILS = [
    "",
    "a",
    " ",
    "\n",
    "*",
    "**",
    "_",
    "`",
    "<",
    "<<",
    ">>",
    "[",
    "[a]",
    "]",
    "(",
    '"',
    "'",
    "-",
    "--",
    "...",
    "..",
    "~",
    "~~a~~",
    ":",
    "$$a$$",
    "\\",
    "\\\n",
    " \n",
    "a>",
    "http://a.b>",
    "a@b.c>",
    "#1;",
    "amp;",
    "^1]",
    "a]",
    "b/>",
    "!--",
    "::x}",
    ":.c}",
    "<",
    ">",
]


def _probes() -> list[str]:
    return [c + t for c in _CHARS for t in _TAILS] + [
        c + d + t for c in "\\ \"'" for d in _CHARS[:40] for t in ("", "'", '"')
    ]


@pytest.mark.parametrize(("name", "start"), SPAN_RULES, ids=[n for n, _ in SPAN_RULES])
def test_span_rule_starts_only_with_its_first_chars(name: str, start: re.Pattern[str]) -> None:
    firsts = P.SPAN_FIRST_CHARS[name]
    for probe in _probes():
        if start.match(probe):
            before_quote = probe[1:2] in ("'", '"') and probe[0] != "\\"
            assert probe[0] in firsts or (name == "smart_quotes" and before_quote), probe


def _exact_next(regex: re.Pattern[str], text: str, pos: int) -> int:
    m = regex.search(text, pos)
    return -1 if m is None else m.start()


@pytest.mark.parametrize("seed", range(4))
def test_candidate_search_finds_every_span_start(seed: int) -> None:
    rnd = random.Random(seed)
    names = tuple(n for n, _ in SPAN_RULES)
    plans = [
        _plan(names, None, 0, ""),
        _plan(names, P.LINK_BRACKET_STOP_RE.pattern, P.LINK_BRACKET_STOP_RE.flags, "]!["),
        _plan(names, re.escape("**"), 0, "*"),
        _plan(("codespan", "span_html"), None, 0, ""),
        _plan(("span_html",), P.html_stop_re("em", True).pattern, re.I, "<"),
    ]
    alphabet = [
        "a",
        " ",
        "  ",
        "\n",
        "'",
        '"',
        "\\",
        "<",
        ">",
        "<<",
        "-",
        ".",
        "!",
        "[",
        "]",
        "{",
        ":",
        "~",
        "*",
        "_",
        "`",
        "$",
        "&",
        "</em>",
        "</EM>",
        "é",
    ]
    for _ in range(300):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        for plan in plans:
            for pos in range(len(text) + 1):
                assert _next_start(plan, text, pos) == _exact_next(plan.exact, text, pos), (
                    text,
                    pos,
                    plan.exact.pattern[:40],
                )


_LINE_STARTS = ["", " ", "  ", "   ", "    ", "     ", "\t", " \t"]
_LINE_BODIES = [
    "",
    "a",
    "\n",
    "#",
    "# a",
    "#a",
    "> a",
    "- a",
    "* a",
    "+ a",
    "1. a",
    ": a",
    "<div>",
    "</div>",
    "<!-- c -->",
    "$$a$$",
    "\\$$a$$",
    "| a |",
    "a | b",
    "a \\| b",
    "[^1]: a",
    "[a]: /u",
    "*[A]: b",
    "{:.c}",
    "{::comment}",
    "{:a: .b}",
    "^",
    "---",
    "***",
    "___",
    "```",
    "~~~",
    "```py",
    "\r",
    "\f",
    "\v",
    "a\n===",
    "a\n---",
    "a\n- b",
]


@pytest.mark.parametrize(("name", "start"), BLOCK_RULES, ids=[n for n, _ in BLOCK_RULES])
def test_block_rule_tried_wherever_its_start_matches(name: str, start: re.Pattern[str]) -> None:
    applies = _BLOCK_START_AT[name]
    line_test = _BLOCK_LINE_NEEDS.get(name)
    for lead, body, tail in itertools.product(_LINE_STARTS, _LINE_BODIES, ("\n", "\nb\n", "")):
        text = lead + body + tail
        if not text or not start.match(text):
            continue
        spaces = len(text) - len(text.lstrip(" "))
        spaces = min(spaces, 4)
        char = text[spaces : spaces + 1] if spaces < 4 else " "
        assert applies(spaces, char), (name, text)
        if line_test is not None and char != "\n":
            eol = text.find("\n")
            assert line_test(text, 0, eol if eol >= 0 else len(text)), (name, text)


# Expected HTML below is what kramdown 2.4 + kramdown-parser-gfm 1.1 wrote for these inputs.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "x\n: y\n{:#i .k}\n\nz\n",
            '<dl id="i" class="k">\n  <dt>x</dt>\n  <dd>y</dd>\n</dl>\n\n<p>z</p>\n',
        ),
        ("a\n: b\n{:toc}\n", "<dl>\n  <dt>a</dt>\n  <dd>b</dd>\n</dl>\n"),
    ],
)
def test_ial_after_definition_list(text: str, expected: str) -> None:
    assert render_markdown(text) == expected


def test_no_auto_typographic_quirk() -> None:
    text = 'A -- b --- c ... << d >> "q" \'s\n'
    quirks = {"gfm_quirks": ["paragraph_end", "no_auto_typographic"]}
    assert render_markdown(text, quirks) == (
        "<p>A -- b --- c ... &lt;&lt; d &gt;&gt; \u201cq\u201d \u2018s</p>\n"
    )
    assert render_markdown(text) == (
        "<p>A \u2013 b \u2014 c \u2026 \u00ab\u00a0d\u00a0\u00bb \u201cq\u201d \u2018s</p>\n"
    )
