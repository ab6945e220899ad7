"""JavaScript, tokenized as rouge 3.30 does (statement/expression/object-literal states)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

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
    _TokenType,
)

from ._engine import Callback, RegexLexer, StateItem, groups, mixin, rule, word_list

KEYWORDS = frozenset(
    word_list(
        """as async await break case catch continue debugger default delete do else export
        finally from for if import in instanceof new of return super switch this throw try
        typeof void while yield"""
    )
)
DECLARATIONS = frozenset(
    word_list("var let const with function class extends constructor get set static")
)
RESERVED = frozenset(word_list("enum implements interface package private protected public"))
CONSTANTS = frozenset(word_list("true false null NaN Infinity undefined"))
BUILTINS = frozenset(
    word_list(
        """Array Boolean Date Error Function Math netscape Number Object Packages RegExp
        String sun decodeURI decodeURIComponent encodeURI encodeURIComponent Error eval
        isFinite isNaN parseFloat parseInt document window navigator self global Promise Set
        Map WeakSet WeakMap Symbol Proxy Reflect Int8Array Uint8Array Uint8ClampedArray
        Int16Array Uint16Array Uint16ClampedArray Int32Array Uint32Array Uint32ClampedArray
        Float32Array Float64Array DataView ArrayBuffer"""
    )
)

# rouge: /[\p{L}\p{Nl}$_][\p{Word}]*/
IDENT = r"[\p{L}\p{Nl}$_][\p{Word}]*"


def _identifier(lexer: RegexLexer, match: re.Match[str]) -> None:
    cls = type(lexer)
    assert issubclass(cls, JavascriptLexer)
    word = match.group(0)
    if word in cls.keywords:
        lexer.token(Keyword)
        lexer.push("expr_start")
    elif word in cls.declarations:
        lexer.token(Keyword.Declaration)
        lexer.push("expr_start")
    elif word in cls.reserved:
        lexer.token(Keyword.Reserved)
    elif word in CONSTANTS:
        lexer.token(Keyword.Constant)
    elif word in cls.builtins:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name.Other)


def _then_goto(state: str, token: _TokenType | None = None) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        if token is not None:
            lexer.token(token)
        lexer.goto(state)

    return callback


def _pop(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.pop()


def _pop_error(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Error)
    lexer.pop(2)


def _push_same(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    lexer.push()


def _ternary(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    lexer.push("ternary")
    lexer.push("expr_start")


def _decorator(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Punctuation, Name.Decorator)
    lexer.push("expr_start")


def _attribute(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Name.Attribute, Text, Punctuation)
    lexer.push("expr_start")


class JavascriptLexer(RegexLexer):
    tag = "javascript"
    rouge_aliases = ("js",)

    # word tables TypeScript extends
    keywords: ClassVar[frozenset[str]] = KEYWORDS
    declarations: ClassVar[frozenset[str]] = DECLARATIONS
    reserved: ClassVar[frozenset[str]] = RESERVED
    builtins: ClassVar[frozenset[str]] = BUILTINS

    @classmethod
    def detect(cls, text: str) -> bool:
        return re.match(r"\A#!.*?\b(?:node|jsc)(?:\s|$)", text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "multiline_comment": [
                rule(r"[*]/", Comment.Multiline, "#pop"),
                rule(r"[^*/]+", Comment.Multiline),
                rule(r"[*/]", Comment.Multiline),
            ],
            "comments_and_whitespace": [
                rule(r"\s+", Text),
                rule(r"<!--", Comment),
                rule(r"//.*?$", Comment.Single),
                rule(r"/[*]", Comment.Multiline, "multiline_comment"),
            ],
            "expr_start": [
                mixin("comments_and_whitespace"),
                rule(r"/", _then_goto("regex", String.Regex)),
                rule(r"[{]", _then_goto("object", Punctuation)),
                rule(r"", Text, "#pop"),
            ],
            "regex": [
                rule(r"/", _then_goto("regex_end", String.Regex)),
                rule(r"[^/]\n", Error, "#pop"),
                rule(r"\n", Error, "#pop"),
                rule(r"\[\^", String.Escape, "regex_group"),
                rule(r"\[", String.Escape, "regex_group"),
                rule(r"\\.", String.Escape),
                rule(r"[(][?][:=<!]", String.Escape),
                rule(r"[{][\d,]+[}]", String.Escape),
                rule(r"[()?]", String.Escape),
                rule(r".", String.Regex),
            ],
            "regex_end": [
                rule(r"[gimuy]+", String.Regex, "#pop"),
                rule(r"", _pop),
            ],
            "regex_group": [
                rule(r"/", String.Escape),
                rule(r"[^/]\n", _pop_error),
                rule(r"\]", String.Escape, "#pop"),
                rule(r"\\.", String.Escape),
                rule(r".", String.Regex),
            ],
            "bad_regex": [rule(r"[^\n]+", Error, "#pop")],
            "root": [
                rule(r"\A\s*#!.*?\n", Comment.Preproc, "statement", flags=re.S),
                rule(r"(?<=\n)(?=\s|/|<!--)", Text, "expr_start"),
                mixin("comments_and_whitespace"),
                rule(
                    r"\+\+ | -- | ~ | \?\?=? | && | \|\| | \\(?=\n) | << | >>>? | === | !==",
                    Operator,
                    "expr_start",
                    flags=re.X,
                ),
                rule(r"[-<>+*%&|\^/!=]=?", Operator, "expr_start"),
                rule(r"[(\[,]", Punctuation, "expr_start"),
                rule(r";", Punctuation, "statement"),
                rule(r"[)\].]", Punctuation),
                rule(r"`", String.Double, "template_string"),
                rule(r"[?][.]", Punctuation),
                rule(r"[?]", _ternary),
                rule(r"(@)(\w+)?", _decorator),
                rule(r"[{}]", Punctuation, "statement"),
                rule(IDENT, _identifier, flags=re.I),
                rule(r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?", Number.Float),
                rule(r"0x[0-9a-fA-F]+", Number.Hex, flags=re.I),
                rule(r"0o[0-7][0-7_]*", Number.Oct, flags=re.I),
                rule(r"0b[01][01_]*", Number.Bin, flags=re.I),
                rule(r"[0-9]+", Number.Integer),
                rule(r'"', String.Delimiter, "dq"),
                rule(r"'", String.Delimiter, "sq"),
                rule(r":", Punctuation),
            ],
            "dq": [
                rule(r'\\[\\nrt"]?', String.Escape),
                rule(r'[^\\"]+', String.Double),
                rule(r'"', String.Delimiter, "#pop"),
            ],
            "sq": [
                rule(r"\\[\\nrt']?", String.Escape),
                rule(r"[^\\']+", String.Single),
                rule(r"'", String.Delimiter, "#pop"),
            ],
            "statement": [
                rule(r"case\b", _then_goto("expr_start", Keyword)),
                rule(rf"({IDENT})(\s*)(:)", groups(Name.Label, Text, Punctuation)),
                mixin("expr_start"),
            ],
            "object": [
                mixin("comments_and_whitespace"),
                rule(r"[{]", _push_same),
                rule(r"[}]", _then_goto("statement", Punctuation)),
                rule(rf"({IDENT})(\s*)(:)", _attribute),
                rule(r":", Punctuation),
                mixin("root"),
            ],
            "ternary": [
                rule(r":", _then_goto("expr_start", Punctuation)),
                mixin("root"),
            ],
            "template_string": [
                rule(r"[$]\{", Punctuation, "template_string_expr"),
                rule(r"`", String.Double, "#pop"),
                rule(r"\\[$`]", String.Escape),
                rule(r"[^$`\\]+", String.Double),
                rule(r"[\\$]", String.Double),
            ],
            "template_string_expr": [
                rule(r"\}", Punctuation, "#pop"),
                mixin("root"),
            ],
        }
