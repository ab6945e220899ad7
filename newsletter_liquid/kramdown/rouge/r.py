"""R, tokenized as rouge 3.30 does."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, rule, word_list

KEYWORDS = frozenset(word_list("if else for while repeat in next break function"))
KEYWORD_CONSTANTS = frozenset(
    word_list("NULL Inf TRUE FALSE NaN NA NA_integer_ NA_real_ NA_complex_ NA_character_")
)
BUILTIN_CONSTANTS = frozenset(word_list("LETTERS letters month.abb month.name pi T F"))

# joined unescaped, as rouge does: the dots match any character
PRIMITIVE_FUNCTIONS = "|".join(
    word_list(
        """abs acos acosh all any anyNA Arg as.call as.character as.complex as.double
        as.environment as.integer as.logical as.null.default as.numeric as.raw asin asinh
        atan atanh attr attributes baseenv browser c call ceiling class Conj cos cosh cospi
        cummax cummin cumprod cumsum digamma dim dimnames emptyenv exp expression floor
        forceAndCall gamma gc.time globalenv Im interactive invisible is.array is.atomic
        is.call is.character is.complex is.double is.environment is.expression is.finite
        is.function is.infinite is.integer is.language is.list is.logical is.matrix is.na
        is.name is.nan is.null is.numeric is.object is.pairlist is.raw is.recursive is.single
        is.symbol lazyLoadDBfetch length lgamma list log max min missing Mod names nargs
        nzchar oldClass on.exit pos.to.env proc.time prod quote range Re rep retracemem
        return round seq_along seq_len seq.int sign signif sin sinh sinpi sqrt
        standardGeneric substitute sum switch tan tanh tanpi tracemem trigamma trunc unclass
        untracemem UseMethod xtfrm"""
    )
)

# [[:alpha:]] and [[:alnum:]] are Unicode classes in Ruby
_ALPHA = r"(?u:[^\W\d_])"
_ALNUM = r"(?u:[^\W_])"


def _name(lexer: RegexLexer, match: re.Match[str]) -> None:
    word = match.group(0)
    if word in KEYWORDS:
        lexer.token(Keyword)
    elif word in KEYWORD_CONSTANTS:
        lexer.token(Keyword.Constant)
    elif word in BUILTIN_CONSTANTS:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name)


class RLexer(RegexLexer):
    tag = "r"
    rouge_aliases = ("r", "R", "s", "S")

    @classmethod
    def detect(cls, text: str) -> bool:
        return re.match(r"\A#!.*?\bRscript(?:\s|$)", text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"#'.*?$", Comment.Doc),
                rule(r"#.*?$", Comment.Single),
                rule(r"\s+", Text.Whitespace),
                rule(r"`[^`]+?`", Name),
                rule(r"'(\\.|.)*?'", String.Single, flags=re.S),
                rule(r'"(\\.|.)*?"', String.Double, flags=re.S),
                rule(r"%[^%]*?%", Operator),
                rule(r"0[xX][a-fA-F0-9]+([pP][0-9]+)?[Li]?", Number.Hex),
                rule(r"[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?", Number),
                rule(rf"\b(?<!.)({PRIMITIVE_FUNCTIONS})(?=\()", Name.Function),
                rule(
                    rf"(?:(?:{_ALPHA}|[.](?:[._]|{_ALPHA}))(?:[._]|{_ALNUM})*)|[.]",
                    _name,
                ),
                rule(r"[\[\]{}();,]", Punctuation),
                rule(r"[-<>?*+^/!=~$@:%&|]", Operator),
            ]
        }
