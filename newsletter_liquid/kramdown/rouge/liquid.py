"""Liquid templates, tokenized as rouge 3.30 does (the template text itself stays plain)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    _TokenType,
)

from ._engine import Callback, RegexLexer, StateItem, groups, mixin, rule

_WS = Text.Whitespace


def _quoted_or(value: str | None, default: _TokenType) -> _TokenType:
    """Rouge's ``case value when /'[^']*'/ ... when /"[^"]*"/``: an unanchored search."""
    if value is not None and re.search(r"'[^']*'", value):
        return String.Single
    if value is not None and re.search(r'"[^"]*"', value):
        return String.Double
    return default


def _cycle(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Name.Tag, _WS, _quoted_or(match.group(3), Name.Attribute), _WS, Punctuation, _WS)
    lexer.push("variable_tag_markup")


def _for(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Name.Tag, _WS, Name.Variable, _WS, Name.Tag, _WS)
    lexer.token(_quoted_or(match.group(7), Name.Variable), match.group(7))
    lexer.token(_WS, match.group(8))
    lexer.push("tag_markup")


def _groups_reset(*tokens: _TokenType) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.groups(*tokens)
        lexer.reset_stack()

    return callback


def _end_reset(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    lexer.reset_stack()


_FILTER = r"(\|)(\s*)([a-zA-Z_][^\s}\|:]*)"


class LiquidLexer(RegexLexer):
    tag = "liquid"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        closing = (Punctuation, _WS, Name.Tag, _WS, Punctuation)
        return {
            "root": [
                rule(r"[^\{]+", Text),
                rule(r"(\{%-?)(\s*)", groups(Punctuation, _WS), "tag_or_block"),
                rule(r"(\{\{-?)(\s*)", groups(Punctuation, _WS), "output"),
                rule(r"\{", Text),
            ],
            "tag_or_block": [
                rule(r"(if|elsif|unless|case)\b", Keyword.Reserved, "condition"),
                rule(r"(when)\b", Keyword.Reserved, "when"),
                rule(
                    r"(else)(\s*)(-?%\})",
                    groups(Keyword.Reserved, _WS, Punctuation),
                    "#pop",
                ),
                rule(
                    r"(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})",
                    groups(Name.Tag, _WS, Name.Variable, _WS, Punctuation),
                    "#pop",
                ),
                rule(r"(comment)(\s*)(-?%\})", groups(Name.Tag, _WS, Punctuation), "comment"),
                rule(r"(raw)(\s*)(-?%\})", groups(Name.Tag, _WS, Punctuation), "raw"),
                rule(
                    r"(end(?:if|unless|case))(\s*)(-?%\})",
                    groups(Keyword.Reserved, _WS, Punctuation),
                    "#pop",
                ),
                rule(
                    r"(end(?:[^\s%]+))(\s*)(-?%\})",
                    groups(Name.Tag, _WS, Punctuation),
                    "#pop",
                ),
                rule(r"(assign|echo)\b", Name.Tag, "assign"),
                rule(r"(include|render)\b", Name.Tag, "include"),
                rule(r"(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)", _cycle),
                rule(
                    r"""
                    (for|tablerow)(\s+)
                    ([\w-]+)(\s+)
                    (in)(\s+)
                    (
                      (?: [^\s%,\|'"] | (?:"[^"]*"|'[^']*') )+
                    )(\s*)
                    """,
                    _for,
                    flags=re.X,
                ),
                rule(r"([^\s%]+)(\s*)", groups(Name.Tag, _WS), "tag_markup"),
            ],
            "output": [
                rule(_FILTER, groups(Punctuation, _WS, Name.Function), "filters"),
                mixin("end_of_tag"),
                mixin("generic"),
            ],
            "filters": [
                rule(r"(\|)(\s*)([a-zA-Z_][^\s%}\|:]*)", groups(Punctuation, _WS, Name.Function)),
                mixin("end_of_tag"),
                mixin("end_of_block"),
                mixin("variable_param_markup"),
            ],
            "condition": [
                rule(r"([=!]=|[<>]=?)", Operator),
                rule(r"(and|or|contains)\b", Operator.Word),
                mixin("end_of_block"),
                mixin("generic"),
            ],
            "when": [mixin("end_of_block"), mixin("generic")],
            "end_of_tag": [rule(r"-?\}\}", _end_reset)],
            "end_of_block": [rule(r"-?%\}", _end_reset)],
            "param_markup": [
                mixin("whitespace"),
                mixin("keyword"),
                mixin("string"),
                mixin("number"),
                rule(r"([^\s=:]+)(\s*)(=|:)", groups(Name.Attribute, _WS, Operator)),
                rule(r"[,:]", Punctuation),
            ],
            "default_param_markup": [mixin("param_markup"), rule(r"\S+", Text)],
            "variable_param_markup": [
                mixin("param_markup"),
                mixin("variable"),
                rule(r"\S+", Text),
            ],
            "tag_markup": [
                rule(r"(reversed)\b", Name.Attribute),
                mixin("end_of_block"),
                mixin("default_param_markup"),
            ],
            "variable_tag_markup": [mixin("end_of_block"), mixin("variable_param_markup")],
            "keyword": [rule(r"(false|true|nil)\b", Keyword.Constant)],
            "variable": [
                rule(r"(empty|blank|forloop\.[^\s%}\|:]+)\b", Name.Builtin),
                rule(r"\.(?=\w)|\[|\]", Punctuation),
                rule(r"(first|last|size)\b", Name.Function),
                rule(r"[a-zA-Z_][\w-]*\??", Name.Variable),
            ],
            "string": [
                rule(r"'[^']*'", String.Single),
                rule(r'"[^"]*"', String.Double),
            ],
            "number": [
                rule(r"-", Operator),
                rule(r"\d+\.\d+", Number.Float),
                rule(r"\d+", Number.Integer),
            ],
            "generic": [
                mixin("whitespace"),
                mixin("keyword"),
                mixin("string"),
                mixin("number"),
                mixin("variable"),
            ],
            "whitespace": [rule(r"[ \t]+", _WS)],
            "comment": [
                rule(r"[^\{]+", Comment),
                rule(r"(\{%-?)(\s*)(endcomment)(\s*)(-?%\})", _groups_reset(*closing)),
                rule(r"\{", Comment),
            ],
            "raw": [
                rule(r"[^\{]+", Text),
                rule(r"(\{%-?)(\s*)(endraw)(\s*)(-?%\})", _groups_reset(*closing)),
                rule(r"\{", Text),
            ],
            "assign": [
                rule(r"=", Operator),
                rule(
                    r"(\|)(\s*)([a-zA-Z_][^\s%\|:]*)",
                    groups(Punctuation, _WS, Name.Function),
                    "filters",
                ),
                mixin("end_of_block"),
                mixin("generic"),
            ],
            "include": [
                rule(r"(\{\{-?)(\s*)", groups(Punctuation, _WS), "output_embed"),
                rule(r"(with|for)\b", Name.Tag),
                rule(r"[\/\w-]+(\.[\w-]+)+\b", Text),
                mixin("variable_tag_markup"),
            ],
            "output_embed": [
                rule(_FILTER, groups(Punctuation, _WS, Name.Function)),
                rule(r"-?\}\}", Punctuation, "#pop"),
                mixin("variable_param_markup"),
            ],
        }
