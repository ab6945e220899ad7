"""Families of hostile input, shared by tests/test_hostile.py and scripts/hostile_inputs.py.

Each family yields (case name, kind, payload): ``markdown`` payloads go to render_markdown,
``liquid`` payloads are rendered by a JekyllEnvironment without a site, ``frontmatter``
payloads to parse_front_matter, ``site`` payloads are {relative path: bytes} written into a
small site that is then built.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Case = tuple[str, str, Any]


def commonmark_pathological() -> Iterator[Case]:
    """CommonMark's pathological-input families (its test/pathological_tests.py)."""
    n = 30_000
    yield "nested-brackets", "markdown", "[" * n + "a" + "]" * n
    yield "nested-block-quotes", "markdown", "> " * 10_000 + "a\n"
    yield "nested-lists", "markdown", "".join("  " * i + "* a\n" for i in range(1_000))
    yield "emphasis-stars", "markdown", "*a " * n + "b" + " a*" * n
    yield "emphasis-underscores", "markdown", "_a " * n + "b" + " a_" * n
    yield "unclosed-stars", "markdown", "a*" * n
    yield "unclosed-underscores", "markdown", "a_" * n
    yield "openers-and-closers", "markdown", "a**b" * n + "c* " * n
    yield "link-openers", "markdown", "[a" * n
    yield "link-closers-no-openers", "markdown", "a]" * n
    yield "mismatched-openers", "markdown", "*a_ " * n
    yield "backticks", "markdown", "".join("e" + "`" * i for i in range(1, 1_000))
    yield "unclosed-html-comments", "markdown", "</" + "<!--" * n
    yield "many-link-refs", "markdown", "".join(f"[{i}]: /u{i}\n" for i in range(5_000))
    yield "nested-inline-links", "markdown", "[a](" * 5_000 + "b" + ")" * 5_000
    yield "table-many-columns", "markdown", "|" + "a|" * 5_000 + "\n|" + "-|" * 5_000 + "\n"
    yield "100kb-line", "markdown", "word " * 20_000
    yield "entity-run", "markdown", "&amp;" * n


def liquid_deep() -> Iterator[Case]:
    yield "nested-if-100", "liquid", "{% if true %}" * 100 + "x" + "{% endif %}" * 100
    yield "nested-for-20", "liquid", "{% for i in (1..2) %}" * 20 + "x" + "{% endfor %}" * 20
    yield "huge-range-loop", "liquid", "{% for i in (1..100000000) %}x{% endfor %}"
    yield "unclosed-tags", "liquid", "{% if a %}{% for b in c %}{% capture d %}"
    yield "unclosed-output", "liquid", "{{ " * 1_000
    yield "many-filters", "liquid", "{{ 'a'" + " | append: 'b'" * 5_000 + " }}"
    yield "output-explosion", "liquid", (
        "{% assign s = 'xxxxxxxxxx' %}"
        + "{% capture s %}{{ s }}{{ s }}{% endcapture %}" * 40
        + "{{ s }}"
    )


def frontmatter_bombs() -> Iterator[Case]:
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    prev = "a"
    for i in range(20):
        lines.append(f"l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
        prev = f"l{i}"
    yield "yaml-alias-bomb", "frontmatter", "\n".join([*lines, "---", "body"])
    yield "yaml-deep-nesting", "frontmatter", "---\na: " + "[" * 5_000 + "]" * 5_000 + "\n---\n"
    yield "yaml-huge-key-count", "frontmatter", "---\n" + "".join(
        f"k{i}: {i}\n" for i in range(50_000)
    ) + "---\n"
    yield "yaml-binary-garbage", "frontmatter", "---\n\x00\x01\x02: [\n---\n"


def site_files() -> Iterator[Case]:
    post = "_posts/2023-01-01-x.md"
    yield "invalid-utf8", "site", {post: b"---\ntitle: x\n---\ncaf\xe9\n"}
    yield "nul-bytes", "site", {post: b"---\ntitle: x\n---\na\x00b\x00\n"}
    yield "bom-in-the-middle", "site", {post: "---\ntitle: x\n---\na\ufeffb\n".encode()}
    yield "10mb-post", "site", {post: b"---\ntitle: x\n---\n" + b"Some words here. " * 600_000}
    yield "1mb-line", "site", {post: b"---\ntitle: x\n---\n" + b"x" * 1_000_000 + b"\n"}
    includes: dict[str, bytes] = {
        f"_includes/p{i}.html": f"{{% include p{i + 1}.html %}}".encode() for i in range(2_000)
    }
    includes["_includes/p2000.html"] = b"end"
    includes["index.html"] = b"---\n---\n{% include p0.html %}"
    yield "thousands-of-nested-includes", "site", includes
    yield "five-thousand-includes", "site", {
        "_includes/one.html": b"<i>{{ include.n }}</i>",
        "index.html": b"---\n---\n" + b"".join(
            f"{{% include one.html n={i} %}}".encode() for i in range(5_000)
        ),
    }
    yield "recursive-include", "site", {
        "_includes/self.html": b"{% include self.html %}",
        "index.html": b"---\n---\n{% include self.html %}",
    }
    yield "layout-cycle", "site", {
        "_layouts/a.html": b"---\nlayout: b\n---\nA{{ content }}",
        "_layouts/b.html": b"---\nlayout: a\n---\nB{{ content }}",
        "index.html": b"---\nlayout: a\n---\nbody",
    }


def code_blocks() -> Iterator[Case]:
    """Highlighted code whose lexer rouge itself would take forever (or very long) on."""
    fence = "```{}\n{}\n```\n"
    yield "clojure-unclosed-string", "markdown", fence.format("clojure", '(def x "' + "\\" * 60)
    yield "powershell-unclosed-braces", "markdown", fence.format("powershell", "${a " * 20_000)
    yield "code-block-1mb", "markdown", fence.format("python", "x = [1, 'a', None]  # c\n" * 40_000)


FAMILIES = {
    "CommonMark pathological Markdown": commonmark_pathological,
    "highlighted code": code_blocks,
    "deep and runaway Liquid": liquid_deep,
    "YAML bombs and deep front matter": frontmatter_bombs,
    "hostile files in a site": site_files,
}
