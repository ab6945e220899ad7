"""Hypothesis strategies for Markdown, Liquid and front matter, valid and broken alike."""

from __future__ import annotations

from hypothesis import strategies as st

_MD_PIECES = [
    "# ", "## ", "> ", "* ", "- ", "1. ", "   ", "\t", "\n", "\n\n", "`", "```", "~~~",
    "*", "**", "_", "__", "~~", "[", "]", "(", ")", "![", "<", ">", "</div>", "<div>",
    "<span markdown=\"1\">", "{: .cls}", "{:toc}", "$$", "|", "|---|", ":", "[^1]", "[^1]:",
    "*[HTML]: x", "&amp;", "&#", ";", "\\", "--", "...", "\"", "'", "http://x.y", "word",
    " ", "{::comment}", "{:/}", "\r\n", "\u00e9", "\ufeff", "\x00",
]
_LIQUID_PIECES = [
    "{{", "}}", "{%", "%}", "{%-", "-%}", " if ", " for ", " in ", " endif ", " endfor ",
    " assign ", " = ", " capture ", " endcapture ", " unless ", " case ", " when ", " else ",
    " raw ", " endraw ", " comment ", " endcomment ", "|", " append: ", " size ", " date: ",
    " split: ", "'a'", "\"b\"", "x", "page.title", "site", "(1..3)", " limit: 2", ",", ".",
    "[0]", " contains ", " == ", " and ", " or ", " nil ", " true ", "-1", "1.5", "\n",
]
_YAML_PIECES = [
    "title: ", "date: ", "2024-01-02", " 10:00:00 -0500", "tags: [", "]", "- ", "  ", ":",
    "&a ", "*a", "\"", "'", "{", "}", "yes", "null", "\n", "#", "|", ">", "!!str ", "\t",
    "layout: post", "permalink: /x/", "é",
]


def _joined(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    return st.lists(
        st.one_of(st.sampled_from(pieces), st.text(max_size=4)), max_size=max_size
    ).map("".join)


markdown_text = _joined(_MD_PIECES, 60)
liquid_text = _joined(_LIQUID_PIECES, 40)
yaml_text = _joined(_YAML_PIECES, 40)
front_matter_file = st.builds(
    lambda y, body, close: f"---\n{y}\n{close}\n{body}", yaml_text, markdown_text,
    st.sampled_from(["---", "...", "--", ""]),
)
