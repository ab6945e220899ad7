"""Apache configuration, tokenized as rouge 3.30 does (known names highlighted, others text)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Name, Punctuation, String, Text, _TokenType

from ._engine import RegexLexer, StateItem, groups, mixin, rule


def _known(word: str, token: _TokenType) -> _TokenType:
    from ._apache_words import DIRECTIVES, SECTIONS, VALUES

    if word in SECTIONS or word in DIRECTIVES or word in VALUES:
        return token
    return Text


def _section(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation, match.group(1))
    lexer.token(_known(match.group(2).lower(), Name.Label), match.group(2))
    lexer.push("section")


def _directive(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(_known(match.group(0).lower(), Name.Class))
    lexer.push("directive")


def _argument(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(_known(match.group(0).lower(), String.Symbol))


class ApacheLexer(RegexLexer):
    tag = "apache"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "whitespace": [
                rule(r"\#.*", Comment),
                rule(r"\s+", Text, flags=re.S),
            ],
            "root": [
                mixin("whitespace"),
                rule(r"(<\/?)(\w+)", _section),
                rule(r"\w+", _directive),
            ],
            "section": [
                rule(r"([^>]+)?(>(?:\r\n?|\n)?)", groups(String.Regex, Punctuation), "#pop"),
                mixin("whitespace"),
            ],
            "directive": [
                rule(r"\r\n?|\n", Text, "#pop"),
                mixin("whitespace"),
                rule(r"\S+", _argument),
            ],
        }
