"""Rust, tokenized as rouge 3.30 does (nested block comments, macro delimiter counting)."""

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

from ._engine import RegexLexer, StateItem, groups, mixin, pop_state, rule, word_list, words

KEYWORDS = word_list("""
    as async await break const continue crate dyn else enum extern false fn for if impl in
    let log loop match mod move mut pub ref return self Self static struct super trait true
    type unsafe use where while abstract become box do final macro override priv typeof
    unsized virtual yield try union""")

BUILTINS = frozenset(
    word_list("""
    Add BitAnd BitOr BitXor bool c_char c_double c_float char c_int clock_t c_long
    c_longlong Cons Const Copy c_schar c_short c_uchar c_uint c_ulong c_ulonglong c_ushort
    c_void dev_t DIR dirent Div Either Eq Err f32 f64 Failure FILE float fpos_t i16 i32 i64
    i8 isize Index ino_t int intptr_t Left mode_t Modulo Mul Neg Nil None Num off_t Ok
    Option Ord Owned pid_t Ptr ptrdiff_t Right Send Shl Shr size_t Some ssize_t str Sub
    Success time_t u16 u32 u64 u8 usize uint uintptr_t Box Vec String Gc Rc Arc u128 i128
    Result Sync Pin Unpin Sized Drop drop Fn FnMut FnOnce Clone PartialEq PartialOrd AsMut
    AsRef From Into Default DoubleEndedIterator ExactSizeIterator Extend IntoIterator
    Iterator""")
)

ID = r"[\p{XID_Start}_]\p{XID_Continue}*"
_HEX = r"(?i:[0-9a-f])"
_ESCAPES = rf"""(?:\\([nrt'"\\0]|x{_HEX}{{2}}|u\{{({_HEX}_*){{1,6}}\}}))"""
_SIZE = r"(?:8|16|32|64|128|size)"
_DOT = r"(?:[.][0-9][0-9_]*)"
_EXP = r"(?:[eE][-+]?[0-9_]+)"
_FLT = r"(?:f32|f64)"

_CLOSERS = {"[": "]", "(": ")", "{": "}"}


def _identifier(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Name.Builtin if match.group(0) in BUILTINS else Name)


def _macro_open(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, RustLexer)
    lexer.macro_delims[_CLOSERS[match.group(0)]] += 1
    lexer.token(Punctuation)


def _macro_close(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, RustLexer)
    lexer.macro_delims[match.group(0)] -= 1
    if all(count == 0 for count in lexer.macro_delims.values()):
        lexer.pop()
    lexer.token(Punctuation)


def _nested_block(state: str, token: _TokenType) -> list[StateItem]:
    return [
        rule(r"\*/", token, "#pop"),
        rule(r"/\*", token, state),
        rule(r"[^*/]+|[*/]", token),
    ]


class RustLexer(RegexLexer):
    tag = "rust"
    rouge_aliases = (
        "rs",
        "rust,no_run",
        "rs,no_run",
        "rust,ignore",
        "rs,ignore",
        "rust,should_panic",
        "rs,should_panic",
    )

    def start(self) -> None:
        # open macro delimiters, by closing character
        self.macro_delims = {"]": 0, ")": 0, "}": 0}
        self.push("bol")

    @classmethod
    def detect(cls, text: str) -> bool:
        return re.match(r"\A#!.*?\brustc(?:\s|$)", text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "bol": [
                mixin("whitespace"),
                rule(r"#\s[^\n]*", Comment.Special),
                rule(r"", pop_state),
            ],
            "attribute": [
                mixin("whitespace"),
                mixin("has_literals"),
                rule(r"[(,)=:]", Name.Decorator),
                rule(r"\]", Name.Decorator, "#pop"),
                rule(ID, Name.Decorator),
            ],
            "whitespace": [
                rule(r"\s+", Text),
                mixin("comments"),
            ],
            "comments": [
                rule(r"////+[^\n]*", Comment.Single),
                rule(r"//[/!][^\n]*", Comment.Doc),
                rule(r"//[^\n]*", Comment.Single),
                rule(r"/\*\*\*?/", Comment.Multiline),
                rule(r"/\*\*\*+", Comment.Multiline, "nested_plain_block"),
                rule(r"/[*][*!]", Comment.Doc, "nested_doc_block"),
                rule(r"/[*]", Comment.Multiline, "nested_plain_block"),
            ],
            "nested_plain_block": _nested_block("nested_plain_block", Comment.Multiline),
            "nested_doc_block": _nested_block("nested_doc_block", Comment.Doc),
            "root": [
                rule(r"\n", Text, "bol"),
                mixin("whitespace"),
                rule(r"#!?\[", Name.Decorator, "attribute"),
                rule(rf"\b(?:{words(KEYWORDS)})\b", Keyword),
                mixin("has_literals"),
                rule(r"[=-]>", Keyword),
                rule(r"<->", Keyword),
                rule(r"[()\[\]{}|,:;]", Punctuation),
                rule(r"[*\/!@~&+%^<>=\?-]|\.{2,3}", Operator),
                rule(rf"([.]\s*)?{ID}(?=\s*[(])", Name.Function, flags=re.S),
                rule(r"[.]\s*await\b", Keyword),
                rule(rf"[.]\s*{ID}", Name.Property),
                rule(r"[.]\s*\d+", Name.Attribute),
                rule(rf"({ID})(::)", groups(Name.Namespace, Punctuation), flags=re.S),
                rule(r"\bmacro_rules!", Name.Decorator, "macro_rules"),
                rule(rf"{ID}!", Name.Decorator, "macro"),
                rule(r"'static\b", Keyword),
                rule(rf"'{ID}", Name.Variable),
                rule(ID, _identifier),
            ],
            "macro": [
                mixin("has_literals"),
                rule(r"[\[{(]", _macro_open),
                rule(r"[\]})]", _macro_close),
                rule(rf"{ID}!", Name.Decorator),
                mixin("root"),
                rule(r".", Text),
            ],
            "macro_rules": [
                rule(rf"[$]{ID}(:{ID})?", Name.Variable),
                rule(r"[$]", Name.Variable),
                mixin("macro"),
            ],
            "has_literals": [
                rule(r"\b(?:true|false)\b", Keyword.Constant),
                rule(rf"b?'(?:{_ESCAPES}|[^\\])'", String.Char),
                rule(r'b?"', String, "string"),
                rule(r'b?r(#*)".*?"\1', String, flags=re.S),
                rule(
                    rf"""[0-9][0-9_]*
                    ({_DOT}{_EXP}?{_FLT}?
                    |{_DOT}?{_EXP}{_FLT}?
                    |{_DOT}?{_EXP}?{_FLT}
                    |[.](?![._\p{{XID_Start}}])
                    )""",
                    Number.Float,
                    flags=re.X,
                ),
                rule(
                    rf"""(0b[10_]+
                    |0x[0-9a-fA-F_]+
                    |0o[0-7_]+
                    |[0-9][0-9_]*
                    )(u{_SIZE}?|i{_SIZE})?""",
                    Number.Integer,
                    flags=re.X,
                ),
            ],
            "string": [
                rule(r'"', String, "#pop"),
                rule(_ESCAPES, String.Escape),
                rule(r'[^"\\]+', String, flags=re.S),
            ],
        }
