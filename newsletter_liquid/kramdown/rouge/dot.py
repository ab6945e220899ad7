"""Graphviz DOT, tokenized as rouge 3.30 does; HTML-like labels go to the HTML lexer."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, groups, mixin, rule, word_list
from ._ruby_regex import boundary_word
from .html import HtmlLexer

KEYWORDS = word_list("strict graph digraph subgraph node edge")

# Ruby's \b is Unicode-aware (superscripts, fractions and circled letters are word
# characters there); the keywords end in a word character, so the closing \b is a
# look-ahead, and the opening one always holds where a keyword starts
_WORD = boundary_word()

# Ruby's /i folds the long s into s and reads either st ligature as "st"
_SINGLE_FOLDS = {"s": "[s\u017f]"}
_PAIR_FOLDS = {"st": "[\ufb05\ufb06]"}


def _folded(word: str) -> str:
    """Pattern (compiled with ``re.I``) matching ``word`` the way Ruby's /i does."""
    if not word:
        return ""
    single = _SINGLE_FOLDS.get(word[0], re.escape(word[0])) + _folded(word[1:])
    pair = _PAIR_FOLDS.get(word[:2])
    return single if pair is None else f"(?:{single}|{pair}{_folded(word[2:])})"


_KEYWORD = f"(?:{'|'.join(_folded(word) for word in KEYWORDS)})(?![{_WORD}])"


class _Closers:
    """Where the last closer of the block comment and HTML tag rules lies in the text.

    Without a closer ahead, rouge's lazy ``.*?``/``.+?`` runs to the end of the text
    at every ``/*`` or ``<`` (quadratic on runs of them); the last closers are found
    once per text instead, and the rules only tried where one lies ahead.
    """

    __slots__ = ("comment", "tag", "text")

    def __init__(self) -> None:
        self.text: str | None = None
        self.comment = -1
        self.tag = -1

    def scan(self, text: str) -> None:
        if text is not self.text:
            self.text = text
            # the star of rouge's closing [*](\\\n)?/
            self.comment = max(text.rfind("*/"), text.rfind("*\\\n/"))
            self.tag = text.rfind(">")


def _comment_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, DotLexer)
    lexer.closers.scan(text)
    # "/*" opens, the closing star comes after
    return lexer.closers.comment >= pos + 2


def _tag_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, DotLexer)
    lexer.closers.scan(text)
    # "<", at least one character, then ">"
    return lexer.closers.tag >= pos + 2


def _to_html(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, DotLexer)
    lexer.delegate(lexer.html)


def _open_html(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, DotLexer)
    lexer.token(Punctuation)
    lexer.html.reset()
    lexer.push("html")


class DotLexer(RegexLexer):
    tag = "dot"

    def start(self) -> None:
        self.html = HtmlLexer(self.rouge_options)
        self.closers = _Closers()

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "comments_and_whitespace": [
                rule(r"\s+", Text),
                rule(r"#.*", Comment.Single),
                rule(r"//.*?$", Comment.Single),
                rule(
                    r"/(\\\n)?[*].*?[*](\\\n)?/",
                    Comment.Multiline,
                    flags=re.S,
                    guard=_comment_guard,
                ),
            ],
            "html": [
                rule(r"[^<>]+", _to_html),
                rule(r"<.+?>", _to_html, flags=re.S, guard=_tag_guard),
                rule(r">", Punctuation, "#pop"),
            ],
            "ID": [
                rule(r"([a-zA-Z][a-zA-Z_0-9]*)(\s*)(=)", groups(Name, Text, Punctuation)),
                rule(r"[a-zA-Z][a-zA-Z_0-9]*", Name.Variable),
                rule(r"([0-9]+)?\.[0-9]+", Number.Float),
                rule(r"[0-9]+", Number.Integer),
                rule(r'"(\\"|[^"])*"', String.Double),
                rule(r"<", _open_html),
            ],
            "a_list": [
                mixin("comments_and_whitespace"),
                mixin("ID"),
                rule(r"[=;,]", Punctuation),
                rule(r"\]", Operator, "#pop"),
            ],
            "root": [
                mixin("comments_and_whitespace"),
                rule(_KEYWORD, Keyword, flags=re.I),
                rule(r"[{};:=]", Punctuation),
                rule(r"-[->]", Operator),
                rule(r"\[", Operator, "a_list"),
                mixin("ID"),
            ],
        }
