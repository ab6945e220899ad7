"""Pascal, tokenized as rouge 3.30 does.

Rouge's word rules are case-insensitive, and Ruby's ``/i`` folds more than
ASCII case: the Kelvin sign is a ``k``, the long s an ``s``, and a ligature or
sharp s stands for the two or three letters of a literal word ("claß" is
"class"); the word patterns spell these out.  Their leading ``\\b`` always holds
(the scan position counts as the start of the text and every word begins with a
letter), so it is left out; the trailing one is "no Ruby word character follows".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, mixin, rule, word_list
from ._ruby_regex import boundary_word

KEYWORDS = word_list("""
    absolute abstract all and and_then array as asm assembler attribute
    begin bindable case class const constructor delay destructor div do
    downto else end except exit export exports external far file finalization
    finally for forward function goto if implementation import in inc index
    inherited initialization inline interface interrupt is label library
    message mod module near nil not object of on only operator or or_else
    otherwise out overload override packed pascal pow private procedure program
    property protected public published qualified raise read record register
    repeat resident resourcestring restricted safecall segment set shl shr
    stdcall stored string then threadvar to try type unit until uses value var
    view virtual while with write writeln xor""")

KEYWORDS_TYPE = word_list("""
    ansichar ansistring bool boolean byte bytebool cardinal char comp currency
    double dword extended int64 integer iunknown longbool longint longword pansichar
    pansistring pbool pboolean pbyte pbytearray pcardinal pchar pcomp pcurrency
    pdate pdatetime pdouble pdword pextended phandle pint64 pinteger plongint plongword
    pointer ppointer pshortint pshortstring psingle psmallint pstring pvariant pwidechar
    pwidestring pword pwordarray pwordbool real real48 shortint shortstring single
    smallint string tclass tdate tdatetime textfile thandle tobject ttime variant
    widechar widestring word wordbool""")

# Ruby's /i folds these non-ASCII characters into one ASCII letter ...
_SINGLE_FOLDS = {"k": "[k\u212a]", "s": "[s\u017f]"}
# ... and these into two or three letters of a literal word
_MULTI_FOLDS = (
    ("ffi", "\ufb03"),
    ("ffl", "\ufb04"),
    ("ff", "\ufb00"),
    ("fi", "\ufb01"),
    ("fl", "\ufb02"),
    ("ss", "\u00df\u1e9e"),
    ("st", "\ufb05\ufb06"),
)


def _folded(word: str) -> str:
    """Pattern (compiled with ``re.I``) of ``word`` as Ruby's /i matches the literal."""
    if not word:
        return ""
    options = [_SINGLE_FOLDS.get(word[0], re.escape(word[0])) + _folded(word[1:])]
    for letters, chars in _MULTI_FOLDS:
        if word.startswith(letters):
            options.append(f"[{chars}]{_folded(word[len(letters) :])}")
    return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"


def _word_rule(names: Sequence[str]) -> str:
    return f"({'|'.join(_folded(name) for name in names)})(?![{boundary_word()}])"


class _Closers:
    """Where the last closer of each block comment lies, found once per text.

    Without a closer ahead, rouge's lazy ``.*?`` runs to the end of the text at
    every opener (quadratic on runs of unclosed comments); the rule is only tried
    where a closer lies ahead.
    """

    __slots__ = ("brace", "star", "text")

    def __init__(self) -> None:
        self.text: str | None = None
        self.star = -1
        self.brace = -1

    def scan(self, text: str) -> None:
        if text is not self.text:
            self.text = text
            self.star = text.rfind("*)")
            self.brace = text.rfind("}")


def _star_comment_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, PascalLexer)
    lexer.closers.scan(text)
    # "(*" opens, the closing "*)" starts after it
    return lexer.closers.star >= pos + 2


def _brace_comment_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    assert isinstance(lexer, PascalLexer)
    lexer.closers.scan(text)
    return lexer.closers.brace >= pos + 1


class PascalLexer(RegexLexer):
    tag = "pascal"

    def start(self) -> None:
        self.closers = _Closers()

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "whitespace": [
                rule(r"\s+", Text, flags=re.S),
                rule(r"(//).*$\n?", Comment.Single),
                rule(r"(--).*$\n?", Comment.Single),
                rule(r"\(\*.*?\*\)", Comment.Multiline, flags=re.S, guard=_star_comment_guard),
                rule(r"\{.*?\}", Comment.Multiline, flags=re.S, guard=_brace_comment_guard),
            ],
            "root": [
                mixin("whitespace"),
                rule(
                    r"((0(x|X)[0-9a-fA-F]*)|(([0-9]+\.?[0-9]*)|(\.[0-9]+))((e|E)(\+|-)?[0-9]+)?)"
                    r"(L|l|UL|ul|u|U|F|f|ll|LL|ull|ULL)?",
                    Number,
                ),
                rule(r"\$[0-9A-Fa-f]+", Number.Hex),
                rule(r"[~!@#\$%\^&\*\(\)\+`\-={}\[\]:;<>\?,\.\/\|\\]", Punctuation),
                rule(r"'([^']|'')*'", String),
                rule(_word_rule(("true", "false", "nil")), Name.Builtin, flags=re.I),
                rule(_word_rule(KEYWORDS), Keyword, flags=re.I),
                rule(_word_rule(KEYWORDS_TYPE), Keyword.Type, flags=re.I),
                rule("@?[_a-zA-Z\u017f\u212a]\\w*", Name),
            ],
        }
