"""Go, tokenized as rouge 3.30 does (built from the language spec's lexical grammar)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)

from ._engine import RegexLexer, StateItem, mixin, rule

_LETTER = r"(?:[[:alpha:]]|_)"
_DIGIT = r"[[:digit:]]"
_HEX_DIGIT = r"[0-9A-Fa-f]"
_COMMENT = r"(?://(?:(?!\n).)*|/\*(?s:(?:(?!\*/).)*)\*/)"
_KEYWORD = (
    r"\b(?:break|default|func|interface|select|case|defer|go|map|struct|chan|else|goto"
    r"|package|switch|const|fallthrough|if|range|type|continue|for|import|return|var)\b"
)
_IDENTIFIER = rf"(?!{_KEYWORD}){_LETTER}(?:{_LETTER}|{_DIGIT})*"
_OPERATOR = (
    r"\+=|\+\+|\+|&\^=|&\^|&=|&&|&|==|=|\!=|\!|-=|--|-|\|=|\|\||\||<=|<-|<<=|<<|<|\*="
    r"|\*|\^=|\^|>>=|>>|>=|>|\/|\/=|:=|%|%=|\.\.\.|\.|:"
)
_SEPARATOR = r"\(|\)|\[|\]|\{|\}|,|;"
_INT = r"(?:0[xX][0-9A-Fa-f]+|[0-9][0-9]*|0[0-7]*)"
_DECIMALS = r"[0-9]+"
_EXPONENT = rf"[eE][+\-]?{_DECIMALS}"
_FLOAT = (
    rf"(?:{_DECIMALS}\.(?:{_DECIMALS})?(?:{_EXPONENT})?"
    rf"|{_DECIMALS}{_EXPONENT}"
    rf"|\.{_DECIMALS}(?:{_EXPONENT})?)"
)
_IMAGINARY = rf"(?:{_DECIMALS}|{_FLOAT})i"
_ESCAPED_CHAR = r"""\\[abfnrtv\\'"]"""
_LITTLE_U = rf"\\u{_HEX_DIGIT}{{4}}"
_BIG_U = rf"\\U{_HEX_DIGIT}{{8}}"
_UNICODE_VALUE = rf"(?:[^\n]|{_LITTLE_U}|{_BIG_U}|{_ESCAPED_CHAR})"
_BYTE_VALUE = rf"(?:\\[0-7]{{3}}|\\x{_HEX_DIGIT}{{2}})"
_CHAR = rf"'(?:{_UNICODE_VALUE}|{_BYTE_VALUE})'"
_ESCAPE_SEQUENCE = rf"{_ESCAPED_CHAR}|{_LITTLE_U}|{_BIG_U}|\\x{_HEX_DIGIT}{{2}}"
_PREDECLARED_TYPES = (
    r"\b(?:bool|byte|complex64|complex128|error|float32|float64|int8|int16|int32|int64|int"
    r"|rune|string|uint8|uint16|uint32|uint64|uintptr|uint)\b"
)
_PREDECLARED_CONSTANTS = r"\b(?:true|false|iota|nil)\b"
_PREDECLARED_FUNCTIONS = (
    r"\b(?:append|cap|close|complex|copy|delete|imag|len|make|new|panic|print|println|real"
    r"|recover)\b"
)


class GoLexer(RegexLexer):
    tag = "go"
    rouge_aliases = ("go", "golang")

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "simple_tokens": [
                rule(_COMMENT, Comment),
                rule(_KEYWORD, Keyword),
                rule(_PREDECLARED_TYPES, Keyword.Type),
                rule(_PREDECLARED_FUNCTIONS, Name.Builtin),
                rule(_PREDECLARED_CONSTANTS, Name.Constant),
                rule(_IMAGINARY, Number),
                rule(_FLOAT, Number),
                rule(_INT, Number),
                rule(_CHAR, String.Char),
                rule(_OPERATOR, Operator),
                rule(_SEPARATOR, Punctuation),
                rule(_IDENTIFIER, Name),
                rule(r"\s+", Text),
            ],
            "root": [
                mixin("simple_tokens"),
                rule(r"`", String, "raw_string"),
                rule(r'"', String, "interpreted_string"),
            ],
            "interpreted_string": [
                rule(_ESCAPE_SEQUENCE, String.Escape),
                rule(r"\\.", Error),
                rule(r'"', String, "#pop"),
                rule(r'[^"\\]+', String),
            ],
            "raw_string": [
                rule(r"`", String, "#pop"),
                rule(r"[^`]+", String, flags=re.S),
            ],
        }
