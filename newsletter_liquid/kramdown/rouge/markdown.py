"""Markdown, tokenized as rouge 3.30 does (fenced code goes to the fence's language)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from pygments.token import Generic, Name, Punctuation, String, Text

from ._engine import (
    PlainTextLexer,
    RegexLexer,
    RougeLexer,
    State,
    StateItem,
    groups,
    mixin,
    pop_state,
    push_states,
    rule,
)

# one character of inline text: an escape pair or anything but a backslash or newline
_EDOT = r"(?:\\.|[^\\\n])"


class MarkdownLexer(RegexLexer):
    tag = "markdown"
    rouge_aliases = ("md", "mkd")

    def start(self) -> None:
        from .html import HtmlLexer

        self.html = HtmlLexer(self.rouge_options)
        # the lexer of the unclosed fenced block being read, if any
        self.fence_lexer: RougeLexer | None = None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\A(---\s*\n.*?\n?)^(---\s*$\n?)", _front_matter, flags=re.S),
                rule(r"\\.", String.Escape),
                rule(r"^[\S ]+\n(?:---*)\n", Generic.Heading),
                rule(r"^[\S ]+\n(?:===*)\n", Generic.Subheading),
                rule(r"^#(?=[^#]).*?$", Generic.Heading),
                rule(r"^##*.*?$", Generic.Subheading),
                rule(r"^([ \t]*)(`{3,}|~{3,})([^\n]*\n)((.*?)(\n\1)(\2))?", _fence, flags=re.S),
                rule(r"\n\n((    |\t).*?\n|\n)+", String.Backtick),
                rule(rf"(`+)(?:{_EDOT}|\n)+?\1", String.Backtick),
                rule(r"^(\s*[*]){3,}\s*$", Punctuation),
                rule(r"^(\s*[-]){3,}\s*$", Punctuation),
                rule(r"^\s*[*+-](?=\s)", Punctuation),
                rule(r"^\s*\d+\.", Punctuation),
                rule(r"^\s*>.*?$", Generic.Traceback),
                rule(
                    rf"""^
                    (\s*) # leading whitespace
                    (\[) ({_EDOT}+?) (\]) # the reference
                    (\s*) (:) # colon
                    """,
                    _reference,
                    flags=re.X,
                ),
                rule(
                    rf"(!?\[)({_EDOT}*?|[^\]]*?)(\])(?=[\[(])",
                    groups(Punctuation, Name.Variable, Punctuation),
                    "link",
                ),
                rule(rf"[*][*]{_EDOT}*?[*][*]", Generic.Strong),
                rule(rf"__{_EDOT}*?__", Generic.Strong),
                rule(rf"[*]{_EDOT}*?[*]", Generic.Emph),
                rule(rf"_{_EDOT}*?_", Generic.Emph),
                rule(r"<.*?@.+[.].+>", Name.Variable),
                rule(rf"<(https?|mailto|ftp)://{_EDOT}*?>", Name.Variable),
                rule(r"[^\\`\[*\n&<]+", Text),
                rule(r"&\S*;", _to_html),
                rule(rf"<{_EDOT}*?>", _to_html),
                rule(r"[&<]", Text),
                rule(r"\[", Text),
                rule(r"\n", Text),
            ],
            "link": [
                rule(
                    rf"(\[)({_EDOT}*?)(\])",
                    groups(Punctuation, String.Symbol, Punctuation),
                    "#pop",
                ),
                rule(r"[(]", push_states("inline_title", "inline_url", token=Punctuation)),
                rule(r"[ \t]+", Text),
                rule(r"", pop_state),
            ],
            "url": [
                rule(r"[ \t]+", Text),
                rule(
                    rf"(<)({_EDOT}*?)(>)",
                    groups(Name.Tag, String.Other, Name.Tag),
                    "#pop",
                ),
                rule(r"\S+", String.Other, "#pop"),
            ],
            "title": [
                rule(rf'"{_EDOT}*?"', Name.Namespace),
                rule(rf"'{_EDOT}*?'", Name.Namespace),
                rule(rf"[(]{_EDOT}*?[)]", Name.Namespace),
                rule(r"\s*(?=[\"'()])", Text),
                rule(r"", pop_state),
            ],
            "inline_title": [
                rule(r"[)]", Punctuation, "#pop"),
                mixin("title"),
            ],
            "inline_url": [
                rule(r"[^<\s)]+", String.Other, "#pop"),
                rule(r"\s+", Text, flags=re.S),
                mixin("url"),
            ],
        }


def _markdown(lexer: RegexLexer) -> MarkdownLexer:
    assert isinstance(lexer, MarkdownLexer)
    return lexer


def _front_matter(lexer: RegexLexer, match: re.Match[str]) -> None:
    from .yaml import YamlLexer

    lexer.delegate(YamlLexer)


def _to_html(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_markdown(lexer).html)


def _reference(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Text, Punctuation, String.Symbol, Punctuation, Text, Punctuation)
    lexer.push("title")
    lexer.push("url")


def _fence(lexer: RegexLexer, match: re.Match[str]) -> None:
    from . import find_fancy

    name = match.group(3).strip()
    body = match.group(5)
    sublexer = find_fancy(name or "guess", body or "")
    if sublexer is None:
        plain = PlainTextLexer(lexer.rouge_options)
        plain.token = String.Backtick
        sublexer = plain
    sublexer.reset()
    lexer.token(Text, match.group(1))
    lexer.token(Punctuation, match.group(2))
    lexer.token(Name.Label, match.group(3))
    if body is not None:
        lexer.delegate(sublexer, body)
    lexer.token(Text, match.group(6))
    if match.group(7):
        lexer.token(Punctuation, match.group(7))
    else:
        _markdown(lexer).fence_lexer = sublexer
        lexer.push(_open_fence_state(match.group(2)))


@functools.cache
def _open_fence_state(fence: str) -> State:
    """The state rouge builds for a fenced block without its closing fence (yet)."""
    return State(
        "fence",
        (
            rule(rf"^([ \t]*)({fence})", _close_fence),
            rule(r"^.*\n", _fence_line),
        ),
    )


def _close_fence(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.pop()
    lexer.token(Text, match.group(1))
    lexer.token(Punctuation, match.group(2))


def _fence_line(lexer: RegexLexer, match: re.Match[str]) -> None:
    sublexer = _markdown(lexer).fence_lexer
    if sublexer is not None:
        lexer.delegate(sublexer)
