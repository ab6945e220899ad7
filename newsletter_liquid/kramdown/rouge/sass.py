"""Sass (indented syntax), tokenized as rouge 3.30 does (rouge's ``Indentation`` helper)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, String, Text, _TokenType

from ._engine import Callback, RegexLexer, StateItem, mixin, push_states, rule
from ._indentation import IndentedLexer
from .sass_common import ID, SassCommonLexer


class SassLexer(IndentedLexer, SassCommonLexer):
    tag = "sass"

    def start(self) -> None:
        self.reset_indentation()

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            **super().states(),
            "root": [
                rule(r"[ \t]*\n", Text),
                rule(r"[ \t]*", _indentation),
            ],
            "content": [
                rule(r"//.*?$", _comment_block(Comment.Single, "single_comment")),
                rule(r"/[*].*?\n", _comment_block(Comment.Multiline, "multi_comment")),
                rule(r"@import\b", Keyword, "import"),
                mixin("content_common"),
                rule(rf"={ID}", Name.Function, "value"),
                rule(rf"[+]{ID}", Name.Decorator, "value"),
                rule(r":", Name.Attribute, "old_style_attr"),
                rule(r"(?=[^\[\n]+?:([^a-z]|$))", push_states("attribute")),
                rule(r"", push_states("selector")),
            ],
            "single_comment": [rule(r".*?$", Comment.Single, "#pop")],
            "multi_comment": [rule(r".*?\n", Comment.Multiline, "#pop")],
            "import": [
                rule(r"[ \t]+", Text),
                rule(r"\S+", String),
                rule(r"\n", Text, "#pop"),
            ],
            "old_style_attr": [
                mixin("attr_common"),
                rule(r"", _to_value),
            ],
            "end_section": [rule(r"\n", _end_section)],
        }


def _sass(lexer: RegexLexer) -> SassLexer:
    assert isinstance(lexer, SassLexer)
    return lexer


def _indentation(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Text)
    _sass(lexer).indentation(match.group(0))


def _comment_block(token: _TokenType, state: str) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.token(token)
        lexer.pop()
        _sass(lexer).starts_block(state)

    return callback


def _to_value(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.pop()
    lexer.push("value")


def _end_section(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Text)
    lexer.reset_stack()
