"""Zig, tokenized as rouge 3.30 does.

Rouge's identifiers are ``[a-z_]\\w*`` under ``/i``: Onigmo folds the Kelvin sign
and the long s into the class, but not into the ASCII ``\\w``.  Its ``\\b`` before
a keyword always holds at the scan position (rouge matches as if the text began
there); the one after it is a look-ahead for Ruby's boundary word class.  Rouge's
``attribute`` state is unreachable; it is kept for fidelity.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import OptionValue, RegexLexer, StateItem, mixin, pop_state, rule, word_list
from ._ruby_regex import boundary_word

KEYWORDS = frozenset(
    word_list("""
    align linksection threadlocal struct enum union error break return
    anyframe fn c_longlong c_ulonglong c_longdouble c_void comptime_float
    c_short c_ushort c_int c_uint c_long c_ulong continue asm defer
    errdefer const var extern packed export pub if else switch and or
    orelse while for bool unreachable try catch async suspend nosuspend
    await resume undefined usingnamespace test void noreturn type
    anyerror usize noalias inline noinline comptime callconv volatile
    allowzero""")
)
BUILTINS = frozenset(
    word_list("""
    @addWithOverflow @as @atomicLoad @atomicStore @bitCast @breakpoint
    @alignCast @alignOf @cDefine @cImport @cInclude @bitOffsetOf
    @atomicRmw @bytesToSlice @byteOffsetOf @OpaqueType @panic @ptrCast
    @bitReverse @Vector @sin @cUndef @canImplicitCast @clz @cmpxchgWeak
    @cmpxchgStrong @compileError @compileLog @ctz @popCount @divExact
    @divFloor @cos @divTrunc @embedFile @export @tagName @TagType
    @errorName @call @errorReturnTrace @fence @fieldParentPtr @field
    @unionInit @errorToInt @intToEnum @enumToInt @setAlignStack @frame
    @Frame @exp @exp2 @log @log2 @log10 @fabs @floor @ceil @trunc @round
    @floatCast @intToFloat @floatToInt @boolToInt @errSetCast @intToError
    @frameAddress @import @newStackCall @asyncCall @intToPtr @intCast
    @frameSize @memcpy @memset @mod @mulWithOverflow @splat @ptrToInt
    @rem @returnAddress @setCold @Type @shuffle @setGlobalLinkage
    @setGlobalSection @shlExact @This @hasDecl @hasField
    @setRuntimeSafety @setEvalBranchQuota @setFloatMode @shlWithOverflow
    @shrExact @sizeOf @bitSizeOf @sqrt @byteSwap @subWithOverflow
    @sliceToBytes comptime_int @truncate @typeInfo @typeName @TypeOf""")
)

_ID = "[a-zA-Z_\u017f\u212a]\\w*"
_ESCAPES = r"""\\(?:[nrt'"\\0]|x\h{2}|u\h{4}|U\h{8})"""
_END = f"(?![{boundary_word()}])"  # Ruby's \b after a word character
_DOT = r"[.][0-9_]+"
_EXP = r"e[-+]?[0-9_]+"


def _name(lexer: RegexLexer, match: re.Match[str]) -> None:
    dot, _, name, _, paren = match.groups()
    if name in KEYWORDS:
        token = Keyword
    elif name in BUILTINS:
        token = Name.Builtin
    elif dot and paren:
        token = Name.Function
    elif dot:
        token = Name.Property
    else:
        token = Name
    lexer.groups(Punctuation, Text, token, Text, Punctuation)


class _RawEnds:
    """Last index of each raw-string closer ``"`` + hashes in the current text.

    Rouge's raw string scans lazily to its closer; an unclosed one would be
    rescanned to the end of the text at every ``r"``.
    """

    def __init__(self) -> None:
        self.text: str | None = None
        self.last: dict[int, int] = {}

    def last_closer(self, text: str, hashes: int) -> int:
        if text is not self.text:
            self.text = text
            self.last = {}
        if hashes not in self.last:
            self.last[hashes] = text.rfind('"' + "#" * hashes)
        return self.last[hashes]


_RAW_OPEN = re.compile(r'r(#*)"')


def _raw_may_close(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, ZigLexer)
    opened = _RAW_OPEN.match(text, pos)
    if opened is None:
        return False
    hashes = len(opened.group(1))
    return lexer.raw_ends.last_closer(text, hashes) >= opened.end()


class ZigLexer(RegexLexer):
    tag = "zig"
    rouge_aliases = ("zir",)

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        self.raw_ends = _RawEnds()
        super().__init__(options)

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
                mixin("literals"),
                rule(r"[(,)=:]", Name.Decorator),
                rule(r"\]", Name.Decorator, "#pop"),
                rule(_ID, Name.Decorator),
            ],
            "whitespace": [
                rule(r"\s+", Text),
                rule(r"//[^\n]*", Comment),
            ],
            "root": [
                rule(r"\n", Text, "bol"),
                mixin("whitespace"),
                rule(rf"(?:(i|u)[0-9]+){_END}", Keyword.Type),
                rule(rf"(?:f(16|32|64|128)){_END}", Keyword.Type),
                rule(rf"(?:(isize|usize)){_END}", Keyword.Type),
                mixin("literals"),
                rule(rf"'{_ID}", Name.Variable),
                rule(rf"([.]?)(\s*)(@?{_ID})(\s*)([(]?)", _name),
                rule(r"[()\[\]{}|,:;]", Punctuation),
                rule(r"[*\/!@~&+%^<>=\?-]|\.{1,3}", Operator),
            ],
            "literals": [
                rule(rf"(?:true|false|null){_END}", Keyword.Constant),
                rule(rf"'(?:{_ESCAPES}|[^\\])'", String.Char),
                rule(r'"', String, "string"),
                rule(r'r(#*)".*?"\1', String, flags=re.S, guard=_raw_may_close),
                rule(rf"[0-9]+({_DOT}(?:{_EXP})?|(?:{_DOT})?{_EXP})", Number.Float),
                rule(r"(0b[10_]+|0x[0-9a-fA-F_]+|[0-9_]+)", Number.Integer),
            ],
            "string": [
                rule(r'"', String, "#pop"),
                rule(_ESCAPES, String.Escape),
                rule(r'[^"\\]+', String),
            ],
        }
