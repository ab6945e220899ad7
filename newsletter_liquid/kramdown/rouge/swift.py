"""Swift, tokenized as rouge 3.30 does."""

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

from ._engine import (
    RegexLexer,
    StateItem,
    compile_ruby_like,
    groups,
    mixin,
    pop_state,
    rule,
    word_list,
)

KEYWORDS = frozenset(
    word_list("""
    await break case continue default do else fallthrough if in for return switch where
    while try catch throw guard defer repeat as dynamicType is new super self Self Type
    __COLUMN__ __FILE__ __FUNCTION__ __LINE__ associativity async didSet get infix inout
    isolated mutating none nonmutating operator override postfix precedence prefix set
    unowned weak willSet throws rethrows precedencegroup""")
)
DECLARATIONS = frozenset(
    word_list("""
    actor class deinit enum convenience extension final func import init internal lazy let
    nonisolated optional private protocol public required static struct subscript typealias
    var dynamic indirect associatedtype open fileprivate some""")
)
CONSTANTS = frozenset(word_list("true false nil"))

_ID_HEAD = r"(?:_|(?!\p{Mc})\p{Alpha}|[^\x00-\uffff])"
_ID_REST = r"(?:[\p{Alnum}_]|[^\x00-\uffff])"
ID = rf"(?:{_ID_HEAD}{_ID_REST}*)"
_UPPER = compile_ruby_like(r"[[:upper:]]")


def _is_type_name(word: str) -> bool:
    return _UPPER.match(word) is not None


def _access(lexer: RegexLexer, match: re.Match[str]) -> None:
    if match.group(3) == "set":
        lexer.token(Keyword.Declaration)
    else:
        lexer.groups(Keyword.Declaration, Keyword.Declaration, Error, Keyword.Declaration)


def _unowned(lexer: RegexLexer, match: re.Match[str]) -> None:
    if match.group(2) in ("safe", "unsafe"):
        lexer.token(Keyword.Declaration)
    else:
        lexer.groups(Keyword.Declaration, Error, Keyword.Declaration)


def _call(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Keyword.Type if _is_type_name(match.group(0)) else Name.Function)


def _identifier(lexer: RegexLexer, match: re.Match[str]) -> None:
    word = match.group(0)
    if word in KEYWORDS:
        lexer.token(Keyword)
    elif word in DECLARATIONS:
        lexer.token(Keyword.Declaration)
    elif word in CONSTANTS:
        lexer.token(Keyword.Constant)
    elif _is_type_name(word):
        lexer.token(Keyword.Type)
    else:
        lexer.token(Name)


class SwiftLexer(RegexLexer):
    tag = "swift"

    def start(self) -> None:
        self.push("bol")

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "bol": [
                rule(r"#.*", Comment.Preproc),
                mixin("inline_whitespace"),
                rule(r"", pop_state),
            ],
            "inline_whitespace": [
                rule(r"\s+", Text, flags=re.S),
                mixin("has_comments"),
            ],
            "whitespace": [
                rule(r"\n+", Text, "bol", flags=re.S),
                rule(r"\/\/.*?$", Comment.Single, "bol"),
                mixin("inline_whitespace"),
            ],
            "has_comments": [rule(r"/[*]", Comment.Multiline, "nested_comment")],
            "nested_comment": [
                mixin("has_comments"),
                rule(r"[*]/", Comment.Multiline, "#pop"),
                rule(r"[^*/]+", Comment.Multiline, flags=re.S),
                rule(r".", Comment.Multiline),
            ],
            "root": [
                mixin("whitespace"),
                rule(r"\$(([1-9]\d*)?\d)", Name.Variable),
                rule(r"[()\[\]{}:;,?\\]", Punctuation),
                rule(r"[-/=+*%<>!&|^.~]+", Operator),
                rule(r'@?"', String, "dq"),
                rule(r"'(\\.|.)'", String.Char),
                rule(
                    r"(\d+(?:_\d+)*\*|(?:\d+(?:_\d+)*)*\.\d+(?:_\d)*)(e[+-]?\d+(?:_\d)*)?",
                    Number.Float,
                    flags=re.I,
                ),
                rule(r"\d+e[+-]?[0-9]+", Number.Float, flags=re.I),
                rule(r"0o?[0-7]+(?:_[0-7]+)*", Number.Oct),
                rule(
                    r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*((\.[0-9A-F]+(?:_[0-9A-F]+)*)?p[+-]?\d+)?",
                    Number.Hex,
                ),
                rule(r"0b[01]+(?:_[01]+)*", Number.Bin),
                rule(r"[\d]+(?:_\d+)*", Number.Integer),
                rule(rf"@{ID}", Keyword.Declaration),
                rule(r"(private|internal)(\([ ]*)(\w+)([ ]*\))", _access),
                rule(r"(unowned\([ ]*)(\w+)([ ]*\))", _unowned),
                rule(r"#available\([^)]+\)", Keyword.Declaration),
                rule(
                    r"(#(?:selector|keyPath)\()([^)]+?(?:[(].*?[)])?)(\))",
                    groups(Keyword.Declaration, Name.Function, Keyword.Declaration),
                ),
                rule(r"#(line|file|column|function|dsohandle)", Keyword.Declaration),
                rule(rf"(let|var)\b(\s*)({ID})", groups(Keyword, Text, Name.Variable)),
                rule(r"(let|var)\b(\s*)([(])", groups(Keyword, Text, Punctuation), "tuple"),
                rule(
                    rf"(?!\b(if|while|for|private|internal|unowned|switch|case)\b)\b{ID}"
                    r"(?=(\?|!)?\s*[(])",
                    _call,
                ),
                rule(r"as[?!]?(?=\s)", Keyword),
                rule(r"try[!]?(?=\s)", Keyword),
                rule(
                    rf"(#?(?!default)(?![[:upper:]]){ID})(\s*)(:)",
                    groups(Name.Variable, Text, Punctuation),
                ),
                rule(ID, _identifier),
                rule(rf"(`)({ID})(`)", groups(Punctuation, Name.Variable, Punctuation)),
            ],
            "tuple": [
                rule(rf"({ID})", Name.Variable),
                rule(rf"(`)({ID})(`)", groups(Punctuation, Name.Variable, Punctuation)),
                rule(r",", Punctuation),
                rule(r"[(]", Punctuation, "#push"),
                rule(r"[)]", Punctuation, "#pop"),
                mixin("inline_whitespace"),
            ],
            "dq": [
                rule(r"""\\[\\0tnr'"]""", String.Escape),
                rule(r"\\[(]", String.Escape, "interp"),
                rule(r"\\u\{\h{1,8}\}", String.Escape),
                rule(r'[^\\"]+', String),
                rule(r'"""', String, "#pop"),
                rule(r'"', String, "#pop"),
            ],
            "interp": [
                rule(r"[(]", Punctuation, "interp_inner"),
                rule(r"[)]", String.Escape, "#pop"),
                mixin("root"),
            ],
            "interp_inner": [
                rule(r"[(]", Punctuation, "#push"),
                rule(r"[)]", Punctuation, "#pop"),
                mixin("root"),
            ],
        }
