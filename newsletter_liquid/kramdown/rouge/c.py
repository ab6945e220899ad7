"""C, tokenized as rouge 3.30 does (line-start states for labels and preprocessor lines)."""

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
)

from ._engine import RegexLexer, RunGuard, StateItem, groups, mixin, pop_state, rule, word_list

KEYWORDS = frozenset(
    word_list("""
    auto break case const continue default do else enum extern for goto if register
    restricted return sizeof static struct switch typedef union volatile virtual while
    _Alignas _Alignof _Atomic _Generic _Imaginary _Noreturn _Static_assert _Thread_local""")
)
KEYWORD_TYPES = frozenset(
    word_list("""
    int long float short double char unsigned signed void jmp_buf FILE DIR div_t ldiv_t
    mbstate_t sig_atomic_t fpos_t clock_t time_t va_list size_t ssize_t off_t wchar_t
    ptrdiff_t wctrans_t wint_t wctype_t _Bool _Complex int8_t int16_t int32_t int64_t
    uint8_t uint16_t uint32_t uint64_t int_least8_t int_least16_t int_least32_t
    int_least64_t uint_least8_t uint_least16_t uint_least32_t uint_least64_t int_fast8_t
    int_fast16_t int_fast32_t int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t
    uint_fast64_t intptr_t uintptr_t intmax_t uintmax_t char16_t char32_t""")
)
RESERVED = frozenset(
    word_list("""
    __asm __int8 __based __except __int16 __stdcall __cdecl __fastcall __int32 __declspec
    __finally __int61 __try __leave inline _inline __inline naked _naked __naked restrict
    _restrict __restrict thread _thread __thread typename _typename __typename""")
)

ID = r"[a-zA-Z_][a-zA-Z0-9_]*"
# interpolated into an /m regex by rouge, but keeps its own flags: "." stops at newlines
_WS = r"(?-s:(?:\s|//.*?\n|/[*].*?[*]/)+)"


# the words before a signature's "(" are all in [\w*\s], so "(" ends that run
_SIGNATURE_GUARD = RunGuard(r"[\w*\s]", "(", monotone=True)


def _identifier(lexer: RegexLexer, match: re.Match[str]) -> None:
    cls = type(lexer)
    assert issubclass(cls, CLexer)
    name = match.group(0)
    if name in cls.keywords:
        lexer.token(Keyword)
    elif name in cls.keyword_types:
        lexer.token(Keyword.Type)
    elif name in cls.reserved:
        lexer.token(Keyword.Reserved)
    elif name in cls.builtins:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name)


def _function(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.recurse(match.group(1))
    lexer.token(Name.Function, match.group(2))
    lexer.recurse(match.group(3))
    lexer.recurse(match.group(4))
    lexer.token(Punctuation, match.group(5))
    if match.group(5) == "{":
        lexer.push("function")


class CLexer(RegexLexer):
    tag = "c"

    keywords: ClassVar[frozenset[str]] = KEYWORDS
    keyword_types: ClassVar[frozenset[str]] = KEYWORD_TYPES
    reserved: ClassVar[frozenset[str]] = RESERVED
    builtins: ClassVar[frozenset[str]] = frozenset()

    def start(self) -> None:
        self.push("bol")

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "expr_bol": [
                mixin("inline_whitespace"),
                rule(r"#if\s0", Comment, "if_0"),
                rule(r"#", Comment.Preproc, "macro"),
                rule(r"", pop_state),
            ],
            "bol": [
                rule(rf"{ID}:(?!:)", Name.Label),
                mixin("expr_bol"),
            ],
            "inline_whitespace": [
                rule(r"[ \t\r]+", Text),
                rule(r"\\\n", Text),  # line continuation
                rule(r"/(\\\n)?[*].*?[*](\\\n)?/", Comment.Multiline, flags=re.S),
            ],
            "whitespace": [
                rule(r"\n+", Text, "bol", flags=re.S),
                rule(r"//(\\.|.)*?$", Comment.Single, "bol"),
                mixin("inline_whitespace"),
            ],
            "expr_whitespace": [
                rule(r"\n+", Text, "expr_bol", flags=re.S),
                mixin("whitespace"),
            ],
            "statements": [
                mixin("whitespace"),
                rule(r'(u8|u|U|L)?"', String, "string"),
                rule(
                    r"(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'",
                    String.Char,
                    flags=re.I,
                ),
                rule(r"(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*", Number.Float, flags=re.I),
                rule(r"\d+e[+-]?\d+[lu]*", Number.Float, flags=re.I),
                rule(r"0x[0-9a-f]+[lu]*", Number.Hex, flags=re.I),
                rule(r"0[0-7]+[lu]*", Number.Oct, flags=re.I),
                rule(r"\d+[lu]*", Number.Integer, flags=re.I),
                rule(r"\*/", Error),
                rule(r"[~!%^&*+=\|?:<>/-]", Operator),
                rule(r"[()\[\],.;]", Punctuation),
                rule(r"\bcase\b", Keyword, "case"),
                rule(r"(?:true|false|NULL)\b", Name.Builtin),
                rule(ID, _identifier),
            ],
            "case": [
                rule(r":", Punctuation, "#pop"),
                mixin("statements"),
            ],
            "root": [
                mixin("expr_whitespace"),
                rule(
                    rf"""
                    ([\w*\s]+?[\s*]) # return arguments
                    ({ID})          # function name
                    (\s*\([^;]*?\))  # signature
                    ({_WS}?)({{|;)    # open brace or semicolon
                    """,
                    _function,
                    flags=re.S | re.X,
                    guard=_SIGNATURE_GUARD,
                ),
                rule(r"\{", Punctuation, "function"),
                mixin("statements"),
            ],
            "function": [
                mixin("whitespace"),
                mixin("statements"),
                rule(r";", Punctuation),
                rule(r"{", Punctuation, "function"),
                rule(r"}", Punctuation, "#pop"),
            ],
            "string": [
                rule(r'"', String, "#pop"),
                rule(r"""\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})""", String.Escape),
                rule(r'[^\\"\n]+', String),
                rule(r"\\\n", String),
                rule(r"\\", String),  # stray backslash
            ],
            "macro": [
                mixin("include"),
                rule(r"[^/\n\\]+", Comment.Preproc),
                rule(r"\\.", Comment.Preproc, flags=re.S),
                mixin("inline_whitespace"),
                rule(r"/", Comment.Preproc),
                rule(r"\n", Comment.Preproc, "#pop"),
            ],
            "include": [
                rule(
                    r"(include)(\s*)(<[^>]+>)([^\n]*)",
                    groups(Comment.Preproc, Text, Comment.PreprocFile, Comment.Single),
                ),
                rule(
                    r'(include)(\s*)("[^"]+")([^\n]*)',
                    groups(Comment.Preproc, Text, Comment.PreprocFile, Comment.Single),
                ),
            ],
            "if_0": [
                rule(r"^\s*#if", Comment, "if_0"),
                rule(r"^\s*#\s*el(?:se|if)", Comment, "#pop"),
                rule(r"^\s*#\s*endif\b.*?(?<!\\)\n", Comment, "#pop", flags=re.S),
                rule(r".*?\n", Comment),
            ],
        }
