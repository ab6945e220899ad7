"""Common Lisp, tokenized as rouge 3.30 does (also Emacs Lisp, under rouge's aliases).

Rouge's quirks are kept on purpose: ``#+nil`` reads as the regex ``#+nil`` (one or
more ``#`` then ``nil``), so ``#+nil (form)`` is two operators and names; numbers
need a terminating character after them (``42`` at the very end of the text is a
name); a ``)`` with no open form is an error token.
"""

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
    Other,
    Punctuation,
    String,
    Text,
    _TokenType,
)

from ._engine import RegexLexer, StateItem, rule

_NONMACRO = r"(?:\\.|[a-zA-Z0-9!$%&*+,\-./<=>?@\[\]^_{}~])"
# rouge spells this ``nonmacro|[#.:]``; the dot is in both, which backtracks
# exponentially on ``*....`` with no closing star (rouge itself hangs there): one
# class with the same characters matches the same text the same way
_CONSTITUENT = r"(?:\\.|[a-zA-Z0-9!$%&*+,\-./<=>?@\[\]^_{}~#:])"
_TERMINATED = r"(?=[ \"'()\n,;`])"  # whitespace or a terminating macro character
_SYMBOL = rf"(\|[^|]+\||{_NONMACRO}{_CONSTITUENT}*)"


def _symbol_token(name: str) -> _TokenType:
    from . import _common_lisp_builtins as words

    if name in words.BUILTIN_FUNCTIONS:
        return Name.Builtin
    if name in words.SPECIAL_FORMS:
        return Keyword
    if name in words.MACROS:
        return Name.Builtin
    if name in words.LAMBDA_LIST_KEYWORDS or name in words.DECLARATIONS:
        return Keyword
    if name in words.BUILTIN_TYPES:
        return Keyword.Type
    if name in words.BUILTIN_CLASSES:
        return Name.Class
    return Name.Variable


def _symbol(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(_symbol_token(match.group(0)))


def _complex(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Number, Punctuation)
    lexer.push("root")


def _array(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(String.Other, Punctuation)
    lexer.push("root")


def _close(lexer: RegexLexer, match: re.Match[str]) -> None:
    if len(lexer.stack) == 1:
        lexer.token(Error)
    else:
        lexer.token(Punctuation)
        lexer.pop()


class CommonLispLexer(RegexLexer):
    tag = "common_lisp"
    rouge_aliases = ("cl", "common-lisp", "elisp", "emacs-lisp", "lisp")

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\s+", Text),
                rule(r";.*$", Comment.Single),
                rule(r"#\|", Comment.Multiline, "multiline_comment"),
                # encoding comment
                rule(r"#\d*Y.*$", Comment.Special),
                rule(r'"(\\.|[^"\\])*"', String),
                rule(rf"[:']{_SYMBOL}", String.Symbol),
                rule(r"['`]", Operator),
                # numbers
                rule(rf"[-+]?\d+\.?{_TERMINATED}", Number.Integer),
                rule(rf"[-+]?\d+/\d+{_TERMINATED}", Number.Integer),
                rule(
                    rf"[-+]?(\d*\.\d+([defls][-+]?\d+)?|\d+(\.\d*)?[defls][-+]?\d+){_TERMINATED}",
                    Number.Float,
                ),
                # sharpsign strings and characters
                rule(rf"#\\.{_TERMINATED}", String.Char),
                rule(rf"#\\{_SYMBOL}", String.Char),
                rule(r"#\(", Operator, "root"),
                # bitstring
                rule(r"#\d*\*[01]*", Other),
                # uninterned symbol
                rule(rf"#:{_SYMBOL}", String.Symbol),
                # read-time and load-time evaluation
                rule(r"#[.,]", Operator),
                # function shorthand
                rule(r"#'", Name.Function),
                # binary, octal and hex rationals
                rule(r"#b[+-]?[01]+(/[01]+)?", Number, flags=re.I),
                rule(r"#o[+-]?[0-7]+(/[0-7]+)?", Number.Oct, flags=re.I),
                rule(r"#x[+-]?[0-9a-f]+(/[0-9a-f]+)?", Number, flags=re.I),
                # complex
                rule(r"(#c)(\()", _complex, flags=re.I),
                # arrays and structures (Ruby's /i lets the long s in for the s)
                rule(r"(#(?:\d+a|[s\u017f]))(\()", _array, flags=re.I),
                # path; rouge's #p?"(\\.|[^"])*" backtracks exponentially on an unclosed
                # run of backslashes: this matches the same (checked on all short
                # strings) up to the first unescaped quote, else to the last quote
                rule(r'#p?(?:"(?=((?:\\.|[^"\\]|\\)*))\1"|"(?s:.*)")', String.Symbol, flags=re.I),
                # reference
                rule(r"#\d+[=#]", Operator),
                # read-time comment (sic: one or more #, then nil)
                rule(rf"#+nil{_TERMINATED}\s*\(", Comment, "commented_form"),
                # read-time conditional
                rule(r"#[+-]", Operator),
                rule(r"(,@|,|\.)", Operator),
                # special constants
                rule(rf"(t|nil){_TERMINATED}", Name.Constant),
                rule(rf"\*{_SYMBOL}\*", Name.Variable.Global),
                rule(_SYMBOL, _symbol),
                rule(r"\(", Punctuation, "root"),
                rule(r"\)", _close),
            ],
            "multiline_comment": [
                rule(r"#\|", Comment.Multiline, "multiline_comment"),
                rule(r"\|#", Comment.Multiline, "#pop"),
                rule(r"[^|#]+", Comment.Multiline),
                rule(r"[|#]", Comment.Multiline),
            ],
            "commented_form": [
                rule(r"\(", Comment, "commented_form"),
                rule(r"\)", Comment, "#pop"),
                rule(r"[^()]+", Comment),
            ],
        }
