"""MATLAB, tokenized as rouge 3.30 does.

Rouge's quirks are kept: block comments are spelled ``{% ... %}`` (so ``%{``
is an ordinary line comment), a quote opens a string whenever another quote
follows on the same line (even a transpose), and string bodies run across
newlines.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, groups, rule, word_list
from .shell import ShellLexer

KEYWORDS = frozenset(
    word_list("""
    arguments break case catch classdef continue else elseif end for function global if
    import methods otherwise parfor persistent properties return spmd switch try while""")
)


@functools.cache
def _builtins() -> frozenset[str]:
    """Loaded on first use, as rouge does: the table is large."""
    from ._matlab_builtins import MATLAB_BUILTINS

    return MATLAB_BUILTINS


def _identifier(lexer: RegexLexer, match: re.Match[str]) -> None:
    name = match.group(0)
    if name in KEYWORDS:
        lexer.token(Keyword)
    elif name in _builtins():
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name)


def _shell_escape(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Keyword, match.group(1))
    lexer.delegate(ShellLexer, match.group(2))


class MatlabLexer(RegexLexer):
    tag = "matlab"
    rouge_aliases = ("m",)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\s+", Text, flags=re.S),
                rule(r"[{]%.*?%[}]", Comment.Multiline, flags=re.S),
                rule(r"%.*$", Comment.Single),
                rule(r"([.][.][.])(.*?)$", groups(Keyword, Comment)),
                rule(r"^(!)(.*?)(?=%|$)", _shell_escape),
                rule(r"[a-zA-Z][_a-zA-Z0-9]*", _identifier, flags=re.S),
                rule(r"[(){};:,\/\\\]\[]", Punctuation),
                rule(r"~=|==|<<|>>|[-~+\/*%=<>&^|.@]", Operator),
                rule(r"(\d+\.\d*|\d*\.\d+)(e[+-]?[0-9]+)?", Number.Float, flags=re.I),
                rule(r"\d+e[+-]?[0-9]+", Number.Float, flags=re.I),
                rule(r"\d+L", Number.Integer.Long),
                rule(r"\d+", Number.Integer),
                # rouge's (?=(.*')): the same test, but without rescanning the line's end
                rule(r"'(?=[^'\n]*')", String.Single, "chararray"),
                rule(r'"(?=[^"\n]*")', String.Double, "string"),
                rule(r"'", Operator),
            ],
            "chararray": [
                rule(r"[^']+", String.Single),
                rule(r"''", String.Escape),
                rule(r"'", String.Single, "#pop"),
            ],
            "string": [
                rule(r'[^"]+', String.Double),
                rule(r'""', String.Escape),
                rule(r'"', String.Double, "#pop"),
            ],
        }
