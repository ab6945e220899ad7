"""Tricky kramdown rules, checked against output recorded from real kramdown 2.4 (GFM).

Expected values were produced by running kramdown 2.4.0 + kramdown-parser-gfm
1.1.0 with Jekyll's default options on each input.
"""

from __future__ import annotations

import pytest

from newsletter_liquid.kramdown import KramdownOptions, render_markdown

CASES = [
    (
        ("# Intro\n\n# Intro\n\n## Intro\n"),
        (
            '<h1 id="intro">Intro</h1>\n'
            "\n"
            '<h1 id="intro-1">Intro</h1>\n'
            "\n"
            '<h2 id="intro-2">Intro</h2>\n'
        ),
    ),
    (
        "<div>a</div><p>b *c*</p>\n",
        ("<div>a</div>\n<p>b *c*</p>\n"),
    ),
    (
        "He said \"it's 'done'\" -- 'twas the '90s... << ok >>\n",
        "<p>He said “it’s ‘done’” – ‘twas the ’90s… «\xa0ok\xa0»</p>\n",
    ),
    (
        "&copy; &lt; &#8212; &#x41; &bogus; &#150;\n",
        "<p>© &lt; — A &amp;bogus; –</p>\n",
    ),
    (
        ("* [ ] todo\n* [x] done\n* plain\n"),
        (
            '<ul class="task-list">\n'
            '  <li class="task-list-item"><input type="checkbox" class="t'
            'ask-list-item-checkbox" disabled="disabled" />todo</li>\n'
            '  <li class="task-list-item"><input type="checkbox" class="t'
            'ask-list-item-checkbox" disabled="disabled" checked="checked" />done</li>\n'
            '  <li class="task-list-item">plain</li>\n'
            "</ul>\n"
        ),
    ),
    (
        ("Term\n: Definition\n"),
        ("<dl>\n  <dt>Term</dt>\n  <dd>Definition</dd>\n</dl>\n"),
    ),
    (
        ("*[HTML]: Hyper Text\n\nHTML and HTMLHTML\n"),
        ('\n<p><abbr title="Hyper Text">HTML</abbr> and HTMLHTML</p>\n'),
    ),
    (
        ("Text[^1] again[^1].\n\n[^1]: The note.\n"),
        (
            '<p>Text<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" '
            'class="footnote" rel="footnote">1</a></sup> again<sup id="fn'
            'ref:1:1" role="doc-noteref"><a href="#fn:1" class="footnote"'
            ' rel="footnote">1</a></sup>.</p>\n'
            "\n"
            '<div class="footnotes" role="doc-endnotes">\n'
            "  <ol>\n"
            '    <li id="fn:1" role="doc-endnote">\n'
            '      <p>The note.\xa0<a href="#fnref:1" class="reversefootnote'
            '" role="doc-backlink">&#8617;</a>\xa0<a href="#fnref:1:1" class'
            '="reversefootnote" role="doc-backlink">&#8617;<sup>2</sup></a></p>\n'
            "    </li>\n"
            "  </ol>\n"
            "</div>\n"
        ),
    ),
    (
        ("{:toc}\n* list\n\n# A\n\n## B\n"),
        (
            '<ul id="markdown-toc">\n'
            '  <li><a href="#a" id="markdown-toc-a">A</a>    <ul>\n'
            '      <li><a href="#b" id="markdown-toc-b">B</a></li>\n'
            "    </ul>\n"
            "  </li>\n"
            "</ul>\n"
            "\n"
            '<h1 id="a">A</h1>\n'
            "\n"
            '<h2 id="b">B</h2>\n'
        ),
    ),
    (
        ("a\\\nb  \nc\n"),
        ("<p>a<br />\nb<br />\nc</p>\n"),
    ),
    (
        ("| a | b |\n|---|:-:|\n| `x|y` | 2 |\n"),
        (
            "<table>\n"
            "  <thead>\n"
            "    <tr>\n"
            "      <th>a</th>\n"
            '      <th style="text-align: center">b</th>\n'
            "    </tr>\n"
            "  </thead>\n"
            "  <tbody>\n"
            "    <tr>\n"
            '      <td><code class="language-plaintext highlighter-rouge">x|y</code></td>\n'
            '      <td style="text-align: center">2</td>\n'
            "    </tr>\n"
            "  </tbody>\n"
            "</table>\n"
        ),
    ),
    (
        ("$$x < y$$ and\n\n$$\na^2\n$$\n"),
        ("<p>\\(x &lt; y\\) and</p>\n\n\\[a^2\\]\n"),
    ),
    (
        ("para {: .cls}\n{: #pid}\n\n> quote\n{: .q}\n"),
        (
            '<p id="pid">para {: .cls}</p>\n'
            "\n"
            '<blockquote class="q">\n'
            "  <p>quote</p>\n"
            "</blockquote>\n"
        ),
    ),
    (
        ("{::comment}\nhidden\n{:/comment}\n\n{::nomarkdown}<b>raw</b>{:/nomarkdown}\n"),
        ("<!-- hidden -->\n\n<p><b>raw</b></p>\n"),
    ),
    (
        '<span markdown="1">*em*</span> <em>x</em>\n',
        "<p><span><em>em</em></span> <em>x</em></p>\n",
    ),
    (
        ("1. one\n2. two\n\n   para\n3. three\n"),
        (
            "<ol>\n"
            "  <li>one</li>\n"
            "  <li>\n"
            "    <p>two</p>\n"
            "\n"
            "    <p>para</p>\n"
            "  </li>\n"
            "  <li>three</li>\n"
            "</ol>\n"
        ),
    ),
    (
        "~~del~~ and `code`\n",
        (
            '<p><del>del</del> and <code class="language-plaintext highli'
            'ghter-rouge">code</code></p>\n'
        ),
    ),
    # found by tests/test_fuzz.py: a lone extension stop tag on its own line is text
    ("{:/}\n", "<p>{:/}</p>\n"),
    # GFM ids: Ruby's downcase has no final sigma; \p{Word} has letter numbers and the
    # circled letters
    ("## \u216b \u24b6 \u03a3\u0391\u03a3 x\n",
     '<h2 id="\u217b-\u24d0-\u03c3\u03b1\u03c3-x">\u216b \u24b6 \u03a3\u0391\u03a3 x</h2>\n'),
]


@pytest.mark.parametrize(("source", "expected"), CASES, ids=range(len(CASES)))
def test_matches_kramdown(source: str, expected: str) -> None:
    assert render_markdown(source) == expected


def test_options_default_to_jekyll() -> None:
    opts = KramdownOptions.from_config({})
    assert opts == KramdownOptions()
    assert opts.syntax_highlighter_opts["default_lang"] == "plaintext"
    assert opts.syntax_highlighter_opts["guess_lang"] is True


def test_options_from_site_config() -> None:
    opts = KramdownOptions.from_config(
        {"auto_ids": False, "toc_levels": "2..3", "smart_quotes": "apos,apos,quot,quot"}
    )
    assert opts.auto_ids is False
    assert opts.toc_levels == (2, 3)
    assert opts.smart_quotes == ("apos", "apos", "quot", "quot")
    assert render_markdown("# Title\n", {"auto_ids": False}) == "<h1>Title</h1>\n"
